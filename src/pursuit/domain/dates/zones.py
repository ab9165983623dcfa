"""Wall-clock times in a time zone, and the instants they name."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from dateutil import tz as dateutil_tz

__all__ = [
    "local_to_utc",
    "to_local",
]

# --- time zones ---------------------------------------------------------------------------


def local_to_utc(naive: datetime, tz: tzinfo) -> datetime:
    """The UTC instant of a wall-clock time in `tz`.

    A time skipped by a spring-forward gap moves forward by the gap (02:30 -> 03:30), as a
    person whose clock jumped would read it; a time repeated at fall-back means its first
    occurrence (fold=0), the earlier and so the safer choice for anything due.
    """
    if naive.tzinfo is not None:
        raise ValueError("local_to_utc needs a naive wall-clock time")
    aware = dateutil_tz.resolve_imaginary(naive.replace(tzinfo=tz, fold=0))
    return aware.astimezone(UTC)


def to_local(dt: datetime, tz: tzinfo) -> datetime:
    """An aware datetime seen in the zone `tz`."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("to_local needs a timezone-aware datetime")
    return dt.astimezone(tz)
