"""The review's answers by source (issue #17): of the applications sent in the period,
those the employer answered, and the median days to that first answer, by where the
application came from."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from pursuit.domain.review_facts import AppStory, SourceGroup, ids_of


@dataclass(frozen=True)
class SourceLine:
    key: str
    label: str
    source: SourceGroup | None
    """None: every source together."""
    sent: int
    answered: int
    rate: float | None
    median_days: float | None
    ids: tuple[int, ...]
    answered_ids: tuple[int, ...]


def sources_of(cohort: list[AppStory]) -> tuple[SourceLine, ...]:
    groups: list[tuple[SourceGroup | None, list[AppStory]]] = [
        (g, [a for a in cohort if a.source == g]) for g in SourceGroup
    ]
    groups.append((None, cohort))
    out = []
    for group, apps in groups:
        answered = [a for a in apps if a.first_answer is not None]
        days = [
            (a.first_answer - a.sent).total_seconds() / 86400
            for a in answered
            if a.first_answer is not None and a.sent is not None
        ]
        out.append(
            SourceLine(
                key=f"source.{group.name.lower() if group else 'all'}",
                label=group.value if group else "all sources",
                source=group,
                sent=len(apps),
                answered=len(answered),
                rate=len(answered) / len(apps) if apps else None,
                median_days=statistics.median(days) if days else None,
                ids=ids_of(a.id for a in apps),
                answered_ids=ids_of(a.id for a in answered),
            )
        )
    return tuple(out)
