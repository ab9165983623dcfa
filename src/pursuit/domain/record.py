"""The fields of the record as people type them: read, checked and described, one way for
the command line, the app's edit form and quick entry.

Every field arrives as text. `read_field` turns it into the value to store or raises
`FieldError` with one line saying what is wrong; `describe_field` says, while it is typed,
what would be stored. Empty text clears an optional field. Pure: the clock and the zone
are parameters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Literal

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import read_when
from pursuit.domain.dates.showing import show_when
from pursuit.domain.status import CLOSED, Status, StatusError, parse_status
from pursuit.domain.text import clean_name, clean_text

__all__ = [
    "APPLICATION_FIELDS",
    "COMPANY_FIELDS",
    "CONTACT_FIELDS",
    "INTERVIEW_FIELDS",
    "Field",
    "FieldError",
    "FieldKind",
    "Salary",
    "company_memory",
    "day_month",
    "describe_field",
    "parse_salary",
    "read_field",
    "show_remote",
]

FieldKind = Literal[
    "name",
    "text",
    "note",
    "url",
    "email",
    "phone",
    "remote",
    "priority",
    "salary",
    "status",
    "past",
    "start",
    "minutes",
]


class FieldError(ValueError):
    """A field that cannot be read; the message is one line naming the field."""


@dataclass(frozen=True)
class Field:
    name: str
    """The key an edit uses (and the command line's --flag)."""
    label: str
    kind: FieldKind
    hint: str = ""


APPLICATION_FIELDS: tuple[Field, ...] = (
    Field("role", "Role", "name", "Backend Engineer"),
    Field("status", "Status", "status", "applied, screening, interviewing, offer, on hold…"),
    Field("source", "Source", "text", "referral, LinkedIn, Indeed…"),
    Field("url", "Job URL", "url", "https://example.com/jobs/42"),
    Field("location", "Location", "text", "Berlin, London, 10 Downing St…"),
    Field("remote", "Remote", "remote", "yes, no, or empty if unknown"),
    Field("salary", "Salary", "salary", "90–110k, $120,000, £50k…"),
    Field("priority", "Priority", "priority", "0–5, or low, medium, high"),
    Field("applied", "Applied", "past", "yesterday, nov 3, 2026-11-03"),
    Field("note", "Note", "note", "anything worth keeping"),
)
CONTACT_FIELDS: tuple[Field, ...] = (
    Field("name", "Name", "name", "Jane Doe"),
    Field("company", "Company", "name", "move them by naming another company"),
    Field("role", "Role", "text", "Engineering Manager"),
    Field("email", "Email", "email", "jane@example.com"),
    Field("phone", "Phone", "phone", "+1 555 010 2000"),
    Field("url", "Profile URL", "url", "linkedin.com/in/jane"),
    Field("talking_point", "Talking point", "text", "what you talked about, for the thank-you"),
    Field("note", "Note", "note", "anything worth keeping"),
)
INTERVIEW_FIELDS: tuple[Field, ...] = (
    Field("start", "Start", "start", "fri 10am, 2026-12-01 14:00"),
    Field("minutes", "Length", "minutes", "45 min, 1.5 h"),
    Field("kind", "Kind", "name", "phone, onsite, final…"),
    Field("place", "Place or link", "text", "10 Downing St, zoom.us/j/123"),
    Field("note", "Note", "note", "how it went, what they asked"),
)
COMPANY_FIELDS: tuple[Field, ...] = (
    Field("name", "Name", "name", "Stark Industries"),
    Field("note", "Note", "note", "anything worth keeping"),
)

_URL = re.compile(r"^(?:https?://)?[^\s/:@]+\.[^\s/]{2,}(?:[/?#]\S*)?$|^https?://\S+$", re.I)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$", re.I)
_YES = {"yes", "y", "true", "remote", "1", "fully remote"}
_NO = {"no", "n", "false", "on site", "onsite", "on-site", "office", "in office", "0"}
_PRIORITY_WORDS = {"none": 0, "low": 1, "medium": 2, "normal": 2, "high": 3, "top": 5}
_MAX_TEXT = 2000
_MAX_NOTE = 20_000


def read_field(kind: FieldKind, text: str, now: datetime, tz: tzinfo, *, label: str = "") -> object:
    """The value to store for `text` typed in a field of `kind`; None clears it.

    name: the cleaned text (required); text: cleaned one line or None; note: cleaned lines
    ("" when empty); url, email, phone: checked text or None; remote: True, False or None;
    priority: 0 to 5; salary: a `Salary` or None; status: a Status; past: a UTC instant not
    in the future, or None; start: a UTC instant with a time of day; minutes: 1 to 1440.
    """
    what = label or kind
    if kind == "note":
        note = clean_text(text, multiline=True).strip()
        if len(note) > _MAX_NOTE:
            raise FieldError(f"{what}: too long (over {_MAX_NOTE} characters)")
        return note
    flat = clean_name(text)
    if len(flat) > _MAX_TEXT:
        raise FieldError(f"{what}: too long (over {_MAX_TEXT} characters)")
    if kind == "name":
        if not flat:
            raise FieldError(f"{what} is empty")
        return flat
    if not flat:
        return 0 if kind == "priority" else None
    if kind == "text":
        return flat
    if kind == "url":
        if not _URL.match(flat) or flat.lower().startswith(("javascript:", "data:")):
            raise FieldError(f'{what}: "{_shown(flat)}" is not a web address')
        return flat
    if kind == "email":
        if not _EMAIL.match(flat):
            raise FieldError(f'{what}: "{_shown(flat)}" is not an email address')
        return flat
    if kind == "phone":
        digits = sum(ch.isdigit() for ch in flat)
        if not _PHONE.match(flat) or not 5 <= digits <= 20:
            raise FieldError(f'{what}: "{_shown(flat)}" is not a phone number')
        return flat
    if kind == "remote":
        return _remote(flat, what)
    if kind == "priority":
        return _priority(flat, what)
    if kind == "salary":
        return parse_salary(flat)
    if kind == "status":
        try:
            return parse_status(flat)
        except StatusError as exc:
            raise FieldError(f"{what}: {exc}") from None
    if kind in ("past", "start"):
        return _when(kind, flat, now, tz, what)
    if kind == "minutes":
        return _minutes(flat, what)
    raise AssertionError(kind)


def describe_field(
    kind: FieldKind, text: str, now: datetime, tz: tzinfo, *, label: str = ""
) -> str:
    """What typing `text` would store, in a few words (raises FieldError like read_field)."""
    value = read_field(kind, text, now, tz, label=label)
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, Salary):
        return value.describe()
    if isinstance(value, datetime):
        return show_when(value, tz, now)
    if kind == "remote":
        return show_remote(value if isinstance(value, bool) else None)
    if kind == "minutes":
        return f"{value} min"
    if isinstance(value, Status):
        return value.label
    return str(value)


