"""The applications pane's reads: a page of applications, one application, its extras.

In plain SQL over the standard library's sqlite3, as every read both faces make: frozen
dataclasses, never ORM objects, so results cross threads safely.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.kinds import ActionKind
from pursuit.domain.matching import fold
from pursuit.domain.status import OPEN, Status
from pursuit.domain.whose import WhoseMove, whose_move
from pursuit.store.timefmt import from_db, opt_from_db, to_db

_OPEN = tuple(s.value for s in OPEN)
_LIVE = "deleted_at IS NULL"

# What the filter (/) looks in for an application: what its row shows (company, role,
# status as shown, "on hold" for on_hold) and what the detail shows of it: the company's
# people (names, roles, notes), its own note, the company's note, its interviews' notes.
# Each part is indexed by the row's ids; fold() once over the whole text.
_APP_TEXT = f"""fold(c.name || ' ' || a.title || ' ' || replace(a.status, '_', ' ')
  || ' ' || a.notes || ' ' || c.notes
  || ' ' || coalesce((SELECT group_concat(p.name || ' ' || coalesce(p.role, '') || ' '
       || p.notes, ' ') FROM contact p WHERE p.company_id = c.id AND p.{_LIVE}), '')
  || ' ' || coalesce((SELECT group_concat(i.notes, ' ') FROM interview i
       WHERE i.application_id = a.id AND i.{_LIVE}), ''))"""


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    company_id: int
    company: str
    title: str
    status: Status
    applied_at: datetime | None
    updated_at: datetime
    last_touch: datetime | None
    next_kind: ActionKind | None
    next_contact: str | None
    next_at: datetime | None
    """`last_touch` is the last contact either way (R5's clock); a touch still to come,
    such as an interview booked for next week, does not count yet."""
    thank_you_id: int | None = None
    """The soonest thank-you note still owed on it, if any (what `t` marks sent)."""
    interview_at: datetime | None = None
    """The start of its next interview still to come: what is next before any note."""

    @property
    def interview_first(self) -> bool:
        """An interview comes before anything else due: its notes are owed only after it."""
        return self.interview_at is not None and (
            self.next_at is None or self.interview_at <= self.next_at
        )

    def whose(self, now: datetime) -> WhoseMove:
        return whose_move(self.next_kind, self.next_at, now)


_THANK_YOU = f"""(SELECT t.id FROM action t WHERE t.application_id = a.id
  AND t.kind = 'thank_you' AND t.done_at IS NULL AND t.{_LIVE} ORDER BY t.next_at, t.id LIMIT 1)"""
# Its first interview not yet ended; the parameter is the clock reading.
_INTERVIEW = f"""(SELECT MIN(i.starts_at) FROM interview i WHERE i.application_id = a.id
  AND i.{_LIVE} AND i.ends_at > ?)"""
_APP_SELECT = f"""
SELECT a.id, a.company_id, c.name, a.title, a.status, a.applied_at, a.updated_at,
  (SELECT MAX(e.at) FROM event e WHERE e.application_id = a.id
     AND e.direction IS NOT NULL AND e.deleted_at IS NULL AND e.at <= ?) AS last_touch,
  n.kind, (SELECT p.name FROM contact p WHERE p.id = n.contact_id), n.next_at, {_THANK_YOU},
  {_INTERVIEW}
FROM application a
JOIN company c ON c.id = a.company_id
LEFT JOIN action n ON n.id = (
  SELECT x.id FROM action x WHERE x.application_id = a.id AND x.done_at IS NULL
    AND x.{_LIVE} ORDER BY x.next_at LIMIT 1)
"""


def _app(row: tuple[object, ...]) -> ApplicationRow:
    return ApplicationRow(
        id=int(row[0]),  # type: ignore[call-overload]
        company_id=int(row[1]),  # type: ignore[call-overload]
        company=str(row[2]),
        title=str(row[3]),
        status=Status(str(row[4])),
        applied_at=opt_from_db(row[5]),  # type: ignore[arg-type]
        updated_at=from_db(str(row[6])),
        last_touch=opt_from_db(row[7]),  # type: ignore[arg-type]
        next_kind=None if row[8] is None else ActionKind(str(row[8])),
        next_contact=row[9],  # type: ignore[arg-type]
        next_at=opt_from_db(row[10]),  # type: ignore[arg-type]
        thank_you_id=row[11],  # type: ignore[arg-type]
        interview_at=opt_from_db(row[12]),  # type: ignore[arg-type]
    )


# Without a clock reading, every touch counts, however far ahead.
_NEVER = "9999-12-31 23:59:59.999999"
_APP_COLUMNS = """a.id, a.company_id, c.name, a.title, a.status, a.applied_at, a.updated_at,
  (SELECT MAX(e.at) FROM event e WHERE e.application_id = a.id
     AND e.direction IS NOT NULL AND e.deleted_at IS NULL AND e.at <= ?) AS last_touch"""
# Applications with something pending, soonest first: walk ix_action_pending from the
# soonest action and keep each application's first one, so a page costs what it shows,
# not the number of applications (CROSS JOIN keeps SQLite from starting at application).
_WITH_NEXT = f"""
SELECT {_APP_COLUMNS}, n.kind, (SELECT p.name FROM contact p WHERE p.id = n.contact_id),
  n.next_at, {_THANK_YOU}, {_INTERVIEW}
FROM action n INDEXED BY ix_action_pending
CROSS JOIN application a ON a.id = n.application_id
JOIN company c ON c.id = a.company_id
WHERE n.done_at IS NULL AND n.{_LIVE}
  AND n.id = (SELECT x.id FROM action x WHERE x.application_id = n.application_id
              AND x.done_at IS NULL AND x.{_LIVE} ORDER BY x.next_at, x.id LIMIT 1)
"""
_WITHOUT_NEXT = f"""
SELECT {_APP_COLUMNS}, NULL, NULL, NULL, NULL, {_INTERVIEW}
FROM application a JOIN company c ON c.id = a.company_id
WHERE NOT EXISTS (SELECT 1 FROM action x WHERE x.application_id = a.id
                  AND x.done_at IS NULL AND x.{_LIVE})
"""


def applications(
    conn: sqlite3.Connection,
    *,
    include_closed: bool = False,
    limit: int | None = None,
    offset: int = 0,
    search: str = "",
    now: datetime | None = None,
) -> list[ApplicationRow]:
    """Open applications, soonest next action first (then most recently updated), those
    with none last, most recently updated first."""
    where = " AND a.deleted_at IS NULL"
    params: list[object] = []
    if search and fold(search):
        where += f" AND instr({_APP_TEXT}, ?) > 0"
        params.append(fold(search))
    if not include_closed:
        where += f" AND a.status IN ({','.join('?' * len(_OPEN))})"
        params.extend(_OPEN)
    page: list[object] = [] if limit is None else [limit, offset]
    # Once for the last touch, once for the interviews still to come.
    touched = [_NEVER if now is None else to_db(now)] * 2
    rows = conn.execute(
        _WITH_NEXT
        + where
        + " ORDER BY n.next_at, a.updated_at DESC, a.id"
        + (" LIMIT ? OFFSET ?" if page else ""),
        [*touched, *params, *page],
    ).fetchall()
    if limit is not None and len(rows) >= limit:
        return [_app(r) for r in rows]
    skip = 0
    if limit is not None and not rows and offset:
        # The page starts past every application with something pending: count those.
        count_sql = "SELECT COUNT(*) FROM (" + _WITH_NEXT + where + ") AS pending"
        skip = max(0, offset - int(conn.execute(count_sql, [*touched, *params]).fetchone()[0]))
    rest: list[object] = [] if limit is None else [limit - len(rows), skip]
    rows += conn.execute(
        _WITHOUT_NEXT
        + where
        + " ORDER BY a.updated_at DESC, a.id"
        + (" LIMIT ? OFFSET ?" if rest else ""),
        [*touched, *params, *rest],
    ).fetchall()
    return [_app(r) for r in rows]


@dataclass(frozen=True)
class ApplicationExtra:
    url: str | None
    source: str | None
    notes: str


def application_extra(conn: sqlite3.Connection, application_id: int) -> ApplicationExtra | None:
    row = conn.execute(
        "SELECT url, source, notes FROM application WHERE id = ?", (application_id,)
    ).fetchone()
    return ApplicationExtra(row[0], row[1], row[2] or "") if row else None


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def application(
    conn: sqlite3.Connection, application_id: int, *, now: datetime | None = None
) -> ApplicationRow | None:
    touched = _NEVER if now is None else to_db(now)
    row = conn.execute(
        _APP_SELECT + " WHERE a.id = ?", (touched, touched, application_id)
    ).fetchone()
    return _app(row) if row else None
