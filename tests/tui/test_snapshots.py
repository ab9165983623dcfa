"""SVG snapshots of the main screens: demo data, frozen clock, real key presses.

Each screen is reached as pursuit.tui.showcase.SHOTS reaches it for the README (the same
keys), but every wait here is on a condition: the app at rest with the data painted, then
the screen showing what the keys asked for. Toasts and the cursor blink are taken out of
the picture, as for the README.

Update after an intended UI change with: .venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import rows, wait_until, widget_text, workers_done

from pursuit.tui.app import PursuitApp
from pursuit.tui.detail_screen import DetailScreen
from pursuit.tui.help import HelpScreen
from pursuit.tui.modals import ConfirmScreen, PromptScreen
from pursuit.tui.showcase import SHOTS, demo_app
from pursuit.tui.snapshot import PAGE

Steps = Callable[[Pilot[None]], Awaitable[None]]
QUICK_LINE = "Initech / Platform Engineer interview fri 10am with Ann Lee (CTO), Bo Yu"


def shoot(snap_compare: Any, db_path: Path, name: str, steps: Steps) -> bool:
    size, _ = SHOTS[name]  # the README's size for this screen
    app = demo_app(db_path, fill=False)

    async def run_before(pilot: Pilot[None]) -> None:
        await at_rest(pilot, db_path)
        await steps(pilot)
        await workers_done(pilot)
        app.clear_notifications()
        for box in app.screen.query(Input):
            box.cursor_blink = False

    return bool(snap_compare(app, terminal_size=size, run_before=run_before))


async def at_rest(pilot: Pilot[None], db_path: Path) -> None:
    """The full first page painted, the overdue actions announced (a toast, then taken
    away) and marked so (a write), and that write painted too: nothing left that would
    change the screen."""
    app = pilot.app
    assert isinstance(app, PursuitApp)

    def painted() -> bool:
        (revision,) = rows(db_path, "SELECT value FROM revision")[0]
        snap = app.snapshot
        return snap is not None and snap.page == PAGE and snap.revision == revision

    await wait_until(pilot, lambda: bool(app.screen.query("Toast")))
    await wait_until(pilot, lambda: painted() and not any(w.is_running for w in app.workers))
    # Toasts time out in real time: off the screen, before any dialog goes over it.
    app.clear_notifications()
    await wait_until(pilot, lambda: not app.screen.query("Toast"))


def detail_panel(pilot: Pilot[None]) -> str:
    return widget_text(pilot.app.screen_stack[0].query_one("#detail-body"))


async def first_row_in_detail(pilot: Pilot[None]) -> None:
    # The first row is the oldest overdue action, Wayne's check-in: the panel shows it.
    await wait_until(pilot, lambda: "Wayne Enterprises" in detail_panel(pilot))


def test_main(snap_compare: Any, db_path: Path) -> None:
    """You should see, at 120x35: the top bar (options 7/5 active, 1/2 new this week, 5
    overdue, 1 due today); Follow-ups with the five overdue actions marked ! first (Wayne's
    check-in at the top), then Priya's note due in 25 min, then the loud options nudge,
    then Massive Dynamic's interview on Monday and the rest, each with its date; Active
    applications (9, Soylent first); Bridges (Wayne Enterprises, Stark Industries); the
    Detail panel showing Wayne's check-in; the key bar at the bottom."""
    assert shoot(snap_compare, db_path, "main", first_row_in_detail)


def test_main_narrow(snap_compare: Any, db_path: Path) -> None:
    """You should see, at 80x30: the same three panes stacked one above the other
    (Follow-ups, Active applications, Bridges), narrower columns, and no detail panel."""

    async def stacked(pilot: Pilot[None]) -> None:
        assert pilot.app.screen.has_class("-narrow")

    assert shoot(snap_compare, db_path, "main-narrow", stacked)


