"""Reading the dates, times and durations people type, in their own time zone.

Pure: the current time and the local zone are always parameters, never looked up, so the
same input and clock give the same answer (tests and `PURSUIT_NOW` rely on that).

Every user-facing result is an aware datetime in UTC; wall-clock times are built naive in the
local zone and then resolved once, in `local_to_utc`, so DST is handled in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from difflib import get_close_matches
from typing import Literal

from dateutil import tz as dateutil_tz
from dateutil.relativedelta import relativedelta

__all__ = [
    "WITHIN_A_YEAR",
    "DateOrder",
    "DateParseError",
    "FarDateError",
    "Prefer",
    "When",
    "humanize_due",
    "local_to_utc",
    "parse_duration",
    "parse_when",
    "read_when",
    "settled_order",
    "show_when",
    "to_local",
]

Prefer = Literal["future", "past"]
DateOrder = Literal["day-first", "month-first"]
"""How to read "03/05": day first (3 May, as in the UK) or month first (March 5, as in the US)."""

# A typed date further than this from now is a slip ("dec 15 2062", "feb 29" four years on)
# until the user says otherwise: `FarDateError` lets a caller ask.
WITHIN_A_YEAR = timedelta(days=366)

_EXAMPLES = 'try "tomorrow 14:00", "fri", "in 2 weeks", "dec 15" or "2026-12-01 09:30"'
_DURATION_EXAMPLES = 'try "90 days", "2 weeks", "3 months", "every 90 days" or "quarterly"'

# Real input is a few words; the cap keeps pathological input cheap and messages short.
_MAX_INPUT = 200
_MIN_YEAR = 1900
_MAX_YEAR = 2999


class DateParseError(ValueError):
    """Typed text could not be read as a date, time or duration; the message is one line."""


# --- vocabulary ---------------------------------------------------------------------------

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(_MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

# Days a month can ever have (February 29 exists in leap years).
_MONTH_MAX_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_WEEKDAYS: dict[str, int] = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}

_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

_Unit = Literal["minutes", "hours", "days", "weeks", "months", "years"]
_UNITS: dict[str, _Unit] = {
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    # Not "m": it could be minutes or months, and guessing wrong moves a date by weeks.
    "mo": "months",
    "mos": "months",
    "month": "months",
    "months": "months",
    "y": "years",
    "yr": "years",
    "yrs": "years",
    "year": "years",
    "years": "years",
}


def _alternation(words: dict[str, object]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Digits are spelled [0-9] throughout: `\d` would also accept other scripts' digits.
_AMOUNT = rf"(?:(?P<n>[0-9]{{1,4}}) ?|(?P<w>{_alternation(dict(_NUMBER_WORDS))}) )"
_UNIT = rf"(?P<unit>{_alternation(dict(_UNITS))})"
_REL_IN = re.compile(rf"in {_AMOUNT}{_UNIT}")
_REL_FROM_NOW = re.compile(rf"{_AMOUNT}{_UNIT} from now")
_REL_BACK = re.compile(rf"{_AMOUNT}{_UNIT} ago")
_REL_SIGNED = re.compile(rf"(?P<sign>[+-]) ?(?P<n>[0-9]{{1,4}}) ?{_UNIT}")

_CLOCK_24 = re.compile(r"(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?")
_CLOCK_12 = re.compile(r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?(?P<half>am|pm)")
_ISO_DATE = re.compile(r"(?P<y>[0-9]{4})[-/](?P<mo>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})")
_SLASH_DATE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?")
_DAY_NUMBER = re.compile(r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?")
_ORDINAL = re.compile(r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)")
_YEAR = re.compile(r"[0-9]{4}")

_LEADING_FILLER = frozenset({"on", "at", "by"})


# --- messages -----------------------------------------------------------------------------


def _shown(text: str) -> str:
    # Whatever was typed, the message must stay on one line and the hint must stay visible.
    flat = " ".join(text.split())
    flat = "".join(ch if ch.isprintable() else "?" for ch in flat)
    return flat if len(flat) <= 40 else flat[:39] + "…"


def _date_error(text: str, reason: str | None = None, *, hint: str = _EXAMPLES) -> DateParseError:
    if not text.strip():
        return DateParseError(f"no date given; {hint}")
    if reason is None:
        reason = _near_miss(text)
    why = f" ({reason})" if reason else ""
    return DateParseError(f'can\'t read "{_shown(text)}" as a date{why}; {hint}')


# Words worth suggesting for a near miss ("tomorow" -> "tomorrow").
_SUGGESTIONS = (
    "today",
    "tomorrow",
    "tonight",
    "yesterday",
    "noon",
    "midnight",
    "next",
    "last",
    "this",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "days",
    "hours",
    "minutes",
    "ago",
    "after",
    "morning",
    "afternoon",
    "evening",
    "lunchtime",
    "early",
    "late",
    "end",
    "beginning",
    "middle",
    *(name.lower() for name in _MONTH_NAMES),
    *(word for word in _WEEKDAYS if len(word) > 4),
)
_KNOWN = frozenset(
    {
        *_SUGGESTIONS,
        *_MONTHS,
        *_WEEKDAYS,
        *_UNITS,
        *_NUMBER_WORDS,
        *_LEADING_FILLER,
        *(
            [
                "the",
                "of",
                "in",
                "from",
                "now",
                "tmrw",
                "am",
                "pm",
                "st",
                "nd",
                "rd",
                "th",
                "mid",
                "start",
                "to",
                "until",
                "till",
                "eod",
            ]
        ),
        *(["cob", "close", "business", "day"]),
    }
)


def _near_miss(text: str) -> str | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) < 3 or word in _KNOWN:
            continue
        close = get_close_matches(word, _SUGGESTIONS, n=1, cutoff=0.75)
        if close:
            return f'did you mean "{close[0]}"?'
    return None


def _duration_error(text: str, reason: str | None = None) -> DateParseError:
    if not text.strip():
        return DateParseError(f"no duration given; {_DURATION_EXAMPLES}")
    why = f" ({reason})" if reason else ""
    return DateParseError(f'can\'t read "{_shown(text)}" as a duration{why}; {_DURATION_EXAMPLES}')


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


# --- parse_when ---------------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    """What a typed date/time says: the instant, and how much of it was actually typed."""

    at: datetime
    """The instant, aware, in UTC."""
    has_time: bool
    """A time of day was given ("14:00", "2pm", "at 10", "now", "in 3 hours"), not made up
    from a default or carried over from the clock ("next week", "in 7 days", "fri")."""
    minutes: int | None = None
    """The length of a typed range ("9:30am-11am" gives 90)."""
    note: str | None = None
    """How an open phrase was read ('"next fri" is the Friday of next week'), for a preview."""


class FarDateError(DateParseError):
    """The text reads as a date more than a year from now: refused, or asked about by a
    caller that can ask (`when` is what it would have been)."""

    def __init__(self, message: str, when: datetime) -> None:
        super().__init__(message)
        self.when = when


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


@dataclass(frozen=True)
class _Clock:
    """A time of day as typed: exact ("14:00") or a part of the day ("morning")."""

    clock: time
    exact: bool = True
    minutes: int | None = None
    note: str | None = None


def parse_when(
    text: str,
    now: datetime,
    tz: tzinfo,
    *,
    prefer: Prefer = "future",
    default_time: time = time(9, 0),
    within: timedelta | None = WITHIN_A_YEAR,
    date_order: DateOrder | None = None,
) -> datetime:
    """Read a typed date/time in the local zone `tz` and return it as an aware UTC datetime.

    `now` is any aware datetime. `prefer` settles what is open in the text: which weekday,
    which year for "dec 15", which day for a bare "14:00". A date further than `within`
    from now raises `FarDateError` (None: any date). `date_order` reads "03/05" when both
    numbers could be the month. Raises `DateParseError`, and nothing else, for text that
    cannot be read.
    """
    return read_when(
        text,
        now,
        tz,
        prefer=prefer,
        default_time=default_time,
        within=within,
        date_order=date_order,
    ).at


def read_when(
    text: str,
    now: datetime,
    tz: tzinfo,
    *,
    prefer: Prefer = "future",
    default_time: time = time(9, 0),
    within: timedelta | None = WITHIN_A_YEAR,
    date_order: DateOrder | None = None,
    need_time: bool = False,
) -> When:
    """parse_when, saying also whether a time of day was typed, a range's length and how
    an open phrase was read. With `need_time`, text that gives a day but no time of day
    ("tomorrow", "next week", "in 7 days", "fri afternoon") is refused."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("parse_when needs a timezone-aware now")
    try:
        found = _parse_when(text, now, tz, prefer, default_time.replace(tzinfo=None), date_order)
    except DateParseError:
        raise
    except (ValueError, ArithmeticError) as exc:
        # Dates near the ends of the calendar overflow inside datetime; to the user that is
        # just a date we cannot read.
        raise _date_error(text, "out of range") from exc
    if need_time and not found.has_time:
        raise DateParseError(
            f'no time of day in "{_shown(text)}"; add one, as in "{_example_time(text)}"'
        )
    if within is not None and abs(found.at - now.astimezone(UTC)) > within:
        way = "from now" if found.at > now else "ago"
        shown = show_when(found.at, tz, year=True)
        raise FarDateError(
            f'"{_shown(text)}" is {shown}, more than a year {way}; give a date within a year',
            found.at,
        )
    return found


