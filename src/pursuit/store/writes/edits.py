"""Any field of an application or an interview changed, the timeline saying from what to
what. A new status moves by the rules `move` keeps; a new start or length moves the
thank-you notes still owed for the interview (R3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pursuit.domain.deadlines import thank_you_due
from pursuit.domain.kinds import ActionKind, Status
from pursuit.domain.record import APPLICATION_FIELDS, INTERVIEW_FIELDS, Salary, show_remote
from pursuit.domain.status import StatusError, check_move
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, WhichApplication
from pursuit.store.rows import AppRow, CompanyRow
from pursuit.store.world import World
from pursuit.store.writes import make, moves
from pursuit.store.writes.fields import Fields, edit_event, read_fields, retext_drafts, shown


@dataclass(frozen=True)
class Edited:
    company: str
    what: str
    """The record changed: "Acme — Backend Engineer", "Jane Doe at Acme"."""
    changed: tuple[str, ...] = ()
    """The fields that changed (labels); empty when everything already had those values."""
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Anything else worth saying (a check-in kept, a draft updated)."""


def edit_application(
    w: World,
    ctx: Ctx,
    company: str = "",
    *,
    fields: Fields,
    application_id: int | None = None,
    friendly: bool = False,
) -> Edited:
    """Change any field of an application (its current one, or the one by id, closed ones
    too). A new status moves it by the rules `move` keeps; to rejected, `friendly` is R8's
    answer."""
    values = read_fields(APPLICATION_FIELDS, fields, ctx)
    if application_id is not None:
        app = w.application_by_id(application_id)
        comp = w.company_by_id(app.company_id)
    else:
        comp = w.company(company)
        try:
            app = w.application(comp, include_closed=True)
        except WhichApplication as exc:
            # edit's --role is the new title: the application is said by its id.
            pairs = zip(exc.ids, exc.titles, strict=True)
            raise exc.saying(" or ".join(f"--app {i} ({t})" for i, t in pairs)) from None
    changed = apply_application(w, ctx, comp, app, values, friendly=friendly)
    w.label = f"edit {comp.name} — {app.title}"
    return Edited(comp.name, f"{comp.name} — {app.title}", tuple(changed))


def apply_application(
    w: World,
    ctx: Ctx,
    comp: CompanyRow,
    app: AppRow,
    values: dict[str, object],
    *,
    friendly: bool = False,
    event: bool = True,
) -> list[str]:
    changed: list[str] = []
    details: list[str] = []

    def note(label: str, old: object, new: object) -> None:
        changed.append(label)
        details.append(f"{label}: {shown(old)} → {shown(new)}")

    if "role" in values and values["role"] != app.title:
        old_title, app.title = app.title, str(values["role"])
        retext_drafts(w, comp, old_title, app.title, app=app)
        note("role", old_title, app.title)
    for key, column in (("source", "source"), ("url", "url"), ("location", "location")):
        if key in values and values[key] != getattr(app, column):
            old = getattr(app, column)
            setattr(app, column, values[key])
            note(key, old, values[key])
    if "remote" in values and values["remote"] != app.remote:
        old_remote, app.remote = app.remote, values["remote"]  # type: ignore[assignment]
        note("remote", show_remote(old_remote), show_remote(app.remote))
    if "salary" in values:
        salary = values["salary"]
        text = salary.text if isinstance(salary, Salary) else None
        if text != app.salary:
            old_salary = app.salary
            app.salary = text
            app.salary_low = salary.low if isinstance(salary, Salary) else None
            app.salary_high = salary.high if isinstance(salary, Salary) else None
            note("salary", old_salary, text)
    if "priority" in values and values["priority"] != app.priority:
        old_priority, app.priority = app.priority, int(values["priority"])  # type: ignore[call-overload]
        note("priority", old_priority, app.priority)
    if "applied" in values:
        applied = values["applied"]
        if applied is None and app.status != Status.WISHLIST:
            raise InputError("the date applied cannot be emptied once applied")
        if applied != app.applied_at:
            old_applied, app.applied_at = app.applied_at, applied  # type: ignore[assignment]
            note("applied", _day(ctx, old_applied), _day(ctx, app.applied_at))
    if "note" in values and values["note"] != app.notes:
        app.notes = str(values["note"])
        changed.append("note")
        details.append(f"note: {shown(app.notes)}")
    if changed and event:
        edit_event(
            w,
            ctx,
            comp,
            "edited " + ", ".join(changed),
            application_id=app.id,
            body="\n".join(details),
        )
    if "status" in values and values["status"] != app.status:
        status = Status(str(values["status"]))
        old_status = app.status
        try:
            check_move(app.status, status)
        except StatusError as exc:
            raise InputError(f"{comp.name}: {exc}") from None
        if status == Status.REJECTED:
            moves.reject(w, ctx, "", friendly=friendly, application_id=app.id)
        else:
            moves.enter_status(w, ctx, comp, app, status)
        changed.append("status")
        details.append(f"status: {old_status.label} → {status.label}")
    if changed:
        app.updated_at = ctx.now
    return changed


