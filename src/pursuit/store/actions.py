"""Writes on the agenda: notes sent, follow-ups, check-ins, snoozes, drafts.

Each is one definition in `store.writes`, run as one transaction by `store.writer.run`.
"""

from __future__ import annotations

from datetime import datetime

from pursuit.domain.gimmicks import Channel
from pursuit.store.context import Ctx
from pursuit.store.writer import run
from pursuit.store.writes import check_ins, done, follow_ups, reminders, thanks
from pursuit.store.writes.check_ins import CheckedIn
from pursuit.store.writes.done import Finished, How
from pursuit.store.writes.follow_ups import FollowUpLogged
from pursuit.store.writes.thanks import ThanksSent

__all__ = ["CheckedIn", "Finished", "FollowUpLogged", "How", "ThanksSent"]


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
        lambda w: thanks.mark_thanks(
            w, ctx, company, name, note=note, force=force, action_id=action_id, channel=channel
        ),
        label="thank-you",
    )


def follow_up_check(
    ctx: Ctx, company: str = "", *, application_id: int | None = None, role: str | None = None
) -> list[str]:
    """R5 reasons for the app to show before it asks for confirmation (reads only)."""
    return run(
        ctx,
        lambda w: follow_ups.follow_up_check(
            w, ctx, company, application_id=application_id, role=role
        ),
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
    role: str | None = None,
) -> FollowUpLogged:
    return run(
        ctx,
        lambda w: follow_ups.log_followup(
            w,
            ctx,
            company,
            note=note,
            force=force,
            channel=channel,
            application_id=application_id,
            role=role,
        ),
        label="follow-up",
    )


def heard_back(
    ctx: Ctx,
    company: str = "",
    note: str | None = None,
    *,
    application_id: int | None = None,
    role: str | None = None,
) -> str:
    return run(
        ctx,
        lambda w: follow_ups.heard_back(
            w, ctx, company, note, application_id=application_id, role=role
        ),
        label="heard",
    )


def check_in(
    ctx: Ctx,
    company: str = "",
    *,
    note: str | None = None,
    company_id: int | None = None,
    force: bool = False,
) -> CheckedIn:
    return run(
        ctx,
        lambda w: check_ins.check_in(
            w, ctx, company, note=note, company_id=company_id, force=force
        ),
        label="check-in",
    )


def snooze(ctx: Ctx, action_id: int, until: datetime) -> datetime:
    return run(ctx, lambda w: reminders.snooze(w, ctx, action_id, until), label="snooze")


def complete(ctx: Ctx, action_id: int) -> str:
    """Done without the side effects of a specific verb (e.g. a note sent by hand)."""
    return run(ctx, lambda w: done.complete(w, ctx, action_id), label="done")


def finish(ctx: Ctx, action_id: int, how: How | None = None, *, force: bool = False) -> Finished:
    """Done: a follow-up says what happened (sent, heard back, dropped); others are done."""
    return run(ctx, lambda w: done.finish(w, ctx, action_id, how, force=force), label="done")


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
