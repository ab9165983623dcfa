"""The key bar: one line naming the keys that apply to what is under the cursor.

Textual's Footer mounts a widget per key and re-composes whenever the bindings change,
which is every focus change: at 120 columns that costs tens of milliseconds and a
whole-screen layout, right when the user is pressing keys. This bar is one widget that
renders one line, and repaints only when its text changed. It shows whole keys only:
those that fit, in order of importance, with help and quit always there.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

ALWAYS = ("help", "quit")
"""Actions on the bar at any width."""


def _cells(key: tuple[str, str, str, str, bool]) -> int:
    """The width of one key on the bar: " k Description "."""
    _action, _key, display, description, _on = key
    return cell_len(f" {display}") + (cell_len(f" {description}") if description else 0) + 1


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
        self._keys: tuple[tuple[str, str, str, str, bool], ...] = ()
        """(action, key, key as shown, description, applies) for each key on the screen."""
        self.order: Sequence[str] = ()
        """Actions in the order they are shown (the app's bindings); others come after."""
        self.priority: Sequence[str] = ()
        """Actions in order of importance, for when not all fit; others come after."""
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
        keys: list[tuple[str, str, str, str, bool]] = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            display = self.app.get_key_display(binding)
            keys.append((binding.action, binding.key, display, binding.description, enabled))
        if tuple(keys) != self._keys:
            self._keys = tuple(keys)
            self._strip = None
            self.refresh()

    @property
    def shown(self) -> list[str]:
        """The descriptions on the bar now, disabled ones included (for tests and help)."""
        return [k[3] for k in self._keys]

    @property
    def fitting(self) -> list[str]:
        """The descriptions that fit on the bar at its width now."""
        return [description for _key, _display, description, _on in self.fitted(self.size.width)]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strip = None

    def render_line(self, y: int) -> Strip:
        # One cached line, built from segments: going through render() and Rich's wrapping
        # cost a few milliseconds per change, and the bar changes as the cursor moves.
        if self._strip is None or self._strip.cell_length != self.size.width:
            self._strip = self._build(self.size.width).adjust_cell_length(
                self.size.width, self.rich_style
            )
        return self._strip if y == 0 else Strip.blank(self.size.width, self.rich_style)

    def fitted(self, width: int) -> list[tuple[str, str, str, bool]]:
        """The keys shown at `width`: whole keys only, in the app's order of importance,
        the ones that apply before those that do not, and help and quit always."""
        order = {action: i for i, action in enumerate(self.order)}
        rank = {action: i for i, action in enumerate(self.priority)}
        always = [k for k in self._keys if k[0] in ALWAYS]
        room = width - sum(_cells(k) for k in always)
        ranked = sorted(
            (k for k in self._keys if k[0] not in ALWAYS),
            key=lambda k: (not k[4], rank.get(k[0], len(rank))),
        )
        keep: set[str] = set()
        for key in ranked:
            if _cells(key) <= room:
                keep.add(key[0])
                room -= _cells(key)
        shown = [k for k in self._keys if k[0] in keep]
        shown.sort(key=lambda k: order.get(k[0], len(order)))
        return [k[1:] for k in [*shown, *always]]

    def _build(self, width: int) -> Strip:
        base = self.rich_style
        key_style = base + self.get_component_rich_style("keybar--key")
        description_style = base + self.get_component_rich_style("keybar--description")
        disabled_style = base + self.get_component_rich_style("keybar--disabled")
        segments: list[Segment] = []
        self._spans = []
        x = 0
        for key, display, description, enabled in self.fitted(width):
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
