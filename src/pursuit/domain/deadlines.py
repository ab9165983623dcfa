"""R3 and R4: when a thank-you and a follow-up fall due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.settings import RuleSettings


def thank_you_due(interview_end: datetime, settings: RuleSettings) -> datetime:
    """R3: promptness matters, so the note is due a fixed window after the interview ends."""
    return interview_end + settings.thank_you_window


@dataclass(frozen=True)
class FollowUpDue:
    at: datetime
    guessed: bool
    """True when the employer gave no date: the UI shows it as a guess and nudges to ask."""


def follow_up_due(
    interview_end: datetime, guidance: datetime | None, settings: RuleSettings
) -> FollowUpDue:
    """R4: the employer's own answer wins; without one, a default that is marked as a guess."""
    if guidance is not None:
        return FollowUpDue(guidance, guessed=False)
    return FollowUpDue(interview_end + settings.default_guidance, guessed=True)


def effective_due(due: datetime, snoozed_until: datetime | None) -> datetime:
    """A snooze only ever pushes an action later, never earlier than it was due."""
    if snoozed_until is not None and snoozed_until > due:
        return snoozed_until
    return due
