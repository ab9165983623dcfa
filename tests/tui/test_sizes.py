"""Right at every size: a resize draws what a fresh start at that size draws, columns keep
a useful width from 60 columns up, and the key bar shows whole keys only."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import screen_cells, screen_lines, settle

from pursuit.config import Config
from pursuit.tui import cells
from pursuit.tui.keybar import KeyBar
from pursuit.tui.layout import PAD, fit
from pursuit.tui.showcase import demo_app
from pursuit.tui.tables import PaneTable
from pursuit.tui.topbar import TopBar

SIZES = [(120, 35), (100, 30), (80, 30), (60, 20)]
PANES = {
    "agenda": cells.AGENDA_COLUMNS,
    "apps": cells.APP_COLUMNS,
    "bridges": cells.BRIDGE_COLUMNS,
}


async def _quiet(pilot: object) -> None:
    await settle(pilot)  # type: ignore[arg-type]
    pilot.app.clear_notifications()  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]


async def fresh_screen(db_path: Path, size: tuple[int, int]) -> list[list[tuple[str, str]]]:
    app = demo_app(db_path, fill=False)
    async with app.run_test(size=size) as pilot:
        await _quiet(pilot)
        return screen_cells(app)


async def test_a_resize_draws_what_a_fresh_start_draws(db_path: Path) -> None:
    fresh = {size: await fresh_screen(db_path, size) for size in SIZES}
    app = demo_app(db_path, fill=False)
    async with app.run_test(size=(120, 35)) as pilot:
        await _quiet(pilot)
        # Shrink, grow back, and jump around: each time exactly the fresh screen.
        for size in [(80, 30), (120, 35), (60, 20), (100, 30), (120, 35), (80, 30)]:
            await pilot.resize_terminal(*size)
            await _quiet(pilot)
            got = screen_cells(app)
            if got != fresh[size]:
                print("\n".join(screen_lines(app)))
            assert got == fresh[size], size


@pytest.mark.parametrize("width", range(60, 161))
def test_every_width_keeps_useful_columns(width: int) -> None:
    # The panes' content width at each terminal width: side by side from 100 columns (the
    # detail panel takes 30 or 34), stacked below; a border each side and the scrollbar.
    detail = 34 if width >= 120 else (30 if width >= 100 else 0)
    inner = width - detail - 2 - 1
    for name, columns in PANES.items():
        widths = fit(columns, inner)
        assert sum(w + PAD for w in widths if w) <= inner, name
        for column, w in zip(columns, widths, strict=True):
            assert w == 0 or w >= column.least, (name, column.title, w)
            if column.title == "company":
                assert w >= 12, (name, width)
            if column.title == "due" or column.title == "next check-in":
                assert w >= 13, (name, width)  # the date is never dropped
        # What gives way is the least important: a dropped column never outranks a shown one.
        dropped = [c.drop for c, w in zip(columns, widths, strict=True) if not w]
        shown = [c.drop for c, w in zip(columns, widths, strict=True) if w and c.drop]
        assert not dropped or not shown or min(dropped) > max(shown), name


@pytest.mark.parametrize("size", SIZES)
async def test_each_size_shows_the_panes_whole(db_path: Path, size: tuple[int, int]) -> None:
    app = demo_app(db_path, fill=False)
    async with app.run_test(size=size) as pilot:
        await _quiet(pilot)
        for pane, columns in PANES.items():
            table = app.query_one(f"#{pane}", PaneTable)
            widths = dict(zip((c.title for c in columns), table.column_widths, strict=True))
            assert widths["company"] >= 12, (pane, widths)
            if pane == "apps":
                assert widths["due"] >= 13, widths  # at 100 columns it used to be lost
        lines = screen_lines(app)
        assert len(lines) == size[1] and all(len(line) == size[0] for line in lines)
        top = app.query_one("#topbar", TopBar).text
        assert "4 overdue" in top or "5 overdue" in top, top  # the count is never cut
        bar = app.query_one("#keys", KeyBar)
        assert bar.fitting[-2:] == ["Help", "Quit"], bar.fitting
        assert lines[-1].rstrip().endswith("? Help  q Quit"), lines[-1]


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_the_key_bar_shows_whole_keys_and_remapped_ones_too(
    db_path: Path, width: int
) -> None:
    config = Config(keymap={"quick_entry": "n", "help": "f1", "quit": "ctrl+q"})
    app = demo_app(db_path, fill=False)
    app.config = config
    async with app.run_test(size=(width, 30)) as pilot:
        await _quiet(pilot)
        bar = app.query_one("#keys", KeyBar)
        line = screen_lines(app)[-1].rstrip()
        assert line.startswith(" n Add"), line  # remapped, still first
        assert bar.fitting[-2:] == ["Help", "Quit"], bar.fitting
        assert line.endswith("Help  ^q Quit"), line
        # Every key shown is whole: its key and its description, as listed.
        for description in bar.fitting:
            assert f" {description} " in line + " "
