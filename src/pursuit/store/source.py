"""Reading a world's rows from the SQLite file, with the standard library's driver."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pursuit.domain.kinds import ActionKind, Channel, Direction, EventKind, Status
from pursuit.store.rows import (
    INSTANTS,
    ActionRow,
    AppRow,
    CompanyRow,
    ContactRow,
    EventRow,
    InterviewRow,
    LinkRow,
    Row,
    SettingRow,
)
from pursuit.store.timefmt import from_db
from pursuit.store.world_rows import Loaded

R = TypeVar("R", bound=Row)
_CONVERT: dict[str, Callable[[Any], Any]] = {
    **{c: from_db for c in INSTANTS},
    "is_bridge": bool,
    "due_guessed": bool,
    "too_soon": bool,
    "remote": bool,
}
_KINDS: dict[type[Row], dict[str, Callable[[Any], Any]]] = {
    AppRow: {"status": Status},
    ActionRow: {"kind": ActionKind},
    EventRow: {"kind": EventKind, "direction": Direction, "channel": Channel},
}
# SQLite allows at most 999 parameters in old builds; ids are read in chunks below that.
_CHUNK = 900
_OWNERS = {
    "application": "SELECT company_id FROM application WHERE id = ?",
    "action": "SELECT company_id FROM action WHERE id = ?",
    "contact": "SELECT company_id FROM contact WHERE id = ?",
}


def _reader(cls: type[R]) -> Callable[[Sequence[Any]], R]:
    convert = {**_CONVERT, **_KINDS.get(cls, {})}
    steps = [convert.get(c) for c in cls.COLUMNS]

    def read(values: Sequence[Any]) -> R:
        return cls(
            *(v if f is None or v is None else f(v) for f, v in zip(steps, values, strict=True))
        )

    return read


def _select(cls: type[Row], where: str) -> str:
    return f"SELECT {', '.join(cls.COLUMNS)} FROM {cls.TABLE} WHERE {where}"


class SqliteSource:
    """Reads inside the caller's transaction on `conn`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def max_ids(self) -> dict[str, int]:
        tables = ("company", "contact", "application", "interview", "action", "event", "setting")
        return {
            t: int(self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0])
            for t in tables
        }

    def company_id(self, key: str) -> int | None:
        row = self.conn.execute("SELECT id FROM company WHERE name_key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def company_names(self) -> list[tuple[int, str]]:
        return [
            (int(i), str(n))
            for i, n in self.conn.execute("SELECT id, name FROM company WHERE deleted_at IS NULL")
        ]

    def unusual_company_names(self) -> list[tuple[int, str]]:
        # A name that is all ASCII is its own skeleton: only the others can look like a
        # plain name and differ from it. More bytes than characters: not ASCII (about a
        # millisecond for 10,000 companies, where a GLOB takes twenty).
        return [
            (int(i), str(n))
            for i, n in self.conn.execute(
                "SELECT id, name FROM company WHERE deleted_at IS NULL "
                "AND length(CAST(name AS BLOB)) != length(name)"
            )
        ]

    def setting(self, key: str) -> SettingRow | None:
        found = self.conn.execute(_select(SettingRow, "key = ?"), (key,)).fetchone()
        return None if found is None else _reader(SettingRow)(found)

    def open_companies(self) -> list[int]:
        closed = ("rejected", "withdrawn", "ghosted", "accepted")
        return [
            int(r[0])
            for r in self.conn.execute(
                "SELECT DISTINCT company_id FROM application WHERE deleted_at IS NULL "
                f"AND status NOT IN ({', '.join('?' * len(closed))})",
                closed,
            )
        ]

    def owner_of(self, table: str, row_id: int) -> int | None:
        row = self.conn.execute(_OWNERS[table], (row_id,)).fetchone()
        return None if row is None else int(row[0])

    def events(self, company_id: int) -> list[EventRow]:
        return self._rows(EventRow, "company_id IN ({ids})", [company_id])

    def _rows(self, cls: type[R], where: str, ids: Sequence[int]) -> list[R]:
        read = _reader(cls)
        found: list[R] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            sql = _select(cls, where.format(ids=marks)) + " ORDER BY rowid"
            found.extend(read(r) for r in self.conn.execute(sql, chunk))
        return found

    def load(self, company_ids: list[int]) -> Loaded:
        companies = self._rows(CompanyRow, "id IN ({ids})", company_ids)
        ids = [c.id for c in companies]
        apps = self._rows(AppRow, "company_id IN ({ids})", ids)
        app_ids = [a.id for a in apps]
        interviews = self._rows(InterviewRow, "application_id IN ({ids})", app_ids)
        return Loaded(
            companies=companies,
            contacts=self._rows(ContactRow, "company_id IN ({ids})", ids),
            apps=apps,
            interviews=interviews,
            links=self._rows(LinkRow, "interview_id IN ({ids})", [i.id for i in interviews]),
            actions=self._rows(ActionRow, "company_id IN ({ids})", ids),
            touches=self._rows(
                EventRow,
                "application_id IN ({ids}) AND direction IS NOT NULL AND deleted_at IS NULL",
                app_ids,
            ),
        )
