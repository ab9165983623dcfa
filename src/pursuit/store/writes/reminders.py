"""Changes to the reminders themselves: snooze, drafts, talking points, notified."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pursuit.domain.deadlines import effective_due
from pursuit.domain.drafts import with_talking_point
from pursuit.domain.kinds import ActionKind
from pursuit.domain.text import clean_name, clean_text
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.world import World
from pursuit.store.writes import make


def snooze(w: World, ctx: Ctx, action_id: int, until: datetime) -> datetime:
    if until <= ctx.now:
        raise InputError("snooze until a time in the future")
    action = w.action_by_id(action_id)
    w.label = f"snooze {make.about(w, action)}"
    action.snoozed_until = until
    action.next_at = effective_due(action.due_at, until)
    return action.next_at


def set_draft(w: World, ctx: Ctx, action_id: int, text: str) -> None:
    action = w.action_by_id(action_id)
    w.label = f"edit the draft of {make.about(w, action)}"
    action.draft = clean_text(text, multiline=True)


def set_talking_point(w: World, ctx: Ctx, company: str, name: str, point: str) -> str:
    comp = w.company(company)
    contact = w.contact(comp, name)
    w.label = f"talking point for {contact.name}"
    contact.talking_point = clean_name(point) or None
    # Notes still owed to this person pick the point up, so the draft shown is personal.
    for action in w.pending(comp, ActionKind.THANK_YOU, contact=contact):
        action.draft = with_talking_point(
            action.draft, name=contact.name, point=contact.talking_point or ""
        )
    return contact.name


def mark_notified(w: World, ctx: Ctx, action_ids: Iterable[int]) -> None:
    for action_id in action_ids:
        try:
            action = w.action_by_id(action_id)
        except InputError:
            continue  # done or removed since it was announced: nothing to remember
        action.notified_at = ctx.now


def claim_announcements(w: World, ctx: Ctx, action_ids: Iterable[int]) -> list[int]:
    """Mark as announced those of `action_ids` that are still overdue and unannounced, and
    return them: the caller announces only these. Run through `store.writer.run`, whose
    revision check reruns this on fresh rows when another process wrote meanwhile, so of
    several processes claiming at once each action goes to exactly one."""
    w.label = "announce overdue actions"
    claimed: list[int] = []
    for action_id in action_ids:
        try:
            action = w.action_by_id(action_id)
        except InputError:
            continue  # done or removed since it was read: nothing to announce
        if action.next_at > ctx.now:
            continue  # snoozed since it was read
        if action.notified_at is not None and action.notified_at >= action.next_at:
            continue  # another process announced it
        action.notified_at = ctx.now
        claimed.append(action_id)
    return claimed


def release_announcements(w: World, ctx: Ctx, action_ids: Iterable[int]) -> None:
    """Announcing these failed (no notify-send, or it failed): not announced after all,
    so the next run tries again."""
    w.label = "announcement failed"
    for action_id in action_ids:
        try:
            action = w.action_by_id(action_id)
        except InputError:
            continue
        action.notified_at = None
