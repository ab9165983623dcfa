"""Fixtures for the reliability tests (issue 4): a clean environment, the trial tally, and
runner processes that are always stopped."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest

from .helpers.common import Runner, Tally, clean_env


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return clean_env(tmp_path)


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    """Call `tally.finish()` at the end of the test: it records and asserts the counts
    (a test that forgets fails at teardown)."""
    counts = Tally(request.node)
    yield counts
    body = request.node.stash.get(_BODY, None)
    if body is not None and body.passed:  # a body that failed has said why already
        counts.check_finished()


_BODY = pytest.StashKey[pytest.TestReport]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call":
        item.stash[_BODY] = report
    return report


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