def _example_time(text: str) -> str:
    flat = " ".join(text.split())
    for word in _PARTS_OF_DAY:
        if flat.lower().endswith(" " + word):
            flat = flat[: -len(word) - 1]
    return f"{_shown(flat)} 14:00" if len(flat) <= 30 else "tomorrow 14:00"


def show_when(dt: datetime, tz: tzinfo, now: datetime | None = None, *, year: bool = False) -> str:
    """ "Fri 4 Dec 14:00" in the zone `tz`, with the year ("Fri 4 Dec 2027 14:00") when it
    is not the year of `now` (or when `year`). pursuit reads this form back."""
    local = dt.astimezone(tz)
    # Spelled out here rather than with %a/%b, which follow the process locale.
    weekday, month = _WEEKDAY_ABBR[local.weekday()], _MONTH_NAMES[local.month - 1][:3]
    if year or (now is not None and now.astimezone(tz).year != local.year):
        return f"{weekday} {local.day} {month} {local.year} {local:%H:%M}"
    return f"{weekday} {local.day} {month} {local:%H:%M}"


_WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _normalise(text: str) -> str:
    s = text.strip().lower().replace(",", " ")
    s = re.sub(r"(?<![a-z])([ap])\.m\.?", r"\1m", s)
    s = re.sub(r"(?<=[0-9])\s+(am|pm)\b", r"\1", s)
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    # ISO 8601's "T" between date and time becomes a space so both halves read as usual.
    s = re.sub(r"\b([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})t(?=[0-9])", r"\1 ", s)
    s = re.sub(r"\bend of (?:the )?day\b|\bclose of business\b|\bcob\b", "eod", s)
    # "9:30am - 11am", "9:30am to 11am": one range token, read by _read_clock.
    s = _RANGE_GAP.sub(_join_range, s)
    # "at 10": a bare hour is a time of day only after "at" (else "dec 15 10" is unclear).
    s = re.sub(r"\bat ([0-9]{1,2})(?![0-9:.]|am|pm|-)", r"at\1", s)
    return " ".join(s.split())


