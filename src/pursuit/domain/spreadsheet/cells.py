"""Cells a spreadsheet would run as formulas (CSV injection), made safe and back."""

from __future__ import annotations

__all__ = [
    "safe_cell",
    "unsafe_cell",
]

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """The cell with a leading apostrophe if a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def unsafe_cell(value: str) -> str:
    """Undo safe_cell, so pursuit's own CSV reads back as it was written."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value
