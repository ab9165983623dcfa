"""The one-line quick entry, against a fixed clock (Thursday 26 Nov 2026, 15:20 New York)."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Any

import pytest
from dateutil import tz as dateutil_tz
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.domain.people import Person
from pursuit.domain.quick_entry import QuickEntry, QuickEntryError, parse_quick_entry


def _zone(name: str) -> tzinfo:
    zone = dateutil_tz.gettz(name)
    assert zone is not None
    return zone


NY = _zone("America/New_York")
BERLIN = _zone("Europe/Berlin")
NOW = datetime(2026, 11, 26, 15, 20, tzinfo=NY)


def ny(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A New York wall-clock time as the UTC datetime the parser returns."""
    return datetime(year, month, day, hour, minute, tzinfo=NY).astimezone(UTC)


JANE_AND_BOB = (Person("Jane Doe", "EM"), Person("Bob Lee"))

ENTRY_CASES: list[tuple[str, dict[str, Any]]] = [
    ("Acme / Backend Engineer", {"company": "Acme", "role": "Backend Engineer"}),
    ("  Acme/Backend   Engineer  ", {"company": "Acme", "role": "Backend Engineer"}),
    (
        "Acme / Backend Engineer interview tomorrow 14:00 with Jane Doe (EM), Bob Lee",
        {
            "company": "Acme",
            "role": "Backend Engineer",
            "interview_at": ny(2026, 11, 27, 14, 0),
            "interview_minutes": 60,
            "interviewers": JANE_AND_BOB,
        },
    ),
    (
        "Acme interview tomorrow 14:00 with Jane Doe (EM), Bob Lee",
        {
            "company": "Acme",
            "interview_at": ny(2026, 11, 27, 14, 0),
            "interview_minutes": 60,
            "interviewers": JANE_AND_BOB,
        },
    ),
    (
        "Acme interview fri 10am for 45 min with Ann",
        {
            "company": "Acme",
            "interview_at": ny(2026, 11, 27, 10, 0),
            "interview_minutes": 45,
            "interviewers": (Person("Ann"),),
        },
    ),
    (
        "Acme interview fri 10am with Ann and Bo (CTO) for 1.5 h",
        {
            "company": "Acme",
            "interview_at": ny(2026, 11, 27, 10, 0),
            "interview_minutes": 90,
            "interviewers": (Person("Ann"), Person("Bo", "CTO")),
        },
    ),
    (
        "Acme interview fri 10am for an hour",
        {"company": "Acme", "interview_at": ny(2026, 11, 27, 10, 0), "interview_minutes": 60},
    ),
    (
        "Acme INTERVIEW in 2 hours",
        {"company": "Acme", "interview_at": ny(2026, 11, 26, 17, 20), "interview_minutes": 60},
    ),
    (
        "Acme check back dec 15",
        {"company": "Acme", "check_back": ny(2026, 12, 15, 9, 0), "check_back_text": "dec 15"},
    ),
    (
        "Acme check back after the 15th",
        {
            "company": "Acme",
            "check_back": ny(2026, 12, 16, 9, 0),
            "check_back_text": "after the 15th",
        },
    ),
    (
        "Acme check back in two weeks",
        {
            "company": "Acme",
            "check_back": ny(2026, 12, 10, 15, 20),
            "check_back_text": "in two weeks",
        },
    ),
    (
        "Acme Check  Back Dec 15",
        {"company": "Acme", "check_back": ny(2026, 12, 15, 9, 0), "check_back_text": "Dec 15"},
    ),
    (
        "Acme interview today 11am with Ann check back after two weeks",
        {
            "company": "Acme",
            "interview_at": ny(2026, 11, 26, 11, 0),
            "interview_minutes": 60,
            "interviewers": (Person("Ann"),),
            "check_back": ny(2026, 12, 10, 15, 20),
            "check_back_text": "after two weeks",
        },
    ),
    (
        "Acme check back mon interview fri 9:30",
        {
            "company": "Acme",
            "interview_at": ny(2026, 11, 27, 9, 30),
            "interview_minutes": 60,
            "check_back": ny(2026, 11, 30, 9, 0),
            "check_back_text": "mon",
        },
    ),
    # Titles are kept verbatim, brackets and all, even with a keyword inside the brackets.
    (
        "Acme / Engineer [remote] interview fri 10am",
        {
            "company": "Acme",
            "role": "Engineer [remote]",
            "interview_at": ny(2026, 11, 27, 10, 0),
            "interview_minutes": 60,
        },
    ),
    (
        "Acme / Staff Engineer (interview loop, check back later)",
        {"company": "Acme", "role": "Staff Engineer (interview loop, check back later)"},
    ),
    (
        "Acme / Frontend/Backend Engineer",
        {"company": "Acme", "role": "Frontend/Backend Engineer"},
    ),
    (
        "Initech Interviews Ltd / Recruiter",
        {"company": "Initech Interviews Ltd", "role": "Recruiter"},
    ),
    (
        "Acme / Backend Engineer https://acme.example/jobs/42?ref=x",
        {
            "company": "Acme",
            "role": "Backend Engineer",
            "url": "https://acme.example/jobs/42?ref=x",
        },
    ),
    (
        "HTTP://acme.example Acme / SRE",
        {"company": "Acme", "role": "SRE", "url": "HTTP://acme.example"},
    ),
    (
        "Acme interview https://meet.example/abc tomorrow 9am",
        {
            "company": "Acme",
            "interview_at": ny(2026, 11, 27, 9, 0),
            "interview_minutes": 60,
            "url": "https://meet.example/abc",
        },
    ),
]


