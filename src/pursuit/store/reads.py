"""Every read both faces make, in plain SQL over the standard library's sqlite3.

Returns frozen dataclasses, never ORM objects, so results cross threads safely and the
app's first paint does not wait for SQLAlchemy to import.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.kinds import ActionKind
from pursuit.domain.matching import fold
from pursuit.domain.options import WEEK, AppSnapshot
from pursuit.domain.status import ACTIVE, CLOSED, OPEN, Status
from pursuit.domain.whose import WhoseMove, whose_move
from pursuit.store.timefmt import from_db, opt_from_db, to_db

_OPEN = tuple(s.value for s in OPEN)
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
  ELSE '' END)"""
"""What the filter (/) looks in for an action: its company, role, person and kind."""


def pending_actions(
    conn: sqlite3.Connection,
    *,
    limit: int | None = None,
    due_before: datetime | None = None,
    search: str = "",
) -> list[ActionRow]:
    """Undone actions in due order (overdue first by construction); walks ix_action_pending.
    With `search`, only those whose company, role, person or kind contains it (case and
    accents ignored): the filter runs here, before the page is cut, not after."""
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


def due_counts(conn: sqlite3.Connection, now: datetime, day_end: datetime) -> tuple[int, int]:
    """(overdue, due later today)."""
    row = conn.execute(
        "SELECT SUM(next_at <= ?), SUM(next_at > ? AND next_at < ?) FROM action "
        "WHERE done_at IS NULL AND deleted_at IS NULL AND next_at < ?",
        (to_db(now), to_db(now), to_db(day_end), to_db(day_end)),
    ).fetchone()
    return int(row[0] or 0), int(row[1] or 0)


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

    def whose(self, now: datetime) -> WhoseMove:
        return whose_move(self.next_kind, self.next_at, now)


_THANK_YOU = f"""(SELECT t.id FROM action t WHERE t.application_id = a.id
  AND t.kind = 'thank_you' AND t.done_at IS NULL AND t.{_LIVE} ORDER BY t.next_at, t.id LIMIT 1)"""
