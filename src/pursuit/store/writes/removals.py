"""An application or a person removed: a soft delete (undo brings it back, and the
timeline keeps its history until purged on purpose), with the reminders pending for it.
"""

from __future__ import annotations

from pursuit.domain.kinds import ActionKind
from pursuit.domain.matching import MatchError, match_name
from pursuit.domain.text import clean_name
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.rows import AppRow, CompanyRow
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.contacts import find_contact
from pursuit.store.writes.fields import edit_event


def delete_contact(
    w: World, ctx: Ctx, company: str, name: str = "", *, contact_id: int | None = None
) -> str:
    """Remove a person (a soft delete: undo brings them back, and the timeline keeps what
    happened with them); the thank-you notes still owed to them go too."""
    comp = w.company(company)
    contact = find_contact(w, comp, name, contact_id)
    if contact is None:
        raise InputError(f'{comp.name}: no person matches "{clean_name(name)}"')
    w.label = f"delete contact {contact.name} at {comp.name}"
    contact.deleted_at = ctx.now
    make.cancel(ctx, w.pending(comp, ActionKind.THANK_YOU, contact=contact))
    edit_event(w, ctx, comp, f"contact removed: {contact.name}", contact_id=contact.id)
    return f"{contact.name} at {comp.name}"


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
    edit_event(w, ctx, comp, f"application removed: {app.title}", application_id=app.id)
    return f"{comp.name} — {app.title}"


def _application_by_role(w: World, comp: CompanyRow, role: str) -> AppRow:
    apps = w.applications(comp)
    try:
        app_id = match_name(role, [(a.id, a.title) for a in apps], what="role")
    except MatchError as exc:
        raise InputError(f"{comp.name}: {exc}") from None
    return next(a for a in apps if a.id == app_id)
