"""The key bar: one line naming the keys that apply to what is under the cursor.

Textual's Footer mounts a widget per key and re-composes whenever the bindings change,
which is every focus change: at 120 columns that costs tens of milliseconds and a
whole-screen layout, right when the user is pressing keys. This bar is one widget that
renders one line, and repaints only when its text changed.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class KeyBar(Widget):
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--disabled"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .keybar--description {
        color: $footer-description-foreground;
    }
    KeyBar > .keybar--disabled {
        color: $text-disabled;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: tuple[tuple[str, str, str, bool], ...] = ()
        self._spans: list[tuple[int, int, str]] = []
        self._strip: Strip | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.update_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # After the refresh, so the key that moved focus is painted before this line is.
        self.call_after_refresh(self.update_keys)

    def update_keys(self) -> None:
        if not self.is_attached:
            return
        seen: set[str] = set()
        keys: list[tuple[str, str, str, bool]] = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            display = self.app.get_key_display(binding)
            keys.append((binding.key, display, binding.description, enabled))
        if tuple(keys) != self._keys:
            self._keys = tuple(keys)
            self._strip = None
            self.refresh()

    @property
    def shown(self) -> list[str]:
        """The descriptions on the bar now, disabled ones included (for tests and help)."""
        return [description for _key, _display, description, _on in self._keys]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strip = None

    def render_line(self, y: int) -> Strip:
        # One cached line, built from segments: going through render() and Rich's wrapping
        # cost a few milliseconds per change, and the bar changes as the cursor moves.
        if self._strip is None or self._strip.cell_length != self.size.width:
            self._strip = self._build().adjust_cell_length(self.size.width, self.rich_style)
        return self._strip if y == 0 else Strip.blank(self.size.width, self.rich_style)

    def _build(self) -> Strip:
        base = self.rich_style
        key_style = base + self.get_component_rich_style("keybar--key")
        description_style = base + self.get_component_rich_style("keybar--description")
        disabled_style = base + self.get_component_rich_style("keybar--disabled")
        segments: list[Segment] = []
        self._spans = []
        x = 0
        for key, display, description, enabled in self._keys:
            start = x
            parts = [(f" {display}", key_style if enabled else disabled_style)]
            if description:
                parts.append((f" {description}", description_style if enabled else disabled_style))
            parts.append((" ", base))
            for text, style in parts:
                segments.append(Segment(text, style))
                x += cell_len(text)
            if enabled:
                self._spans.append((start, x, key))
        return Strip(segments, x)

    async def _on_click(self, event: events.Click) -> None:
        # Hit-testing here rather than @click metadata, which would restyle keys as links.
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
