"""Issue 4, item 5: upgrades never drop or change a row.

- Every migration runs on a populated database (rows in every table, foreign keys on):
  row counts and contents (checksums over the columns that existed before) are unchanged,
  `foreign_key_check` is empty, and a backup of the old version is kept, owner-only.
- A migration that rebuilds a parent table (`schema_steps.rebuild_table`) keeps every child row;
  the naive way (dropping the parent with foreign keys on) is shown to fail.
- A failure injected in the middle of a migration, after some DDL ran, leaves the old
  version whole (user_version, schema, rows) and the backup in place.
"""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from pursuit.store import database as database_module
from pursuit.store import sqlite
from pursuit.store.database import apply_migration, open_database
from pursuit.store.schema import HEAD, MIGRATIONS, Migration
from pursuit.store.schema_steps import rebuild_table

from .helpers.common import Tally

pytestmark = pytest.mark.reliability

T = "2026-03-16 13:00:00.000000"
# Written with version 1's columns, which later versions keep. Text with markup, accents
# and emoji so a lossy copy would show in the checksums.
POPULATE = f"""
INSERT INTO company (id, name, name_key, is_bridge, bridge_cadence, bridge_since, notes,
  created_at, deleted_at) VALUES
  (1, 'Acme', 'acme', 0, NULL, NULL, 'résumé sent [bold]', '{T}', NULL),
  (2, 'Globex', 'globex', 1, '90d', '{T}', '', '{T}', NULL),
  (3, 'Initech 🚀', 'initech 🚀', 0, NULL, NULL, '', '{T}', '{T}');
INSERT INTO contact (id, company_id, name, role, email, talking_point, notes, created_at,
  deleted_at) VALUES
  (1, 1, 'Jane Doe', 'EM', 'jane@acme.test', 'Rust rewrite', 'n', '{T}', NULL),
  (2, 1, 'Bob Lee', NULL, NULL, NULL, '', '{T}', NULL),
  (3, 2, 'Zoë Ng', 'CTO', NULL, NULL, '', '{T}', NULL);
INSERT INTO application (id, company_id, title, status, source, url, priority, salary, notes,
  applied_at, created_at, updated_at, closed_at, reopened_from_id, deleted_at) VALUES
  (1, 1, 'Backend Engineer', 'interviewing', 'referral', 'https://acme.test/j/1', 2, '100k',
   'x', '{T}', '{T}', '{T}', NULL, NULL, NULL),
  (2, 2, 'SRE', 'rejected', NULL, NULL, 0, NULL, '', '{T}', '{T}', '{T}', '{T}', NULL, NULL),
  (3, 2, 'SRE II', 'applied', NULL, NULL, 0, NULL, '', '{T}', '{T}', '{T}', NULL, 2, NULL);
INSERT INTO interview (id, application_id, starts_at, ends_at, kind, notes, guidance_text,
  guidance_at, created_at, deleted_at) VALUES
  (1, 1, '{T}', '{T}', 'onsite', 'went well', 'after the 15th', '{T}', '{T}', NULL),
  (2, 3, '{T}', '{T}', 'phone', '', NULL, NULL, '{T}', NULL);
INSERT INTO interview_contact (interview_id, contact_id) VALUES (1, 1), (1, 2), (2, 3);
INSERT INTO action (id, kind, due_at, due_guessed, snoozed_until, next_at, done_at, company_id,
  application_id, contact_id, interview_id, draft, sent_note, created_at, deleted_at) VALUES
  (1, 'thank_you', '{T}', 0, NULL, '{T}', NULL, 1, 1, 1, 1, 'Dear Jane', NULL, '{T}', NULL),
  (2, 'thank_you', '{T}', 0, NULL, '{T}', '{T}', 1, 1, 2, 1, 'Dear Bob', 'Thanks!', '{T}', NULL),
  (3, 'follow_up', '{T}', 1, '{T}', '{T}', NULL, 1, 1, NULL, NULL, '', NULL, '{T}', NULL),
  (4, 'check_in', '{T}', 0, NULL, '{T}', NULL, 2, NULL, 3, NULL, '', NULL, '{T}', NULL);
INSERT INTO event (id, at, kind, direction, channel, company_id, application_id, contact_id,
  summary, body, created_at, deleted_at) VALUES
  (1, '{T}', 'status', 'out', NULL, 1, 1, NULL, 'applied', NULL, '{T}', NULL),
  (2, '{T}', 'interview', 'in', NULL, 1, 1, 1, 'onsite with Jane', NULL, '{T}', NULL),
  (3, '{T}', 'thank_you', 'out', 'email', 1, 1, 2, 'note', 'Thanks!', '{T}', NULL),
  (4, '{T}', 'rejected', 'in', NULL, 2, 2, NULL, 'rejected', NULL, '{T}', NULL);
INSERT INTO change (id, at, label, payload, undone_at) VALUES
  (1, '{T}', 'add Acme', '[]', NULL), (2, '{T}', 'undo me', '[]', '{T}');
INSERT INTO setting (id, key, value, created_at, deleted_at) VALUES
  (1, 'options_nudge', 'dismissed', '{T}', NULL);
"""


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _snapshot(
    conn: sqlite3.Connection, columns: dict[str, list[str]] | None = None
) -> dict[str, tuple[int, str]]:
    """(row count, checksum) per table, over the given columns (default: all); tables a
    later migration added are not in the older file, so they are not compared."""
    shot: dict[str, tuple[int, str]] = {}
    for table in list(columns) if columns else _tables(conn):
        cols = columns[table] if columns else _columns(conn, table)
        listed = ", ".join(f'"{c}"' for c in cols)
        rows = conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY rowid').fetchall()
        shot[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return shot


def _populated(path: Path, version: int) -> dict[str, list[str]]:
    """A file at `version` with rows in every table; returns its columns per table."""
    conn = sqlite.connect(path)
    try:
        for migration in MIGRATIONS[:version]:
            apply_migration(conn, migration)
        with sqlite.write_transaction(conn):
            for statement in POPULATE.split(";\n"):
                table = statement.split("INSERT INTO ")[-1].split(" ", 1)[0]
                if statement.strip() and table in _tables(conn):  # as old as the file
                    conn.execute(statement)
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert not conn.execute("PRAGMA foreign_key_check").fetchall()
        columns = {t: _columns(conn, t) for t in _tables(conn)}
        empty = [t for t in columns if not conn.execute(f'SELECT 1 FROM "{t}"').fetchone()]
        assert not empty, f"tables left empty: {empty}"
        return columns
    finally:
        conn.close()


def test_every_migration_keeps_every_row(tmp_path: Path, tally: Tally) -> None:
    for start in range(1, HEAD):
        with tally.case(f"v{start} -> v{HEAD}"):
            path = tmp_path / f"v{start}.db"
            columns = _populated(path, start)
            with closing(sqlite.connect(path)) as conn:
                before = _snapshot(conn)
            open_database(path).close()
            with closing(sqlite.connect(path)) as conn:
                assert sqlite.user_version(conn) == HEAD
                after = _snapshot(conn, columns)
                assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert after == before
            backups = list(tmp_path.glob(f"v{start}.db.v{start}-*.bak"))
            assert len(backups) == 1, backups
            assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
            with closing(sqlite3.connect(backups[0])) as conn:
                assert sqlite.user_version(conn) == start
                assert _snapshot(conn) == before
    tally.finish()


# Company rebuilt with a CHECK it never had and a new column: ALTER TABLE can do neither.
NEW_COMPANY = """CREATE TABLE company (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) > 0),
    name_key TEXT NOT NULL UNIQUE,
    is_bridge INTEGER NOT NULL DEFAULT 0,
    bridge_cadence TEXT,
    bridge_since TEXT,
    notes TEXT NOT NULL DEFAULT '',
    website TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT
)"""


def _rebuild_company(conn: sqlite3.Connection) -> None:
    rebuild_table(conn, "company", NEW_COMPANY)


def test_rebuilding_a_parent_table_keeps_its_children(tmp_path: Path, tally: Tally) -> None:
    path = tmp_path / "pursuit.db"
    columns = _populated(path, HEAD)
    step = Migration(HEAD + 1, "rebuild company", _rebuild_company, rebuilds=True)
    conn = sqlite.connect(path)
    try:
        before = _snapshot(conn)
        triggers = conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        apply_migration(conn, step)
        with tally.case("every row kept, children included"):
            assert _snapshot(conn, columns) == before
        with tally.case("the new table is in place"):
            assert "website" in _columns(conn, "company")
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(
                    "INSERT INTO company (name, name_key, created_at) VALUES ('', 'e', 't')"
                )
        with tally.case("foreign keys checked and back on"):
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(
                    "INSERT INTO contact (company_id, name, created_at) VALUES (99, 'x', 't')"
                )
        with tally.case("indexes and triggers recreated"):
            after = conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name"
            ).fetchall()
            assert after == triggers
            revision = conn.execute("SELECT value FROM revision").fetchone()[0]
            conn.execute("INSERT INTO company (name, name_key, created_at) VALUES ('N', 'n', 't')")
            assert conn.execute("SELECT value FROM revision").fetchone()[0] == revision + 1
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert sqlite.user_version(conn) == HEAD + 1
    finally:
        conn.close()
    tally.finish()


