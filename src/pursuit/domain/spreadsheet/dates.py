"""Dates as spreadsheets and trackers write them, and the day/month order a column proves."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from pursuit.domain.dates.days import DateOrder, settled_order
from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import parse_when
from pursuit.domain.dates.zones import local_to_utc

__all__ = [
    "DateEvidence",
    "date_evidence",
    "parse_sheet_date",
]

_NUMERIC_DATE = re.compile(
    r"(?P<a>[0-9]{1,4})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{2,4})"
    r"(?:[ T](?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?(?: ?(?P<half>[AaPp][Mm]))?)?"
)
_DAY_MONTH_DASH = re.compile(r"([0-9]{1,2})-([A-Za-z]{3,9})-([0-9]{2,4})")
_EPOCH = re.compile(r"[0-9]{10}(?:[0-9]{3})?")
_EXCEL_SERIAL = re.compile(r"[2-7][0-9]{4}")
_DEFAULT_TIME = time(9, 0)


@dataclass(frozen=True)
class Seen:
    line: int
    text: str


@dataclass(frozen=True)
class DateEvidence:
    """What a column's numeric dates say about their order."""

    day_first: Seen | None = None
    """The first date that can only be day first ("25/12/2026")."""
    month_first: Seen | None = None
    """The first date that can only be month first ("12/25/2026")."""
    unclear: Seen | None = None
    """The first date read differently either way ("03/05/2026")."""

    @property
    def order(self) -> DateOrder | None:
        """The order the column proves, if it proves one and only one."""
        if self.day_first and not self.month_first:
            return "day-first"
        if self.month_first and not self.day_first:
            return "month-first"
        return None


def _numeric_parts(text: str) -> tuple[int, int] | None:
    """(first, second) of a d/m/y or m/d/y date; None for ISO, dotted or other dates."""
    m = _NUMERIC_DATE.fullmatch(" ".join(text.split()))
    if m is None or len(m["a"]) > 2 or m["sep"] == ".":
        return None
    return int(m["a"]), int(m["b"])


def date_evidence(cells: Iterable[tuple[int, str]]) -> DateEvidence:
    """Read (line, cell) pairs of one column: which order its dates prove, and the first
    date whose two readings differ."""
    day_first = month_first = unclear = None
    for line, text in cells:
        parts = _numeric_parts(text)
        if parts is None:
            continue
        first, second = parts
        order = settled_order(first, second)
        if order == "day-first" and day_first is None:
            day_first = Seen(line, text.strip())
        elif order == "month-first" and month_first is None:
            month_first = Seen(line, text.strip())
        elif order is None and first != second and first <= 12 and second <= 12:
            unclear = unclear or Seen(line, text.strip())
    return DateEvidence(day_first, month_first, unclear)


def parse_sheet_date(
    text: str,
    now: datetime,
    tz: tzinfo,
    *,
    order: DateOrder | None = None,
    day_first: bool = False,
) -> datetime:
    """A date as spreadsheets and trackers write it, read in the zone `tz`: ISO 8601 (with
    or without a time; with a zone, as that instant), Unix seconds or milliseconds,
    11/03/2026 or 11-03-2026 (in the column's `order`; a date that can only be read one
    way is read that way, and one that could be either is refused without an order),
    03.11.2026 (day first, as in Europe), 3 Nov 2026, 3-Nov-26, Nov 3, 2026, Notion's
    "November 3, 2026 10:00 AM" (a range "… → …" from its start), and whatever parse_when
    reads in the past. A date alone means 09:00 local."""
    if day_first and order is None:
        order = "day-first"
    cleaned = " ".join(text.strip().split())
    cleaned = cleaned.split("→")[0].strip()
    if not cleaned:
        raise DateParseError("no date given")
    try:
        iso = datetime.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        if iso.tzinfo is not None:
            return iso.astimezone(UTC)
        if len(cleaned) == 10:
            iso = datetime.combine(iso.date(), _DEFAULT_TIME)
        return local_to_utc(iso, tz)
    if _EPOCH.fullmatch(cleaned):
        seconds = int(cleaned) / (1000 if len(cleaned) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    if _EXCEL_SERIAL.fullmatch(cleaned):
        # Excel's day count (from 1899-12-30), left by a sheet saved without date formats.
        day = datetime(1899, 12, 30) + timedelta(days=int(cleaned))
        return local_to_utc(datetime.combine(day.date(), _DEFAULT_TIME), tz)
    m = _NUMERIC_DATE.fullmatch(cleaned)
    if m:
        return _numeric(m, tz, order="day-first" if m["sep"] == "." else order, text=cleaned)
    m = _DAY_MONTH_DASH.fullmatch(cleaned)
    if m:
        year = m[3] if len(m[3]) == 4 else f"20{m[3]}"
        cleaned = f"{m[1]} {m[2]} {year}"
    return parse_when(cleaned, now, tz, prefer="past", default_time=_DEFAULT_TIME, within=None)


def _numeric(m: re.Match[str], tz: tzinfo, *, order: DateOrder | None, text: str) -> datetime:
    a, b, c = int(m["a"]), int(m["b"]), int(m["c"])
    if len(m["a"]) == 4:
        year, month, day = a, b, c
    else:
        year = c + 2000 if len(m["c"]) == 2 else c
        settled = settled_order(a, b)
        if settled is None and a != b and a <= 12 and b <= 12:
            if order is None:
                raise DateParseError(
                    f'"{text}" could be {_MONTHS[b - 1]} {a} or {_MONTHS[a - 1]} {b}: '
                    "say whether dates are day first or month first"
                )
            settled = order
        if settled is not None and order is not None and settled != order:
            raise DateParseError(
                f'can\'t read "{text}" {_ORDER_WORDS[order]} (no month {b if order == "day-first" else a})'
            )
        month, day = (b, a) if (settled or order) == "day-first" else (a, b)
    hour, minute, second = (int(m["h"]), int(m["m"]), int(m["s"] or 0)) if m["h"] else (9, 0, 0)
    if m["half"]:
        if not 1 <= hour <= 12:
            raise DateParseError(f'can\'t read "{text}" as a date (no such hour)')
        hour = hour % 12 + (12 if m["half"].lower() == "pm" else 0)
    try:
        if not 1900 <= year <= 2999:
            raise ValueError
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise DateParseError(f'can\'t read "{text}" as a date (no such day)') from None
    return local_to_utc(naive, tz)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ORDER_WORDS = {"day-first": "day first", "month-first": "month first"}
