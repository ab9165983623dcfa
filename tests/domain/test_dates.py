"""Reading typed dates, durations and due phrases, against a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz as dateutil_tz
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.domain.dates.days import Prefer
from pursuit.domain.dates.durations import parse_duration
from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import parse_when
from pursuit.domain.dates.showing import humanize_due, show_day, show_when
from pursuit.domain.dates.zones import local_to_utc, to_local


def _zone(name: str) -> tzinfo:
    zone = dateutil_tz.gettz(name)
    assert zone is not None
    return zone


NY = _zone("America/New_York")
BERLIN = _zone("Europe/Berlin")
# Thanksgiving, a Thursday, mid-afternoon in New York (21:20 in Berlin).
NOW = datetime(2026, 11, 26, 15, 20, tzinfo=NY)


def local(
    text: str,
    zone: tzinfo = NY,
    *,
    prefer: Prefer = "future",
    default_time: time = time(9, 0),
) -> datetime:
    """parse_when's answer as a naive wall-clock time in `zone`, for readable tables."""
    result = parse_when(text, NOW, zone, prefer=prefer, default_time=default_time)
    assert result.utcoffset() == timedelta(0)
    return result.astimezone(zone).replace(tzinfo=None)


FUTURE_CASES = [
    ("now", datetime(2026, 11, 26, 15, 20)),
    ("today", datetime(2026, 11, 26, 9, 0)),
    ("today 15:00", datetime(2026, 11, 26, 15, 0)),
    ("tonight", datetime(2026, 11, 26, 20, 0)),
    ("tonight 21:30", datetime(2026, 11, 26, 21, 30)),
    ("tomorrow", datetime(2026, 11, 27, 9, 0)),
    ("tomorrow 2pm", datetime(2026, 11, 27, 14, 0)),
    ("tomorrow at 2 p.m.", datetime(2026, 11, 27, 14, 0)),
    ("2pm tomorrow", datetime(2026, 11, 27, 14, 0)),
    ("tomorrow noon", datetime(2026, 11, 27, 12, 0)),
    ("yesterday", datetime(2026, 11, 25, 9, 0)),
    ("fri", datetime(2026, 11, 27, 9, 0)),
    ("friday", datetime(2026, 11, 27, 9, 0)),
    ("Friday 10am", datetime(2026, 11, 27, 10, 0)),
    ("mon", datetime(2026, 11, 30, 9, 0)),
    # Today's own name means a week away: "today" is the word for today.
    ("thu", datetime(2026, 12, 3, 9, 0)),
    ("this thu", datetime(2026, 11, 26, 9, 0)),
    ("this sat", datetime(2026, 11, 28, 9, 0)),
    ("next monday", datetime(2026, 11, 30, 9, 0)),
    ("next thursday", datetime(2026, 12, 3, 9, 0)),
    ("last monday", datetime(2026, 11, 23, 9, 0)),
    ("last thursday", datetime(2026, 11, 19, 9, 0)),
    ("in 2 weeks", datetime(2026, 12, 10, 15, 20)),
    ("in two weeks", datetime(2026, 12, 10, 15, 20)),
    ("in twelve days", datetime(2026, 12, 8, 15, 20)),
    ("in a week", datetime(2026, 12, 3, 15, 20)),
    ("in 3 days", datetime(2026, 11, 29, 15, 20)),
    ("in 3 days at 11:00", datetime(2026, 11, 29, 11, 0)),
    ("in 1 month", datetime(2026, 12, 26, 15, 20)),
    ("in 1 year", datetime(2027, 11, 26, 15, 20)),
    ("2 weeks from now", datetime(2026, 12, 10, 15, 20)),
    ("after two weeks", datetime(2026, 12, 10, 15, 20)),
    ("next week", datetime(2026, 12, 3, 15, 20)),
    ("2 days ago", datetime(2026, 11, 24, 15, 20)),
    ("+3d", datetime(2026, 11, 29, 15, 20)),
    ("+2w", datetime(2026, 12, 10, 15, 20)),
    ("+1mo", datetime(2026, 12, 26, 15, 20)),
    ("-1d", datetime(2026, 11, 25, 15, 20)),
    ("+3d 9am", datetime(2026, 11, 29, 9, 0)),
    ("in 3 hours", datetime(2026, 11, 26, 18, 20)),
    ("in 45 min", datetime(2026, 11, 26, 16, 5)),
    ("in an hour", datetime(2026, 11, 26, 16, 20)),
    ("2026-12-01", datetime(2026, 12, 1, 9, 0)),
    ("2026-12-01 09:30", datetime(2026, 12, 1, 9, 30)),
    ("2026-12-01T09:30", datetime(2026, 12, 1, 9, 30)),
    ("2026-12-01T09:30:15", datetime(2026, 12, 1, 9, 30, 15)),
    ("2026/12/01", datetime(2026, 12, 1, 9, 0)),
    ("dec 15", datetime(2026, 12, 15, 9, 0)),
    ("december 15", datetime(2026, 12, 15, 9, 0)),
    ("Dec. 15th", datetime(2026, 12, 15, 9, 0)),
    ("15 dec", datetime(2026, 12, 15, 9, 0)),
    ("the 15th of december", datetime(2026, 12, 15, 9, 0)),
    ("dec 15 2026", datetime(2026, 12, 15, 9, 0)),
    ("dec 15, 2026 14:00", datetime(2026, 12, 15, 14, 0)),
    ("nov 26, 2027 14:00", datetime(2027, 11, 26, 14, 0)),
    ("sept 1", datetime(2027, 9, 1, 9, 0)),
    # A date with no year is the next one not before today, so today's date is today.
    ("nov 26", datetime(2026, 11, 26, 9, 0)),
    ("nov 25", datetime(2027, 11, 25, 9, 0)),
    ("the 15th", datetime(2026, 12, 15, 9, 0)),
    ("15th", datetime(2026, 12, 15, 9, 0)),
    ("the 26th", datetime(2026, 11, 26, 9, 0)),
    ("the 30", datetime(2026, 11, 30, 9, 0)),
    ("the 31st", datetime(2026, 12, 31, 9, 0)),
    ("after the 15th", datetime(2026, 12, 16, 9, 0)),
    ("after the 30th", datetime(2026, 12, 1, 9, 0)),
    ("after dec 15", datetime(2026, 12, 16, 9, 0)),
    ("after fri", datetime(2026, 11, 28, 9, 0)),
    # A bare time that has passed today means tomorrow.
    ("noon", datetime(2026, 11, 27, 12, 0)),
    ("14:00", datetime(2026, 11, 27, 14, 0)),
    ("16:00", datetime(2026, 11, 26, 16, 0)),
    ("15:20", datetime(2026, 11, 26, 15, 20)),
    ("2pm", datetime(2026, 11, 27, 14, 0)),
    ("2:30pm", datetime(2026, 11, 27, 14, 30)),
    ("9am", datetime(2026, 11, 27, 9, 0)),
    ("9 PM", datetime(2026, 11, 26, 21, 0)),
    ("12am", datetime(2026, 11, 27, 0, 0)),
    ("12pm", datetime(2026, 11, 27, 12, 0)),
    ("midnight", datetime(2026, 11, 27, 0, 0)),
    ("  On Friday AT 10AM  ", datetime(2026, 11, 27, 10, 0)),
    ("by dec 15", datetime(2026, 12, 15, 9, 0)),
    ("at 16:30", datetime(2026, 11, 26, 16, 30)),
    ("TOMORROW\t14:00", datetime(2026, 11, 27, 14, 0)),
]


