"""R8 and R9: check-in cadences as durations or rrules, in local wall-clock time."""

from __future__ import annotations

import calendar
import itertools
from datetime import UTC, datetime, timedelta

import pytest
from dateutil import tz as dateutil_tz

from pursuit.domain.cadence import Cadence, CadenceError, parse_cadence

NY = dateutil_tz.gettz("America/New_York")
assert NY is not None


def occurrences(cadence: Cadence, anchor: datetime, count: int) -> list[datetime]:
    out: list[datetime] = []
    cursor = anchor
    for _ in range(count):
        cursor = cadence.after(anchor, cursor, NY)
        out.append(cursor.astimezone(NY))
    return out


def test_ninety_days() -> None:
    anchor = datetime(2026, 1, 5, 9, 30, tzinfo=NY)
    nxt = parse_cadence("90d").after(anchor, anchor, NY)
    assert nxt.tzinfo is not None and nxt.utcoffset() == timedelta(0)
    # 90 days on is in summer time: same wall-clock hour, one hour less of elapsed time.
    assert nxt.astimezone(NY).replace(tzinfo=None) == datetime(2026, 4, 5, 9, 30)
    assert nxt - anchor == timedelta(days=90, hours=-1)


def test_monthly_from_jan_31_clamps_then_returns_to_the_31st() -> None:
    anchor = datetime(2024, 1, 31, 9, 0, tzinfo=NY)
    got = occurrences(parse_cadence("1 month"), anchor, 24)
    expected = []
    for i in range(1, 25):
        year, month = 2024 + i // 12, i % 12 + 1
        day = min(31, calendar.monthrange(year, month)[1])
        expected.append(datetime(year, month, day, 9, 0))
    assert [d.replace(tzinfo=None) for d in got] == expected
    assert got[0].day == 29 and got[12].day == 28  # Feb 2024 (leap) and Feb 2025
    assert got[1].day == 31  # back to the 31st in March, not dragged to the 29th


def test_three_months_from_jan_31_over_24_months_no_skip_no_double() -> None:
    anchor = datetime(2024, 1, 31, 9, 0, tzinfo=NY)
    got = occurrences(parse_cadence("3 months"), anchor, 8)
    assert [(d.year, d.month, d.day, d.hour) for d in got] == [
        (2024, 4, 30, 9),
        (2024, 7, 31, 9),
        (2024, 10, 31, 9),
        (2025, 1, 31, 9),
        (2025, 4, 30, 9),
        (2025, 7, 31, 9),
        (2025, 10, 31, 9),
        (2026, 1, 31, 9),
    ]


def test_after_a_point_in_the_middle() -> None:
    # Asking "after today" from an anchor long ago gives the next occurrence, not anchor + 1.
    anchor = datetime(2024, 1, 31, 9, 0, tzinfo=NY)
    nxt = parse_cadence("3 months").after(anchor, datetime(2025, 2, 1, tzinfo=NY), NY)
    assert nxt.astimezone(NY).replace(tzinfo=None) == datetime(2025, 4, 30, 9, 0)
    # Strictly after: an occurrence exactly at `after` is skipped.
    on_it = datetime(2025, 4, 30, 9, 0, tzinfo=NY)
    nxt = parse_cadence("3 months").after(anchor, on_it, NY)
    assert nxt.astimezone(NY).replace(tzinfo=None) == datetime(2025, 7, 31, 9, 0)


def test_feb_29_yearly() -> None:
    anchor = datetime(2024, 2, 29, 12, 0, tzinfo=NY)
    got = occurrences(parse_cadence("1 year"), anchor, 5)
    assert [(d.year, d.month, d.day) for d in got] == [
        (2025, 2, 28),
        (2026, 2, 28),
        (2027, 2, 28),
        (2028, 2, 29),
        (2029, 2, 28),
    ]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "RRULE:FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10;BYMINUTE=0;BYSECOND=0",
            datetime(2026, 1, 15, 12, 0),
            [datetime(2026, 2, 2, 10), datetime(2026, 3, 2, 10), datetime(2026, 4, 6, 10)],
        ),
        (
            "freq=daily;interval=90",
            datetime(2026, 1, 10, 9, 0),
            [datetime(2026, 4, 10, 9), datetime(2026, 7, 9, 9), datetime(2026, 10, 7, 9)],
        ),
        (
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1",
            datetime(2026, 1, 31, 9, 0),
            [datetime(2026, 2, 28, 9), datetime(2026, 3, 31, 9), datetime(2026, 4, 30, 9)],
        ),
    ],
)
def test_rrule(text: str, anchor: datetime, expected: list[datetime]) -> None:
    cadence = parse_cadence(text)
    assert cadence.text.startswith("RRULE:")
    got = occurrences(cadence, anchor.replace(tzinfo=NY), len(expected))
    assert [d.replace(tzinfo=None) for d in got] == expected


@pytest.mark.parametrize("text", ["1 week", "RRULE:FREQ=WEEKLY"])
def test_dst_keeps_the_local_hour(text: str) -> None:
    # Weekly across both 2026 changes (Mar 8 and Nov 1 in New York): always 09:00 local.
    anchor = datetime(2026, 2, 23, 9, 0, tzinfo=NY)
    got = occurrences(parse_cadence(text), anchor, 40)
    assert {(d.hour, d.minute) for d in got} == {(9, 0)}
    offsets = {d.utcoffset() for d in got}
    assert offsets == {timedelta(hours=-5), timedelta(hours=-4)}
    assert all(
        b - a in (timedelta(days=7), timedelta(days=7, hours=1), timedelta(days=7, hours=-1))
        for a, b in itertools.pairwise(got)
    )


def test_result_is_utc() -> None:
    nxt = parse_cadence("90d").after(
        datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC), NY
    )
    assert nxt.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty cadence"),
        ("   ", "empty cadence"),
        ("sometimes", "sometimes"),
        ("RRULE:FREQ=SOMETIMES", "can't read cadence"),
        ("FREQ=DAILY;COUNT=", "can't read cadence"),
    ],
)
def test_bad_cadence(text: str, fragment: str) -> None:
    with pytest.raises(CadenceError, match=fragment):
        parse_cadence(text)


def test_a_finished_rule_says_so() -> None:
    cadence = parse_cadence("RRULE:FREQ=DAILY;COUNT=2")
    anchor = datetime(2026, 1, 1, 9, tzinfo=NY)
    with pytest.raises(CadenceError, match="no occurrence after"):
        cadence.after(anchor, anchor + timedelta(days=5), NY)
