"""Offers to the end: an offer and its answer-by date, the search ended by accepting one,
the others withdrawn from courteously, and the options nudge the user can quiet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.dates.showing import show_when
from pursuit.domain.drafts import offer_reply_draft, withdraw_draft
from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.status import CLOSED, StatusError, check_move
from pursuit.domain.text import clean_text
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.rows import AppRow
from pursuit.store.timefmt import to_db
from pursuit.store.world import World
from pursuit.store.writes import bridges, make

NUDGE_KEY = "options_nudge"
"""The setting the agenda reads (store.agenda_reads): "dismissed", or snoozed until."""


@dataclass(frozen=True)
class OfferRecorded:
    company: str
    answer_by: datetime


def record_offer(
    w: World,
    ctx: Ctx,
    company: str,
    by: datetime,
    note: str | None = None,
    *,
    application_id: int | None = None,
    role: str | None = None,
) -> OfferRecorded:
    """An offer, with the date they want an answer by: that answer is the top action, and
    replying to them about it is never "too soon"."""
    if by <= ctx.now:
        raise InputError("the answer-by date must be in the future")
    app, comp = make.target(w, company, application_id, role)
    if app.status != Status.OFFER:
        try:
            check_move(app.status, Status.OFFER)
        except StatusError as exc:
            raise InputError(f"{comp.name}: {exc}") from None
    w.label = f"offer from {comp.name}"
    if app.status != Status.OFFER:
        make.set_status(w, ctx, app, Status.OFFER)
    # The offer is their answer: no guessed follow-up chases it.
    make.cancel(ctx, w.pending(comp, ActionKind.FOLLOW_UP, app=app))
    make.cancel(ctx, w.pending(comp, ActionKind.ANSWER_OFFER, app=app))
    text = clean_text(note, multiline=True).strip() if note else None
    make.event(
        w,
        ctx,
        kind=EventKind.OFFER,
        summary=f"offer: answer by {show_when(by, ctx.tz, ctx.now)}",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.IN,
        body=text,
    )
    contact = make.first_contact(w, comp)
    make.action(
        w,
        ctx,
        kind=ActionKind.ANSWER_OFFER,
        due=by,
        company_id=comp.id,
        application_id=app.id,
        contact_id=contact.id if contact else None,
        draft=offer_reply_draft(
            name=contact.name if contact else None, role=app.title, company=comp.name
        ),
    )
    app.updated_at = ctx.now
    return OfferRecorded(comp.name, by)


def end_the_search(w: World, ctx: Ctx, *, accepted: AppRow) -> None:
    """Accepting an offer ends the search: every other open application gets a courteous
    withdraw action, due now, and stops chasing (its guessed follow-ups are cancelled)."""
    for other in w.open_applications():
        if other.id == accepted.id or other.status == Status.WISHLIST:
            continue
        comp = w.company_by_id(other.company_id)
        make.cancel(ctx, w.pending(comp, ActionKind.FOLLOW_UP, app=other))
        make.cancel(ctx, w.pending(comp, ActionKind.ANSWER_OFFER, app=other))
        if w.pending(comp, ActionKind.WITHDRAW, app=other):
            continue
        contact = make.first_contact(w, comp)
        make.action(
            w,
            ctx,
            kind=ActionKind.WITHDRAW,
            due=ctx.now,
            company_id=comp.id,
            application_id=other.id,
            contact_id=contact.id if contact else None,
            draft=withdraw_draft(
                name=contact.name if contact else None, role=other.title, company=comp.name
            ),
        )


@dataclass(frozen=True)
class Withdrawn:
    company: str
    bridge_check_in: datetime | None


def withdraw(
    w: World,
    ctx: Ctx,
    company: str,
    *,
    friendly: bool = False,
    cadence: str | None = None,
    application_id: int | None = None,
    role: str | None = None,
) -> Withdrawn:
    """You withdrew: the application closes, its reminders go, the withdraw action (if one
    was waiting) is done with its note as sent; a company that was kind stays a bridge."""
    rule = bridges.rule(ctx, friendly, cadence)
    app, comp = make.target(w, company, application_id, role)
    if app.status in CLOSED:
        raise InputError(f"{comp.name}: the application is already closed")
    w.label = f"withdraw from {comp.name}"
    for action in w.pending(comp, ActionKind.WITHDRAW, app=app):
        action.done_at = ctx.now
        action.sent_note = action.draft
    make.set_status(w, ctx, app, Status.WITHDRAWN)
    make.cancel(ctx, [a for a in w.pending(comp, app=app) if a.kind != ActionKind.THANK_YOU])
    make.event(
        w,
        ctx,
        kind=EventKind.STATUS,
        summary="withdrew, on good terms" if friendly else "withdrew",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.OUT,
    )
    check_in = bridges.make(w, ctx, comp, rule) if rule is not None else None
    return Withdrawn(comp.name, check_in)


def quiet_nudge(w: World, ctx: Ctx, until: datetime | None) -> str:
    """The options nudge snoozed until a time, or (None) dismissed until restored."""
    if until is not None and until <= ctx.now:
        raise InputError("snooze until a time in the future")
    w.label = "options nudge " + ("snoozed" if until else "dismissed")
    w.set_setting(NUDGE_KEY, "dismissed" if until is None else to_db(until), ctx.now)
    return w.label


def restore_nudge(w: World, ctx: Ctx) -> str:
    row = w.setting(NUDGE_KEY)
    if row is not None and row.deleted_at is None:
        row.deleted_at = ctx.now
    w.label = "options nudge back"
    return w.label
