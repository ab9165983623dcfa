"""How every verb speaks: exit codes, bad input as one line on stderr, dates and JSON on
stdout. Standard library only at import time."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from pursuit.store.context import Ctx

EXIT_BAD_INPUT = 2
EXIT_REFUSED = 3


class UsageError(Exception):
    """Bad input caught by a verb; printed as one line, exit 2."""


def one_line(message: str) -> str:
    """Messages echo what was typed: strip escape sequences, control characters and bidi
    overrides so nothing reaches the terminal but text, on one line."""
    from pursuit.domain.text import clean_name

    return clean_name(message)


def fail(message: str, code: int) -> int:
    print(f"pursuit: {one_line(message)}", file=sys.stderr)
    return code


def show_when(ctx: Ctx, when: datetime | None) -> str:
    """ "Fri 4 Dec 14:00" in the user's zone, with the year when it is not this one; the
    form pursuit reads back."""
    if when is None:
        return "—"
    from pursuit.domain.dates import show_when as shown

    return shown(when, ctx.tz, ctx.now)


def print_json(data: object) -> None:
    import json

    print(json.dumps(data, indent=2, ensure_ascii=False))
