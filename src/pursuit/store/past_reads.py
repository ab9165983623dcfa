"""Reading the past: applications that ended (the history view, H) and every application
with its dates (`pursuit list --all`).

Plain SQL over the standard library's sqlite3, like `store.record_reads`; soft-deleted
rows are left out.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.status import CLOSED, Status
from pursuit.store.record_reads import FRIENDLY, LIVE, outcome_of
from pursuit.store.timefmt import from_db, opt_from_db, to_db


@dataclass(frozen=True)
class PastRow:
    """One application in the history view or `list --all`."""

    application_id: int
    company_id: int
    company: str
    title: str
    status: Status
    outcome: str | None
    applied_at: datetime | None
    closed_at: datetime | None
    """When it closed (an accepted offer: when it was accepted)."""
    last_activity: datetime
    contacts: str


_ENDED = tuple(s.value for s in (*sorted(CLOSED), Status.ACCEPTED))


def _past_sql(where: str) -> str:
    return f"""
    SELECT a.id, a.company_id, c.name, a.title, a.status,
      EXISTS(SELECT 1 FROM event e WHERE e.application_id = a.id AND e.kind = 'rejected'
             AND e.summary = ? AND e.{LIVE}),
      a.applied_at,
      coalesce(a.closed_at, CASE WHEN a.status = 'accepted' THEN
        (SELECT max(e.at) FROM event e WHERE e.application_id = a.id AND e.kind = 'status'
           AND e.{LIVE}) END),
      max(a.updated_at, coalesce((SELECT max(e.at) FROM event e WHERE e.application_id = a.id
             AND e.{LIVE} AND e.at <= ?), a.updated_at)) AS activity,
      (SELECT group_concat(name, ', ') FROM (SELECT p.name FROM contact p
         WHERE p.company_id = a.company_id AND p.{LIVE} ORDER BY p.id) AS people)
    FROM application a JOIN company c ON c.id = a.company_id
    WHERE a.{LIVE} {where}
    """


def _past(r: tuple[object, ...]) -> PastRow:
    status = Status(str(r[4]))
    return PastRow(
        application_id=int(r[0]),  # type: ignore[call-overload]
        company_id=int(r[1]),  # type: ignore[call-overload]
        company=str(r[2]),
        title=str(r[3]),
        status=status,
        outcome=outcome_of(status, bool(r[5])),
        applied_at=opt_from_db(r[6]),  # type: ignore[arg-type]
        closed_at=opt_from_db(r[7]),  # type: ignore[arg-type]
        last_activity=from_db(str(r[8])),
        contacts=str(r[9] or ""),
    )


def closed_applications(
    conn: sqlite3.Connection, now: datetime, *, search: str = "", limit: int | None = None
) -> list[PastRow]:
    """Applications that ended (rejected, withdrawn, ghosted, accepted), the most recently
    closed first; `search` matches company, role, outcome and people."""
    marks = ",".join("?" * len(_ENDED))
    where = f"AND a.status IN ({marks})"
    params: list[object] = [FRIENDLY, to_db(now), *_ENDED]
    rows = [
        _past(r)
        for r in conn.execute(
            _past_sql(where) + " ORDER BY 8 DESC, a.id DESC" + (" LIMIT ?" if limit else ""),
            [*params, limit] if limit else params,
        )
    ]
    if search:
        q = search.casefold()
        rows = [
            r
            for r in rows
            if any(q in f.casefold() for f in (r.company, r.title, r.outcome or "", r.contacts))
        ]
    return rows


def every_application(conn: sqlite3.Connection, now: datetime) -> list[PastRow]:
    """Every live application, open or not, most recent activity first (`list --all`)."""
    return [
        _past(r)
        for r in conn.execute(
            _past_sql("") + " ORDER BY activity DESC, a.id DESC", (FRIENDLY, to_db(now))
        )
    ]
