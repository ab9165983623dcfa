"""The history (h): applications that ended, with how and when, most recently closed first.

`/` searches company, role, outcome and people as you type; enter on a row opens the same
detail as the main screen's; escape clears a search, then closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Static

from pursuit.domain.text import clean_text
from pursuit.store.database import Database
from pursuit.store.past_reads import PastRow, closed_applications
from pursuit.tui.cells import local

SEARCH_SETTLE = 0.15
"""Seconds typing pauses before the list follows."""


class HistoryLoaded(Message):
    def __init__(self, rows: list[PastRow], search: str) -> None:
        super().__init__()
        self.rows = rows
        self.search = search


class HistoryScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "back", "Close", id="history_close"),
        Binding("slash", "search", "Search", id="history_search"),
        Binding("q", "close", "Close", show=False, id="history_close_q"),
        Binding("j", "cursor(1)", "Down", show=False, id="history_down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="history_up"),
    ]

    def __init__(
        self, db: Database, tz: tzinfo, now: Callable[[], datetime], *, search: str = ""
    ) -> None:
        super().__init__()
        self._db = db
        self._tz = tz
        self._now = now
        self._search = search
        self.rows: list[PastRow] = []
        self._timer: object | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog history"):
            yield Label("History — applications that ended", classes="dialog-title")
            yield Input(id="history-search", placeholder="search: company, role, outcome, person…")
            table: DataTable[Text] = DataTable(id="history-table", cursor_type="row")
            yield table
            yield Static(id="history-empty", markup=False)
            yield Label(
                "enter open · / search · escape clear the search, then close",
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        table = self.query_one("#history-table", DataTable)
        for label, width in (("company", 22), ("role", 28), ("outcome", 24), ("closed", 18)):
            table.add_column(label, width=width, key=label)
        box = self.query_one("#history-search", Input)
        box.value = self._search
        box.display = bool(self._search)
        table.focus()
        self._load(self._search)

    @work(thread=True, exclusive=True)
    def _load(self, search: str) -> None:
        with self._db.read() as conn:
            rows = closed_applications(conn, self._now(), search=search)
        self.post_message(HistoryLoaded(rows, search))

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        message.stop()
        self.rows = message.rows
        table = self.query_one("#history-table", DataTable)
        table.clear()
        for row in message.rows:
            closed = local(row.closed_at, self._tz, self._now()) if row.closed_at else "—"
            table.add_row(
                Text(row.company),
                Text(row.title),
                Text(row.outcome or row.status.label),
                Text(closed),
                key=str(row.application_id),
            )
        empty = self.query_one("#history-empty", Static)
        if message.rows:
            empty.update("")
        elif message.search:
            empty.update(
                Text(f'no match for "{message.search}"; escape clears the search', style="dim")
            )
        else:
            empty.update(Text("nothing has ended yet", style="dim"))

    # --- search ----------------------------------------------------------------------------

    def action_search(self) -> None:
        box = self.query_one("#history-search", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#history-search")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._search = clean_text(event.value).strip()
        if self._timer is not None:
            self._timer.stop()  # type: ignore[attr-defined]
        self._timer = self.set_timer(SEARCH_SETTLE, lambda: self._load(self._search))

    @on(Input.Submitted, "#history-search")
    def _kept(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#history-table", DataTable).focus()

    def action_back(self) -> None:
        """Escape: a search is cleared first; then the history closes."""
        box = self.query_one("#history-search", Input)
        if box.value or box.has_focus:
            box.value = ""
            box.display = False
            self._search = ""
            self._load("")
            self.query_one("#history-table", DataTable).focus()
            return
        self.dismiss(None)

    def action_close(self) -> None:
        if not self.query_one("#history-search", Input).has_focus:
            self.dismiss(None)

    def action_cursor(self, step: int) -> None:
        table = self.query_one("#history-table", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    # --- open --------------------------------------------------------------------------------

    @property
    def selected(self) -> PastRow | None:
        table = self.query_one("#history-table", DataTable)
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowSelected, "#history-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.selected
        if row is None:
            return
        from pursuit.tui.detail_screen import DetailScreen

        self.app.push_screen(
            DetailScreen(
                self._db,
                self._tz,
                company_id=row.company_id,
                application_id=row.application_id,
                item=None,
                now=self._now,
            )
        )
