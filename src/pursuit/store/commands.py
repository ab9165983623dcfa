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
from pursuit.store.world import World
from pursuit.store.writer import dry_run, run
from pursuit.store.writes import adding, moves, offers, quick
from pursuit.store.writes import applications as define
from pursuit.store.writes.adding import AddedRecord
from pursuit.store.writes.applications import Added, GuidanceRecorded, InterviewLogged
from pursuit.store.writes.fields import Fields
from pursuit.store.writes.moves import Moved
from pursuit.store.writes.offers import OfferRecorded, Withdrawn

__all__ = [
    "Added",
    "AddedRecord",
    "Fields",
    "GuidanceRecorded",
    "InterviewLogged",
    "Moved",
    "OfferRecorded",
    "Withdrawn",
]


def add_application(
    ctx: Ctx,
    company: str,
    title: str,
    *,
    new_company: bool = False,
    force: bool = False,
    applied_at: datetime | None = None,
    status: Status = Status.APPLIED,
    fields: Fields | None = None,
) -> AddedRecord:
    """An application, the one way every face adds one (`writes.adding.add_application`):
    the company matched as every verb matches it, no silent duplicate, any field given."""
    return run(
        ctx,
        lambda w: adding.add_application(
            w,
            ctx,
            company,
            title,
            new_company=new_company,
            force=force,
            applied_at=applied_at,
            status=status,
            fields=fields,
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
    place: str | None = None,
    force: bool = False,
) -> InterviewLogged:
    """An interview logged (one thank-you per interviewer, R1), and where it happens;
    `force`: a new company that looks like a known one is added anyway."""
    return run(
        ctx,
        lambda w: adding.log_interview(
            w,
            ctx,
            company,
            place=place,
            force=force,
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
    ctx: Ctx,
    company: str,
    when: datetime,
    text: str | None = None,
    *,
    application_id: int | None = None,
    role: str | None = None,
) -> GuidanceRecorded:
    """`application_id` (the app) or `role` says which application when the company has
    several open; so for every verb below that takes them."""
    return run(
        ctx,
        lambda w: define.record_guidance(
            w, ctx, company, when, text, application_id=application_id, role=role
        ),
        label="guidance",
    )


def move(
    ctx: Ctx,
    company: str,
    status: Status,
    *,
    application_id: int | None = None,
    role: str | None = None,
) -> Moved:
    return run(
        ctx,
        lambda w: moves.move(w, ctx, company, status, application_id=application_id, role=role),
        label="move",
    )


def reject(
    ctx: Ctx,
    company: str,
    *,
    friendly: bool,
    cadence: str | None = None,
    application_id: int | None = None,
    role: str | None = None,
) -> Moved:
    return run(
        ctx,
        lambda w: moves.reject(
            w,
            ctx,
            company,
            friendly=friendly,
            cadence=cadence,
            application_id=application_id,
            role=role,
        ),
        label="reject",
    )


def reopen(ctx: Ctx, company: str, title: str) -> Added:
    return run(ctx, lambda w: define.reopen(w, ctx, company, title), label="reopen")


def preview_quick_entry(
    ctx: Ctx, entry: QuickEntry, *, force: bool = False, application_id: int | None = None
) -> quick.QuickPreview:
    """What `save_quick_entry` would do with this line now, without writing it: the same
    definition on the same rows, so the company it names is the one saving will use, and
    anything saving would refuse is refused here (InputError, or `Refused` for the same
    role twice unless `force`)."""

    def rule(w: World) -> str:
        return quick.save_quick_entry(w, ctx, entry, force=force, application_id=application_id)

    _message, world = dry_run(ctx, rule)
    return quick.preview_of(world, entry)


def save_quick_entry(
    ctx: Ctx, entry: QuickEntry, *, force: bool = False, application_id: int | None = None
) -> str:
    """A quick-entry line (the app's `a`, `pursuit quick`): everything its preview
    promised in one transaction, or nothing; returns a one-line confirmation. The same
    role open twice at a company, or a new company that looks like a known one, is
    refused (`Refused`) unless `force`. `application_id`: the application a line that
    names no role is about (the app's selected row)."""
    return run(
        ctx,
        lambda w: quick.save_quick_entry(w, ctx, entry, force=force, application_id=application_id),
        label="quick entry",
    )


def record_offer(
    ctx: Ctx,
    company: str,
    by: datetime,
    note: str | None = None,
    *,
    application_id: int | None = None,
    role: str | None = None,
) -> OfferRecorded:
    return run(
        ctx,
        lambda w: offers.record_offer(
            w, ctx, company, by, note, application_id=application_id, role=role
        ),
        label="offer",
    )


def withdraw(
    ctx: Ctx,
    company: str,
    *,
    friendly: bool = False,
    cadence: str | None = None,
    application_id: int | None = None,
    role: str | None = None,
) -> Withdrawn:
    return run(
        ctx,
        lambda w: offers.withdraw(
            w,
            ctx,
            company,
            friendly=friendly,
            cadence=cadence,
            application_id=application_id,
            role=role,
        ),
        label="withdraw",
    )


def quiet_nudge(ctx: Ctx, until: datetime | None) -> str:
    """Snooze the options nudge until a time, or dismiss it (None)."""
    return run(ctx, lambda w: offers.quiet_nudge(w, ctx, until), label="options nudge")


def restore_nudge(ctx: Ctx) -> str:
    return run(ctx, lambda w: offers.restore_nudge(w, ctx), label="options nudge")
