"""Always current: after any write, from the app or another process, what is on screen is
the new state; a replaced file is noticed; a superseded load is never painted; the filter
and the keys reach every row, not only the first page."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from test_keys import agenda, go_to
from tui_helpers import rows, screen_lines, settle, table_text, wait_until, widget_text

from pursuit.agenda import AgendaItem
from pursuit.store import commands
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.company_reads import BridgeRow
from pursuit.store.context import Ctx
from pursuit.store.restore import restore
from pursuit.tui import live
from pursuit.tui.app import PursuitApp
from pursuit.tui.modals import ConfirmScreen
from pursuit.tui.showcase import FROZEN_NOW, demo_app
from pursuit.tui.snapshot import PAGE
from pursuit.tui.tables import PaneTable


def other_process(app: PursuitApp) -> Ctx:
    """What another `pursuit` writes through: its own connections to the same file."""
    return Ctx(db=app.db, now=FROZEN_NOW, tz=app.tz, settings=app.settings)


def on_screen(app: PursuitApp, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


def painted(app: PursuitApp, pane: str) -> list[str]:
    """A pane's lines as painted (from its line cache), not as its data says."""
    table = app.query_one(f"#{pane}", PaneTable)
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


async def test_a_row_that_stays_put_repaints_its_new_values(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        # The last bridge stays the last after a check-in: same place, new values, and it
        # is the cursor row of the active pane (whose line used to be kept).
        await go_to(
            pilot, "bridges", lambda i: isinstance(i, BridgeRow) and i.company == "Stark Industries"
        )
        stark = [line for line in painted(app, "bridges") if "Stark Industries" in line]
        # Mon 7 Dec 09:30, 10 d 18 h away: 11 d to the nearest day, and its day beside it.
        assert "due in 11 d" in stark[0] and "Mon 7 Dec" in stark[0] and "—" in stark[0]
        await pilot.press("c")
        await wait_until(
            pilot,
            lambda: any(
                "Stark Industries" in line and "today" in line and "due in 11 d" not in line
                for line in painted(app, "bridges")
            ),
        )
        table = app.query_one("#bridges", PaneTable)
        assert table.selected is not None and table.selected.company == "Stark Industries"


async def test_a_follow_up_repaints_its_application_row_in_place(app: PursuitApp) -> None:
    # Wide enough for the touched column, which gives way first (the day beside "due" stays).
    async with app.run_test(size=(160, 35)) as pilot:
        await settle(pilot)
        # Vandelay is the last application and stays the last after a follow-up.
        await go_to(
            pilot, "apps", lambda i: isinstance(i, ApplicationRow) and i.company.startswith("Vand")
        )
        before = next(line for line in painted(app, "apps") if "Vandelay" in line)
        await pilot.press("f")
        await settle(pilot)
        if app.screen is not app.screen_stack[0]:
            await pilot.press("y")  # too soon: send it anyway
        await wait_until(
            pilot,
            lambda: any("Vandelay" in line and "today" in line for line in painted(app, "apps")),
        )
        after = next(line for line in painted(app, "apps") if "Vandelay" in line)
        assert after != before and "39 d" not in after


async def test_an_overdue_toast_goes_when_the_count_drops(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["5 actions are overdue"]
        await go_to(pilot, "agenda", agenda("thank_you", "Acme Robotics"))
        await pilot.press("d")
        await wait_until(
            pilot, lambda: app.snapshot is not None and app.snapshot.agenda.overdue == 4
        )
        await wait_until(pilot, lambda: not any("overdue" in n.message for n in app._notifications))
        assert on_screen(app, "4 overdue")


async def test_a_restore_under_the_open_app_is_noticed(app: PursuitApp, tmp_path: Path) -> None:
    backup = app.db.backup(tmp_path / "before.db")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        commands.add_application(other_process(app), "Zeta Labs", "Data Scientist")
        await wait_until(pilot, lambda: on_screen(app, "Zeta Labs"))
        restore(backup, app.db.path, now=FROZEN_NOW, force=True)
        await wait_until(pilot, lambda: not on_screen(app, "Zeta Labs"))
        # The counter is back where it was: the next write takes it to a value the app has
        # seen before, and must show up all the same.
        commands.add_application(other_process(app), "Yoyodyne", "Platform Engineer")
        await wait_until(pilot, lambda: on_screen(app, "Yoyodyne"))
        assert not on_screen(app, "Zeta Labs")


async def test_a_superseded_filter_load_is_never_painted(
    app: PursuitApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = live.load_snapshot

    def slow_for_glo(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("query") == "glo":
            release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(live, "load_snapshot", slow_for_glo)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.query_text = "glo"
        app.reload()
        app.query_text = "soylent"
        app.reload()
        await wait_until(
            pilot, lambda: app.snapshot is not None and app.snapshot.query == "soylent"
        )
        release.set()  # the load for "glo" comes back last
        await settle(pilot)
        assert app.snapshot is not None and app.snapshot.query == "soylent"
        assert table_text(app, "apps") and all("Soylent" in r for r in table_text(app, "apps"))
        assert not on_screen(app, "Globex")


async def test_a_detail_for_a_row_already_left_is_never_shown(
    app: PursuitApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pursuit.tui import browsing

    release = threading.Event()
    real = browsing.load_detail

    def slow_for_soylent(db: Any, **kwargs: Any) -> Any:
        detail = real(db, **kwargs)
        if detail.company == "Soylent":
            release.wait(10)
        return detail

    monkeypatch.setattr(browsing, "load_detail", slow_for_soylent)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        # Soylent's follow-up: its detail is slow to come; then on to the next row.
        await go_to(pilot, "agenda", agenda("follow_up", "Soylent"))
        await pilot.pause(0.2)
        await pilot.press("j")
        other = app.selection()
        assert isinstance(other, AgendaItem) and other.company != "Soylent"
        # Its heading at the top (the timeline may be below the panel's first screen).
        await wait_until(
            pilot, lambda: str(other.company) in widget_text(app.query_one("#detail-body"))
        )
        release.set()
        await settle(pilot)
        detail = widget_text(app.query_one("#detail-body"))
        assert str(other.company) in detail and "Soylent" not in detail


@pytest.fixture
def big_app(db_path: Path) -> PursuitApp:
    """The demo plus 250 generated applications: more than a page in every pane."""
    from pursuit.demo import generate
    from pursuit.store.database import open_database

    app = demo_app(db_path, fill=False)
    db = open_database(db_path)
    generate(Ctx(db=db, now=FROZEN_NOW - timedelta(days=1), tz=app.tz), 250)
    db.close()
    return app


async def test_the_filter_finds_rows_past_the_first_page(
    big_app: PursuitApp, db_path: Path
) -> None:
    app = big_app
    # The action due last, and its company: far past the first page of the agenda.
    action_id, company = rows(
        db_path,
        "SELECT x.id, c.name FROM action x JOIN company c ON c.id = x.company_id "
        "WHERE x.done_at IS NULL AND x.deleted_at IS NULL ORDER BY x.next_at DESC LIMIT 1",
    )[0]
    pending = rows(
        db_path, "SELECT COUNT(*) FROM action WHERE done_at IS NULL AND deleted_at IS NULL"
    )[0][0]
    assert isinstance(pending, int) and pending > PAGE
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        table = app.query_one("#agenda", PaneTable)
        assert f"a{action_id}" not in table.items
        await pilot.press("slash", *str(company).lower(), "enter")
        await wait_until(pilot, lambda: f"a{action_id}" in table.items)
        assert all(str(company) in r for r in table_text(app, "agenda"))


async def test_t_marks_a_note_on_an_application_past_the_first_page(
    big_app: PursuitApp, db_path: Path
) -> None:
    app = big_app
    # A thank-you note owed on an application whose note is not in the agenda's first page.
    owed = rows(
        db_path,
        "SELECT x.id, c.name, a.title FROM action x JOIN application a ON a.id = x.application_id "
        "JOIN company c ON c.id = a.company_id WHERE x.kind = 'thank_you' AND x.done_at IS NULL "
        "AND x.deleted_at IS NULL ORDER BY x.next_at DESC LIMIT 1",
    )[0]
    action_id, company, title = owed
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        agenda_page = set(app.query_one("#agenda", PaneTable).items)
        assert f"a{action_id}" not in agenda_page
        await pilot.press("slash", *str(company).lower(), "enter")
        await settle(pilot)
        item = await go_to(
            pilot,
            "apps",
            lambda i: isinstance(i, ApplicationRow) and i.company == company and i.title == title,
        )
        assert isinstance(item, ApplicationRow) and item.thank_you_id is not None
        note = item.thank_you_id
        assert f"a{note}" not in agenda_page
        await pilot.press("t")
        # Demo drafts without a talking point ask first (issue #11): send anyway.
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(
            pilot,
            lambda: (
                rows(db_path, "SELECT done_at IS NOT NULL FROM action WHERE id = ?", (note,))
                == [(1,)]
            ),
        )


async def test_the_full_detail_reads_the_whole_history_as_it_scrolls(
    app: PursuitApp, db_path: Path
) -> None:
    from pursuit.tui.detail_screen import DetailScreen

    (soylent,) = rows(db_path, "SELECT id FROM company WHERE name = 'Soylent'")[0]
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany(
            "INSERT INTO event (at, kind, company_id, summary, created_at) "
            "VALUES (?, 'reply', ?, ?, ?)",
            [
                (f"2025-01-01 00:{i // 60:02d}:{i % 60:02d}.000000", soylent, f"note {i:03d}", "x")
                for i in range(450)
            ],
        )
    conn.close()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("follow_up", "Soylent"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        screen = app.screen
        assert isinstance(screen, DetailScreen)
        await wait_until(pilot, lambda: screen.detail is not None)
        assert screen.detail is not None and len(screen.detail.events) == 200
        body = screen.query_one("#detail-full-body")
        assert "note 000" not in widget_text(body)
        # Scrolled to the end, again and again: the rest of the history follows, a page at a
        # time, down to the first event (the oldest, "note 000").
        for _ in range(10):
            await pilot.press("end")
            await settle(pilot)
            if screen.detail is not None and not screen.detail.more_events:
                break
        assert screen.detail is not None and not screen.detail.more_events
        total = rows(db_path, "SELECT COUNT(*) FROM event WHERE company_id = ?", (soylent,))[0][0]
        assert len(screen.detail.events) == total
        assert "note 000" in widget_text(body)
