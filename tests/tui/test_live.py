"""Hostile text through every pane, writes from another process, and the timer service."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import (
    Clock,
    Messages,
    rows,
    settle,
    table_text,
    topbar_text,
    wait_until,
    widget_text,
)

from pursuit.agenda import AgendaItem
from pursuit.config import Config
from pursuit.domain.people import Person
from pursuit.store import commands
from pursuit.store.context import Ctx
from pursuit.store.database import open_database
from pursuit.store.timefmt import to_db
from pursuit.tui.app import PursuitApp
from pursuit.tui.help import HelpScreen
from pursuit.tui.messages import AnnouncementsFound, RevisionChanged, SnapshotLoaded
from pursuit.tui.showcase import FROZEN_NOW
from pursuit.tui.tables import PaneTable

ZONE = FROZEN_NOW.tzinfo

HOSTILE = [
    "[/]",
    "[bold]Bold[/bold]",
    "Engineer [remote]",
    "[link=https://x]click[/link]",
    "[@click=app.quit]quit[/]",
    "[b unterminated",
    "\\[escaped",
]


async def test_hostile_text_shows_as_typed_in_every_pane(tmp_path: Path) -> None:
    db = open_database(tmp_path / "h.db")
    zone = FROZEN_NOW.tzinfo
    assert zone is not None
    ctx = Ctx(db=db, now=FROZEN_NOW - timedelta(days=3), tz=zone)
    for i, text in enumerate(HOSTILE):
        company = f"Co{i} {text}"
        commands.add_application(ctx, company, text)
        commands.log_interview(
            ctx, company, at=ctx.now - timedelta(hours=3), people=(Person(f"P{i} {text}", text),)
        )
        if i % 2:
            commands.reject(ctx, company, friendly=True)
    app = PursuitApp(db, config=Config(), tz=zone, now=lambda: FROZEN_NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        everything = "\n".join(r for t in ("agenda", "apps", "bridges") for r in table_text(app, t))
        for text in HOSTILE:
            assert f"Co{HOSTILE.index(text)} {text}" in everything, text
            assert f"P{HOSTILE.index(text)} {text}" in everything, text
        # The detail panel shows each name, title and role exactly as typed too: row by
        # row, applications (even i) then bridges (odd i, rejected kindly).
        detail = app.query_one("#detail-body")

        def words(text: str) -> str:
            """Text without its spaces: the panel wraps (and folds long words) at 29 columns."""
            return "".join(text.split())

        def shown() -> str:
            """What the panel shows inside its border."""
            return words(widget_text(detail).replace("│", ""))

        for pane, odd in (("apps", 0), ("bridges", 1)):
            await pilot.press("tab")
            listed = table_text(app, pane)
            assert len(listed) == len(HOSTILE[odd::2]), listed
            for row, line in enumerate(listed):
                if row:
                    await pilot.press("j")
                i = int(line.split(" ", 1)[0].removeprefix("Co"))
                text = HOSTILE[i]
                assert i % 2 == odd
                heading = (
                    f"Co{i} {text} — {text}  (interviewing · your move)"
                    if pane == "apps"
                    else f"Co{i} {text}"
                )
                person = f"• P{i} {text} ({text})"
                await wait_until(pilot, lambda h=heading: words(h) in shown())  # type: ignore[misc]
                assert words(person) in shown(), (text, shown())


async def test_a_write_from_the_command_line_appears_in_the_open_app(
    app: PursuitApp, db_path: Path
) -> None:
    env = {
        **os.environ,
        "PURSUIT_DB": str(db_path),
        "PURSUIT_TZ": "America/New_York",
        "PURSUIT_CONFIG": str(db_path.parent / "none.toml"),
        "PURSUIT_NOW": FROZEN_NOW.isoformat(),
    }
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        table = app.query_one("#apps", PaneTable)
        await pilot.press("tab", "j", "j")
        kept = table.selected
        done = subprocess.run(
            [sys.executable, "-m", "pursuit", "add", "Zeta Labs", "Data Scientist"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        await wait_until(
            pilot, lambda: any("Zeta Labs" in r for r in table_text(app, "apps")), rounds=1000
        )
        assert table.selected == kept  # the cursor stayed on the row it was on


# The demo's next action to fall due after FROZEN_NOW (Thu 26 Nov 15:20): the thank-you
# note to Priya Nair, 24 h after her interview ended.
PRIYA_DUE = datetime(2026, 11, 26, 15, 45, tzinfo=FROZEN_NOW.tzinfo)
PRIYA_TOAST = ("Overdue", "Thank Priya Nair (Recruiter) — Globex")


def priya_mark(app: PursuitApp) -> str:
    (row,) = [r for r in table_text(app, "agenda") if "Priya Nair" in r]
    return row.split(" | ")[0]


def overdue_toasts(app: PursuitApp) -> list[tuple[str, str]]:
    """Records (title, text) of every "Overdue" toast the app shows from now on."""
    shown: list[tuple[str, str]] = []
    toast = app._toast_overdue

    def recording(text: str, items: list[AgendaItem]) -> None:
        shown.append(("Overdue", text))
        toast(text, items)

    app._toast_overdue = recording  # type: ignore[method-assign]
    return shown


def app_at(db_path: Path, clock: Clock) -> PursuitApp:
    return PursuitApp(open_database(db_path), config=Config(), tz=ZONE, now=clock)


async def caught_up(pilot: Pilot[None], db_path: Path, messages: Messages) -> None:
    """Wait until the app has painted the database's latest revision (its own writes,
    such as marking the first announcements, included)."""

    def painted() -> bool:
        loads = messages.of(SnapshotLoaded)
        (revision,) = rows(db_path, "SELECT value FROM revision")[0]
        return bool(loads) and loads[-1].snapshot.revision == revision

    await settle(pilot)  # the workers it started, a write among them, have finished
    await wait_until(pilot, painted)
    await settle(pilot)


def test_priya_is_the_next_to_fall_due(db_path: Path) -> None:
    pending = rows(
        db_path,
        "SELECT next_at FROM action WHERE done_at IS NULL AND deleted_at IS NULL "
        "AND next_at > ? ORDER BY next_at LIMIT 2",
        (to_db(FROZEN_NOW),),
    )
    # Then the next, at 09:30 on Tue 1 Dec (14:30 UTC): the usual time of a guessed date.
    assert pending == [(to_db(PRIYA_DUE),), ("2026-12-01 14:30:00.000000",)]


async def test_the_wake_timer_turns_a_row_overdue_when_its_time_comes(db_path: Path) -> None:
    clock = Clock(PRIYA_DUE - timedelta(seconds=1))
    app = app_at(db_path, clock)
    toasts = overdue_toasts(app)
    messages = Messages()
    async with app.run_test(size=(120, 35), message_hook=messages) as pilot:
        await caught_up(pilot, db_path, messages)
        # The clock stands one second before Priya's note falls due: not overdue yet.
        assert priya_mark(app) == " "
        assert "! 5 overdue" in topbar_text(app)
        assert toasts == [("Overdue", "5 actions are overdue")]
        seen = len(messages.seen)

        clock.start()  # time passes; nobody calls reload: only the app's own timer can wake
        await wait_until(pilot, lambda: priya_mark(app) == "!", rounds=2000)
        assert "! 6 overdue" in topbar_text(app)
        marks = [r.split(" | ")[0] for r in table_text(app, "agenda")]
        # Overdue first, Priya's row among them, the options nudge (») after them.
        assert marks[:7] == ["!", "!", "!", "!", "!", "!", "»"] and "!" not in marks[7:]
        # Nothing but the timer made the app look again: before the load that painted her
        # overdue, no write was seen, by this app or another.
        since = messages.seen[seen:]
        painted = next(
            i
            for i, m in enumerate(since)
            if isinstance(m, SnapshotLoaded) and m.snapshot.agenda.overdue == 6
        )
        assert not [m for m in since[:painted] if isinstance(m, RevisionChanged)]
        # Announced once the paint is on its way.
        await wait_until(pilot, lambda: len(toasts) > 1)
        assert toasts[1:] == [PRIYA_TOAST]

        # Marking it announced is a write; the app sees it and looks again (a second wake,
        # with Priya's note still overdue): she is not announced a second time.
        loads = len(messages.of(AnnouncementsFound))
        await wait_until(
            pilot,
            lambda: (
                rows(db_path, "SELECT notified_at IS NOT NULL FROM action WHERE id = 15") == [(1,)]
            ),
        )
        await caught_up(pilot, db_path, messages)
        assert len(messages.of(AnnouncementsFound)) > loads
        assert priya_mark(app) == "!"
        assert toasts[1:] == [PRIYA_TOAST]


async def test_the_timer_can_fire_while_a_dialog_is_open(db_path: Path) -> None:
    clock = Clock(PRIYA_DUE - timedelta(seconds=1))
    app = app_at(db_path, clock)
    toasts = overdue_toasts(app)
    messages = Messages()
    async with app.run_test(size=(120, 35), message_hook=messages) as pilot:
        await caught_up(pilot, db_path, messages)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert priya_mark(app) == " "
        clock.start()
        # The panes under the help screen turn overdue while it stays open on top.
        await wait_until(pilot, lambda: priya_mark(app) == "!", rounds=2000)
        assert isinstance(app.screen, HelpScreen)
        assert "! 6 overdue" in topbar_text(app)
        await wait_until(pilot, lambda: len(toasts) > 1)
        assert toasts[1:] == [PRIYA_TOAST]
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.screen_stack[0])
        assert priya_mark(app) == "!"
        assert app.focused_table() is app.query_one("#agenda")


@pytest.mark.parametrize("width, narrow", [(120, False), (80, True)])
async def test_layout_side_by_side_or_stacked(app: PursuitApp, width: int, narrow: bool) -> None:
    async with app.run_test(size=(width, 35)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow") is narrow
        assert app.query_one("#detail-body").display is not narrow
        for pane in ("#agenda", "#apps", "#bridges"):
            assert app.query_one(pane).region.height > 3


async def test_the_first_screen_is_read_early_and_the_full_page_follows(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zoneinfo import ZoneInfo

    from pursuit.demo import generate
    from pursuit.tui.run import build_app
    from pursuit.tui.snapshot import FIRST_PAGE, PAGE

    zone = ZoneInfo("America/New_York")
    db = open_database(db_path)
    generate(Ctx(db=db, now=FROZEN_NOW - timedelta(days=1), tz=zone), 80)
    db.close()
    monkeypatch.setenv("PURSUIT_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("PURSUIT_NOW", FROZEN_NOW.isoformat())
    monkeypatch.setenv("PURSUIT_TZ", "America/New_York")
    app = build_app(str(db_path))
    early = app._first
    assert early is not None
    async with app.run_test(size=(120, 35)) as pilot:
        apps = app.query_one("#apps", PaneTable)
        await wait_until(pilot, lambda: app.snapshot is not None and app.snapshot.page == PAGE)
        await wait_until(pilot, lambda: apps.row_count > FIRST_PAGE)
    # The first paint came from the short page read while Textual was being imported.
    assert early.result().page == FIRST_PAGE
    assert len(early.result().app_rows.keys) == FIRST_PAGE
    app.db.close()
