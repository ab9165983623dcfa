"""A company's note and name (a rename: pending drafts read the new name), and two companies
made one by a merge, after saying what would move.
"""

from __future__ import annotations

from dataclasses import dataclass

from pursuit.domain.kinds import ActionKind
from pursuit.domain.matching import name_key
from pursuit.domain.record import COMPANY_FIELDS
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.rows import ActionRow, AppRow, CompanyRow, ContactRow, EventRow
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.edits import Edited
from pursuit.store.writes.fields import (
    Fields,
    edit_event,
    is_open,
    read_fields,
    retext_drafts,
    shown,
)


def edit_company(
    w: World, ctx: Ctx, company: str = "", *, fields: Fields, company_id: int | None = None
) -> Edited:
    """A company's name (a rename) and note."""
    values = read_fields(COMPANY_FIELDS, fields, ctx)
    comp = w.company_by_id(company_id) if company_id is not None else w.company(company)
    old = comp.name
    changed: list[str] = []
    if "name" in values and values["name"] != comp.name:
        _rename(w, ctx, comp, str(values["name"]))
        changed.append("name")
    if "note" in values and values["note"] != comp.notes:
        comp.notes = str(values["note"])
        changed.append("note")
        edit_event(w, ctx, comp, "company note edited", body=shown(comp.notes))
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
    retext_drafts(w, comp, old, name, app=None)
    edit_event(w, ctx, comp, f"renamed from {old}")


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
    roles_there = {name_key(a.title) for a in w.applications(dst) if is_open(a)}
    for app in w.applications(src):
        if is_open(app) and name_key(app.title) in roles_there:
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
    edit_event(
        w,
        ctx,
        dst,
        f"merged {src.name} into {dst.name}",
        body="\n".join(plan.lines()[:3]),
    )
    return plan
