"""R8: a company that closed kindly stays a bridge, with a check-in on a cadence."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pursuit.domain.drafts import check_in_draft
from pursuit.domain.kinds import ActionKind, EventKind
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.rows import CompanyRow
from pursuit.store.world import World
from pursuit.store.writes import make as make_

if TYPE_CHECKING:
    from pursuit.domain.cadence import Cadence


def rule(ctx: Ctx, friendly: bool, cadence: str | None) -> Cadence | None:
    """The cadence a friendly close keeps in touch on (R8), checked before any write."""
    if not friendly:
        return None
    # Imported here: cadences bring in dateutil's rrule, which `pursuit add` and the other
    # commands never need.
    from pursuit.domain.cadence import CadenceError, parse_cadence

    try:
        return parse_cadence(cadence or ctx.settings.bridge_rule)
    except CadenceError as exc:
        raise InputError(str(exc)) from None


def make(w: World, ctx: Ctx, comp: CompanyRow, rule: Cadence) -> datetime:
    """R8: a company that closed kindly is a bridge: keep in touch on a cadence."""
    comp.is_bridge = True
    comp.bridge_cadence = rule.text
    comp.bridge_since = ctx.now
    make_.cancel(ctx, w.pending(comp, ActionKind.CHECK_IN))
    check_in_at = make_.coach_after(ctx, rule.after(ctx.now, ctx.now, ctx.tz))
    contact = make_.first_contact(w, comp)
    make_.action(
        w,
        ctx,
        kind=ActionKind.CHECK_IN,
        due=check_in_at,
        company_id=comp.id,
        contact_id=contact.id if contact else None,
        draft=check_in_draft(name=contact.name if contact else None, company=comp.name),
    )
    make_.event(
        w,
        ctx,
        kind=EventKind.BRIDGE,
        company_id=comp.id,
        summary=f"kept as a bridge: check in {rule.describe()}",
    )
    return check_in_at
