"""The top line: the options gauge, the overdue count and the filter, fitted to the width.

Each part comes in forms from the longest to the shortest (the shortest may be nothing);
when the line is too long for the terminal, the least important part that can still get
shorter does, so the overdue count is the last thing to go and is never cut in half.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget


@dataclass(frozen=True)
class Part:
    forms: tuple[Text, ...]
    """The longest first."""
    rank: int = 0
    """The higher, the sooner it gets shorter."""


def fit_line(parts: Sequence[Part], width: int) -> Text:
    chosen = [0] * len(parts)

    def length() -> int:
        return sum(p.forms[c].cell_len for p, c in zip(parts, chosen, strict=True))

    while length() > width:
        shorter = [i for i, p in enumerate(parts) if chosen[i] < len(p.forms) - 1]
        if not shorter:
            break
        pick = max(shorter, key=lambda i: (parts[i].rank, i))
        chosen[pick] += 1
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    for part, choice in zip(parts, chosen, strict=True):
        line.append_text(part.forms[choice])
    return line


class TopBar(Widget):
    DEFAULT_CSS = """
    TopBar {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: tuple[Part, ...] = ()

    def show(self, parts: Sequence[Part]) -> None:
        """Repaint only when what the line says changed (one line, no layout)."""
        if tuple(parts) != self._parts:
            self._parts = tuple(parts)
            self.refresh()

    def render(self) -> Text:
        return fit_line(self._parts, self.size.width)

    @property
    def text(self) -> str:
        """What the line says at its width now (for tests)."""
        return self.render().plain
