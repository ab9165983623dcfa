"""Company names for shell completion from a PostgreSQL search: one query on a connection
of its own, nothing created or migrated (store/names.py reads a SQLite file)."""

from __future__ import annotations

import sqlite3
from typing import cast

import psycopg
from psycopg import errors

from pursuit.store import company_reads
from pursuit.store.location import PgTarget
from pursuit.store.pg.adapter import PgConnection
from pursuit.store.pg.connect import connect
from pursuit.store.sqlite import DatabaseError


def company_names_on(target: PgTarget) -> list[str] | None:
    """Live company names A to Z (any case), [] for a search not made yet, None if the
    server cannot be reached or read."""
    try:
        raw = connect(target)
    except DatabaseError:
        return None
    try:
        conn = cast(sqlite3.Connection, PgConnection(raw, target))
        names = {name for _, name in company_reads.company_names(conn)}
    except errors.UndefinedTable:
        return []
    except (psycopg.Error, DatabaseError):
        return None
    finally:
        raw.close()
    return sorted(names, key=str.casefold)


def search_exists(target: PgTarget) -> bool:
    """Whether the search has been made on the server: a look that creates nothing (a
    prompt's `pursuit status` must not make a schema for a mistyped search). A server that
    cannot be reached is its one-line DatabaseError, as opening it would be."""
    raw = connect(target, search_path=False)
    try:
        row = raw.execute(
            "SELECT 1 FROM pg_namespace WHERE nspname = %s", (target.search,)
        ).fetchone()
    finally:
        raw.close()
    return row is not None
