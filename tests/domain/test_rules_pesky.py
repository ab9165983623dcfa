"""R5: persistent, not pesky."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from dateutil import tz as dateutil_tz

from pursuit.domain.pesky import (
    Direction,
    Touch,
    last_outgoing,
    last_touch,
    suggests_ghosted,
    too_soon_reasons,
    unanswered_follow_ups,
)
from pursuit.domain.settings import DEFAULTS, RuleSettings

NY = dateutil_tz.gettz("America/New_York")
NOW = datetime(2026, 3, 16, 9, 0, tzinfo=NY)
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("employer_date", "last_touch", "count", "fragments"),
    [
        (None, None, 0, []),
        # Neither: the employer's date has passed and the last message is old enough.
        (NOW - DAY, NOW - 8 * DAY, 0, []),
        (NOW, NOW - 7 * DAY, 0, []),
        # Before the employer's date.
        (NOW + 3 * DAY, None, 1, ["check back after Thu 19 Mar (3 d from now)"]),
        (NOW + timedelta(hours=5), None, 1, ["(5 h from now)"]),
        # Within the minimum gap since the last touch.
        (
            None,
            NOW - DAY,
            1,
            [
                "your last contact was on Sun 15 Mar at 09:00; leave 7 d between touches: "
                "from Sun 22 Mar 09:00 (6 d to go)"
            ],
        ),
        (None, NOW - timedelta(hours=2), 1, ["was today at 07:00", "(7 d to go)"]),
        # With the employer's date, their date is the rule, not the gap.
        (NOW + 2 * DAY, NOW - 3 * DAY, 1, ["check back after Wed 18 Mar"]),
        (NOW - DAY, NOW - timedelta(hours=3), 0, []),
    ],
)
def test_too_soon_reasons(
    employer_date: datetime | None, last_touch: datetime | None, count: int, fragments: list[str]
) -> None:
    reasons = too_soon_reasons(
        NOW, employer_date=employer_date, last_touch=last_touch, settings=DEFAULTS, tz=NY
    )
    assert len(reasons) == count
    joined = " | ".join(reasons)
    for fragment in fragments:
        assert fragment in joined
    assert all("\n" not in r for r in reasons)


@pytest.mark.parametrize(
    ("at", "count"),
    [
        (datetime(2026, 3, 13, 8, 59, tzinfo=NY), 1),
        (datetime(2026, 3, 13, 9, 0, tzinfo=NY), 0),
    ],
)
def test_the_gap_is_counted_in_calendar_days_across_daylight_saving(
    at: datetime, count: int
) -> None:
    # The clocks went forward on Sun 8 Mar: a touch at 09:00 on Fri 6 Mar is 7 days old at
    # 09:00 on Fri 13 Mar (6 d 23 h of elapsed time), as a person counts, and as the
    # guessed follow-up is counted, so the two never disagree by an hour.
    touched = datetime(2026, 3, 6, 9, 0, tzinfo=NY)
    reasons = too_soon_reasons(at, employer_date=None, last_touch=touched, settings=DEFAULTS, tz=NY)
    assert len(reasons) == count


def test_gap_is_configurable() -> None:
    short = RuleSettings(followup_gap=timedelta(days=2))
    args = {"employer_date": None, "last_touch": NOW - 3 * DAY, "tz": NY}
    assert too_soon_reasons(NOW, settings=short, **args) == []  # type: ignore[arg-type]
    assert too_soon_reasons(NOW, settings=DEFAULTS, **args) != []  # type: ignore[arg-type]


def _t(days_ago: float, direction: Direction, kind: str) -> Touch:
    return Touch(NOW - timedelta(days=days_ago), direction, kind)


OUT, IN = Direction.OUT, Direction.IN


@pytest.mark.parametrize(
    ("touches", "unanswered", "ghosted"),
    [
        ([], 0, False),
        ([_t(20, OUT, "status")], 0, False),
        ([_t(20, OUT, "status"), _t(10, OUT, "follow_up")], 1, False),
        ([_t(20, OUT, "follow_up"), _t(10, OUT, "follow_up")], 2, True),
        # Order is by time, not by list position.
        ([_t(10, OUT, "follow_up"), _t(20, OUT, "follow_up"), _t(15, IN, "reply")], 1, False),
        # An answer resets the count.
        ([_t(30, OUT, "follow_up"), _t(20, OUT, "follow_up"), _t(5, IN, "reply")], 0, False),
        # Thank-you notes are touches but not follow-ups.
        ([_t(9, OUT, "thank_you"), _t(8, OUT, "thank_you"), _t(1, OUT, "follow_up")], 1, False),
        ([_t(3 * i, OUT, "follow_up") for i in range(1, 4)], 3, True),
    ],
)
def test_unanswered_follow_ups_and_ghosted_hint(
    touches: list[Touch], unanswered: int, ghosted: bool
) -> None:
    assert unanswered_follow_ups(touches) == unanswered
    assert suggests_ghosted(touches, DEFAULTS) is ghosted


def test_ghosted_limit_is_configurable() -> None:
    touches = [_t(20, OUT, "follow_up"), _t(10, OUT, "follow_up")]
    assert not suggests_ghosted(touches, RuleSettings(unanswered_limit=3))


def test_last_outgoing_ignores_incoming() -> None:
    touches = [_t(10, OUT, "status"), _t(5, OUT, "thank_you"), _t(1, IN, "reply")]
    assert last_outgoing(touches) == NOW - 5 * DAY
    assert last_outgoing([_t(1, IN, "reply")]) is None


@pytest.mark.parametrize(
    ("touches", "expected_days_ago"),
    [
        ([], None),
        # Every touch counts, theirs too: one clock of contact.
        ([_t(1, IN, "reply")], 1),
        ([_t(10, OUT, "status"), _t(1, IN, "reply")], 1),
        ([_t(10, OUT, "status"), _t(4, OUT, "thank_you")], 4),
        # An interview is a conversation both ways: the gap counts from it too.
        ([_t(30, OUT, "status"), _t(1, IN, "interview")], 1),
        # One still to come does not count yet.
        ([_t(30, OUT, "status"), _t(-3, IN, "interview")], 30),
    ],
)
def test_last_touch(touches: list[Touch], expected_days_ago: int | None) -> None:
    expected = None if expected_days_ago is None else NOW - expected_days_ago * DAY
    assert last_touch(touches, NOW) == expected