_CLOCK_SIDE = r"[0-9]{1,2}(?::[0-9]{2})?(?:am|pm)?"
_RANGE_GAP = re.compile(
    rf"(?<![0-9:/.+-])(?P<a>{_CLOCK_SIDE}) ?(?:-|to|until|till) ?(?P<b>{_CLOCK_SIDE})(?![0-9:/])"
)


def _join_range(m: re.Match[str]) -> str:
    # Only when one side is plainly a time: "2 to 3 days" stays words.
    if any(":" in side or side.endswith(("am", "pm")) for side in (m["a"], m["b"])):
        return f"{m['a']}-{m['b']}"
    return m[0]


def _drop_filler(tokens: list[str]) -> list[str]:
    while tokens and tokens[0] in _LEADING_FILLER:
        tokens = tokens[1:]
    return tokens


def _parse_when(
    text: str,
    now: datetime,
    tz: tzinfo,
    prefer: Prefer,
    default_time: time,
    date_order: DateOrder | None,
) -> When:
    if len(text) > _MAX_INPUT:
        raise _date_error(text, "too long")
    tokens = _drop_filler(_normalise(text).split())
    if not tokens:
        raise _date_error(text)
    clock, tokens = _take_clock(tokens, text)
    phrase = " ".join(_drop_filler(tokens))
    now_utc = now.astimezone(UTC)
    local_now = now.astimezone(tz)
    minutes = clock.minutes if clock else None
    notes = [clock.note] if clock and clock.note else []

    if phrase == "now":
        if clock is not None:
            raise _date_error(text, '"now" already says the time')
        return When(now_utc, has_time=True)
    if not phrase:
        if clock is None:
            raise _date_error(text)
        at = _bare_clock(clock.clock, local_now, now_utc, tz, prefer)
        return When(at, clock.exact, minutes, _joined(notes))

    spec = _read_phrase(phrase, local_now.date(), prefer, text, date_order)
    if isinstance(spec, _Elapsed):
        if clock is not None:
            raise _date_error(text, "a time of day can't go with an amount in hours or minutes")
        return When(now_utc + spec.delta, has_time=True)
    if isinstance(spec, _Shift):
        naive = local_now.replace(tzinfo=None) + spec.delta
        if clock is None:
            return When(local_to_utc(naive, tz), has_time=False)
        naive = datetime.combine(naive.date(), clock.clock)
        return When(local_to_utc(naive, tz), clock.exact, minutes, _joined(notes))
    if spec.note:
        notes.insert(0, spec.note)
    if clock is None:
        at = datetime.combine(spec.day, spec.clock if spec.clock is not None else default_time)
        return When(local_to_utc(at, tz), has_time=False, note=_joined(notes))
    at = datetime.combine(spec.day, clock.clock)
    return When(local_to_utc(at, tz), clock.exact, minutes, _joined(notes))


