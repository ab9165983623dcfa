"""The reliability tests on either engine (issue 16): the environment that points `pursuit`
at a test's search, another connection holding the writers' lock, and a second search."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from engines import PG_URL, drop_search, new_search
from pursuit.store.database import Database, open_database
from pursuit.store.location import pg_target
from pursuit.store.opening import open_location


def search_of(db: Database) -> str | None:
    """The PostgreSQL search `db` is, or None for a SQLite file."""
    target = getattr(db, "target", None)
    return None if target is None else str(target.search)


def pointed_at(env: dict[str, str], db: Database) -> dict[str, str]:
    """`env` with `pursuit` pointed at `db` (its file, or the server and its search)."""
    search = search_of(db)
    if search is None:
        return {**env, "PURSUIT_DB": str(db.path)}
    return {**env, "PURSUIT_DB": PG_URL, "PURSUIT_SEARCH": search}


@contextlib.contextmanager
def writers_lock_held(db: Database) -> Iterator[None]:
    """Another process's long write (an import), holding the lock every writer takes
    first: SQLite's write lock (BEGIN IMMEDIATE), or on PostgreSQL the revision row's
    (`SELECT … FOR UPDATE`, as store/pg/adapter.py takes it)."""
    search = search_of(db)
    if search is None:
        holder = sqlite3.connect(db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    import psycopg

    from pursuit.store.pg.adapter import LOCK_REVISION

    with psycopg.connect(PG_URL, autocommit=True, options=f"-c search_path={search}") as pg:
        pg.execute("BEGIN")
        pg.execute(LOCK_REVISION)
        try:
            yield
        finally:
            pg.execute("ROLLBACK")


@contextlib.contextmanager
def another_search(db: Database, where: Path) -> Iterator[Database]:
    """A second, empty search on `db`'s engine (a file in `where`, or a schema), removed
    after."""
    if search_of(db) is None:
        other = open_database(where / "other.db")
        try:
            yield other
        finally:
            other.close()
        return
    name = new_search()
    try:
        other = open_location(pg_target(PG_URL, name), local=where / "other-local")
        try:
            yield other
        finally:
            other.close()
    finally:
        drop_search(name)
