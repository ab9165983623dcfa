"""Dates a coach would choose: working days, the usual time, holidays, DST, R5's gap."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from dateutil import tz as dateutil_tz

from pursuit.config import public_holidays, usual_time, working_days
from pursuit.domain.coach import coach_time, days_later, guessed_follow_up
from pursuit.domain.settings import DEFAULTS, RuleSettings

LONDON = dateutil_tz.gettz("Europe/London")
NY = dateutil_tz.gettz("America/New_York")
WEEK = timedelta(days=7)


def at(tz: object, *args: int) -> datetime:
    return datetime(*args, tzinfo=tz)  # type: ignore[arg-type, misc]


@pytest.mark.parametrize(
    ("earliest", "expected"),
    [
        # Before the usual time on a working day: that day at 09:30.
        (at(LONDON, 2026, 10, 26, 8, 0), at(LONDON, 2026, 10, 26, 9, 30)),
        # Exactly then: kept.
        (at(LONDON, 2026, 10, 26, 9, 30), at(LONDON, 2026, 10, 26, 9, 30)),
        # After it: the next working day.
        (at(LONDON, 2026, 10, 26, 23, 45), at(LONDON, 2026, 10, 27, 9, 30)),
        (at(LONDON, 2026, 10, 27, 4, 6), at(LONDON, 2026, 10, 27, 9, 30)),
        # Friday evening and the weekend: Monday.
        (at(LONDON, 2026, 10, 30, 15, 0), at(LONDON, 2026, 11, 2, 9, 30)),
        (at(LONDON, 2026, 11, 1, 9, 0), at(LONDON, 2026, 11, 2, 9, 30)),
    ],
)
def test_coach_time_is_a_working_day_at_the_usual_time(
    earliest: datetime, expected: datetime
) -> None:
    assert coach_time(earliest, DEFAULTS, LONDON) == expected


def test_a_week_later_keeps_the_wall_clock_across_the_autumn_change() -> None:
    # Applied Mon 19 Oct 09:00 in London; the clocks go back on Sun 25 Oct. A week later is
    # Mon 26 Oct 09:00 local (168 h + 1 h of elapsed time), not 08:00.
    applied = at(LONDON, 2026, 10, 19, 9, 0)
    assert days_later(applied, WEEK, LONDON) == at(LONDON, 2026, 10, 26, 9, 0)
    assert (days_later(applied, WEEK, LONDON) - applied) == timedelta(hours=169)
    guess = guessed_follow_up(applied, WEEK, applied, DEFAULTS, LONDON)
    assert guess == at(LONDON, 2026, 10, 26, 9, 30)


def test_a_guess_is_never_inside_the_gap_after_the_last_contact() -> None:
    # Interview Fri 23 Oct 11:00-12:00, thank-you sent 15:00: the follow-up cannot be Fri
    # 30 Oct 12:00 (R5 would refuse it until 15:00), so it is the next working morning.
    ends = at(LONDON, 2026, 10, 23, 12, 0)
    thanked = at(LONDON, 2026, 10, 23, 15, 0)
    assert guessed_follow_up(ends, WEEK, thanked, DEFAULTS, LONDON) == at(
        LONDON, 2026, 11, 2, 9, 30
    )


def test_holidays_and_other_working_weeks_are_skipped() -> None:
    uk = RuleSettings(holidays=public_holidays("GB-ENG"))
    # Christmas Eve 2026 is a Thursday; 25 Dec and 28 Dec (Boxing Day's substitute) are
    # bank holidays in England, the weekend between: Tue 29 Dec.
    assert coach_time(at(LONDON, 2026, 12, 24, 17, 0), uk, LONDON) == at(
        LONDON, 2026, 12, 29, 9, 30
    )
    gulf = RuleSettings(working_days=working_days("sun-thu"), usual_time=time(8, 0))
    assert coach_time(at(NY, 2026, 11, 27, 9, 0), gulf, NY) == at(NY, 2026, 11, 29, 8, 0)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon-fri", {0, 1, 2, 3, 4}),
        ("sun-thu", {6, 0, 1, 2, 3}),
        ("Mon, Wed, fri", {0, 2, 4}),
        ("sat", {5}),
    ],
)
def test_working_days_setting(text: str, days: set[int]) -> None:
    assert working_days(text) == frozenset(days)


@pytest.mark.parametrize(
    ("check", "text", "message"),
    [
        (working_days, "mon-funday", "'mon-funday' is not a day or a range of days (e.g. mon-fri)"),
        (usual_time, "half nine", "must be a time of day such as 09:30"),
        (public_holidays, "XX", "'XX' is not a country (and region) the holidays library knows"),
    ],
)
def test_bad_calendar_settings_say_why(check: object, text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        check(text)  # type: ignore[operator]
    assert str(caught.value) == message


def test_no_country_means_no_holidays() -> None:
    assert date(2026, 12, 25) not in public_holidays("")
