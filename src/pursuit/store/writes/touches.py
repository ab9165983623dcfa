"""Contact with an employer: thank-you notes, follow-ups, their replies, check-ins."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime

from pursuit.domain.cadence import Cadence
from pursuit.domain.drafts import check_in_draft, follow_up_draft
from pursuit.domain.gimmicks import gimmick_warnings
from pursuit.domain.kinds import ActionKind, Channel, Direction, EventKind, Status
from pursuit.domain.pesky import (
    follow_up_ready,
    last_touch,
    too_soon_reasons,
    unanswered_follow_ups,
)
from pursuit.domain.similarity import too_similar
from pursuit.domain.text import clean_text
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.rows import AppRow, CompanyRow
from pursuit.store.world import World
from pursuit.store.writes import make


@dataclass(frozen=True)
class ThanksSent:
    company: str
    contact: str
    similar_to: str | None = None


def _note(note: str | None) -> str | None:
    return clean_text(note, multiline=True).strip() if note else None


def mark_thanks(
    w: World,
    ctx: Ctx,
    company: str = "",
    name: str = "",
    *,
    note: str | None = None,
    force: bool = False,
    action_id: int | None = None,
    channel: Channel = Channel.EMAIL,
) -> ThanksSent:
    if action_id is not None:
        action = w.action_by_id(action_id)
        if action.kind != ActionKind.THANK_YOU or action.contact_id is None:
            raise InputError("that is not a thank-you note")
        comp = w.company_by_id(action.company_id)
        contact = w.contact_by_id(comp, action.contact_id)
    else:
        comp = w.company(company)
        contact = w.contact(comp, name)
        owed = w.pending(comp, ActionKind.THANK_YOU, contact=contact)
        if not owed:
            raise InputError(f"no thank-you note to {contact.name} is pending")
        action = owed[0]
    w.label = f"thank-you to {contact.name}"
    text = clean_text(note, multiline=True).strip() if note is not None else action.draft.strip()
    names_by_id = {c.id: c.name for c in w.everyone(comp)}
    sent = [
        (names_by_id.get(a.contact_id or -1, ""), a.sent_note)
        for a in w.actions_of(comp)
        if a.kind == ActionKind.THANK_YOU
        and a.done_at is not None
        and a.sent_note
        and a.contact_id is not None
        and a.id != action.id
    ]
    names = [contact.name, *(n for n, _ in sent)]
    # R2: staff compare notes; a near-copy is flagged before it counts as sent.
    similar = too_similar(text, sent, threshold=ctx.settings.similarity_threshold, names=names)
    if similar is not None and not force:
        raise Refused(
            f"this note to {contact.name} is too like the one to {similar.other_contact}",
            [
                f"{similar.ratio:.0%} alike (limit {ctx.settings.similarity_threshold:.0%}); "
                "make it personal, or send it anyway"
            ],
        )
    action.done_at = ctx.now
    action.sent_note = text
    make.event(
        w,
        ctx,
        kind=EventKind.THANK_YOU,
        summary=f"thank-you note to {contact.name}",
        company_id=comp.id,
        application_id=action.application_id,
        contact_id=contact.id,
        direction=Direction.OUT,
        channel=channel,
        body=text,
    )
    if action.application_id is not None:
        make.keep_follow_ups_clear(w, ctx, comp, w.application_by_id(action.application_id))
    return ThanksSent(comp.name, contact.name, similar.other_contact if similar else None)


@dataclass(frozen=True)
class FollowUpLogged:
    company: str
    warnings: list[str] = field(default_factory=list)
    ghosted_hint: str | None = None
    next_due: datetime | None = None


def _employer_date(w: World, comp: CompanyRow, app: AppRow) -> datetime | None:
    for action in w.pending(comp, ActionKind.FOLLOW_UP, app=app):
        if not action.due_guessed:
            return action.due_at
    return None


def too_soon(w: World, ctx: Ctx, comp: CompanyRow, app: AppRow) -> list[str]:
    """R5's reasons to wait before following up (empty when it is fine to)."""
    if w.pending(comp, ActionKind.ANSWER_OFFER, app=app):
        return []  # answering an offer, or asking about it, is never too soon
    employer_date = _employer_date(w, comp, app)
    # Their words as they said them ("check back after the 15th"), if an interview has them.
    words = next(
        (
            i.guidance_text
            for i in sorted(w.interviews(app), key=lambda i: i.starts_at, reverse=True)
            if i.guidance_text and i.guidance_at == employer_date
        ),
        None,
    )
    return too_soon_reasons(
        ctx.now,
        employer_date=employer_date,
        last_touch=last_touch(w.touches(app), ctx.now),
        settings=ctx.settings,
        tz=ctx.tz,
        employer_words=words,
    )


def follow_up_check(
    w: World, ctx: Ctx, company: str = "", *, application_id: int | None = None
) -> list[str]:
    app, comp = make.target(w, company, application_id)
    return too_soon(w, ctx, comp, app)


