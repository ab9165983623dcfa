"""The history the review reads (issue #17), as the store hands it over: plain rows.

`pursuit.store.history` builds these; `review_facts.prepare` reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status

# --- the history, as the store reads it ----------------------------------------------------
# Plain slotted dataclasses, not frozen ones: a read builds some 75,000 of them at 10,000
# applications, and a frozen dataclass takes four times as long to build. Nothing here
# changes them.


@dataclass(slots=True)
class AppFact:
    """A live application."""

    id: int
    company_id: int
    status: Status
    source: str | None
    applied_at: datetime | None
    created_at: datetime


@dataclass(slots=True)
class EventFact:
    """A live timeline event the review reads: status changes, interviews, follow-ups,
    check-ins, and every incoming touch."""

    id: int
    application_id: int | None
    company_id: int
    at: datetime
    logged_at: datetime
    """When it was written (an interview is logged before or after it takes place)."""
    kind: EventKind
    direction: Direction | None
    summary: str
    """The timeline line, for status events ("applied → screening"); empty for others."""
    too_soon: bool | None = None
    """Follow-ups: sent though R5 said to wait; None when R5 was not asked."""


@dataclass(slots=True)
class ActionFact:
    """A live thank-you note or check-in, done or not."""

    kind: ActionKind
    application_id: int | None
    company_id: int
    due_at: datetime
    done_at: datetime | None


@dataclass(frozen=True)
class History:
    apps: Sequence[AppFact]
    events: Sequence[EventFact]
    """In time order (at, then id)."""
    actions: Sequence[ActionFact]