def show_remote(remote: bool | None) -> str:
    return "unknown" if remote is None else ("remote" if remote else "on site")


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _remote(flat: str, what: str) -> bool | None:
    key = " ".join(flat.lower().replace("-", " ").split())
    if key in _YES or flat.lower() in _YES:
        return True
    if key in _NO or flat.lower() in _NO:
        return False
    if key in ("unknown", "?", "-"):
        return None
    raise FieldError(
        f'{what}: say yes or no, or leave it empty (not "{_shown(flat)}"; hybrid goes in the '
        "location)"
    )


def _priority(flat: str, what: str) -> int:
    key = flat.lower()
    if key in _PRIORITY_WORDS:
        return _PRIORITY_WORDS[key]
    if key.isdigit() and 0 <= int(key) <= 5:
        return int(key)
    raise FieldError(f'{what}: a number from 0 to 5, or low, medium, high (not "{_shown(flat)}")')


def _when(kind: FieldKind, flat: str, now: datetime, tz: tzinfo, what: str) -> datetime:
    try:
        found = read_when(
            flat, now, tz, prefer="past" if kind == "past" else "future", need_time=kind == "start"
        )
    except DateParseError as exc:
        raise FieldError(f"{what}: {exc}") from None
    if kind == "past" and found.at > now:
        raise FieldError(f"{what}: {show_when(found.at, tz, now)} is in the future")
    return found.at


_LENGTH = re.compile(
    r"^(?P<n>[0-9]{1,4}(?:\.[0-9]+)?)\s*(?P<unit>m|min|mins|minutes?|h|hrs?|hours?)?$", re.I
)


def _minutes(flat: str, what: str) -> int:
    m = _LENGTH.match(flat.strip())
    if m is None:
        raise FieldError(f'{what}: write minutes ("45", "45 min") or hours ("1.5 h")')
    amount = float(m["n"])
    unit = (m["unit"] or "m").lower()
    minutes = round(amount * 60) if unit.startswith("h") else round(amount)
    if not 1 <= minutes <= 24 * 60:
        raise FieldError(f"{what}: between 1 minute and 24 hours")
    return minutes


