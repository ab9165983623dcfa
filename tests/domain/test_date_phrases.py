"""The phrases a job seeker types for a date, read against a fixed clock: Thursday
26 November 2026, 15:20 in New York. Every row gives the exact answer: the local date and
time, whether a time of day was typed (an interview needs one), a range's length and the
note a preview shows for a phrase with two readings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

import pytest
from dateutil import tz as dateutil_tz
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import FarDateError, parse_when, read_when
from pursuit.domain.dates.showing import show_when


def _zone(name: str) -> tzinfo:
    zone = dateutil_tz.gettz(name)
    assert zone is not None
    return zone


NY = _zone("America/New_York")
LONDON = _zone("Europe/London")
NOW = datetime(2026, 11, 26, 15, 20, tzinfo=NY)

# (typed, local answer, "day" | "time" | "N min", note shown in the preview)
PHRASES: list[tuple[str, ...]] = [
    ("now", "Thu 2026-11-26 15:20", "time"),
    ("today", "Thu 2026-11-26 09:00", "day"),
    ("today 15:00", "Thu 2026-11-26 15:00", "time"),
    ("tonight", "Thu 2026-11-26 20:00", "day"),
    ("tomorrow", "Fri 2026-11-27 09:00", "day"),
    ("tomorrow 2pm", "Fri 2026-11-27 14:00", "time"),
    ("tomorrow at 2 p.m.", "Fri 2026-11-27 14:00", "time"),
    ("tomorrow 11a.m.", "Fri 2026-11-27 11:00", "time"),
    ("11a.m.", "Fri 2026-11-27 11:00", "time"),
    ("11 a.m.", "Fri 2026-11-27 11:00", "time"),
    ("2pm tomorrow", "Fri 2026-11-27 14:00", "time"),
    ("at 2pm on friday", "Fri 2026-11-27 14:00", "time"),
    ("tomorrow noon", "Fri 2026-11-27 12:00", "time"),
    ("tomorrow midnight", "Fri 2026-11-27 00:00", "time"),
    ("yesterday", "Wed 2026-11-25 09:00", "day"),
    ("yesterday 4pm", "Wed 2026-11-25 16:00", "time"),
    ("tmrw 9am", "Fri 2026-11-27 09:00", "time"),
    ("fri", "Fri 2026-11-27 09:00", "day"),
    ("friday", "Fri 2026-11-27 09:00", "day"),
    ("Friday 10am", "Fri 2026-11-27 10:00", "time"),
    ("this fri", "Fri 2026-11-27 09:00", "day"),
    ("this thu", "Thu 2026-11-26 09:00", "day"),
    ("thu", "Thu 2026-12-03 09:00", "day"),
    ("next friday", "Fri 2026-12-04 09:00", "day", '"next friday" is the Friday of next week'),
    ("next fri 10am", "Fri 2026-12-04 10:00", "time", '"next fri" is the Friday of next week'),
    ("next thursday", "Thu 2026-12-03 09:00", "day"),
    ("next monday", "Mon 2026-11-30 09:00", "day"),
    ("next mon 9:30", "Mon 2026-11-30 09:30", "time"),
    ("next week friday", "Fri 2026-12-04 09:00", "day", '"next friday" is the Friday of next week'),
    ("friday next week", "Fri 2026-12-04 09:00", "day", '"next friday" is the Friday of next week'),
    ("next week fri 3pm", "Fri 2026-12-04 15:00", "time", '"next fri" is the Friday of next week'),
    ("this week friday", "Fri 2026-11-27 09:00", "day"),
    ("last friday", "Fri 2026-11-20 09:00", "day"),
    ("last monday", "Mon 2026-11-23 09:00", "day"),
    ("mon", "Mon 2026-11-30 09:00", "day"),
    ("sat", "Sat 2026-11-28 09:00", "day"),
    ("sun 18:00", "Sun 2026-11-29 18:00", "time"),
    ("in 2 days", "Sat 2026-11-28 15:20", "day"),
    ("in 7 days", "Thu 2026-12-03 15:20", "day"),
    ("in 2 weeks", "Thu 2026-12-10 15:20", "day"),
    ("in two weeks", "Thu 2026-12-10 15:20", "day"),
    ("in a week", "Thu 2026-12-03 15:20", "day"),
    ("in 3 days at 11:00", "Sun 2026-11-29 11:00", "time"),
    ("in 3 hours", "Thu 2026-11-26 18:20", "time"),
    ("in 45 min", "Thu 2026-11-26 16:05", "time"),
    ("in an hour", "Thu 2026-11-26 16:20", "time"),
    ("in 90 minutes", "Thu 2026-11-26 16:50", "time"),
    ("2 weeks from now", "Thu 2026-12-10 15:20", "day"),
    ("after two weeks", "Thu 2026-12-10 15:20", "day"),
    ("after the 15th", "Wed 2026-12-16 09:00", "day"),
    ("after fri", "Sat 2026-11-28 09:00", "day"),
    ("next week", "Thu 2026-12-03 15:20", "day"),
    ("next week 10am", "Thu 2026-12-03 10:00", "time"),
    ("next month", "Sat 2026-12-26 15:20", "day"),
    ("next year", "Fri 2027-11-26 15:20", "day"),
    ("2 days ago", "Tue 2026-11-24 15:20", "day"),
    ("3 weeks ago", "Thu 2026-11-05 15:20", "day"),
    ("an hour ago", "Thu 2026-11-26 14:20", "time"),
    ("+3d", "Sun 2026-11-29 15:20", "day"),
    ("+2w", "Thu 2026-12-10 15:20", "day"),
    ("+3d 9am", "Sun 2026-11-29 09:00", "time"),
    ("-1d", "Wed 2026-11-25 15:20", "day"),
    ("end of next week", "Fri 2026-12-04 09:00", "day"),
    ("end of the week", "Fri 2026-11-27 09:00", "day"),
    ("end of this week", "Fri 2026-11-27 09:00", "day"),
    ("end of week", "Fri 2026-11-27 09:00", "day"),
    ("early next week", "Mon 2026-11-30 09:00", "day"),
    ("early next week 10am", "Mon 2026-11-30 10:00", "time"),
    ("beginning of next week", "Mon 2026-11-30 09:00", "day"),
    ("start of next week", "Mon 2026-11-30 09:00", "day"),
    ("mid next week", "Wed 2026-12-02 09:00", "day"),
    ("mid-next week", "Wed 2026-12-02 09:00", "day"),
    ("middle of next week", "Wed 2026-12-02 09:00", "day"),
    ("late next week", "Fri 2026-12-04 09:00", "day"),
    ("late this week", "Fri 2026-11-27 09:00", "day"),
    ("end of the month", "Mon 2026-11-30 09:00", "day"),
    ("end of this month", "Mon 2026-11-30 09:00", "day"),
    ("end of next month", "Thu 2026-12-31 09:00", "day"),
    ("beginning of next month", "Tue 2026-12-01 09:00", "day"),
    ("mid next month", "Tue 2026-12-15 09:00", "day"),
    ("early next month", "Tue 2026-12-01 09:00", "day"),
    ("friday morning", "Fri 2026-11-27 09:00", "day"),
    ("friday afternoon", "Fri 2026-11-27 14:00", "day"),
    ("friday evening", "Fri 2026-11-27 18:00", "day"),
    ("fri lunchtime", "Fri 2026-11-27 12:00", "day"),
    ("tomorrow morning", "Fri 2026-11-27 09:00", "day"),
    ("tomorrow afternoon", "Fri 2026-11-27 14:00", "day"),
    ("this afternoon", "Thu 2026-11-26 14:00", "day"),
    ("this evening", "Thu 2026-11-26 18:00", "day"),
    ("tomorrow eod", "Fri 2026-11-27 17:00", "day"),
    ("end of day", "Thu 2026-11-26 17:00", "day"),
    ("end of the day", "Thu 2026-11-26 17:00", "day"),
    ("fri cob", "Fri 2026-11-27 17:00", "day"),
    ("dec 15 at 10", "Tue 2026-12-15 10:00", "time", '"at 10" read as 10:00'),
    ("dec 15 at 3", "Tue 2026-12-15 15:00", "time", '"at 3" read as 15:00'),
    ("dec 15 at 12", "Tue 2026-12-15 12:00", "time"),
    ("dec 15 at 0", "Tue 2026-12-15 00:00", "time"),
    ("dec 15 at 18", "Tue 2026-12-15 18:00", "time"),
    ("at 10", "Fri 2026-11-27 10:00", "time", '"at 10" read as 10:00'),
    ("at 9", "Fri 2026-11-27 09:00", "time", '"at 9" read as 09:00'),
    ("at 14", "Fri 2026-11-27 14:00", "time"),
    ("tomorrow at 4", "Fri 2026-11-27 16:00", "time", '"at 4" read as 16:00'),
    ("fri at 7", "Fri 2026-11-27 07:00", "time", '"at 7" read as 07:00'),
    ("in 3 days at 10", "Sun 2026-11-29 10:00", "time", '"at 10" read as 10:00'),
    ("the 15th at 11", "Tue 2026-12-15 11:00", "time", '"at 11" read as 11:00'),
    ("tomorrow 9:30am-11am", "Fri 2026-11-27 09:30", "90 min"),
    ("tomorrow 9:30am - 11am", "Fri 2026-11-27 09:30", "90 min"),
    ("tomorrow 9:30am to 11am", "Fri 2026-11-27 09:30", "90 min"),
    ("tomorrow 9:30-11", "Fri 2026-11-27 09:30", "90 min"),
    ("fri 2-3pm", "Fri 2026-11-27 14:00", "60 min"),
    ("fri 11-1pm", "Fri 2026-11-27 11:00", "120 min"),
    ("fri 10am to 11:30am", "Fri 2026-11-27 10:00", "90 min"),
    ("fri 14:00–15:30", "Fri 2026-11-27 14:00", "90 min"),
    ("fri 14:00 — 15:30", "Fri 2026-11-27 14:00", "90 min"),
    ("fri 10am-2", "Fri 2026-11-27 10:00", "240 min"),
    ("dec 15 1pm-2:15pm", "Tue 2026-12-15 13:00", "75 min"),
    ("next fri 9-10am", "Fri 2026-12-04 09:00", "60 min", '"next fri" is the Friday of next week'),
    ("fri 13 nov 17:00", "Fri 2026-11-13 17:00", "time"),
    ("Fri 13 Nov 17:00", "Fri 2026-11-13 17:00", "time"),
    ("Thu 03 Dec 10:00", "Thu 2026-12-03 10:00", "time"),
    ("Fri 4 Dec 14:00", "Fri 2026-12-04 14:00", "time"),
    ("fri 4 dec 2026 14:00", "Fri 2026-12-04 14:00", "time"),
    ("fri dec 4", "Fri 2026-12-04 09:00", "day"),
    ("sat 28 nov", "Sat 2026-11-28 09:00", "day"),
    ("Sat 13 Nov", "Sat 2027-11-13 09:00", "day"),
    ("mon 30 nov 2026", "Mon 2026-11-30 09:00", "day"),
    ("dec 15", "Tue 2026-12-15 09:00", "day"),
    ("december 15", "Tue 2026-12-15 09:00", "day"),
    ("Dec. 15th", "Tue 2026-12-15 09:00", "day"),
    ("15 dec", "Tue 2026-12-15 09:00", "day"),
    ("the 15th of december", "Tue 2026-12-15 09:00", "day"),
    ("dec 15 2026", "Tue 2026-12-15 09:00", "day"),
    ("nov 26", "Thu 2026-11-26 09:00", "day"),
    ("nov 25", "Thu 2027-11-25 09:00", "day"),
    ("sept 1", "Wed 2027-09-01 09:00", "day"),
    ("the 15th", "Tue 2026-12-15 09:00", "day"),
    ("15th", "Tue 2026-12-15 09:00", "day"),
    ("the 26th", "Thu 2026-11-26 09:00", "day"),
    ("the 31st", "Thu 2026-12-31 09:00", "day"),
    ("2026-12-01", "Tue 2026-12-01 09:00", "day"),
    ("2026-12-01 09:30", "Tue 2026-12-01 09:30", "time"),
    ("2026-12-01T09:30", "Tue 2026-12-01 09:30", "time"),
    ("2026/12/01", "Tue 2026-12-01 09:00", "day"),
    ("15/12", "Tue 2026-12-15 09:00", "day"),
    ("15/12 14:00", "Tue 2026-12-15 14:00", "time"),
    ("12/15", "Tue 2026-12-15 09:00", "day"),
    ("25/12/2026", "Fri 2026-12-25 09:00", "day"),
    ("12/25/2026", "Fri 2026-12-25 09:00", "day"),
    ("15/12/26", "Tue 2026-12-15 09:00", "day"),
    ("5/5", "Wed 2027-05-05 09:00", "day"),
    ("13/1", "Wed 2027-01-13 09:00", "day"),
    ("1/13", "Wed 2027-01-13 09:00", "day"),
    ("noon", "Fri 2026-11-27 12:00", "time"),
    ("14:00", "Fri 2026-11-27 14:00", "time"),
    ("16:00", "Thu 2026-11-26 16:00", "time"),
    ("2pm", "Fri 2026-11-27 14:00", "time"),
    ("9 PM", "Thu 2026-11-26 21:00", "time"),
    ("at 16:30", "Thu 2026-11-26 16:30", "time"),
]


@pytest.mark.parametrize("row", PHRASES, ids=[row[0] for row in PHRASES])
def test_phrase(row: tuple[str, ...]) -> None:
    text, expected, kind, *note = row
    when = read_when(text, NOW, NY)
    assert f"{when.at.astimezone(NY):%a %Y-%m-%d %H:%M}" == expected
    assert when.at.tzinfo is UTC
    assert when.has_time is (kind != "day")
    assert when.minutes == (int(kind.split()[0]) if kind.endswith("min") else None)
    assert when.note == (note[0] if note else None)


PAST = [
    ("fri", "Fri 2026-11-20 09:00"),
    ("next friday", "Fri 2026-12-04 09:00"),
    ("this fri", "Fri 2026-11-20 09:00"),
    ("early this week", "Mon 2026-11-23 09:00"),
    ("15/11", "Sun 2026-11-15 09:00"),
    ("11/15", "Sun 2026-11-15 09:00"),
    ("dec 15", "Mon 2025-12-15 09:00"),
    ("fri 13 nov 17:00", "Fri 2026-11-13 17:00"),
    ("Fri 27 Nov 09:00", "Fri 2026-11-27 09:00"),
    ("yesterday afternoon", "Wed 2026-11-25 14:00"),
]


@pytest.mark.parametrize(("text", "expected"), PAST)
def test_phrase_in_the_past(text: str, expected: str) -> None:
    assert f"{parse_when(text, NOW, NY, prefer='past').astimezone(NY):%a %Y-%m-%d %H:%M}" == (
        expected
    )


# An interview needs a time of day, whatever words give the day.
NO_TIME_OF_DAY = [
    "tomorrow",
    "today",
    "tonight",
    "yesterday",
    "next week",
    "in 7 days",
    "in 2 weeks",
    "2 days ago",
    "+3d",
    "after two weeks",
    "fri",
    "next friday",
    "friday afternoon",
    "this afternoon",
    "tomorrow morning",
    "end of next week",
    "early next week",
    "dec 15",
    "the 15th",
    "15/12",
    "next month",
]


@pytest.mark.parametrize("text", NO_TIME_OF_DAY)
def test_a_day_without_a_time_of_day_is_refused_when_one_is_needed(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        read_when(text, NOW, NY, need_time=True)
    assert str(caught.value).startswith(f'no time of day in "{text}"; add one, as in "')


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "Thu 2026-11-26 15:20"),
        ("in 3 hours", "Thu 2026-11-26 18:20"),
        ("an hour ago", "Thu 2026-11-26 14:20"),
        ("tomorrow 9:30am-11am", "Fri 2026-11-27 09:30"),
        ("dec 15 at 10", "Tue 2026-12-15 10:00"),
        ("next week 10am", "Thu 2026-12-03 10:00"),
        ("2 days ago 14:00", "Tue 2026-11-24 14:00"),
    ],
)
def test_a_time_of_day_satisfies_need_time(text: str, expected: str) -> None:
    when = read_when(text, NOW, NY, need_time=True)
    assert f"{when.at.astimezone(NY):%a %Y-%m-%d %H:%M}" == expected


def test_the_refusal_suggests_the_same_day_with_a_time() -> None:
    with pytest.raises(DateParseError) as caught:
        read_when("friday afternoon", NOW, NY, need_time=True)
    assert (
        str(caught.value) == 'no time of day in "friday afternoon"; add one, as in "friday 14:00"'
    )


ERRORS = [
    # Near misses are named.
    ("tomorow", 'can\'t read "tomorow" as a date (did you mean "tomorrow"?)'),
    ("tomorow 10am", '(did you mean "tomorrow"?)'),
    ("tommorrow", '(did you mean "tomorrow"?)'),
    ("fridya", '(did you mean "friday"?)'),
    ("wendsday 2pm", '(did you mean "wednesday"?)'),
    ("thursdy", '(did you mean "thursday"?)'),
    ("nxt week", '(did you mean "next"?)'),
    ("decmber 15", '(did you mean "december"?)'),
    ("yesturday", '(did you mean "yesterday"?)'),
    ("next weak", '(did you mean "week"?)'),
    ("in 2 weks", '(did you mean "weeks"?)'),
    ("friday afternon", '(did you mean "afternoon"?)'),
    # More than a year away.
    ("feb 29", '"feb 29" is Tue 29 Feb 2028 09:00, more than a year from now'),
    ("dec 15 2027", '"dec 15 2027" is Wed 15 Dec 2027 09:00, more than a year from now'),
    ("in 13 months", "more than a year from now"),
    ("in 2 years", "more than a year from now"),
    ("2025-11-25", '"2025-11-25" is Tue 25 Nov 2025 09:00, more than a year ago'),
    ("18 months ago", "more than a year ago"),
    # A weekday that does not fit the date.
    ("thu 4 dec", "(4 Dec 2026 is a Friday)"),
    ("mon 1 dec 2026 10:00", "(1 Dec 2026 is a Tuesday)"),
    # Ranges and hours.
    ("fri 3pm-2pm", "(the range ends before it starts)"),
    ("fri 9:75-10am", "(there is no minute 75)"),
    ("at 25", "(there is no hour 25)"),
    ("dec 15 at 24", "(there is no hour 24)"),
    # Numeric dates: refused only when both orders are possible and differ.
    ("03/05", "(month/day or day/month?)"),
    ("1/2/2027", "(month/day or day/month?)"),
    ("13/13", "(no such day)"),
    ("0/5", "(no such day)"),
    ("31/2", "(February has no day 31)"),
    ("in 2 to 3 days", 'can\'t read "in 2 to 3 days" as a date; try'),
]


@pytest.mark.parametrize(("text", "fragment"), ERRORS)
def test_phrase_errors(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError) as caught:
        read_when(text, NOW, NY)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_far_date_can_be_asked_about_then_taken() -> None:
    with pytest.raises(FarDateError) as caught:
        parse_when("dec 15 2027 14:00", NOW, NY)
    assert caught.value.when == datetime(2027, 12, 15, 19, 0, tzinfo=UTC)
    assert parse_when("dec 15 2027 14:00", NOW, NY, within=None) == caught.value.when
    # Exactly a year ahead is still within a year.
    assert parse_when("in 1 year", NOW, NY) == datetime(2027, 11, 26, 20, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("03/05", "day-first", "Mon 2027-05-03 09:00"),
        ("03/05", "month-first", "Fri 2027-03-05 09:00"),
        ("03/05/2026", "day-first", "Sun 2026-05-03 09:00"),
        # A date that can only be one way is read that way, whatever the setting.
        ("15/12", "month-first", "Tue 2026-12-15 09:00"),
        ("12/15", "day-first", "Tue 2026-12-15 09:00"),
        ("4/4", None, "Sun 2027-04-04 09:00"),
    ],
)
def test_numeric_dates_by_order(text: str, order: str | None, expected: str) -> None:
    when = parse_when(text, NOW, NY, date_order=order)  # type: ignore[arg-type]
    assert f"{when.astimezone(NY):%a %Y-%m-%d %H:%M}" == expected


@pytest.mark.parametrize(
    ("local", "shown"),
    [
        (datetime(2026, 12, 4, 14, 0), "Fri 4 Dec 14:00"),
        (datetime(2026, 1, 5, 9, 30), "Mon 5 Jan 09:30"),
        (datetime(2027, 1, 4, 14, 0), "Mon 4 Jan 2027 14:00"),
        (datetime(2025, 12, 24, 8, 5), "Wed 24 Dec 2025 08:05"),
    ],
)
def test_show_when_gives_the_year_only_when_it_is_not_this_one(local: datetime, shown: str) -> None:
    assert show_when(local.replace(tzinfo=NY), NY, NOW) == shown


@settings(max_examples=300, deadline=None)
@given(
    offset=st.integers(min_value=-364 * 24 * 60, max_value=364 * 24 * 60),
    zone=st.sampled_from([NY, LONDON]),
    prefer=st.sampled_from(["future", "past"]),
)
def test_pursuits_own_way_of_showing_a_date_reads_back(
    offset: int, zone: tzinfo, prefer: str
) -> None:
    instant = NOW + timedelta(minutes=offset)
    shown = show_when(instant, zone, NOW)
    back = parse_when(shown, NOW, zone, prefer=prefer)  # type: ignore[arg-type]
    wall = instant.astimezone(zone).replace(tzinfo=None)
    assert back.astimezone(zone).replace(tzinfo=None) == wall, shown
