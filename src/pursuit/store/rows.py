"""The rows a write works on, as plain dataclasses: one per table, fields in column order.

The write definitions (`store.writes`) read and change these in memory; `store.writer`
turns what changed into SQL. Kinds are enums here and their strings in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from enum import Enum
from operator import attrgetter
from typing import Any, ClassVar, get_type_hints

from pursuit.domain.kinds import ActionKind, Channel, Direction, EventKind, Status
from pursuit.store.timefmt import to_db

INSTANTS = frozenset(
    {
        "bridge_since",
        "created_at",
        "deleted_at",
        "applied_at",
        "updated_at",
        "closed_at",
        "starts_at",
        "ends_at",
        "guidance_at",
        "due_at",
        "snoozed_until",
        "next_at",
        "done_at",
        "notified_at",
        "at",
    }
)
"""Columns that hold an instant (UTC text in the file)."""


def db_value(value: Any) -> Any:
    """A field as the file holds it: UTC text for instants, the string for a kind."""
    if isinstance(value, datetime):
        return to_db(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


class _Instants(dict[datetime, str]):
    """UTC text of instants already seen: a write repeats the same few (its clock reading,
    above all) on thousands of rows, and strftime is the slow part of writing them."""

    def __missing__(self, value: datetime) -> str:
        if len(self) > 50_000:
            self.clear()
        text = self[value] = to_db(value)
        return text


_instant_text = _Instants()


def _instant(value: datetime | None) -> str | None:
    return None if value is None else _instant_text[value]


def _kind(value: Enum | None) -> Any:
    return None if value is None else value.value


def _flag(value: bool) -> int:
    return int(value)


def _opt_flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


class Row:
    TABLE: ClassVar[str]
    COLUMNS: ClassVar[tuple[str, ...]]
    _GETTER: ClassVar[Callable[[Any], tuple[Any, ...]]]
    _CONVERT: ClassVar[tuple[tuple[int, Callable[[Any], Any]], ...]]

    def values(self) -> tuple[Any, ...]:
        """The fields as the file holds them, in column order."""
        raw = type(self)._GETTER(self)
        if not self._CONVERT:
            return raw
        out = list(raw)
        for index, convert in self._CONVERT:
            out[index] = convert(out[index])
        return tuple(out)


def _columns(cls: type[Row]) -> type[Row]:
    declared = fields(cls)  # type: ignore[arg-type]
    cls.COLUMNS = tuple(f.name for f in declared)
    getter = attrgetter(*cls.COLUMNS)
    cls._GETTER = getter if len(cls.COLUMNS) > 1 else lambda row: (getter(row),)
    hints = get_type_hints(cls)
    convert: list[tuple[int, Callable[[Any], Any]]] = []
    for index, name in enumerate(cls.COLUMNS):
        hint = str(hints[name])
        if "datetime" in hint:
            convert.append((index, _instant))
        elif "bool" in hint:
            convert.append((index, _opt_flag if "None" in hint else _flag))
        elif any(k in hint for k in ("Kind", "Status", "Direction", "Channel")):
            convert.append((index, _kind))
    cls._CONVERT = tuple(convert)
    return cls


@_columns
@dataclass(slots=True, eq=False)
class CompanyRow(Row):
    TABLE = "company"
    id: int
    name: str
    name_key: str
    is_bridge: bool
    bridge_cadence: str | None
    bridge_since: datetime | None
    notes: str
    created_at: datetime
    deleted_at: datetime | None = None


@_columns
@dataclass(slots=True, eq=False)
class ContactRow(Row):
    TABLE = "contact"
    id: int
    company_id: int
    name: str
    role: str | None
    email: str | None
    talking_point: str | None
    notes: str
    created_at: datetime
    deleted_at: datetime | None = None
    phone: str | None = None
    url: str | None = None


@_columns
@dataclass(slots=True, eq=False)
class AppRow(Row):
    TABLE = "application"
    id: int
    company_id: int
    title: str
    status: Status
    source: str | None
    url: str | None
    priority: int
    salary: str | None
    notes: str
    applied_at: datetime | None
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None = None
    reopened_from_id: int | None = None
    deleted_at: datetime | None = None
    location: str | None = None
    remote: bool | None = None
    salary_low: int | None = None
    salary_high: int | None = None


@_columns
@dataclass(slots=True, eq=False)
class InterviewRow(Row):
    TABLE = "interview"
    id: int
    application_id: int
    starts_at: datetime
    ends_at: datetime
    kind: str
    notes: str
    guidance_text: str | None
    guidance_at: datetime | None
    created_at: datetime
    deleted_at: datetime | None = None
    place: str | None = None


@_columns
@dataclass(slots=True, eq=False)
class LinkRow(Row):
    """An interviewer of an interview (table interview_contact, which has no id)."""

    TABLE = "interview_contact"
    interview_id: int
    contact_id: int


@_columns
@dataclass(slots=True, eq=False)
class ActionRow(Row):
    TABLE = "action"
    id: int
    kind: ActionKind
    due_at: datetime
    due_guessed: bool
    snoozed_until: datetime | None
    next_at: datetime
    done_at: datetime | None
    company_id: int
    application_id: int | None
    contact_id: int | None
    interview_id: int | None
    draft: str
    sent_note: str | None
    created_at: datetime
    deleted_at: datetime | None = None
    notified_at: datetime | None = None

    @property
    def pending(self) -> bool:
        return self.done_at is None and self.deleted_at is None


@_columns
@dataclass(slots=True, eq=False)
class EventRow(Row):
    TABLE = "event"
    id: int
    at: datetime
    kind: EventKind
    direction: Direction | None
    channel: Channel | None
    company_id: int
    application_id: int | None
    contact_id: int | None
    summary: str
    body: str | None
    created_at: datetime
    deleted_at: datetime | None = None
    too_soon: bool | None = None
    """A follow-up sent though R5 said to wait; None when R5 was not asked."""


@_columns
@dataclass(slots=True, eq=False)
class SettingRow(Row):
    """A choice kept by key: the options nudge snoozed until a time, or dismissed."""

    TABLE = "setting"
    id: int
    key: str
    value: str | None
    created_at: datetime
    deleted_at: datetime | None = None


ROW_TYPES: tuple[type[Row], ...] = (
    CompanyRow,
    ContactRow,
    AppRow,
    InterviewRow,
    LinkRow,
    ActionRow,
    EventRow,
    SettingRow,
)
"""In the order new rows are written, parents before children."""