def _joined(notes: list[str]) -> str | None:
    return "; ".join(notes) if notes else None


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


def _amount(m: re.Match[str]) -> int:
    return int(m["n"]) if m["n"] is not None else _NUMBER_WORDS[m["w"]]


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


# --- parse_duration -----------------------------------------------------------------------

# (unit, amount) rather than relativedelta objects, which are mutable and must not be shared.
_CADENCE_WORDS: dict[str, tuple[_Unit, int]] = {
    "daily": ("days", 1),
    "weekly": ("weeks", 1),
    "fortnightly": ("weeks", 2),
    "monthly": ("months", 1),
    "quarterly": ("months", 3),
    "yearly": ("years", 1),
    "annually": ("years", 1),
}
_DURATION_UNITS: dict[str, _Unit] = {
    word: unit for word, unit in _UNITS.items() if unit not in ("minutes", "hours")
}
_DURATION = re.compile(
    rf"(?:(?P<n>[0-9]{{1,6}}) ?|(?P<w>{_alternation(dict(_NUMBER_WORDS))}) )?"
    rf"(?P<unit>{_alternation(dict(_DURATION_UNITS))})"
)
# Roughly a hundred years in each unit: longer cadences are typos, and the bound keeps date
# arithmetic from overflowing later.
_DURATION_LIMIT: dict[_Unit, int] = {"days": 36_525, "weeks": 5_218, "months": 1_200, "years": 100}


def parse_duration(text: str) -> relativedelta:
    """Read a positive length of time or cadence ("90 days", "2w", "every 3 months", "quarterly").

    Raises `DateParseError` for anything else, including zero and negative lengths.
    """
    if len(text) > _MAX_INPUT:
        raise _duration_error(text, "too long")
    s = " ".join(text.strip().lower().split())
    every = s.startswith("every ")
    s = s.removeprefix("every ")
    if s in _CADENCE_WORDS and not every:
        return _span(*_CADENCE_WORDS[s])
    if s.startswith("other ") and every:
        # "every other week"
        s = "2 " + s.removeprefix("other ")
    if s.startswith("-"):
        raise _duration_error(text, "it must be longer than zero")
    m = _DURATION.fullmatch(s)
    # A unit without a number reads only as a cadence: "every week", not a bare "week".
    if m is None or (m["n"] is None and m["w"] is None and not every):
        raise _duration_error(text)
    amount = 1 if m["n"] is None and m["w"] is None else _amount(m)
    unit = _DURATION_UNITS[m["unit"]]
    if amount <= 0:
        raise _duration_error(text, "it must be longer than zero")
    if amount > _DURATION_LIMIT[unit]:
        raise _duration_error(text, "longer than 100 years")
    return _span(unit, amount)


def _span(unit: _Unit, amount: int) -> relativedelta:
    if unit == "days":
        return relativedelta(days=amount)
    if unit == "weeks":
        return relativedelta(weeks=amount)
    if unit == "months":
        return relativedelta(months=amount)
    if unit == "years":
        return relativedelta(years=amount)
    raise ValueError(f"not a calendar unit: {unit}")


# --- humanize_due -------------------------------------------------------------------------


def humanize_due(due: datetime, now: datetime) -> str:
    """A short phrase for a table cell: "due in 3 h", "2 d overdue", "due now"."""
    if due.utcoffset() is None or now.utcoffset() is None:
        raise ValueError("humanize_due needs timezone-aware datetimes")
    # Through UTC: subtracting two datetimes that share a tzinfo ignores DST changes.
    seconds = (due.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
    span = abs(seconds)
    if span < 60:
        return "due now"
    minutes = int(span // 60)
    if minutes < 60:
        amount = f"{minutes} min"
    elif minutes < 24 * 60:
        amount = f"{minutes // 60} h"
    elif minutes // (24 * 60) <= 14:
        amount = f"{minutes // (24 * 60)} d"
    else:
        amount = f"{minutes // (7 * 24 * 60)} w"
    return f"{amount} overdue" if seconds < 0 else f"due in {amount}"
