"""Reads about companies: the bridges pane, a company's contacts and timeline, its name.

In plain SQL over the standard library's sqlite3, as every read both faces make: frozen
dataclasses, never ORM objects, so results cross threads safely.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.matching import fold
from pursuit.store.timefmt import from_db, opt_from_db

_LIVE = "deleted_at IS NULL"


@dataclass(frozen=True)
class BridgeRow:
    company_id: int
    company: str
    contacts: str
    cadence: str
    last_check_in: datetime | None
    next_check_in: datetime | None


def bridges(
    conn: sqlite3.Connection, *, limit: int | None = None, search: str = ""
) -> list[BridgeRow]:
    # The page is chosen on the sort key alone (one index range per bridge); contacts and
    # the last check-in are read only for the bridges shown.
    page = "" if limit is None else " LIMIT ?"
    where = ""
    params: list[object] = []
    if search and fold(search):
        # A bridge is found by its name, its note, or a contact's name, role or note,
        # before the page is cut.
        where = f""" AND instr(fold(c.name || ' ' || c.notes || ' ' || coalesce((SELECT
          group_concat(p.name || ' ' || coalesce(p.role, '') || ' ' || p.notes, ' ')
          FROM contact p WHERE p.company_id = c.id AND p.{_LIVE}), '')), ?) > 0"""
        params.append(fold(search))
    sql = f"""
    WITH page AS (
      SELECT c.id AS id, c.name AS name,
        (SELECT MIN(x.next_at) FROM action x WHERE x.company_id = c.id AND x.kind = 'check_in'
           AND x.done_at IS NULL AND x.{_LIVE}) AS next_at
      FROM company c WHERE c.is_bridge = 1 AND c.{_LIVE}{where}
      ORDER BY next_at NULLS LAST, c.name{page})
    SELECT page.id, page.name,
      (SELECT group_concat(name, ', ') FROM (SELECT p.name FROM contact p
         WHERE p.company_id = page.id AND p.{_LIVE} ORDER BY p.id) AS people),
      c.bridge_cadence,
      (SELECT MAX(e.at) FROM event e WHERE e.company_id = page.id AND e.kind = 'check_in'
         AND e.{_LIVE}),
      page.next_at
    FROM page JOIN company c ON c.id = page.id
    ORDER BY page.next_at NULLS LAST, page.name
    """
    if limit is not None:
        params.append(limit)
    return [
        BridgeRow(
            company_id=int(r[0]),
            company=str(r[1]),
            contacts=str(r[2] or ""),
            cadence=str(r[3] or ""),
            last_check_in=opt_from_db(r[4]),
            next_check_in=opt_from_db(r[5]),
        )
        for r in conn.execute(sql, params)
    ]


@dataclass(frozen=True)
class EventRow:
    at: datetime
    kind: str
    direction: str | None
    summary: str
    body: str | None
    contact: str | None
    title: str | None


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    role: str | None
    email: str | None
    talking_point: str | None


def timeline(
    conn: sqlite3.Connection, company_id: int, *, limit: int = 200, offset: int = 0
) -> list[EventRow]:
    """A company's whole history, newest first, across all its applications (R8 reopen),
    a page at a time."""
    rows = conn.execute(
        f"""SELECT e.at, e.kind, e.direction, e.summary, e.body, p.name, a.title
        FROM event e LEFT JOIN contact p ON p.id = e.contact_id
        LEFT JOIN application a ON a.id = e.application_id
        WHERE e.company_id = ? AND e.{_LIVE} ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?""",
        (company_id, limit, offset),
    )
    return [EventRow(from_db(r[0]), r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]


def contacts(conn: sqlite3.Connection, company_id: int) -> list[ContactRow]:
    rows = conn.execute(
        f"SELECT id, name, role, email, talking_point FROM contact "
        f"WHERE company_id = ? AND {_LIVE} ORDER BY id",
        (company_id,),
    )
    return [ContactRow(*r) for r in rows]


def company_name(conn: sqlite3.Connection, company_id: int) -> str | None:
    row = conn.execute("SELECT name FROM company WHERE id = ?", (company_id,)).fetchone()
    return str(row[0]) if row else None


def company_names(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    return [
        (int(i), str(n)) for i, n in conn.execute(f"SELECT id, name FROM company WHERE {_LIVE}")
    ]
