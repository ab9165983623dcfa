"""Messages posted by worker threads back to the app (past tense: it already happened)."""

from __future__ import annotations

from textual.message import Message

from pursuit.agenda import AgendaItem
from pursuit.store.database import Token
from pursuit.tui.detail_view import Lines
from pursuit.tui.snapshot import Detail, Snapshot


class SnapshotLoaded(Message):
    def __init__(self, snapshot: Snapshot, seq: int = 0) -> None:
        super().__init__()
        self.snapshot = snapshot
        self.seq = seq
        """Which load this is: only the latest asked for is painted."""


class DetailLoaded(Message):
    def __init__(self, detail: Detail | None, lines: Lines | None = None, seq: int = 0) -> None:
        super().__init__()
        self.detail = detail
        self.lines = lines
        """The detail already rendered at the panel's width, when the panel asked."""
        self.seq = seq
        """Which request this answers: only the latest (the row under the cursor) is shown."""


class AnnouncementsFound(Message):
    def __init__(
        self,
        items: list[AgendaItem],
        checked: frozenset[int] = frozenset(),
        still_overdue: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__()
        self.items = items
        self.checked = checked
        """The actions that overdue toasts on screen were about, looked at again."""
        self.still_overdue = still_overdue
        """Those of them still pending and overdue."""


class RevisionChanged(Message):
    def __init__(self, token: Token) -> None:
        super().__init__()
        self.token = token
