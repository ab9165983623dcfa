"""Reading and writing the cells of a job-tracker spreadsheet: which column is which, the
statuses and dates other trackers use, and cells a spreadsheet would run as formulas.

Pure: the clock and the zone are parameters; the store reads and writes the files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from difflib import get_close_matches

from pursuit.domain.dates.days import DateOrder, settled_order
from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import parse_when
from pursuit.domain.dates.zones import local_to_utc
from pursuit.domain.status import Status, StatusError, parse_status
from pursuit.domain.trackers import Layout, recognise

__all__ = [
    "FIELDS",
    "IGNORE",
    "IGNORED",
    "ColumnUse",
    "DateEvidence",
    "MappingError",
    "SheetMap",
    "date_evidence",
    "header_key",
    "is_checked",
    "map_headers",
    "map_sheet",
    "parse_override",
    "parse_sheet_date",
    "parse_tracker_status",
    "safe_cell",
    "unsafe_cell",
]

# Canonical field -> header spellings seen in trackers (after header_key()).
FIELDS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation", "org"),
    "role": (
        "role",
        "title",
        "job title",
        "position",
        "job",
        "job role",
        "position title",
        "job position",
        "opening",
    ),
    "status": ("status", "stage", "state", "application status", "current status", "progress"),
    "applied": (
        "date applied",
        "applied",
        "applied on",
        "date",
        "applied date",
        "application date",
        "date of application",
        "submitted",
        "submitted on",
        "date submitted",
    ),
    "follow_up": (
        "follow up",
        "follow up date",
        "followup",
        "followup date",
        "follow up on",
        "follow up by",
        "next follow up",
        "next follow up date",
        "date to follow up",
    ),
    "url": (
        "url",
        "link",
        "posting",
        "job link",
        "job url",
        "posting url",
        "posting link",
        "job posting",
        "listing",
        "job post",
    ),
    "notes": ("notes", "note", "comments", "comment", "remarks"),
    "contact": (
        "contact",
        "recruiter",
        "contact name",
        "recruiter name",
        "contact person",
        "hiring manager",
        "point of contact",
    ),
    "source": ("source", "found via", "found on", "referral", "via", "where found"),
    "salary": ("salary", "pay", "compensation", "salary range", "comp"),
}
# Fields only a tracker's layout names (Teal's two salary columns), and what reports call
# each field.
LABELS: dict[str, str] = {
    "company": "company",
    "role": "role",
    "status": "status",
    "applied": "date applied",
    "follow_up": "follow-up date",
    "url": "link",
    "notes": "notes",
    "contact": "contact",
    "source": "source",
    "salary": "salary",
    "salary_min": "salary (from)",
    "salary_max": "salary (to)",
}
IGNORE = "ignore"
"""The field of a column that is not read at all."""
# Columns pursuit's own CSV export derives from other data: re-importing them would only
# copy stale values into the notes.
IGNORED = frozenset({"id", "last touch", "next action", "next due"})

_FUZZY_CUTOFF = 0.84
_SPELLINGS = {spelling: field for field, names in FIELDS.items() for spelling in names}
# Fields whose value is a name or text: a column of ids or of checkboxes is never one.
_TEXT_FIELDS = frozenset({"company", "role", "status", "url", "notes", "contact", "salary"})
_SAMPLE_ROWS = 500


class MappingError(ValueError):
    """A column mapping the user gave cannot be used; the message is one line."""


def header_key(header: str) -> str:
    """ "Date Applied:", "date_applied", "dateApplied" and " DATE-APPLIED " all read
    "date applied"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", header)
    return " ".join(re.sub(r"[\W_]+", " ", spaced.casefold()).split())


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


_FIELD_WORDS: dict[str, str] = {
    **{name: name for name in LABELS},
    "follow up": "follow_up",
    "followup": "follow_up",
    "follow-up": "follow_up",
    "title": "role",
    "position": "role",
    "stage": "status",
    "date applied": "applied",
    "link": "url",
    "note": "notes",
    IGNORE: IGNORE,
    "skip": IGNORE,
    "none": IGNORE,
    "-": IGNORE,
}


def _field_word(text: str) -> str | None:
    key = " ".join(text.strip().casefold().replace("_", " ").split())
    return _FIELD_WORDS.get(key) or _FIELD_WORDS.get(key.replace(" ", "_"))


def parse_override(text: str, headers: Sequence[str]) -> tuple[int, str]:
    """ "Stage=status" (or "status=Stage"): the column so named is that field ("ignore"
    leaves it unread). Raises MappingError."""
    left, eq, right = text.partition("=")
    if not eq or not left.strip() or not right.strip():
        raise MappingError(f'mapping "{_shown(text)}": write COLUMN=FIELD, as in "Stage=status"')
    keys = [header_key(h) for h in headers]
    for column, name in ((left, right), (right, left)):
        field = _field_word(name)
        if field is not None and header_key(column) in keys:
            return keys.index(header_key(column)), field
    for column, name in ((left, right), (right, left)):
        if header_key(column) in keys:
            known = ", ".join([*LABELS, IGNORE])
            raise MappingError(
                f'mapping "{_shown(text)}": "{_shown(name)}" is not a field; fields: {known}'
            )
    shown = ", ".join(h.strip() for h in headers if h.strip())[:200]
    raise MappingError(f'mapping "{_shown(text)}": no such column; the headers are: {shown}')


