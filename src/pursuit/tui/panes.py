"""The panes together: one of them active, and the keys that move within a pane sent to it.

Focus stays on one small widget (`PaneKeys`) while the active pane changes: moving
Textual's focus from pane to pane would restyle and repaint both of them on every `tab`.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from pursuit.tui.tables import PaneTable


class PaneKeys(Widget, can_focus=True):
    """What holds the focus for the panes: keys for a pane are bound here and sent to the
    active one. It has no children, so focus leaving or returning (the filter opening and
    closing) restyles this one widget, not every pane below a focused container."""

    DEFAULT_CSS = """
    PaneKeys {
        width: 0;
        height: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "pane('select_cursor')", "Open", show=False),
        Binding("down", "pane('cursor_down')", "Down", show=False),
        Binding("up", "pane('cursor_up')", "Up", show=False),
        Binding("j", "pane('cursor_down')", "Down", show=False, id="down"),
        Binding("k", "pane('cursor_up')", "Up", show=False, id="up"),
        Binding("pagedown", "pane('page_down')", "Page down", show=False),
        Binding("pageup", "pane('page_up')", "Page up", show=False),
        Binding("home", "pane('first')", "First", show=False),
        Binding("end", "pane('last')", "Last", show=False),
    ]

    def action_pane(self, action: str) -> None:
        panes = self.parent
        assert isinstance(panes, Panes)
        getattr(panes.active, f"action_{action}")()


class Panes(Vertical):
    """The panes, one of them active; keys reach it through a `PaneKeys` among them."""

    class Switched(Message):
        """Another pane became the active one."""

        def __init__(self, table: PaneTable[Any]) -> None:
            super().__init__()
            self.table = table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._active: PaneTable[Any] | None = None

    @property
    def tables(self) -> list[PaneTable[Any]]:
        return list(self.query_children(PaneTable))

    @property
    def active(self) -> PaneTable[Any]:
        if self._active is None:
            self.activate(self.tables[0])
        assert self._active is not None
        return self._active

    def activate(self, table: PaneTable[Any]) -> None:
        if table is self._active:
            return
        if self._active is not None:
            self._active.set_active(False)
        self._active = table
        table.set_active(True)
        self.post_message(self.Switched(table))

    def on_pane_table_clicked(self, event: PaneTable.Clicked) -> None:
        self.activate(event.table)
        self.focus()

    def cycle(self, step: int) -> None:
        tables = self.tables
        index = tables.index(self.active) if self.active in tables else 0
        self.activate(tables[(index + step) % len(tables)])

    def focus(self, scroll_visible: bool = True) -> Self:
        """Focus goes to the panes' key holder, not to this container."""
        self.query_one(PaneKeys).focus(scroll_visible)
        return self
