"""R7: keep your options open."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pursuit.domain.options import AppSnapshot, options_gauge
from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.domain.status import Status

NOW = datetime(2026, 3, 16, 14, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def app(status: Status, days_ago: float | None = 30, final: bool = False) -> AppSnapshot:
    applied = None if days_ago is None else NOW - days_ago * DAY
    return AppSnapshot(status, applied, final)


@pytest.mark.parametrize(
    ("apps", "active", "new", "loud"),
    [
        ([], 0, 0, False),
        # Active means in motion with an employer: not wishlist, not on hold.
        (
            [
                app(Status.APPLIED),
                app(Status.SCREENING),
                app(Status.INTERVIEWING),
                app(Status.OFFER),
                app(Status.WISHLIST, None),
                app(Status.ON_HOLD),
            ],
            4,
            0,
            True,
        ),
        # The new-this-week window is [now - 7 d, now], both ends included.
        (
            [
                app(Status.APPLIED, 0),
                app(Status.APPLIED, 7),
                app(Status.APPLIED, 7.001),
                app(Status.APPLIED, -1),
            ],
            4,
            2,
            False,
        ),
        # A final round makes the nudge loud only while that application is alive.
        ([app(Status.INTERVIEWING, final=True)], 1, 0, True),
        ([app(Status.ON_HOLD, final=True)], 0, 0, False),
        ([app(Status.APPLIED, 2)], 1, 1, False),
    ],
)
def test_gauge_counts(apps: list[AppSnapshot], active: int, new: int, loud: bool) -> None:
    gauge = options_gauge(apps, NOW, DEFAULTS)
    assert (gauge.active, gauge.new_this_week, gauge.loud) == (active, new, loud)
    assert (gauge.target_active, gauge.target_new) == (5, 2)
    assert gauge.label == f"{active}/5 active · {new}/2 new this week"


def test_nudge_names_what_is_missing() -> None:
    gauge = options_gauge([app(Status.APPLIED, 1)] * 3, NOW, DEFAULTS)
    assert gauge.below_target
    assert gauge.nudge == "Keep your options open: 2 more active"


def test_nudge_for_new_ones_only() -> None:
    gauge = options_gauge([app(Status.APPLIED, 30)] * 5, NOW, DEFAULTS)
    assert gauge.nudge == "Keep your options open: 2 new this week"


def test_nudge_is_loud_at_offer() -> None:
    gauge = options_gauge([app(Status.OFFER, 20)], NOW, DEFAULTS)
    assert gauge.nudge is not None
    assert gauge.nudge.endswith("an offer or final round can still fall through")
    assert "4 more active and 2 new this week" in gauge.nudge


def test_on_target_no_nudge() -> None:
    apps = [app(Status.APPLIED, 1)] * 2 + [app(Status.OFFER, 20)] * 3
    gauge = options_gauge(apps, NOW, DEFAULTS)
    assert not gauge.below_target
    assert gauge.nudge is None


def test_targets_are_configurable() -> None:
    gauge = options_gauge(
        [app(Status.APPLIED, 1)], NOW, RuleSettings(target_active=1, target_new_per_week=1)
    )
    assert gauge.nudge is None
