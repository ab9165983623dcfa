"""A row of another tracker's spreadsheet, added as `pursuit add` would add it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.kinds import Status
from pursuit.domain.matching import name_key
from pursuit.domain.people import Person
from pursuit.store.context import Ctx
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.applications import add_application, enter_status, reject


@dataclass(frozen=True)
class SheetRow:
    line: int
    company: str
    role: str
    status: Status
    applied_at: datetime | None
    url: str | None
    source: str | None
    salary: str | None
    contacts: tuple[tuple[Person, str | None], ...]
    """(person, email) for each contact named in the row."""
    notes: str

    def describe(self, ctx: Ctx) -> str:
        when = f", {self.applied_at.astimezone(ctx.tz):%Y-%m-%d}" if self.applied_at else ""
        return f"{self.company} — {self.role} ({self.status.label}{when})"


def already_there(w: World, ctx: Ctx, row: SheetRow) -> bool:
    """The same company and role applied to on the same day (or either without a date):
    importing a file twice adds nothing the second time."""
    comp = w.company_named(row.company)
    if comp is None:
        return False
    return any(
        name_key(app.title) == name_key(row.role) and _same_day(ctx, app.applied_at, row.applied_at)
        for app in w.applications(comp)
    )


def _same_day(ctx: Ctx, a: datetime | None, b: datetime | None) -> bool:
    if a is None or b is None:
        return True
    return a.astimezone(ctx.tz).date() == b.astimezone(ctx.tz).date()


def import_row(w: World, ctx: Ctx, row: SheetRow) -> None:
    """The application added as it was applied (its follow-up, its status event), its
    contacts met, then moved to the status the file gives, with what that move brings
    (whether or not `pursuit move` would allow that step: the file says it happened)."""
    start = Status.WISHLIST if row.status == Status.WISHLIST else Status.APPLIED
    applied_at = min(row.applied_at, ctx.now) if row.applied_at else None
    added = add_application(
        w,
        ctx,
        row.company,
        row.role,
        applied_at=applied_at,
        url=row.url,
        source=row.source,
        status=start,
        notes=row.notes,
        salary=row.salary,
        # A file cannot be asked; its names are taken as they are written.
        force=True,
    )
    app = w.application_by_id(added.application_id)
    comp = w.company_by_id(app.company_id)
    for person, email in row.contacts:
        make.contact(w, ctx, comp, person, email)
    if row.status == Status.REJECTED:
        reject(w, ctx, comp.name, friendly=False, application_id=app.id)
    elif row.status != start:
        enter_status(w, ctx, comp, app, row.status)
