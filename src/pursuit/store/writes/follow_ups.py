"""Follow-ups and their R5 check, and the employer's reply that answers them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pursuit.domain.drafts import follow_up_draft
from pursuit.domain.gimmicks import gimmick_warnings
from pursuit.domain.kinds import ActionKind, Channel, Direction, EventKind, Status
from pursuit.domain.pesky import (
    follow_up_ready,
    last_touch,
    too_soon_reasons,
    unanswered_follow_ups,
)
from pursuit.store.context import Ctx
from pursuit.store.errors import Refused
from pursuit.store.rows import AppRow, CompanyRow
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.note_checks import clean_note, personal


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
    w: World,
    ctx: Ctx,
    company: str = "",
    *,
    application_id: int | None = None,
    role: str | None = None,
) -> list[str]:
    app, comp = make.target(w, company, application_id, role)
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
    role: str | None = None,
) -> FollowUpLogged:
    text = clean_note(note)
    warnings = gimmick_warnings(text) if text else []
    app, comp = make.target(w, company, application_id, role)
    w.label = f"follow-up to {comp.name}"
    personal(text, comp.name, force=force)
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
    role: str | None = None,
) -> str:
    """The employer answered: an incoming touch, which resets the unanswered count."""
    app, comp = make.target(w, company, application_id, role)
    w.label = f"heard from {comp.name}"
    make.event(
        w,
        ctx,
        kind=EventKind.REPLY,
        summary="heard back",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.IN,
        body=clean_note(note),
    )
    # Their answer restarts the wait: a guessed follow-up moves to a week after it.
    for row in w.pending(comp, ActionKind.FOLLOW_UP, app=app):
        if row.due_guessed:
            make.move_due(row, make.guess(w, ctx, app, ctx.now, ctx.settings.default_guidance))
    app.updated_at = ctx.now
    return comp.name
