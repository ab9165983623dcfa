"""pursuit's own JSON format: every table's live rows, column by column, read and written
from the same table descriptions so export and import cannot drift apart.

Times are ISO 8601 in UTC, booleans are JSON booleans, rows are in id order. Soft-deleted
rows are left out, except a parent that a live row still points to (so every reference in
the file resolves). The undo log and the revision counter belong to one database file and
are not exported.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any, Literal, cast

from pydantic_core import PydanticUndefined
from sqlalchemy import Boolean, Integer, Table
from sqlmodel import SQLModel

from pursuit.domain.date_range import RANGE_WORDS, in_range
from pursuit.domain.kinds import ActionKind, Channel, Direction, EventKind, Status
from pursuit.domain.matching import name_key
from pursuit.domain.text import clean_text
from pursuit.store.errors import InputError
from pursuit.store.models import (
    Action,
    Application,
    Company,
    Contact,
    Event,
    Interview,
    InterviewContact,
    UTCDateTime,
)
from pursuit.store.timefmt import from_db

FORMAT = "pursuit"
VERSION = 1

Kind = Literal["int", "str", "bool", "datetime"]
_KIND_NAMES = {
    "int": "a whole number",
    "str": "text",
    "bool": "true or false",
    "datetime": "a time",
}
# The sets the schema's CHECK constraints hold: a row outside them is reported, not
# handed to SQLite to refuse the whole import.
_STATUSES = frozenset(Status)
_ACTION_KINDS = frozenset(ActionKind)
_EVENT_KINDS = frozenset(EventKind)
_DIRECTIONS = frozenset(Direction)
_CHANNELS = frozenset(Channel)


# Text columns that hold several lines; every other one is a single line.
_MULTILINE = frozenset({"notes", "draft", "sent_note", "body"})
# SQLite's integers are 64-bit; ids also leave room for one above the largest (the importer
# picks new ids that way).
_MAX_INT = 2**62


class RowError(ValueError):
    """One row of an import that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    nullable: bool
    required: bool
    ref: str | None
    """The table this column points to, if it is a reference."""


def _kind(column: Any) -> Kind:
    if isinstance(column.type, UTCDateTime):
        return "datetime"
    if isinstance(column.type, Boolean):
        return "bool"
    if isinstance(column.type, Integer):
        return "int"
    return "str"


def _columns(model: type[SQLModel], derived: frozenset[str]) -> tuple[Column, ...]:
    table = cast(Table, model.__table__)  # type: ignore[attr-defined]
    out = []
    for c in table.columns:
        if c.name in derived:
            continue
        default = model.model_fields[c.name].default
        refs = [fk.column.table.name for fk in c.foreign_keys]
        out.append(
            Column(
                name=c.name,
                kind=_kind(c),
                nullable=bool(c.nullable),
                required=not c.nullable and default in (None, PydanticUndefined),
                ref=refs[0] if refs else None,
            )
        )
    return tuple(out)


