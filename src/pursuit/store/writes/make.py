"""New rows, and the small changes every write shares (a status, a cancelled reminder)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from pursuit.domain.coach import coach_time, gap_ends, guessed_follow_up
from pursuit.domain.deadlines import effective_due
from pursuit.domain.drafts import signed
from pursuit.domain.kinds import ActionKind, Channel, Direction, EventKind, Status
from pursuit.domain.matching import name_key
from pursuit.domain.people import Person
from pursuit.domain.pesky import last_touch
from pursuit.domain.record import parse_salary
from pursuit.domain.status import CLOSED
from pursuit.domain.text import clean_name
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.rows import ActionRow, AppRow, CompanyRow, ContactRow, EventRow
from pursuit.store.world import World


def required(text: str, what: str) -> str:
    cleaned = clean_name(text)
    if not cleaned:
        raise InputError(f"{what} is empty")
    return cleaned


def event(
    w: World,
    ctx: Ctx,
    *,
    kind: EventKind,
    summary: str,
    company_id: int,
    application_id: int | None = None,
    contact_id: int | None = None,
    direction: Direction | None = None,
    channel: Channel | None = None,
    body: str | None = None,
    at: datetime | None = None,
    too_soon: bool | None = None,
) -> EventRow:
    row = EventRow(
        id=w.next_id("event"),
        at=at or ctx.now,
        kind=kind,
        direction=direction,
        channel=channel,
        company_id=company_id,
        application_id=application_id,
        contact_id=contact_id,
        summary=summary,
        body=body,
        created_at=ctx.now,
        too_soon=too_soon,
    )
    w.add(row)
    return row


def action(
    w: World,
    ctx: Ctx,
    *,
    kind: ActionKind,
    due: datetime,
    company_id: int,
    application_id: int | None = None,
    contact_id: int | None = None,
    interview_id: int | None = None,
    draft: str = "",
    guessed: bool = False,
) -> ActionRow:
    row = ActionRow(
        id=w.next_id("action"),
        kind=kind,
        due_at=due,
        due_guessed=guessed,
        snoozed_until=None,
        next_at=due,
        done_at=None,
        company_id=company_id,
        application_id=application_id,
        contact_id=contact_id,
        interview_id=interview_id,
        # Every draft pursuit writes ends with the user's signature, if they set one.
        draft=signed(draft, ctx.settings.signature) if draft else draft,
        sent_note=None,
        created_at=ctx.now,
    )
    w.add(row)
    return row


def application(
    w: World,
    ctx: Ctx,
    comp: CompanyRow,
    title: str,
    *,
    status: Status,
    applied_at: datetime | None,
    source: str | None = None,
    url: str | None = None,
    salary: str | None = None,
    notes: str = "",
    reopened_from: int | None = None,
) -> AppRow:
    # The salary as typed, and the range it reads as (for sorting), when it reads as one.
    salary_range = parse_salary(salary) if salary else None
    row = AppRow(
        id=w.next_id("application"),
        company_id=comp.id,
        title=title,
        status=status,
        source=source,
        url=url,
        priority=0,
        salary=salary,
        notes=notes,
        applied_at=applied_at,
        created_at=ctx.now,
        updated_at=ctx.now,
        reopened_from_id=reopened_from,
        salary_low=salary_range.low if salary_range else None,
        salary_high=salary_range.high if salary_range else None,
    )
    w.add(row)
    return row


def cancel(ctx: Ctx, actions: Iterable[ActionRow]) -> None:
    """Superseded reminders are soft-deleted, so undo brings them back."""
    for row in actions:
        row.deleted_at = ctx.now


def company(w: World, ctx: Ctx, name: str, *, force: bool = False) -> CompanyRow:
    """The company of this name, in any case or accents (a removed one comes back), or a
    new one. A new name that only looks like a known one ("Аcme" with a Cyrillic А, or
    "Acmé" beside both "Acme" and "Acmè") asks first: Refused, unless `force`."""
    found = w.company_alike(name)
    if found is not None:
        found.deleted_at = None
        return found
    other = None if force else w.look_alike(name)
    if other is not None:
        raise Refused(
            f'"{name}" looks like {other}, which is already here',
            [
                "the names differ only in accents or letters of another script; add it "
                "anyway if it is another company, or use the name as it is"
            ],
        )
    row = CompanyRow(
        id=w.next_id("company"),
        name=name,
        name_key=name_key(name),
        is_bridge=False,
        bridge_cadence=None,
        bridge_since=None,
        notes="",
        created_at=ctx.now,
    )
    w.add(row)
    return row


def contact(
    w: World, ctx: Ctx, comp: CompanyRow, person: Person, email: str | None = None
) -> ContactRow:
    """The live contact of that name at the company (learning a role or email it lacked),
    or a new one."""
    name = required(person.name, "interviewer name")
    role = clean_name(person.role) if person.role else None
    for existing in w.people(comp):
        if name_key(existing.name) == name_key(name):
            if role and not existing.role:
                existing.role = role
            if email and not existing.email:
                existing.email = email
            return existing
    row = ContactRow(
        id=w.next_id("contact"),
        company_id=comp.id,
        name=name,
        role=role,
        email=email,
        talking_point=None,
        notes="",
        created_at=ctx.now,
    )
    w.add(row)
    return row


def set_status(w: World, ctx: Ctx, app: AppRow, new: Status) -> None:
    old = app.status
    app.status = new
    app.updated_at = ctx.now
    app.closed_at = ctx.now if new in CLOSED else None
    event(
        w,
        ctx,
        kind=EventKind.STATUS,
        summary=f"{old.label} → {new.label}",
        company_id=app.company_id,
        application_id=app.id,
    )


def last_contact(w: World, ctx: Ctx, app: AppRow) -> datetime | None:
    return last_touch(w.touches(app), ctx.now)


def guess(w: World, ctx: Ctx, app: AppRow, after: datetime, wait: timedelta) -> datetime:
    """R4's guessed follow-up: `wait` after `after`, on a working day at the usual time,
    never inside R5's gap after the last contact."""
    return guessed_follow_up(after, wait, last_contact(w, ctx, app), ctx.settings, ctx.tz)


