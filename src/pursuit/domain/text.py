"""Cleaning text: what people type before it is stored, and any text before it reaches a
terminal (`for_terminal`, the one function every line pursuit shows goes through)."""

from __future__ import annotations

import json
import re
import unicodedata

# C0/C1 controls (except tab and newline), DEL, and the bidi overrides/isolates that can
# make a stored name render differently from what was typed (Trojan Source style).
_CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
# Invisible characters that make two names look the same and compare different ("Ac\u200bme"):
# zero-width space, word joiner, byte order mark, soft hyphen, Mongolian vowel separator.
# Zero-width joiners (emoji sequences, Indic scripts) and non-joiners (Persian) are letters'
# business and stay.
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u00ad\u180e"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}{_INVISIBLE_CHARS}]")
# A whole escape sequence (CSI, OSC ... BEL/ST) goes, not just its ESC byte, so no
# "[31m" residue or clipboard payload is left behind in a stored name.
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
# Half of a surrogate pair, alone: not text (a JSON "\ud800", an undecodable argument).
_SURROGATE = re.compile("[\ud800-\udfff]")
# What may not reach a terminal. Newline, and a CR right before it (CSV and iCalendar
# line ends), are allowed where several lines are shown; a lone CR would let a line
# overwrite itself. The line and paragraph separators break lines in some terminals.
_UNSAFE = re.compile(f"\x1b|[{_CONTROL_CHARS}{_INVISIBLE_CHARS}\u2028\u2029\t\n\r\ud800-\udfff]")
_MULTILINE_UNSAFE = re.compile(
    "\x1b|\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f"
    f"\u061c{_INVISIBLE_CHARS}\u2028\u2029\ud800-\udfff]"
)
# In JSON, these are written as \\uXXXX escapes: the same string to any JSON reader, and
# nothing a terminal acts on when the JSON is printed (ensure_ascii=False leaves them raw).
_JSON_ESCAPE = re.compile(
    f"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c{_INVISIBLE_CHARS}"
    "\u2028\u2029\ud800-\udfff]"
)


def clean_text(text: str, *, multiline: bool = False) -> str:
    """Strip control characters, escape sequences and invisible characters; single-line
    text also loses newlines and tabs (each becomes a space)."""
    text = _SURROGATE.sub("\ufffd", _ESCAPE.sub("", text))
    text = _CONTROL.sub("", text)
    if not multiline:
        text = " ".join(text.replace("\t", " ").splitlines())
    return unicodedata.normalize("NFC", text)


def clean_name(text: str) -> str:
    """A one-line name or title: cleaned, whitespace collapsed."""
    return " ".join(clean_text(text).split())


def for_terminal(text: str, *, multiline: bool = False) -> str:
    """Any text, as it may be shown on a terminal: escape sequences removed whole, other
    control characters, bidi overrides and invisible characters removed, a broken
    surrogate shown as U+FFFD; tabs and line breaks become spaces unless `multiline`.

    Input is cleaned when stored, but a database written by another program, an older
    pursuit or a restore can hold anything, and so can a file being imported: this is
    what stands between those and the terminal."""
    unsafe = _MULTILINE_UNSAFE if multiline else _UNSAFE
    if unsafe.search(text) is None:
        return text
    text = _SURROGATE.sub("\ufffd", _ESCAPE.sub("", text))
    if multiline:
        return _MULTILINE_UNSAFE.sub("", text)
    text = re.sub("[\t\n\r\u2028\u2029]", " ", text)
    return _CONTROL.sub("", text)


# Unsafe and zero cells wide, so a rendered line keeps its width without them.
_ZERO_WIDTH_UNSAFE = re.compile(
    f"[{_CONTROL_CHARS}\t\n\r\u2028\u2029\u200b\u2060\ufeff\u180e\ud800-\udfff]"
)


def for_terminal_cells(text: str) -> str:
    """`for_terminal` for text already laid out in cells (a line the app has rendered):
    what a terminal would act on is removed, and nothing that takes a cell, so the line
    keeps its width. An escape sequence loses its ESC, which is all that made it one; the
    rest ("[31m") is shown as the text it now is."""
    if _ZERO_WIDTH_UNSAFE.search(text) is None:
        return text
    return _ZERO_WIDTH_UNSAFE.sub(
        lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text
    )


def json_for_terminal(data: object, *, indent: int | None = 2) -> str:
    """`data` as JSON, exact (any JSON reader gets the same strings back), with nothing in
    it that a terminal would act on: control, bidi and invisible characters as \\uXXXX."""
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
