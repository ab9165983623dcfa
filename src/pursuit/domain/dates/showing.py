"""Dates as pursuit shows them: "Fri 4 Dec 14:00", "Mon 16 Nov", "due in 3 d"."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from pursuit.domain.dates.words import _MONTH_NAMES, _WEEKDAY_ABBR

__all__ = [
    "humanize_due",
    "show_day",
    "show_when",
]


def show_when(dt: datetime, tz: tzinfo, now: datetime | None = None, *, year: bool = False) -> str:
    """ "Fri 4 Dec 14:00" in the zone `tz`, with the year ("Fri 4 Dec 2027 14:00") when it
    is not the year of `now` (or when `year`). pursuit reads this form back."""
    local = dt.astimezone(tz)
    # Spelled out here rather than with %a/%b, which follow the process locale.
    weekday, month = _WEEKDAY_ABBR[local.weekday()], _MONTH_NAMES[local.month - 1][:3]
    if year or (now is not None and now.astimezone(tz).year != local.year):
        return f"{weekday} {local.day} {month} {local.year} {local:%H:%M}"
    return f"{weekday} {local.day} {month} {local:%H:%M}"


# --- humanize_due -------------------------------------------------------------------------


def humanize_due(due: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """A short phrase for a table cell: "due in 3 h", "2 d overdue", "due now", rounded to
    the nearest unit (Monday 08:00 seen on Friday 09:30 is "due in 3 d"). With `tz`, the
    day follows: "due in 3 d · Mon 16 Nov" (the year too when it is not this one)."""
    if due.utcoffset() is None or now.utcoffset() is None:
        raise ValueError("humanize_due needs timezone-aware datetimes")
    # Through UTC: subtracting two datetimes that share a tzinfo ignores DST changes.
    seconds = (due.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
    span = abs(seconds)
    if span < 60:
        phrase = "due now"
    else:
        minutes = _nearest(span / 60)
        hours = _nearest(span / 3600)
        days = _nearest(span / 86400)
        if minutes < 60:
            amount = f"{minutes} min"
        elif hours < 24:
            amount = f"{hours} h"
        elif days <= 14:
            amount = f"{days} d"
        else:
            amount = f"{_nearest(span / (7 * 86400))} w"
        phrase = f"{amount} overdue" if seconds < 0 else f"due in {amount}"
    return f"{phrase} · {show_day(due, tz, now)}" if tz is not None else phrase


def _nearest(amount: float) -> int:
    """Rounded half up (2.5 d is 3 d), not to the even number as round() does."""
    return int(amount + 0.5)


def show_day(
    dt: datetime, tz: tzinfo, now: datetime | None, *, short: bool = False, year: bool = False
) -> str:
    """ "Mon 16 Nov" in the zone `tz`, with the year when it is not the year of `now` (or
    when `year`): "Mon 16 Nov 2027"; `short`: "16 Nov 2027", for a narrow column. The day
    is never zero-padded, as in `show_when`: one way to write a day everywhere."""
    local = dt.astimezone(tz)
    day = f"{_WEEKDAY_ABBR[local.weekday()]} {local.day} {_MONTH_NAMES[local.month - 1][:3]}"
    if not year and (now is None or now.astimezone(tz).year == local.year):
        return day
    return f"{day.split(' ', 1)[1] if short else day} {local.year}"
