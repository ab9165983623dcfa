"""Drafts and notes reflowed to the width they are shown at.

A draft is written with hard line breaks (for an email client at 72 columns); shown in a
30-column panel, those breaks plus wrapping give ragged lines. Here the lines of a
paragraph are joined and wrapped again at the width, except the breaks that mean
something: after a greeting or sign-off ("Hello,", "Best regards,") and before a list
item. A link is never cut inside a word: it starts a line of its own and, if it is wider
than the panel, breaks only after a / ? & = or #.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")
_LINK = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)
_LINK_BREAK = re.compile(r"(?<=[/?&=#])")


def _keeps_break(line: str, following: str) -> bool:
    """A break the writer meant: after a short line ending in a comma (a greeting or a
    sign-off), or before a list item."""
    stripped = line.strip()
    return (stripped.endswith(",") and len(stripped) <= 30) or bool(_LIST_ITEM.match(following))


def _paragraphs(text: str) -> list[list[str]]:
    """Paragraphs (split at blank lines), each a list of lines to wrap on their own."""
    out: list[list[str]] = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = block.split("\n")
        joined: list[str] = [lines[0]]
        for line in lines[1:]:
            if _keeps_break(joined[-1], line):
                joined.append(line)
            else:
                joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        out.append(joined)
    return out


def _link_pieces(link: str, width: int) -> list[str]:
    """A link wider than `width`, broken only after / ? & = #; a piece still too wide is
    cut at the width (nothing else would show it whole)."""
    pieces: list[str] = []
    current = ""
    for part in _LINK_BREAK.split(link):
        if current and cell_len(current) + cell_len(part) > width:
            pieces.append(current)
            current = ""
        current += part
        while cell_len(current) > width:
            pieces.append(current[:width])
            current = current[width:]
    if current:
        pieces.append(current)
    return pieces


def _wrap(line: str, width: int) -> list[str]:
    out: list[str] = []
    current = ""
    for word in line.split():
        if _LINK.match(word):
            if current:
                out.append(current)
                current = ""
            if cell_len(word) > width:
                out.extend(_link_pieces(word, width))
            else:
                out.append(word)
            continue
        if not current:
            current = word
        elif cell_len(current) + 1 + cell_len(word) <= width:
            current = f"{current} {word}"
        else:
            out.append(current)
            current = word
        while cell_len(current) > width:  # one word wider than the panel
            out.append(current[:width])
            current = current[width:]
    if current or not out:
        out.append(current)
    return out


def reflow(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells: paragraphs kept, a blank line between."""
    width = max(width, 1)
    lines: list[str] = []
    for index, paragraph in enumerate(_paragraphs(text)):
        if index:
            lines.append("")
        for line in paragraph:
            lines.extend(_wrap(line, width))
    return lines


class Prose:
    """A Rich renderable: `text` reflowed at whatever width it is rendered."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in reflow(self.text, options.max_width):
            yield Text(line, style=self.style, no_wrap=True, overflow="crop")
