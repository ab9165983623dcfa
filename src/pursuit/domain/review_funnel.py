"""The review's funnel (issue #17): the applications sent in the period, by the furthest
stage each reached by now; one that reached a stage counts at every stage before it too."""

from __future__ import annotations

from dataclasses import dataclass

from pursuit.domain.kinds import Status
from pursuit.domain.review_facts import FUNNEL, AppStory, ids_of


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    status: Status
    count: int
    conversion: float | None
    """Share of the stage before that reached this one (None for the first, or when the
    stage before is empty)."""
    of_sent: float | None
    ids: tuple[int, ...]


def funnel_of(cohort: list[AppStory]) -> tuple[Stage, ...]:
    stages: list[Stage] = []
    previous: int | None = None
    sent = len(cohort)
    for rank, status in enumerate(FUNNEL):
        ids = ids_of(a.id for a in cohort if a.reached >= rank)
        count = len(ids)
        conversion = count / previous if previous else None
        stages.append(
            Stage(
                key=f"funnel.{status.value}",
                label=status.label,
                status=status,
                count=count,
                conversion=conversion,
                of_sent=count / sent if sent else None,
                ids=ids,
            )
        )
        previous = count
    return tuple(stages)
