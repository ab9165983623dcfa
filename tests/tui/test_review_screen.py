"""The review screen (issue #17) on a minimal host app, driven by real keys.

The host pushes `ReviewScreen` as the app's `v` will; the figures shown must be the
domain's for the same history, clock and zone, and read at 120x35 and at 80x30.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static
from tui_helpers import wait_until, workers_done

from pursuit.domain.review import Review, review
from pursuit.domain.review_facts import prepare
from pursuit.domain.review_periods import PeriodKey, period
from pursuit.domain.review_report import count_of, percent
from pursuit.domain.settings import DEFAULTS
from pursuit.store.database import Database, open_database
from pursuit.store.history import read_history
from pursuit.tui.detail_screen import DetailScreen
from pursuit.tui.review_applications import ApplicationsScreen
from pursuit.tui.review_rows import LABEL, FigureRow, HabitRow, SeriesRow, SourceRow, StageRow
from pursuit.tui.review_screen import ReviewScreen
from pursuit.tui.showcase import FROZEN_NOW, ZONE

SIZES = [(120, 35), (80, 30)]


class Host(App[None]):
    """Nothing but a screen to push the review on, as PursuitApp's `v` does."""

    def __init__(self, db: Database, now: datetime) -> None:
        super().__init__()
        self.db = db
        self.now = now

    def compose(self) -> ComposeResult:
        yield Static("host")

    def action_review(self) -> None:
        from dateutil import tz

        zone = tz.gettz(ZONE)
        assert zone is not None
        self.push_screen(ReviewScreen(self.db, now=lambda: self.now, tz=zone, settings=DEFAULTS))

    BINDINGS = [("v", "review", "Review")]


def expected(db: Database, key: PeriodKey) -> Review:
    from dateutil import tz

    zone = tz.gettz(ZONE)
    assert zone is not None
    with db.read() as conn:
        history = read_history(conn)
    return review(prepare(history, FROZEN_NOW, zone), period(key, FROZEN_NOW, zone), DEFAULTS)


