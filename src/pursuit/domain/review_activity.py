"""The review's activity per week (issue #17): applications sent, interviews held,
follow-ups sent and check-ins with bridges, in 7-day weeks counted back from now."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.review_facts import Facts, ids_of
from pursuit.domain.review_periods import Week


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    counts: tuple[int, ...]
    """One per week, oldest first."""
    week_ids: tuple[tuple[int, ...], ...]
    ids: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


Timed = tuple[datetime, int] | tuple[datetime, int | None] | tuple[datetime, int, bool | None]


def _per_week(
    weeks: tuple[Week, ...], items: Sequence[Timed]
) -> tuple[tuple[int, ...], tuple[tuple[int, ...], ...], tuple[int, ...]]:
    """(count per week, app ids per week, all ids) of items in time order (when, app id,
    …) that fall in the weeks: one walk from the first week's start."""
    counts = [0] * len(weeks)
    ids: list[set[int]] = [set() for _ in weeks]
    last, w, end = weeks[-1].end, 0, weeks[0].end
    final = len(weeks) - 1
    for item in items[bisect_left(items, (weeks[0].start,)) :]:
        at = item[0]
        if at > last:
            break
        while at >= end and w < final:
            w += 1
            end = weeks[w].end
        counts[w] += 1
        if item[1] is not None:
            ids[w].add(item[1])
    every = ids_of(i for s in ids for i in s)
    return tuple(counts), tuple(tuple(sorted(s)) for s in ids), every


def activity_of(facts: Facts, weeks: tuple[Week, ...]) -> tuple[Series, ...]:
    rows: list[tuple[str, str, Sequence[Timed]]] = [
        ("sent", "applications sent", facts.sent),
        ("interviews", "interviews", facts.interviews),
        ("follow_ups", "follow-ups", facts.follow_ups),
        ("check_ins", "check-ins", facts.check_ins),
    ]
    out = []
    for key, label, items in rows:
        counts, week_ids, ids = _per_week(weeks, items)
        out.append(Series(f"activity.{key}", label, counts, week_ids, ids))
    return tuple(out)
