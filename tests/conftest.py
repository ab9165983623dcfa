"""Shared fixtures: a fixed clock and zone, a temporary database, and the real `pursuit`."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, tzinfo
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

from pursuit.store.context import Ctx
from pursuit.store.database import Database, open_database
from pursuit.store.location import pg_target
from pursuit.store.opening import open_location

PG_URL = os.environ.get("PURSUIT_TEST_POSTGRES", "")
"""The PostgreSQL server the `postgresql` engine's tests use (tests/engines.py)."""
TZ_NAME = "America/New_York"
_ZONE = dateutil_tz.gettz(TZ_NAME)
assert _ZONE is not None
NY: tzinfo = _ZONE
# A Monday morning in New York, well clear of any DST change.
NOW = datetime(2026, 3, 16, 9, 0, tzinfo=NY)
PURSUIT = Path(sys.executable).with_name("pursuit")

pytest_plugins = ["tui_fixtures", "engines"]

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def tz() -> tzinfo:
    return NY


@pytest.fixture
def db(tmp_path: Path, pg_search: str | None) -> Iterator[Database]:
    """A new, empty search: a file, or (engine "postgresql") a schema of its own."""
    if pg_search is None:
        database = open_database(tmp_path / "pursuit.db")
    else:
        database = open_location(pg_target(PG_URL, pg_search), local=tmp_path / "local")
    yield database
    database.close()


@pytest.fixture
def ctx(db: Database) -> Ctx:
    return Ctx(db=db, now=NOW, tz=NY)


def cli_env(db_path: Path, now: datetime | str) -> dict[str, str]:
    """Only what `pursuit` needs, so the developer's own config, zone or data never leak in."""
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "SYSTEMROOT") if k in os.environ}
    env.update(
        PURSUIT_DB=str(db_path),
        PURSUIT_NOW=now if isinstance(now, str) else now.isoformat(),
        PURSUIT_TZ=TZ_NAME,
        PURSUIT_CONFIG=str(db_path.parent / "none.toml"),
    )
    return env


@pytest.fixture
def run_cli(tmp_path: Path, pg_search: str | None) -> RunCli:
    """`run_cli("add", "Acme", "Engineer", now=..., db=..., env=...)` runs the installed
    command, on the test's engine (a `db` path given is always a SQLite file); `env` adds
    to or overrides its environment."""

    def run(
        *args: str,
        now: datetime | str = NOW,
        db: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        full = cli_env(db or tmp_path / "pursuit.db", now)
        if pg_search is not None and db is None:
            full.update(PURSUIT_DB=PG_URL, PURSUIT_SEARCH=pg_search)
        full.update(env or {})
        return subprocess.run(
            [str(PURSUIT), *args],
            env=full,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    return run


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(db: Database, sql: str, *params: object) -> list[tuple[object, ...]]:
    """`sql` run through the search's own Database: the same on either engine."""
    with db.read() as conn:
        return [tuple(row) for row in conn.execute(sql, params).fetchall()]


def contents(db: Database) -> tuple[int, bytes]:
    """What the search holds, on either engine: its revision counter (which every write
    moves) and its lossless export. Equal before and after: nothing was written."""
    from pursuit.store.exporter import export_json

    return db.revision(), export_json(db)
