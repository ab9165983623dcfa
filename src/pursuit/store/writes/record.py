"""The record itself: adding without silent duplicates, changing any field, renaming and
merging companies, moving and removing people, removing applications.

Every change here is a plain change of rows, so undo takes it back like any other write;
a removal is a soft delete (the row stays in the file, and in the timeline's history).
Fields arrive as the text people typed (`domain.record` reads each), the same for the
command line, the app's edit form and quick entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pursuit.domain.deadlines import thank_you_due
from pursuit.domain.kinds import ActionKind, EventKind, Status
from pursuit.domain.matching import MatchError, match_name, name_key
from pursuit.domain.record import (
    APPLICATION_FIELDS,
    COMPANY_FIELDS,
    CONTACT_FIELDS,
    INTERVIEW_FIELDS,
    Field,
    FieldError,
    PastApplication,
    Salary,
    company_memory,
    day_month,
    read_field,
    show_remote,
)
from pursuit.domain.status import CLOSED, StatusError, check_move
from pursuit.domain.text import clean_name
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.rows import ActionRow, AppRow, CompanyRow, ContactRow, EventRow
from pursuit.store.world import World
from pursuit.store.writes import applications, make

Fields = Mapping[str, str]
"""Field name -> the text typed for it ("" clears an optional field)."""


def _read(specs: tuple[Field, ...], fields: Fields, ctx: Ctx) -> dict[str, object]:
    """Every field read before anything changes; an unknown name or bad value is one line."""
    by_name = {f.name: f for f in specs}
    values: dict[str, object] = {}
    for name, text in fields.items():
        spec = by_name.get(name)
        if spec is None:
            known = ", ".join(by_name)
            raise InputError(f"no field {name!r}; fields: {known}")
        try:
            values[name] = read_field(spec.kind, text, ctx.now, ctx.tz, label=spec.label.lower())
        except FieldError as exc:
            raise InputError(str(exc)) from None
    return values


def _edit_event(
    w: World,
    ctx: Ctx,
    comp: CompanyRow,
    summary: str,
    *,
    application_id: int | None = None,
    contact_id: int | None = None,
    body: str | None = None,
) -> EventRow:
    return make.event(
        w,
        ctx,
        kind=EventKind.EDIT,
        summary=summary,
        company_id=comp.id,
        application_id=application_id,
        contact_id=contact_id,
        body=body,
    )


def _retext_drafts(w: World, comp: CompanyRow, old: str, new: str, *, app: AppRow | None) -> None:
    """Pending drafts written with an old name or role read the new one."""
    if not old or old == new:
        return
    for action in w.pending(comp, app=app):
        if old in action.draft:
            action.draft = action.draft.replace(old, new)


# --- add, without silent duplicates ---------------------------------------------------------


@dataclass(frozen=True)
class AddedRecord:
    added: applications.Added
    typed: str
    """The company as typed; `added.company` is the one it matched (or the new one)."""
    known: str | None
    """What was known about the company already ("You applied to Globex before (…)")."""

    @property
    def matched(self) -> bool:
        return name_key(self.typed) != name_key(self.added.company)


def add_application(
    w: World,
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
    """An application. The company is matched the way every verb matches one (any case or
    accents, a unique prefix) unless `new_company` takes the name exactly; the same role
    open twice at one company is refused (R: no silent duplicates) unless `force`."""
    typed = make.required(company, "company name")
    title = make.required(title, "role")
    values = _read(APPLICATION_FIELDS, fields or {}, ctx)
    for given in ("role", "status"):
        if given in values:
            raise InputError(
                f"the {given} of a new application is given on its own, not as a field"
            )
    comp = w.company_named(typed) if new_company else w.find_company(typed)
    if comp is not None and comp.deleted_at is not None:
        comp = None
    known = None
    if comp is not None:
        live = w.applications(comp)
        for app in live:
            if name_key(app.title) == name_key(title) and _open(app) and not force:
                since = app.applied_at or app.created_at
                raise Refused(
                    f"{comp.name} already has an open application for {app.title}",
                    [
                        f"{app.status.label} since {day_month(since, ctx.tz)}; "
                        "add it again only if it is another opening"
                    ],
                )
        known = company_memory(
            comp.name,
            [PastApplication(a.title, a.status, a.applied_at, a.closed_at) for a in live],
            [(p.name, p.role) for p in w.people(comp)],
            friendly=comp.is_bridge or comp.bridge_since is not None,
            tz=ctx.tz,
        )
    added = applications.add_application(
        w,
        ctx,
        comp.name if comp is not None else typed,
        title,
        applied_at=applied_at,
        status=status,
        force=force,
    )
    app = w.application_by_id(added.application_id)
    _apply_application(w, ctx, w.company_by_id(app.company_id), app, values, event=False)
    return AddedRecord(added, typed, known)


def _open(app: AppRow) -> bool:
    return app.status not in CLOSED and app.status != Status.ACCEPTED


# --- applications ---------------------------------------------------------------------------


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
    values = _read(APPLICATION_FIELDS, fields, ctx)
    if application_id is not None:
        app = w.application_by_id(application_id)
        comp = w.company_by_id(app.company_id)
    else:
        comp = w.company(company)
        app = w.application(comp, include_closed=True)
    changed = _apply_application(w, ctx, comp, app, values, friendly=friendly)
    w.label = f"edit {comp.name} — {app.title}"
    return Edited(comp.name, f"{comp.name} — {app.title}", tuple(changed))


def _apply_application(
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
        details.append(f"{label}: {_shown(old)} → {_shown(new)}")

    if "role" in values and values["role"] != app.title:
        old_title, app.title = app.title, str(values["role"])
        _retext_drafts(w, comp, old_title, app.title, app=app)
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
        details.append(f"note: {_shown(app.notes)}")
    if changed and event:
        _edit_event(
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
            applications.reject(w, ctx, "", friendly=friendly, application_id=app.id)
        else:
            applications.enter_status(w, ctx, comp, app, status)
        changed.append("status")
        details.append(f"status: {old_status.label} → {status.label}")
    if changed:
        app.updated_at = ctx.now
    return changed


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:59] + "…"


def _day(ctx: Ctx, when: datetime | None) -> str | None:
    return None if when is None else f"{when.astimezone(ctx.tz):%Y-%m-%d}"


# --- contacts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactSaved:
    company: str
    name: str
    created: bool = False
    changed: tuple[str, ...] = ()
    moved_from: str | None = None


def save_contact(
    w: World,
    ctx: Ctx,
    company: str,
    name: str,
    *,
    fields: Fields,
    contact_id: int | None = None,
    create: bool = True,
) -> ContactSaved:
    """A person at a company: a new one, or any field of one already there (the name and
    the company too: naming another company moves them, with the record saying so)."""
    values = _read(CONTACT_FIELDS, fields, ctx)
    comp = w.company(company)
    contact = _find_contact(w, comp, name, contact_id)
    created = False
    if contact is None:
        if not create:
            raise InputError(f'{comp.name}: no person matches "{clean_name(name)}"')
        contact = ContactRow(
            id=w.next_id("contact"),
            company_id=comp.id,
            name=make.required(name, "name"),
            role=None,
            email=None,
            talking_point=None,
            notes="",
            created_at=ctx.now,
        )
        w.add(contact)
        created = True
    target = comp
    if "company" in values:
        target = w.company(str(values["company"]))
    new_name = str(values.get("name", contact.name))
    if target.id != comp.id or name_key(new_name) != name_key(contact.name):
        for other in w.people(target):
            if other.id != contact.id and name_key(other.name) == name_key(new_name):
                raise InputError(
                    f"{target.name} already has a contact named {other.name}"
                    + ("; merge the companies instead" if target.id != comp.id else "")
                )
    changed: list[str] = []
    details: list[str] = []
    if new_name != contact.name:
        old_name, contact.name = contact.name, new_name
        changed.append("name")
        details.append(f"name: {old_name} → {new_name}")
    for key, column in (("role", "role"), ("email", "email"), ("phone", "phone"), ("url", "url")):
        if key in values and values[key] != getattr(contact, column):
            details.append(f"{key}: {_shown(getattr(contact, column))} → {_shown(values[key])}")
            setattr(contact, column, values[key])
            changed.append(key)
    if "talking_point" in values and values["talking_point"] != contact.talking_point:
        contact.talking_point = values["talking_point"]  # type: ignore[assignment]
        changed.append("talking point")
        details.append(f"talking point: {_shown(contact.talking_point)}")
        from pursuit.domain.drafts import with_talking_point

        for action in w.pending(comp, ActionKind.THANK_YOU, contact=contact):
            action.draft = with_talking_point(
                action.draft, name=contact.name, point=contact.talking_point or ""
            )
    if "note" in values and values["note"] != contact.notes:
        contact.notes = str(values["note"])
        changed.append("note")
        details.append(f"note: {_shown(contact.notes)}")
    moved_from = None
    if target.id != comp.id:
        w.move_to(contact, target)
        moved_from = comp.name
        _edit_event(w, ctx, comp, f"{contact.name} moved to {target.name}", contact_id=contact.id)
        _edit_event(
            w, ctx, target, f"{contact.name} moved here from {comp.name}", contact_id=contact.id
        )
        changed.append("company")
    elif created:
        _edit_event(w, ctx, target, f"contact added: {contact.name}", contact_id=contact.id)
    elif changed:
        _edit_event(
            w,
            ctx,
            target,
            f"{contact.name}: edited " + ", ".join(changed),
            contact_id=contact.id,
            body="\n".join(details),
        )
    w.label = f"{'add' if created else 'edit'} contact {contact.name} at {target.name}"
    return ContactSaved(target.name, contact.name, created, tuple(changed), moved_from)


def _find_contact(
    w: World, comp: CompanyRow, name: str, contact_id: int | None
) -> ContactRow | None:
    people = w.people(comp)
    if contact_id is not None:
        found = next((c for c in people if c.id == contact_id), None)
        if found is None:
            raise InputError(f"{comp.name}: no contact #{contact_id}")
        return found
    text = clean_name(name)
    if not text:
        raise InputError("the person's name is empty")
    try:
        cid = match_name(text, [(c.id, c.name) for c in people], what="person")
    except MatchError as exc:
        if not str(exc).startswith("no "):  # several it could mean: say which
            raise InputError(f"{comp.name}: {exc}") from None
        return None
    return next(c for c in people if c.id == cid)


def delete_contact(
    w: World, ctx: Ctx, company: str, name: str = "", *, contact_id: int | None = None
) -> str:
    """Remove a person (a soft delete: undo brings them back, and the timeline keeps what
    happened with them); the thank-you notes still owed to them go too."""
    comp = w.company(company)
    contact = _find_contact(w, comp, name, contact_id)
    if contact is None:
        raise InputError(f'{comp.name}: no person matches "{clean_name(name)}"')
    w.label = f"delete contact {contact.name} at {comp.name}"
    contact.deleted_at = ctx.now
    make.cancel(ctx, w.pending(comp, ActionKind.THANK_YOU, contact=contact))
    _edit_event(w, ctx, comp, f"contact removed: {contact.name}", contact_id=contact.id)
    return f"{contact.name} at {comp.name}"


# --- applications removed -------------------------------------------------------------------


def delete_application(
    w: World, ctx: Ctx, company: str = "", *, application_id: int | None = None, role: str = ""
) -> str:
    """Remove an application (a soft delete: undo brings it back; its history stays in the
    company's timeline until purged on purpose); its pending reminders go with it."""
    if application_id is not None:
        app = w.application_by_id(application_id)
        comp = w.company_by_id(app.company_id)
    else:
        comp = w.company(company)
        app = (
            _application_by_role(w, comp, role)
            if role
            else w.application(comp, include_closed=True)
        )
    w.label = f"delete {comp.name} — {app.title}"
    app.deleted_at = ctx.now
    make.cancel(ctx, w.pending(comp, app=app))
    _edit_event(w, ctx, comp, f"application removed: {app.title}", application_id=app.id)
    return f"{comp.name} — {app.title}"


def _application_by_role(w: World, comp: CompanyRow, role: str) -> AppRow:
    apps = w.applications(comp)
    try:
        app_id = match_name(role, [(a.id, a.title) for a in apps], what="role")
    except MatchError as exc:
        raise InputError(f"{comp.name}: {exc}") from None
    return next(a for a in apps if a.id == app_id)


# --- interviews -----------------------------------------------------------------------------


def log_interview(
    w: World,
    ctx: Ctx,
    company: str,
    *,
    place: str | None = None,
    **given: object,
) -> applications.InterviewLogged:
    """`applications.log_interview`, and where it happens (a place or a video link)."""
    where = _read(INTERVIEW_FIELDS, {"place": place}, ctx)["place"] if place else None
    if given.get("role"):
        # A new role at a known company is at that company, as `add` would have it.
        known = w.find_company(company)
        company = known.name if known is not None else company
    result = applications.log_interview(w, ctx, company, **given)  # type: ignore[arg-type]
    if where is not None:
        comp = w.company(result.company)
        for app in w.applications(comp):
            for interview in w.interviews(app):
                if interview.id == result.interview_id:
                    interview.place = str(where)
    return result


def edit_interview(
    w: World,
    ctx: Ctx,
    company: str = "",
    *,
    fields: Fields,
    interview_id: int | None = None,
    application_id: int | None = None,
) -> Edited:
    """Change an interview (by id, else the latest of the company's current application):
    its start and length move the thank-you notes still owed for it (R3)."""
    values = _read(INTERVIEW_FIELDS, fields, ctx)
    if application_id is not None:
        app = w.application_by_id(application_id)
        comp = w.company_by_id(app.company_id)
    else:
        comp = w.company(company)
        app = w.application(comp, include_closed=True)
    if interview_id is not None:
        found = [i for a in w.applications(comp) for i in w.interviews(a) if i.id == interview_id]
        if not found:
            raise InputError(f"{comp.name}: no interview #{interview_id}")
        interview = found[0]
        app = w.application_by_id(interview.application_id)
    else:
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
            details.append(f"{key}: {_shown(getattr(interview, column))} → {_shown(value)}")
            setattr(interview, column, value)
            changed.append(key)
    if "note" in values and values["note"] != interview.notes:
        interview.notes = str(values["note"])
        changed.append("note")
        details.append(f"note: {_shown(interview.notes)}")
    if changed:
        _edit_event(
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


# --- companies ------------------------------------------------------------------------------


def edit_company(
    w: World, ctx: Ctx, company: str = "", *, fields: Fields, company_id: int | None = None
) -> Edited:
    """A company's name (a rename) and note."""
    values = _read(COMPANY_FIELDS, fields, ctx)
    comp = w.company_by_id(company_id) if company_id is not None else w.company(company)
    old = comp.name
    changed: list[str] = []
    if "name" in values and values["name"] != comp.name:
        _rename(w, ctx, comp, str(values["name"]))
        changed.append("name")
    if "note" in values and values["note"] != comp.notes:
        comp.notes = str(values["note"])
        changed.append("note")
        _edit_event(w, ctx, comp, "company note edited", body=_shown(comp.notes))
    w.label = f"rename {old} to {comp.name}" if "name" in changed else f"edit {comp.name}"
    return Edited(comp.name, comp.name, tuple(changed))


def rename_company(w: World, ctx: Ctx, company: str, new_name: str) -> tuple[str, str]:
    name = make.required(new_name, "new name")
    comp = w.company(company)
    old = comp.name
    if name == old:
        raise InputError(f"{old} already has that name")
    _rename(w, ctx, comp, name)
    w.label = f"rename {old} to {name}"
    return old, name


def _rename(w: World, ctx: Ctx, comp: CompanyRow, name: str) -> None:
    key = name_key(name)
    if key != comp.name_key:
        other = w.company_named(name)
        if other is not None and other.id != comp.id:
            if other.deleted_at is None:
                raise InputError(
                    f"there is already a company named {other.name}; to make them one: "
                    f"pursuit merge {comp.name!r} {other.name!r}"
                )
            # A removed company kept the name: it lets go of it (undo gives it back), and
            # first, so the name is free when this one takes it.
            other.name_key = f"{other.name_key} (removed #{other.id})"
            w.write_first(other)
    old = comp.name
    comp.name, comp.name_key = name, key
    _retext_drafts(w, comp, old, name, app=None)
    _edit_event(w, ctx, comp, f"renamed from {old}")


@dataclass(frozen=True)
class MergePlan:
    source: str
    target: str
    applications: tuple[str, ...]
    contacts: tuple[str, ...]
    events: int
    actions: int
    notes: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """What will move, for the question asked before (and the report after)."""
        out = [
            f"applications: {', '.join(self.applications) or 'none'}",
            f"contacts: {', '.join(self.contacts) or 'none'}",
            f"history: {self.events} event{'s' * (self.events != 1)}, "
            f"{self.actions} reminder{'s' * (self.actions != 1)}",
        ]
        return out + list(self.notes) + [f"{self.source} is then removed (undo brings it back)"]


def merge_companies(
    w: World, ctx: Ctx, source: str, target: str, *, plan_only: bool = False
) -> MergePlan:
    """Make two companies one: the source's applications, contacts, reminders and whole
    timeline move to the target, and the source is removed (a soft delete). With
    `plan_only`, says what would move and changes nothing."""
    src = w.company(source)
    dst = w.company(target)
    if src.id == dst.id:
        raise InputError(f"{src.name} and {target!r} are the same company")
    apps = w.all_applications(src)
    people = w.everyone(src)
    actions = w.all_actions(src)
    events = w.all_history(src)
    live_people = [p for p in people if p.deleted_at is None]
    notes: list[str] = []
    names_there = {name_key(p.name): p.name for p in w.people(dst)}
    for person in live_people:
        if name_key(person.name) in names_there:
            notes.append(
                f"{person.name} is at both: kept as two contacts (remove one if they are the same)"
            )
    roles_there = {name_key(a.title) for a in w.applications(dst) if _open(a)}
    for app in w.applications(src):
        if _open(app) and name_key(app.title) in roles_there:
            notes.append(
                f"{app.title} is open at both: kept as two applications (delete one if "
                "they are the same)"
            )
    if src.is_bridge and not dst.is_bridge:
        notes.append(f"{dst.name} becomes a bridge, as {src.name} was")
    plan = MergePlan(
        src.name,
        dst.name,
        tuple(f"{a.title} ({a.status.label})" for a in apps if a.deleted_at is None),
        tuple(p.name for p in live_people),
        sum(1 for e in events if e.deleted_at is None),
        sum(1 for a in actions if a.pending),
        tuple(notes),
    )
    if plan_only:
        return plan
    w.label = f"merge {src.name} into {dst.name}"
    moving: list[AppRow | ContactRow | ActionRow | EventRow] = [*apps, *people, *actions, *events]
    for row in moving:
        w.move_to(row, dst)
    if src.notes:
        dst.notes = f"{dst.notes}\n{src.notes}".strip() if dst.notes else src.notes
    if src.is_bridge and not dst.is_bridge:
        dst.is_bridge = True
        dst.bridge_cadence = src.bridge_cadence
        dst.bridge_since = src.bridge_since
    check_ins = w.pending(dst, ActionKind.CHECK_IN)
    make.cancel(ctx, check_ins[1:])  # one bridge, one next check-in: the soonest
    src.deleted_at = ctx.now
    _edit_event(
        w,
        ctx,
        dst,
        f"merged {src.name} into {dst.name}",
        body="\n".join(plan.lines()[:3]),
    )
    return plan
