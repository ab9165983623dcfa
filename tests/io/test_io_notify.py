"""Overdue notices are given once per time an action falls due (store level)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from pursuit.desktop.notify import overdue_to_notify
from pursuit.store import commands
from pursuit.store.actions import mark_notified, snooze
from pursuit.store.context import Ctx


def test_a_notice_is_given_again_only_after_a_snooze_runs_out(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer", applied_at=ctx.now - timedelta(days=10))
    (row,) = overdue_to_notify(ctx.db, ctx.now)
    mark_notified(ctx, [row.id])
    assert overdue_to_notify(ctx.db, ctx.now) == []

    snooze(ctx, row.id, ctx.now + timedelta(days=1))
    assert overdue_to_notify(ctx.db, ctx.now + timedelta(hours=12)) == []
    later = replace(ctx, now=ctx.now + timedelta(days=2))
    assert [r.id for r in overdue_to_notify(later.db, later.now)] == [row.id]
    mark_notified(later, [row.id])
    assert overdue_to_notify(later.db, later.now) == []
