"""What a verb runs in: the user's settings (problems reported on stderr), the database,
the clock and zone, and dates typed on the command line."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from pursuit.cli.output import UsageError

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from pursuit.config import Config
    from pursuit.domain.dates.days import Prefer
    from pursuit.domain.dates.reading import When
    from pursuit.store.context import Ctx
    from pursuit.store.location import PgTarget


def load_settings() -> Config:
    from pursuit.config import load_config
    from pursuit.paths import config_path

    config, problems = load_config(config_path())
    for problem in problems:
        print(f"pursuit: {problem}", file=sys.stderr)
    return config


def locate(args: argparse.Namespace, config: Config) -> tuple[Path | PgTarget, bool]:
    """The database the command line, the environment and the settings name."""
    from pursuit.paths import database_location

    return database_location(
        args.db,
        getattr(args, "search", None),
        configured=config.database,
        configured_search=config.search,
    )


def open_ctx(args: argparse.Namespace) -> Ctx:
    from pursuit import clock
    from pursuit.store.context import Ctx
    from pursuit.store.opening import open_location

    config = load_settings()
    where, is_default = locate(args, config)
    tz = clock.local_zone(config.timezone or None)
    db = open_location(where, private_dir=is_default)
    return Ctx(db=db, now=clock.now(), tz=tz, settings=config.rules(), on_wait=_say_waiting)


def _say_waiting() -> None:
    # Another pursuit (a long import, the app) holds the write lock: say why nothing
    # happens yet, once; the write goes ahead as soon as the lock is free.
    print("pursuit: waiting for another pursuit to finish writing…", file=sys.stderr, flush=True)


def read_when(
    ctx: Ctx,
    text: str,
    *,
    prefer: Prefer = "future",
    need_time: bool = False,
    force: bool | None = None,
    what: str = "",
) -> When:
    """A date typed on the command line, read in the user's zone and day/month order: the
    instant, whether a time of day was typed, a range's length and how an open phrase was
    read (`.note`, for the verb to print).

    A date more than a year away is a slip until the user says otherwise: `force` None
    (the verb has no --force) refuses it; False refuses it naming --force; True takes it.
    `what` ("--at") starts the message, so a verb with two dates says which was wrong."""
    from pursuit.domain.date_range import DateRangeError, check_in_range
    from pursuit.domain.dates.errors import DateParseError
    from pursuit.domain.dates.reading import WITHIN_A_YEAR, FarDateError
    from pursuit.domain.dates.reading import read_when as read

    def bad(message: str) -> UsageError:
        return UsageError(f"{what}: {message}" if what else message)

    try:
        when = read(
            text,
            ctx.now,
            ctx.tz,
            prefer=prefer,
            within=None if force else WITHIN_A_YEAR,
            date_order=ctx.settings.date_order,
            need_time=need_time,
        )
        check_in_range(when.at, f'"{text}" is')
        return when
    except OverflowError:
        raise bad(f'"{text}" is beyond the dates pursuit keeps') from None
    except DateRangeError as exc:
        raise bad(str(exc)) from None
    except FarDateError as exc:
        if force is None:
            raise bad(str(exc)) from None
        raise bad(f"{exc}, or add --force if that is right") from None
    except DateParseError as exc:
        raise bad(str(exc)) from None


def say_notes(*whens: When | None) -> None:
    """How open phrases were read ('"next fri" is the Friday of next week'), on stdout
    after the verb's own lines, so the user sees which day was taken; each once."""
    from pursuit.cli.output import one_line

    notes = [w.note for w in whens if w is not None and w.note]
    for note in dict.fromkeys(notes):
        print(f"Note: {one_line(note)}")
