"""The three panes: DataTables that update in place and keep the cursor on its row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

T = TypeVar("T")


class PaneTable(DataTable[Text], Generic[T]):
    """A pane whose rows carry the item they show, keyed by a stable id."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="down"),
        Binding("k", "cursor_up", "Up", show=False, id="up"),
    ]

    def __init__(self, columns: Sequence[tuple[str, int, int]], *, title: str, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, cell_padding=1)
        self._columns = columns
        self.border_title = title
        self.items: dict[str, T] = {}
        self._keys: list[str] = []
        self._cells: dict[str, tuple[Text, ...]] = {}
        self._narrow = False

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        for name, wide, narrow in self._columns:
            self.add_column(name, key=name or "mark", width=narrow if self._narrow else wide)

    def set_narrow(self, narrow: bool) -> None:
        """Switch column widths for the stacked layout; rows are re-added as they were."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        rows = [(key, self.items[key], self._cells[key]) for key in self._keys]
        self.clear(columns=True)
        self._keys = []
        self._add_columns()
        self.sync(rows, subtitle=str(self.border_subtitle or ""))

    @property
    def selected(self) -> T | None:
        if not self._keys or self.cursor_row < 0 or self.cursor_row >= len(self._keys):
            return None
        return self.items.get(self._keys[self.cursor_row])

    def sync(self, rows: Sequence[tuple[str, T, tuple[Text, ...]]], *, subtitle: str = "") -> None:
        """Show `rows`; cells that did not change are not touched, and the cursor stays on
        the same item even when rows above it come or go."""
        self.border_subtitle = subtitle
        keys = [key for key, _, _ in rows]
        self.items = {key: item for key, item, _ in rows}
        if keys == self._keys:
            for key, _, cells in rows:
                old = self._cells.get(key)
                if old != cells:
                    for column, (before, after) in enumerate(zip(old or (), cells, strict=False)):
                        if before != after:
                            self.update_cell(key, self._column_key(column), after)
                    self._cells[key] = cells
            return
        current = self._keys[self.cursor_row] if 0 <= self.cursor_row < len(self._keys) else None
        previous_row = self.cursor_row
        self.clear()
        self._keys = keys
        self._cells = {key: cells for key, _, cells in rows}
        for key, _, cells in rows:
            self.add_row(*cells, key=key)
        if current in self.items:
            self.move_cursor(row=keys.index(current), animate=False, scroll=True)
        elif keys:
            self.move_cursor(row=min(max(previous_row, 0), len(keys) - 1), animate=False)

    def _column_key(self, index: int) -> str:
        return self._columns[index][0] or "mark"
