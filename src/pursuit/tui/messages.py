"""Messages posted by worker threads back to the app (past tense: it already happened)."""

from __future__ import annotations

from textual.message import Message

from pursuit.agenda import AgendaItem
from pursuit.tui.detail_view import Lines
from pursuit.tui.snapshot import Detail, Snapshot


class SnapshotLoaded(Message):
    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.snapshot = snapshot


class DetailLoaded(Message):
    def __init__(self, detail: Detail | None, lines: Lines | None = None) -> None:
        super().__init__()
        self.detail = detail
        self.lines = lines
        """The detail already rendered at the panel's width, when the panel asked."""


class AnnouncementsFound(Message):
    def __init__(self, items: list[AgendaItem]) -> None:
        super().__init__()
        self.items = items


class RevisionChanged(Message):
    def __init__(self, revision: int) -> None:
        super().__init__()
        self.revision = revision
