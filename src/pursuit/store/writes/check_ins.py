"""Check-ins with a bridge: a company that said no but stays worth keeping in touch with."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pursuit.domain.cadence import Cadence, CadenceError
from pursuit.domain.drafts import check_in_draft
from pursuit.domain.gimmicks import gimmick_warnings
from pursuit.domain.kinds import ActionKind, Direction, EventKind
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.note_checks import clean_note, personal


@dataclass(frozen=True)
class CheckedIn:
    company: str
    next_check_in: datetime
    warnings: list[str] = field(default_factory=list)


def check_in(
    w: World,
    ctx: Ctx,
    company: str = "",
    *,
    note: str | None = None,
    company_id: int | None = None,
    force: bool = False,
) -> CheckedIn:
    text = clean_note(note)
    # A check-in is a follow-up too (R6): gimmicks are worse with a company that said no.
    warnings = gimmick_warnings(text) if text else []
    comp = w.company_by_id(company_id) if company_id is not None else w.company(company)
    if not comp.is_bridge or not comp.bridge_cadence or comp.bridge_since is None:
        raise InputError(f"{comp.name} is not a bridge; reject it with --friendly first")
    w.label = f"check-in with {comp.name}"
    personal(text, comp.name, force=force)
    for action in w.pending(comp, ActionKind.CHECK_IN):
        action.done_at = ctx.now
        action.sent_note = text
    make.event(
        w,
        ctx,
        kind=EventKind.CHECK_IN,
        summary="check-in",
        direction=Direction.OUT,
        company_id=comp.id,
        body=text,
    )
    cadence = Cadence(comp.bridge_cadence)
    if not cadence.is_calendar:
        # "Every 90 days" means 90 days after this check-in, even an early one: a
        # fixed anchor would bring the next one sooner, which is pesky (R5).
        comp.bridge_since = ctx.now
    # Done late, the next one still comes at least R5's gap after this one.
    try:
        nxt = make.coach_after(ctx, cadence.after(comp.bridge_since, ctx.now, ctx.tz))
    except CadenceError as exc:  # the bridge's rule has ended (COUNT, UNTIL)
        raise InputError(f"{comp.name}: {exc}; nothing was logged") from None
    contact = make.first_contact(w, comp)
    make.action(
        w,
        ctx,
        kind=ActionKind.CHECK_IN,
        due=nxt,
        company_id=comp.id,
        contact_id=contact.id if contact else None,
        draft=check_in_draft(name=contact.name if contact else None, company=comp.name),
    )
    return CheckedIn(comp.name, nxt, warnings)
