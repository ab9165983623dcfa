"""A pane: a fixed-column table drawn line by line, cheap to repaint.

Textual's DataTable re-renders every visible cell through Rich whenever its styles change,
and a focus change restyles it: tens of milliseconds per `tab` with 10,000 applications
behind the panes. A pane here shows at most a page of rows with fixed column widths, so it
keeps each row's rendered segments (keyed by the row's signature, built in the worker) and
a key press repaints only the lines it touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, NamedTuple, TypeVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pursuit.tui.cells import PaneRows
from pursuit.tui.layout import Column, fit

T = TypeVar("T")

_CONSOLE = Console(width=500, color_system="truecolor", force_terminal=True, legacy_windows=False)
"""Only turns Text into segments (style parsing); never writes anywhere."""


def _segments(cells: Sequence[Text], widths: Sequence[int]) -> list[Segment]:
    # Each cell is its own run of segments (not one Text for the row), so a screenshot's
    # SVG places every column at its own x and columns line up in any viewer.
    out: list[Segment] = []
    for cell, width in zip(cells, widths, strict=False):
        if not width:
            continue  # a column this width has no room for
        fitted = cell.copy()
        fitted.truncate(width, overflow="ellipsis", pad=True)
        fitted.pad(1)
        # render() leaves the Text's own style to the caller (Console applies it).
        style = _CONSOLE.get_style(fitted.style) if fitted.style else None
        out.extend(Segment.apply_style(fitted.render(_CONSOLE), style))
    return out


_ROW_STATES = (0, 1, 2)
"""A row's strip: plain, under an inactive pane's cursor, under the active pane's cursor."""


class _Styles(NamedTuple):
    base: Style
    header: Style
    header_active: Style
    cursor: Style
    cursor_active: Style


def _strip(segments: list[Segment], base: Style, width: int, over: Style | None = None) -> Strip:
    # The pane's style goes under the cells' own (so a red "overdue" stays red), except on
    # a cursor row, whose colours go over them, as in any list.
    line = Strip(Segment.apply_style(segments, base, over))
    return line.adjust_cell_length(width, base if over is None else base + over)


