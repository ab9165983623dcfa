"""The words quick entry knows, and where in a line they count: only outside brackets,
so a keyword inside a title or role ("Engineer [interview loop]") stays part of it."""

from __future__ import annotations

import re

__all__ = ["bracket_depths", "shown", "top_level"]


def shown(text: str) -> str:
    """`text` for a one-line message: flat, printable and short whatever was typed."""
    flat = " ".join(text.split())
    flat = "".join(ch if ch.isprintable() else "?" for ch in flat)
    return flat if len(flat) <= 40 else flat[:39] + "…"


def bracket_depths(text: str) -> list[int]:
    """How deep in brackets each character of `text` is, counting only brackets that are
    closed: an opener left unclosed ("Dev (", "[b") is a stray character, not the start of
    a role that runs to the end of the line."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for index, ch in enumerate(text):
        if ch in "([{":
            stack.append(index)
        elif ch in ")]}" and stack:
            pairs[stack.pop()] = index
    depth = 0
    closing: list[int] = []
    depths: list[int] = []
    for index in range(len(text)):
        if index in pairs:
            depth += 1
            closing.append(pairs[index])
        depths.append(depth)
        while closing and closing[-1] == index:
            closing.pop()
            depth -= 1
    return depths


def top_level(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of `pattern` outside (closed) brackets."""
    depths = bracket_depths(text)
    return [m for m in pattern.finditer(text) if depths[m.start()] == 0]
