"""Hostile text through every pane, writes from another process, and the timer service."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from tui_helpers import (
    Clock,
    settle,
    table_text,
    wait_until,
    widget_text,
)

from pursuit.config import Config
from pursuit.domain.people import Person
from pursuit.store import commands
from pursuit.store.context import Ctx
from pursuit.store.database import open_database
from pursuit.tui.app import PursuitApp
from pursuit.tui.showcase import FROZEN_NOW, demo_app
from pursuit.tui.tables import PaneTable

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
        # The detail panel shows names and titles verbatim too, and nothing became an action.
        await pilot.press("tab", "j")
        await wait_until(pilot, lambda: "Co" in widget_text(app.query_one("#detail-body")))
        detail = widget_text(app.query_one("#detail-body"))
        assert "[" in detail
        assert app.is_running


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


async def test_timer_surfaces_what_fell_due_once(db_path: Path) -> None:
    clock = Clock(FROZEN_NOW)
    app = demo_app(db_path, fill=False)
    app.now = clock
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        assert app.snapshot is not None
        first = len(app._notifications)
        due = app.snapshot.agenda.next_due
        assert due is not None and due > clock.now
        # The wake is set for when the next action falls due (never more than a minute).
        assert app._wake is not None
        clock.now = due + timedelta(seconds=1)  # a clock jump, as after a laptop sleeps
        app.reload()
        await settle(pilot)
        assert any("Priya" in r and r.startswith("!") for r in table_text(app, "agenda"))
        after = len(app._notifications)
        assert after == first + 1
        app.reload()  # waking again must not announce the same action twice
        await settle(pilot)
        assert len(app._notifications) == after
        clock.now = due - timedelta(hours=1)  # a jump back announces nothing new,
        app.reload()
        await settle(pilot)
        # and the toast about Priya goes: she is no longer overdue.
        assert len(app._notifications) == after - 1
        assert not any("Priya" in n.message for n in app._notifications)


@pytest.mark.parametrize("width, narrow", [(120, False), (80, True)])
async def test_layout_side_by_side_or_stacked(app: PursuitApp, width: int, narrow: bool) -> None:
    async with app.run_test(size=(width, 35)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow") is narrow
        assert app.query_one("#detail-body").display is not narrow
        for pane in ("#agenda", "#apps", "#bridges"):
            assert app.query_one(pane).region.height > 3


async def test_the_timer_can_fire_while_a_dialog_is_open(app: PursuitApp) -> None:
    clock = Clock(FROZEN_NOW)
    app.now = clock
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        clock.now = FROZEN_NOW + timedelta(hours=1)
        app.reload()  # what the wake timer or another tab's write does
        await settle(pilot)
        assert app.is_running and app.snapshot is not None and app.snapshot.now == clock.now
        await pilot.press("escape")
        assert any("Priya" in r and r.startswith("!") for r in table_text(app, "agenda"))


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
