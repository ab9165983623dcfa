"""Kinds are a closed set end to end: the enums, the CHECK constraints of the file, JSON."""

from __future__ import annotations

import re
import sqlite3
from enum import StrEnum
from pathlib import Path

import pytest

from pursuit.domain.kinds import ActionKind, Channel, Direction, EventKind, Status
from pursuit.store import sqlite
from pursuit.store.database import apply_migration, open_database
from pursuit.store.schema import HEAD, MIGRATIONS

CHECKED: list[tuple[str, str, type[StrEnum]]] = [
    ("application", "status", Status),
    ("action", "kind", ActionKind),
    ("event", "kind", EventKind),
    ("event", "direction", Direction),
    ("event", "channel", Channel),
]


def allowed(conn: sqlite3.Connection, table: str, column: str) -> set[str]:
    (sql,) = conn.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (table,)).fetchone()
    m = re.search(rf"\b{column} TEXT[^,]*CHECK \([^)]*IN \(([^)]*)\)\)", sql)
    assert m is not None, f"{table}.{column} has no CHECK"
    return {v.strip().strip("'") for v in m[1].split(",")}


@pytest.mark.parametrize(
    ("table", "column", "kind"), CHECKED, ids=[f"{t}.{c}" for t, c, _ in CHECKED]
)
def test_the_file_allows_exactly_the_enums_values(
    tmp_path: Path, table: str, column: str, kind: type[StrEnum]
) -> None:
    # A new member without a migration that widens the CHECK fails here, not in a user's file.
    open_database(tmp_path / "p.db").close()
    with sqlite3.connect(tmp_path / "p.db") as conn:
        assert allowed(conn, table, column) == {k.value for k in kind}


def test_a_kind_outside_the_set_is_refused_by_the_file(tmp_path: Path) -> None:
    open_database(tmp_path / "p.db").close()
    conn = sqlite.connect(tmp_path / "p.db")
    conn.execute("INSERT INTO company (id, name, name_key, created_at) VALUES (1, 'A', 'a', 't')")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        conn.execute(
            "INSERT INTO event (at, kind, company_id, summary, created_at) "
            "VALUES ('t', 'fall through', 1, 's', 't')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        conn.execute(
            "INSERT INTO event (at, kind, direction, company_id, summary, created_at) "
            "VALUES ('t', 'reply', 'sideways', 1, 's', 't')"
        )
    conn.close()


def test_version_3_file_with_rows_migrates_and_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite.connect(path)
    for migration in MIGRATIONS[:3]:
        apply_migration(conn, migration)
    conn.executescript(
        """
        INSERT INTO company (id, name, name_key, created_at) VALUES (1, 'Acme', 'acme', 't');
        INSERT INTO application (id, company_id, title, status, created_at, updated_at)
            VALUES (1, 1, 'SRE', 'on_hold', 't', 't');
        INSERT INTO action (id, kind, due_at, next_at, company_id, application_id, created_at,
            notified_at) VALUES (1, 'follow_up', 'd', 'd', 1, 1, 't', 'n');
        INSERT INTO event (id, at, kind, direction, channel, company_id, application_id,
            summary, created_at) VALUES (1, 'a', 'follow_up', 'out', 'email', 1, 1, 's', 't');
        """
    )
    conn.close()
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (HEAD,)
        assert conn.execute("SELECT status FROM application").fetchall() == [("on_hold",)]
        assert conn.execute("SELECT kind, notified_at FROM action").fetchall() == [
            ("follow_up", "n")
        ]
        assert conn.execute("SELECT kind, direction, channel FROM event").fetchall() == [
            ("follow_up", "out", "email")
        ]
        # The revision triggers and indexes of the rebuilt tables came back with them.
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
        assert {"rev_event_insert", "ix_action_app_pending", "ix_event_touch"} <= names
        assert list(conn.execute("PRAGMA foreign_key_check")) == []
