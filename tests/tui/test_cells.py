"""Rows are styled by what they are (kind, status, flags), never by matching their text."""

from __future__ import annotations

from datetime import UTC, datetime

from pursuit.agenda import OPTIONS, AgendaItem, Bucket
from pursuit.store.context import Ctx
from pursuit.tui.cells import agenda_cells

NOW = datetime(2026, 11, 26, 15, 20, tzinfo=UTC)


def nudge(what: str, *, loud: bool) -> AgendaItem:
    return AgendaItem(OPTIONS, Bucket.TODAY, NOW, what, draft=what, loud=loud)


def test_the_options_nudge_is_loud_by_its_flag_not_by_its_words() -> None:
    # The "to do" cell, after the mark, the due time and its day.
    quiet = agenda_cells(nudge("plans can fall through", loud=False), NOW)[3]
    loud = agenda_cells(nudge("Keep options open", loud=True), NOW)[3]
    assert str(quiet.style) == "magenta"
    assert str(loud.style) == "bold magenta"


def test_an_interview_to_come_is_next_in_active_applications_before_its_notes(ctx: Ctx) -> None:
    from datetime import timedelta

    from pursuit.domain.people import Person
    from pursuit.store import commands
    from pursuit.store.application_reads import applications
    from pursuit.tui.cells import app_cells

    commands.add_application(ctx, "Massive Dynamic", "Staff Engineer")
    start = ctx.now + timedelta(days=3)
    commands.log_interview(ctx, "Massive Dynamic", at=start, people=(Person("Nina Sharp"),))

    def next_cells(now: datetime) -> list[str]:
        with ctx.db.read() as conn:
            (row,) = applications(conn, now=now)
        return [str(c) for c in app_cells(row, now, ctx.tz)[4:6]]

    # Before it: the interview and when, not the note owed a day after it ends.
    assert next_cells(ctx.now) == ["interview", "due in 3 d"]
    # While it runs it is happening now; once it has ended, the notes are next.
    assert next_cells(start + timedelta(minutes=10)) == ["interview", "now"]
    assert next_cells(start + timedelta(hours=2)) == ["thank Nina", "due in 23 h"]
