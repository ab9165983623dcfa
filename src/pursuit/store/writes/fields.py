"""What every change to the record shares: the fields as typed, read before anything
changes; the "edit" event the timeline shows; drafts that follow a new name.

Every change to the record is a plain change of rows, so undo takes it back like any other
write; a removal is a soft delete (the row stays in the file, and in the timeline's
history). Fields arrive as the text people typed (`domain.record` reads each), the same
for the command line, the app's edit form and quick entry.
"""

from __future__ import annotations

from collections.abc import Mapping

from pursuit.domain.kinds import EventKind, Status
from pursuit.domain.record import Field, FieldError, read_field
from pursuit.domain.status import CLOSED
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.rows import AppRow, CompanyRow, EventRow
from pursuit.store.world import World
from pursuit.store.writes import make

Fields = Mapping[str, str]
"""Field name -> the text typed for it ("" clears an optional field)."""


def read_fields(specs: tuple[Field, ...], fields: Fields, ctx: Ctx) -> dict[str, object]:
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


def edit_event(
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


def retext_drafts(w: World, comp: CompanyRow, old: str, new: str, *, app: AppRow | None) -> None:
    """Pending drafts written with an old name or role read the new one."""
    if not old or old == new:
        return
    for action in w.pending(comp, app=app):
        if old in action.draft:
            action.draft = action.draft.replace(old, new)


def is_open(app: AppRow) -> bool:
    """Still in play: an accepted offer ends an application as a closed status does."""
    return app.status not in CLOSED and app.status != Status.ACCEPTED


def shown(value: object) -> str:
    """A value as an edit event's body shows it: one line, short, a dash for none."""
    if value is None or value == "":
        return "—"
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:59] + "…"