_APP_SELECT = f"""
SELECT a.id, a.company_id, c.name, a.title, a.status, a.applied_at, a.updated_at,
  (SELECT MAX(e.at) FROM event e WHERE e.application_id = a.id
     AND e.direction IS NOT NULL AND e.deleted_at IS NULL AND e.at <= ?) AS last_touch,
  n.kind, (SELECT p.name FROM contact p WHERE p.id = n.contact_id), n.next_at, {_THANK_YOU}
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
  n.next_at, {_THANK_YOU}
FROM action n INDEXED BY ix_action_pending
CROSS JOIN application a ON a.id = n.application_id
JOIN company c ON c.id = a.company_id
WHERE n.done_at IS NULL AND n.{_LIVE}
  AND n.id = (SELECT x.id FROM action x WHERE x.application_id = n.application_id
              AND x.done_at IS NULL AND x.{_LIVE} ORDER BY x.next_at, x.id LIMIT 1)
"""
_WITHOUT_NEXT = f"""
SELECT {_APP_COLUMNS}, NULL, NULL, NULL, NULL
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
        where += " AND instr(fold(c.name || ' ' || a.title), ?) > 0"
        params.append(fold(search))
    if not include_closed:
        where += f" AND a.status IN ({','.join('?' * len(_OPEN))})"
        params.extend(_OPEN)
    page: list[object] = [] if limit is None else [limit, offset]
    touched = [_NEVER if now is None else to_db(now)]
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
        count_sql = "SELECT COUNT(*) FROM (" + _WITH_NEXT + where + ")"
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
    row = conn.execute(_APP_SELECT + " WHERE a.id = ?", (touched, application_id)).fetchone()
    return _app(row) if row else None


@dataclass(frozen=True)
class BridgeRow:
    company_id: int
    company: str
    contacts: str
    cadence: str
    last_check_in: datetime | None
    next_check_in: datetime | None


def bridges(
    conn: sqlite3.Connection, *, limit: int | None = None, search: str = ""
) -> list[BridgeRow]:
    # The page is chosen on the sort key alone (one index range per bridge); contacts and
    # the last check-in are read only for the bridges shown.
    page = "" if limit is None else " LIMIT ?"
    where = ""
    params: list[object] = []
    if search and fold(search):
        # A bridge is found by its name or a contact's, before the page is cut.
        where = f""" AND instr(fold(c.name || ' ' || coalesce((SELECT group_concat(p.name, ' ')
          FROM contact p WHERE p.company_id = c.id AND p.{_LIVE}), '')), ?) > 0"""
        params.append(fold(search))
    sql = f"""
    WITH page AS (
      SELECT c.id AS id, c.name AS name,
        (SELECT MIN(x.next_at) FROM action x WHERE x.company_id = c.id AND x.kind = 'check_in'
           AND x.done_at IS NULL AND x.{_LIVE}) AS next_at
      FROM company c WHERE c.is_bridge = 1 AND c.{_LIVE}{where}
      ORDER BY next_at IS NULL, next_at, c.name{page})
    SELECT page.id, page.name,
      (SELECT group_concat(p.name, ', ') FROM contact p WHERE p.company_id = page.id
         AND p.{_LIVE}),
      c.bridge_cadence,
      (SELECT MAX(e.at) FROM event e WHERE e.company_id = page.id AND e.kind = 'check_in'
         AND e.{_LIVE}),
      page.next_at
    FROM page JOIN company c ON c.id = page.id
    ORDER BY page.next_at IS NULL, page.next_at, page.name
    """
    if limit is not None:
        params.append(limit)
    return [
        BridgeRow(
            company_id=int(r[0]),
            company=str(r[1]),
            contacts=str(r[2] or ""),
            cadence=str(r[3] or ""),
            last_check_in=opt_from_db(r[4]),
            next_check_in=opt_from_db(r[5]),
        )
        for r in conn.execute(sql, params)
    ]


@dataclass(frozen=True)
class EventRow:
    at: datetime
    kind: str
    direction: str | None
    summary: str
    body: str | None
    contact: str | None
    title: str | None


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    role: str | None
    email: str | None
    talking_point: str | None


def timeline(
    conn: sqlite3.Connection, company_id: int, *, limit: int = 200, offset: int = 0
) -> list[EventRow]:
    """A company's whole history, newest first, across all its applications (R8 reopen),
    a page at a time."""
    rows = conn.execute(
        f"""SELECT e.at, e.kind, e.direction, e.summary, e.body, p.name, a.title
        FROM event e LEFT JOIN contact p ON p.id = e.contact_id
        LEFT JOIN application a ON a.id = e.application_id
        WHERE e.company_id = ? AND e.{_LIVE} ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?""",
        (company_id, limit, offset),
    )
    return [EventRow(from_db(r[0]), r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]


def contacts(conn: sqlite3.Connection, company_id: int) -> list[ContactRow]:
    rows = conn.execute(
        f"SELECT id, name, role, email, talking_point FROM contact "
        f"WHERE company_id = ? AND {_LIVE} ORDER BY id",
        (company_id,),
    )
    return [ContactRow(*r) for r in rows]


def company_name(conn: sqlite3.Connection, company_id: int) -> str | None:
    row = conn.execute("SELECT name FROM company WHERE id = ?", (company_id,)).fetchone()
    return str(row[0]) if row else None


def company_names(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    return [
        (int(i), str(n)) for i, n in conn.execute(f"SELECT id, name FROM company WHERE {_LIVE}")
    ]


def gauge_inputs(conn: sqlite3.Connection) -> list[AppSnapshot]:
    """What the options gauge (R7) counts, one snapshot per live application: the
    reference that `gauge_counts` must agree with."""
    closed = tuple(s.value for s in CLOSED)
    rows = conn.execute(
        f"""SELECT a.status, a.applied_at, {_FINAL} FROM application a
        WHERE a.{_LIVE} AND a.status NOT IN ({_marks(closed)})""",
        closed,
    )
    return [AppSnapshot(Status(s), opt_from_db(at), bool(f)) for s, at, f in rows]


@dataclass(frozen=True)
class GaugeCounts:
    active: int
    new_this_week: int
    loud: bool


def gauge_counts(conn: sqlite3.Connection, now: datetime) -> GaugeCounts:
    """R7's counts worked out by SQLite, each an index search by status (statuses listed,
    not excluded, so the index can seek): no Python object per application on every timer
    wake, which at 10,000 applications took 20 ms."""
    live = tuple(s.value for s in Status if s not in CLOSED)
    active = tuple(s.value for s in ACTIVE)
    (counted,) = conn.execute(
        f"SELECT COUNT(*) FROM application a WHERE a.{_LIVE} AND a.status IN ({_marks(active)})",
        active,
    ).fetchone()
    (new,) = conn.execute(
        f"""SELECT COUNT(*) FROM application a WHERE a.{_LIVE} AND a.status IN ({_marks(live)})
        AND a.applied_at >= ? AND a.applied_at <= ?""",
        (*live, to_db(now - WEEK), to_db(now)),
    ).fetchone()
    # Loud (R7): an offer, or a final round on an application still in play.
    (loud,) = conn.execute(
        f"""SELECT EXISTS(SELECT 1 FROM application a WHERE a.{_LIVE} AND a.status = ?)
        OR EXISTS(SELECT 1 FROM interview i JOIN application a ON a.id = i.application_id
                  WHERE i.{_LIVE} AND lower(i.kind) LIKE '%final%'
                  AND a.{_LIVE} AND a.status IN ({_marks(active)}))""",
        (Status.OFFER.value, *active),
    ).fetchone()
    return GaugeCounts(int(counted), int(new), bool(loud))


_FINAL = f"""a.id IN (SELECT i.application_id FROM interview i WHERE i.{_LIVE}
             AND lower(i.kind) LIKE '%final%')"""
"""The application has a final-round interview (booked or done)."""


def _marks(values: tuple[str, ...]) -> str:
    return ",".join("?" * len(values))


def revision(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT value FROM revision WHERE id = 1").fetchone()[0])


def last_change_label(conn: sqlite3.Connection) -> str | None:
    row = conn.execute(
        "SELECT label FROM change WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return str(row[0]) if row else None
