"""The review's habits (issue #17): thank-you notes sent within their R3 deadline;
follow-ups sent though R5 said to wait; weeks under the R7 options target; check-ins with
bridges done by their due day (R8)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from pursuit.domain.kinds import Status
from pursuit.domain.review_facts import AppStory, Decided, Facts, ids_of
from pursuit.domain.review_periods import WEEK, Week
from pursuit.domain.settings import RuleSettings
from pursuit.domain.status import CLOSED


@dataclass(frozen=True)
class Habit:
    key: str
    label: str
    rule: str
    count: int
    """How many did what the label says."""
    total: int
    good_when_high: bool
    ids: tuple[int, ...]
    flagged: tuple[int, ...]
    """The applications where the habit slipped (late, too soon, under target)."""
    note: str = ""

    @property
    def share(self) -> float | None:
        return self.count / self.total if self.total else None


@dataclass(frozen=True)
class TargetWeek:
    week: Week
    active: int
    new: int
    under: bool | None
    """None: a short week, not judged."""


def _in_period(items: list[Decided], start: datetime, now: datetime) -> list[Decided]:
    return [d for d in items if start <= d.at <= now]


def _hours(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours % 24 == 0:
        days = int(hours // 24)
        return f"{days * 24} h" if days == 1 else f"{days} d"
    return f"{hours:g} h"


def habits_of(
    facts: Facts, start: datetime, weeks: tuple[TargetWeek, ...], settings: RuleSettings
) -> tuple[Habit, ...]:
    now = facts.now
    thanks = _in_period(facts.thank_yous, start, now)
    late = [d for d in thanks if not d.on_time]
    follow = [f for f in facts.follow_ups if start <= f[0] <= now]
    checked = [f for f in follow if f[2] is not None]
    early = [f for f in checked if f[2]]
    unasked = len(follow) - len(checked)
    checks = _in_period(facts.bridge_check_ins, start, now)
    missed = [d for d in checks if not d.on_time]
    judged = [w for w in weeks if w.under is not None]
    under = [w for w in judged if w.under]
    under_ids = _active_during(facts, [w.week.end for w in under])
    return (
        Habit(
            key="habit.thank_you",
            label=f"thank-you notes sent within {_hours(settings.thank_you_window)}",
            rule="R3",
            count=len(thanks) - len(late),
            total=len(thanks),
            good_when_high=True,
            ids=ids_of(d.app_id for d in thanks),
            flagged=ids_of(d.app_id for d in late),
        ),
        Habit(
            key="habit.too_soon",
            label="follow-ups sent though R5 said wait",
            rule="R5",
            count=len(early),
            total=len(checked),
            good_when_high=False,
            ids=ids_of(f[1] for f in follow),
            flagged=ids_of(f[1] for f in early),
            note=f"{unasked} logged before pursuit kept this" if unasked else "",
        ),
        Habit(
            key="habit.under_target",
            label="weeks under the options target",
            rule="R7",
            count=len(under),
            total=len(judged),
            good_when_high=False,
            ids=under_ids,
            flagged=under_ids,
            note=f"{settings.target_active} active, {settings.target_new_per_week} new a week",
        ),
        Habit(
            key="habit.check_in",
            label="check-ins with bridges on time",
            rule="R8",
            count=len(checks) - len(missed),
            total=len(checks),
            good_when_high=True,
            ids=ids_of(d.app_id for d in checks),
            flagged=ids_of(d.app_id for d in missed),
        ),
    )


def _status_at(story: AppStory, at: datetime) -> Status | None:
    status = None
    for t, s in story.spans:
        if t > at:
            break
        status = s
    return status


def target_weeks_of(
    facts: Facts, weeks: tuple[Week, ...], settings: RuleSettings
) -> tuple[TargetWeek, ...]:
    """R7 at the end of each week: active applications then, and new ones that week, as the
    options gauge counts them (applied that week and not closed by its end)."""
    ends = [w.end for w in weeks]
    active = _active_counts(facts, ends)
    out = []
    sent = facts.sent
    for week, count in zip(weeks, active, strict=True):
        new = 0
        # An application's applied date, when it has one, is when it was sent.
        i = bisect_left(sent, (week.end - WEEK, -1))
        while i < len(sent) and sent[i][0] <= week.end:
            story = facts.apps[sent[i][1]]
            if story.applied_at is not None and _status_at(story, week.end) not in CLOSED:
                new += 1
            i += 1
        under = None
        if week.whole:
            under = count < settings.target_active or new < settings.target_new_per_week
        out.append(TargetWeek(week, count, new, under))
    return tuple(out)


def _active_counts(facts: Facts, ends: Sequence[datetime]) -> list[int]:
    """How many applications were active at each instant (sorted), by one sweep."""
    counts = []
    changes = facts.active_changes
    i = total = 0
    for end in ends:
        while i < len(changes) and changes[i][0] <= end:
            total += changes[i][1]
            i += 1
        counts.append(total)
    return counts


def _active_during(facts: Facts, ends: Sequence[datetime]) -> tuple[int, ...]:
    """The applications active at any of these instants."""
    if not ends:
        return ()
    ends = sorted(ends)
    found: set[int] = set()
    opened: dict[int, datetime] = {}
    for at, step, app_id in facts.active_changes:
        if step > 0:
            opened[app_id] = at
            continue
        began = opened.pop(app_id, None)
        # Active from `began` until just before `at`: does an instant fall in between?
        if began is not None and bisect_left(ends, at) > bisect_left(ends, began):
            found.add(app_id)
    for app_id, began in opened.items():
        if ends[-1] >= began:
            found.add(app_id)
    return tuple(sorted(found))
