"""The counts behind `pursuit status`, read with nothing but the standard library's sqlite3.

A shell prompt runs `pursuit status` after every command, so this module imports no
datetime, no dataclasses and none of the project's ORM code: instants are whole
microseconds since the epoch, written in the file's own format (see timefmt.py), and the
whole answer is one SELECT, so it is one consistent snapshot.
"""

from __future__ import annotations

import time

try:
    # The C module alone: `sqlite3` adds datetime adapters and collections this never
    # uses, a few milliseconds on every prompt. Same Connection class either way.
    import _sqlite3 as sqlite3
except ImportError:  # pragma: no cover - an interpreter that only ships the package
    import sqlite3  # type: ignore[no-redef]

# The schema this query was written against. A file at any other version goes through
# the full open (migrate, or refuse a newer file); a test keeps this equal to schema.HEAD.
SCHEMA_VERSION = 7

WEEK_US = 7 * 24 * 3600 * 1_000_000
_ACTIVE = ("applied", "screening", "interviewing", "offer")
# Every status but the closed ones (rejected, withdrawn, ghosted), named rather than
# excluded, so "new this week" is one short range of ix_application_live per status
# instead of a walk over every application.
_NOT_CLOSED = ("wishlist", "applied", "screening", "interviewing", "offer", "accepted", "on_hold")
_PENDING = "done_at IS NULL AND deleted_at IS NULL"

STATUS_SQL = f"""
SELECT
  (SELECT user_version FROM pragma_user_version),
  (SELECT COUNT(*) FROM action WHERE {_PENDING} AND next_at <= :now),
  (SELECT COUNT(*) FROM action WHERE {_PENDING} AND next_at > :now AND next_at < :day_end),
  (SELECT COUNT(*) FROM application WHERE deleted_at IS NULL
     AND status IN ({", ".join(f"'{s}'" for s in _ACTIVE)})),
  (SELECT COUNT(*) FROM application WHERE deleted_at IS NULL
     AND status IN ({", ".join(f"'{s}'" for s in _NOT_CLOSED)})
     AND applied_at >= :week_ago AND applied_at <= :now)
"""


class StatusCounts:
    """What the status line shows; the same numbers as the full agenda and options gauge."""

    __slots__ = ("active", "new_this_week", "overdue", "today")

    def __init__(self, overdue: int, today: int, active: int, new_this_week: int) -> None:
        self.overdue = overdue
        self.today = today
        self.active = active
        self.new_this_week = new_this_week

    def __repr__(self) -> str:
        return (
            f"StatusCounts(overdue={self.overdue}, today={self.today}, "
            f"active={self.active}, new_this_week={self.new_this_week})"
        )


def db_time(micros: int) -> str:
    """An instant (microseconds since the epoch, UTC) as the file stores it."""
    seconds, us = divmod(micros, 1_000_000)
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds)) + f".{us:06d}"


def connect(path: str) -> sqlite3.Connection:
    """A plain connection to a file that exists (the caller checked); reads only."""
    # A reader never blocks in WAL mode, but a checkpoint or recovery in another process
    # can hold the file briefly: wait as the full path does (timeout is busy_timeout).
    return sqlite3.connect(path, timeout=10.0, isolation_level=None)


def status_counts(conn: sqlite3.Connection, *, now_us: int, day_end_us: int) -> StatusCounts | None:
    """The counts at `now_us`, or None when the file is not at SCHEMA_VERSION (or not a
    pursuit database at all): then the caller takes the full path, which knows what to do."""
    try:
        row = conn.execute(
            STATUS_SQL,
            {
                "now": db_time(now_us),
                "day_end": db_time(day_end_us),
                "week_ago": db_time(now_us - WEEK_US),
            },
        ).fetchone()
    except sqlite3.Error:
        return None
    if row is None or row[0] != SCHEMA_VERSION:
        return None
    return StatusCounts(int(row[1]), int(row[2]), int(row[3]), int(row[4]))