@pytest.mark.parametrize(("text", "expected"), FUTURE_CASES)
def test_parse_when_future(text: str, expected: datetime) -> None:
    assert local(text) == expected


PAST_CASES = [
    ("fri", datetime(2026, 11, 20, 9, 0)),
    ("thu", datetime(2026, 11, 19, 9, 0)),
    ("this thu", datetime(2026, 11, 26, 9, 0)),
    ("this fri", datetime(2026, 11, 20, 9, 0)),
    ("next monday", datetime(2026, 11, 30, 9, 0)),
    ("dec 15", datetime(2025, 12, 15, 9, 0)),
    ("nov 26", datetime(2026, 11, 26, 9, 0)),
    ("nov 27", datetime(2025, 11, 27, 9, 0)),
    ("the 15th", datetime(2026, 11, 15, 9, 0)),
    ("the 30th", datetime(2026, 10, 30, 9, 0)),
    ("the 31st", datetime(2026, 10, 31, 9, 0)),
    # A bare time still to come today means yesterday.
    ("16:00", datetime(2026, 11, 25, 16, 0)),
    ("14:00", datetime(2026, 11, 26, 14, 0)),
    ("tomorrow", datetime(2026, 11, 27, 9, 0)),
    ("in 2 weeks", datetime(2026, 12, 10, 15, 20)),
    ("2 days ago", datetime(2026, 11, 24, 15, 20)),
]


