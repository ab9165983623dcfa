"""The dates pursuit keeps: 1900-01-01 to 2999-12-31 (UTC), from any source.

Outside it, a date is a typo or an attack, not a job search: `0999-06-01` in a spreadsheet,
`PURSUIT_NOW=0001-01-01`, a JSON import of year 9999. The storage format (fixed-width
`YYYY-MM-DD HH:MM:SS.ffffff`, store/timefmt.py) round-trips every instant in the range,
and every instant in it can be shown in every zone (UTC-12 to UTC+14) without leaving
what `datetime` can hold; tests/reliability/test_fault_dates.py checks both ends.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

FIRST_YEAR = 1900
LAST_YEAR = 2999
EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
LATEST = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC) - timedelta(microseconds=1)
RANGE_WORDS = f"{FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31"


class DateRangeError(ValueError):
    """A date outside the range pursuit keeps; the message is one line."""


def in_range(when: datetime) -> bool:
    """Whether an aware instant is one pursuit keeps."""
    try:
        return EARLIEST <= when <= LATEST
    except OverflowError:  # year 1 or 9999 with an offset: beyond what datetime holds
        return False


def check_in_range(when: datetime, what: str = "the date") -> datetime:
    """`when` itself, or DateRangeError saying what is wrong and what is allowed."""
    if when.tzinfo is None:
        raise ValueError("naive datetime: every instant must carry a zone")
    if not in_range(when):
        raise DateRangeError(
            f"{what} {when.date().isoformat()} is outside the dates pursuit keeps ({RANGE_WORDS})"
        )
    return when


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR
