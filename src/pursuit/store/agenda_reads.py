"""What the agenda reads besides the actions: interviews to come, notes not yet owed,
whether the search has ended, and what the user decided about the options nudge."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from pursuit.store.timefmt import from_db, to_db
from pursuit.store.writes.offers import NUDGE_KEY


@dataclass(frozen=True)
class UpcomingInterview:
    interview_id: int
    application_id: int
    company_id: int
    company: str
    title: str
    kind: str
    starts_at: datetime
    people: tuple[tuple[str, str | None], ...]
    """(name, role) of each interviewer."""


def upcoming_interviews(
    conn: sqlite3.Connection, now: datetime, *, limit: int | None = None
) -> list[UpcomingInterview]:
    """Interviews still to come on live applications, soonest first."""
    rows = conn.execute(
        "SELECT i.id, a.id, c.id, c.name, a.title, i.kind, i.starts_at FROM interview i "
        "JOIN application a ON a.id = i.application_id JOIN company c ON c.id = a.company_id "
        "WHERE i.deleted_at IS NULL AND a.deleted_at IS NULL AND i.starts_at > ? "
        "ORDER BY i.starts_at, i.id LIMIT ?",
        (to_db(now), -1 if limit is None else limit),
    ).fetchall()
    found = []
    for iid, aid, cid, company, title, kind, starts in rows:
        people = conn.execute(
            "SELECT p.name, p.role FROM interview_contact l JOIN contact p ON p.id = l.contact_id "
            "WHERE l.interview_id = ? ORDER BY p.id",
            (iid,),
        ).fetchall()
        found.append(
            UpcomingInterview(
                int(iid),
                int(aid),
                int(cid),
                str(company),
                str(title),
                str(kind),
                from_db(str(starts)),
                tuple((str(n), r) for n, r in people),
            )
        )
    return found


def notes_not_yet_owed(conn: sqlite3.Connection, now: datetime) -> set[int]:
    """Thank-you actions for interviews that have not ended: not shown before they are."""
    rows = conn.execute(
        "SELECT x.id FROM action x JOIN interview i ON i.id = x.interview_id "
        "WHERE x.kind = 'thank_you' AND x.done_at IS NULL AND x.deleted_at IS NULL "
        "AND i.ends_at > ?",
        (to_db(now),),
    ).fetchall()
    return {int(r[0]) for r in rows}


def search_ended(conn: sqlite3.Connection) -> bool:
    """An offer was accepted: the options nudge has done its job."""
    row = conn.execute(
        "SELECT 1 FROM application WHERE status = 'accepted' AND deleted_at IS NULL LIMIT 1"
    ).fetchone()
    return row is not None


def nudge_quiet(conn: sqlite3.Connection, now: datetime) -> bool:
    """The user dismissed the options nudge, or snoozed it past `now`."""
    row = conn.execute(
        "SELECT value FROM setting WHERE key = ? AND deleted_at IS NULL", (NUDGE_KEY,)
    ).fetchone()
    if row is None or row[0] is None:
        return False
    value = str(row[0])
    return value == "dismissed" or value > to_db(now)
