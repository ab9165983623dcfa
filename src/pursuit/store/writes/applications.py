"""Applications and interviews: add, interview, guidance, reopen (a status changed is
moves.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from pursuit.domain.dates.showing import show_day
from pursuit.domain.deadlines import follow_up_due, thank_you_due
from pursuit.domain.drafts import follow_up_draft, thank_you_draft
from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.people import Person
from pursuit.domain.status import CLOSED
from pursuit.domain.text import clean_name, clean_text
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.rows import AppRow, CompanyRow, InterviewRow, LinkRow
from pursuit.store.world import World
from pursuit.store.writes import make


@dataclass(frozen=True)
class Added:
    application_id: int
    company: str
    title: str
    status: Status
    follow_up_due: datetime | None


def add_application(
    w: World,
    ctx: Ctx,
    company: str,
    title: str,
    *,
    applied_at: datetime | None = None,
    url: str | None = None,
    source: str | None = None,
    status: Status = Status.APPLIED,
    notes: str = "",
    salary: str | None = None,
    force: bool = False,
) -> Added:
    company_name = make.required(company, "company name")
    title = make.required(title, "role")
    if status in CLOSED or status == Status.ACCEPTED:
        raise InputError(f"a new application cannot start as {status.label}")
    if applied_at is not None and applied_at > ctx.now + timedelta(minutes=1):
        raise InputError("the date applied is in the future")
    w.label = f"add {company_name}"
    comp = make.company(w, ctx, company_name, force=force)
    when = applied_at or ctx.now
    app = make.application(
        w,
        ctx,
        comp,
        title,
        status=status,
        applied_at=when if status != Status.WISHLIST else None,
        source=clean_name(source) if source else None,
        url=clean_name(url) if url else None,
        salary=clean_name(salary) if salary else None,
        notes=clean_text(notes, multiline=True),
    )
    make.event(
        w,
        ctx,
        kind=EventKind.STATUS,
        summary=f"{status.label}: {title}",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.OUT if status != Status.WISHLIST else None,
        at=when,
    )
    due = None
    if status == Status.APPLIED:
        # Applying is a touch; check back after the default wait, shown as a guess.
        due = make.guess(w, ctx, app, when, ctx.settings.default_guidance)
        make.action(
            w,
            ctx,
            kind=ActionKind.FOLLOW_UP,
            due=due,
            company_id=comp.id,
            application_id=app.id,
            guessed=True,
            draft=follow_up_draft(name=None, role=title, company=comp.name),
        )
    return Added(app.id, comp.name, title, status, due)


@dataclass(frozen=True)
class InterviewLogged:
    interview_id: int
    company: str
    thank_you_due: datetime
    interviewers: tuple[str, ...]
    follow_up_due: datetime
    follow_up_guessed: bool


def log_interview(
    w: World,
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
    force: bool = False,
    application_id: int | None = None,
) -> InterviewLogged:
    if not people:
        raise InputError("say who interviewed you: --with NAME (once per interviewer)")
    if not 1 <= minutes <= 24 * 60:
        raise InputError("interview length must be between 1 and 1440 minutes")
    kind = make.required(kind, "interview kind").lower()
    ends = at + timedelta(minutes=minutes)
    if check_back is not None and check_back < ends:
        raise InputError("the check-back date is before the interview ends")
    for person in people:
        make.required(person.name, "interviewer name")
    if application_id is not None:
        app, comp = make.target(w, company, application_id)
    elif role:
        comp = make.company(w, ctx, make.required(company, "company name"), force=force)
        app = _open_app_or_new(w, ctx, comp, make.required(role, "role"))
    else:
        comp = w.company(company)
        app = w.application(comp)
    w.label = f"interview {comp.name}"
    interview = InterviewRow(
        id=w.next_id("interview"),
        application_id=app.id,
        starts_at=at,
        ends_at=ends,
        kind=kind,
        notes=clean_text(notes, multiline=True),
        guidance_text=clean_name(check_back_text) if check_back_text else None,
        guidance_at=check_back,
        created_at=ctx.now,
    )
    w.add(interview)
    contacts = [make.contact(w, ctx, comp, p) for p in people]
    unique = list({c.id: c for c in contacts}.values())
    due = thank_you_due(ends, ctx.settings)
    # R2 compares a note with every other one to this company, earlier rounds too, so
    # the drafts must differ from those as well; names are ignored, as R2 ignores them.
    earlier = [a.sent_note or a.draft for a in w.actions_of(comp) if a.kind == ActionKind.THANK_YOU]
    everyone = [c.name for c in w.everyone(comp)]
    drafts: list[str] = []
    for index, contact in enumerate(unique):
        w.add(LinkRow(interview.id, contact.id))
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
        make.action(
            w,
            ctx,
            kind=ActionKind.THANK_YOU,
            due=due,
            company_id=comp.id,
            application_id=app.id,
            contact_id=contact.id,
            interview_id=interview.id,
            draft=draft,
        )
    # R4: one follow-up reminder per application, at the employer's date if known.
    make.cancel(ctx, w.pending(comp, ActionKind.FOLLOW_UP, app=app))
    fu = follow_up_due(ends, check_back, ctx.settings)
    if fu.guessed:
        fu = replace(fu, at=make.guess(w, ctx, app, ends, ctx.settings.default_guidance))
    make.action(
        w,
        ctx,
        kind=ActionKind.FOLLOW_UP,
        due=fu.at,
        guessed=fu.guessed,
        company_id=comp.id,
        application_id=app.id,
        interview_id=interview.id,
        draft=follow_up_draft(name=unique[0].name, role=app.title, company=comp.name),
    )
    if app.status in (Status.WISHLIST, Status.APPLIED, Status.SCREENING):
        make.set_status(w, ctx, app, Status.INTERVIEWING)
    names = ", ".join(c.name for c in unique)
    make.event(
        w,
        ctx,
        kind=EventKind.INTERVIEW,
        summary=f"{kind} with {names}",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.IN,
        at=at,
    )
    app.updated_at = ctx.now
    return InterviewLogged(
        interview.id, comp.name, due, tuple(c.name for c in unique), fu.at, fu.guessed
    )


def _open_app_or_new(w: World, ctx: Ctx, comp: CompanyRow, role: str) -> AppRow:
    """The open application `role` names (its title, or a unique start of it), else a new
    application for that role."""
    found = w.open_role(comp, role)
    if found is not None:
        return found
    app = make.application(w, ctx, comp, role, status=Status.APPLIED, applied_at=ctx.now)
    make.event(
        w,
        ctx,
        kind=EventKind.STATUS,
        summary=f"applied: {role}",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.OUT,
    )
    return app


@dataclass(frozen=True)
class GuidanceRecorded:
    company: str
    follow_up_due: datetime


def record_guidance(
    w: World,
    ctx: Ctx,
    company: str,
    when: datetime,
    text: str | None = None,
    *,
    application_id: int | None = None,
    role: str | None = None,
) -> GuidanceRecorded:
    if when <= ctx.now:
        raise InputError("the check-back date must be in the future")
    app, comp = make.target(w, company, application_id, role)
    w.label = f"guidance {comp.name}"
    interviews = w.interviews(app)
    said = clean_name(text) if text else f"check back after {show_day(when, ctx.tz, ctx.now)}"
    if interviews:
        latest = max(interviews, key=lambda i: (i.starts_at, -i.id))
        latest.guidance_text = said
        latest.guidance_at = when
    actions = w.pending(comp, ActionKind.FOLLOW_UP, app=app)
    if actions:
        head, rest = actions[0], actions[1:]
        make.cancel(ctx, rest)
        head.due_at = head.next_at = when
        head.snoozed_until = None
        head.due_guessed = False
    else:
        make.action(
            w,
            ctx,
            kind=ActionKind.FOLLOW_UP,
            due=when,
            company_id=comp.id,
            application_id=app.id,
            draft=follow_up_draft(name=None, role=app.title, company=comp.name),
        )
    make.event(
        w,
        ctx,
        kind=EventKind.GUIDANCE,
        summary=f"employer: {said}",
        company_id=comp.id,
        application_id=app.id,
        direction=Direction.IN,
    )
    app.updated_at = ctx.now
    return GuidanceRecorded(comp.name, when)


def reopen(w: World, ctx: Ctx, company: str, title: str) -> Added:
    """A bridge paid off: a new application at the same company, keeping its history."""
    title = make.required(title, "role")
    comp = w.company(company)
    apps = w.applications(comp)
    if not apps:
        raise InputError(f"{comp.name} has no application; add one with: pursuit add")
    if any(a.status not in CLOSED for a in apps):
        raise InputError(f"{comp.name} already has an open application")
    previous = apps[0]
    w.label = f"reopen {comp.name}"
    app = make.application(
        w, ctx, comp, title, status=Status.APPLIED, applied_at=ctx.now, reopened_from=previous.id
    )
    comp.is_bridge = False
    make.cancel(ctx, w.pending(comp, ActionKind.CHECK_IN))
    make.event(
        w,
        ctx,
        kind=EventKind.STATUS,
        summary=f"reopened: {title}",
        direction=Direction.OUT,
        company_id=comp.id,
        application_id=app.id,
    )
    due = make.guess(w, ctx, app, ctx.now, ctx.settings.default_guidance)
    make.action(
        w,
        ctx,
        kind=ActionKind.FOLLOW_UP,
        due=due,
        guessed=True,
        company_id=comp.id,
        application_id=app.id,
        draft=follow_up_draft(name=None, role=title, company=comp.name),
    )
    return Added(app.id, comp.name, title, Status.APPLIED, due)
