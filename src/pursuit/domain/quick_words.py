"""The words quick entry knows, and where in a line they count: only outside brackets,
so a keyword inside a title or role ("Engineer [interview loop]") stays part of it."""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import read_when

__all__ = [
    "FIELD",
    "KEYWORD",
    "KIND",
    "OFFER",
    "URL",
    "QuickEntryError",
    "bracket_depths",
    "kind_of",
    "shown",
    "top_level",
    "trailing_date",
]


class QuickEntryError(ValueError):
    """A quick-entry line could not be read; the message is one line saying which part."""


URL = re.compile(r"(?<!\S)https?://\S+", re.IGNORECASE)
# Keywords count only as whole words, so "Interviewly" or "Checkbacks Inc" stay names.
KEYWORD = re.compile(r"(?<![\w-])(interview|check\s+back)(?![\w-])", re.IGNORECASE)
# A new application's fields, read only after "COMPANY / ROLE": "Via Rail / Engineer" and
# "Salary.com / Analyst" keep their names.
FIELD = re.compile(r"(?<![\w-])(salary|via|applied)(?![\w-])", re.IGNORECASE)
# "offer" starts an offer only where nothing but its date or note can follow, so "Best
# Offer Inc" and "Offer Manager" stay names.
OFFER = re.compile(r"(?<![\w-])offer(?=\s*$|\s+(?:by|note)(?![\w-])|:(?:\s|$))", re.IGNORECASE)

# How people name an interview, and the kind stored for it: the short words the record
# already uses for kinds (phone, video, onsite, final), so `--kind phone` and "phone
# screen" read the same. Two words at least where one could be a name ("Final", "Phone").
_KINDS: tuple[tuple[str, str], ...] = (
    (r"phone\s+(?:screen|call|interview)", "phone"),
    (r"video\s+(?:call|chat|interview)", "video"),
    (r"on-?site|on\s+site", "onsite"),
    (r"final\s+(?:round|interview)", "final"),
    (r"technical\s+(?:screen|round|interview)|tech\s+screen", "technical"),
)
KIND = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_KINDS))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def kind_of(m: re.Match[str]) -> str:
    """The stored kind for a `KIND` match."""
    return next(kind for i, (_, kind) in enumerate(_KINDS) if m[f"k{i}"] is not None)


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


# A date at the end of a name is worth a question only when it could not be a name:
# "Acme Today", "Tuesday Morning" and "Support 24/7" are names, "yesterday" and
# "tomorrow 3pm" are not. Capitalised words, or figures without a time, read as a name.
_WORDS_THAT_NAME = re.compile(r"(?:[A-ZÀ-Þ][^\s\d]*\s*)+|[^A-Za-z:]+")


def trailing_date(
    text: str, now: datetime, tz: tzinfo, *, words: int = 6
) -> tuple[str, str, datetime] | None:
    """`text` split into a name and the date typed after it ("Backend Engineer yesterday"
    is "Backend Engineer" and "yesterday"), longest date first, with the date it reads as;
    None when it does not end in a date, or the date could be part of the name."""
    parts = text.split()
    for start in range(max(1, len(parts) - words), len(parts)):
        tail = " ".join(parts[start:])
        if _WORDS_THAT_NAME.fullmatch(tail):
            continue
        try:
            at = read_when(tail, now, tz, prefer="future", within=None).at
        except (DateParseError, ValueError, ArithmeticError):
            continue
        return " ".join(parts[:start]), tail, at
    return None
