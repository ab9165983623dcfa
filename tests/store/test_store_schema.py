"""The schema: models agree with the migrations, migrations keep data, newer files are refused."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import Boolean, Integer, String
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

from conftest import sha256
from pursuit.store import models, sqlite
from pursuit.store.database import Database, NewerDatabaseError, apply_migration, open_database
from pursuit.store.schema import DATA_TABLES, HEAD, MIGRATIONS, Migration
from pursuit.store.sqlite import DatabaseError

assert models  # the import registers the tables on SQLModel.metadata


def _affinity(column_type: object) -> str:
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    if isinstance(column_type, Boolean | Integer):
        return "INTEGER"
    if isinstance(column_type, String):
        return "TEXT"
    raise AssertionError(f"unexpected column type {column_type!r}")


@pytest.mark.sqlite_only  # sqlite_master, foreign_key_list; PG: test_pg_engine.py::test_columns_match_sqlite
def test_models_agree_with_the_migrated_schema(db: Database) -> None:
    with db.connection() as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables - {"revision"} == set(SQLModel.metadata.tables)
        for name, table in SQLModel.metadata.tables.items():
            info = {r[1]: r for r in conn.execute(f"PRAGMA table_info({name})")}
            assert set(info) == {c.name for c in table.columns}, name
            for column in table.columns:
                _cid, _name, sql_type, notnull, _default, pk = info[column.name]
                where = f"{name}.{column.name}"
                assert bool(pk) == column.primary_key, where
                if not column.primary_key:
                    assert bool(notnull) == (not column.nullable), where
                assert sql_type == _affinity(column.type), where
            fks = {(r[3], r[2], r[4]) for r in conn.execute(f"PRAGMA foreign_key_list({name})")}
            model_fks = {
                (fk.parent.name, fk.column.table.name, fk.column.name) for fk in table.foreign_keys
            }
            assert fks == model_fks, name


def _fill_v1(conn: sqlite3.Connection) -> None:
    """A row or two in every table, as a v1 pursuit would have written them."""
    t = "2026-03-01 14:00:00.000000"
    rows = {
        "company": [
            (1, "Acme", "acme", 0, None, None, "", t, None),
            (2, "Wayne", "wayne", 1, "90d", t, "kind no", t, None),
        ],
        "contact": [(1, 1, "Jane Doe", "EM", "jane@acme.example", "on-call", "", t, None)],
        "application": [
            (
                1,
                1,
                "Backend Engineer",
                "interviewing",
                "referral",
                None,
                0,
                None,
                "",
                t,
                t,
                t,
                None,
                None,
                None,
            ),
            (
                2,
                2,
                "Security Engineer",
                "rejected",
                None,
                None,
                0,
                None,
                "",
                t,
                t,
                t,
                t,
                None,
                None,
            ),
        ],
        "interview": [(1, 1, t, t, "onsite", "", "after the 15th", t, t, None)],
        "interview_contact": [(1, 1)],
        "action": [
            (1, "thank_you", t, 0, None, t, None, 1, 1, 1, 1, "Dear Jane", None, t, None),
            (2, "check_in", t, 0, None, t, None, 2, None, None, None, "Hi", None, t, None),
        ],
        "event": [
            (1, t, "interview", "in", None, 1, 1, None, "onsite with Jane Doe", None, t, None),
            (2, t, "rejected", "in", None, 2, 2, None, "rejected", "é 株 🚀", t, None),
        ],
        "change": [(1, t, "add Acme", '[{"op": "insert", "table": "company", "id": 1}]', None)],
    }
    assert set(rows) == set(DATA_TABLES)
    with sqlite.write_transaction(conn):
        for table, values in rows.items():
            marks = ",".join("?" * len(values[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", values)


_ADDED_LATER = {
    ("action", "notified_at"),  # v2
    ("event", "too_soon"),  # v6
    *(("application", c) for c in ("location", "remote", "salary_low", "salary_high")),  # v7
    ("contact", "phone"),
    ("contact", "url"),
    ("interview", "place"),
}


def _snapshot(path: Path) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of every v1 column, per table."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in (*DATA_TABLES, "revision"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            cols = [c for c in cols if (table, c) not in _ADDED_LATER]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid").fetchall()
            out[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return out
    finally:
        conn.close()


def test_migration_keeps_every_row_of_a_populated_database(tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    conn = sqlite.connect(path)
    apply_migration(conn, MIGRATIONS[0])
    _fill_v1(conn)
    assert sqlite.user_version(conn) == 1
    conn.close()
    before = _snapshot(path)
    assert all(count > 0 for count, _ in before.values())

    db = open_database(path)

    # Nothing lost or changed, the new column is there, the keys hold.
    assert _snapshot(path) == before
    with db.connection() as conn:
        assert sqlite.user_version(conn) == HEAD
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            conn.execute("SELECT count(*) FROM action WHERE notified_at IS NULL").fetchone()[0] == 2
        )
    # A backup of the v1 file was taken first, next to it and private.
    backups = sorted(tmp_path.glob("pursuit.db.v1-*.bak"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    assert _snapshot(backups[0]) == before
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    copy.close()
    # Opening again is a no-op: no second backup, same data.
    open_database(path).close()
    assert len(list(tmp_path.glob("*.bak"))) == 1
    db.close()


def test_a_failing_migration_leaves_the_old_version_whole(tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    open_database(path).close()
    before = _snapshot(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE company ADD COLUMN doomed TEXT")
        raise sqlite3.OperationalError("disk on fire")

    conn = sqlite.connect(path)
    with pytest.raises(sqlite3.OperationalError):
        apply_migration(conn, Migration(HEAD + 1, "broken", broken))
    assert sqlite.user_version(conn) == HEAD
    assert "doomed" not in {r[1] for r in conn.execute("PRAGMA table_info(company)")}
    conn.close()
    assert _snapshot(path) == before


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {HEAD + 1}")
    conn.close()
    path.chmod(0o644)
    digest = sha256(path)
    with pytest.raises(NewerDatabaseError) as caught:
        open_database(path)
    message = str(caught.value)
    assert f"schema {HEAD + 1}" in message and "upgrade pursuit" in message
    assert "\n" not in message
    assert sha256(path) == digest
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert list(tmp_path.glob("*.bak")) == []


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n" * 100)
    digest = sha256(path)
    with pytest.raises(DatabaseError, match="not a pursuit database"):
        open_database(path)
    assert sha256(path) == digest
