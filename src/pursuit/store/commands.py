"""The writes that both the app and the command line make: applications and interviews.

Each function is one transaction (BEGIN IMMEDIATE), validates before it writes, and
records an event in the timeline for everything that happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from pursuit.domain.deadlines import follow_up_due, thank_you_due
from pursuit.domain.drafts import check_in_draft, follow_up_draft, thank_you_draft
from pursuit.domain.matching import name_key
from pursuit.domain.people import Person
from pursuit.domain.pesky import Direction
from pursuit.domain.status import CLOSED, Status, StatusError, check_move
from pursuit.domain.text import clean_name, clean_text
from pursuit.store import lookup
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.models import (
    Action,
    Application,
    Company,
    Contact,
    Event,
    Interview,
    InterviewContact,
)
from pursuit.store.unit import write_session


def _required(text: str, what: str) -> str:
    cleaned = clean_name(text)
    if not cleaned:
        raise InputError(f"{what} is empty")
    return cleaned


def add_event(
    session: Session,
    ctx: Ctx,
    *,
    kind: str,
    summary: str,
    company_id: int,
    application_id: int | None = None,
    contact_id: int | None = None,
    direction: Direction | None = None,
    channel: str | None = None,
    body: str | None = None,
    at: datetime | None = None,
) -> Event:
    event = Event(
        at=at or ctx.now,
        kind=kind,
        direction=direction.value if direction else None,
        channel=channel,
        company_id=company_id,
        application_id=application_id,
        contact_id=contact_id,
        summary=summary,
        body=body,
        created_at=ctx.now,
    )
    session.add(event)
    return event


def new_action(
    ctx: Ctx,
    *,
    kind: str,
    due: datetime,
    company_id: int,
    application_id: int | None = None,
    contact_id: int | None = None,
    interview_id: int | None = None,
    draft: str = "",
    guessed: bool = False,
) -> Action:
    return Action(
        kind=kind,
        due_at=due,
        next_at=due,
        due_guessed=guessed,
        company_id=company_id,
        application_id=application_id,
        contact_id=contact_id,
        interview_id=interview_id,
        draft=draft,
        created_at=ctx.now,
    )


def pending(
    session: Session, *, kind: str, application_id: int | None = None, company_id: int | None = None
) -> list[Action]:
    query = select(Action).where(
        Action.kind == kind, col(Action.done_at).is_(None), col(Action.deleted_at).is_(None)
    )
    if application_id is not None:
        query = query.where(Action.application_id == application_id)
    if company_id is not None:
        query = query.where(Action.company_id == company_id)
    return list(session.exec(query.order_by(col(Action.next_at))).all())


def cancel(session: Session, ctx: Ctx, actions: list[Action]) -> None:
    """Superseded reminders are soft-deleted, so undo brings them back."""
    for action in actions:
        action.deleted_at = ctx.now
        session.add(action)


def get_or_create_company(session: Session, ctx: Ctx, name: str) -> Company:
    key = name_key(name)
    found = session.exec(select(Company).where(Company.name_key == key)).first()
    if found is not None:
        if found.deleted_at is not None:
            found.deleted_at = None
            session.add(found)
        return found
    company = Company(name=name, name_key=key, created_at=ctx.now)
    session.add(company)
    session.flush()
    return company


def get_or_create_contact(session: Session, ctx: Ctx, company: Company, person: Person) -> Contact:
    name = _required(person.name, "interviewer name")
    role = clean_name(person.role) if person.role else None
    for existing in session.exec(
        select(Contact).where(Contact.company_id == company.id, col(Contact.deleted_at).is_(None))
    ).all():
        if name_key(existing.name) == name_key(name):
            if role and not existing.role:
                existing.role = role
                session.add(existing)
            return existing
    contact = Contact(company_id=_id(company), name=name, role=role, created_at=ctx.now)
    session.add(contact)
    session.flush()
    return contact


def _id(row: Company | Application | Contact | Interview | Action | Event) -> int:
    assert row.id is not None, "row must be flushed before its id is used"
    return row.id


@dataclass(frozen=True)
class Added:
    application_id: int
    company: str
    title: str
    status: Status
    follow_up_due: datetime | None


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
    company_name = _required(company, "company name")
    title = _required(title, "role")
    if status in CLOSED or status == Status.ACCEPTED:
        raise InputError(f"a new application cannot start as {status.label}")
    if applied_at is not None and applied_at > ctx.now + timedelta(minutes=1):
        raise InputError("the date applied is in the future")
    with write_session(ctx.db, label=f"add {company_name}", now=ctx.now) as session:
        comp = get_or_create_company(session, ctx, company_name)
        when = applied_at or ctx.now
        app = Application(
            company_id=_id(comp),
            title=title,
            status=status.value,
            source=clean_name(source) if source else None,
            url=clean_name(url) if url else None,
            notes=clean_text(notes, multiline=True),
            applied_at=when if status != Status.WISHLIST else None,
            created_at=ctx.now,
            updated_at=ctx.now,
        )
        session.add(app)
        session.flush()
        add_event(
            session,
            ctx,
            kind="status",
            summary=f"{status.label}: {title}",
            company_id=_id(comp),
            application_id=_id(app),
            direction=Direction.OUT if status != Status.WISHLIST else None,
            at=when,
        )
        due = None
        if status == Status.APPLIED:
            # Applying is a touch; check back after the default wait, shown as a guess.
            due = when + ctx.settings.default_guidance
            session.add(
                new_action(
                    ctx,
                    kind="follow_up",
                    due=due,
                    company_id=_id(comp),
                    application_id=_id(app),
                    guessed=True,
                    draft=follow_up_draft(name=None, role=title, company=comp.name),
                )
            )
        return Added(_id(app), comp.name, title, status, due)


@dataclass(frozen=True)
class InterviewLogged:
    interview_id: int
    company: str
    thank_you_due: datetime
    interviewers: tuple[str, ...]
    follow_up_due: datetime
    follow_up_guessed: bool


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
    if not people:
        raise InputError("say who interviewed you: --with NAME (once per interviewer)")
    if not 1 <= minutes <= 24 * 60:
        raise InputError("interview length must be between 1 and 1440 minutes")
    kind = _required(kind, "interview kind").lower()
    ends = at + timedelta(minutes=minutes)
    if check_back is not None and check_back < ends:
        raise InputError("the check-back date is before the interview ends")
    with write_session(ctx.db, label=f"interview {company}", now=ctx.now) as session:
        if role:
            comp = get_or_create_company(session, ctx, _required(company, "company name"))
            app = _open_app_or_new(session, ctx, comp, _required(role, "role"))
        else:
            comp = lookup.company(session, company)
            app = lookup.application(session, comp)
        interview = Interview(
            application_id=_id(app),
            starts_at=at,
            ends_at=ends,
            kind=kind,
            notes=clean_text(notes, multiline=True),
            guidance_text=clean_name(check_back_text) if check_back_text else None,
            guidance_at=check_back,
            created_at=ctx.now,
        )
        session.add(interview)
        session.flush()
        contacts = [get_or_create_contact(session, ctx, comp, p) for p in people]
        unique = list({_id(c): c for c in contacts}.values())
        due = thank_you_due(ends, ctx.settings)
        # R2 compares a note with every other one to this company, earlier rounds too, so
        # the drafts must differ from those as well; names are ignored, as R2 ignores them.
        earlier = [
            a.sent_note or a.draft
            for a in session.exec(
                select(Action).where(
                    Action.company_id == comp.id,
                    Action.kind == "thank_you",
                    col(Action.deleted_at).is_(None),
                )
            ).all()
        ]
        everyone = [
            c.name for c in session.exec(select(Contact).where(Contact.company_id == comp.id)).all()
        ]
        drafts: list[str] = []
        for index, contact in enumerate(unique):
            session.add(InterviewContact(interview_id=_id(interview), contact_id=_id(contact)))
            draft = thank_you_draft(
                name=contact.name,
                company=comp.name,
                role=app.title,
                talking_point=contact.talking_point,
                when=f"on {at.astimezone(ctx.tz):%A}",
                index=len(earlier) + index,
                others=[*earlier, *drafts],
                names=everyone,
            )
            drafts.append(draft)
            # R1: one note per interviewer, each its own action.
            session.add(
                new_action(
                    ctx,
                    kind="thank_you",
                    due=due,
                    company_id=_id(comp),
                    application_id=_id(app),
                    contact_id=_id(contact),
                    interview_id=_id(interview),
                    draft=draft,
                )
            )
        # R4: one follow-up reminder per application, at the employer's date if known.
        cancel(session, ctx, pending(session, kind="follow_up", application_id=_id(app)))
        fu = follow_up_due(ends, check_back, ctx.settings)
        session.add(
            new_action(
                ctx,
                kind="follow_up",
                due=fu.at,
                guessed=fu.guessed,
                company_id=_id(comp),
                application_id=_id(app),
                interview_id=_id(interview),
                draft=follow_up_draft(name=unique[0].name, role=app.title, company=comp.name),
            )
        )
        if Status(app.status) in (Status.WISHLIST, Status.APPLIED, Status.SCREENING):
            _set_status(session, ctx, app, Status.INTERVIEWING)
        names = ", ".join(c.name for c in unique)
        add_event(
            session,
            ctx,
            kind="interview",
            summary=f"{kind} with {names}",
            company_id=_id(comp),
            application_id=_id(app),
            direction=Direction.IN,
            at=at,
        )
        app.updated_at = ctx.now
        session.add(app)
        return InterviewLogged(
            _id(interview), comp.name, due, tuple(c.name for c in unique), fu.at, fu.guessed
        )


def _open_app_or_new(session: Session, ctx: Ctx, comp: Company, role: str) -> Application:
    for app in session.exec(
        select(Application).where(
            Application.company_id == comp.id, col(Application.deleted_at).is_(None)
        )
    ).all():
        if name_key(app.title) == name_key(role) and Status(app.status) not in CLOSED:
            return app
    app = Application(
        company_id=_id(comp),
        title=role,
        status=Status.APPLIED.value,
        applied_at=ctx.now,
        created_at=ctx.now,
        updated_at=ctx.now,
    )
    session.add(app)
    session.flush()
    add_event(
        session,
        ctx,
        kind="status",
        summary=f"applied: {role}",
        company_id=_id(comp),
        application_id=_id(app),
        direction=Direction.OUT,
    )
    return app


def _set_status(session: Session, ctx: Ctx, app: Application, new: Status) -> None:
    old = Status(app.status)
    app.status = new.value
    app.updated_at = ctx.now
    app.closed_at = ctx.now if new in CLOSED else None
    session.add(app)
    add_event(
        session,
        ctx,
        kind="status",
        summary=f"{old.label} → {new.label}",
        company_id=app.company_id,
        application_id=_id(app),
    )


@dataclass(frozen=True)
class GuidanceRecorded:
    company: str
    follow_up_due: datetime


def record_guidance(
    ctx: Ctx, company: str, when: datetime, text: str | None = None
) -> GuidanceRecorded:
    if when <= ctx.now:
        raise InputError("the check-back date must be in the future")
    with write_session(ctx.db, label=f"guidance {company}", now=ctx.now) as session:
        comp = lookup.company(session, company)
        app = lookup.application(session, comp)
        latest = session.exec(
            select(Interview)
            .where(Interview.application_id == app.id, col(Interview.deleted_at).is_(None))
            .order_by(col(Interview.starts_at).desc())
        ).first()
        said = clean_name(text) if text else f"check back after {when.astimezone(ctx.tz):%a %d %b}"
        if latest is not None:
            latest.guidance_text = said
            latest.guidance_at = when
            session.add(latest)
        actions = pending(session, kind="follow_up", application_id=_id(app))
        if actions:
            head, rest = actions[0], actions[1:]
            cancel(session, ctx, rest)
            head.due_at = head.next_at = when
            head.snoozed_until = None
            head.due_guessed = False
            session.add(head)
        else:
            session.add(
                new_action(
                    ctx,
                    kind="follow_up",
                    due=when,
                    company_id=_id(comp),
                    application_id=_id(app),
                    draft=follow_up_draft(name=None, role=app.title, company=comp.name),
                )
            )
        add_event(
            session,
            ctx,
            kind="guidance",
            summary=f"employer: {said}",
            company_id=_id(comp),
            application_id=_id(app),
            direction=Direction.IN,
        )
        app.updated_at = ctx.now
        session.add(app)
        return GuidanceRecorded(comp.name, when)


@dataclass(frozen=True)
class Moved:
    company: str
    old: Status
    new: Status
    bridge_check_in: datetime | None = None


def move(ctx: Ctx, company: str, status: Status, *, application_id: int | None = None) -> Moved:
    if status == Status.REJECTED:
        return reject(ctx, company, friendly=False, application_id=application_id)
    with write_session(ctx.db, label=f"move {company} to {status.label}", now=ctx.now) as session:
        app, comp = _target(session, company, application_id)
        old = Status(app.status)
        try:
            check_move(old, status)
        except StatusError as exc:
            raise InputError(f"{comp.name}: {exc}") from None
        _set_status(session, ctx, app, status)
        if status in CLOSED or status == Status.ACCEPTED:
            cancel(session, ctx, _all_pending(session, _id(app)))
        elif status == Status.ON_HOLD:
            # R9: a hold keeps a (slower) follow-up cadence instead of closing.
            cancel(session, ctx, pending(session, kind="follow_up", application_id=_id(app)))
            session.add(
                new_action(
                    ctx,
                    kind="follow_up",
                    due=ctx.now + ctx.settings.hold_cadence,
                    guessed=True,
                    company_id=_id(comp),
                    application_id=_id(app),
                    draft=follow_up_draft(name=None, role=app.title, company=comp.name),
                )
            )
        return Moved(comp.name, old, status)


def _target(
    session: Session, company: str, application_id: int | None
) -> tuple[Application, Company]:
    if application_id is not None:
        app = session.get(Application, application_id)
        if app is None or app.deleted_at is not None:
            raise InputError(f"no application #{application_id}")
        comp = session.get(Company, app.company_id)
        assert comp is not None
        return app, comp
    comp = lookup.company(session, company)
    return lookup.application(session, comp), comp


def _all_pending(session: Session, application_id: int) -> list[Action]:
    return list(
        session.exec(
            select(Action).where(
                Action.application_id == application_id,
                col(Action.done_at).is_(None),
                col(Action.deleted_at).is_(None),
                Action.kind != "thank_you",
            )
        ).all()
    )


def reject(
    ctx: Ctx,
    company: str,
    *,
    friendly: bool,
    cadence: str | None = None,
    application_id: int | None = None,
) -> Moved:
    rule = None
    if friendly:
        # Imported here: cadences bring in dateutil's rrule, which `pursuit add` and the
        # other commands never need.
        from pursuit.domain.cadence import CadenceError, parse_cadence

        try:
            rule = parse_cadence(cadence or ctx.settings.bridge_rule)
        except CadenceError as exc:
            raise InputError(str(exc)) from None
    with write_session(ctx.db, label=f"reject {company}", now=ctx.now) as session:
        app, comp = _target(session, company, application_id)
        old = Status(app.status)
        try:
            check_move(old, Status.REJECTED)
        except StatusError as exc:
            raise InputError(f"{comp.name}: {exc}") from None
        _set_status(session, ctx, app, Status.REJECTED)
        cancel(session, ctx, _all_pending(session, _id(app)))
        add_event(
            session,
            ctx,
            kind="rejected",
            direction=Direction.IN,
            company_id=_id(comp),
            application_id=_id(app),
            summary="rejected, on good terms" if friendly else "rejected",
        )
        check_in_at = None
        if rule is not None:
            # R8: a kind no is a bridge: keep in touch on a cadence.
            comp.is_bridge = True
            comp.bridge_cadence = rule.text
            comp.bridge_since = ctx.now
            session.add(comp)
            cancel(session, ctx, pending(session, kind="check_in", company_id=_id(comp)))
            check_in_at = rule.after(ctx.now, ctx.now, ctx.tz)
            contact = _first_contact(session, comp)
            session.add(
                new_action(
                    ctx,
                    kind="check_in",
                    due=check_in_at,
                    company_id=_id(comp),
                    contact_id=contact.id if contact else None,
                    draft=check_in_draft(name=contact.name if contact else None, company=comp.name),
                )
            )
            add_event(
                session,
                ctx,
                kind="bridge",
                company_id=_id(comp),
                summary=f"kept as a bridge: check in {rule.describe()}",
            )
        return Moved(comp.name, old, Status.REJECTED, check_in_at)


def _first_contact(session: Session, comp: Company) -> Contact | None:
    return session.exec(
        select(Contact)
        .where(Contact.company_id == comp.id, col(Contact.deleted_at).is_(None))
        .order_by(col(Contact.id))
    ).first()


def reopen(ctx: Ctx, company: str, title: str) -> Added:
    """A bridge paid off: a new application at the same company, keeping its history."""
    title = _required(title, "role")
    with write_session(ctx.db, label=f"reopen {company}", now=ctx.now) as session:
        comp = lookup.company(session, company)
        previous = lookup.application(session, comp, include_closed=True)
        if Status(previous.status) not in CLOSED:
            raise InputError(f"{comp.name} already has an open application")
        app = Application(
            company_id=_id(comp),
            title=title,
            status=Status.APPLIED.value,
            applied_at=ctx.now,
            created_at=ctx.now,
            updated_at=ctx.now,
            reopened_from_id=previous.id,
        )
        session.add(app)
        session.flush()
        comp.is_bridge = False
        session.add(comp)
        cancel(session, ctx, pending(session, kind="check_in", company_id=_id(comp)))
        add_event(
            session,
            ctx,
            kind="status",
            summary=f"reopened: {title}",
            direction=Direction.OUT,
            company_id=_id(comp),
            application_id=_id(app),
        )
        due = ctx.now + ctx.settings.default_guidance
        session.add(
            new_action(
                ctx,
                kind="follow_up",
                due=due,
                guessed=True,
                company_id=_id(comp),
                application_id=_id(app),
                draft=follow_up_draft(name=None, role=title, company=comp.name),
            )
        )
        return Added(_id(app), comp.name, title, Status.APPLIED, due)