@pytest.mark.parametrize(("line", "fields"), ENTRY_CASES)
def test_parse_quick_entry(line: str, fields: dict[str, Any]) -> None:
    assert parse_quick_entry(line, NOW, NY) == QuickEntry(**fields)


def test_dates_are_read_in_the_local_zone() -> None:
    entry = parse_quick_entry("Acme interview tomorrow 14:00", NOW, BERLIN)
    assert entry.interview_at == datetime(2026, 11, 27, 13, 0, tzinfo=UTC)


ERROR_CASES = [
    ("", "nothing to record"),
    ("   ", "nothing to record"),
    ("https://acme.example", "nothing to record"),
    ("Acme", "say what to record: `Acme / Role`, `Acme interview ...` or `Acme check back ...`"),
    ("Acme Corp https://acme.example", 'only a company ("Acme Corp")'),
    ("/ Backend Engineer", "start with the company name"),
    ("interview tomorrow 2pm", "start with the company name"),
    ("Acme /", 'nothing after "/"'),
    ("Acme / interview fri 10am", 'nothing after "/"'),
    ("Acme interview", "interview needs a time"),
    ("Acme interview with Ann", "interview needs a time"),
    ("Acme interview tomorrow", 'interview needs a time of day after "tomorrow"'),
    ("Acme interview dec 15 with Ann", 'interview needs a time of day after "dec 15"'),
    ("Acme interview blorp", 'interview time: can\'t read "blorp" as a date'),
    ("Acme interview 25:00", "no hour 25"),
    ("Acme interview fri 10am with", "interviewers: no names given"),
    ("Acme interview fri 10am with Ann (EM", "interviewers: can't read"),
    ("Acme interview fri 10am for 0 min", "1 min to 12 h"),
    ("Acme interview fri 10am for 13 h", "1 min to 12 h"),
    ("Acme interview fri 10am for a while", 'can\'t read "a while" as a length'),
    ("Acme check back", "check back needs a date"),
    ("Acme check back soonish", 'check back: can\'t read "soonish" as a date'),
    ("Acme check back 03/05", "month/day or day/month"),
    ("Acme interview fri 10am interview mon 9am", '"interview" appears twice'),
    ("Acme check back fri check back mon", '"check back" appears twice'),
    ("Acme / SRE https://a.example https://b.example", "more than one link"),
    ("Acme\x00 / SRE", "control character"),
    ("Acme / " + "x" * 2000, "too long"),
]


@pytest.mark.parametrize(("line", "fragment"), ERROR_CASES)
def test_parse_quick_entry_errors(line: str, fragment: str) -> None:
    with pytest.raises(QuickEntryError) as caught:
        parse_quick_entry(line, NOW, NY)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_quick_entry_error_is_a_value_error() -> None:
    assert issubclass(QuickEntryError, ValueError)


DESCRIBE_CASES = [
    ("Acme / Backend Engineer", "New application: Acme — Backend Engineer"),
    (
        "Acme interview fri 14:00 with Jane Doe (EM), Bob Lee",
        "Interview at Acme on Fri 27 Nov 14:00 (60 min) with Jane Doe (EM), Bob Lee"
        " → 2 thank-you notes",
    ),
    (
        "Acme interview fri 14:00 for 30 min with Ann",
        "Interview at Acme on Fri 27 Nov 14:00 (30 min) with Ann → 1 thank-you note",
    ),
    ("Acme interview fri 14:00", "Interview at Acme on Fri 27 Nov 14:00 (60 min)"),
    ("Acme check back dec 15", "Acme: check back dec 15 (Tue 15 Dec 09:00)"),
    # Their words echoed as said, then the date they mean (the day after the 15th).
    ("Acme check back after the 15th", "Acme: check back after the 15th (Wed 16 Dec 09:00)"),
    (
        "Acme / SRE interview fri 9am check back in 2 weeks https://acme.example/j",
        "New application: Acme — SRE; Interview at Acme on Fri 27 Nov 09:00 (60 min);"
        " Acme: check back in 2 weeks (Thu 10 Dec 15:20); link https://acme.example/j",
    ),
]


@pytest.mark.parametrize(("line", "expected"), DESCRIBE_CASES)
def test_describe(line: str, expected: str) -> None:
    assert parse_quick_entry(line, NOW, NY).describe(NY) == expected


def test_describe_shows_times_in_the_zone_given() -> None:
    entry = parse_quick_entry("Acme interview fri 14:00", NOW, NY)
    assert entry.describe(BERLIN) == "Interview at Acme on Fri 27 Nov 20:00 (60 min)"


