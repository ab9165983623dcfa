"""The writes that both the app and the command line make: applications and interviews.

Each is one definition in `store.writes`, run as one transaction by `store.writer.run`:
everything is validated before anything is written, and the write is recorded for undo.
"""

from __future__ import annotations

from datetime import datetime

from pursuit.domain.people import Person
from pursuit.domain.quick_entry import QuickEntry
from pursuit.domain.status import Status
from pursuit.store.context import Ctx
from pursuit.store.writer import run
from pursuit.store.writes import applications as define
from pursuit.store.writes import quick
from pursuit.store.writes.applications import Added, GuidanceRecorded, InterviewLogged, Moved

__all__ = ["Added", "GuidanceRecorded", "InterviewLogged", "Moved"]


def add_application(
    ctx: Ctx,
    company: str,
    title: str,
    *,
    applied_at: datetime | None = None,
    url: str | None = None,
    source: str | None = None,
    status: Status = Status.APPLIED,
    notes: str = "",
) -> Added:
    return run(
        ctx,
        lambda w: define.add_application(
            w,
            ctx,
            company,
            title,
            applied_at=applied_at,
            url=url,
            source=source,
            status=status,
            notes=notes,
        ),
        label="add",
    )


def log_interview(
    ctx: Ctx,
    company: str,
    *,
    at: datetime,
    people: tuple[Person, ...],
    minutes: int = 60,
    check_back: datetime | None = None,
    check_back_text: str | None = None,
    kind: str = "interview",
    role: str | None = None,
    notes: str = "",
) -> InterviewLogged:
    return run(
        ctx,
        lambda w: define.log_interview(
            w,
            ctx,
            company,
            at=at,
            people=people,
            minutes=minutes,
            check_back=check_back,
            check_back_text=check_back_text,
            kind=kind,
            role=role,
            notes=notes,
        ),
        label="interview",
    )


def record_guidance(
    ctx: Ctx, company: str, when: datetime, text: str | None = None
) -> GuidanceRecorded:
    return run(ctx, lambda w: define.record_guidance(w, ctx, company, when, text), label="guidance")


def move(ctx: Ctx, company: str, status: Status, *, application_id: int | None = None) -> Moved:
    return run(
        ctx,
        lambda w: define.move(w, ctx, company, status, application_id=application_id),
        label="move",
    )


def reject(
    ctx: Ctx,
    company: str,
    *,
    friendly: bool,
    cadence: str | None = None,
    application_id: int | None = None,
) -> Moved:
    return run(
        ctx,
        lambda w: define.reject(
            w, ctx, company, friendly=friendly, cadence=cadence, application_id=application_id
        ),
        label="reject",
    )


def reopen(ctx: Ctx, company: str, title: str) -> Added:
    return run(ctx, lambda w: define.reopen(w, ctx, company, title), label="reopen")


def save_quick_entry(ctx: Ctx, entry: QuickEntry, *, force: bool = False) -> str:
    """A quick-entry line (the app's `a`, `pursuit quick`): everything its preview
    promised in one transaction, or nothing; returns a one-line confirmation. The same
    role open twice at a company is refused (`Refused`) unless `force`."""
    return run(
        ctx, lambda w: quick.save_quick_entry(w, ctx, entry, force=force), label="quick entry"
    )