@pytest.mark.parametrize(("text", "expected"), PAST_CASES)
def test_parse_when_past(text: str, expected: datetime) -> None:
    assert local(text, prefer="past") == expected


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("tomorrow", time(14, 30), datetime(2026, 11, 27, 14, 30)),
        ("dec 15", time(0, 0), datetime(2026, 12, 15, 0, 0)),
        ("tomorrow 10am", time(14, 30), datetime(2026, 11, 27, 10, 0)),
        # Relative amounts keep the current time of day, not the default.
        ("in 2 days", time(14, 30), datetime(2026, 11, 28, 15, 20)),
    ],
)
def test_default_time(text: str, default: time, expected: datetime) -> None:
    assert local(text, default_time=default) == expected


# In Berlin the same instant is Thursday 21:20.
BERLIN_CASES = [
    ("now", datetime(2026, 11, 26, 21, 20)),
    ("today", datetime(2026, 11, 26, 9, 0)),
    ("tomorrow 14:00", datetime(2026, 11, 27, 14, 0)),
    ("21:00", datetime(2026, 11, 27, 21, 0)),
    ("22:00", datetime(2026, 11, 26, 22, 0)),
    ("in 2 weeks", datetime(2026, 12, 10, 21, 20)),
    ("fri", datetime(2026, 11, 27, 9, 0)),
    ("15 dec", datetime(2026, 12, 15, 9, 0)),
]


@pytest.mark.parametrize(("text", "expected"), BERLIN_CASES)
def test_parse_when_berlin(text: str, expected: datetime) -> None:
    assert local(text, BERLIN) == expected


def test_day_boundaries_follow_the_local_zone() -> None:
    # 23:30 in New York is already Friday in Berlin, so "tomorrow" differs by zone.
    late = datetime(2026, 11, 26, 23, 30, tzinfo=NY)
    in_ny = parse_when("tomorrow", late, NY).astimezone(NY)
    in_berlin = parse_when("tomorrow", late, BERLIN).astimezone(BERLIN)
    assert in_ny.date().isoformat() == "2026-11-27"
    assert in_berlin.date().isoformat() == "2026-11-28"


def test_now_may_be_in_any_zone() -> None:
    for clock in (NOW, NOW.astimezone(UTC), NOW.astimezone(BERLIN)):
        assert parse_when("tomorrow 14:00", clock, NY) == datetime(2026, 11, 27, 19, 0, tzinfo=UTC)
        assert parse_when("now", clock, NY) == NOW


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_when("tomorrow", datetime(2026, 11, 26, 15, 20), NY)


# --- DST -----------------------------------------------------------------------------------

