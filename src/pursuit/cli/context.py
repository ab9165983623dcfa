"""What a verb runs in: the user's settings (problems reported on stderr), the database,
the clock and zone, and dates typed on the command line."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from pursuit.cli.output import UsageError

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from pursuit.config import Config
    from pursuit.store.context import Ctx


def load_settings() -> Config:
    from pursuit.config import load_config
    from pursuit.paths import config_path

    config, problems = load_config(config_path())
    for problem in problems:
        print(f"pursuit: {problem}", file=sys.stderr)
    return config


def open_ctx(args: argparse.Namespace) -> Ctx:
    from pursuit import clock
    from pursuit.paths import database_path
    from pursuit.store.context import Ctx
    from pursuit.store.database import open_database

    config = load_settings()
    path, is_default = database_path(args.db)
    tz = clock.local_zone(config.timezone or None)
    db = open_database(path, private_dir=is_default)
    return Ctx(db=db, now=clock.now(), tz=tz, settings=config.rules())


def read_when(ctx: Ctx, text: str, *, prefer: str = "future") -> datetime:
    from pursuit.domain.date_range import DateRangeError, check_in_range
    from pursuit.domain.dates import DateParseError, parse_when

    try:
        when = parse_when(text, ctx.now, ctx.tz, prefer=prefer)  # type: ignore[arg-type]
        return check_in_range(when, f'"{text}" is')
    except (DateParseError, DateRangeError, OverflowError) as exc:
        if isinstance(exc, OverflowError):
            raise UsageError(f'"{text}" is beyond the dates pursuit keeps') from None
        raise UsageError(str(exc)) from None