def _key_part(value: Any, fold: bool) -> Any:
    if fold and isinstance(value, str):
        return name_key(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return value


@dataclass(frozen=True)
class TableSpec:
    table: str
    model: type[SQLModel]
    identity: tuple[str, ...]
    """Columns that say two rows are the same record (importing twice adds nothing)."""
    folded: frozenset[str] = frozenset()
    """Identity columns compared as names (case and spacing ignored)."""
    derived: frozenset[str] = frozenset()
    """Columns not exported: recomputed on import."""
    check: Callable[[dict[str, Any]], str | None] | None = None
    unique: bool = False
    """The identity is a unique constraint: a soft-deleted row is revived, not duplicated."""

    @cached_property
    def columns(self) -> tuple[Column, ...]:
        return _columns(self.model, self.derived)

    @cached_property
    def has_id(self) -> bool:
        return any(c.name == "id" for c in self.columns)

    @property
    def order_by(self) -> str:
        return "id" if self.has_id else ", ".join(self.identity)

    @cached_property
    def soft_deletes(self) -> bool:
        return any(c.name == "deleted_at" for c in self.columns)

    def key(self, values: dict[str, Any]) -> tuple[Any, ...]:
        key = tuple(_key_part(values.get(c), c in self.folded) for c in self.identity)
        if self.soft_deletes and not self.unique:
            # A live row matches a live row: an import undone (soft-deleted) and imported
            # again must come back, not be recognised as "already there".
            key += (values.get("deleted_at") is None,)
        return key

    def key_of(self, obj: SQLModel) -> tuple[Any, ...]:
        names = (*self.identity, "deleted_at") if self.soft_deletes else self.identity
        return self.key({c: getattr(obj, c) for c in names})

    def read_row(self, raw: Any, ids: dict[str, dict[int, int]]) -> tuple[int, dict[str, Any]]:
        """(id in the file, column values for the model with references mapped to this
        database's ids). Raises RowError."""
        if not isinstance(raw, dict):
            raise RowError("not an object")
        columns = self.columns
        unknown = sorted(set(raw) - {c.name for c in columns} - self.derived)
        if unknown:
            raise RowError(f"unknown field {unknown[0]!r}")
        values: dict[str, Any] = {}
        old_id = 0
        for column in columns:
            if column.name not in raw:
                if column.required or column.name == "id":
                    raise RowError(f"{column.name} is missing")
                continue
            value = _value(column, raw[column.name])
            if column.name == "id":
                old_id = value
                continue
            if column.ref is not None and value is not None:
                mapped = ids.get(column.ref, {}).get(value)
                if mapped is None:
                    raise RowError(f"{column.name} {value}: no such {column.ref} in the file")
                value = mapped
            values[column.name] = value
        if "name_key" in self.derived:
            values["name_key"] = name_key(values["name"])
        problem = self.check(values) if self.check else None
        if problem:
            raise RowError(problem)
        return old_id, values


def _value(column: Column, value: Any) -> Any:
    if value is None:
        if not column.nullable:
            raise RowError(f"{column.name} cannot be null")
        return None
    ok = {
        "int": isinstance(value, int) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "str": isinstance(value, str),
        "datetime": isinstance(value, str),
    }[column.kind]
    if not ok:
        raise RowError(f"{column.name} must be {_KIND_NAMES[column.kind]}")
    if column.kind == "datetime":
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            raise RowError(f"{column.name} is not an ISO 8601 time") from None
        if when.tzinfo is None:
            raise RowError(f"{column.name} has no time zone")
        if not in_range(when):
            raise RowError(f"{column.name} {value[:40]} is outside {RANGE_WORDS}")
        return when.astimezone(UTC)
    if column.kind == "str":
        # Names, titles and kinds are one line, as typed ones are; notes keep theirs.
        return clean_text(value, multiline=column.name in _MULTILINE)
    if column.kind == "int" and not -_MAX_INT <= value <= _MAX_INT:
        raise RowError(f"{column.name} is too large")
    return value


def _check_company(v: dict[str, Any]) -> str | None:
    return None if v["name"].strip() else "name is empty"


def _check_application(v: dict[str, Any]) -> str | None:
    if v["status"] not in _STATUSES:
        return f"unknown status {v['status']!r}"
    return None if v["title"].strip() else "title is empty"


def _check_action(v: dict[str, Any]) -> str | None:
    return None if v["kind"] in _ACTION_KINDS else f"unknown action kind {v['kind']!r}"


def _check_event(v: dict[str, Any]) -> str | None:
    if v["kind"] not in _EVENT_KINDS:
        return f"unknown event kind {v['kind']!r}"
    if v.get("direction") is not None and v["direction"] not in _DIRECTIONS:
        return f"direction must be in or out, not {v['direction']!r}"
    if v.get("channel") is not None and v["channel"] not in _CHANNELS:
        return f"unknown channel {v['channel']!r}"
    return None


SPECS: tuple[TableSpec, ...] = (
    TableSpec(
        "company",
        Company,
        ("name",),
        folded=frozenset({"name"}),
        derived=frozenset({"name_key"}),
        check=_check_company,
        unique=True,
    ),
    TableSpec("contact", Contact, ("company_id", "name", "created_at"), frozenset({"name"})),
    TableSpec(
        "application",
        Application,
        ("company_id", "title", "created_at"),
        frozenset({"title"}),
        check=_check_application,
    ),
    TableSpec("interview", Interview, ("application_id", "starts_at", "created_at")),
    TableSpec("interview_contact", InterviewContact, ("interview_id", "contact_id")),
    TableSpec(
        "action",
        Action,
        ("kind", "company_id", "application_id", "contact_id", "interview_id", "created_at"),
        check=_check_action,
    ),
    TableSpec(
        "event",
        Event,
        ("company_id", "application_id", "kind", "at", "summary", "created_at"),
        check=_check_event,
    ),
)
SPEC_BY_TABLE = {s.table: s for s in SPECS}


def check_document(doc: Any) -> dict[str, list[Any]]:
    """The tables of a pursuit export, or InputError saying why this is not one."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InputError('not a pursuit export (no "format": "pursuit")')
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError("the export has no valid format version")
    if version > VERSION:
        raise InputError(
            f"the export was written by a newer pursuit (format {version}, this one reads "
            f"{VERSION}); upgrade pursuit to import it"
        )
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise InputError('the export has no "tables"')
    unknown = sorted(set(tables) - set(SPEC_BY_TABLE))
    if unknown:
        raise InputError(f"unknown table {unknown[0]!r} in the export")
    for name, rows in tables.items():
        if not isinstance(rows, list):
            raise InputError(f'"{name}" must be a list of rows')
    return tables


# --- reading the live rows for export -----------------------------------------------------------


def _to_json(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "datetime":
        return from_db(str(value)).isoformat()
    if column.kind == "bool":
        return bool(value)
    return value


def live_rows(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """Every table's live rows as JSON values, plus soft-deleted parents still referenced."""
    raw: dict[str, list[tuple[Any, ...]]] = {}
    for spec in SPECS:
        names = ", ".join(c.name for c in spec.columns)
        raw[spec.table] = conn.execute(
            f"SELECT {names} FROM {spec.table} ORDER BY {spec.order_by}"
        ).fetchall()
    keep: dict[str, set[int]] = {}
    for spec in SPECS:
        if not spec.has_id:
            continue
        deleted = _index(spec, "deleted_at")
        keep[spec.table] = {row[0] for row in raw[spec.table] if row[deleted] is None}
    links = SPEC_BY_TABLE["interview_contact"]
    linked = [r for r in raw[links.table] if r[_index(links, "interview_id")] in keep["interview"]]
    raw[links.table] = linked
    _keep_parents(raw, keep)
    out: dict[str, list[dict[str, Any]]] = {}
    for spec in SPECS:
        rows = raw[spec.table]
        if spec.has_id:
            rows = [r for r in rows if r[0] in keep[spec.table]]
        out[spec.table] = [
            {c.name: _to_json(c, v) for c, v in zip(spec.columns, row, strict=True)} for row in rows
        ]
    return out


def _index(spec: TableSpec, name: str) -> int:
    return [c.name for c in spec.columns].index(name)


def _keep_parents(raw: dict[str, list[tuple[Any, ...]]], keep: dict[str, set[int]]) -> None:
    # Until nothing changes: a kept row's parents are kept, and so are theirs.
    changed = True
    while changed:
        changed = False
        for spec in SPECS:
            refs = [(i, c.ref) for i, c in enumerate(spec.columns) if c.ref]
            for row in raw[spec.table]:
                if spec.has_id and row[0] not in keep[spec.table]:
                    continue
                for i, ref in refs:
                    assert ref is not None
                    if row[i] is not None and row[i] not in keep[ref]:
                        keep[ref].add(row[i])
                        changed = True