class PaneTable(ScrollView, Generic[T], can_focus=False):
    """A pane whose rows carry the item they show, keyed by a stable id.

    Panes are not focused one by one: `Panes` holds the focus and sends keys to the active
    pane. Moving Textual's focus restyles both tables through CSS and repaints every line
    of both (20-30 ms per tab); switching the active pane repaints two lines of each."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pane-table--header",
        "pane-table--header-active",
        "pane-table--cursor",
        "pane-table--cursor-active",
    }

    DEFAULT_CSS = """
    PaneTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        & > .pane-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .pane-table--header-active {
            text-style: bold;
            background: $accent 40%;
            color: $foreground;
        }
        & > .pane-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .pane-table--cursor-active {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    class RowHighlighted(Message):
        """The cursor moved to another row (or the rows under it changed)."""

        def __init__(self, table: PaneTable[Any], key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> PaneTable[Any]:
            return self.table

    class RowSelected(Message):
        """Enter (or a click) on a row."""

        def __init__(self, table: PaneTable[Any], key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> PaneTable[Any]:
            return self.table

    class Clicked(Message):
        """A click on one of the rows: the panes make this pane the active one."""

        def __init__(self, table: PaneTable[Any]) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> PaneTable[Any]:
            return self.table

    def __init__(self, columns: Sequence[Column], *, title: str, id: str) -> None:
        super().__init__(id=id)
        self._columns = columns
        self.border_title = title
        self.items: dict[str, T] = {}
        self._rows: PaneRows[T] = PaneRows([], {}, {}, [])
        self._rendered: dict[str, list[Segment]] = {}
        self._header: list[Segment] | None = None
        self._strips: dict[tuple[str, int], Strip] = {}
        self._styles: _Styles | None = None
        self._painted_with: _Styles | None = None
        self._widths: list[int] = []
        self._laid_out_at = -1
        """The width the column widths were worked out for (tui/layout.py)."""
        self.active = False
        self.cursor_row = 0

    # --- data ------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows.keys)

    def get_row_at(self, index: int) -> tuple[Text, ...]:
        return self._rows.cells[self._rows.keys[index]]

    @property
    def selected(self) -> T | None:
        if not self._rows.keys or not 0 <= self.cursor_row < len(self._rows.keys):
            return None
        return self.items.get(self._rows.keys[self.cursor_row])

    def sync(self, rows: PaneRows[T], *, subtitle: str = "") -> None:
        """Show `rows`; only lines whose cells changed are repainted, and the cursor stays
        on the same item even when rows above it come or go."""
        if self.border_subtitle != subtitle:
            self.border_subtitle = subtitle
        current = self.selected_key
        before = self.items.get(current) if current is not None else None
        old = self._rows
        self._rows = rows
        self.items = rows.items
        if rows.keys == old.keys:
            # Most timer wakes change nothing on a pane: then one C-level list compare.
            if rows.signatures != old.signatures:
                for index, (key, sig, old_sig) in enumerate(
                    zip(rows.keys, rows.signatures, old.signatures, strict=True)
                ):
                    if sig != old_sig:
                        self._rendered.pop(key, None)
                        for state in _ROW_STATES:
                            self._strips.pop((key, state), None)
                        self._refresh_row(index)
            if current is not None and self.items[current] != before:
                self.post_message(self.RowHighlighted(self, current))
            return
        before_sigs = dict(zip(old.keys, old.signatures, strict=True))
        same = {
            k
            for k, sig in zip(rows.keys, rows.signatures, strict=True)
            if before_sigs.get(k) == sig
        }
        self._rendered = {k: v for k, v in self._rendered.items() if k in same}
        self._strips = {k: v for k, v in self._strips.items() if not k[0] or k[0] in same}
        self.virtual_size = Size(self.size.width, len(rows.keys) + 1)
        if current in self.items:
            row = rows.keys.index(current)
        else:
            row = min(max(self.cursor_row, 0), max(len(rows.keys) - 1, 0))
        moved = current not in self.items or self.items[current] != before
        self._set_cursor(row, announce=moved or row != self.cursor_row)
        self.refresh()

    @property
    def selected_key(self) -> str | None:
        return (
            self._rows.keys[self.cursor_row]
            if 0 <= self.cursor_row < len(self._rows.keys)
            else None
        )

    def set_active(self, active: bool) -> None:
        """Mark this pane as the one keys go to: its header and cursor row change colour,
        and only those two lines are repainted."""
        if active != self.active:
            self.active = active
            self._refresh_line(0)
            self._refresh_row(self.cursor_row)

    # --- cursor ----------------------------------------------------------------------

    def _set_cursor(self, row: int, *, announce: bool) -> None:
        row = min(max(row, 0), max(len(self._rows.keys) - 1, 0))
        if row != self.cursor_row:
            self._refresh_row(self.cursor_row)
            self.cursor_row = row
            self._refresh_row(row)
        self._scroll_to_cursor()
        if announce:
            self.post_message(self.RowHighlighted(self, self.selected_key))

    def _scroll_to_cursor(self) -> None:
        # Past an edge the pane turns half a page, not one line: every scroll repaints the
        # whole pane, so holding j costs one full repaint per half page instead of per row.
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_y)
        step = max(visible // 2, 1)
        if self.cursor_row < top:
            self.scroll_to(y=max(self.cursor_row - step + 1, 0), animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + step, animate=False, immediate=True)

    def _refresh_row(self, index: int) -> None:
        self._refresh_line(index + 1)

    def _move(self, row: int) -> None:
        # A key that cannot move the cursor (j on the last row) changes nothing: no
        # message, so the detail and the key bar are not reloaded for the same row.
        row = min(max(row, 0), max(len(self._rows.keys) - 1, 0))
        if row != self.cursor_row:
            self._set_cursor(row, announce=True)

    def action_cursor_down(self) -> None:
        self._move(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor_row - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor_row + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self._move(self.cursor_row - max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._rows.keys) - 1)

    def action_select_cursor(self) -> None:
        key = self.selected_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = round(self.scroll_y) + offset.y - 1
        if 0 <= row < len(self._rows.keys):
            # Posted first, so the pane is active by the time its highlight (and a double
            # click's selection) reach the app through the panes.
            self.post_message(self.Clicked(self))
            self._set_cursor(row, announce=True)
            if event.chain >= 2:
                self.action_select_cursor()

    # --- painting --------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows.keys) + 1)
        self._strips.clear()
        self._lay_out()
        self._scroll_to_cursor()
        self.refresh()

    @property
    def column_widths(self) -> list[int]:
        """Each column's width at the pane's width now (0: not shown)."""
        self._lay_out()
        return list(self._widths)

    def _lay_out(self) -> None:
        # The scrollbar's column is always set aside, so rows do not change width as it
        # comes and goes.
        width = max(self.content_region.width - self.styles.scrollbar_size_vertical, 0)
        if width != self._laid_out_at:
            self._laid_out_at = width
            self._widths = fit(self._columns, width)
            self._rendered.clear()
            self._strips.clear()
            self._header = None

    def notify_style_update(self) -> None:
        # A theme or size change restyles the pane: finished lines are stale, the rendered
        # cells are not.
        super().notify_style_update()
        self._styles = None
        self._strips.clear()

    def _line_styles(self) -> _Styles:
        # `rich_style` walks the ancestors for their backgrounds (tens of microseconds):
        # once per restyle, not once per line.
        if self._styles is None:
            base = self.rich_style
            self._styles = _Styles(
                base,
                base + self.get_component_rich_style("pane-table--header"),
                base + self.get_component_rich_style("pane-table--header-active"),
                self.get_component_rich_style("pane-table--cursor"),
                self.get_component_rich_style("pane-table--cursor-active"),
            )
        return self._styles

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._lay_out()
        styles = self._line_styles()
        if y == 0:
            strip = self._strips.get(("", self.active))
            if strip is None:
                if self._header is None:
                    names = [Text(column.title, no_wrap=True) for column in self._columns]
                    self._header = _segments(names, self._widths)
                style = styles.header_active if self.active else styles.header
                strip = self._strips[("", self.active)] = _strip(self._header, style, width)
            return strip
        row = round(self.scroll_y) + y - 1
        if not 0 <= row < len(self._rows.keys):
            return Strip.blank(width, styles.base)
        key = self._rows.keys[row]
        state = (2 if self.active else 1) if row == self.cursor_row else 0
        strip = self._strips.get((key, state))
        if strip is None:
            segments = self._rendered.get(key)
            if segments is None:
                segments = self._rendered[key] = _segments(self._rows.cells[key], self._widths)
            over = (None, styles.cursor, styles.cursor_active)[state]
            strip = self._strips[(key, state)] = _strip(segments, styles.base, width, over)
        return strip

    def _refresh_line(self, y: int) -> None:
        # Lines are counted from the top of the table (the header is line 0), so a row
        # scrolled out of view needs no repaint.
        screen_y = y - round(self.scroll_y) if y else 0
        if 0 <= screen_y < self.size.height:
            self.refresh(Region(0, screen_y, self.size.width, 1))
