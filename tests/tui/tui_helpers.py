"""Helpers for Pilot tests: wait on workers and conditions, read panes and rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from textual.geometry import Region
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget

from pursuit.tui import showcase
from pursuit.tui.app import PursuitApp
from reliability.helpers.timer import Clock as Clock  # the fake clock timer tests share

M = TypeVar("M", bound=Message)


async def workers_done(pilot: Pilot[None]) -> None:
    # Not the keys' flows, which can wait on a dialog: the work they start is waited for.
    await showcase.workers_done(pilot.app)


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


class _Handled(Message):
    """Posted to the app to learn when everything posted to it before has been handled."""


async def drain(pilot: Pilot[None], messages: Messages) -> None:
    """Wait until every worker has finished and the app has handled what they posted (the
    app handles its messages in order: a marker posted after them comes back after them)."""
    for _ in range(2):  # a message handled before the first marker may start a worker
        await workers_done(pilot)
        marker = _Handled()
        pilot.app.post_message(marker)
        await wait_until(pilot, lambda m=marker: m in messages.seen)  # type: ignore[misc]


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


def screen_lines(app: PursuitApp) -> list[str]:
    """The whole screen as the terminal shows it, one string a line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_cells(app: PursuitApp) -> list[list[tuple[str, str]]]:
    """The whole screen with each run's style: equal only if it looks the same."""
    return [
        [(segment.text, str(segment.style)) for segment in strip]
        for strip in app.screen._compositor.render_strips()
    ]
