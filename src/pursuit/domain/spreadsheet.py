"""Reading and writing the cells of a job-tracker spreadsheet: which column is which, the
statuses and dates other trackers use, and cells a spreadsheet would run as formulas.

Pure: the clock and the zone are parameters; the store reads and writes the files.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, tzinfo
from difflib import get_close_matches

from pursuit.domain.dates import DateParseError, local_to_utc, parse_when
from pursuit.domain.status import Status, StatusError, parse_status

__all__ = [
    "FIELDS",
    "IGNORED",
    "map_headers",
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
# Columns pursuit's own CSV export derives from other data: re-importing them would only
# copy stale values into the notes.
IGNORED = frozenset({"id", "last touch", "next action", "next due"})

_FUZZY_CUTOFF = 0.84
_SPELLINGS = {spelling: field for field, names in FIELDS.items() for spelling in names}


def header_key(header: str) -> str:
    """ "Date Applied:", "date_applied" and " DATE-APPLIED " all read "date applied"."""
    return " ".join(re.sub(r"[\W_]+", " ", header.casefold()).split())


def map_headers(headers: list[str]) -> tuple[dict[str, int], list[int]]:
    """(field -> column index, indexes of columns kept as notes). Exact spellings win over
    near misses ("Compnay"); the first column claiming a field gets it, later ones are
    kept as notes rather than silently dropped."""
    fields: dict[str, int] = {}
    keys = [header_key(h) for h in headers]
    for index, key in enumerate(keys):
        field = _SPELLINGS.get(key)
        if field is not None and field not in fields:
            fields[field] = index
    for index, key in enumerate(keys):
        if index in fields.values() or key in _SPELLINGS or key in IGNORED or not key:
            continue
        close = get_close_matches(key, list(_SPELLINGS), n=1, cutoff=_FUZZY_CUTOFF)
        if close and _SPELLINGS[close[0]] not in fields:
            fields[_SPELLINGS[close[0]]] = index
    used = set(fields.values())
    extra = [i for i, key in enumerate(keys) if i not in used and key not in IGNORED and key]
    return fields, extra


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
    r"(?P<a>[0-9]{1,4})(?P<sep>[/.])(?P<b>[0-9]{1,2})(?P=sep)(?P<c>[0-9]{2,4})"
    r"(?:[ T](?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2}))?)?"
)
_DAY_MONTH_DASH = re.compile(r"([0-9]{1,2})-([A-Za-z]{3,9})-([0-9]{2,4})")
_DEFAULT_TIME = time(9, 0)


def parse_sheet_date(text: str, now: datetime, tz: tzinfo, *, day_first: bool = False) -> datetime:
    """A date as spreadsheets write it, read in the zone `tz`: ISO 8601 (with or without a
    time), 11/03/2026 (month first unless `day_first`, or unless the first number cannot be
    a month), 03.11.2026 (day first, as in Europe), 3 Nov 2026, 3-Nov-26, Nov 3, 2026, and
    whatever parse_when reads in the past. A date alone means 09:00 local."""
    cleaned = " ".join(text.strip().split())
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
    m = _NUMERIC_DATE.fullmatch(cleaned)
    if m:
        return _numeric(m, tz, day_first=day_first or m["sep"] == ".", text=cleaned)
    m = _DAY_MONTH_DASH.fullmatch(cleaned)
    if m:
        year = m[3] if len(m[3]) == 4 else f"20{m[3]}"
        cleaned = f"{m[1]} {m[2]} {year}"
    return parse_when(cleaned, now, tz, prefer="past", default_time=_DEFAULT_TIME)


def _numeric(m: re.Match[str], tz: tzinfo, *, day_first: bool, text: str) -> datetime:
    a, b, c = int(m["a"]), int(m["b"]), int(m["c"])
    if len(m["a"]) == 4:
        year, month, day = a, b, c
    else:
        year = c + 2000 if len(m["c"]) == 2 else c
        month, day = (b, a) if day_first else (a, b)
        if month > 12 and day <= 12:
            # 25/12/2026 can only be day first, whatever the default.
            month, day = day, month
    hour, minute, second = (int(m["h"]), int(m["m"]), int(m["s"] or 0)) if m["h"] else (9, 0, 0)
    try:
        if not 1900 <= year <= 2999:
            raise ValueError
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise DateParseError(f'can\'t read "{text}" as a date (no such day)') from None
    return local_to_utc(naive, tz)


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
