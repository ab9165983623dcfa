"""Marking an action done: by hand, or for a follow-up, saying what happened."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from pursuit.domain.drafts import follow_up_draft
from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.status import CLOSED
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.world import World
from pursuit.store.writes import make
from pursuit.store.writes.follow_ups import heard_back, log_followup, too_soon


def complete(w: World, ctx: Ctx, action_id: int) -> str:
    """Done without the side effects of a specific verb (e.g. a note sent by hand)."""
    action = w.action_by_id(action_id)
    w.label = f"{make.about(w, action)} marked done"
    early = None
    if action.kind == ActionKind.FOLLOW_UP and action.application_id is not None:
        # Done by hand is never refused, but R5's verdict is kept, as for `followup`
        # (none when the application is gone: marking done must still work).
        with contextlib.suppress(InputError):
            app = w.application_by_id(action.application_id)
            early = bool(too_soon(w, ctx, w.company_by_id(app.company_id), app))
    action.done_at = ctx.now
    if action.kind in (ActionKind.FOLLOW_UP, ActionKind.CHECK_IN):
        make.event(
            w,
            ctx,
            kind=EventKind(action.kind.value),
            summary=f"{action.kind.value.replace('_', '-')} done",
            direction=Direction.OUT,
            company_id=action.company_id,
            application_id=action.application_id,
            contact_id=action.contact_id,
            too_soon=early,
        )
    return action.kind.value


class How(StrEnum):
    """What happened to a follow-up marked done."""

    SENT = "sent"
    HEARD = "heard"
    DROP = "drop"


@dataclass(frozen=True)
class Finished:
    what: str
    """The action's kind, in words ("follow-up")."""
    company: str
    how: How | None = None
    next_due: datetime | None = None
    """The follow-up now pending for the application, if any."""
    guessed: bool = True
    warnings: list[str] = field(default_factory=list)
    ghosted_hint: str | None = None


def finish(
    w: World, ctx: Ctx, action_id: int, how: How | None = None, *, force: bool = False
) -> Finished:
    """`d`/`done`: a follow-up says what happened (sent, they answered, or dropped), so the
    application always keeps a next action; any other action is simply done."""
    action = w.action_by_id(action_id)
    comp = w.company_by_id(action.company_id)
    what = action.kind.label
    if action.kind != ActionKind.FOLLOW_UP or action.application_id is None:
        if how is not None:
            raise InputError(f"--{how.value} is for a follow-up; this is a {what}")
        complete(w, ctx, action_id)
        return Finished(what, comp.name)
    if how is None:
        raise InputError("say what happened to the follow-up: --sent, --heard or --drop")
    app = w.application_by_id(action.application_id)
    if how == How.SENT:
        # As `f`: the draft is what went out (R5 and R6 apply, and the placeholder check).
        logged = log_followup(w, ctx, application_id=app.id, note=action.draft or None, force=force)
        return Finished(
            what, comp.name, how, logged.next_due, True, logged.warnings, logged.ghosted_hint
        )
    if how == How.HEARD:
        heard_back(w, ctx, application_id=app.id)
        w.label = f"heard from {comp.name} ({what} done)"
    else:
        # Not sent and nothing heard: no touch. The reminder goes (undo brings it back).
        w.label = f"{make.about(w, action)} dropped"
        make.cancel(ctx, [action])
        app.updated_at = ctx.now
    pending = w.pending(comp, ActionKind.FOLLOW_UP, app=app)
    if not pending and app.status not in CLOSED:
        # Always a next action: a follow-up guessed from now, waiting on them until then.
        wait = (
            ctx.settings.hold_cadence
            if app.status == Status.ON_HOLD
            else ctx.settings.default_guidance
        )
        make.action(
            w,
            ctx,
            kind=ActionKind.FOLLOW_UP,
            due=make.guess(w, ctx, app, ctx.now, wait),
            guessed=True,
            company_id=comp.id,
            application_id=app.id,
            draft=follow_up_draft(name=None, role=app.title, company=comp.name),
        )
        pending = w.pending(comp, ActionKind.FOLLOW_UP, app=app)
    nxt = min(pending, key=lambda a: a.due_at) if pending else None
    return Finished(
        what,
        comp.name,
        how,
        nxt.due_at if nxt else None,
        nxt.due_guessed if nxt else True,
    )