def keep_follow_ups_clear(w: World, ctx: Ctx, comp: CompanyRow, app: AppRow) -> None:
    """After a touch, a guessed follow-up still pending moves past R5's gap, so the agenda
    never shows as due what `followup` would refuse. The employer's own dates stay."""
    last = last_contact(w, ctx, app)
    if last is None:
        return
    for row in w.pending(comp, ActionKind.FOLLOW_UP, app=app):
        if row.due_guessed and row.due_at < gap_ends(last, ctx.settings, ctx.tz):
            move_due(row, guessed_follow_up(last, timedelta(0), last, ctx.settings, ctx.tz))


def move_due(row: ActionRow, due: datetime) -> None:
    row.due_at = due
    row.next_at = effective_due(due, row.snoozed_until)


def coach_after(ctx: Ctx, when: datetime) -> datetime:
    """A date pursuit picks after a touch now: a working day, the usual time, past R5's gap."""
    return coach_time(max(when, gap_ends(ctx.now, ctx.settings, ctx.tz)), ctx.settings, ctx.tz)


def about(w: World, action: ActionRow) -> str:
    """An action in words, for undo's list: "thank-you note to Bob Lee at Acme"."""
    comp = w.company_by_id(action.company_id)
    if action.contact_id is not None and action.kind == ActionKind.THANK_YOU:
        person = w.contact_by_id(comp, action.contact_id)
        return f"{action.kind.label} to {person.name} at {comp.name}"
    if action.kind == ActionKind.CHECK_IN:
        return f"{action.kind.label} with {comp.name}"
    return f"{action.kind.label} to {comp.name}"


def first_contact(w: World, comp: CompanyRow) -> ContactRow | None:
    people = w.people(comp)
    return people[0] if people else None


def target(
    w: World, company: str, application_id: int | None, role: str | None = None
) -> tuple[AppRow, CompanyRow]:
    """The application a command is about: by id (from the app), else the company's, the
    one `role` names when it has several open (`World.application`)."""
    if application_id is not None:
        app = w.application_by_id(application_id)
        return app, w.company_by_id(app.company_id)
    comp = w.company(company)
    return w.application(comp, role=role), comp
