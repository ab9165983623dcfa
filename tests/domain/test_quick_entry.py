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
    ("Acme", "say what to record: `Acme / Role`, `Acme interview ...`, `Acme check back ...`"),
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
    "onsite", "phone", "screen", "video", "call", "final", "round", "offer", "by", "note",
    ":", "applied", "yesterday", "via", "LinkedIn", "salary", "90-110k", "Dr.", "PhD", "Jr.",
    "at", "on", "zoom.us/j/1",
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
        assert first.role or first.interview_at or first.check_back or first.offer_by
        assert (first.offer_by is None) <= (first.offer_note is None)
        assert first.interview_kind is None or first.interview_at is not None
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


# --- the words people add right after an interview (issue 13) ----------------------------

JANE_PHD = (Person("Dr. Jane Smith", "Chief Scientist"),)

WORD_CASES: list[tuple[str, dict[str, Any]]] = [
    # A new application's own fields, alone and together, in any order.
    (
        "Soylent / Backend Engineer applied yesterday",
        {"role": "Backend Engineer", "applied_at": ny(2026, 11, 25, 9, 0)},
    ),
    ("Soylent / Backend Engineer via LinkedIn", {"role": "Backend Engineer", "source": "LinkedIn"}),
    ("Soylent / Backend Engineer salary 90–110k", {"role": "Backend Engineer", "salary": "90–110k"}),
    (
        "Soylent / Backend Engineer applied yesterday via LinkedIn salary 90-110k",
        {
            "role": "Backend Engineer",
            "applied_at": ny(2026, 11, 25, 9, 0),
            "source": "LinkedIn",
            "salary": "90-110k",
        },
    ),
    (
        "Soylent / Backend Engineer salary $120,000 via a referral applied 2 days ago",
        {
            "role": "Backend Engineer",
            "salary": "$120,000",
            "source": "a referral",
            "applied_at": ny(2026, 11, 24, 15, 20),
        },
    ),
    # Where an interview happens.
    (
        "Acme interview fri 10am at 10 Downing St with Ann",
        {"place": "10 Downing St", "interviewers": (Person("Ann"),)},
    ),
    ("Acme interview fri 10am on zoom.us/j/123 with Ann", {"place": "zoom.us/j/123"}),
    ("Acme interview fri 10am on https://zoom.us/j/1", {"place": "https://zoom.us/j/1", "url": None}),
    # The kinds of interview, with or without the word "interview", before or after it.
    ("Globex onsite tomorrow 3pm", {"interview_kind": "onsite", "interview_at": ny(2026, 11, 27, 15, 0)}),
    ("Globex on-site tomorrow 3pm", {"interview_kind": "onsite"}),
    ("Globex phone screen tue 10:00", {"interview_kind": "phone", "interview_at": ny(2026, 12, 1, 10, 0)}),
    ("Globex phone call tue 10:00 for 30 min", {"interview_kind": "phone", "interview_minutes": 30}),
    (
        "Globex video call fri 10am on zoom.us/j/1 with Ann (EM)",
        {"interview_kind": "video", "place": "zoom.us/j/1", "interviewers": (Person("Ann", "EM"),)},
    ),
    ("Globex final round fri 10am with Ann", {"interview_kind": "final"}),
    ("Globex final round onsite fri 10am", {"interview_kind": "final onsite"}),
    ("Globex onsite interview fri 10am", {"interview_kind": "onsite"}),
    ("Globex interview fri 10am with Ann onsite", {"interview_kind": "onsite", "interviewers": (Person("Ann"),)}),
    ("Globex technical interview fri 10am", {"interview_kind": "technical"}),
    ("Globex interview fri 10am", {"interview_kind": None}),
    # The time may follow the people.
    (
        "Globex phone screen with Ann Lee (CTO) tue 10:00",
        {"interview_at": ny(2026, 12, 1, 10, 0), "interviewers": (Person("Ann Lee", "CTO"),)},
    ),
    # Titles stay with the person, degrees go, and neither is a second interviewer.
    ("Acme interview tomorrow 15:00 with Dr. Jane Smith, PhD (Chief Scientist)", {"interviewers": JANE_PHD}),
    (
        "Acme interview tomorrow 15:00 with John Smith, Jr. and Ann Lee, MBA (CTO)",
        {"interviewers": (Person("John Smith Jr."), Person("Ann Lee", "CTO"))},
    ),
    # An offer and its answer-by date, with an optional note that runs to the end.
    ("Acme offer by fri 17:00", {"offer_by": ny(2026, 11, 27, 17, 0), "offer_note": None}),
    ("Acme offer by fri 17:00 note 120k base, 10% bonus", {"offer_note": "120k base, 10% bonus"}),
    (
        "Acme offer by fri 17:00: 120k, the interview loop went well",
        {"offer_by": ny(2026, 11, 27, 17, 0), "offer_note": "120k, the interview loop went well", "interview_at": None},
    ),
    (
        "Acme final round yesterday 2pm with Ann offer by fri 17:00",
        {
            "interview_kind": "final",
            "interview_at": ny(2026, 11, 25, 14, 0),
            "offer_by": ny(2026, 11, 27, 17, 0),
        },
    ),
    (
        "Soylent / Backend Engineer phone screen tue 10:00 via LinkedIn",
        {"role": "Backend Engineer", "interview_kind": "phone", "source": "LinkedIn"},
    ),
    # The same words inside names stay names.
    ("Acme / Onsite Support Engineer", {"role": "Onsite Support Engineer", "interview_at": None}),
    ("Final Round AI / Engineer", {"company": "Final Round AI", "interview_kind": None}),
    ("Best Offer Inc / Dev", {"company": "Best Offer Inc", "offer_by": None}),
    ("Acme / Offer Manager", {"role": "Offer Manager", "offer_by": None}),
    # A role with an offer names the open application the offer is for.
    (
        "Stark / Engineering Manager offer by fri 17:00",
        {"company": "Stark", "role": "Engineering Manager", "offer_by": ny(2026, 11, 27, 17, 0)},
    ),
    ("Via Rail / Engineer via Indeed", {"company": "Via Rail", "source": "Indeed"}),
    ("Acme Today / Dev", {"company": "Acme Today", "role": "Dev"}),
    ("Tuesday Morning / Buyer", {"company": "Tuesday Morning", "role": "Buyer"}),
    ("Acme / Support Engineer 24/7", {"role": "Support Engineer 24/7"}),
    ("Acme / Engineer [phone screen first] interview fri 10am", {"interview_kind": None}),
    (
        "Acme / SRE https://acme.example/onsite/1 onsite fri 10am",
        {"url": "https://acme.example/onsite/1", "interview_kind": "onsite"},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), WORD_CASES)
