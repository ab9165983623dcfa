"""How the search is going (issue #17): figures computed from the stored history.

Pure: the history comes in as plain rows (`History`), the clock and the zone are
parameters, and nothing here reads a file or the time. Two steps, so that switching the
period is cheap: `prepare` turns the history into one `AppStory` per application and
sorted lists of what happened (period-free, once), then `review` counts them for one
`Period`.

What each figure counts:

- **Funnel**: the applications sent in the period, by the furthest stage each reached by
  now (read from the status events of its timeline, "applied → screening"); one that
  reached a stage counts at every stage before it too, so each bar holds the next.
- **Activity per week**: applications sent, interviews held, follow-ups sent and
  check-ins with bridges, in 7-day weeks counted back from now.
- **Answers by source**: of the applications sent in the period, those the employer
  answered (any incoming touch, or a move to screening or further, or a rejection, after
  applying), and the median days to that first answer, by where the application came from.
- **Habits**: thank-you notes sent within their R3 deadline; follow-ups sent though R5
  said to wait; weeks under the R7 options target; check-ins with bridges done by their
  due day (R8).

Every figure keeps the ids of the applications behind it, so a screen can open them.

Where each part lives: the rows read (`review_history`), the periods and weeks
(`review_periods`), step 1 (`review_facts`), each figure (`review_funnel`,
`review_activity`, `review_sources`, `review_habits`); this module puts one period's
figures together.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.review_activity import Series, activity_of
from pursuit.domain.review_facts import Facts
from pursuit.domain.review_funnel import Stage, funnel_of
from pursuit.domain.review_habits import Habit, TargetWeek, habits_of, target_weeks_of
from pursuit.domain.review_periods import Period, Week, week_buckets, weeks_back
from pursuit.domain.review_sources import SourceLine, sources_of
from pursuit.domain.settings import RuleSettings

# --- step 2: the figures of one period -------------------------------------------------


@dataclass(frozen=True)
class Review:
    period: Period
    start: datetime
    """Where the period starts in fact ("all time" starts at the first record)."""
    weeks: tuple[Week, ...]
    funnel: tuple[Stage, ...]
    activity: tuple[Series, ...]
    sources: tuple[SourceLine, ...]
    habits: tuple[Habit, ...]
    target_weeks: tuple[TargetWeek, ...]
    target_active: int
    target_new: int

    def figures(self) -> dict[str, Stage | Series | SourceLine | Habit]:
        """Every selectable figure by its key, in the order shown."""
        found: list[Stage | Series | SourceLine | Habit] = [
            *self.funnel,
            *self.activity,
            *self.sources,
            *self.habits,
        ]
        return {f.key: f for f in found}


def review(facts: Facts, p: Period, settings: RuleSettings) -> Review:
    now, tz = facts.now, facts.tz
    start = p.start if p.start is not None else (facts.first or weeks_back(now, tz, 1))
    start = min(start, now)
    weeks = week_buckets(start, now, tz)
    cohort = [
        facts.apps[i] for t, i in facts.sent[bisect_left(facts.sent, (start, -1)) :] if t <= now
    ]
    target_weeks = target_weeks_of(facts, weeks, settings)
    return Review(
        period=p,
        start=start,
        weeks=weeks,
        funnel=funnel_of(cohort),
        activity=activity_of(facts, weeks),
        sources=sources_of(cohort),
        habits=habits_of(facts, start, target_weeks, settings),
        target_weeks=target_weeks,
        target_active=settings.target_active,
        target_new=settings.target_new_per_week,
    )
