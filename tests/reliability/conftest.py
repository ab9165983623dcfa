"""Fixtures for the reliability tests (issue 4): a clean environment, the trial tally, and
runner processes that are always stopped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .helpers.common import Runner, Tally, clean_env


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return clean_env(tmp_path)


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> Tally:
    """Call `tally.finish()` at the end of the test: it records and asserts the counts."""
    return Tally(request.node)


@pytest.fixture
def start_runner() -> Iterator[Callable[..., Runner]]:
    started: list[Runner] = []

    def start(env: dict[str, str], *args: str) -> Runner:
        runner = Runner(env, *args)
        started.append(runner)
        return runner

    yield start
    for runner in started:
        runner.close()


@pytest.fixture(scope="session")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    """One runner process for the whole session (starting one costs a second): commands
    name their database, and `cli` calls carry their own environment."""
    process = Runner(clean_env(tmp_path_factory.mktemp("runner")))
    yield process
    process.close()
