"""The storage promises of DESIGN.md section 4, checked on a real file."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlmodel import select

from conftest import NOW
from pursuit.store import sqlite
from pursuit.store.database import Database, open_database
from pursuit.store.models import Company
from pursuit.store.unit import write_session

pytestmark = pytest.mark.sqlite_only  # pragmas, the file and its lock: SQLite itself

# synchronous 2 is FULL; the busy timeout is the 10 s the README promises.
EXPECTED = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10_000}


def pragmas(conn: sqlite3.Connection) -> dict[str, object]:
    return {
        "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
        "synchronous": conn.execute("PRAGMA synchronous").fetchone()[0],
        "foreign_keys": conn.execute("PRAGMA foreign_keys").fetchone()[0],
        "busy_timeout": conn.execute("PRAGMA busy_timeout").fetchone()[0],
    }


def check(values: dict[str, object]) -> None:
    assert values == EXPECTED


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_pragmas_on_a_fresh_connection(db: Database) -> None:
    # The file itself is WAL for everyone, even a plain sqlite3 connection.
    plain = sqlite3.connect(db.path)
    assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    plain.close()
    with db.connection() as conn:
        check(pragmas(conn))
    # And through the ORM engine, on the connection a write session really uses.
    with write_session(db, label="probe", now=NOW) as session:
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        check(pragmas(raw))


def test_pragmas_on_connections_made_in_other_threads(db: Database) -> None:
    seen: list[dict[str, object]] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            with db.read() as conn:
                seen.append(pragmas(conn))
            with write_session(db, label="probe", now=NOW) as session:
                raw = session.connection().connection.driver_connection
                assert isinstance(raw, sqlite3.Connection)
                seen.append(pragmas(raw))
        except BaseException as exc:  # surfaced in the main thread below
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not failures
    assert len(seen) == 6
    for values in seen:
        check(values)


def test_engine_connections_are_not_shared_or_closed_across_threads(db: Database) -> None:
    # More threads than a small per-thread pool keeps, all holding a connection at once:
    # none may find its connection closed or shared by another thread.
    count = 8
    barrier = threading.Barrier(count, timeout=10)
    results: list[object] = []
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            with db.engine.connect() as conn:
                barrier.wait()
                results.append(conn.execute(text(f"SELECT {n}")).scalar())
                barrier.wait()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not failures, failures
    assert sorted(results) == list(range(count))  # type: ignore[type-var]


def test_write_sessions_begin_immediate(db: Database) -> None:
    statements: list[str] = []

    @event.listens_for(db.engine, "connect")
    def _trace(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.set_trace_callback(statements.append)

    db.engine.dispose()  # new connections from here on, so the trace is installed
    with write_session(db, label="add", now=NOW) as session:
        session.add(Company(name="Acme", name_key="acme", created_at=NOW))
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE"]
    assert statements[-1] == "COMMIT"
    # A read on the engine (not a write session) stays a deferred BEGIN.
    statements.clear()
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    assert [s for s in statements if s.startswith("BEGIN")] == ["BEGIN"]


def test_a_write_session_waits_for_another_writer_instead_of_failing(db: Database) -> None:
    started = threading.Event()
    statements: list[str] = []

    def on_statement(sql: str) -> None:
        statements.append(sql)
        if sql == "BEGIN IMMEDIATE":
            started.set()

    @event.listens_for(db.engine, "connect")
    def _trace(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.set_trace_callback(on_statement)

    other = sqlite.connect(db.path)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO company (name, name_key, created_at) VALUES ('Held', 'held', '2026-03-16 13:00:00.000000')"
    )
    failures: list[BaseException] = []

    def writer() -> None:
        try:
            with write_session(db, label="add", now=NOW) as session:
                existing = session.exec(select(Company)).all()
                session.add(
                    Company(name=f"Waited{len(existing)}", name_key="waited", created_at=NOW)
                )
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    assert started.wait(timeout=30)
    # The writer is at its BEGIN IMMEDIATE while the other connection holds the lock...
    assert thread.is_alive()
    other.execute("COMMIT")
    other.close()
    thread.join(timeout=30)
    # ...and it went through once the lock was free, having read the committed row first.
    assert not failures, failures
    with db.read() as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM company ORDER BY id")]
    assert names == ["Held", "Waited1"]


def test_new_database_is_private(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "new" / "pursuit.db"
    db = open_database(path, private_dir=True)
    with write_session(db, label="add", now=NOW) as session:
        session.add(Company(name="Acme", name_key="acme", created_at=NOW))
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600
    # A WAL database open after a write has both side files, and SQLite gives them the
    # database's mode.
    for side in ("-wal", "-shm"):
        assert mode(Path(f"{path}{side}")) == 0o600, side
    db.close()


def test_folder_we_did_not_create_is_left_alone(tmp_path: Path, umask_022: None) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    open_database(folder / "pursuit.db").close()
    assert mode(folder) == 0o755
    assert mode(folder / "pursuit.db") == 0o600


def test_existing_world_readable_database_is_tightened(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "pursuit.db"
    open_database(path).close()
    os.chmod(path, 0o644)
    db = open_database(path)
    assert mode(path) == 0o600
    db.close()


def test_backup_is_private_and_complete(db: Database, tmp_path: Path, umask_022: None) -> None:
    with write_session(db, label="add", now=NOW) as session:
        session.add(Company(name="Acme", name_key="acme", created_at=NOW))
    target = db.backup(tmp_path / "copies" / "backup.db")
    assert mode(target) == 0o600
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT name FROM company").fetchall() == [("Acme",)]
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
    with pytest.raises(sqlite.DatabaseError, match="already exists"):
        db.backup(target)