def test_quick_entry(snap_compare: Any, db_path: Path) -> None:
    """You should see the quick entry dialog over the main screen, holding the line
    "Initech / Platform Engineer interview fri 10am with Ann Lee (CTO), Bo Yu", and under
    it, in green, what saving would record: the new application, the interview on Fri 27
    Nov at 10:00 (60 min) with Ann Lee and Bo Yu, and their two thank-you notes."""

    async def typed(pilot: Pilot[None]) -> None:
        await first_row_in_detail(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PromptScreen))
        await pilot.press(*QUICK_LINE)
        await wait_until(
            pilot,
            lambda: (
                pilot.app.screen.query_one(Input).value == QUICK_LINE
                and "2 thank-you notes" in str(pilot.app.screen.query_one("#preview").render())
            ),
        )

    assert shoot(snap_compare, db_path, "quick-entry", typed)


def test_confirm_reject(snap_compare: Any, db_path: Path) -> None:
    """You should see the Active applications pane lit with Soylent under the cursor, the
    detail panel showing Soylent, and over it the question "Rejected. Were they positive
    about you?" with what yes does (a bridge with a check-in every 90 days) and the keys
    y, n and escape."""

    async def asked(pilot: Pilot[None]) -> None:
        await pilot.press("tab")
        await wait_until(pilot, lambda: "Soylent" in detail_panel(pilot))
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))

    assert shoot(snap_compare, db_path, "confirm-reject", asked)


def test_detail(snap_compare: Any, db_path: Path) -> None:
    """You should see the full-screen detail of the fifth follow-up, the thank-you note to
    Bob Lee at Acme Robotics: the heading with its status, the draft to Bob, the contacts
    and the timeline, with "escape close" at the bottom."""

    async def opened(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "j", "j")
        await wait_until(pilot, lambda: "Acme Robotics" in detail_panel(pilot))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen))
        await wait_until(
            pilot,
            lambda: "Acme Robotics" in widget_text(pilot.app.screen.query_one("#detail-full-body")),
        )

    assert shoot(snap_compare, db_path, "detail", opened)


def test_help(snap_compare: Any, db_path: Path) -> None:
    """You should see the help screen over the main screen: every key with what it does
    and its tip (enter, j / k, a Add, i Interview, t Thanked ... q Quit), and the line
    about the command palette and remapping keys."""

    async def helped(pilot: Pilot[None]) -> None:
        await first_row_in_detail(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))

    assert shoot(snap_compare, db_path, "help", helped)


def test_edit_form(snap_compare: Any, db_path: Path) -> None:
    """You should see the edit form over the main screen for Acme Robotics' application:
    every field with its value, the job URL changed to acme.example/jobs/7 and the salary
    to 90-115k as typed, and the keys to save (enter) or leave all as it was (escape)."""
    from pursuit.tui.record_form import RecordForm

    async def edited(pilot: Pilot[None]) -> None:
        await first_row_in_detail(pilot)
        await SHOTS["edit-form"][1](pilot)
        await wait_until(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, RecordForm)
                and "90-115k" in [box.value for box in pilot.app.screen.query(Input)]
            ),
        )

    assert shoot(snap_compare, db_path, "edit-form", edited)


def test_history(snap_compare: Any, db_path: Path) -> None:
    """You should see the history (H) over the main screen: the applications that ended,
    each with its company, role, outcome (rejected, on good terms, ghosted…) and the date
    it closed, most recent first, and the keys enter, / and escape."""
    from pursuit.tui.history import HistoryScreen

    async def opened(pilot: Pilot[None]) -> None:
        await first_row_in_detail(pilot)
        await SHOTS["history"][1](pilot)
        await wait_until(
            pilot,
            lambda: isinstance(pilot.app.screen, HistoryScreen) and bool(pilot.app.screen.rows),
        )

    assert shoot(snap_compare, db_path, "history", opened)


def test_detail_notes(snap_compare: Any, db_path: Path) -> None:
    """You should see the full-screen detail of Acme Robotics' application: its fields,
    interviews, contacts and what is next on the left, and beside it the timeline with
    each note typed and each text sent, indented under its event."""

    async def opened(pilot: Pilot[None]) -> None:
        await first_row_in_detail(pilot)
        await SHOTS["detail-notes"][1](pilot)
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DetailScreen))
        await wait_until(
            pilot,
            lambda: "Acme Robotics" in widget_text(pilot.app.screen.query_one("#detail-full-body")),
        )

    assert shoot(snap_compare, db_path, "detail-notes", opened)