def _shown(text: str) -> str:
    flat = "".join(ch if ch.isprintable() else "?" for ch in " ".join(text.split()))
    return flat if len(flat) <= 40 else flat[:39] + "…"


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


# Words other trackers (Huntr, Teal, Simplify, home-made sheets) use for their stages.
_TRACKER_STATUS: dict[str, Status] = {
    **dict.fromkeys(
        (
            "bookmarked",
            "saved",
            "wish list",
            "interested",
            "to apply",
            "applying",
            "not applied",
            "not yet applied",
            "planned",
            "prospect",
            "considering",
            "researching",
            "research",
        ),
        Status.WISHLIST,
    ),
    **dict.fromkeys(
        (
            "submitted",
            "application submitted",
            "application sent",
            "sent",
            "pending",
            "waiting",
            "in review",
            "under review",
            "in progress",
        ),
        Status.APPLIED,
    ),
    **dict.fromkeys(
        (
            "phone screen",
            "recruiter screen",
            "recruiter call",
            "hr screen",
            "phone call",
            "assessment",
            "online assessment",
            "take home",
            "coding challenge",
        ),
        Status.SCREENING,
    ),
    **dict.fromkeys(
        (
            "interviews",
            "interview scheduled",
            "onsite",
            "on site",
            "final round",
            "technical",
        ),
        Status.INTERVIEWING,
    ),
    **dict.fromkeys(
        ("offer received", "offer extended", "offered", "negotiating", "negotiation"),
        Status.OFFER,
    ),
    **dict.fromkeys(("offer accepted", "hired", "signed"), Status.ACCEPTED),
    **dict.fromkeys(
        (
            "rejection",
            "declined",
            "not selected",
            "turned down",
            "no offer",
            "unsuccessful",
            "position filled",
            "closed",
        ),
        Status.REJECTED,
    ),
    **dict.fromkeys(
        ("withdrew", "i withdrew", "offer declined", "declined offer", "not interested"),
        Status.WITHDRAWN,
    ),
    **dict.fromkeys(
        ("no response", "no reply", "no answer", "never heard back", "silence"), Status.GHOSTED
    ),
    **dict.fromkeys(("paused", "frozen", "hiring freeze", "postponed"), Status.ON_HOLD),
}
# Last resort, in order: a word stem anywhere in the cell ("2nd interview" -> interviewing).
_STEMS = (
    ("withdr", Status.WITHDRAWN),
    ("reject", Status.REJECTED),
    ("ghost", Status.GHOSTED),
    ("hold", Status.ON_HOLD),
    ("accept", Status.ACCEPTED),
    ("offer", Status.OFFER),
    ("interview", Status.INTERVIEWING),
    ("screen", Status.SCREENING),
    ("appl", Status.APPLIED),
)


def parse_tracker_status(text: str) -> Status:
    """pursuit's own names first, then other trackers' words. Raises StatusError."""
    try:
        return parse_status(text)
    except StatusError as exc:
        error = exc
    key = header_key(text)
    if key in _TRACKER_STATUS:
        return _TRACKER_STATUS[key]
    for stem, status in _STEMS:
        if stem in key:
            return status
    raise error


_NUMERIC_DATE = re.compile(
    r"(?P<a>[0-9]{1,4})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{2,4})"
    r"(?:[ T](?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?(?: ?(?P<half>[AaPp][Mm]))?)?"
)
_DAY_MONTH_DASH = re.compile(r"([0-9]{1,2})-([A-Za-z]{3,9})-([0-9]{2,4})")
_EPOCH = re.compile(r"[0-9]{10}(?:[0-9]{3})?")
_EXCEL_SERIAL = re.compile(r"[2-7][0-9]{4}")
_DEFAULT_TIME = time(9, 0)


@dataclass(frozen=True)
class Seen:
    line: int
    text: str


@dataclass(frozen=True)
class DateEvidence:
    """What a column's numeric dates say about their order."""

    day_first: Seen | None = None
    """The first date that can only be day first ("25/12/2026")."""
    month_first: Seen | None = None
    """The first date that can only be month first ("12/25/2026")."""
    unclear: Seen | None = None
    """The first date read differently either way ("03/05/2026")."""

    @property
    def order(self) -> DateOrder | None:
        """The order the column proves, if it proves one and only one."""
        if self.day_first and not self.month_first:
            return "day-first"
        if self.month_first and not self.day_first:
            return "month-first"
        return None


