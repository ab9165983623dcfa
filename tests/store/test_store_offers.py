"""Offers to the end: the answer-by date on top, never too soon, accepting ends the
search, withdrawing keeps a bridge, and the options nudge can be quieted."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from conftest import NY
from pursuit.agenda import build_agenda
from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store import actions, commands
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.undo import undo_last

DAY = timedelta(days=1)


def search(ctx: Ctx) -> None:
    for company, role in (("Acme", "Backend Engineer"), ("Globex", "SRE"), ("Initech", "Dev")):
        commands.add_application(replace(ctx, now=ctx.now - 3 * DAY), company, role)
    commands.log_interview(
        replace(ctx, now=ctx.now - DAY),
        "acme",
        at=ctx.now - DAY - timedelta(hours=2),
        people=(Person("Ann Lee", "CTO"),),
    )
    actions.mark_thanks(replace(ctx, now=ctx.now - DAY), "acme", "ann", note="Thanks, Ann!")


def kinds(ctx: Ctx) -> list[tuple[str, str | None]]:
    agenda = build_agenda(ctx.db, ctx.now, NY, ctx.settings)
    return [(i.kind, i.company) for i in agenda.items]


def test_an_offer_is_answered_by_its_date_and_never_too_soon(ctx: Ctx) -> None:
    search(ctx)
    by = datetime(2026, 3, 20, 17, 0, tzinfo=NY)
    half_hour = replace(ctx, now=ctx.now + timedelta(minutes=30))
    recorded = commands.record_offer(half_hour, "acme", by, note="120k + equity")
    assert (recorded.company, recorded.answer_by) == ("Acme", by)
    agenda = build_agenda(ctx.db, half_hour.now, NY, ctx.settings)
    # No "follow up (a guess)" chasing an offer: its answer is the top action.
    assert [(i.kind, i.company) for i in agenda.items][:1] == [("answer_offer", "Acme")]
    assert agenda.items[0].what == "Answer the offer from Acme by Fri 20 Mar 17:00"
    assert ("follow_up", "Acme") not in [(i.kind, i.company) for i in agenda.items]
    # Replying about the offer the same hour as the call is never "too soon" (R5).
    assert actions.follow_up_check(half_hour, "acme") == []
    logged = actions.log_followup(half_hour, "acme", note="A question about the start date")
    assert logged.next_due is None  # the next step is the answer, not a guessed chase
    with pytest.raises(InputError, match="the answer-by date must be in the future"):
        commands.record_offer(half_hour, "acme", ctx.now - DAY)


def test_accepting_ends_the_search_and_withdrawing_keeps_a_bridge(ctx: Ctx) -> None:
    search(ctx)
    commands.record_offer(ctx, "acme", ctx.now + 4 * DAY)
    assert "options" in [k for k, _ in kinds(ctx)]
    commands.move(ctx, "acme", Status.ACCEPTED)
    agenda = build_agenda(ctx.db, ctx.now, NY, ctx.settings)
    # The nudge has done its job; each other open application gets a courteous withdraw.
    assert [(i.kind, i.company) for i in agenda.items] == [
        ("withdraw", "Globex"),
        ("withdraw", "Initech"),
    ]
    assert agenda.items[0].what == "Withdraw from Globex: you accepted another offer"
    assert "I have accepted\nanother offer" in agenda.items[0].draft
    done = commands.withdraw(ctx, "globex", friendly=True)
    assert done.company == "Globex" and done.bridge_check_in is not None
    assert [(k, c) for k, c in kinds(ctx)] == [("withdraw", "Initech"), ("check_in", "Globex")]
    assert undo_last(ctx.db, now=ctx.now) == "withdraw from Globex"
    assert [(k, c) for k, c in kinds(ctx)] == [("withdraw", "Globex"), ("withdraw", "Initech")]


def test_the_options_nudge_can_be_snoozed_dismissed_and_brought_back(ctx: Ctx) -> None:
    search(ctx)
    assert "options" in [k for k, _ in kinds(ctx)]
    commands.quiet_nudge(ctx, ctx.now + 2 * DAY)
    assert "options" not in [k for k, _ in kinds(ctx)]
    later = replace(ctx, now=ctx.now + 3 * DAY)
    assert "options" in [k for k, _ in kinds(later)]  # the snooze is over
    commands.quiet_nudge(ctx, None)
    assert "options" not in [k for k, _ in kinds(later)]
    assert undo_last(ctx.db, now=ctx.now) == "options nudge dismissed"
    assert "options" not in [k for k, _ in kinds(ctx)]  # back to snoozed, as it was
    commands.restore_nudge(ctx)
    assert "options" in [k for k, _ in kinds(ctx)]
    with pytest.raises(InputError, match="snooze until a time in the future"):
        commands.quiet_nudge(ctx, ctx.now - DAY)
