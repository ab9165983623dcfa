"""Company names for shell completion: read-only, standard library only, and nothing
created, migrated or locked, since it runs on every Tab press."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from pursuit.store import company_reads
from pursuit.store.sqlite import connect_readonly

if TYPE_CHECKING:
    from pursuit.store.location import PgTarget


def company_names_at(where: Path | PgTarget) -> list[str] | None:
    """The names in a SQLite file or (psycopg imported only then) a PostgreSQL search."""
    if isinstance(where, Path):
        return company_names_in(where)
    from pursuit.store.pg.names import company_names_on

    return company_names_on(where)


def company_names_in(path: Path) -> list[str] | None:
    """Live company names A to Z (any case), [] without a database, None if unreadable
    (a named pipe or a device is never opened: a Tab press must not hang)."""
    if not path.exists():
        return []
    if not path.is_file():
        return None
    try:
        conn = connect_readonly(path)
        try:
            names = {name for _, name in company_reads.company_names(conn)}
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return sorted(names, key=str.casefold)
