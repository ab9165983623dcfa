"""People at a company: added, any field changed, moved to another company (both
timelines saying so); a new talking point rewrites the thank-you drafts still owed them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pursuit.domain.kinds import ActionKind
from pursuit.domain.matching import MatchError, match_name, name_key
from pursuit.domain.record import CONTACT_FIELDS
from pursuit.domain.text import clean_name
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.rows import CompanyRow, ContactRow
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.fields import Fields, edit_event, read_fields, shown


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
    values = read_fields(CONTACT_FIELDS, fields, ctx)
    comp = w.company(company)
    contact = find_contact(w, comp, name, contact_id)
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
            details.append(f"{key}: {shown(getattr(contact, column))} → {shown(values[key])}")
            setattr(contact, column, values[key])
            changed.append(key)
    if "talking_point" in values and values["talking_point"] != contact.talking_point:
        contact.talking_point = values["talking_point"]  # type: ignore[assignment]
        changed.append("talking point")
        details.append(f"talking point: {shown(contact.talking_point)}")
        from pursuit.domain.drafts import with_talking_point

        for action in w.pending(comp, ActionKind.THANK_YOU, contact=contact):
            action.draft = with_talking_point(
                action.draft, name=contact.name, point=contact.talking_point or ""
            )
    if "note" in values and values["note"] != contact.notes:
        contact.notes = str(values["note"])
        changed.append("note")
        details.append(f"note: {shown(contact.notes)}")
    moved_from = None
    if target.id != comp.id:
        w.move_to(contact, target)
        moved_from = comp.name
        edit_event(w, ctx, comp, f"{contact.name} moved to {target.name}", contact_id=contact.id)
        edit_event(
            w, ctx, target, f"{contact.name} moved here from {comp.name}", contact_id=contact.id
        )
        changed.append("company")
    elif created:
        edit_event(w, ctx, target, f"contact added: {contact.name}", contact_id=contact.id)
    elif changed:
        edit_event(
            w,
            ctx,
            target,
            f"{contact.name}: edited " + ", ".join(changed),
            contact_id=contact.id,
            body="\n".join(details),
        )
    w.label = f"{'add' if created else 'edit'} contact {contact.name} at {target.name}"
    return ContactSaved(target.name, contact.name, created, tuple(changed), moved_from)


def find_contact(
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
