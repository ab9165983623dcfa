"""How every verb speaks: exit codes, bad input as one line on stderr, dates and JSON on
stdout. Standard library only at import time.

Every line a verb prints reaches the terminal through `for_terminal` (domain/text.py):
`cleaned_streams` puts it between the verbs and stdout/stderr, so a name holding an escape
sequence (a crafted database, a restored file, a cell of a CSV being imported) is shown
as text, whichever print it goes through. JSON is the exception: it is written exact,
with what a terminal would act on escaped the JSON way (`print_json`)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import datetime

    from pursuit.store.context import Ctx

EXIT_BAD_INPUT = 2
EXIT_REFUSED = 3
EXIT_ENVIRONMENT = 4
"""The file, the disk or another process is at fault (busy, full, read-only, damaged, a
newer pursuit's database), not what was typed; nothing was written."""


class UsageError(Exception):
    """Bad input caught by a verb; printed as one line, exit 2."""


def one_line(message: str) -> str:
    """Messages echo what was typed: strip escape sequences, control characters and bidi
    overrides so nothing reaches the terminal but text, on one line."""
    from pursuit.domain.text import for_terminal

    return " ".join(for_terminal(message).split())


def fail(message: str, code: int) -> int:
    print(f"pursuit: {one_line(message)}", file=sys.stderr)
    return code


def show_when(ctx: Ctx, when: datetime | None) -> str:
    """ "Fri 4 Dec 14:00" in the user's zone, with the year when it is not this one; the
    form pursuit reads back."""
    if when is None:
        return "—"
    from pursuit.domain.dates.showing import show_when as shown

    return shown(when, ctx.tz, ctx.now)


class _Cleaned:
    """A text stream whose every write goes through `for_terminal` (lines kept)."""

    def __init__(self, inner: IO[str]) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        from pursuit.domain.text import for_terminal

        self.inner.write(for_terminal(text, multiline=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@contextlib.contextmanager
def cleaned_streams() -> Iterator[None]:
    """stdout and stderr cleaned for the terminal while a verb runs."""
    out, err = sys.stdout, sys.stderr
    for stream in (out, err):
        # A character the terminal's encoding cannot show is a "?", not a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="replace")
    sys.stdout, sys.stderr = _Cleaned(out), _Cleaned(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def write_exact(text: str) -> None:
    """Text that is already safe for a terminal and must stay byte for byte (JSON)."""
    stream = sys.stdout
    inner = stream.inner if isinstance(stream, _Cleaned) else stream
    inner.write(text)


def print_json(data: object) -> None:
    from pursuit.domain.text import json_for_terminal

    write_exact(json_for_terminal(data) + "\n")
