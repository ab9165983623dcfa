"""Where pursuit keeps its files (platformdirs), and which database a run uses."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pursuit.store.location import PgTarget

APP = "pursuit"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def config_path() -> Path:
    override = os.environ.get("PURSUIT_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False) / "config.toml"


def database_path(explicit: str | None) -> tuple[Path, bool]:
    """(path, is_default): --db wins, then PURSUIT_DB, then the user data dir. Only the
    default folder is ours to make 0700; a folder the user named is left as it is."""
    chosen = explicit or os.environ.get("PURSUIT_DB")
    if chosen:
        return Path(chosen).expanduser(), False
    return data_dir() / "pursuit.db", True


def database_location(
    explicit: str | None,
    search: str | None = None,
    *,
    configured: str = "",
    configured_search: str = "",
) -> tuple[Path | PgTarget, bool]:
    """(where, is_default): a SQLite file or a search on a PostgreSQL server. --db wins,
    then PURSUIT_DB, then the settings file's `database`, then the user data dir; the
    search (PostgreSQL only) is --search, then PURSUIT_SEARCH, then the settings'."""
    from pursuit.store.location import is_postgres, pg_target, sqlite_path
    from pursuit.store.sqlite import DatabaseError

    chosen = explicit or os.environ.get("PURSUIT_DB") or configured
    search = search or os.environ.get("PURSUIT_SEARCH") or None
    if chosen and is_postgres(chosen):
        return pg_target(chosen, search or configured_search or None), False
    if search is not None:
        raise DatabaseError(
            f'a search name ("{search}") picks a search on a PostgreSQL server; a SQLite '
            "file holds one search: give another file with --db instead",
            environment=False,
        )
    if chosen:
        return sqlite_path(chosen), False
    return data_dir() / "pursuit.db", True
