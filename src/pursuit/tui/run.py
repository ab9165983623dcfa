"""Starting the app from the command line."""

from __future__ import annotations

import sys

from pursuit import clock
from pursuit.config import load_config
from pursuit.paths import config_path, database_path
from pursuit.store.database import open_database
from pursuit.store.sqlite import DatabaseError


def run_app(db_arg: str | None) -> int:
    config, problems = load_config(config_path())
    try:
        tz = clock.local_zone(config.timezone or None)
        path, is_default = database_path(db_arg)
        db = open_database(path, private_dir=is_default)
    except (DatabaseError, clock.ClockError) as exc:
        print(f"pursuit: {exc}", file=sys.stderr)
        return 2
    from pursuit.tui.app import PursuitApp

    PursuitApp(db, config=config, tz=tz, problems=problems).run()
    return 0
