"""The history the review reads (issue #17), in plain SQL over the standard library's sqlite3.

Three SELECTs in one read transaction (one consistent snapshot), returning the domain's
plain rows (`pursuit.domain.review_history`): every live application, the events the figures
count (status changes, interviews, follow-ups, check-ins, and every incoming touch; not
thank-you events or bridge notes, which no figure reads) and the thank-you and check-in
actions. At 10,000 applications that is about 60,000 rows; see bench/review_row.py.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.review_history import ActionFact, AppFact, EventFact, History

_EVENT_KINDS = (EventKind.STATUS, EventKind.INTERVIEW, EventKind.FOLLOW_UP, EventKind.CHECK_IN)
_ACTION_KINDS = (ActionKind.THANK_YOU, ActionKind.CHECK_IN)

APPS_SQL = """
SELECT id, company_id, status, source, applied_at, created_at
FROM application WHERE deleted_at IS NULL ORDER BY id
"""
EVENTS_SQL = f"""
SELECT id, application_id, company_id, at, created_at, kind, direction,
       CASE WHEN kind = 'status' THEN summary ELSE '' END, too_soon
FROM event NOT INDEXED
WHERE deleted_at IS NULL
  AND (kind IN ({", ".join(f"'{k.value}'" for k in _EVENT_KINDS)}) OR direction = 'in')
ORDER BY at, id
"""
ACTIONS_SQL = f"""
SELECT kind, application_id, company_id, due_at, done_at
FROM action
WHERE deleted_at IS NULL AND kind IN ({", ".join(f"'{k.value}'" for k in _ACTION_KINDS)})
"""


def _utc(text: str) -> datetime:
    """The file's UTC text as an aware datetime (parsing the offset is five times faster
    than .replace(tzinfo=UTC) afterwards)."""
    return datetime.fromisoformat(text + "+00:00")


def read_history(conn: sqlite3.Connection) -> History:
    """Everything the review's figures are computed from; call inside a read transaction
    (`Database.read()`) so the three reads agree."""
    statuses = {s.value: s for s in Status}
    kinds = {k.value: k for k in EventKind}
    directions = {d.value: d for d in Direction}
    action_kinds = {k.value: k for k in ActionKind}
    apps = [
        AppFact(
            app_id,
            company_id,
            statuses[status],
            source,
            None if applied is None else _utc(applied),
            _utc(created),
        )
        for app_id, company_id, status, source, applied, created in conn.execute(APPS_SQL)
    ]
    events = [
        EventFact(
            event_id,
            app_id,
            company_id,
            _utc(at),
            _utc(logged),
            kinds[kind],
            None if direction is None else directions[direction],
            summary,
            None if too_soon is None else bool(too_soon),
        )
        for event_id, app_id, company_id, at, logged, kind, direction, summary, too_soon in (
            conn.execute(EVENTS_SQL)
        )
    ]
    actions = [
        ActionFact(
            action_kinds[kind], app_id, company_id, _utc(due), None if done is None else _utc(done)
        )
        for kind, app_id, company_id, due, done in conn.execute(ACTIONS_SQL)
    ]
    return History(apps, events, actions)


@dataclass(frozen=True)
class AppLine:
    """One application in the list behind a figure."""

    id: int
    company_id: int
    company: str
    title: str
    status: Status
    applied_at: datetime | None


_CHUNK = 900


def app_lines(conn: sqlite3.Connection, ids: list[int]) -> list[AppLine]:
    """The applications with these ids, most recently applied first."""
    found: list[AppLine] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            f"""SELECT a.id, a.company_id, c.name, a.title, a.status, a.applied_at
            FROM application a JOIN company c ON c.id = a.company_id
            WHERE a.id IN ({marks})""",
            chunk,
        )
        found.extend(
            AppLine(
                int(r[0]),
                int(r[1]),
                str(r[2]),
                str(r[3]),
                Status(r[4]),
                None if r[5] is None else _utc(r[5]),
            )
            for r in rows
        )
    found.sort(key=lambda a: (a.applied_at is None, -(a.applied_at or _EPOCH).timestamp(), a.id))
    return found


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