def _day(ctx: Ctx, when: datetime | None) -> str | None:
    return None if when is None else f"{when.astimezone(ctx.tz):%Y-%m-%d}"


def edit_interview(
    w: World,
    ctx: Ctx,
    company: str = "",
    *,
    fields: Fields,
    interview_id: int | None = None,
    application_id: int | None = None,
    role: str | None = None,
) -> Edited:
    """Change an interview (by id, else the latest of the company's current application):
    its start and length move the thank-you notes still owed for it (R3)."""
    values = read_fields(INTERVIEW_FIELDS, fields, ctx)
    app: AppRow | None = None
    if application_id is not None:
        app = w.application_by_id(application_id)
        comp = w.company_by_id(app.company_id)
    else:
        comp = w.company(company)
    if interview_id is not None:
        found = [i for a in w.applications(comp) for i in w.interviews(a) if i.id == interview_id]
        if not found:
            raise InputError(f"{comp.name}: no interview #{interview_id}")
        interview = found[0]
        app = w.application_by_id(interview.application_id)
    else:
        if app is None:
            app = w.application(comp, include_closed=True, role=role)
        interviews = w.interviews(app)
        if not interviews:
            raise InputError(f"{comp.name} — {app.title} has no interview yet")
        interview = max(interviews, key=lambda i: (i.starts_at, i.id))
    w.label = f"edit interview at {comp.name}"
    changed: list[str] = []
    details: list[str] = []
    length = interview.ends_at - interview.starts_at
    if "minutes" in values:
        length = timedelta(minutes=int(values["minutes"]))  # type: ignore[call-overload]
    start = values.get("start", interview.starts_at)
    assert isinstance(start, datetime)
    if start != interview.starts_at or start + length != interview.ends_at:
        if start != interview.starts_at:
            changed.append("start")
            details.append(f"start: {_when(ctx, interview.starts_at)} → {_when(ctx, start)}")
        if start + length != interview.ends_at:
            changed.append("length")
            details.append(f"length: {int(length.total_seconds() // 60)} min")
        interview.starts_at, interview.ends_at = start, start + length
        due = thank_you_due(interview.ends_at, ctx.settings)
        for action in w.pending(comp, ActionKind.THANK_YOU, app=app):
            if action.interview_id == interview.id:
                make.move_due(action, due)
    for key, column in (("kind", "kind"), ("place", "place")):
        if key in values and values[key] != getattr(interview, column):
            value = values[key]
            value = value.lower() if key == "kind" and isinstance(value, str) else value
            details.append(f"{key}: {shown(getattr(interview, column))} → {shown(value)}")
            setattr(interview, column, value)
            changed.append(key)
    if "note" in values and values["note"] != interview.notes:
        interview.notes = str(values["note"])
        changed.append("note")
        details.append(f"note: {shown(interview.notes)}")
    if changed:
        edit_event(
            w,
            ctx,
            comp,
            f"interview of {_when(ctx, interview.starts_at)}: edited " + ", ".join(changed),
            application_id=app.id,
            body="\n".join(details),
        )
        app.updated_at = ctx.now
    return Edited(comp.name, f"interview at {comp.name}", tuple(changed))


def _when(ctx: Ctx, when: datetime) -> str:
    local = when.astimezone(ctx.tz)
    return f"{local:%Y-%m-%d %H:%M}"
