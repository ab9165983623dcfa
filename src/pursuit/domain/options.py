"""R7: keep your options open, measured against a target."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from pursuit.domain.settings import RuleSettings
from pursuit.domain.status import ACTIVE, Status

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class AppSnapshot:
    status: Status
    applied_at: datetime | None
    final_stage: bool = False
    """A final-round interview is booked or done: the moment people stop applying elsewhere."""


@dataclass(frozen=True)
class OptionsGauge:
    active: int
    new_this_week: int
    target_active: int
    target_new: int
    loud: bool
    """Below target while an offer or a final round is in play: the riskiest time to coast."""

    @property
    def below_target(self) -> bool:
        return self.active < self.target_active or self.new_this_week < self.target_new

    @property
    def label(self) -> str:
        return f"{self.active}/{self.target_active} active · {self.new_this_week}/{self.target_new} new this week"

    @property
    def short_nudge(self) -> str | None:
        """The nudge in a few words, for a table row."""
        if not self.below_target:
            return None
        wants: list[str] = []
        if self.new_this_week < self.target_new:
            wants.append(f"apply to {self.target_new - self.new_this_week} more this week")
        if self.active < self.target_active:
            wants.append(f"{self.target_active - self.active} more active")
        return "Keep options open: " + ", ".join(wants)

    @property
    def nudge(self) -> str | None:
        if not self.below_target:
            return None
        wants: list[str] = []
        if self.active < self.target_active:
            wants.append(f"{self.target_active - self.active} more active")
        if self.new_this_week < self.target_new:
            wants.append(f"{self.target_new - self.new_this_week} new this week")
        text = "Keep your options open: " + " and ".join(wants)
        if self.loud:
            return text + " — an offer or final round can still fall through"
        return text


def options_gauge(
    apps: Iterable[AppSnapshot], now: datetime, settings: RuleSettings
) -> OptionsGauge:
    active = new = 0
    loud = False
    for app in apps:
        if app.status in ACTIVE:
            active += 1
        if app.applied_at is not None and now - WEEK <= app.applied_at <= now:
            new += 1
        if app.status == Status.OFFER or (app.final_stage and app.status in ACTIVE):
            loud = True
    return OptionsGauge(active, new, settings.target_active, settings.target_new_per_week, loud)
