"""The app never dies of a storage fault, never prints a traceback, and never sends a
terminal anything but text.

Every worker of the app (a load, the poll for other processes' writes, the detail, a
write) ends in one of three ways: done; a storage fault (busy past the timeout, disk full,
read-only, damaged file: `store.sqlite.fault`), which is one line on screen while the app
keeps running and the next poll retries; or an unexpected error, whose details go to a
0600 crash file (`pursuit.keep`) and whose one line says where.

Textual sends every failure it does not expect (a worker's error, an exception in a
handler) to `App._handle_exception`, which would print a traceback with local variables
(the company, role or draft being written) and exit. This is the one place that decides
instead. Textual is pinned exactly (pyproject.toml), and tests/reliability/test_fault_app.py
fails if this hook stops being called.

Text reaches the screen from the file, and the file can hold anything (a crafted database,
an old restore): every line the app renders passes through `TerminalSafe`, a line filter
that applies domain/text.py's cleaning, whatever widget drew it (a pane, the detail, a
dialog, a toast).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter
from textual.worker import WorkerFailed

from pursuit.domain.text import for_terminal_cells
from pursuit.keep import crash_line, recovered_files
from pursuit.store import sqlite
from pursuit.tui.live import LiveData

FAULT_REPEAT_SECONDS = 30.0
"""The same fault (the poll meets it every second) is shown again only after this long."""


class TerminalSafe(LineFilter):
    """Every rendered line, cleaned of what a terminal would act on (widths kept)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(for_terminal_cells(s.text) is not s.text for s in segments):
            return segments
        return [
            Segment(for_terminal_cells(s.text), s.style, s.control) if not s.control else s
            for s in segments
        ]


class Faults(LiveData):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fault_shown: dict[str, float] = {}
        self.fault_lines: list[str] = []
        """Every fault line shown, oldest first."""
        self._terminal_safe = TerminalSafe()
        self.exit_line: str | None = None
        """Set when an unexpected error ends the app: the line to print on the way out."""

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*super().get_line_filters(), self._terminal_safe]

    def show_fault(self, line: str, *, repeat: bool = False) -> None:
        """One line on screen saying what happened and what to do; the app keeps running.
        A fault the poll meets every second is shown once in a while, not every second;
        a write's (`repeat`) every time, since each is an answer to a key."""
        now = time.monotonic()
        last = self._fault_shown.get(line)
        if not repeat and last is not None and now - last < FAULT_REPEAT_SECONDS:
            return
        self._fault_shown[line] = now
        self.fault_lines.append(line)
        if not self.quitting:
            self.notify(line, title="storage", severity="error", markup=False, timeout=10)

    def first_screen_ready(self) -> None:
        """Wait for the first screen's early read; raises what it raised (before the app
        runs, so a file that cannot be read is one line at start-up, not an empty app)."""
        if self._first is not None:
            self._first.result()

    def offer_recovered(self) -> None:
        """Text kept from an earlier session that could not be saved: say where it is."""
        found = recovered_files(self.db.path)
        if found:
            self.notify(
                f"{len(found)} unsaved entr{'y' if len(found) == 1 else 'ies'} from before "
                f"kept in {found[0].parent}: copy what you need, then delete the files",
                title="recovered",
                severity="warning",
                markup=False,
                timeout=20,
            )

    def _handle_exception(self, error: Exception) -> None:
        cause = error.error if isinstance(error, WorkerFailed) else error
        known = sqlite.fault(cause) if isinstance(cause, BaseException) else None
        if known is not None:
            self.show_fault(str(known))
            return
        line = crash_line(cause if isinstance(cause, BaseException) else error)
        self._return_code = 1
        if self._exception is None:
            # Pilot re-raises the first one, so a test still fails on a bug.
            self._exception = error
            self._exception_event.set()
        # Instead of a traceback with locals: one line, printed by run_app once the
        # terminal is restored (tui/run.py).
        self.exit_line = line
        self._close_messages_no_wait()
