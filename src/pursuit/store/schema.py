"""The schema as migrations: each step is plain SQL run in one BEGIN IMMEDIATE transaction.

A hand-rolled runner over `PRAGMA user_version` rather than Alembic: SQLite DDL is
transactional, so a failed step leaves the old version whole, and checking the version
costs one pragma with the standard library instead of importing Alembic and SQLAlchemy on
every `pursuit status`. How a step's SQL runs, and a table rebuild, is schema_steps.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from pursuit.store.schema_steps import rebuild_table, script

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


def _revision_triggers(tables: tuple[str, ...] = DATA_TABLES) -> str:
    # Triggers, not application code, bump the counter: no write path can forget it, and a
    # write from any process (or a sqlite3 shell) is seen by every open view.
    parts = []
    for table in tables:
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


# Version 3: indexes for a years-long search (10,000 applications, 100,000 actions), so
# each read and write costs what it touches, not what is stored:
# - thank-you notes are found by interviewer (`pursuit thanks ACME JANE`); this scanned
#   every pending action;
# - each application's next pending action (the applications pane, and its sort key) is
#   one seek;
# - an application's last outgoing touch is the end of one index range;
# - the status line counts active and new applications from an index alone;
# - the bridges pane reads the bridges, not every company ever applied to, and each
#   bridge's next check-in (like any company's pending action of a kind) is one seek.
_V3 = """
CREATE INDEX ix_action_contact ON action(contact_id);
CREATE INDEX ix_action_app_pending ON action(application_id, next_at, id)
    WHERE done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX ix_event_touch ON event(application_id, direction, at) WHERE deleted_at IS NULL;
CREATE INDEX ix_application_live ON application(status, applied_at) WHERE deleted_at IS NULL;
CREATE INDEX ix_company_bridge ON company(name) WHERE is_bridge = 1 AND deleted_at IS NULL;
CREATE INDEX ix_action_company_pending ON action(company_id, kind, next_at)
    WHERE done_at IS NULL AND deleted_at IS NULL;