def test_describe_of_a_bare_entry() -> None:
    assert QuickEntry(company="Acme").describe(NY) == "Acme: nothing to record"


WORDS = [
    "Acme", "/", "Backend", "Engineer", "[remote]", "(EM)", "interview", "check", "back",
    "with", "for", "and", ",", "Jane", "Doe", "Bob", "45", "min", "1.5", "h", "an", "hour",
    "tomorrow", "fri", "14:00", "10am", "dec", "15", "after", "the", "15th", "in", "two",
    "weeks", "https://acme.example/j", "http://x", "(", ")", "[", "]",
]  # fmt: skip

LINES = st.one_of(
    st.text(max_size=100),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
)


@settings(max_examples=200, deadline=None)
@given(line=LINES)
def test_parse_quick_entry_reads_or_raises_its_own_error(line: str) -> None:
    try:
        first = parse_quick_entry(line, NOW, NY)
    except QuickEntryError as exc:
        assert "\n" not in str(exc)
        with pytest.raises(QuickEntryError) as again:
            parse_quick_entry(line, NOW, NY)
        assert str(again.value) == str(exc)
    else:
        assert parse_quick_entry(line, NOW, NY) == first
        assert first.company and first.company == first.company.strip()
        assert first.role or first.interview_at or first.check_back
        assert (first.interview_at is None) == (first.interview_minutes is None)
        assert (first.check_back is None) == (first.check_back_text is None)
        assert "\n" not in first.describe(NY)


# --- times of day, ranges and what the preview says -----------------------------------------


@pytest.mark.parametrize(
    "when",
    ["next week", "in 7 days", "2 days ago", "friday afternoon", "end of next week", "next fri"],
)
def test_an_interview_needs_a_time_of_day_whatever_gives_the_day(when: str) -> None:
    with pytest.raises(QuickEntryError) as caught:
        parse_quick_entry(f"Acme interview {when} with Ann", NOW, NY)
    assert str(caught.value) == f'interview needs a time of day after "{when}"'


@pytest.mark.parametrize(
    ("line", "at", "minutes"),
    [
        ("Acme interview tomorrow 9:30am-11am with Ann", ny(2026, 11, 27, 9, 30), 90),
        ("Acme interview tomorrow 9:30-11 with Ann", ny(2026, 11, 27, 9, 30), 90),
        ("Acme interview fri 2-3pm with Ann", ny(2026, 11, 27, 14, 0), 60),
        ("Acme interview fri 2-3pm for 60 min with Ann", ny(2026, 11, 27, 14, 0), 60),
        ("Acme interview dec 15 at 10 with Ann", ny(2026, 12, 15, 10, 0), 60),
        ("Acme interview 11a.m. with Ann", ny(2026, 11, 27, 11, 0), 60),
        ("Acme interview fri 13 nov 17:00 with Ann", ny(2026, 11, 13, 17, 0), 60),
    ],
)
def test_interview_times_ranges_and_pursuits_own_format(
    line: str, at: datetime, minutes: int
) -> None:
    entry = parse_quick_entry(line, NOW, NY)
    assert (entry.interview_at, entry.interview_minutes) == (at, minutes)


def test_a_range_and_a_different_length_are_refused() -> None:
    with pytest.raises(QuickEntryError) as caught:
        parse_quick_entry("Acme interview fri 2-3pm for 45 min", NOW, NY)
    assert str(caught.value) == (
        'the interview is 60 min by its times but 45 min by "for 45 min"; give one'
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Acme interview next fri 10am",
            'Interview at Acme on Fri 4 Dec 10:00 (60 min); "next fri" is the Friday of next week',
        ),
        (
            "Acme interview dec 15 at 3 with Ann",
            "Interview at Acme on Tue 15 Dec 15:00 (60 min) with Ann → 1 thank-you note;"
            ' "at 3" read as 15:00',
        ),
        ("Acme interview jan 4 14:00", "Interview at Acme on Mon 4 Jan 2027 14:00 (60 min)"),
        ("Acme check back sept 1", "Acme: check back sept 1 (Wed 1 Sep 2027 09:00)"),
        ("Acme check back end of next week", "Acme: check back end of next week (Fri 4 Dec 09:00)"),
        (
            "Acme check back next friday",
            'Acme: check back next friday (Fri 4 Dec 09:00); "next friday" is the Friday of next week',
        ),
    ],
)
def test_the_preview_shows_other_years_and_how_open_phrases_were_read(
    line: str, expected: str
) -> None:
    assert parse_quick_entry(line, NOW, NY).describe(NY) == expected


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("Acme check back tomorow", 'check back: can\'t read "tomorow" as a date (did you mean'),
        ("Acme check back feb 29", "more than a year from now"),
        ("Acme interview dec 15 2027 10am", "interview time: "),
    ],
)
def test_near_misses_and_far_dates_in_quick_entry(line: str, fragment: str) -> None:
    with pytest.raises(QuickEntryError) as caught:
        parse_quick_entry(line, NOW, NY)
    assert fragment in str(caught.value)