def _numeric_parts(text: str) -> tuple[int, int] | None:
    """(first, second) of a d/m/y or m/d/y date; None for ISO, dotted or other dates."""
    m = _NUMERIC_DATE.fullmatch(" ".join(text.split()))
    if m is None or len(m["a"]) > 2 or m["sep"] == ".":
        return None
    return int(m["a"]), int(m["b"])


def date_evidence(cells: Iterable[tuple[int, str]]) -> DateEvidence:
    """Read (line, cell) pairs of one column: which order its dates prove, and the first
    date whose two readings differ."""
    day_first = month_first = unclear = None
    for line, text in cells:
        parts = _numeric_parts(text)
        if parts is None:
            continue
        first, second = parts
        order = settled_order(first, second)
        if order == "day-first" and day_first is None:
            day_first = Seen(line, text.strip())
        elif order == "month-first" and month_first is None:
            month_first = Seen(line, text.strip())
        elif order is None and first != second and first <= 12 and second <= 12:
            unclear = unclear or Seen(line, text.strip())
    return DateEvidence(day_first, month_first, unclear)


def parse_sheet_date(
    text: str,
    now: datetime,
    tz: tzinfo,
    *,
    order: DateOrder | None = None,
    day_first: bool = False,
) -> datetime:
    """A date as spreadsheets and trackers write it, read in the zone `tz`: ISO 8601 (with
    or without a time; with a zone, as that instant), Unix seconds or milliseconds,
    11/03/2026 or 11-03-2026 (in the column's `order`; a date that can only be read one
    way is read that way, and one that could be either is refused without an order),
    03.11.2026 (day first, as in Europe), 3 Nov 2026, 3-Nov-26, Nov 3, 2026, Notion's
    "November 3, 2026 10:00 AM" (a range "… → …" from its start), and whatever parse_when
    reads in the past. A date alone means 09:00 local."""
    if day_first and order is None:
        order = "day-first"
    cleaned = " ".join(text.strip().split())
    cleaned = cleaned.split("→")[0].strip()
    if not cleaned:
        raise DateParseError("no date given")
    try:
        iso = datetime.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        if iso.tzinfo is not None:
            return iso.astimezone(UTC)
        if len(cleaned) == 10:
            iso = datetime.combine(iso.date(), _DEFAULT_TIME)
        return local_to_utc(iso, tz)
    if _EPOCH.fullmatch(cleaned):
        seconds = int(cleaned) / (1000 if len(cleaned) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    if _EXCEL_SERIAL.fullmatch(cleaned):
        # Excel's day count (from 1899-12-30), left by a sheet saved without date formats.
        day = datetime(1899, 12, 30) + timedelta(days=int(cleaned))
        return local_to_utc(datetime.combine(day.date(), _DEFAULT_TIME), tz)
    m = _NUMERIC_DATE.fullmatch(cleaned)
    if m:
        return _numeric(m, tz, order="day-first" if m["sep"] == "." else order, text=cleaned)
    m = _DAY_MONTH_DASH.fullmatch(cleaned)
    if m:
        year = m[3] if len(m[3]) == 4 else f"20{m[3]}"
        cleaned = f"{m[1]} {m[2]} {year}"
    return parse_when(cleaned, now, tz, prefer="past", default_time=_DEFAULT_TIME, within=None)


def _numeric(m: re.Match[str], tz: tzinfo, *, order: DateOrder | None, text: str) -> datetime:
    a, b, c = int(m["a"]), int(m["b"]), int(m["c"])
    if len(m["a"]) == 4:
        year, month, day = a, b, c
    else:
        year = c + 2000 if len(m["c"]) == 2 else c
        settled = settled_order(a, b)
        if settled is None and a != b and a <= 12 and b <= 12:
            if order is None:
                raise DateParseError(
                    f'"{text}" could be {_MONTHS[b - 1]} {a} or {_MONTHS[a - 1]} {b}: '
                    "say whether dates are day first or month first"
                )
            settled = order
        if settled is not None and order is not None and settled != order:
            raise DateParseError(
                f'can\'t read "{text}" {_ORDER_WORDS[order]} (no month {b if order == "day-first" else a})'
            )
        month, day = (b, a) if (settled or order) == "day-first" else (a, b)
    hour, minute, second = (int(m["h"]), int(m["m"]), int(m["s"] or 0)) if m["h"] else (9, 0, 0)
    if m["half"]:
        if not 1 <= hour <= 12:
            raise DateParseError(f'can\'t read "{text}" as a date (no such hour)')
        hour = hour % 12 + (12 if m["half"].lower() == "pm" else 0)
    try:
        if not 1900 <= year <= 2999:
            raise ValueError
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise DateParseError(f'can\'t read "{text}" as a date (no such day)') from None
    return local_to_utc(naive, tz)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ORDER_WORDS = {"day-first": "day first", "month-first": "month first"}


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