ZONE_KINDS = [
    pytest.param(_zone, id="dateutil"),
    pytest.param(ZoneInfo, id="zoneinfo"),
]

# (zone, typed, expected UTC, expected local offset in hours)
DST_CASES = [
    # Spring forward: 02:30 does not exist; it moves forward by the gap.
    ("America/New_York", "2027-03-14 02:30", datetime(2027, 3, 14, 7, 30), -4),
    ("Europe/Berlin", "2027-03-28 02:30", datetime(2027, 3, 28, 1, 30), 2),
    # Fall back: 01:30 / 02:30 happen twice; the first occurrence (summer time) wins.
    ("America/New_York", "2026-11-01 01:30", datetime(2026, 11, 1, 5, 30), -4),
    ("Europe/Berlin", "2026-10-25 02:30", datetime(2026, 10, 25, 0, 30), 2),
    # Either side of the transitions nothing moves.
    ("America/New_York", "2027-03-14 01:59", datetime(2027, 3, 14, 6, 59), -5),
    ("America/New_York", "2027-03-14 03:00", datetime(2027, 3, 14, 7, 0), -4),
    ("America/New_York", "2026-11-01 02:00", datetime(2026, 11, 1, 7, 0), -5),
]


@pytest.mark.parametrize("make_zone", ZONE_KINDS)
@pytest.mark.parametrize(("name", "text", "expected", "offset"), DST_CASES)
def test_dst_wall_clock(
    make_zone: Callable[[str], tzinfo], name: str, text: str, expected: datetime, offset: int
) -> None:
    zone = make_zone(name)
    result = parse_when(text, NOW, zone)
    assert result == expected.replace(tzinfo=UTC)
    assert result.astimezone(zone).utcoffset() == timedelta(hours=offset)


@pytest.mark.parametrize("make_zone", ZONE_KINDS)
def test_local_to_utc_gap_and_fold(make_zone: Callable[[str], tzinfo]) -> None:
    zone = make_zone("America/New_York")
    gap = local_to_utc(datetime(2027, 3, 14, 2, 30), zone)
    assert to_local(gap, zone).replace(tzinfo=None) == datetime(2027, 3, 14, 3, 30)
    fold = local_to_utc(datetime(2026, 11, 1, 1, 30, fold=1), zone)
    # fold=0 always: a repeated time means its first occurrence, whatever fold came in.
    assert fold == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_relative_days_keep_wall_clock_across_dst() -> None:
    before = datetime(2026, 10, 31, 15, 20, tzinfo=NY)  # EDT
    result = parse_when("+1d", before, NY)
    assert to_local(result, NY).replace(tzinfo=None) == datetime(2026, 11, 1, 15, 20)
    assert result - before == timedelta(hours=25)


def test_relative_hours_are_elapsed_time_across_dst() -> None:
    before = datetime(2026, 11, 1, 0, 30, tzinfo=NY)  # EDT, 90 minutes before fall-back
    result = parse_when("in 3 hours", before, NY)
    assert result - before.astimezone(UTC) == timedelta(hours=3)
    assert to_local(result, NY).replace(tzinfo=None) == datetime(2026, 11, 1, 2, 30)


def test_local_to_utc_rejects_aware_input() -> None:
    with pytest.raises(ValueError, match="naive"):
        local_to_utc(NOW, NY)


def test_to_local_rejects_naive_input() -> None:
    with pytest.raises(ValueError, match="aware"):
        to_local(datetime(2026, 1, 1), NY)


@settings(max_examples=200, deadline=None)
@given(
    naive=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31)),
    zone=st.sampled_from([NY, BERLIN, ZoneInfo("America/New_York"), ZoneInfo("Europe/Berlin")]),
)
def test_local_to_utc_round_trips_existing_times(naive: datetime, zone: tzinfo) -> None:
    result = local_to_utc(naive, zone)
    assert result.utcoffset() == timedelta(0)
    wall = to_local(result, zone).replace(tzinfo=None)
    if dateutil_tz.datetime_exists(naive.replace(tzinfo=zone)):
        assert wall == naive
    else:
        # Both zones spring forward by one hour.
        assert wall == naive + timedelta(hours=1)


