"""The app's own widgets on their own: the pane table, the key bar and the detail view."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Region
from textual.strip import Strip
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
        rendered = render_lines(long, view.text_width)
        # Wrapped at the text width (a column short of the view's: the scroll bar's).
        assert (view.size.width, view.text_width) == (40, 39)
        text = ["".join(segment.text for segment in line).rstrip() for line in rendered]
        assert text[:3] == [
            "word0 word1 word2 word3 word4 word5",
            "word6 word7 word8 word9 word10 word11",
            "word12 word13 word14 word15 word16",
        ]
        assert len(text) == 80 and max(len(line) for line in text) <= 39
        view.show(rendered)
        await pilot.pause()
        height = view.size.height
        assert height == 15 and lines(view) == text[:height]
        view.scroll_to(y=2, animate=False)
        await pilot.pause()
        assert lines(view) == text[2 : 2 + height]
        view.scroll_to(y=100, animate=False)  # no further than the last line
        await pilot.pause()
        assert lines(view) == text[-height:]


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
        # The lit cursor row is drawn in the theme's cursor colours, bold; the other pane's
        # cursor in its blurred cursor colour over the pane; other rows in the pane's.
        lit = second.render_line(3)  # header, alpha, beta, then gamma under the cursor
        dim = first.render_line(1)
        plain = second.render_line(1)
        assert lit.text.startswith(" gamma") and dim.text.startswith(" alpha")
        assert plain.text.startswith(" alpha")
        theme = app.theme_variables
        pane = Color.from_rich_color(next(iter(plain)).style.bgcolor)
        cursor = Color.parse(theme["block-cursor-background"])
        blurred = pane + Color.parse(theme["block-cursor-blurred-background"])
        assert len({pane, cursor, blurred}) == 3

        def looks(strip: Strip) -> set[tuple[Color, bool]]:
            return {
                (Color.from_rich_color(s.style.bgcolor), bool(s.style.bold))
                for s in strip
                if s.style
            }

        assert looks(lit) == {(cursor, True)}
        assert looks(dim) == {(blurred, False)}
        assert looks(plain) == {(pane, False)}


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