def screen_lines(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def open_review(pilot, key: PeriodKey = PeriodKey.FOUR_WEEKS) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await pilot.press("v")
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    await wait_until(pilot, lambda: screen.shown is not None and screen.shown.period.key == key)
    await pilot.pause()
    return screen


def check_rows(screen: ReviewScreen, figures: Review) -> None:
    """Each row holds the domain's figure and shows its numbers."""
    for stage in figures.funnel:
        row = screen.query_one(f"#funnel-{stage.status.value}", StageRow)
        assert row.stage == stage
        assert row.text.plain.startswith(f"{stage.label:<{LABEL}}{stage.count:>6}")
    for series in figures.activity:
        srow = screen.query_one(f"#{series.key.replace('.', '-')}", SeriesRow)
        assert srow.series == series
        assert f"{series.total} in all, {series.counts[-1]} this week" in srow.text.plain
    for line in figures.sources:
        source_row = screen.query_one(f"#{line.key.replace('.', '-')}", SourceRow)
        assert source_row.line == line
        assert f"{line.sent:>6}{line.answered:>10}{percent(line.rate):>7}" in source_row.text.plain
    for habit in figures.habits:
        habit_row = screen.query_one(f"#{habit.key.replace('.', '-')}", HabitRow)
        assert habit_row.habit == habit
        assert count_of(habit.count, habit.total) in habit_row.text.plain
        assert percent(habit.share) in habit_row.text.plain


@pytest.fixture
def demo_db(db_path: Path) -> Database:
    return open_database(db_path)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_screen_shows_the_domains_figures(
    demo_db: Database, size: tuple[int, int]
) -> None:
    host = Host(demo_db, FROZEN_NOW)
    async with host.run_test(size=size) as pilot:
        screen = await open_review(pilot)
        figures = expected(demo_db, PeriodKey.FOUR_WEEKS)
        assert screen.shown == figures
        check_rows(screen, figures)
        lines = screen_lines(host)
        assert all(len(line) <= size[0] for line in lines)
        text = "\n".join(lines)
        assert " Review " in lines[0] and " 4 weeks " in lines[0]
        assert "Funnel" in text and "applied" in text
        assert "p period" in lines[-1]
        # The funnel's bars are drawn: the first stage is the longest.
        applied = screen.query_one("#funnel-applied", StageRow).text.plain
        assert "█" in applied
        # Every row fits its width.
        for row in screen.query(FigureRow):
            assert all(len(part) <= row.content_size.width for part in row.text.plain.split("\n"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_period_switch(demo_db: Database, size: tuple[int, int]) -> None:
    host = Host(demo_db, FROZEN_NOW)
    async with host.run_test(size=size) as pilot:
        screen = await open_review(pilot)
        for key, press in (
            (PeriodKey.THREE_MONTHS, "p"),
            (PeriodKey.ALL, "p"),
            (PeriodKey.FOUR_WEEKS, "p"),
            (PeriodKey.ALL, "3"),
        ):
            await pilot.press(press)
            await wait_until(
                pilot, lambda k=key: screen.shown is not None and screen.shown.period.key == k
            )
            await pilot.pause()
            figures = expected(demo_db, key)
            assert screen.shown == figures
            check_rows(screen, figures)
            title = screen_lines(host)[0]
            assert (
                f" {'all' if key == PeriodKey.ALL else {PeriodKey.THREE_MONTHS: '3 months', PeriodKey.FOUR_WEEKS: '4 weeks'}[key]} "
                in title
            )


async def test_a_figure_opens_the_applications_behind_it(demo_db: Database) -> None:
    host = Host(demo_db, FROZEN_NOW)
    async with host.run_test(size=(120, 35)) as pilot:
        screen = await open_review(pilot)
        assert isinstance(screen.focused, StageRow)  # the first figure has the focus
        await pilot.press("down")  # screening
        assert screen.focused is screen.query_one("#funnel-screening")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(host.screen, ApplicationsScreen))
        listing = host.screen
        assert isinstance(listing, ApplicationsScreen)
        await wait_until(pilot, lambda: bool(listing.lines))
        figures = expected(demo_db, PeriodKey.FOUR_WEEKS)
        assert sorted(line.id for line in listing.lines) == list(figures.funnel[1].ids)
        options = listing.query_one(OptionList)
        assert options.option_count == len(figures.funnel[1].ids)
        # A title with brackets is shown as typed, never read as markup.
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Soylent — Frontend Engineer [remote]" in p for p in prompts)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(host.screen, DetailScreen))
        await workers_done(pilot)
        await pilot.press("escape")
        await pilot.press("escape")
        assert host.screen is screen
        await pilot.press("escape")
        assert not isinstance(host.screen, ReviewScreen)


async def test_a_week_of_activity_opens_that_weeks_applications(demo_db: Database) -> None:
    host = Host(demo_db, FROZEN_NOW)
    async with host.run_test(size=(80, 30)) as pilot:
        screen = await open_review(pilot)
        for _ in range(5):
            await pilot.press("j")
        row = screen.focused
        assert isinstance(row, SeriesRow) and row.key == "activity.sent"
        await pilot.press("left")  # the last week
        await pilot.press("left")  # the one before
        figures = expected(demo_db, PeriodKey.FOUR_WEEKS)
        sent = figures.activity[0]
        assert row.cursor == len(sent.counts) - 2
        assert f": {sent.counts[-2]}" in row.text.plain
        assert row.ids() == sent.week_ids[-2]
        await pilot.press("enter")
        if sent.week_ids[-2]:
            await wait_until(pilot, lambda: isinstance(host.screen, ApplicationsScreen))
            listing = host.screen
            assert isinstance(listing, ApplicationsScreen)
            await wait_until(pilot, lambda: bool(listing.lines))
            assert sorted(line.id for line in listing.lines) == list(sent.week_ids[-2])


async def test_habits_mark_where_they_slipped(demo_db: Database) -> None:
    host = Host(demo_db, FROZEN_NOW)
    async with host.run_test(size=(120, 35)) as pilot:
        screen = await open_review(pilot, PeriodKey.FOUR_WEEKS)
        await pilot.press("3")
        await wait_until(
            pilot, lambda: screen.shown is not None and screen.shown.period.key == PeriodKey.ALL
        )
        thanks = screen.query_one("#habit-thank_you", HabitRow)
        thanks.focus()
        await pilot.pause()
        habit = expected(demo_db, PeriodKey.ALL).habits[0]
        assert habit.flagged  # the demo leaves a note overdue
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(host.screen, ApplicationsScreen))
        listing = host.screen
        assert isinstance(listing, ApplicationsScreen)
        await wait_until(pilot, lambda: bool(listing.lines))
        options = listing.query_one(OptionList)
        first = str(options.get_option_at_index(0).prompt)
        assert first.endswith("late")
        assert listing.lines[0].id in habit.flagged


@pytest.mark.parametrize("name", ["[/]", "[@click=app.quit]Acme", "Initech [bold]"])
async def test_names_are_shown_as_typed(demo_db: Database, name: str) -> None:

    from dateutil import tz

    from pursuit.store import commands
    from pursuit.store.context import Ctx

    zone = tz.gettz(ZONE)
    assert zone is not None
    ctx = Ctx(db=demo_db, now=FROZEN_NOW, tz=zone)
    commands.add_application(ctx, name, "Engineer [remote]")
    host = Host(demo_db, FROZEN_NOW)
    async with host.run_test(size=(80, 30)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("enter")  # applications sent
        await wait_until(pilot, lambda: isinstance(host.screen, ApplicationsScreen))
        listing = host.screen
        assert isinstance(listing, ApplicationsScreen)
        await wait_until(pilot, lambda: bool(listing.lines))
        options = listing.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(p.startswith(f"{name} — Engineer [remote]") for p in prompts)
        assert host.is_running and screen.is_attached


async def test_a_history_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    broken = Database(tmp_path / "empty.db")  # not migrated: no tables
    host = Host(broken, FROZEN_NOW)
    async with host.run_test(size=(80, 30)) as pilot:
        await pilot.press("v")
        screen = host.screen
        assert isinstance(screen, ReviewScreen)
        await wait_until(pilot, lambda: "cannot read the history" in screen_lines(host)[0])
        assert screen.shown is None
        await pilot.press("escape")
        assert not isinstance(host.screen, ReviewScreen)
