"""Overdue notices are given once per time an action falls due (store level)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from pursuit.desktop.notify import Delivery, desktop_notify, overdue_to_notify
from pursuit.store import commands
from pursuit.store.actions import (
    claim_announcements,
    mark_notified,
    release_announcements,
    snooze,
)
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


def test_a_claim_is_taken_once_and_a_release_makes_it_news_again(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer", applied_at=ctx.now - timedelta(days=10))
    commands.add_application(ctx, "Globex", "SRE", applied_at=ctx.now - timedelta(days=10))
    ids = [r.id for r in overdue_to_notify(ctx.db, ctx.now)]
    assert claim_announcements(ctx, ids) == ids
    assert claim_announcements(ctx, ids) == []  # already someone's
    assert overdue_to_notify(ctx.db, ctx.now) == []
    release_announcements(ctx, ids[1:])
    assert [r.id for r in overdue_to_notify(ctx.db, ctx.now)] == ids[1:]
    assert claim_announcements(ctx, ids) == ids[1:]
    # Snoozed or done since it was read: not claimed.
    snooze(ctx, ids[0], ctx.now + timedelta(days=1))
    release_announcements(ctx, ids)
    assert claim_announcements(ctx, ids) == ids[1:]


def test_desktop_notify_says_why_it_did_not_send(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    missing = desktop_notify("pursuit: Follow up", "Acme")
    assert not missing and missing.problem == "notify-send is not installed (not on PATH)"
    exe = tmp_path / "notify-send"
    exe.write_text("#!/bin/sh\nexit 5\n")
    exe.chmod(0o700)
    failed = desktop_notify("pursuit: Follow up", "Acme")
    assert not failed and failed.problem == "notify-send failed (exit status 5)"
    exe.write_text("#!/bin/sh\nexit 0\n")
    assert desktop_notify("pursuit: Follow up", "Acme") == Delivery(True)
