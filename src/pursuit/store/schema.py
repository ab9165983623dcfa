"""The schema as migrations: each step is plain SQL run in one BEGIN IMMEDIATE transaction.

A hand-rolled runner over `PRAGMA user_version` rather than Alembic: SQLite DDL is
transactional, so a failed step leaves the old version whole, and checking the version
costs one pragma with the standard library instead of importing Alembic and SQLAlchemy on
every `pursuit status`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

# Tables whose writes bump the revision counter (all user data).
DATA_TABLES = (
    "company",
    "contact",
    "application",
    "interview",
    "interview_contact",
    "action",
    "event",
    "change",
)

_V1 = """
CREATE TABLE company (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    is_bridge INTEGER NOT NULL DEFAULT 0,
    bridge_cadence TEXT,
    bridge_since TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    name TEXT NOT NULL,
    role TEXT,
    email TEXT,
    talking_point TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX ix_contact_company ON contact(company_id);
CREATE TABLE application (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT,
    url TEXT,
    priority INTEGER NOT NULL DEFAULT 0,
    salary TEXT,
    notes TEXT NOT NULL DEFAULT '',
    applied_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT,
    reopened_from_id INTEGER REFERENCES application(id),
    deleted_at TEXT
);
CREATE INDEX ix_application_company ON application(company_id);
CREATE INDEX ix_application_open ON application(status, updated_at) WHERE deleted_at IS NULL;
CREATE TABLE interview (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application(id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'interview',
    notes TEXT NOT NULL DEFAULT '',
    guidance_text TEXT,
    guidance_at TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX ix_interview_application ON interview(application_id);
CREATE TABLE interview_contact (
    interview_id INTEGER NOT NULL REFERENCES interview(id),
    contact_id INTEGER NOT NULL REFERENCES contact(id),
    PRIMARY KEY (interview_id, contact_id)
);
CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    due_at TEXT NOT NULL,
    due_guessed INTEGER NOT NULL DEFAULT 0,
    snoozed_until TEXT,
    next_at TEXT NOT NULL,
    done_at TEXT,
    company_id INTEGER NOT NULL REFERENCES company(id),
    application_id INTEGER REFERENCES application(id),
    contact_id INTEGER REFERENCES contact(id),
    interview_id INTEGER REFERENCES interview(id),
    draft TEXT NOT NULL DEFAULT '',
    sent_note TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX ix_action_pending ON action(next_at) WHERE done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX ix_action_application ON action(application_id);
CREATE INDEX ix_action_company ON action(company_id);
CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    direction TEXT,
    channel TEXT,
    company_id INTEGER NOT NULL REFERENCES company(id),
    application_id INTEGER REFERENCES application(id),
    contact_id INTEGER REFERENCES contact(id),
    summary TEXT NOT NULL,
    body TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX ix_event_application ON event(application_id, at);
CREATE INDEX ix_event_company ON event(company_id, at);
CREATE TABLE change (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    label TEXT NOT NULL,
    payload TEXT NOT NULL,
    undone_at TEXT
);
CREATE TABLE revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO revision (id, value) VALUES (1, 0);
"""


def _revision_triggers() -> str:
    # Triggers, not application code, bump the counter: no write path can forget it, and a
    # write from any process (or a sqlite3 shell) is seen by every open view.
    parts = []
    for table in DATA_TABLES:
        for op in ("INSERT", "UPDATE", "DELETE"):
            parts.append(
                f"CREATE TRIGGER rev_{table}_{op.lower()} AFTER {op} ON {table} "
                "BEGIN UPDATE revision SET value = value + 1 WHERE id = 1; END;"
            )
    return "\n".join(parts)


# Version 2: remember which overdue actions were already notified (`pursuit due --notify`
# and the app both notify once), and index the timeline by time for the detail panel.
_V2 = """
ALTER TABLE action ADD COLUMN notified_at TEXT;
CREATE INDEX ix_event_at ON event(at);
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        # executescript() would COMMIT first; run statement by statement instead so the
        # whole step stays inside the caller's transaction.
        for statement in _split(sql):
            conn.execute(statement)

    return run


def _split(sql: str) -> list[str]:
    statements: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _script(_V1 + _revision_triggers())),
    Migration(2, "notified_at and event time index", _script(_V2)),
)
HEAD = MIGRATIONS[-1].version
