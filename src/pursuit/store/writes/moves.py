"""An application's status changed, and what each status brings: closing cancels the
reminders (not the thank-you notes still owed), a hold slows them (R9), a friendly
rejection makes a bridge (R8), and accepting an offer ends the search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.drafts import follow_up_draft
from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.status import CLOSED, StatusError, check_move
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.rows import ActionRow, AppRow, CompanyRow
from pursuit.store.world import World
from pursuit.store.writes import bridges, make, offers


@dataclass(frozen=True)
class Moved:
    company: str
    old: Status
    new: Status
    bridge_check_in: datetime | None = None


def move(
    w: World,
    ctx: Ctx,
    company: str,
    status: Status,
    *,
    application_id: int | None = None,
    role: str | None = None,
) -> Moved:
    if status == Status.REJECTED:
        return reject(w, ctx, company, friendly=False, application_id=application_id, role=role)
    app, comp = make.target(w, company, application_id, role)
    w.label = f"move {comp.name} to {status.label}"
    old = app.status
    try:
        check_move(old, status)
    except StatusError as exc:
        raise InputError(f"{comp.name}: {exc}") from None
    enter_status(w, ctx, comp, app, status)
    return Moved(comp.name, old, status)


def enter_status(w: World, ctx: Ctx, comp: CompanyRow, app: AppRow, status: Status) -> None:
    """A status and what it brings: closing cancels the reminders, a hold slows them, and
    accepting an offer ends the search (the others are withdrawn from, courteously)."""
    make.set_status(w, ctx, app, status)
    if status in CLOSED or status == Status.ACCEPTED:
        make.cancel(ctx, _open_reminders(w, comp, app))
    if status == Status.ACCEPTED:
        offers.end_the_search(w, ctx, accepted=app)
    elif status == Status.ON_HOLD:
        # R9: a hold keeps a (slower) follow-up cadence instead of closing.
        make.cancel(ctx, w.pending(comp, ActionKind.FOLLOW_UP, app=app))
        make.action(
            w,
            ctx,
            kind=ActionKind.FOLLOW_UP,
            due=make.guess(w, ctx, app, ctx.now, ctx.settings.hold_cadence),
            guessed=True,
            company_id=comp.id,
            application_id=app.id,
            draft=follow_up_draft(name=None, role=app.title, company=comp.name),
        )


def _open_reminders(w: World, comp: CompanyRow, app: AppRow) -> list[ActionRow]:
    # Thank-you notes are still owed after a close: the people were kind with their time.
    return [a for a in w.pending(comp, app=app) if a.kind != ActionKind.THANK_YOU]


def reject(
    w: World,
    ctx: Ctx,
    company: str,
    *,
    friendly: bool,
    cadence: str | None = None,
    application_id: int | None = None,
    role: str | None = None,
) -> Moved:
    rule = bridges.rule(ctx, friendly, cadence)
    app, comp = make.target(w, company, application_id, role)
    w.label = f"reject {comp.name}"
    old = app.status
    try:
        check_move(old, Status.REJECTED)
    except StatusError as exc:
        raise InputError(f"{comp.name}: {exc}") from None
    make.set_status(w, ctx, app, Status.REJECTED)
    make.cancel(ctx, _open_reminders(w, comp, app))
    make.event(
        w,
        ctx,
        kind=EventKind.REJECTED,
        direction=Direction.IN,
        company_id=comp.id,
        application_id=app.id,
        summary="rejected, on good terms" if friendly else "rejected",
    )
    check_in_at = bridges.make(w, ctx, comp, rule) if rule is not None else None
    return Moved(comp.name, old, Status.REJECTED, check_in_at)
