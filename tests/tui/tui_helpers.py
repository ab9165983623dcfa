"""Helpers for Pilot tests: wait on workers and conditions, read panes and rows."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from textual.geometry import Region
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled

from pursuit.tui.app import PursuitApp

M = TypeVar("M", bound=Message)


async def workers_done(pilot: Pilot[None]) -> None:
    # An exclusive worker replaced by a newer one counts as done, not as a failure.
    with contextlib.suppress(WorkerCancelled):
        await pilot.app.workers.wait_for_complete()


async def settle(pilot: Pilot[None], rounds: int = 4) -> None:
    """Let workers finish and their messages be handled (no sleeps)."""
    for _ in range(rounds):
        await workers_done(pilot)
        await pilot.pause()


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], *, rounds: int = 400
) -> None:
    for _ in range(rounds):
        if condition():
            return
        await workers_done(pilot)
        await pilot.pause(0.01)
    raise AssertionError("condition never became true")


class Clock:
    """The app's clock in a test (the app reads time only through its `now` callable).

    It stands still at the reading the test sets until `start()`; from then on it moves at
    the speed of real time, as the real clock does, so the app's own timer, sleeping real
    seconds, wakes to find the time it slept through has passed. Setting `now` is a jump
    (a laptop waking from sleep, a clock correction); a running clock keeps running.
    """

    def __init__(self, now: datetime) -> None:
        self._reading = now
        self._since: float | None = None

    @property
    def now(self) -> datetime:
        if self._since is None:
            return self._reading
        return self._reading + timedelta(seconds=time.monotonic() - self._since)

    @now.setter
    def now(self, value: datetime) -> None:
        self._reading = value
        if self._since is not None:
            self._since = time.monotonic()

    def start(self) -> None:
        if self._since is None:
            self._since = time.monotonic()

    def __call__(self) -> datetime:
        return self.now


class Messages:
    """Every message the app handles, in order: `run_test(message_hook=messages)`."""

    def __init__(self) -> None:
        self.seen: list[Message] = []

    def __call__(self, message: Message) -> None:
        self.seen.append(message)

    def of(self, kind: type[M]) -> list[M]:
        return [m for m in self.seen if isinstance(m, kind)]


def rows(db_path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def execute(db_path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def widget_text(widget: Widget) -> str:
    """What a widget shows, as plain lines (works for Groups and Tables, not only Text)."""
    return "\n".join(line.text for line in widget.render_lines(Region(0, 0, *widget.outer_size)))


def table_text(app: PursuitApp, table_id: str) -> list[str]:
    """Each row of a pane as the plain text a user sees (under a dialog too)."""
    from pursuit.tui.tables import PaneTable

    table = app.screen_stack[0].query_one(f"#{table_id}", PaneTable)
    out = []
    for index in range(table.row_count):
        cells = table.get_row_at(index)
        out.append(" | ".join(c.plain if hasattr(c, "plain") else str(c) for c in cells))
    return out


def topbar_text(app: PursuitApp) -> str:
    """The header line: the options gauge and the overdue count (under a dialog too)."""
    return widget_text(app.screen_stack[0].query_one("#topbar"))
