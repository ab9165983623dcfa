"""Issue 4, item 1: every connection pursuit makes, on any thread, runs with the promised
pragmas (read back from SQLite, not from our own constants)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pursuit.store import sqlite
from pursuit.store.database import Database, open_database
from pursuit.store.unit import write_session

from .helpers.common import Tally

pytestmark = pytest.mark.reliability

Reader = Callable[[str], object]


def _read_all(read: Reader) -> dict[str, object]:
    return {
        "journal_mode": read("journal_mode"),
        "synchronous": read("synchronous"),
        "foreign_keys": read("foreign_keys"),
        "busy_timeout": read("busy_timeout"),
    }


def _stdlib(conn: sqlite3.Connection) -> dict[str, object]:
    return _read_all(lambda p: conn.execute(f"PRAGMA {p}").fetchone()[0])


def _fresh(path: Path) -> dict[str, object]:
    conn = sqlite.connect(path)
    try:
        return _stdlib(conn)
    finally:
        conn.close()


def _database_connection(db: Database) -> dict[str, object]:
    with db.connection() as conn:
        return _stdlib(conn)


def _read_transaction(db: Database) -> dict[str, object]:
    with db.read() as conn:
        return _stdlib(conn)


def _write_session(db: Database) -> dict[str, object]:
    # The ORM's connection, as the app's worker threads and every CLI write get it.
    with write_session(db, label="pragmas", now=datetime.now(UTC), undoable=False) as s:
        conn = s.connection()
        return _read_all(lambda p: conn.exec_driver_sql(f"PRAGMA {p}").scalar())


def test_every_connection_reads_back_the_promised_pragmas(tmp_path: Path, tally: Tally) -> None:
    db = open_database(tmp_path / "pursuit.db")
    probes: dict[str, Callable[[], dict[str, object]]] = {
        "fresh connect()": lambda: _fresh(db.path),
        "Database.connection()": lambda: _database_connection(db),
        "Database.read()": lambda: _read_transaction(db),
        "write_session()": lambda: _write_session(db),
    }
    results: list[tuple[str, dict[str, object]]] = []
    for name, probe in probes.items():
        results.append((f"{name} on the main thread", probe()))
    # Worker threads, as the app uses them: several at once, and more threads than any
    # per-thread pool keeps, so a connection made (or recycled) for a thread is checked too.
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [
            (f"{name} in worker {i}", pool.submit(probe))
            for i in range(8)
            for name, probe in probes.items()
        ]
        results.extend((label, f.result()) for label, f in futures)
    db.close()

    for label, got in results:
        with tally.case(label):
            assert got["journal_mode"] == "wal", got
            assert got["synchronous"] == 2, got  # 2 = FULL
            assert got["foreign_keys"] == 1, got
            assert isinstance(got["busy_timeout"], int) and got["busy_timeout"] >= 5000, got
    tally.finish()


def test_the_check_can_fail_on_a_plain_connection(tmp_path: Path) -> None:
    """The probe is not a tautology: Python's default connection has none of the pragmas."""
    open_database(tmp_path / "pursuit.db").close()
    conn = sqlite3.connect(tmp_path / "pursuit.db")
    try:
        got = _stdlib(conn)
    finally:
        conn.close()
    assert got["foreign_keys"] == 0
    assert got["busy_timeout"] != sqlite.BUSY_TIMEOUT_MS
