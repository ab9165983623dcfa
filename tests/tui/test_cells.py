"""Rows are styled by what they are (kind, status, flags), never by matching their text."""

from __future__ import annotations

from datetime import UTC, datetime

from pursuit.agenda import OPTIONS, AgendaItem, Bucket
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
