"""The fields pursuit reads from a spreadsheet, the header spellings trackers use for
them, and the COLUMN=FIELD mappings a user gives."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "FIELDS",
    "IGNORE",
    "IGNORED",
    "MappingError",
    "header_key",
    "parse_override",
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


class MappingError(ValueError):
    """A column mapping the user gave cannot be used; the message is one line."""


def header_key(header: str) -> str:
    """ "Date Applied:", "date_applied", "dateApplied" and " DATE-APPLIED " all read
    "date applied"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", header)
    return " ".join(re.sub(r"[\W_]+", " ", spaced.casefold()).split())


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