"""


# Version 4: kinds are a closed set in the file too, not only in the code: CHECK
# constraints on statuses, action and event kinds, directions and channels. The sets are
# written out here, not read from the enums: a migration is what version 4 meant, forever;
# adding a kind is a new migration (a test keeps the enums and the HEAD schema equal).
_V4_SETS = {
    "status": ("wishlist", "applied", "screening", "interviewing", "offer", "accepted",
               "rejected", "withdrawn", "ghosted", "on_hold"),
    "action_kind": ("thank_you", "follow_up", "check_in"),
    "event_kind": ("status", "interview", "guidance", "thank_you", "follow_up", "reply",
                   "rejected", "bridge", "check_in"),
    "direction": ("in", "out"),
    "channel": ("email", "phone", "letter", "message", "meeting"),
}  # fmt: skip


def _one_of(column: str, values: tuple[str, ...], *, null: bool = False) -> str:
    allowed = ", ".join(f"'{v}'" for v in values)
    either = f"{column} IS NULL OR " if null else ""
    return f"CHECK ({either}{column} IN ({allowed}))"


_V4_APPLICATION = f"""CREATE TABLE application (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    title TEXT NOT NULL,
    status TEXT NOT NULL {_one_of("status", _V4_SETS["status"])},
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
)"""


def _action_table(kinds: tuple[str, ...]) -> str:
    return f"""CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL {_one_of("kind", kinds)},
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
    deleted_at TEXT,
    notified_at TEXT
)"""


def _event_table(kinds: tuple[str, ...], *, too_soon: bool = False) -> str:
    # too_soon came with version 6 (ALTER TABLE); a rebuild after it must keep the column.
    last = ",\n    too_soon INTEGER" if too_soon else ""
    return f"""CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL {_one_of("kind", kinds)},
    direction TEXT {_one_of("direction", _V4_SETS["direction"], null=True)},
    channel TEXT {_one_of("channel", _V4_SETS["channel"], null=True)},
    company_id INTEGER NOT NULL REFERENCES company(id),
    application_id INTEGER REFERENCES application(id),
    contact_id INTEGER REFERENCES contact(id),
    summary TEXT NOT NULL,
    body TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT{last}
)"""


def _v4(conn: sqlite3.Connection) -> None:
    for table, create in (
        ("application", _V4_APPLICATION),
        ("action", _action_table(_V4_SETS["action_kind"])),
        ("event", _event_table(_V4_SETS["event_kind"])),
    ):
        rebuild_table(conn, table, create)


# Version 5: offers to the end. An offer is an event, answering it (by its date) and
# withdrawing the others once one is accepted are actions; `setting` keeps what the user
# decided about the options nudge (snoozed until, dismissed), recorded for undo like a row.
_V5_ACTION_KINDS = (*_V4_SETS["action_kind"], "answer_offer", "withdraw")
_V5_EVENT_KINDS = (*_V4_SETS["event_kind"], "offer")
_V5_SETTING = """
CREATE TABLE setting (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
"""


def _v5(conn: sqlite3.Connection) -> None:
    rebuild_table(conn, "action", _action_table(_V5_ACTION_KINDS))
    rebuild_table(conn, "event", _event_table(_V5_EVENT_KINDS))
    script(_V5_SETTING + _revision_triggers(("setting",)))(conn)


# Version 6: whether a follow-up went out though R5 said it was too soon (the review's
# habits, issue #17): 1 it was (the user went ahead anyway), 0 R5 was checked and had no
# objection; NULL on every other event, and on follow-ups logged before this version.
_V6 = """
ALTER TABLE event ADD COLUMN too_soon INTEGER;
"""


# Version 7: the whole record (issue #12). An application's location, whether it is remote
# (NULL: not said), and the range its salary text reads as (for sorting; the text stays as
# typed); a contact's phone and profile URL; an interview's place or video link. Changes
# to the record itself (a rename, a merge, a contact moved, a deletion) are events of kind
# "edit" in the timeline. Salaries typed before get their range here.
_V7_EVENT_KINDS = (*_V5_EVENT_KINDS, "edit")
_V7 = """
ALTER TABLE application ADD COLUMN location TEXT;
ALTER TABLE application ADD COLUMN remote INTEGER;
ALTER TABLE application ADD COLUMN salary_low INTEGER;
ALTER TABLE application ADD COLUMN salary_high INTEGER;
ALTER TABLE contact ADD COLUMN phone TEXT;
ALTER TABLE contact ADD COLUMN url TEXT;
ALTER TABLE interview ADD COLUMN place TEXT;
"""


def _v7(conn: sqlite3.Connection) -> None:
    from pursuit.domain.record import parse_salary

    script(_V7)(conn)
    rebuild_table(conn, "event", _event_table(_V7_EVENT_KINDS, too_soon=True))
    # Derived values, not a change anyone made: the revision counter is left where it was.
    (revision,) = conn.execute("SELECT value FROM revision WHERE id = 1").fetchone()
    typed = conn.execute("SELECT id, salary FROM application WHERE salary IS NOT NULL").fetchall()
    for app_id, text in typed:
        salary = parse_salary(str(text))
        if salary.low is not None:
            conn.execute(
                "UPDATE application SET salary_low = ?, salary_high = ? WHERE id = ?",
                (salary.low, salary.high, app_id),
            )
    conn.execute("UPDATE revision SET value = ? WHERE id = 1", (revision,))


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]
    rebuilds: bool = False
    """True when the step rebuilds a table (`rebuild_table`): it then runs with foreign keys
    off, as SQLite's procedure requires, and `foreign_key_check` still guards the commit."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", script(_V1 + _revision_triggers())),
    Migration(2, "notified_at and event time index", script(_V2)),
    Migration(3, "indexes for large searches", script(_V3)),
    Migration(4, "kinds as closed sets (CHECK constraints)", _v4, rebuilds=True),
    Migration(5, "offers, withdrawals and the options nudge's setting", _v5, rebuilds=True),
    Migration(6, "follow-ups sent though too soon", script(_V6)),
    Migration(
        7, "the whole record: location, salary range, phone, place; edit events", _v7, rebuilds=True
    ),
)
HEAD = MIGRATIONS[-1].version
