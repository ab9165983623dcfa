"""Both engines under one set of tests (issue 16): the store, command, undo, import/export
and concurrency tests run on SQLite and on PostgreSQL.

A test is run on both when it lives in a folder or file of BOTH and uses the `engine`
fixture (the `db`, `ctx` and `run_cli` fixtures do), unless it is marked `sqlite_only`
(it reads the file itself: pragmas, permissions, backups of the file). PostgreSQL comes
from PURSUIT_TEST_POSTGRES; each test gets a search (a schema) of its own, dropped after.
Without the variable those tests are not run, and one line at the end says how to run them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("PURSUIT_TEST_POSTGRES", "")
SKIP_REASON = (
    "PostgreSQL: set PURSUIT_TEST_POSTGRES=postgresql://postgres@127.0.0.1:5432/test "
    "(a server that takes that user) to run them; only SQLite ran"
)
BOTH = (
    "tests/store/",
    "tests/cli/",
    "tests/io/",
    "tests/pg/",
    "tests/reliability/test_bad_cli_input.py",
    "tests/reliability/test_concurrent_writers.py",
    "tests/reliability/test_fault_cli.py",
    "tests/reliability/test_fault_app_server.py",
    "tests/reliability/test_fault_dates.py",
    "tests/reliability/test_fault_escapes.py",
    "tests/reliability/test_fault_server.py",
    "tests/reliability/test_read_then_write.py",
)
ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: reads the SQLite file itself; not run on PostgreSQL"
    )
    config.addinivalue_line("markers", "postgresql_only: about PostgreSQL alone")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    where = Path(str(metafunc.definition.path)).as_posix()
    if not any(f"/{part}" in where or where.startswith(part) for part in BOTH):
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    engines = (
        ["postgresql"] if metafunc.definition.get_closest_marker("postgresql_only") else ENGINES
    )
    metafunc.parametrize("engine", engines, indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without a server, the PostgreSQL runs are left out (one line at the end says so),
    rather than each reported as a skip."""
    if PG_URL:
        return
    kept: list[pytest.Item] = []
    left: list[pytest.Item] = []
    for item in items:
        spec = getattr(item, "callspec", None)
        params = spec.params if spec is not None else {}
        (left if params.get("engine") == "postgresql" else kept).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Said whether or not this process collected (under xdist the workers do).
    if not PG_URL:
        terminalreporter.write_line(f"Tests on {SKIP_REASON}")


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """ "sqlite", or "postgresql" (skipped without a server to run it on)."""
    name = str(getattr(request, "param", "sqlite"))
    if name == "postgresql" and not PG_URL:
        pytest.skip(SKIP_REASON)
    return name


def new_search() -> str:
    return f"t_{uuid.uuid4().hex[:16]}"


def drop_search(search: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {search} CASCADE")


@pytest.fixture
def pg_search(engine: str) -> Iterator[str | None]:
    """The search (schema) this test's PostgreSQL data lives in, dropped after; None on
    SQLite."""
    if engine != "postgresql":
        yield None
        return
    search = new_search()
    try:
        yield search
    finally:
        drop_search(search)
