"""Issue 4, item 10: the date reader and the quick-entry parser, fed text built from their
own vocabulary (and from any Unicode), return a value or their typed error, never another
exception; and the same text with the same "now" gives the same answer, whichever zone that
"now" is written in.

The domain tests check the grammar case by case; these look for inputs nobody thought of:
digits of other scripts, characters whose lower case is longer (İ), calendar edges, zones
with 30- and 45-minute offsets or a skipped day, and clock readings near DST changes.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz as dateutil_tz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import parse_when
from pursuit.domain.quick_entry import QuickEntry, QuickEntryError, parse_quick_entry

from .helpers.common import Tally

pytestmark = pytest.mark.reliability

EXAMPLES = int(os.environ.get("PURSUIT_FUZZ_EXAMPLES", "400"))


def _gettz(name: str) -> tzinfo:
    zone = dateutil_tz.gettz(name)
    assert zone is not None
    return zone


ZONE_NAMES = [
    "America/New_York",
    "Europe/Berlin",
    "Asia/Kathmandu",  # +05:45
    "Australia/Lord_Howe",  # DST of 30 minutes
    "Pacific/Chatham",  # +12:45 / +13:45
    "Pacific/Apia",  # skipped 30 Dec 2011
    "America/St_Johns",  # -03:30
    "UTC",
]
zones = st.sampled_from([_gettz(n) for n in ZONE_NAMES] + [ZoneInfo(n) for n in ZONE_NAMES] + [UTC])
instants = st.datetimes(
    min_value=datetime(1901, 1, 1), max_value=datetime(2998, 12, 31), timezones=st.just(UTC)
) | st.datetimes(
    # Near DST changes and month ends, where off-by-one-hour or -day bugs live.
    min_value=datetime(2026, 3, 7),
    max_value=datetime(2026, 11, 2),
    timezones=st.just(UTC),
)

WORDS = [
    "today", "tonight", "tomorrow", "tmrw", "yesterday", "now", "noon", "midnight",
    "next", "last", "this", "in", "ago", "from", "after", "the", "of", "at", "on", "by",
    "mon", "tuesday", "Thurs", "sun", "jan", "February", "sept", "Dec", "week", "weeks",
    "month", "mo", "year", "yr", "d", "h", "min", "hours", "days", "a", "an", "two",
    "twelve", "am", "pm", "a.m.", "p.m.", "st", "nd", "th", "every", "other", "quarterly",
    "0", "1", "7", "12", "13", "15th", "29", "29th", "30", "31", "31st", "32", "60",
    "9999", "0000", "1899", "3000", "2026", "2028-02-29", "2027-02-29", "2026-13-01",
    "2026-12-01T09:30", "12/15", "15/12/2026", "14:00", "9:5", "24:00", "23:59:60",
    "10am", "13pm", "0am", "12:30pm", "+3d", "-2w", "+ 1 mo", "-0h", "+9999d",
    "１２:００", "٣", "İ", "ß", "ǅ", "\u00a0", "\u2028", "…", ",", ".", "-", "/", ":",
]  # fmt: skip
phrases = st.lists(st.sampled_from(WORDS), min_size=0, max_size=6).map(" ".join)
any_text = st.text(max_size=60)
# Well-formed phrases (with odd numbers in them) reach the arithmetic, not just the errors.
numbers = st.integers(min_value=0, max_value=10_000).map(str) | st.sampled_from(["a", "two"])
units = st.sampled_from(["min", "h", "hours", "d", "days", "w", "weeks", "mo", "months", "y"])
weekdays = st.sampled_from(["mon", "tue", "wednesday", "thu", "fri", "sat", "sunday"])
months = st.sampled_from(["jan", "feb", "february", "mar", "apr", "sept", "oct", "dec"])
days = st.integers(min_value=0, max_value=32)
clocks = st.builds(
    "{}:{:02d}".format, st.integers(min_value=0, max_value=24), st.integers(0, 60)
) | st.builds("{}{}".format, st.integers(min_value=0, max_value=13), st.sampled_from(["am", "pm"]))
formed = st.one_of(
    st.builds("in {} {}".format, numbers, units),
    st.builds("{} {} ago".format, numbers, units),
    st.builds("{} {} from now".format, numbers, units),
    st.builds("{}{} {}".format, st.sampled_from(["+", "-"]), numbers, units),
    st.builds("{} {}".format, st.sampled_from(["next", "last", "this", "on", ""]), weekdays),
    st.builds("{} {}".format, months, days),
    st.builds("the {}th of {} {}".format, days, months, st.integers(1890, 3010)),
    st.builds(
        "{}-{:02d}-{:02d}".format,
        st.integers(1890, 3010),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
    st.builds("after the {}th".format, days),
    st.sampled_from(["today", "tonight", "tomorrow", "yesterday", "now", "noon"]),
)
with_clock = st.builds(
    lambda d, at, c, first: f"{c} {d}" if first else f"{d}{at}{c}",
    formed,
    st.sampled_from([" ", " at "]),
    clocks,
    st.booleans(),
)
date_texts = st.one_of(
    formed, with_clock, clocks, phrases, any_text, st.builds(lambda a, b: a + b, formed, any_text)
)

# What the README promises to read ("today 15:00", "tomorrow 2pm", "fri", "next monday",
# "in 2 weeks", "+3d", "2026-12-01 09:30", "dec 15", "after the 15th"), with numbers in
# range: every one of these must come back as a date, from any "now", in any zone, or (a
# fixed date more than a year from that "now") be refused as too far, saying so.
real_clocks = st.builds("{}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)) | st.builds(
    "{}{}".format, st.integers(1, 12), st.sampled_from(["am", "pm"])
)
real_days = st.one_of(
    st.builds("in {} {}".format, st.integers(1, 300), st.sampled_from(["d", "days"])),
    st.builds("in {} {}".format, st.integers(1, 40), st.sampled_from(["w", "weeks"])),
    st.builds("{} {}".format, st.sampled_from(["next", "this", "on", ""]), weekdays),
    st.builds("{} {}".format, months, st.integers(1, 28)),
    st.builds(
        "{}-{:02d}-{:02d}".format, st.integers(1950, 2900), st.integers(1, 12), st.integers(1, 28)
    ),
    st.builds("after the {}th".format, st.integers(4, 28)),
    st.sampled_from(["today", "tomorrow"]),
)
real_day_and_time = st.builds(
    "{}{}{}".format, real_days, st.sampled_from([" ", " at "]), real_clocks
)
readable_dates = st.one_of(
    real_days,
    real_day_and_time,
    real_clocks,
    st.builds("in {} {}".format, st.integers(1, 500), st.sampled_from(["min", "h", "hours"])),
    st.builds("+{}{}".format, st.integers(1, 300), st.sampled_from(["d", "h"])),
    st.builds("+{}w".format, st.integers(1, 40)),
    st.sampled_from(["now", "noon", "tonight"]),
)


def too_far(result: object) -> bool:
    """Refused as more than a year from now: the one refusal a readable date may get."""
    return isinstance(result, str) and "more than a year" in result


QUICK_PARTS = [
    "Acme", "Globex Corp", "[bold]", "Engineer [interview loop]", "(remote)", "/", " / ",
    "interview", "Interview", "interviewly", "check back", "check  back", "checkback",
    "with", "for", "and", "&", ",", "(", ")", "Jane Doe (EM)", "Bob Lee", "Ann (EM, infra)",
    "45 min", "1.5 h", "an hour", "half an hour", "0 min", "13 h", "https://x.example/j/1",
    "http://", "HTTPS://A.B", "tomorrow 14:00", "fri 10am", "after the 15th", "in 2 weeks",
    "dec 15", "2026-02-30 09:00", "now", "株式会社", "👩‍💻", "שלום", "\\[", "[/]", "x" * 300,
]  # fmt: skip
formed_lines = st.builds(
    "{} / {} interview {} with {} for {} check back {}".format,
    st.sampled_from(["Acme", "[b", "株式会社", "Engineer [remote]"]),
    st.sampled_from(["SRE", "Dev [interview loop]", "\\[x"]),
    with_clock,
    st.sampled_from(["Jane Doe (EM), Bob Lee", "Ann and Bo & Cy", "Zoë (CTO)"]),
    st.sampled_from(["45 min", "1.5 h", "an hour", "90 m"]),
    formed,
).map(lambda line: line.replace(" for 90 m", ""))
quick_lines = (
    formed_lines
    | st.lists(st.sampled_from(QUICK_PARTS), min_size=1, max_size=10).map(" ".join)
    | st.text(max_size=80)
    | st.builds(
        lambda a, b: a + b,
        st.lists(st.sampled_from(QUICK_PARTS), max_size=5).map(" ".join),
        any_text,
    )
)


def _when(text: str, now: datetime, zone: tzinfo, prefer: str, default: time) -> datetime | str:
    try:
        result = parse_when(text, now, zone, prefer=prefer, default_time=default)  # type: ignore[arg-type]
    except DateParseError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 400, message
        return "error: " + message
    assert result.tzinfo is not None and result.utcoffset() == timedelta(0), result
    return result


def test_parse_when_returns_a_date_or_its_error(tally: Tally) -> None:
    ran = read = 0

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(
        case=st.one_of(
            readable_dates.map(lambda text: (text, True)),
            date_texts.map(lambda text: (text, False)),
        ),
        now=instants,
        zone=zones,
        shown_in=zones,
        prefer=st.sampled_from(["future", "past"]),
        default=st.times(),
    )
    def prop(
        case: tuple[str, bool],
        now: datetime,
        zone: tzinfo,
        shown_in: tzinfo,
        prefer: str,
        default: time,
    ) -> None:
        nonlocal ran, read
        text, readable = case
        ran += 1
        first = _when(text, now, zone, prefer, default)
        if readable and not too_far(first):
            assert isinstance(first, datetime), (text, first)
        read += isinstance(first, datetime)
        assert _when(text, now, zone, prefer, default) == first
        # The same instant written in another zone is the same "now".
        assert _when(text, now.astimezone(shown_in), zone, prefer, default) == first

    prop()
    tally.add_trials(ran)
    tally.check(read > 0, f"no text of {ran} was read as a date")
    tally.finish()


def _quick(line: str, now: datetime, zone: tzinfo) -> QuickEntry | str:
    try:
        entry = parse_quick_entry(line, now, zone)
    except QuickEntryError as exc:
        message = str(exc)
        assert message and "\n" not in message, message
        return "error: " + message
    assert entry.company.strip() == entry.company and entry.company
    assert entry.role is None or entry.role.strip()
    if entry.interview_at is not None:
        assert entry.interview_at.utcoffset() == timedelta(0)
        assert entry.interview_minutes is not None and 1 <= entry.interview_minutes <= 720
    if entry.check_back is not None:
        assert entry.check_back.utcoffset() == timedelta(0)
    entry.describe(zone)
    return entry


PEOPLE = {"Jane Doe (EM), Bob Lee": 2, "Ann and Bo & Cy": 3, "Zoë (CTO)": 1}
MINUTES = {"45 min": 45, "1.5 h": 90, "an hour": 60}
Expected = tuple[str, str, int, int]
"""What a well-formed line must be read as: company, role, interviewers, minutes."""
readable_lines: st.SearchStrategy[tuple[str, Expected]] = st.builds(
    lambda company, role, at, who, length, back: (
        f"{company} / {role} interview {at} with {who} for {length} check back {back}",
        (company, role, PEOPLE[who], MINUTES[length]),
    ),
    # Brackets balanced: an unclosed one is test_an_unclosed_bracket_keeps_the_interview.
    st.sampled_from(["Acme", "株式会社", "Engineer [remote]", "Zoë (Berlin)"]),
    st.sampled_from(["SRE", "Dev [interview loop]", "Staff {platform}"]),
    real_day_and_time,
    st.sampled_from(list(PEOPLE)),
    st.sampled_from(list(MINUTES)),
    real_days,
)


def test_parse_quick_entry_returns_an_entry_or_its_error(tally: Tally) -> None:
    ran = read = 0

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        case=st.one_of(readable_lines, quick_lines.map(lambda line: (line, None))),
        now=instants,
        zone=zones,
        shown_in=zones,
    )
    def prop(
        case: tuple[str, Expected | None], now: datetime, zone: tzinfo, shown_in: tzinfo
    ) -> None:
        nonlocal ran, read
        line, expected = case
        ran += 1
        first = _quick(line, now, zone)
        if expected is not None and not too_far(first):
            assert isinstance(first, QuickEntry), (line, first)
            read_as = (first.company, first.role, len(first.interviewers), first.interview_minutes)
            assert read_as == expected, line
            assert first.interview_at is not None and first.check_back is not None, line
        read += isinstance(first, QuickEntry)
        assert _quick(line, now, zone) == first
        assert _quick(line, now.astimezone(shown_in), zone) == first

    prop()
    tally.add_trials(ran)
    tally.check(read > 0, f"no line of {ran} was read as an entry")
    tally.finish()


@pytest.mark.parametrize(("company", "role"), [("[b", "SRE"), ("Acme", "\\[x"), ("Acme", "Dev (")])
def test_an_unclosed_bracket_keeps_the_interview(company: str, role: str) -> None:
    now = datetime(2026, 3, 16, 13, 0, tzinfo=UTC)
    line = f"{company} / {role} interview tomorrow 10am with Zoë (CTO) for 45 min"
    entry = parse_quick_entry(line, now, _gettz("America/New_York"))
    assert (entry.company, entry.role, len(entry.interviewers)) == (company, role, 1)
    assert entry.interview_at == datetime(2026, 3, 17, 14, 0, tzinfo=UTC)
