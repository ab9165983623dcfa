"""The detail panel's view: lines rendered in the worker, painted line by line.

A Static re-renders (and re-measures) its whole text on the event loop whenever it is
updated, which for a long timeline was 20-30 ms each time the cursor came to rest. Here
the worker turns the detail into lines at the panel's width, and the loop only swaps them.
"""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Lines = list[list[Segment]]


def render_lines(renderable: RenderableType, width: int) -> Lines:
    """Safe in a worker thread: each call has its own Console, which writes nowhere."""
    console = Console(
        width=max(width, 1), color_system="truecolor", force_terminal=True, legacy_windows=False
    )
    return console.render_lines(renderable, console.options, pad=False)


class DetailView(ScrollView):
    DEFAULT_CSS = """
    DetailView {
        width: 1fr;
        height: 1fr;
        overflow-x: hidden;
        /* Always shown: a bar that comes and goes would cost a second layout. */
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        /* The track blends in, so only a thumb shows, and only when there is more. */
        scrollbar-background: $surface;
        scrollbar-background-hover: $surface;
        scrollbar-background-active: $surface;
        background: $surface;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: Lines = []
        self._rendered_width = 0
        self._base: Style | None = None
        self._strips: dict[int, Strip] = {}

    @property
    def text_width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    class Resized(Message):
        """The panel's width changed: the detail must be rendered again."""

    def on_resize(self) -> None:
        if self.text_width != self._rendered_width:
            self._rendered_width = self.text_width
            self.post_message(self.Resized())

    def show(self, lines: Lines) -> None:
        """Show new lines; only the lines that differ from those shown are repainted, and
        the size (whose change means a layout of the screen) changes only for a detail
        longer than the panel."""
        old = self._lines
        self._lines = lines
        size = Size(self.text_width, max(len(lines), self.scrollable_content_region.height))
        if size != self.virtual_size:
            self.virtual_size = size
        if round(self.scroll_y):
            self.scroll_to(y=0, animate=False, immediate=True)
            self._strips.clear()
            self.refresh()
            return
        width = self.size.width
        for y in range(max(len(old), len(lines))):
            was = old[y] if y < len(old) else None
            now = lines[y] if y < len(lines) else None
            if was != now:
                self._strips.pop(y, None)
                self.refresh(Region(0, y, width, 1))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base = None
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        if self._base is None:
            self._base = self.rich_style  # walks the ancestors: once per restyle
        row = round(self.scroll_y) + y
        if not 0 <= row < len(self._lines):
            return Strip.blank(self.size.width, self._base)
        strip = self._strips.get(row)
        if strip is None or strip.cell_length != self.size.width:
            strip = Strip(Segment.apply_style(self._lines[row], self._base))
            strip = self._strips[row] = strip.adjust_cell_length(self.size.width, self._base)
        return strip
