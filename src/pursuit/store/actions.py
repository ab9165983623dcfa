"""Writes on the agenda: notes sent, follow-ups, check-ins, snoozes, drafts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from pursuit.domain.cadence import Cadence
from pursuit.domain.deadlines import effective_due
from pursuit.domain.drafts import check_in_draft, follow_up_draft, with_talking_point
from pursuit.domain.gimmicks import Channel, gimmick_warnings
from pursuit.domain.pesky import (
    Direction,
    Touch,
    last_touch,
    too_soon_reasons,
    unanswered_follow_ups,
)
from pursuit.domain.similarity import too_similar
from pursuit.domain.status import Status
from pursuit.domain.text import clean_name, clean_text
from pursuit.store import lookup
from pursuit.store.commands import _id, _target, add_event, new_action, pending
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.models import Action, Company, Contact, Event
from pursuit.store.unit import write_session


def _touches(session: Session, application_id: int) -> list[Touch]:
    rows = session.exec(
        select(Event).where(
            Event.application_id == application_id,
            col(Event.deleted_at).is_(None),
            col(Event.direction).is_not(None),
        )
    ).all()
    return [Touch(e.at, Direction(e.direction), e.kind) for e in rows if e.direction]


def _action(session: Session, action_id: int) -> Action:
    action = session.get(Action, action_id)
    if action is None or action.deleted_at is not None:
        raise InputError(f"no action #{action_id}")
    if action.done_at is not None:
        raise InputError("that action is already done")
    return action


@dataclass(frozen=True)
class ThanksSent:
    company: str
    contact: str
    similar_to: str | None = None


def sent_thank_yous(
    session: Session, company_id: int, exclude: int | None
) -> list[tuple[str, str]]:
    """(contact name, note) of every thank-you already sent to people at this company."""
    rows = session.exec(
        select(Contact.name, Action.sent_note)
        .join(Contact, col(Contact.id) == col(Action.contact_id))
        .where(
            Action.company_id == company_id,
            Action.kind == "thank_you",
            col(Action.done_at).is_not(None),
            col(Action.deleted_at).is_(None),
            col(Action.sent_note).is_not(None),
            Action.id != (exclude or -1),
        )
    ).all()
    return [(name, note) for name, note in rows if note]


def mark_thanks(
    ctx: Ctx,
    company: str = "",
    name: str = "",
    *,
    note: str | None = None,
    force: bool = False,
    action_id: int | None = None,
    channel: Channel = Channel.EMAIL,
) -> ThanksSent:
    with write_session(ctx.db, label=f"thank-you {name or action_id}", now=ctx.now) as session:
        if action_id is not None:
            action = _action(session, action_id)
            if action.kind != "thank_you" or action.contact_id is None:
                raise InputError("that is not a thank-you note")
            contact = session.get(Contact, action.contact_id)
            comp = session.get(Company, action.company_id)
            assert contact is not None and comp is not None
        else:
            comp = lookup.company(session, company)
            contact = lookup.contact(session, comp, name)
            found = session.exec(
                select(Action)
                .where(
                    Action.contact_id == contact.id,
                    Action.kind == "thank_you",
                    col(Action.done_at).is_(None),
                    col(Action.deleted_at).is_(None),
                )
                .order_by(col(Action.next_at))
            ).first()
            if found is None:
                raise InputError(f"no thank-you note to {contact.name} is pending")
            action = found
        text = (
            clean_text(note, multiline=True).strip() if note is not None else action.draft.strip()
        )
        sent = sent_thank_yous(session, _id(comp), exclude=action.id)
        names = [contact.name, *(n for n, _ in sent)]
        # R2: staff compare notes; a near-copy is flagged before it counts as sent.
        similar = too_similar(text, sent, threshold=ctx.settings.similarity_threshold, names=names)
        if similar is not None and not force:
            raise Refused(
                f"this note to {contact.name} is too like the one to {similar.other_contact}",
                [
                    f"{similar.ratio:.0%} alike (limit {ctx.settings.similarity_threshold:.0%}); "
                    "make it personal, or send anyway with force"
                ],
            )
        action.done_at = ctx.now
        action.sent_note = text
        session.add(action)
        add_event(
            session,
            ctx,
            kind="thank_you",
            summary=f"thank-you note to {contact.name}",
            company_id=_id(comp),
            application_id=action.application_id,
            contact_id=contact.id,
            direction=Direction.OUT,
            channel=channel.value,
            body=text,
        )
        return ThanksSent(comp.name, contact.name, similar.other_contact if similar else None)


@dataclass(frozen=True)
class FollowUpLogged:
    company: str
    warnings: list[str] = field(default_factory=list)
    ghosted_hint: str | None = None
    next_due: datetime | None = None


def follow_up_check(ctx: Ctx, company: str = "", *, application_id: int | None = None) -> list[str]:
    """R5 reasons for the app to show before it asks for confirmation (reads only)."""
    with write_session(ctx.db, label="check", now=ctx.now, undoable=False) as session:
        app, _comp = _target(session, company, application_id)
        return _too_soon(session, ctx, _id(app))


def _too_soon(session: Session, ctx: Ctx, application_id: int) -> list[str]:
    employer_date = None
    for action in pending(session, kind="follow_up", application_id=application_id):
        if not action.due_guessed:
            employer_date = action.due_at
            break
    return too_soon_reasons(
        ctx.now,
        employer_date=employer_date,
        last_touch=last_touch(_touches(session, application_id), ctx.now),
        settings=ctx.settings,
        tz=ctx.tz,
    )


def log_followup(
    ctx: Ctx,
    company: str = "",
    *,
    note: str | None = None,
    force: bool = False,
    channel: Channel = Channel.EMAIL,
    application_id: int | None = None,
) -> FollowUpLogged:
    text = clean_text(note, multiline=True).strip() if note else None
    warnings = gimmick_warnings(text) if text else []
    with write_session(
        ctx.db, label=f"follow-up {company or application_id}", now=ctx.now
    ) as session:
        app, comp = _target(session, company, application_id)
        reasons = _too_soon(session, ctx, _id(app))
        if reasons and not force:
            raise Refused(f"too soon to follow up with {comp.name}", reasons)
        for action in pending(session, kind="follow_up", application_id=_id(app)):
            action.done_at = ctx.now
            action.sent_note = text
            session.add(action)
        add_event(
            session,
            ctx,
            kind="follow_up",
            summary=f"follow-up ({channel.value})",
            company_id=_id(comp),
            application_id=_id(app),
            direction=Direction.OUT,
            channel=channel.value,
            body=text,
        )
        session.flush()
        on_hold = Status(app.status) == Status.ON_HOLD
        gap = ctx.settings.hold_cadence if on_hold else ctx.settings.default_guidance
        next_due = ctx.now + gap
        session.add(
            new_action(
                ctx,
                kind="follow_up",
                due=next_due,
                guessed=True,
                company_id=_id(comp),
                application_id=_id(app),
                draft=follow_up_draft(name=None, role=app.title, company=comp.name),
            )
        )
        hint = None
        unanswered = unanswered_follow_ups(_touches(session, _id(app)))
        if unanswered >= ctx.settings.unanswered_limit and not on_hold:
            hint = (
                f"{unanswered} follow-ups to {comp.name} without an answer: consider moving it "
                "to ghosted and putting the time into other applications"
            )
        app.updated_at = ctx.now
        session.add(app)
        return FollowUpLogged(comp.name, warnings, hint, next_due)


def heard_back(ctx: Ctx, company: str, note: str | None = None) -> str:
    """The employer answered: an incoming touch, which resets the unanswered count."""
    with write_session(ctx.db, label=f"heard from {company}", now=ctx.now) as session:
        app, comp = _target(session, company, None)
        text = clean_text(note, multiline=True).strip() if note else None
        add_event(
            session,
            ctx,
            kind="reply",
            summary="heard back",
            company_id=_id(comp),
            application_id=_id(app),
            direction=Direction.IN,
            body=text,
        )
        app.updated_at = ctx.now
        session.add(app)
        return comp.name


@dataclass(frozen=True)
class CheckedIn:
    company: str
    next_check_in: datetime
    warnings: list[str] = field(default_factory=list)


def check_in(
    ctx: Ctx, company: str = "", *, note: str | None = None, company_id: int | None = None
) -> CheckedIn:
    text = clean_text(note, multiline=True).strip() if note else None
    # A check-in is a follow-up too (R6): gimmicks are worse with a company that said no.
    warnings = gimmick_warnings(text) if text else []
    with write_session(ctx.db, label=f"check-in {company or company_id}", now=ctx.now) as session:
        if company_id is not None:
            found = session.get(Company, company_id)
            if found is None:
                raise InputError(f"no company #{company_id}")
            comp = found
        else:
            comp = lookup.company(session, company)
        if not comp.is_bridge or not comp.bridge_cadence or comp.bridge_since is None:
            raise InputError(f"{comp.name} is not a bridge; reject it with --friendly first")
        for action in pending(session, kind="check_in", company_id=_id(comp)):
            action.done_at = ctx.now
            action.sent_note = text
            session.add(action)
        add_event(
            session,
            ctx,
            kind="check_in",
            summary="check-in",
            direction=Direction.OUT,
            company_id=_id(comp),
            body=text,
        )
        cadence = Cadence(comp.bridge_cadence)
        if not cadence.is_calendar:
            # "Every 90 days" means 90 days after this check-in, even an early one: a
            # fixed anchor would bring the next one sooner, which is pesky (R5).
            comp.bridge_since = ctx.now
            session.add(comp)
        nxt = cadence.after(comp.bridge_since, ctx.now, ctx.tz)
        contact = session.exec(
            select(Contact)
            .where(Contact.company_id == comp.id, col(Contact.deleted_at).is_(None))
            .order_by(col(Contact.id))
        ).first()
        session.add(
            new_action(
                ctx,
                kind="check_in",
                due=nxt,
                company_id=_id(comp),
                contact_id=contact.id if contact else None,
                draft=check_in_draft(name=contact.name if contact else None, company=comp.name),
            )
        )
        return CheckedIn(comp.name, nxt, warnings)


def snooze(ctx: Ctx, action_id: int, until: datetime) -> datetime:
    if until <= ctx.now:
        raise InputError("snooze until a time in the future")
    with write_session(ctx.db, label="snooze", now=ctx.now) as session:
        action = _action(session, action_id)
        action.snoozed_until = until
        action.next_at = effective_due(action.due_at, until)
        session.add(action)
        return action.next_at


def complete(ctx: Ctx, action_id: int) -> str:
    """Done without the side effects of a specific verb (e.g. a note sent by hand)."""
    with write_session(ctx.db, label="done", now=ctx.now) as session:
        action = _action(session, action_id)
        action.done_at = ctx.now
        session.add(action)
        if action.kind in ("follow_up", "check_in"):
            add_event(
                session,
                ctx,
                kind=action.kind,
                summary=f"{action.kind.replace('_', '-')} done",
                direction=Direction.OUT,
                company_id=action.company_id,
                application_id=action.application_id,
                contact_id=action.contact_id,
            )
        return action.kind


def set_draft(ctx: Ctx, action_id: int, text: str) -> None:
    with write_session(ctx.db, label="edit draft", now=ctx.now) as session:
        action = _action(session, action_id)
        action.draft = clean_text(text, multiline=True)
        session.add(action)


def set_talking_point(ctx: Ctx, company: str, name: str, point: str) -> str:
    with write_session(ctx.db, label=f"talking point {name}", now=ctx.now) as session:
        comp = lookup.company(session, company)
        contact = lookup.contact(session, comp, name)
        contact.talking_point = clean_name(point) or None
        session.add(contact)
        # Notes still owed to this person pick the point up, so the draft shown is personal.
        for action in session.exec(
            select(Action).where(
                Action.contact_id == contact.id,
                Action.kind == "thank_you",
                col(Action.done_at).is_(None),
                col(Action.deleted_at).is_(None),
            )
        ).all():
            draft = with_talking_point(
                action.draft, name=contact.name, point=contact.talking_point or ""
            )
            if draft != action.draft:
                action.draft = draft
                session.add(action)
        return contact.name


def mark_notified(ctx: Ctx, action_ids: list[int]) -> None:
    if not action_ids:
        return
    with write_session(ctx.db, label="notified", now=ctx.now, undoable=False) as session:
        for action in session.exec(select(Action).where(col(Action.id).in_(action_ids))).all():
            action.notified_at = ctx.now
            session.add(action)
