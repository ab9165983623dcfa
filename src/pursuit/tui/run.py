"""Starting the app from the command line."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from pursuit import clock
from pursuit.config import load_config
from pursuit.paths import config_path, database_path
from pursuit.store.database import open_database
from pursuit.store.sqlite import DatabaseError

if TYPE_CHECKING:
    from pursuit.tui.app import PursuitApp


def build_app(db_arg: str | None) -> PursuitApp:
    """The app for `pursuit [--db PATH]`, its first screen already being read."""
    config, problems = load_config(config_path())
    tz = clock.local_zone(config.timezone or None)
    path, is_default = database_path(db_arg)
    db = open_database(path, private_dir=is_default)
    from pursuit.tui.early import EarlyLoad

    # Before Textual is imported, so reading the first screen overlaps that import.
    first = EarlyLoad(db, tz, config.rules(), clock.now)
    from pursuit.tui.app import PursuitApp

    return PursuitApp(db, config=config, tz=tz, problems=problems, first=first)


def run_app(db_arg: str | None) -> int:
    try:
        app = build_app(db_arg)
    except (DatabaseError, clock.ClockError) as exc:
        print(f"pursuit: {exc}", file=sys.stderr)
        return 2
    app.run()
    return 0
