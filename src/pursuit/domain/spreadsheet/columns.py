"""Which column of a spreadsheet is which field, and why: names, the recognised tracker's
layout, near misses, and what the values say (machine ids, checkboxes)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import get_close_matches

from pursuit.domain.spreadsheet.headers import (
    FIELDS,
    IGNORE,
    IGNORED,
    LABELS,
    header_key,
    parse_override,
)
from pursuit.domain.spreadsheet.stages import parse_tracker_status
from pursuit.domain.status import Status
from pursuit.domain.trackers import Layout, recognise

__all__ = [
    "ColumnUse",
    "SheetMap",
    "is_checked",
    "map_headers",
    "map_sheet",
]

_FUZZY_CUTOFF = 0.84
_SPELLINGS = {spelling: field for field, names in FIELDS.items() for spelling in names}
# Fields whose value is a name or text: a column of ids or of checkboxes is never one.
_TEXT_FIELDS = frozenset({"company", "role", "status", "url", "notes", "contact", "salary"})
_SAMPLE_ROWS = 500


# A machine's id: a UUID, or a long run of hex digits (Huntr's and Mongo's 24).
_ID_VALUE = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,40}", re.I
)
_CHECKED = frozenset({"yes", "y", "true", "checked", "x", "1", "✓", "✔", "☑", "✅"})
_UNCHECKED = frozenset({"no", "n", "false", "unchecked", "0", "☐", "❌", "-"})


def is_checked(value: str) -> bool:
    return value.strip().casefold() in _CHECKED


def _kind(values: list[str]) -> str:
    """ "ids", "checkbox" or "text", from the column's non-empty values."""
    seen = [v.strip() for v in values if v.strip()]
    if not seen:
        return "text"
    if all(v.casefold() in _CHECKED | _UNCHECKED for v in seen):
        return "checkbox"
    ids = sum(1 for v in seen if _ID_VALUE.fullmatch(v) and any(c.isdigit() for c in v))
    if ids * 5 >= len(seen) * 4:
        return "ids"
    return "text"


@dataclass(frozen=True)
class ColumnUse:
    index: int
    header: str
    field: str | None
    """A pursuit field, IGNORE (not read), or None (kept in the notes)."""
    how: str
    """Why: "exact name", "Huntr's column", "near match", "your mapping", "ids"..."""

    def describe(self) -> str:
        name = " ".join(self.header.split()) or f"column {self.index + 1}"
        if self.field is None:
            return f'"{name}" → notes ("{name}: …")'
        if self.field == IGNORE:
            return f'"{name}" → not read ({self.how})'
        return f'"{name}" → {LABELS[self.field]} ({self.how})'


@dataclass(frozen=True)
class SheetMap:
    """Which column is which field, and why: what an import report shows."""

    layout: str
    """The tracker recognised ("Huntr") or "spreadsheet"."""
    columns: tuple[ColumnUse, ...]
    statuses: Mapping[str, Status]
    """The tracker's own stage words, read before pursuit's general ones."""
    kinds: tuple[str, ...]
    """Per column: "ids", "checkbox" or "text"."""

    def index(self, name: str) -> int | None:
        for column in self.columns:
            if column.field == name:
                return column.index
        return None

    @property
    def fields(self) -> dict[str, int]:
        return {c.field: c.index for c in self.columns if c.field not in (None, IGNORE)}

    @property
    def extra(self) -> list[int]:
        return [c.index for c in self.columns if c.field is None]

    def status(self, text: str) -> Status:
        """The tracker's word for a stage, else any tracker's. Raises StatusError."""
        found = self.statuses.get(header_key(text))
        return found if found is not None else parse_tracker_status(text)

    def lines(self) -> list[str]:
        """One line per column, read ones first, in file order."""
        read = [c for c in self.columns if c.field not in (None, IGNORE)]
        rest = [c for c in self.columns if c.field in (None, IGNORE)]
        return [c.describe() for c in read + rest]


def map_sheet(
    headers: Sequence[str], rows: Sequence[Sequence[str]] = (), overrides: Iterable[str] = ()
) -> SheetMap:
    """Which column is which field. In order: the user's mappings, the recognised
    tracker's own columns, exact header names, then near misses ("Compnay"); the first
    column claiming a field gets it. A column of machine ids is never read; a column of
    checkboxes is never a name. Columns left over are kept as notes."""
    keys = [header_key(h) for h in headers]
    sample = rows[:_SAMPLE_ROWS]
    kinds = tuple(_kind([r[i] if i < len(r) else "" for r in sample]) for i in range(len(keys)))
    layout = recognise(keys)
    chosen: dict[int, tuple[str, str]] = {}

    def free(index: int, field: str) -> bool:
        if index in chosen or any(f == field for f, _ in chosen.values()):
            return False
        if kinds[index] == "ids":
            return False
        return not (kinds[index] == "checkbox" and field in _TEXT_FIELDS)

    for text in overrides:
        index, field = parse_override(text, headers)
        if field != IGNORE:
            for other, (f, _) in list(chosen.items()):
                if f == field:
                    del chosen[other]
        chosen[index] = (field, "your mapping")
    if layout is not None:
        _layout_columns(layout, keys, chosen, free)
    for index, key in enumerate(keys):
        spelled = _SPELLINGS.get(key)
        if spelled is not None and free(index, spelled):
            chosen[index] = (spelled, "exact name")
    for index, key in enumerate(keys):
        if index in chosen or key in _SPELLINGS or key in IGNORED or not key:
            continue
        if layout is not None and key in layout.ignore:
            continue
        close = get_close_matches(key, list(_SPELLINGS), n=1, cutoff=_FUZZY_CUTOFF)
        if close and free(index, _SPELLINGS[close[0]]):
            chosen[index] = (_SPELLINGS[close[0]], f'near match for "{close[0]}"')
    columns: list[ColumnUse] = []
    for index, (header, key) in enumerate(zip(headers, keys, strict=True)):
        if index in chosen:
            field, how = chosen[index]
            columns.append(ColumnUse(index, header, field, how))
        elif not key:
            columns.append(ColumnUse(index, header, IGNORE, "no header"))
        elif layout is not None and key in layout.ignore:
            columns.append(ColumnUse(index, header, IGNORE, f"{layout.name}'s own"))
        elif key in IGNORED:
            columns.append(ColumnUse(index, header, IGNORE, "pursuit works it out"))
        elif kinds[index] == "ids":
            columns.append(ColumnUse(index, header, IGNORE, "ids"))
        else:
            columns.append(ColumnUse(index, header, None, "notes"))
    return SheetMap(
        layout=layout.name if layout else "spreadsheet",
        columns=tuple(columns),
        statuses=layout.statuses if layout else {},
        kinds=kinds,
    )


def _layout_columns(
    layout: Layout,
    keys: list[str],
    chosen: dict[int, tuple[str, str]],
    free: Callable[[int, str], bool],
) -> None:
    for field, names in layout.columns.items():
        for name in names:
            if name in keys and free(keys.index(name), field):
                chosen[keys.index(name)] = (field, f"{layout.name}'s column")
                break


def map_headers(headers: list[str]) -> tuple[dict[str, int], list[int]]:
    """(field -> column index, indexes of columns kept as notes), from the headers alone."""
    found = map_sheet(headers)
    return found.fields, found.extra