# --- salary ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Salary:
    """A salary as typed, and the range it reads as (for sorting), when it reads as one."""

    text: str
    low: int | None = None
    high: int | None = None

    def describe(self) -> str:
        if self.low is None:
            return f"{self.text} (no amount read: kept as typed)"
        if self.high is None:
            return f"{self.text} (from {self.low:,})"
        if self.high == self.low:
            return f"{self.text} ({self.low:,})"
        return f"{self.text} ({self.low:,}–{self.high:,})"


_AMOUNT = re.compile(r"(?<![\w.])(\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?)\s*([km])?(?![a-z])", re.I)
_PER_TIME = re.compile(
    r"/\s*(?:h|hr|hour|day|d|wk|week|mo|month)\b|\bper\b|\bhourly\b|\bdaily\b", re.I
)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|\.\.)\s*[^\d\s]{0,3}\s*$", re.I)


def parse_salary(text: str) -> Salary:
    """A salary as typed; its range read when it is one: "90–110k", "$120,000", "£50k+",
    "100-120k EUR". Hourly or daily rates, and text without an amount, keep no range."""
    flat = clean_name(text)
    if _PER_TIME.search(flat):
        return Salary(flat)
    found = list(_AMOUNT.finditer(flat))[:2]
    if not found:
        return Salary(flat)
    suffixes = [(m[2] or "").lower() for m in found]
    if len(found) == 2:
        between = flat[found[0].end() : found[1].start()]
        if not _RANGE_SEP.match(between):
            found, suffixes = found[:1], suffixes[:1]
        elif not suffixes[0]:
            suffixes[0] = suffixes[1]  # "90–110k": the k is for both
    amounts = [_amount(m[1], s) for m, s in zip(found, suffixes, strict=True)]
    if any(a is None for a in amounts):
        return Salary(flat)
    values = sorted(a for a in amounts if a is not None)
    low = values[0]
    if len(values) == 2:
        return Salary(flat, low, values[1])
    open_ended = flat.rstrip().endswith("+") or re.search(r"\b(from|at least|min)\b", flat, re.I)
    return Salary(flat, low, None if open_ended else low)


def _amount(number: str, suffix: str) -> int | None:
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", number):
        value = float(number.replace(",", "").replace(".", ""))
    else:
        value = float(number)
    if suffix == "k":
        value *= 1_000
    elif suffix == "m":
        value *= 1_000_000
    elif value < 1_000:
        value *= 1_000  # "90-110": thousands, as salaries are said
    if not 1_000 <= value <= 100_000_000:
        return None
    return round(value)


# --- what is known about a company ------------------------------------------------------------


@dataclass(frozen=True)
class PastApplication:
    title: str
    status: Status
    applied_at: datetime | None
    closed_at: datetime | None


def company_memory(
    company: str,
    apps: Sequence[PastApplication],
    contacts: Sequence[tuple[str, str | None]],
    *,
    friendly: bool,
    tz: tzinfo,
) -> str | None:
    """One line saying what is known about a company already in the search: "You applied
    to Globex before (Data Engineer, rejected on good terms on 2 Nov; contacts: Priya Nair,
    recruiter)". None when nothing is known."""
    people = "; contacts: " + ", ".join(
        f"{name}, {role}" if role else name for name, role in contacts[:4]
    )
    people = people + (" …" if len(contacts) > 4 else "") if contacts else ""
    if not apps:
        return f"{company} is known already ({people[2:]})" if contacts else None
    open_apps = [a for a in apps if a.status not in CLOSED and a.status != Status.ACCEPTED]
    if open_apps:
        latest = max(open_apps, key=lambda a: _stamp(a.applied_at))
        since = f" since {_day(latest.applied_at, tz)}" if latest.applied_at else ""
        return (
            f"You are already in touch with {company} "
            f"({latest.title}, {latest.status.label}{since}{people})"
        )
    latest = max(apps, key=lambda a: _stamp(a.closed_at or a.applied_at))
    how = latest.status.label
    if latest.status == Status.REJECTED and friendly:
        how = "rejected on good terms"
    when = latest.closed_at or latest.applied_at
    on = f" on {_day(when, tz)}" if when else ""
    return f"You applied to {company} before ({latest.title}, {how}{on}{people})"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _stamp(when: datetime | None) -> float:
    return when.timestamp() if when is not None else float("-inf")


def day_month(when: datetime, tz: tzinfo) -> str:
    """ "2 Nov" in the zone `tz`."""
    return _day(when, tz)


def _day(when: datetime, tz: tzinfo) -> str:
    """ "2 Nov", spelled out here rather than with %b, which follows the process locale."""
    local = when.astimezone(tz)
    return f"{local.day} {_MONTHS[local.month - 1]}"
