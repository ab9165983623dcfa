"""The revision counter and undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest

from pursuit.agenda import build_agenda
from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store import (
    action_reads,
    actions,
    application_reads,
    commands,
    company_reads,
    count_reads,
)
from pursuit.store.context import Ctx
from pursuit.store.unit import undo_last

DAY = timedelta(days=1)


def setup_acme(ctx: Ctx) -> None:
    commands.add_application(replace(ctx, now=ctx.now - 20 * DAY), "Acme", "Engineer")


def kinds(ctx: Ctx) -> list[tuple[str, str | None]]:
    agenda = build_agenda(ctx.db, ctx.now, ctx.tz, ctx.settings)
    return [(i.kind, i.contact) for i in agenda.items if i.kind != "options"]


WRITES: list[tuple[str, Callable[[Ctx], object]]] = [
    ("add", lambda c: commands.add_application(c, "Globex", "SRE")),
    (
        "interview",
        lambda c: commands.log_interview(c, "acme", at=c.now - DAY, people=(Person("Jane"),)),
    ),
    ("guidance", lambda c: commands.record_guidance(c, "acme", c.now + 9 * DAY)),
    ("move", lambda c: commands.move(c, "acme", Status.SCREENING)),
    ("reject", lambda c: commands.reject(c, "acme", friendly=True)),
    ("followup", lambda c: actions.log_followup(c, "acme")),
    ("heard", lambda c: actions.heard_back(c, "acme")),
    ("snooze", lambda c: actions.snooze(c, 1, c.now + DAY)),
    ("done", lambda c: actions.complete(c, 1)),
    ("draft", lambda c: actions.set_draft(c, 1, "edited")),
    ("notified", lambda c: actions.mark_notified(c, [1])),
    ("undo", lambda c: undo_last(c.db, now=c.now)),
]


@pytest.mark.parametrize(("name", "write"), WRITES, ids=[n for n, _ in WRITES])
def test_every_write_bumps_the_revision(
    ctx: Ctx, name: str, write: Callable[[Ctx], object]
) -> None:
    setup_acme(ctx)
    before = ctx.db.revision()
    write(ctx)
    assert ctx.db.revision() > before, name
    # A read does not.
    after = ctx.db.revision()
    build_agenda(ctx.db, ctx.now, ctx.tz, ctx.settings)
    with ctx.db.read() as conn:
        application_reads.applications(conn)
    assert ctx.db.revision() == after


def test_undo_takes_back_an_add(ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    assert undo_last(ctx.db, now=ctx.now) == "add Acme"
    with ctx.db.read() as conn:
        assert application_reads.applications(conn, include_closed=True) == []
        assert action_reads.pending_actions(conn) == []
        assert company_reads.company_names(conn) == []
        # Soft delete: the rows are still in the file, marked.
        assert conn.execute(
            "SELECT count(*) FROM application WHERE deleted_at IS NOT NULL"
        ).fetchone() == (1,)
    assert undo_last(ctx.db, now=ctx.now) is None
    # The name is free again: adding it once more revives the company.
    commands.add_application(ctx, "acme", "Engineer")
    with ctx.db.read() as conn:
        assert [r.company for r in application_reads.applications(conn)] == ["Acme"]


def test_undo_takes_back_an_interview(ctx: Ctx) -> None:
    setup_acme(ctx)
    before = kinds(ctx)
    assert before == [("follow_up", None)]
    commands.log_interview(ctx, "acme", at=ctx.now - DAY, people=(Person("Jane"), Person("Bob")))
    assert sorted(kinds(ctx)) == [("follow_up", None), ("thank_you", "Bob"), ("thank_you", "Jane")]
    assert undo_last(ctx.db, now=ctx.now) == "interview Acme"
    # The thank-you notes are gone and the follow-up it replaced is back as it was.
    assert kinds(ctx) == before
    with ctx.db.read() as conn:
        (app,) = application_reads.applications(conn)
        assert app.status == Status.APPLIED
        assert [e.kind for e in company_reads.timeline(conn, app.company_id)] == ["status"]


def test_undo_takes_back_a_status_move_and_a_bridge(ctx: Ctx) -> None:
    setup_acme(ctx)
    commands.move(ctx, "acme", Status.ON_HOLD)
    commands.reject(ctx, "acme", friendly=True)
    assert undo_last(ctx.db, now=ctx.now) == "reject Acme"
    with ctx.db.read() as conn:
        (app,) = application_reads.applications(conn)
        assert app.status == Status.ON_HOLD
        assert company_reads.bridges(conn) == []
    assert [k for k, _ in kinds(ctx)] == ["follow_up"]
    assert undo_last(ctx.db, now=ctx.now) == "move Acme to on hold"
    with ctx.db.read() as conn:
        (app,) = application_reads.applications(conn)
        assert app.status == Status.APPLIED
        assert count_reads.last_change_label(conn) == "add Acme"
