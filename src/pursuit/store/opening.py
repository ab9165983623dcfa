"""Opening the database a run names: a SQLite file, or a search on a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from pursuit.store.database import Database, open_database
from pursuit.store.location import PgTarget


def open_location(
    where: Path | PgTarget, *, private_dir: bool = False, local: Path | None = None
) -> Database:
    """Open (creating and migrating as needed) what `where` names. psycopg is imported
    only for a PostgreSQL search; `local` is where that search's files on this machine go
    (what could not be saved), by default under the user data dir."""
    if isinstance(where, Path):
        return open_database(where, private_dir=private_dir)
    from pursuit.store.pg.database import open_pg

    if local is None:
        from pursuit.paths import data_dir

        local = data_dir() / "servers" / where.local_name
    return open_pg(where, local)