# --- errors --------------------------------------------------------------------------------

ERROR_CASES = [
    ("", "no date given"),
    ("   ", "no date given"),
    ("on", '"on"'),
    ("at by", '"at by"'),
    ("on at", '"on at"'),
    ("blorp", '"blorp"'),
    ("03/05", "month/day or day/month"),
    ("1/2/2027", "month/day or day/month"),
    ("feb 30", "February has no day 30"),
    ("2026-02-29", "February 2026 has no day 29"),
    ("2026-13-01", "no month 13"),
    ("dec 32", '"dec 32"'),
    ("the 32nd", "no month has a day 32"),
    ("the 0th", "no month has a day 0"),
    ("25:00", "no hour 25"),
    ("tomorrow 25:00", "no hour 25"),
    ("14:75", "no minute 75"),
    ("13pm", "no 13pm"),
    ("0am", "no 0am"),
    ("in 3 hours 14:00", "time of day"),
    ("now 14:00", '"now" already says the time'),
    ("next blorp", '"next blorp"'),
    ("after 2 days ago", '"after" goes with a day'),
    ("in 9999 years", "out of range"),
    ("1066-10-14", "year 1066 is out of range"),
    ("in -2 days", '"in -2 days"'),
    ("tomorrow tomorrow", '"tomorrow tomorrow"'),
    ("+3m", '"+3m"'),
    ("2026-12-01 09:30Z", '"2026-12-01 09:30Z"'),
    ("x" * 500, "too long"),
    ("mañana", '"mañana"'),
    ("１２:００", '"１２:００"'),
]


