"""Starting the app from the command line."""

from __future__ import annotations

import codecs
import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from pursuit import clock
from pursuit.config import load_config
from pursuit.paths import config_path, database_location
from pursuit.store import sqlite
from pursuit.store.opening import open_location

if TYPE_CHECKING:
    from pursuit.tui.app import PursuitApp


def build_app(db_arg: str | None, search: str | None = None) -> PursuitApp:
    """The app for `pursuit [--db PATH|URL] [--search NAME]`, its first screen already
    being read."""
    config, problems = load_config(config_path())
    tz = clock.local_zone(config.timezone or None)
    where, is_default = database_location(
        db_arg, search, configured=config.database, configured_search=config.search
    )
    db = open_location(where, private_dir=is_default)
    from pursuit.tui.early import EarlyLoad

    # Before Textual is imported, so reading the first screen overlaps that import.
    first = EarlyLoad(db, tz, config.rules(), clock.now)
    from pursuit.tui.app import PursuitApp

    return PursuitApp(db, config=config, tz=tz, problems=problems, first=first)


def run_app(db_arg: str | None, search: str | None = None) -> int:
    """Exit status: 0, or 2 (bad input: --db, the zone, the clock) or 4 (the file, the disk
    or another process: busy, read-only, damaged, newer) with one line on stderr, or 1 with
    one line naming the crash file (pursuit.keep) when something unexpected happened."""
    try:
        app = build_app(db_arg, search)
        # The first screen must be readable: a damaged file fails here, with one line,
        # rather than as an empty app. Read on its thread since before Textual was
        # imported, it is almost always ready by now.
        app.first_screen_ready()
    except clock.ClockError as exc:
        return _fail(str(exc), 2)
    except Exception as exc:
        known = sqlite.fault(exc)
        if known is None:
            from pursuit.keep import crash_line

            return _fail(crash_line(exc), 1)
        return _fail(str(known), 4 if known.environment else 2)
    tolerant_input()
    app.run()
    if app.exit_line:
        return _fail(app.exit_line, app.return_code or 1)
    return app.return_code or 0


def _fail(line: str, code: int) -> int:
    from pursuit.domain.text import for_terminal

    print(f"pursuit: {for_terminal(line)}", file=sys.stderr)
    return code


def tolerant_input() -> None:
    """A byte that is not UTF-8 typed or pasted into the terminal (a Latin-1 paste) must
    not kill the app. Textual's Linux driver decodes its input strictly, and its input
    thread dies on the first bad byte; decoded with U+FFFD in its place, the key is just a
    character that cannot be read. (Textual is pinned exactly; test_fault_app checks it.)"""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not a POSIX terminal
        return
    if getattr(linux_driver, "_pursuit_tolerant", False):
        return
    linux_driver.getincrementaldecoder = _replacing_decoder  # type: ignore[attr-defined,assignment]
    linux_driver._pursuit_tolerant = True  # type: ignore[attr-defined]


def _replacing_decoder(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")
