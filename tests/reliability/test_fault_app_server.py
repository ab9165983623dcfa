"""Issue 14, problem 1, on a PostgreSQL search (issue 16): the app writing while another
connection holds the writers' lock (the revision row's, `SELECT … FOR UPDATE`) past the
busy timeout keeps running, keeps the typed line in its dialog with one line saying the
database is busy, writes nothing, and saves the line once the lock is gone. The same as
test_fault_app.py's SQLite test, whose other faults are the file's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

from engines import PG_URL
from pursuit.config import Config
from pursuit.demo import fill_demo
from pursuit.store import sqlite
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.location import pg_target
from pursuit.store.opening import open_location
from pursuit.tui.app import PursuitApp
from pursuit.tui.showcase import FROZEN_NOW, ZONE

from .helpers.common import Tally
from .helpers.on_engine import writers_lock_held
from .test_fault_app import _quick_entry_fails_then_recovers, _settle

pytestmark = [pytest.mark.reliability, pytest.mark.postgresql_only]


@pytest.fixture
def search_db(tmp_path: Path, engine: str, pg_search: str) -> Iterator[Database]:
    """The demo, in the test's search."""
    zone = dateutil_tz.gettz(ZONE)
    assert zone is not None
    db = open_location(pg_target(PG_URL, pg_search), local=tmp_path / "local")
    fill_demo(Ctx(db=db, now=FROZEN_NOW, tz=zone, settings=Config().rules()))
    yield db
    db.close()


async def test_quick_entry_under_the_row_lock_held_past_the_timeout(
    search_db: Database,
    pg_search: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tally: Tally,
) -> None:
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT_MS", 300)
    zone = dateutil_tz.gettz(ZONE)
    assert zone is not None
    db = open_location(pg_target(PG_URL, pg_search), local=tmp_path / "app")
    app = PursuitApp(db, config=Config(), tz=zone, now=lambda: FROZEN_NOW)
    try:
        async with app.run_test(size=(120, 35)) as pilot:
            await _settle(pilot)
            await _quick_entry_fails_then_recovers(
                pilot, app, search_db, tally, "busy", writers_lock_held(search_db)
            )
    finally:
        db.close()
    tally.finish()
