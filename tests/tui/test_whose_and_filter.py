"""The detail says whose move it is (issue #11), and the filter (/) finds what the user
typed anywhere on a row: company, role, status, people and notes (issue #12). Pressed for
real, checked on the screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from tui_helpers import settle, table_text, topbar_text, wait_until, widget_text

from pursuit.agenda import AgendaItem
from pursuit.store import record
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.company_reads import BridgeRow
from pursuit.store.context import Ctx
from pursuit.tui.app import PursuitApp
from pursuit.tui.detail_screen import DetailScreen
from pursuit.tui.showcase import FROZEN_NOW
from pursuit.tui.tables import PaneTable

Item = AgendaItem | ApplicationRow | BridgeRow


async def go_to(pilot: Pilot[None], table_id: str, wanted: Callable[[Item], bool]) -> None:
    app = pilot.app
    assert isinstance(app, PursuitApp)
    table = app.query_one(f"#{table_id}", PaneTable)
    for _ in range(4):
        if app.focused_table() is table:
            break
        await pilot.press("tab")
    items = list(table.items.values())
    target = next(i for i, item in enumerate(items) if wanted(item))
    steps = target - table.cursor_row
    await pilot.press(*(["j"] * steps if steps > 0 else ["k"] * -steps))


def company_row(name: str) -> Callable[[Item], bool]:
    return lambda item: isinstance(item, ApplicationRow) and item.company == name


def detail(app: PursuitApp) -> str:
    """The detail panel's text, its wrapped lines joined (the panel is narrow)."""
    text = widget_text(app.query_one("#detail-body")).replace("│", " ")
    return " ".join(text.split())


async def test_the_detail_says_whose_move_it_is(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        # Cyberdyne: nothing left but to wait for their answer, until the follow-up's day.
        await go_to(pilot, "apps", company_row("Cyberdyne"))
        await wait_until(pilot, lambda: "Cyberdyne — ML" in detail(app))
        assert "Cyberdyne — ML Platform Engineer (applied · their move until Tue 1 Dec)" in (
            detail(app)
        )
        # Acme: thank-you notes owed after the interview.
        await go_to(pilot, "apps", company_row("Acme Robotics"))
        await wait_until(pilot, lambda: "Acme Robotics — Backend" in detail(app))
        assert "Acme Robotics — Backend Engineer (interviewing · your move)" in detail(app)
        # The same on the full screen (enter).
        await go_to(pilot, "apps", company_row("Cyberdyne"))
        await settle(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        await settle(pilot)
        # Two columns there: the heading wraps beside the timeline's title.
        body = " ".join(widget_text(app.screen.query_one("#detail-full-body")).split())
        assert "(applied ·" in body and "their move until Tue 1 Dec)" in body


async def _filter(pilot: Pilot[None], text: str) -> None:
    app = pilot.app
    assert isinstance(app, PursuitApp)
    # / shows the box with the filter kept; ctrl+u empties it before the new one.
    await pilot.press("slash", "ctrl+u", *text, "enter")
    await wait_until(
        pilot, lambda: app.snapshot is not None and app.snapshot.query == text, rounds=800
    )
    await settle(pilot)


def companies(app: PursuitApp, pane: str) -> list[str]:
    return [row.split(" | ")[0] for row in table_text(app, pane)]


async def test_the_filter_finds_status_people_and_notes(app: PursuitApp) -> None:
    ctx = Ctx(db=app.db, now=FROZEN_NOW, tz=app.tz)
    record.edit_company(ctx, "stark", fields={"note": "Met Pepper at the robotics meetup"})
    record.save_contact(ctx, "massive", "nina", fields={"note": "Knows the zeppelin team"})
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await _filter(pilot, "offer")
        assert companies(app, "apps") == ["Hooli"]  # its status
        await _filter(pilot, "priya")
        assert companies(app, "apps") == ["Globex"]  # its recruiter
        await _filter(pilot, "colleague")  # only in Acme's application note
        assert companies(app, "apps") == ["Acme Robotics"]
        assert {r.split(" | ")[-1] for r in table_text(app, "agenda")} == {"Acme Robotics"}
        await _filter(pilot, "meetup")  # only in the bridge's note
        assert [r.split(" | ")[0] for r in table_text(app, "bridges")] == ["Stark Industries"]
        assert companies(app, "apps") == []
        await _filter(pilot, "zeppelin")  # only in a contact's note
        assert companies(app, "apps") == ["Massive Dynamic"]


async def test_no_match_says_so_and_escape_clears_the_kept_filter(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        shown = {pane: table_text(app, pane) for pane in ("agenda", "apps", "bridges")}
        await _filter(pilot, "nobody at all")
        assert all(table_text(app, pane) == [] for pane in shown)
        await wait_until(pilot, lambda: "no match" in detail(app))
        said = detail(app)
        assert 'no match for "nobody at all"' in said
        assert "escape clears the filter" in said
        assert "none yet" not in said and "press a to add" not in said
        # The box is closed, the filter kept (the top bar names it); escape clears it.
        assert not app.query_one("#filter").has_focus
        assert "filter: nobody at all" in topbar_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: "filter:" not in topbar_text(app))
        await settle(pilot)
        assert {pane: table_text(app, pane) for pane in shown} == shown
