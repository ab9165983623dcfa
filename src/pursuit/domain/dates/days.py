"""The day in typed text: "tomorrow", "fri", "next week", "dec 15", "03/05", "in 3 days"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

from pursuit.domain.dates.durations import _span
from pursuit.domain.dates.errors import _date_error
from pursuit.domain.dates.words import (
    _DAY_NUMBER,
    _ISO_DATE,
    _MONTH_MAX_DAY,
    _MONTH_NAMES,
    _MONTHS,
    _ORDINAL,
    _REL_BACK,
    _REL_FROM_NOW,
    _REL_IN,
    _REL_SIGNED,
    _SLASH_DATE,
    _UNITS,
    _WEEKDAY_NAMES,
    _WEEKDAYS,
    _YEAR,
    _amount,
    _Unit,
)

__all__ = [
    "DateOrder",
    "Prefer",
    "settled_order",
]

Prefer = Literal["future", "past"]
DateOrder = Literal["day-first", "month-first"]
"""How to read "03/05": day first (3 May, as in the UK) or month first (March 5, as in the US)."""

_MIN_YEAR = 1900
_MAX_YEAR = 2999


@dataclass(frozen=True)
class _Day:
    """A calendar day: it takes the typed time, else its own or the default time."""

    day: date
    clock: time | None = None
    note: str | None = None


@dataclass(frozen=True)
class _Shift:
    """A wall-clock move from now in days or longer: it keeps the time of day unless given."""

    delta: relativedelta


@dataclass(frozen=True)
class _Elapsed:
    """Real elapsed time (hours, minutes): a time of day cannot go with it."""

    delta: timedelta


_Spec = _Day | _Shift | _Elapsed


def _read_phrase(
    phrase: str, today: date, prefer: Prefer, text: str, date_order: DateOrder | None
) -> _Spec:
    after = False
    if phrase.startswith("after "):
        rest = phrase.removeprefix("after ")
        # Employers say "after two weeks" meaning "in two weeks".
        spec = _read_relative("in " + rest)
        if spec is not None:
            return spec
        # Otherwise "after the 15th" means the day after it.
        after, phrase = True, rest
    spec = _read_relative(phrase)
    if spec is None:
        spec = _read_day(phrase, today, prefer, text, date_order)
    if spec is None:
        raise _date_error(text)
    if after:
        if not isinstance(spec, _Day):
            raise _date_error(text, '"after" goes with a day, as in "after the 15th"')
        return _Day(spec.day + timedelta(days=1))
    return spec


def _amount_spec(amount: int, unit: _Unit) -> _Spec:
    if unit == "minutes":
        return _Elapsed(timedelta(minutes=amount))
    if unit == "hours":
        return _Elapsed(timedelta(hours=amount))
    return _Shift(_span(unit, amount))


def _read_relative(phrase: str) -> _Spec | None:
    m = _REL_IN.fullmatch(phrase) or _REL_FROM_NOW.fullmatch(phrase)
    if m:
        return _amount_spec(_amount(m), _UNITS[m["unit"]])
    m = _REL_BACK.fullmatch(phrase)
    if m:
        return _amount_spec(-_amount(m), _UNITS[m["unit"]])
    m = _REL_SIGNED.fullmatch(phrase)
    if m:
        sign = -1 if m["sign"] == "-" else 1
        return _amount_spec(sign * int(m["n"]), _UNITS[m["unit"]])
    words = phrase.split()
    if len(words) == 2 and words[0] in ("next", "last") and words[1] in ("week", "month", "year"):
        sign = 1 if words[0] == "next" else -1
        return _amount_spec(sign, _UNITS[words[1]])
    return None


# "early next week", "end of this week", "mid next month": (which, part) -> a day.
_PART_WORDS = {
    "early": "start",
    "beginning of": "start",
    "start of": "start",
    "mid": "middle",
    "middle of": "middle",
    "late": "end",
    "end of": "end",
}
_PERIOD = re.compile(
    rf"(?P<part>{'|'.join(_PART_WORDS)})[ -](?:(?P<which>this|next|the) )?(?P<unit>week|month)"
)


def _read_period(phrase: str, today: date) -> _Day | None:
    """The working week runs Monday (start) to Wednesday (middle) to Friday (end); a month
    from the 1st to the 15th to its last day."""
    m = _PERIOD.fullmatch(phrase)
    if m is None:
        return None
    part = _PART_WORDS[m["part"]]
    later = m["which"] == "next"
    if m["unit"] == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1 if later else 0)
        return _Day(monday + timedelta(days={"start": 0, "middle": 2, "end": 4}[part]))
    first = today.replace(day=1) + relativedelta(months=1 if later else 0)
    if part == "start":
        return _Day(first)
    if part == "middle":
        return _Day(first.replace(day=15))
    return _Day(first + relativedelta(months=1) - timedelta(days=1))


def _read_day(
    phrase: str, today: date, prefer: Prefer, text: str, date_order: DateOrder | None
) -> _Day | None:
    simple = {
        "today": _Day(today),
        # An evening slot: the default morning time would be wrong for "tonight".
        "tonight": _Day(today, time(20, 0)),
        "tomorrow": _Day(today + timedelta(days=1)),
        "tmrw": _Day(today + timedelta(days=1)),
        "yesterday": _Day(today - timedelta(days=1)),
    }
    if phrase in simple:
        return simple[phrase]
    period = _read_period(phrase, today)
    if period is not None:
        return period

    words = phrase.split()
    weekday = _read_weekday(words, today, prefer)
    if weekday is not None:
        return weekday

    if _SLASH_DATE.fullmatch(phrase):
        return _read_slash(phrase, today, prefer, text, date_order)
    m = _ISO_DATE.fullmatch(phrase)
    if m:
        return _Day(_exact_date(int(m["y"]), int(m["mo"]), int(m["d"]), text))

    if words[0] == "the":
        words = words[1:]
    words = [w for w in words if w != "of"]
    if not words:
        return None
    if words[0] in _WEEKDAYS and len(words) in (3, 4):
        # pursuit's own way of showing a date: "fri 13 nov", "Fri 13 Nov 2027".
        return _dated_weekday(words, today, prefer, text)
    if len(words) == 1:
        m = _ORDINAL.fullmatch(words[0]) or (
            _DAY_NUMBER.fullmatch(words[0]) if phrase.startswith("the ") else None
        )
        if m:
            return _Day(_day_of_month(int(m["d"]), today, prefer, text))
        return None
    return _read_month_day(words, today, prefer, text)


def _read_weekday(words: list[str], today: date, prefer: Prefer) -> _Day | None:
    """ "fri", "this fri", "next fri", "last fri", "fri next week", "next week fri"."""
    if words[-1] in _WEEKDAYS and len(words) <= 2:
        mode = words[0] if len(words) == 2 else None
        target = _WEEKDAYS[words[-1]]
    elif (
        len(words) == 3
        and words[0] in _WEEKDAYS
        and words[1:] in (["next", "week"], ["this", "week"])
    ):
        mode, target = words[1], _WEEKDAYS[words[0]]
    elif (
        len(words) == 3
        and words[:2] in (["next", "week"], ["this", "week"])
        and words[2] in _WEEKDAYS
    ):
        mode, target = words[0], _WEEKDAYS[words[2]]
    else:
        return None
    if mode not in (None, "next", "last", "this"):
        return None
    day = _weekday(target, mode, today, prefer)
    note = None
    if mode == "next" and day != _weekday(target, None, today, "future"):
        note = f'"next {words[-1] if words[-1] in _WEEKDAYS else words[0]}" is the {_WEEKDAY_NAMES[target]} of next week'
    return _Day(day, note=note)


def _weekday(target: int, mode: str | None, today: date, prefer: Prefer) -> date:
    # Plain "fri" and "last fri" never mean today: "today" is the word for today, so
    # typing today's name on that day means a week away (forward for future, back for
    # past). "this fri" is in this week (Monday to Sunday) and may be today. "next fri"
    # is in next week, whatever today is: on a Thursday it is eight days away, not
    # tomorrow (that is "fri" or "this fri").
    ahead = (target - today.weekday()) % 7
    back = (today.weekday() - target) % 7
    if mode == "next":
        return today - timedelta(days=today.weekday()) + timedelta(weeks=1, days=target)
    if mode is None and prefer == "future":
        return today + timedelta(days=ahead or 7)
    if mode == "last" or (mode is None and prefer == "past"):
        return today - timedelta(days=back or 7)
    return today + timedelta(days=ahead) if prefer == "future" else today - timedelta(days=back)


def _dated_weekday(words: list[str], today: date, prefer: Prefer, text: str) -> _Day | None:
    target = _WEEKDAYS[words[0]]
    found = _read_month_day(words[1:], today, prefer, text)
    if found is None:
        return None
    if found.day.weekday() == target:
        return found
    if len(words) == 3:
        # No year, as pursuit shows a date of this year: "fri 13 nov" seen on an overdue
        # reminder is this year's, even when a bare "13 nov" would be next year's.
        this_year = _valid_date(today.year, found.day.month, found.day.day)
        if this_year is not None and this_year.weekday() == target:
            return _Day(this_year)
    actual = _WEEKDAY_NAMES[found.day.weekday()]
    raise _date_error(
        text,
        f"{found.day.day} {_MONTH_NAMES[found.day.month - 1][:3]} {found.day.year} is a {actual}",
    )


def _read_slash(
    phrase: str, today: date, prefer: Prefer, text: str, date_order: DateOrder | None
) -> _Day:
    """ "15/12" can only be day first and "12/15" only month first; "03/05" is read as
    `date_order` says, and refused without it."""
    parts = phrase.split("/")
    first, second = int(parts[0]), int(parts[1])
    if not (1 <= first <= 31 and 1 <= second <= 31) or (first > 12 and second > 12):
        raise _date_error(text, "no such day")
    order = settled_order(first, second) or (date_order if first != second else "month-first")
    if order is None:
        raise _date_error(
            text,
            "month/day or day/month?",
            hint='write the month as a word, as in "dec 15", or use "2026-12-15"',
        )
    month, day = (second, first) if order == "day-first" else (first, second)
    if len(parts) == 3:
        year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
        return _Day(_exact_date(year, month, day, text))
    if not 1 <= month <= 12:
        raise _date_error(text, "no such day")
    found = _read_month_day([_MONTH_NAMES[month - 1].lower(), str(day)], today, prefer, text)
    assert found is not None
    return found


def settled_order(first: int, second: int) -> DateOrder | None:
    """Which order a numeric date "first/second" can only be in: a number over 12 is the
    day. None when both could be the month (or neither can)."""
    if first > 12 and 1 <= second <= 12:
        return "day-first"
    if second > 12 and 1 <= first <= 12:
        return "month-first"
    return None


def _read_month_day(words: list[str], today: date, prefer: Prefer, text: str) -> _Day | None:
    if len(words) not in (2, 3):
        return None
    year: int | None = None
    if len(words) == 3:
        if not _YEAR.fullmatch(words[2]):
            return None
        year = int(words[2])
    first, second = words[0].rstrip("."), words[1].rstrip(".")
    if first in _MONTHS and (m := _DAY_NUMBER.fullmatch(second)):
        month, day = _MONTHS[first], int(m["d"])
    elif second in _MONTHS and (m := _DAY_NUMBER.fullmatch(first)):
        month, day = _MONTHS[second], int(m["d"])
    else:
        return None
    if year is not None:
        return _Day(_exact_date(year, month, day, text))
    if not 1 <= day <= _MONTH_MAX_DAY[month - 1]:
        raise _date_error(text, f"{_MONTH_NAMES[month - 1]} has no day {day}")
    # No year: the next one not before today (future) or the latest not after today
    # (past). February 29 may need several years' search, never more than eight.
    step = 1 if prefer == "future" else -1
    year = today.year
    for _ in range(9):
        candidate = _valid_date(year, month, day)
        if candidate is not None and (
            candidate >= today if prefer == "future" else candidate <= today
        ):
            return _Day(candidate)
        year += step
    raise _date_error(text, "out of range")


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _exact_date(year: int, month: int, day: int, text: str) -> date:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _date_error(text, f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise _date_error(text, f"there is no month {month}")
    found = _valid_date(year, month, day)
    if found is None:
        raise _date_error(text, f"{_MONTH_NAMES[month - 1]} {year} has no day {day}")
    return found


def _day_of_month(day: int, today: date, prefer: Prefer, text: str) -> date:
    if not 1 <= day <= 31:
        raise _date_error(text, f"no month has a day {day}")
    # The next such day not before today (future), or the latest not after it (past),
    # skipping months too short to have it.
    year, month = today.year, today.month
    for _ in range(13):
        candidate = _valid_date(year, month, day)
        if candidate is not None and (
            candidate >= today if prefer == "future" else candidate <= today
        ):
            return candidate
        month += 1 if prefer == "future" else -1
        if month == 13:
            year, month = year + 1, 1
        elif month == 0:
            year, month = year - 1, 12
    raise _date_error(text, "out of range")
