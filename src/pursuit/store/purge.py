"""Purging on purpose: what was removed (soft-deleted) goes from the file for good.

Removing an application, a person or a company only marks it, so undo can bring it back
and the timeline keeps its history. `pursuit purge --yes` deletes those rows for real,
with everything that belongs to them (a removed application's interviews, reminders and
events; a removed person's links, reminders and the events addressed to them; a removed
company's every row), and the reminders and events that were cancelled or undone. The
undo history goes too: it refers to rows that are gone. Not a write definition: nothing
here can be undone, which is the point.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from pursuit.store import sqlite
from pursuit.store.database import Database


@dataclass(frozen=True)
class Purged:
    companies: int
    applications: int
    contacts: int
    interviews: int
    actions: int
    events: int
    changes: int

    @property
    def nothing(self) -> bool:
        return not any(
            (self.companies, self.applications, self.contacts, self.interviews, self.actions,
             self.events)
        )  # fmt: skip

    def lines(self) -> list[str]:
        def n(count: int, one: str, many: str) -> str:
            return f"{count} {one if count == 1 else many}"

        return [
            n(self.companies, "company", "companies"),
            n(self.applications, "application", "applications"),
            n(self.contacts, "person", "people"),
            n(self.interviews, "interview", "interviews"),
            n(self.actions, "reminder", "reminders") + " (removed or cancelled)",
            n(self.events, "timeline event", "timeline events"),
            n(self.changes, "step", "steps") + " of undo history",
        ]


# Each: the ids of the rows to delete, from the rows already marked.
_GONE = {
    "company": "SELECT id FROM company WHERE deleted_at IS NOT NULL",
    "application": """SELECT id FROM application WHERE deleted_at IS NOT NULL
        OR company_id IN (SELECT id FROM gone_company)""",
    "contact": """SELECT id FROM contact WHERE deleted_at IS NOT NULL
        OR company_id IN (SELECT id FROM gone_company)""",
    "interview": """SELECT id FROM interview WHERE deleted_at IS NOT NULL
        OR application_id IN (SELECT id FROM gone_application)""",
    "action": """SELECT id FROM action WHERE deleted_at IS NOT NULL
        OR company_id IN (SELECT id FROM gone_company)
        OR application_id IN (SELECT id FROM gone_application)
        OR (contact_id IN (SELECT id FROM gone_contact) AND kind = 'thank_you')
        OR interview_id IN (SELECT id FROM gone_interview)""",
    "event": """SELECT id FROM event WHERE deleted_at IS NOT NULL
        OR company_id IN (SELECT id FROM gone_company)
        OR application_id IN (SELECT id FROM gone_application)
        OR contact_id IN (SELECT id FROM gone_contact)""",
}


def _mark(conn: sqlite3.Connection) -> dict[str, int]:
    counts = {}
    for table, select in _GONE.items():
        conn.execute(f"CREATE TEMP TABLE gone_{table} (id INTEGER PRIMARY KEY)")
        conn.execute(f"INSERT INTO gone_{table} {select}")
        counts[table] = int(conn.execute(f"SELECT count(*) FROM gone_{table}").fetchone()[0])
    counts["change"] = int(conn.execute("SELECT count(*) FROM change").fetchone()[0])
    return counts


def _drop_marks(conn: sqlite3.Connection) -> None:
    for table in _GONE:
        conn.execute(f"DROP TABLE IF EXISTS temp.gone_{table}")


def _purged(counts: dict[str, int]) -> Purged:
    return Purged(
        counts["company"],
        counts["application"],
        counts["contact"],
        counts["interview"],
        counts["action"],
        counts["event"],
        counts["change"],
    )


def purge(db: Database, *, dry_run: bool = False) -> Purged:
    """Delete what was removed, for good (or, with dry_run, only count it)."""
    with db.connection() as conn, sqlite.write_transaction(conn):
        try:
            counts = _mark(conn)
            if dry_run:
                return _purged(counts)
            gone = "IN (SELECT id FROM gone_{})"
            conn.execute(
                f"DELETE FROM interview_contact WHERE interview_id {gone.format('interview')} "
                f"OR contact_id {gone.format('contact')}"
            )
            conn.execute(f"DELETE FROM action WHERE id {gone.format('action')}")
            # A bridge's next check-in addressed to someone purged stays, to no one.
            conn.execute(
                f"UPDATE action SET contact_id = NULL WHERE contact_id {gone.format('contact')}"
            )
            conn.execute(f"DELETE FROM event WHERE id {gone.format('event')}")
            conn.execute(f"DELETE FROM interview WHERE id {gone.format('interview')}")
            conn.execute(f"DELETE FROM contact WHERE id {gone.format('contact')}")
            # A later application reopened from one purged keeps its own history only.
            conn.execute(
                "UPDATE application SET reopened_from_id = NULL WHERE reopened_from_id "
                + gone.format("application")
            )
            conn.execute(f"DELETE FROM application WHERE id {gone.format('application')}")
            conn.execute(f"DELETE FROM company WHERE id {gone.format('company')}")
            conn.execute("DELETE FROM setting WHERE deleted_at IS NOT NULL")
            conn.execute("DELETE FROM change")
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise sqlite.DatabaseError(
                    f"purge would leave {len(problems)} broken reference(s); nothing was purged"
                )
            return _purged(counts)
        finally:
            _drop_marks(conn)
