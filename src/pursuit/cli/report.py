"""`pursuit report`: how the search is going, as text, Markdown or JSON (issue #17).

`report(...)` takes the parsed values and returns the text and the exit status, and
prints nothing; `cmd_report` is the verb. The figures are the review screen's (`domain.review`),
read in one snapshot (`store.history`) and rendered by `domain.review_report`.

    pursuit report                      the last 7 days (the weekly report)
    pursuit report --month              the last 4 weeks, as the review screen opens
    pursuit report --since 2026-02-01   from that day (its first week may be short)
    pursuit report --format markdown    or text (the default), or json
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import parse_when
from pursuit.domain.review import review
from pursuit.domain.review_facts import prepare
from pursuit.domain.review_periods import PeriodKey, period
from pursuit.domain.review_report import as_json, as_markdown, as_text
from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.domain.text import clean_name

if TYPE_CHECKING:
    from pursuit.store.database import Database

EXIT_OK = 0
EXIT_BAD_INPUT = 2
FORMATS = ("text", "markdown", "json")
Format = Literal["text", "markdown", "json"]


def report(
    db_path: Path | Database,
    *,
    now: datetime,
    tz: tzinfo,
    settings: RuleSettings = DEFAULTS,
    week: bool = False,
    month: bool = False,
    since: str | None = None,
    fmt: str = "text",
) -> tuple[str, int]:
    """(the report, 0), or (one line for stderr, 2) on bad input or an unusable database.

    `week`, `month` and `since` are the verb's exclusive period options (none: the week);
    `since` is a date as the user typed it, read in `tz`."""
    from pursuit.store.database import Database, open_database
    from pursuit.store.history import read_history
    from pursuit.store.sqlite import DatabaseError

    if fmt not in FORMATS:
        return _bad(f'unknown --format "{fmt}"; use one of: {", ".join(FORMATS)}')
    if sum((week, month, since is not None)) > 1:
        return _bad("give one of --week, --month, --since")
    start = None
    if since is not None:
        try:
            start = parse_when(since, now, tz, prefer="past", default_time=time(0, 0))
        except DateParseError as exc:
            return _bad(f"--since: {exc}")
        if start > now:
            return _bad(f'--since "{since}" is in the future')
    key = (
        PeriodKey.SINCE
        if start is not None
        else (PeriodKey.FOUR_WEEKS if month else PeriodKey.WEEK)
    )
    try:
        db = db_path if isinstance(db_path, Database) else open_database(db_path)
        try:
            with db.read() as conn:
                history = read_history(conn)
        finally:
            if db is not db_path:
                db.close()
    except DatabaseError as exc:
        return _bad(str(exc))
    figures = review(prepare(history, now, tz), period(key, now, tz, start), settings)
    if fmt == "json":
        return json.dumps(as_json(figures, tz), indent=2, ensure_ascii=False) + "\n", EXIT_OK
    if fmt == "markdown":
        return as_markdown(figures, tz), EXIT_OK
    return as_text(figures, tz), EXIT_OK


def _bad(message: str) -> tuple[str, int]:
    # Messages echo what was typed: one clean line, as every other verb's.
    return f"pursuit: {clean_name(message)}\n", EXIT_BAD_INPUT


def cmd_report(args: argparse.Namespace) -> int:
    from pursuit.cli.context import open_ctx

    ctx = open_ctx(args)
    text, code = report(
        ctx.db,
        now=ctx.now,
        tz=ctx.tz,
        settings=ctx.settings,
        week=args.week,
        month=args.month,
        since=args.since,
        fmt=args.format,
    )
    print(text, end="", file=sys.stdout if code == EXIT_OK else sys.stderr)
    return code