def test_rebuild_refuses_to_run_with_foreign_keys_on(tmp_path: Path) -> None:
    """The hazard is real: with foreign keys on, the parent cannot be dropped under its
    children, and rebuild_table refuses rather than try."""
    path = tmp_path / "pursuit.db"
    _populated(path, HEAD)
    conn = sqlite.connect(path)
    try:
        before = _snapshot(conn)
        step = Migration(HEAD + 1, "rebuild company", _rebuild_company)  # rebuilds not set
        with pytest.raises(RuntimeError, match="foreign keys on"):
            apply_migration(conn, step)

        def naive(c: sqlite3.Connection) -> None:
            c.execute("CREATE TABLE company_new AS SELECT * FROM company")
            c.execute("DROP TABLE company")

        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            apply_migration(conn, Migration(HEAD + 1, "naive", naive))
        assert sqlite.user_version(conn) == HEAD
        assert _snapshot(conn) == before
    finally:
        conn.close()


def test_a_failed_migration_leaves_the_old_version_and_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tally: Tally
) -> None:
    for failing in MIGRATIONS[1:]:
        start = failing.version - 1
        with tally.case(f"v{failing.version} fails after its DDL"):
            path = tmp_path / f"fail{failing.version}.db"
            _populated(path, start)
            with closing(sqlite.connect(path)) as conn:
                before = _snapshot(conn)
                schema = conn.execute("SELECT * FROM sqlite_schema ORDER BY name").fetchall()

            def broken(conn: sqlite3.Connection, real: Migration = failing) -> None:
                real.apply(conn)  # the DDL runs...
                raise RuntimeError("injected failure")  # ...and then the step fails

            patched = tuple(
                Migration(m.version, m.name, broken, m.rebuilds) if m is failing else m
                for m in MIGRATIONS
            )
            monkeypatch.setattr(database_module, "MIGRATIONS", patched)
            with pytest.raises(RuntimeError, match="injected failure"):
                open_database(path)
            monkeypatch.undo()

            with closing(sqlite.connect(path)) as conn:
                assert sqlite.user_version(conn) == start
                assert (
                    conn.execute("SELECT * FROM sqlite_schema ORDER BY name").fetchall() == schema
                )
                assert _snapshot(conn) == before
            backups = list(tmp_path.glob(f"fail{failing.version}.db.v{start}-*.bak"))
            assert len(backups) == 1, backups
            with closing(sqlite3.connect(backups[0])) as conn:
                assert _snapshot(conn) == before
            # And the next start migrates it for real.
            open_database(path).close()
            with closing(sqlite.connect(path)) as conn:
                assert sqlite.user_version(conn) == HEAD
    tally.finish()