def test_the_words_people_add(line: str, expected: dict[str, Any]) -> None:
    entry = parse_quick_entry(line, NOW, NY)
    assert {name: getattr(entry, name) for name in expected} == expected


WORD_ERRORS = [
    # Words it cannot place are named, never glued into a name.
    (
        "Soylent / Backend Engineer yesterday",
        'did not understand "yesterday" after the role; say what it is, as in `applied yesterday`',
    ),
    (
        "Globex tomorrow 3pm",
        'did not understand "tomorrow 3pm" after the company; say what it is, as in'
        " `interview tomorrow 3pm`",
    ),
    (
        "Soylent applied yesterday",
        '"applied" goes with a new application; write `Soylent / ROLE applied …`',
    ),
    ("Acme interview fri 10am with Ann salary 120k", '"salary" goes with a new application'),
    ("Acme interview fri 10am with Ann via Zoom", '"via" goes with a new application'),
    ("Acme interview fri 10am with Ann tomorrow", 'did not understand "tomorrow" after Ann'),
    ("Globex onsite", "interview needs a time"),
    ("Acme / Dev onsite", "interview needs a time"),
    # At the end of another part a kind is that part's text, not a second interview.
    ("Acme check back after the final round", 'check back: can\'t read "after the final round"'),
    ("Globex onsite tomorrow", 'interview needs a time of day after "tomorrow"'),
    ("Globex phone screen with Ann", "interview needs a time"),
    ("Acme interview fri 10am with Ann (CTO), PhD (Chief Scientist)", "two roles for Ann"),
    ("Acme offer", "say when they want an answer, as in `Acme offer by fri 17:00`"),
    ("Acme offer by", "say when they want an answer"),
    ("Acme offer: 120k", "say when they want an answer"),
    ("Acme offer by yesterday", "the answer-by date must be in the future"),
    ("Acme offer by soonish", 'offer by: can\'t read "soonish" as a date'),
    ("Acme offer by dec 15 2027", "more than a year from now"),
    ("Acme offer by fri check back mon", "leave out the check back"),
]


@pytest.mark.parametrize(("line", "fragment"), WORD_ERRORS)
def test_words_it_cannot_place_are_named(line: str, fragment: str) -> None:
    with pytest.raises(QuickEntryError) as caught:
        parse_quick_entry(line, NOW, NY)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Soylent / Backend Engineer applied yesterday via LinkedIn salary 90-110k",
            "New application: Soylent — Backend Engineer; salary 90-110k; via LinkedIn;"
            " applied Wed 25 Nov 09:00",
        ),
        ("Globex onsite tomorrow 3pm", "Interview at Globex on Fri 27 Nov 15:00 (onsite, 60 min)"),
        (
            "Acme video call fri 10am on zoom.us/j/1 with Dr. Jane Smith, PhD",
            "Interview at Acme on Fri 27 Nov 10:00 (video, 60 min) with Dr. Jane Smith"
            " → 1 thank-you note; at zoom.us/j/1",
        ),
        ("Acme offer by fri 17:00", "Offer from Acme: answer by Fri 27 Nov 17:00"),
        # With a role the offer is that open application's: named, never a new one.
        (
            "Stark / Engineering Manager offer by fri 17:00",
            "Offer from Stark — Engineering Manager: answer by Fri 27 Nov 17:00",
        ),
        (
            "Stark / Engineering Manager interview tue 10:00 with Ann",
            "New application: Stark — Engineering Manager; Interview at Stark on Tue 1 Dec"
            " 10:00 (60 min) with Ann → 1 thank-you note",
        ),
        (
            "Acme offer by next fri 17:00 note 120k base",
            "Offer from Acme: answer by Fri 4 Dec 17:00 — 120k base;"
            ' "next fri" is the Friday of next week',
        ),
    ],
)
def test_the_preview_says_what_the_words_mean(line: str, expected: str) -> None:
    assert parse_quick_entry(line, NOW, NY).describe(NY) == expected
