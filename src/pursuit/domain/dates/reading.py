"""`parse_when` and `read_when`: a typed date and time, read in the local zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from pursuit.domain.dates.clocks import _CLOCK_SIDE, _PARTS_OF_DAY, _bare_clock, _take_clock
from pursuit.domain.dates.days import DateOrder, Prefer, _Elapsed, _read_phrase, _Shift
from pursuit.domain.dates.errors import DateParseError, _date_error, _shown
from pursuit.domain.dates.showing import show_when
from pursuit.domain.dates.words import _LEADING_FILLER, _MAX_INPUT
from pursuit.domain.dates.zones import local_to_utc

__all__ = [
    "WITHIN_A_YEAR",
    "FarDateError",
    "When",
    "parse_when",
    "read_when",
]

# A typed date further than this from now is a slip ("dec 15 2062", "feb 29" four years on)
# until the user says otherwise: `FarDateError` lets a caller ask.
WITHIN_A_YEAR = timedelta(days=366)


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
