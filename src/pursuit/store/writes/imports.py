"""A row of another tracker's spreadsheet, added as `pursuit add` would add it.

Imported applications are often weeks old. Added as they were applied, each would bring a
follow-up guessed a week after that day: an import of a two-month search would open on a
screen of overdue reminders. So an imported reminder that would already be due at the
import starts from the import instead: due one follow-up wait (7 days by default) after
the import, on a working day at the usual time, at most three a day in the file's order, and still
shown as a guess. A follow-up date the file gives is the follow-up date (not a guess)
when it is still to come; a date already past is kept in the notes and the reminder
starts from the import like the others. docs/integrations.md says the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pursuit.domain.coach import working_day
from pursuit.domain.dates.zones import local_to_utc
from pursuit.domain.kinds import ActionKind, Status
from pursuit.domain.matching import name_key
from pursuit.domain.people import Person
from pursuit.store.context import Ctx
from pursuit.store.rows import ActionRow
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.applications import add_application
from pursuit.store.writes.moves import enter_status, reject

PER_DAY = 3
"""Old applications' follow-ups on one day, at most."""


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
    follow_up_at: datetime | None = None
    """The file's own follow-up date, still to come (a past one is in the notes)."""

    def describe(self, ctx: Ctx) -> str:
        when = f", {self.applied_at.astimezone(ctx.tz):%Y-%m-%d}" if self.applied_at else ""
        return f"{self.company} — {self.role} ({self.status.label}{when})"


@dataclass
class Batch:
    """What the rows of one import share: the days old rows' reminders were put on."""

    taken: dict[date, int] = field(default_factory=dict)
    first_free: date | None = None
    """No day before this one has room: each slot starts here, not at the first day, so a
    long import fills the days in one pass rather than walking them again for each row."""

    def slot(self, ctx: Ctx) -> datetime:
        """The next free working day from one follow-up wait after the import, at the usual
        time (dates a coach would choose, as every guessed date)."""
        local_now = ctx.now.astimezone(ctx.tz)
        day = (local_now + ctx.settings.default_guidance).date()
        if self.first_free is not None and self.first_free > day:
            day = self.first_free
        while not working_day(day, ctx.settings) or self.taken.get(day, 0) >= PER_DAY:
            day += timedelta(days=1)
        self.first_free = day
        self.taken[day] = self.taken.get(day, 0) + 1
        return local_to_utc(datetime.combine(day, ctx.settings.usual_time), ctx.tz)


@dataclass(frozen=True)
class Imported:
    application_id: int
    follow_up_due: datetime | None
    follow_up_guessed: bool


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


def import_row(w: World, ctx: Ctx, row: SheetRow, batch: Batch | None = None) -> Imported:
    """The application added as it was applied (its follow-up, its status event), its
    contacts met, then moved to the status the file gives, with what that move brings
    (whether or not `pursuit move` would allow that step: the file says it happened);
    then its follow-up put on the file's date, or moved past the import if it would
    already be due."""
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
    follow_ups = w.pending(comp, ActionKind.FOLLOW_UP, app=app)
    if not follow_ups:
        return Imported(app.id, None, False)
    action = follow_ups[0]
    if row.follow_up_at is not None and row.follow_up_at > ctx.now:
        # R5 still holds: never sooner than the least gap after applying.
        earliest = (applied_at or ctx.now) + ctx.settings.followup_gap
        _due(action, max(row.follow_up_at, earliest), guessed=False)
    elif action.due_at <= ctx.now:
        _due(action, (batch or Batch()).slot(ctx), guessed=True)
    return Imported(app.id, action.due_at, action.due_guessed)


def _due(action: ActionRow, when: datetime, *, guessed: bool) -> None:
    action.due_at = action.next_at = when
    action.due_guessed = guessed
