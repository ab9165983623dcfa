"""The review's read (issue #17): the history as the commands wrote it, on a real file."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from conftest import NOW, NY
from pursuit.demo import fill_demo
from pursuit.domain.kinds import ActionKind, Direction, EventKind, Status
from pursuit.domain.review import review
from pursuit.domain.review_facts import entered_status, prepare
from pursuit.domain.review_periods import PeriodKey, period
from pursuit.domain.settings import DEFAULTS
from pursuit.store import actions, commands, count_reads
from pursuit.store.context import Ctx
from pursuit.store.history import app_lines, read_history
from pursuit.store.undo import undo_last

DAY = timedelta(days=1)


def test_the_history_is_what_the_commands_wrote(ctx: Ctx) -> None:
    then = replace(ctx, now=NOW - 20 * DAY)
    added = commands.add_application(
        then, "Acme", "Engineer [remote]", fields={"source": "referral"}
    ).added
    actions.log_followup(replace(ctx, now=NOW - 19 * DAY), "acme", force=True)
    commands.move(replace(ctx, now=NOW - 15 * DAY), "acme", Status.SCREENING)
    actions.heard_back(replace(ctx, now=NOW - 14 * DAY), "acme")
    commands.add_application(ctx, "Globex", "SRE")
    commands.reject(ctx, "globex", friendly=True)
    with ctx.db.read() as conn:
        history = read_history(conn)
    assert [(a.id, a.status, a.source) for a in history.apps] == [
        (added.application_id, Status.SCREENING, "referral"),
        (added.application_id + 1, Status.REJECTED, None),
    ]
    kinds = [(e.kind, e.direction, entered_status(e.summary)) for e in history.events]
    assert kinds == [
        (EventKind.STATUS, Direction.OUT, Status.APPLIED),
        (EventKind.FOLLOW_UP, Direction.OUT, None),
        (EventKind.STATUS, None, Status.SCREENING),
        (EventKind.REPLY, Direction.IN, None),
        (EventKind.STATUS, Direction.OUT, Status.APPLIED),
        (EventKind.STATUS, None, Status.REJECTED),
        (EventKind.REJECTED, Direction.IN, None),
    ]
    # R5's verdict: the follow-up a day after applying was too soon.
    assert [e.too_soon for e in history.events if e.kind == EventKind.FOLLOW_UP] == [True]
    # Only status events carry their line; the rest are not needed.
    assert {e.summary for e in history.events if e.kind != EventKind.STATUS} == {""}
    assert [(x.kind, x.done_at) for x in history.actions] == [(ActionKind.CHECK_IN, None)]
    assert all(e.at.utcoffset() == timedelta(0) for e in history.events)


def test_deleted_rows_are_not_read(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    undo_last(ctx.db, now=NOW)
    with ctx.db.read() as conn:
        history = read_history(conn)
    assert (list(history.apps), list(history.events)) == ([], [])


def test_on_the_demo_the_last_week_is_the_gauge_and_lines_open(ctx: Ctx) -> None:
    fill_demo(ctx, extra_apps=40)
    with ctx.db.read() as conn:
        history = read_history(conn)
        gauge = count_reads.gauge_counts(conn, NOW)
        r = review(prepare(history, NOW, NY), period(PeriodKey.WEEK, NOW, NY), DEFAULTS)
        (last,) = r.target_weeks
        assert (last.active, last.new) == (gauge.active, gauge.new_this_week)
        every = review(prepare(history, NOW, NY), period(PeriodKey.ALL, NOW, NY), DEFAULTS)
        ids = list(every.funnel[0].ids)
        lines = app_lines(conn, ids)
    assert sorted(line.id for line in lines) == ids
    applied = [line.applied_at for line in lines]
    assert applied == sorted(applied, key=lambda a: a.timestamp() if a else 0, reverse=True)
    soylent = [line for line in lines if line.company == "Soylent"]
    assert [line.title for line in soylent] == ["Frontend Engineer [remote]"]