@pytest.mark.parametrize(("text", "fragment"), ERROR_CASES)
def test_parse_when_errors(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when(text, NOW, NY)
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message


def test_error_message_names_text_and_gives_examples() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when("blorp", NOW, NY)
    assert str(caught.value) == (
        'can\'t read "blorp" as a date; '
        'try "tomorrow 14:00", "fri", "in 2 weeks", "dec 15" or "2026-12-01 09:30"'
    )


def test_error_message_stays_one_short_line() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when("line one\nline two\x00 and a great deal more text after it", NOW, NY)
    message = str(caught.value)
    assert "\n" not in message and "\x00" not in message
    assert '"line one line two? and a great deal mor…"' in message


# --- parse_duration ------------------------------------------------------------------------

DURATION_CASES = [
    ("90d", relativedelta(days=90)),
    ("90 days", relativedelta(days=90)),
    ("1 day", relativedelta(days=1)),
    ("2 weeks", relativedelta(weeks=2)),
    ("2w", relativedelta(weeks=2)),
    ("two weeks", relativedelta(weeks=2)),
    ("3 months", relativedelta(months=3)),
    ("3mo", relativedelta(months=3)),
    ("1 year", relativedelta(years=1)),
    ("every 90 days", relativedelta(days=90)),
    ("Every 6 Months", relativedelta(months=6)),
    ("every week", relativedelta(weeks=1)),
    ("every other week", relativedelta(weeks=2)),
    ("quarterly", relativedelta(months=3)),
    ("monthly", relativedelta(months=1)),
    ("weekly", relativedelta(weeks=1)),
    ("daily", relativedelta(days=1)),
    ("fortnightly", relativedelta(weeks=2)),
    ("yearly", relativedelta(years=1)),
    ("annually", relativedelta(years=1)),
]


@pytest.mark.parametrize(("text", "expected"), DURATION_CASES)
def test_parse_duration(text: str, expected: relativedelta) -> None:
    assert parse_duration(text) == expected


def test_parse_duration_results_are_not_shared() -> None:
    first = parse_duration("quarterly")
    first.months = 99
    assert parse_duration("quarterly") == relativedelta(months=3)


DURATION_ERRORS = [
    ("", "no duration given"),
    ("0d", "longer than zero"),
    ("0 weeks", "longer than zero"),
    ("-3d", "longer than zero"),
    ("- 2 weeks", "longer than zero"),
    ("week", '"week"'),
    ("3 hours", '"3 hours"'),
    ("every", '"every"'),
    ("every quarterly", '"every quarterly"'),
    ("biweekly", '"biweekly"'),
    ("200 years", "longer than 100 years"),
    ("999999 days", "longer than 100 years"),
    ("in 2 weeks", '"in 2 weeks"'),
    ("blah", 'try "90 days"'),
]


@pytest.mark.parametrize(("text", "fragment"), DURATION_ERRORS)
def test_parse_duration_errors(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_duration(text)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


# --- humanize_due --------------------------------------------------------------------------

HUMANIZE_CASES = [
    (timedelta(0), "due now"),
    (timedelta(seconds=59), "due now"),
    (timedelta(seconds=-59), "due now"),
    (timedelta(minutes=1), "due in 1 min"),
    (timedelta(minutes=45), "due in 45 min"),
    # Rounded to the nearest unit (issue #11), not down.
    (timedelta(seconds=90), "due in 2 min"),
    (timedelta(minutes=59, seconds=29), "due in 59 min"),
    (timedelta(minutes=59, seconds=59), "due in 1 h"),
    (timedelta(hours=1), "due in 1 h"),
    (timedelta(hours=3, minutes=50), "due in 4 h"),
    (timedelta(hours=3, minutes=29), "due in 3 h"),
    (timedelta(hours=23, minutes=29), "due in 23 h"),
    (timedelta(hours=23, minutes=59), "due in 1 d"),
    (timedelta(days=1), "due in 1 d"),
    (timedelta(days=2, hours=5), "due in 2 d"),
    (timedelta(days=2, hours=12), "due in 3 d"),  # half up
    (timedelta(days=2, hours=22, minutes=30), "due in 3 d"),  # Fri 09:30 to Mon 08:00
    (timedelta(days=14, hours=11), "due in 14 d"),
    (timedelta(days=14, hours=23), "due in 2 w"),
    (timedelta(days=15), "due in 2 w"),
    (timedelta(days=35), "due in 5 w"),
    (timedelta(minutes=-12), "12 min overdue"),
    (timedelta(hours=-3), "3 h overdue"),
    (timedelta(days=-2), "2 d overdue"),
    (timedelta(days=-1, hours=-20), "2 d overdue"),
    (timedelta(days=-21), "3 w overdue"),
]


@pytest.mark.parametrize(("offset", "expected"), HUMANIZE_CASES)
def test_humanize_due(offset: timedelta, expected: str) -> None:
    assert humanize_due(NOW + offset, NOW) == expected


def test_humanize_due_counts_real_time_across_dst() -> None:
    # Same tzinfo on both sides: plain subtraction would say 2 h; 3 real hours pass.
    start = datetime(2026, 11, 1, 0, 30, tzinfo=NY)
    end = datetime(2026, 11, 1, 2, 30, tzinfo=NY)
    assert humanize_due(end, start) == "due in 3 h"


def test_humanize_due_mixed_zones() -> None:
    assert humanize_due(NOW.astimezone(BERLIN) + timedelta(hours=2), NOW) == "due in 2 h"


def test_humanize_due_seen_friday_for_monday_morning() -> None:
    friday = datetime(2026, 11, 13, 9, 30, tzinfo=NY)
    monday = datetime(2026, 11, 16, 8, 0, tzinfo=NY)
    assert humanize_due(monday, friday) == "due in 3 d"
    assert humanize_due(monday, friday, NY) == "due in 3 d · Mon 16 Nov"


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (timedelta(days=3), "due in 3 d · Sun 29 Nov"),
        (timedelta(days=-2), "2 d overdue · Tue 24 Nov"),
        (timedelta(hours=2), "due in 2 h · Thu 26 Nov"),
        # In another year, the year too.
        (timedelta(days=40), "due in 6 w · Tue 5 Jan 2027"),
        (timedelta(days=-330), "47 w overdue · Wed 31 Dec 2025"),
    ],
)
def test_humanize_due_with_the_day(offset: timedelta, expected: str) -> None:
    assert humanize_due(NOW + offset, NOW, NY) == expected


