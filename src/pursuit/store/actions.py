"""Writes on the agenda: notes sent, follow-ups, check-ins, snoozes, drafts.

Each is one definition in `store.writes`, run as one transaction by `store.writer.run`.
"""

from __future__ import annotations

from datetime import datetime

from pursuit.domain.gimmicks import Channel
from pursuit.store.context import Ctx
from pursuit.store.writer import run
from pursuit.store.writes import reminders, touches
from pursuit.store.writes.touches import CheckedIn, FollowUpLogged, ThanksSent

__all__ = ["CheckedIn", "FollowUpLogged", "ThanksSent"]


def mark_thanks(
    ctx: Ctx,
    company: str = "",
    name: str = "",
    *,
    note: str | None = None,
    force: bool = False,
    action_id: int | None = None,
    channel: Channel = Channel.EMAIL,
) -> ThanksSent:
    return run(
        ctx,
        lambda w: touches.mark_thanks(
            w, ctx, company, name, note=note, force=force, action_id=action_id, channel=channel
        ),
        label="thank-you",
    )


def follow_up_check(ctx: Ctx, company: str = "", *, application_id: int | None = None) -> list[str]:
    """R5 reasons for the app to show before it asks for confirmation (reads only)."""
    return run(
        ctx,
        lambda w: touches.follow_up_check(w, ctx, company, application_id=application_id),
        label="check",
    )


def log_followup(
    ctx: Ctx,
    company: str = "",
    *,
    note: str | None = None,
    force: bool = False,
    channel: Channel = Channel.EMAIL,
    application_id: int | None = None,
) -> FollowUpLogged:
    return run(
        ctx,
        lambda w: touches.log_followup(
            w, ctx, company, note=note, force=force, channel=channel, application_id=application_id
        ),
        label="follow-up",
    )


def heard_back(
    ctx: Ctx, company: str = "", note: str | None = None, *, application_id: int | None = None
) -> str:
    return run(
        ctx,
        lambda w: touches.heard_back(w, ctx, company, note, application_id=application_id),
        label="heard",
    )


def check_in(
    ctx: Ctx, company: str = "", *, note: str | None = None, company_id: int | None = None
) -> CheckedIn:
    return run(
        ctx,
        lambda w: touches.check_in(w, ctx, company, note=note, company_id=company_id),
        label="check-in",
    )


def snooze(ctx: Ctx, action_id: int, until: datetime) -> datetime:
    return run(ctx, lambda w: reminders.snooze(w, ctx, action_id, until), label="snooze")


def complete(ctx: Ctx, action_id: int) -> str:
    """Done without the side effects of a specific verb (e.g. a note sent by hand)."""
    return run(ctx, lambda w: touches.complete(w, ctx, action_id), label="done")


def set_draft(ctx: Ctx, action_id: int, text: str) -> None:
    run(ctx, lambda w: reminders.set_draft(w, ctx, action_id, text), label="edit draft")


def set_talking_point(ctx: Ctx, company: str, name: str, point: str) -> str:
    return run(
        ctx,
        lambda w: reminders.set_talking_point(w, ctx, company, name, point),
        label="talking point",
    )


def mark_notified(ctx: Ctx, action_ids: list[int]) -> None:
    if action_ids:
        run(
            ctx,
            lambda w: reminders.mark_notified(w, ctx, action_ids),
            label="notified",
            undoable=False,
        )


def claim_announcements(ctx: Ctx, action_ids: list[int]) -> list[int]:
    """Of `action_ids`, those this process is to announce: marked announced in one write
    transaction, so concurrent announcers never share one. Release any that fail."""
    if not action_ids:
        return []
    return run(
        ctx,
        lambda w: reminders.claim_announcements(w, ctx, action_ids),
        label="announce",
        undoable=False,
    )


def release_announcements(ctx: Ctx, action_ids: list[int]) -> None:
    """Claimed but not announced after all (the notification failed): the next run tries
    them again."""
    if action_ids:
        run(
            ctx,
            lambda w: reminders.release_announcements(w, ctx, action_ids),
            label="announcement failed",
            undoable=False,
        )
