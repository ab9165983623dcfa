"""R3 and R4: when a thank-you note and a follow-up fall due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pursuit.domain.deadlines import effective_due, follow_up_due, thank_you_due
from pursuit.domain.settings import DEFAULTS, RuleSettings

END = datetime(2026, 3, 16, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("settings", "due"),
    [
        (DEFAULTS, END + timedelta(hours=24)),
        (RuleSettings(thank_you_window=timedelta(hours=4)), END + timedelta(hours=4)),
    ],
)
def test_thank_you_is_due_a_window_after_the_interview_ends(
    settings: RuleSettings, due: datetime
) -> None:
    assert thank_you_due(END, settings) == due


@pytest.mark.parametrize(
    ("guidance", "settings", "at", "guessed"),
    [
        # The employer's own answer wins, even when it is sooner than the default.
        (END + timedelta(days=3), DEFAULTS, END + timedelta(days=3), False),
        (END + timedelta(days=21), DEFAULTS, END + timedelta(days=21), False),
        # No answer: seven days, shown as a guess.
        (None, DEFAULTS, END + timedelta(days=7), True),
        (None, RuleSettings(default_guidance=timedelta(days=10)), END + timedelta(days=10), True),
    ],
)
def test_follow_up_due_is_the_guidance_else_a_guess(
    guidance: datetime | None, settings: RuleSettings, at: datetime, guessed: bool
) -> None:
    due = follow_up_due(END, guidance, settings)
    assert (due.at, due.guessed) == (at, guessed)


@pytest.mark.parametrize(
    ("snoozed", "expected"),
    [
        (None, END),
        (END + timedelta(hours=2), END + timedelta(hours=2)),
        # A snooze never pulls an action earlier than it was due.
        (END - timedelta(hours=2), END),
    ],
)
def test_snooze_only_pushes_later(snoozed: datetime | None, expected: datetime) -> None:
    assert effective_due(END, snoozed) == expected
