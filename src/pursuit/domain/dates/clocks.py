"""The time of day in typed text: "14:00", "2pm", "at 10", "9:30-11am", "morning"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from pursuit.domain.dates.days import Prefer
from pursuit.domain.dates.errors import _date_error
from pursuit.domain.dates.words import _CLOCK_12, _CLOCK_24
from pursuit.domain.dates.zones import local_to_utc


@dataclass(frozen=True)
class _Clock:
    """A time of day as typed: exact ("14:00") or a part of the day ("morning")."""

    clock: time
    exact: bool = True
    minutes: int | None = None
    note: str | None = None


_CLOCK_SIDE = r"[0-9]{1,2}(?::[0-9]{2})?(?:am|pm)?"


# A part of the day: a time for a reminder, never an interview's time ("fri afternoon").
_PARTS_OF_DAY: dict[str, time] = {
    "morning": time(9, 0),
    "lunchtime": time(12, 0),
    "afternoon": time(14, 0),
    "eod": time(17, 0),
    "evening": time(18, 0),
}


def _take_clock(tokens: list[str], text: str) -> tuple[_Clock | None, list[str]]:
    """Split off a time of day typed at the end ("fri 10am", "fri at 10am", "fri morning")
    or the start ("10am fri")."""
    last = tokens[-1]
    if last in _PARTS_OF_DAY:
        rest = tokens[:-1]
        # "this morning" is today's.
        return _Clock(_PARTS_OF_DAY[last], exact=False), ["today"] if rest in (
            [],
            ["this"],
        ) else rest
    clock = _read_clock(last, text)
    if clock is not None:
        rest = tokens[:-1]
        if rest and rest[-1] == "at":
            rest = rest[:-1]
        return clock, rest
    clock = _read_clock(tokens[0], text)
    if clock is not None:
        return clock, tokens[1:]
    return None, tokens


_BARE_HOUR = re.compile(r"at(?P<h>[0-9]{1,2})")
_RANGE = re.compile(rf"(?P<a>{_CLOCK_SIDE})-(?P<b>{_CLOCK_SIDE})")
_SIDE = re.compile(r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?(?P<half>am|pm)?")


def _read_clock(token: str, text: str) -> _Clock | None:
    """A time of day, None if the token is not one, an error if it is one that can't be."""
    if token == "noon":
        return _Clock(time(12, 0))
    if token == "midnight":
        return _Clock(time(0, 0))
    m = _BARE_HOUR.fullmatch(token)
    if m:
        return _bare_hour(int(m["h"]), text)
    m = _RANGE.fullmatch(token)
    if m and any(":" in s or s.endswith(("am", "pm")) for s in (m["a"], m["b"])):
        return _range(m["a"], m["b"], text)
    found = _read_time(token, text)
    return None if found is None else _Clock(found)


def _read_time(token: str, text: str) -> time | None:
    m = _CLOCK_12.fullmatch(token)
    if m:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if not 1 <= hour <= 12:
            raise _date_error(text, f"there is no {hour}{m['half']}")
        if minute > 59:
            raise _date_error(text, f"there is no minute {minute}")
        return time(hour % 12 + (12 if m["half"] == "pm" else 0), minute)
    m = _CLOCK_24.fullmatch(token)
    if m:
        hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
        if hour > 23:
            raise _date_error(text, f"there is no hour {hour}")
        if minute > 59:
            raise _date_error(text, f"there is no minute {minute}")
        if second > 59:
            raise _date_error(text, f"there is no second {second}")
        return time(hour, minute, second)
    return None


def _bare_hour(hour: int, text: str) -> _Clock:
    """ "at 10": working hours decide the half of the day, 1 to 6 after noon, 7 to 11
    before it; 0 and 13 to 23 are read on the 24-hour clock."""
    if hour > 23:
        raise _date_error(text, f"there is no hour {hour}")
    clock = time(hour + 12, 0) if 1 <= hour <= 6 else time(hour, 0)
    note = None if hour == 0 or hour >= 12 else f'"at {hour}" read as {clock:%H:%M}'
    return _Clock(clock, note=note)


def _range(first: str, second: str, text: str) -> _Clock:
    """ "9:30am-11am", "9:30-11", "2-3pm", "11-1pm": the start and the length. A side
    without am/pm takes the other side's half, or the other half if that puts the end
    first; with neither, both are on the 24-hour clock."""
    a, b = _SIDE.fullmatch(first), _SIDE.fullmatch(second)
    assert a is not None and b is not None
    starts = _side_times(a, b["half"], text)
    ends = _side_times(b, a["half"], text)
    for start in starts:
        for end in ends:
            if end > start:
                length = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
                return _Clock(start, minutes=length)
    raise _date_error(text, "the range ends before it starts")


def _side_times(m: re.Match[str], other_half: str | None, text: str) -> list[time]:
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if minute > 59:
        raise _date_error(text, f"there is no minute {minute}")
    half = m["half"]
    halves = (
        [half]
        if half
        else ([other_half, "am" if other_half == "pm" else "pm"] if other_half else [])
    )
    if not halves:
        if hour > 23:
            raise _date_error(text, f"there is no hour {hour}")
        return [time(hour, minute)]
    if not 1 <= hour <= 12:
        raise _date_error(text, f"there is no {hour}{halves[0]}")
    return [time(hour % 12 + (12 if h == "pm" else 0), minute) for h in halves]


def _bare_clock(
    clock: time, local_now: datetime, now_utc: datetime, tz: tzinfo, prefer: Prefer
) -> datetime:
    # A time alone means today, unless that is on the wrong side of now for `prefer`:
    # "14:00" typed at 15:20 for something upcoming means tomorrow.
    today = local_now.date()
    result = local_to_utc(datetime.combine(today, clock), tz)
    if prefer == "future" and result < now_utc:
        return local_to_utc(datetime.combine(today + timedelta(days=1), clock), tz)
    if prefer == "past" and result > now_utc:
        return local_to_utc(datetime.combine(today - timedelta(days=1), clock), tz)
    return result
