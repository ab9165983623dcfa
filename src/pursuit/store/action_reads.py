"""The agenda's reads of actions: what is pending, what fell due, what comes next.

In plain SQL over the standard library's sqlite3, as every read both faces make: frozen
dataclasses, never ORM objects, so results cross threads safely and the app's first paint
does not wait for SQLAlchemy to import.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.matching import fold
from pursuit.store.timefmt import from_db, opt_from_db, to_db

_LIVE = "deleted_at IS NULL"


@dataclass(frozen=True)
class ActionRow:
    id: int
    kind: str
    company_id: int
    company: str
    application_id: int | None
    title: str | None
    contact_id: int | None
    contact: str | None
    contact_role: str | None
    talking_point: str | None
    due_at: datetime
    next_at: datetime
    guessed: bool
    draft: str
    notified_at: datetime | None


_ACTION_SELECT = """
SELECT x.id, x.kind, x.company_id, c.name, x.application_id, a.title, x.contact_id, p.name,
       p.role, p.talking_point, x.due_at, x.next_at, x.due_guessed, x.draft, x.notified_at
FROM action x
JOIN company c ON c.id = x.company_id
LEFT JOIN application a ON a.id = x.application_id
LEFT JOIN contact p ON p.id = x.contact_id
"""


def _action(row: tuple[object, ...]) -> ActionRow:
    return ActionRow(
        id=int(row[0]),  # type: ignore[call-overload]
        kind=str(row[1]),
        company_id=int(row[2]),  # type: ignore[call-overload]
        company=str(row[3]),
        application_id=row[4],  # type: ignore[arg-type]
        title=row[5],  # type: ignore[arg-type]
        contact_id=row[6],  # type: ignore[arg-type]
        contact=row[7],  # type: ignore[arg-type]
        contact_role=row[8],  # type: ignore[arg-type]
        talking_point=row[9],  # type: ignore[arg-type]
        due_at=from_db(str(row[10])),
        next_at=from_db(str(row[11])),
        guessed=bool(row[12]),
        draft=str(row[13]),
        notified_at=opt_from_db(row[14]),  # type: ignore[arg-type]
    )


_ACTION_TEXT = """fold(c.name || ' ' || coalesce(a.title, '') || ' ' || coalesce(p.name, '')
  || ' ' || coalesce(p.role, '') || ' ' || CASE x.kind WHEN 'thank_you' THEN 'thank-you thank'
  WHEN 'follow_up' THEN 'follow-up follow up' WHEN 'check_in' THEN 'check-in check in'
  WHEN 'answer_offer' THEN 'answer the offer' WHEN 'withdraw' THEN 'withdraw withdrawal'
  ELSE '' END || ' ' || coalesce(replace(a.status, '_', ' '), '') || ' ' || coalesce(a.notes, '')
  || ' ' || c.notes || ' ' || coalesce(p.notes, ''))"""
"""What the filter (/) looks in for an action: its company, role, person and kind, and what
it is about: its application's status and note, the company's note, the person's note (so
"/offer" or a word of a note finds the actions of the application it finds)."""


def pending_actions(
    conn: sqlite3.Connection,
    *,
    limit: int | None = None,
    due_before: datetime | None = None,
    search: str = "",
) -> list[ActionRow]:
    """Undone actions in due order (overdue first by construction); walks ix_action_pending.
    With `search`, only those whose text (`_ACTION_TEXT`: company, role, person, kind,
    status, notes) contains it, case and accents ignored: the filter runs here, before
    the page is cut, not after."""
    sql = _ACTION_SELECT + " WHERE x.done_at IS NULL AND x.deleted_at IS NULL"
    params: list[object] = []
    if due_before is not None:
        sql += " AND x.next_at < ?"
        params.append(to_db(due_before))
    if search and fold(search):
        sql += f" AND instr({_ACTION_TEXT}, ?) > 0"
        params.append(fold(search))
    sql += " ORDER BY x.next_at, x.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_action(r) for r in conn.execute(sql, params)]


def overdue_among(conn: sqlite3.Connection, ids: Iterable[int], now: datetime) -> set[int]:
    """Which of these actions are still pending and overdue at `now`."""
    wanted = list(ids)
    found: set[int] = set()
    for start in range(0, len(wanted), 900):  # old SQLite builds allow 999 parameters
        chunk = wanted[start : start + 900]
        found.update(
            int(r[0])
            for r in conn.execute(
                f"SELECT id FROM action WHERE id IN ({','.join('?' * len(chunk))}) AND "
                f"done_at IS NULL AND {_LIVE} AND next_at <= ?",
                [*chunk, to_db(now)],
            )
        )
    return found


def unannounced_overdue(conn: sqlite3.Connection, now: datetime) -> list[ActionRow]:
    """Overdue actions not announced since they last fell due (a snooze makes them news
    again), in due order; the index range stops at `now`."""
    sql = _ACTION_SELECT + (
        " WHERE x.done_at IS NULL AND x.deleted_at IS NULL AND x.next_at <= ?"
        " AND (x.notified_at IS NULL OR x.notified_at < x.next_at) ORDER BY x.next_at, x.id"
    )
    return [_action(r) for r in conn.execute(sql, (to_db(now),))]


def action(conn: sqlite3.Connection, action_id: int) -> ActionRow | None:
    row = conn.execute(_ACTION_SELECT + " WHERE x.id = ?", (action_id,)).fetchone()
    return _action(row) if row else None


NEXT_DUE_SQL = (
    "SELECT MIN(next_at) FROM action WHERE done_at IS NULL AND deleted_at IS NULL AND next_at > ?"
)


def next_due_after(conn: sqlite3.Connection, after: datetime) -> datetime | None:
    """When the next action falls due: one index seek, whatever the table size."""
    row = conn.execute(NEXT_DUE_SQL, (to_db(after),)).fetchone()
    return opt_from_db(row[0])
