"""The ? screen: every key, as currently mapped, and what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="help_close"),
        Binding("question_mark", "close", "Close", show=False, id="help_close_q"),
        Binding("q", "close", "Close", show=False, id="help_close_quit"),
    ]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self._rows = rows

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        table.add_column(style="dim")
        for key, description, tip in self._rows:
            table.add_row(Text(key), Text(description), Text(tip))
        with VerticalScroll(classes="dialog help"):
            yield Label("Keys — pursuit", classes="dialog-title")
            yield Static(table, id="keys")
            # A Static, not a Label: it wraps at the dialog's width instead of being cut off.
            yield Static(
                "Everything is also in the command palette (ctrl+p). "
                "Remap keys by id under [keymap] in the config file.",
                classes="dialog-keys",
                markup=False,
            )

    def action_close(self) -> None:
        self.dismiss(None)
