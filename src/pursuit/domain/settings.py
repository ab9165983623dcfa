"""The knobs of the rules, with the defaults the follow-up advice suggests."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Literal


@dataclass(frozen=True)
class RuleSettings:
    thank_you_window: timedelta = timedelta(hours=24)
    """R3: a thank-you note is due this long after the interview ends."""
    default_guidance: timedelta = timedelta(days=7)
    """R4: follow-up guess when the employer gave no date."""
    followup_gap: timedelta = timedelta(days=7)
    """R5: minimum time between two outgoing touches."""
    unanswered_limit: int = 2
    """R5: this many unanswered follow-ups in a row suggest "ghosted"."""
    bridge_rule: str = "FREQ=DAILY;INTERVAL=90"
    """R8: check-in cadence with a bridge, as a dateutil rrule."""
    hold_cadence: timedelta = timedelta(days=30)
    """R9: how often to follow up on an application that is on hold."""
    target_active: int = 5
    """R7: active applications to keep open."""
    target_new_per_week: int = 2
    """R7: new applications per 7 days."""
    similarity_threshold: float = 0.8
    """R2: two notes to one company this alike are flagged."""
    working_days: frozenset[int] = frozenset(range(5))
    """Days a guessed follow-up or check-in may land on (0 is Monday)."""
    usual_time: time = time(9, 30)
    """The local time of day dates pursuit chooses are set to."""
    holidays: Container[date] = field(default_factory=frozenset)
    """Public holidays skipped like weekends (from the `holidays` setting's country)."""
    signature: str = ""
    """Ends every draft (a name, a line of contact details); empty: the draft's sign-off."""
    date_order: Literal["day-first", "month-first"] | None = None
    """How to read "03/05/2026" when nothing else settles it; None: ask."""


DEFAULTS = RuleSettings()
