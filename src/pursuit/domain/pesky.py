"""R5: persistent, not pesky. Never a silent block: reasons are returned, the caller asks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum

from pursuit.domain.coach import gap_ends
from pursuit.domain.dates.showing import show_day, show_when
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


def _when(then: datetime, now: datetime, tz: tzinfo) -> str:
    local, today = then.astimezone(tz), now.astimezone(tz).date()
    if local.date() == today:
        return f"today at {local:%H:%M}"
    return f"on {show_day(then, tz, now)} at {local:%H:%M}"


def too_soon_reasons(
    at: datetime,
    *,
    employer_date: datetime | None,
    last_touch: datetime | None,
    settings: RuleSettings,
    tz: tzinfo,
    employer_words: str | None = None,
) -> list[str]:
    """Why a follow-up at `at` would be pesky; empty when it is fine to send. The
    employer's own words ("check back after the 15th"), when known, are echoed as said."""
    reasons: list[str] = []
    if employer_date is not None and at < employer_date:
        local = employer_date.astimezone(tz)
        wait = _days((employer_date - at).total_seconds())
        if employer_words:
            words = employer_words.strip()
            said = words if words.lower().startswith("check back") else f"check back {words}"
            reasons.append(
                f"the employer said to {said} (that is {show_when(local, tz, at)}, {wait} from now)"
            )
        else:
            reasons.append(
                f"the employer said to check back after {show_day(local, tz, at)} ({wait} from now)"
            )
    if employer_date is None and last_touch is not None:
        # The employer's own date replaces the gap: following up when they said to is
        # never pesky, however recent the last contact (a thank-you the day before).
        ready = gap_ends(last_touch, settings, tz)
        if at < ready:
            gap = _days(settings.followup_gap.total_seconds())
            left = _days((ready - at).total_seconds())
            reasons.append(
                f"your last contact was {_when(last_touch, at, tz)}; leave {gap} between "
                f"touches: from {show_when(ready, tz, at)} ({left} to go)"
            )
    return reasons


def follow_up_ready(
    at: datetime,
    *,
    employer_date: datetime | None,
    last_touch: datetime | None,
    settings: RuleSettings,
    tz: tzinfo,
) -> datetime | None:
    """When a follow-up R5 finds too soon at `at` would no longer be: the employer's date,
    or the end of the gap since the last contact. None when it is fine now."""
    if employer_date is not None:
        return employer_date if at < employer_date else None
    if last_touch is not None:
        ready = gap_ends(last_touch, settings, tz)
        return ready if at < ready else None
    return None


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
    """The last contact: the latest touch either way that has happened (an application
    sent, an interview, a note or follow-up sent, their reply, an offer, a check-in).
    R5, the "touched" column, `last_touch` in JSON and the guessed follow-up all read
    this one value. An interview still to come does not count yet."""
    times = [t.at for t in touches if t.at <= now]
    return max(times) if times else None
