"""The counts read on every wake: actions due, the options gauge (R7), the revision and
the last change's label.

In plain SQL over the standard library's sqlite3, counted by SQLite itself, so a timer can
ask often without building an object per row.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.options import WEEK, AppSnapshot
from pursuit.domain.status import ACTIVE, CLOSED, Status
from pursuit.store.timefmt import opt_from_db, to_db

_LIVE = "deleted_at IS NULL"


def due_counts(conn: sqlite3.Connection, now: datetime, day_end: datetime) -> tuple[int, int]:
    """(overdue, due later today)."""
    row = conn.execute(
        "SELECT SUM(next_at <= ?), SUM(next_at > ? AND next_at < ?) FROM action "
        "WHERE done_at IS NULL AND deleted_at IS NULL AND next_at < ?",
        (to_db(now), to_db(now), to_db(day_end), to_db(day_end)),
    ).fetchone()
    return int(row[0] or 0), int(row[1] or 0)


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