def test_the_day_is_the_local_one() -> None:
    # 23:30 in New York on Thu 26 Nov is Fri 27 Nov in Berlin.
    late = datetime(2026, 11, 26, 23, 30, tzinfo=NY)
    assert humanize_due(late, NOW, BERLIN).endswith("· Fri 27 Nov")
    assert show_day(late, NY, NOW) == "Thu 26 Nov"
    assert show_day(late + timedelta(days=40), NY, NOW) == "Tue 5 Jan 2027"
    assert show_day(late + timedelta(days=40), NY, NOW, short=True) == "5 Jan 2027"
    # As show_when: no clock, no year; `year` always; the day never zero-padded.
    assert show_day(late + timedelta(days=40), NY, None) == "Tue 5 Jan"
    assert show_day(late, NY, None, year=True) == "Thu 26 Nov 2026"
    assert show_when(late - timedelta(days=22), NY, NOW) == "Wed 4 Nov 23:30"


def test_humanize_due_rejects_naive() -> None:
    with pytest.raises(ValueError, match="aware"):
        humanize_due(datetime(2026, 1, 1), NOW)


# --- properties ----------------------------------------------------------------------------

WORDS = [
    "now", "today", "tonight", "tomorrow", "yesterday", "fri", "monday", "next", "last",
    "this", "in", "ago", "after", "the", "of", "on", "at", "by", "from", "a", "two", "twelve",
    "day", "days", "weeks", "w", "mo", "month", "year", "hours", "min", "dec", "feb", "sept",
    "15th", "31st", "29", "30", "2026", "2026-12-01", "2027-03-14", "02:30", "14:00", "2pm",
    "12am", "13pm", "25:00", "noon", "midnight", "+3d", "-1d", "+2w", "12/15", "every",
    "quarterly", "other", "9999", "0", "-", "+", ",", "t", "p.m.",
]  # fmt: skip

TEXTS = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join),
)
NOWS = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31), timezones=st.just(UTC)
)
ZONES = st.sampled_from([NY, BERLIN, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata")])


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, now=NOWS, zone=ZONES, prefer=st.sampled_from(["future", "past"]))
def test_parse_when_reads_or_raises_its_own_error(
    text: str, now: datetime, zone: tzinfo, prefer: Prefer
) -> None:
    try:
        first = parse_when(text, now, zone, prefer=prefer)
    except DateParseError as exc:
        assert "\n" not in str(exc)
        with pytest.raises(DateParseError) as again:
            parse_when(text, now, zone, prefer=prefer)
        assert str(again.value) == str(exc)
    else:
        assert first.tzinfo is UTC
        assert parse_when(text, now, zone, prefer=prefer) == first


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(st.text(max_size=40), st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join))
)
def test_parse_duration_reads_or_raises_its_own_error(text: str) -> None:
    try:
        first = parse_duration(text)
    except DateParseError as exc:
        assert "\n" not in str(exc)
    else:
        assert first == parse_duration(text)
        assert NOW + first > NOW


def test_huge_and_unicode_input_is_a_parse_error() -> None:
    for text in ("9" * 100_000, "\u202e\u0000\ud800", "🗓️ tomorrow", "ⅫⅫ:００"):
        with pytest.raises(DateParseError):
            parse_when(text, NOW, NY)
        with pytest.raises(DateParseError):
            parse_duration(text)
