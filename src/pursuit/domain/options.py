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

    def _wants(self, *, new: str, active: str) -> list[str]:
        """What is missing, new applications first, each phrased with the given template."""
        wants: list[str] = []
        if self.new_this_week < self.target_new:
            wants.append(new.format(n=self.target_new - self.new_this_week))
        if self.active < self.target_active:
            wants.append(active.format(n=self.target_active - self.active))
        return wants

    @property
    def short_nudge(self) -> str | None:
        """The nudge in a few words, for a table row."""
        if not self.below_target:
            return None
        wants = self._wants(new="apply to {n} more this week", active="{n} more active")
        return "Keep options open: " + ", ".join(wants)

    @property
    def nudge(self) -> str | None:
        if not self.below_target:
            return None
        wants = self._wants(new="{n} new this week", active="{n} more active")
        text = "Keep your options open: " + " and ".join(reversed(wants))
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