def log_followup(
    w: World,
    ctx: Ctx,
    company: str = "",
    *,
    note: str | None = None,
    force: bool = False,
    channel: Channel = Channel.EMAIL,
    application_id: int | None = None,
) -> FollowUpLogged:
    text = _note(note)
    warnings = gimmick_warnings(text) if text else []
    app, comp = make.target(w, company, application_id)
    w.label = f"follow-up to {comp.name}"
    reasons = too_soon(w, ctx, comp, app)
    if reasons and not force:
        pending = w.pending(comp, ActionKind.FOLLOW_UP, app=app)
        ready = follow_up_ready(
            ctx.now,
            employer_date=_employer_date(w, comp, app),
            last_touch=last_touch(w.touches(app), ctx.now),
            settings=ctx.settings,
            tz=ctx.tz,
        )
        raise Refused(
            f"too soon to follow up with {comp.name}",
            reasons,
            ready_at=ready,
            action_id=pending[0].id if pending else None,
        )
    for action in w.pending(comp, ActionKind.FOLLOW_UP, app=app):
        action.done_at = ctx.now
        action.sent_note = text
    make.event(
        w,
        ctx,
        kind=EventKind.FOLLOW_UP,
        summary=f"follow-up ({channel.value})",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.OUT,
        channel=channel,
        body=text,
        # Sent anyway though R5 said to wait: the review counts these (issue #17).
        too_soon=bool(reasons),
    )
    on_hold = app.status == Status.ON_HOLD
    wait = ctx.settings.hold_cadence if on_hold else ctx.settings.default_guidance
    next_due: datetime | None = None
    # While an offer waits for your answer, the next step is that answer, not a guess.
    if not w.pending(comp, ActionKind.ANSWER_OFFER, app=app):
        next_due = make.guess(w, ctx, app, ctx.now, wait)
        make.action(
            w,
            ctx,
            kind=ActionKind.FOLLOW_UP,
            due=next_due,
            guessed=True,
            company_id=comp.id,
            application_id=app.id,
            draft=follow_up_draft(name=None, role=app.title, company=comp.name),
        )
    hint = None
    unanswered = unanswered_follow_ups(w.touches(app))
    if unanswered >= ctx.settings.unanswered_limit and not on_hold:
        hint = (
            f"{unanswered} follow-ups to {comp.name} without an answer: consider moving it "
            "to ghosted and putting the time into other applications"
        )
    app.updated_at = ctx.now
    return FollowUpLogged(comp.name, warnings, hint, next_due)


def heard_back(
    w: World,
    ctx: Ctx,
    company: str = "",
    note: str | None = None,
    *,
    application_id: int | None = None,
) -> str:
    """The employer answered: an incoming touch, which resets the unanswered count."""
    app, comp = make.target(w, company, application_id)
    w.label = f"heard from {comp.name}"
    make.event(
        w,
        ctx,
        kind=EventKind.REPLY,
        summary="heard back",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.IN,
        body=_note(note),
    )
    # Their answer restarts the wait: a guessed follow-up moves to a week after it.
    for row in w.pending(comp, ActionKind.FOLLOW_UP, app=app):
        if row.due_guessed:
            make.move_due(row, make.guess(w, ctx, app, ctx.now, ctx.settings.default_guidance))
    app.updated_at = ctx.now
    return comp.name


@dataclass(frozen=True)
class CheckedIn:
    company: str
    next_check_in: datetime
    warnings: list[str] = field(default_factory=list)


def check_in(
    w: World,
    ctx: Ctx,
    company: str = "",
    *,
    note: str | None = None,
    company_id: int | None = None,
) -> CheckedIn:
    text = _note(note)
    # A check-in is a follow-up too (R6): gimmicks are worse with a company that said no.
    warnings = gimmick_warnings(text) if text else []
    comp = w.company_by_id(company_id) if company_id is not None else w.company(company)
    if not comp.is_bridge or not comp.bridge_cadence or comp.bridge_since is None:
        raise InputError(f"{comp.name} is not a bridge; reject it with --friendly first")
    w.label = f"check-in with {comp.name}"
    for action in w.pending(comp, ActionKind.CHECK_IN):
        action.done_at = ctx.now
        action.sent_note = text
    make.event(
        w,
        ctx,
        kind=EventKind.CHECK_IN,
        summary="check-in",
        direction=Direction.OUT,
        company_id=comp.id,
        body=text,
    )
    cadence = Cadence(comp.bridge_cadence)
    if not cadence.is_calendar:
        # "Every 90 days" means 90 days after this check-in, even an early one: a
        # fixed anchor would bring the next one sooner, which is pesky (R5).
        comp.bridge_since = ctx.now
    # Done late, the next one still comes at least R5's gap after this one.
    nxt = make.coach_after(ctx, cadence.after(comp.bridge_since, ctx.now, ctx.tz))
    contact = make.first_contact(w, comp)
    make.action(
        w,
        ctx,
        kind=ActionKind.CHECK_IN,
        due=nxt,
        company_id=comp.id,
        contact_id=contact.id if contact else None,
        draft=check_in_draft(name=contact.name if contact else None, company=comp.name),
    )
    return CheckedIn(comp.name, nxt, warnings)


def complete(w: World, ctx: Ctx, action_id: int) -> str:
    """Done without the side effects of a specific verb (e.g. a note sent by hand)."""
    action = w.action_by_id(action_id)
    w.label = f"{make.about(w, action)} marked done"
    early = None
    if action.kind == ActionKind.FOLLOW_UP and action.application_id is not None:
        # Done by hand is never refused, but R5's verdict is kept, as for `followup`
        # (none when the application is gone: marking done must still work).
        with contextlib.suppress(InputError):
            app = w.application_by_id(action.application_id)
            early = bool(too_soon(w, ctx, w.company_by_id(app.company_id), app))
    action.done_at = ctx.now
    if action.kind in (ActionKind.FOLLOW_UP, ActionKind.CHECK_IN):
        make.event(
            w,
            ctx,
            kind=EventKind(action.kind.value),
            summary=f"{action.kind.value.replace('_', '-')} done",
            direction=Direction.OUT,
            company_id=action.company_id,
            application_id=action.application_id,
            contact_id=action.contact_id,
            too_soon=early,
        )
    return action.kind.value
