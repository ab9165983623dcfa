"""Cleaning what people type before it is stored."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls (except tab and newline), DEL, and the bidi overrides/isolates that can
# make a stored name render differently from what was typed (Trojan Source style).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# A whole escape sequence (CSI, OSC ... BEL/ST) goes, not just its ESC byte, so no
# "[31m" residue or clipboard payload is left behind in a stored name.
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """Strip control characters and escape sequences; single-line text also loses newlines."""
    text = _ESCAPE.sub("", text)
    text = _CONTROL.sub("", text)
    if not multiline:
        text = " ".join(text.replace("\t", " ").splitlines())
    return unicodedata.normalize("NFC", text)


def clean_name(text: str) -> str:
    """A one-line name or title: cleaned, whitespace collapsed."""
    return " ".join(clean_text(text).split())
