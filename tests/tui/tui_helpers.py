"""Helpers for Pilot tests: wait on workers and conditions, read panes and rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from pursuit.tui import showcase
from pursuit.tui.app import PursuitApp


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


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


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
    return "\n".join(line.text for line in widget.render_lines(Region(0, 0, *widget.size)))


def table_text(app: PursuitApp, table_id: str) -> list[str]:
    """Each row of a pane as the plain text a user sees."""
    from pursuit.tui.tables import PaneTable

    table = app.query_one(f"#{table_id}", PaneTable)
    out = []
    for index in range(table.row_count):
        cells = table.get_row_at(index)
        out.append(" | ".join(c.plain if hasattr(c, "plain") else str(c) for c in cells))
    return out


def screen_lines(app: PursuitApp) -> list[str]:
    """The whole screen as the terminal shows it, one string a line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_cells(app: PursuitApp) -> list[list[tuple[str, str]]]:
    """The whole screen with each run's style: equal only if it looks the same."""
    return [
        [(segment.text, str(segment.style)) for segment in strip]
        for strip in app.screen._compositor.render_strips()
    ]
