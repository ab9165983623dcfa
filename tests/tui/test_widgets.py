"""The app's own widgets on their own: the pane table, the key bar and the detail view."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.geometry import Region
from tui_helpers import settle, widget_text

from pursuit.tui.app import PursuitApp
from pursuit.tui.cells import PaneRows, row
from pursuit.tui.detail_view import DetailView, render_lines
from pursuit.tui.keybar import KeyBar
from pursuit.tui.layout import Column
from pursuit.tui.panes import PaneKeys, Panes
from pursuit.tui.tables import PaneTable

COLUMNS = (Column("name", 8, 10), Column("n", 4, 4))


def rows(*names: str, value: str = "") -> PaneRows[str]:
    return PaneRows.of(
        [row(name, name, (Text(name), Text(value or str(len(name))))) for name in names]
    )


class Host(App[None]):
    BINDINGS = [Binding("x", "bell", "Ring", id="ring")]

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        with Panes(id="panes"):
            yield PaneKeys()
            yield PaneTable[str](COLUMNS, title="T", id="t")
            yield PaneTable[str](COLUMNS, title="U", id="u")
        yield DetailView(id="d")
        yield KeyBar(id="k")

    def on_pane_table_row_highlighted(self, event: PaneTable.RowHighlighted) -> None:
        self.events.append(("highlighted", event.key))

    def on_pane_table_row_selected(self, event: PaneTable.RowSelected) -> None:
        self.events.append(("selected", event.key))


def lines(widget: Any) -> list[str]:
    return [s.text.rstrip() for s in widget.render_lines(Region(0, 0, *widget.size))]


async def test_rows_show_and_the_cursor_follows_its_item_when_rows_come_and_go() -> None:
    app = Host()
    async with app.run_test(size=(40, 30)) as pilot:
        table = app.query_one("#t", PaneTable)
        table.sync(rows("alpha", "beta", "gamma"), subtitle="3")
        app.query_one(Panes).focus()
        await pilot.pause()
        assert lines(table)[:4] == [
            " name        n",
            " alpha       5",
            " beta        4",
            " gamma       5",
        ]
        await pilot.press("j")
        assert table.selected == "beta"
        # A row arrives above the cursor: it stays on "beta", now one line lower.
        table.sync(rows("aardvark", "alpha", "beta", "gamma"))
        await pilot.pause()
        assert table.selected == "beta" and table.cursor_row == 2
        # The item under the cursor goes away: the cursor stays on the same line.
        table.sync(rows("aardvark", "alpha", "gamma"))
        await pilot.pause()
        assert table.selected == "gamma"
        assert ("highlighted", "gamma") in app.events


async def test_a_changed_cell_repaints_and_keys_move_and_select() -> None:
    app = Host()
    async with app.run_test(size=(40, 16)) as pilot:
        table = app.query_one("#t", PaneTable)
        app.query_one(Panes).focus()
        table.sync(rows(*[f"r{i:02d}" for i in range(20)]))
        await pilot.pause()
        table.sync(rows(*[f"r{i:02d}" for i in range(20)], value="9"))
        await pilot.pause()
        assert lines(table)[1] == " r00         9"
        await pilot.press("end")
        assert table.selected == "r19"
        # The last row is painted: the pane scrolled to keep the cursor in view.
        assert any(line.startswith(" r19") for line in lines(table))
        await pilot.press("home", "pagedown")
        assert table.cursor_row == table.scrollable_content_region.height - 1
        await pilot.press("enter")
        assert app.events[-1] == ("selected", table.selected_key)


async def test_a_click_moves_the_cursor_to_the_row_under_the_mouse() -> None:
    app = Host()
    async with app.run_test(size=(40, 30)) as pilot:
        table = app.query_one("#t", PaneTable)
        table.sync(rows("alpha", "beta", "gamma"))
        await pilot.pause()
        await pilot.click("#t", offset=(3, 2))  # the header, alpha, then beta
        assert table.selected == "beta"


async def test_the_detail_view_shows_lines_rendered_at_its_width_and_scrolls() -> None:
    app = Host()
    async with app.run_test(size=(40, 30)) as pilot:
        view = app.query_one(DetailView)
        long = Text(" ".join(f"word{i}" for i in range(400)))
        view.show(render_lines(long, view.text_width))
        await pilot.pause()
        shown = lines(view)
        assert shown[0].startswith("word0 word1")
        assert all(len(line) <= view.size.width for line in shown)
        view.scroll_to(y=2, animate=False)
        await pilot.pause()
        assert lines(view)[0] != shown[0]


async def test_the_key_bar_names_the_keys_that_apply_and_a_click_presses_one() -> None:
    app = Host()
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        assert "Ring" in bar.shown
        assert "x Ring" in widget_text(bar)
        rang: list[bool] = []
        app.bell = lambda: rang.append(True)  # type: ignore[method-assign]
        column = widget_text(bar).index("x Ring")
        await pilot.click(KeyBar, offset=(column + 1, 0))
        await pilot.pause()
        assert rang == [True]


async def test_the_app_key_bar_follows_the_row_under_the_cursor(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        bar = app.query_one(KeyBar)
        table = app.query_one("#agenda", PaneTable)
        assert "Thanked" not in bar.shown  # the options nudge is first
        target = next(i for i, item in enumerate(table.items.values()) if item.kind == "thank_you")
        await pilot.press(*["j"] * target)
        await settle(pilot)
        assert "Thanked" in bar.shown and "Thanked" in widget_text(bar)


async def test_keys_go_to_the_active_pane_and_only_its_cursor_is_lit() -> None:
    app = Host()
    async with app.run_test(size=(40, 30)) as pilot:
        panes = app.query_one(Panes)
        first, second = panes.tables
        for table in (first, second):
            table.sync(rows("alpha", "beta", "gamma"))
        panes.focus()
        await pilot.pause()
        assert panes.active is first and first.active and not second.active
        panes.cycle(1)
        await pilot.press("j", "j")
        assert (first.cursor_row, second.cursor_row) == (0, 2)
        assert first.active is False and second.active is True
        # The lit cursor row is drawn in the active pane's colours, the other one dimmer.
        lit = second.render_line(3)  # header, alpha, beta, then gamma under the cursor
        dim = first.render_line(1)
        assert lit.text.startswith(" gamma") and dim.text.startswith(" alpha")
        assert lit._segments[0].style != dim._segments[0].style


async def test_past_the_bottom_the_pane_turns_half_a_page() -> None:
    app = Host()
    async with app.run_test(size=(40, 16)) as pilot:
        table = app.query_one("#t", PaneTable)
        app.query_one(Panes).focus()
        table.sync(rows(*[f"r{i:02d}" for i in range(30)]))
        await pilot.pause()
        visible = table.scrollable_content_region.height - 1
        await pilot.press(*["j"] * (visible - 1))
        assert table.scroll_y == 0  # the cursor is on the last visible row
        await pilot.press("j")
        assert table.scroll_y == visible // 2
        assert f" r{visible:02d}" in [line[: len(" r00")] for line in lines(table)]
