"""R5: persistent, not pesky. Never a silent block: reasons are returned, the caller asks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum

from pursuit.domain.settings import RuleSettings


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class Touch:
    at: datetime
    direction: Direction
    kind: str


def _days(delta_seconds: float) -> str:
    days = delta_seconds / 86400
    if days < 1:
        hours = max(1, round(delta_seconds / 3600))
        return f"{hours} h"
    return f"{round(days)} d"


def too_soon_reasons(
    at: datetime,
    *,
    employer_date: datetime | None,
    last_touch: datetime | None,
    settings: RuleSettings,
    tz: tzinfo,
) -> list[str]:
    """Why a follow-up at `at` would be pesky; empty when it is fine to send."""
    reasons: list[str] = []
    if employer_date is not None and at < employer_date:
        local = employer_date.astimezone(tz)
        wait = _days((employer_date - at).total_seconds())
        reasons.append(f"the employer said to check back after {local:%a %d %b} ({wait} from now)")
    if last_touch is not None and at - last_touch < settings.followup_gap:
        since = _days((at - last_touch).total_seconds())
        gap = _days(settings.followup_gap.total_seconds())
        left = _days((last_touch + settings.followup_gap - at).total_seconds())
        reasons.append(
            f"your last contact was {since} ago; leave at least {gap} between touches "
            f"({left} to go)"
        )
    return reasons


def unanswered_follow_ups(touches: Iterable[Touch]) -> int:
    """Outgoing follow-ups since the employer last said anything."""
    count = 0
    for touch in sorted(touches, key=lambda t: t.at):
        if touch.direction == Direction.IN:
            count = 0
        elif touch.kind == "follow_up":
            count += 1
    return count


def suggests_ghosted(touches: Iterable[Touch], settings: RuleSettings) -> bool:
    return unanswered_follow_ups(touches) >= settings.unanswered_limit


def last_outgoing(touches: Iterable[Touch]) -> datetime | None:
    outs = [t.at for t in touches if t.direction == Direction.OUT]
    return max(outs) if outs else None


def last_touch(touches: Iterable[Touch], now: datetime) -> datetime | None:
    """The latest contact the gap counts from: a message out, or an interview, which is a
    conversation both ways (a follow-up the morning after one is the classic pesky case).
    An interview still to come does not count yet."""
    times = [
        t.at
        for t in touches
        if t.at <= now and (t.direction == Direction.OUT or t.kind == "interview")
    ]
    return max(times) if times else None
