"""The review screen (issue #17): how the search is going, in pictures.

The funnel as horizontal bars, activity per week as bar charts, answers by source and the
habits, for the last 4 weeks, 3 months or all time (`p`). Every figure is a row that
takes the focus (up/down); `enter` opens the applications behind it, and on an activity
row left/right pick a week first. The history is read, and the figures computed, in a
thread worker (`domain.review`, the same functions as `pursuit report`); the event loop
only draws them. The rows are in `review_rows`, the list behind a figure in
`review_applications`.

Wiring it into the app is a binding and an action:

    Binding("v", "review", "Review", id="review", tooltip="How the search is going"),

    def action_review(self) -> None:
        self.push_screen(ReviewScreen(self.db, now=self.now, tz=self.tz, settings=self.settings))
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, Static
from textual.worker import get_current_worker

from pursuit.domain.review import Review, review
from pursuit.domain.review_facts import prepare
from pursuit.domain.review_periods import SCREEN_PERIODS, PeriodKey, period
from pursuit.domain.review_report import span_label, week_label
from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.store.database import Database
from pursuit.store.history import read_history
from pursuit.tui.review_applications import ApplicationsScreen
from pursuit.tui.review_rows import LABEL, FigureRow, HabitRow, SeriesRow, SourceRow, StageRow

Clock = Callable[[], datetime]
PERIOD_NAMES = {
    PeriodKey.FOUR_WEEKS: "4 weeks",
    PeriodKey.THREE_MONTHS: "3 months",
    PeriodKey.ALL: "all",
}


class ReviewLoaded(Message):
    """The figures of one period, computed in the worker."""

    def __init__(self, key: PeriodKey, figures: Review, read_ms: float, compute_ms: float) -> None:
        super().__init__()
        self.key = key
        self.figures = figures
        self.read_ms = read_ms
        self.compute_ms = compute_ms


class ReviewFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


# --- the screen ------------------------------------------------------------------------------


class ReviewScreen(Screen[None]):
    """How the search is going. `now` is the app's clock (or a fixed instant)."""

    DEFAULT_CSS = """
    ReviewScreen {
        layout: vertical;
    }
    ReviewScreen #review-title {
        height: 1;
        background: $panel;
    }
    ReviewScreen #review-body {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    ReviewScreen .review-section {
        height: 1;
        margin-top: 1;
        text-style: bold;
        color: $text-muted;
    }
    ReviewScreen .review-section.-first {
        margin-top: 0;
    }
    ReviewScreen #review-sources-head {
        height: 1;
        color: $text-muted;
    }
    ReviewScreen #review-keys {
        height: 1;
        color: $text-muted;
        padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="review_close", tooltip="Back to the agenda"),
        Binding("q,v", "close", "Close", show=False, id="review_close_q", tooltip="Close"),
        Binding(
            "p",
            "next_period",
            "Period",
            id="review_period",
            tooltip="Last 4 weeks, 3 months, or all time",
        ),
        Binding(
            "1",
            "period('4w')",
            "4 weeks",
            show=False,
            id="review_period_4w",
            tooltip="Last 4 weeks",
        ),
        Binding(
            "2",
            "period('3m')",
            "3 months",
            show=False,
            id="review_period_3m",
            tooltip="Last 13 weeks",
        ),
        Binding(
            "3", "period('all')", "All", show=False, id="review_period_all", tooltip="All time"
        ),
        # Priority: the scrolling body would take up and down for itself first.
        Binding("down,j", "figure(1)", "Next figure", show=False, id="review_next", priority=True),
        Binding(
            "up,k", "figure(-1)", "Previous figure", show=False, id="review_previous", priority=True
        ),
        Binding("enter", "open", "Open", id="review_open", tooltip="The applications behind it"),
    ]

    def __init__(
        self,
        db: Database,
        *,
        now: Clock | datetime,
        tz: tzinfo,
        settings: RuleSettings = DEFAULTS,
        period: PeriodKey = PeriodKey.FOUR_WEEKS,
        figures: Mapping[PeriodKey, Review] | None = None,
    ) -> None:
        """`figures` already computed (all three periods) skip the read."""
        super().__init__()
        self._db = db
        self._now: Clock = now if callable(now) else (lambda: now)
        self._tz = tz
        self._settings = settings
        self.period = period
        self.figures: dict[PeriodKey, Review] = dict(figures or {})
        self.shown: Review | None = None
        self.timings: dict[str, float] = {}
        """Milliseconds: read and compute (in the worker), and draw (on the loop)."""
        self.drawn_at: float | None = None
        """perf_counter() when the figures shown last were on screen."""
        self._first_drawn = threading.Event()
        self._error: str | None = None

    # --- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="review-title", markup=False)
        with VerticalScroll(id="review-body"):
            yield Static("Funnel", classes="review-section -first", id="review-funnel-head")
            for key in ("applied", "screening", "interviewing", "offer", "accepted"):
                yield StageRow(f"funnel.{key}")
            yield Static("Activity per week", classes="review-section", id="review-activity-head")
            for key in ("sent", "interviews", "follow_ups", "check_ins"):
                yield SeriesRow(f"activity.{key}")
            yield Static("Answers by source", classes="review-section", id="review-sources-title")
            yield Static(
                Text(f"{'':<{LABEL}}{'sent':>6}{'answered':>10}{'rate':>7}{'median':>9}"),
                id="review-sources-head",
            )
            for key in ("referral", "job_board", "recruiter", "other", "all"):
                yield SourceRow(f"source.{key}")
            yield Static("Habits", classes="review-section", id="review-habits-head")
            for key in ("thank_you", "too_soon", "under_target", "check_in"):
                yield HabitRow(f"habit.{key}")
        yield Label("p period · ↑↓ figure · ←→ week · enter open · escape close", id="review-keys")

    def on_mount(self) -> None:
        self.query(FigureRow).first().focus()
        ready = self.figures.get(self.period)
        if ready is not None and all(k in self.figures for k in SCREEN_PERIODS):
            self._show(ready)
        else:
            self._paint_title()
            self._load(self.period)

    # --- loading -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="review")
    def _load(self, first: PeriodKey) -> None:
        """The history once, then the figures of the period shown first, then the others
        (so switching is instant)."""
        try:
            started = time.perf_counter()
            with self._db.read() as conn:
                history = read_history(conn)
            read_ms = (time.perf_counter() - started) * 1000
            now = self._now()
            started = time.perf_counter()
            facts = prepare(history, now, self._tz)
            del history
            prepare_ms = (time.perf_counter() - started) * 1000
        except Exception as exc:  # a damaged or vanished file: one line, never a traceback
            self.post_message(ReviewFailed(f"cannot read the history: {exc}"))
            return
        order = [first, *(k for k in SCREEN_PERIODS if k != first)]
        worker = get_current_worker()
        for key in order:
            if key != first:
                # The other periods once the first is on screen: computing them meanwhile
                # would take the interpreter from the event loop while it draws.
                self._first_drawn.wait(timeout=2.0)
            if worker.is_cancelled:
                return
            started = time.perf_counter()
            figures = review(facts, period(key, now, self._tz), self._settings)
            compute_ms = prepare_ms + (time.perf_counter() - started) * 1000
            self.post_message(ReviewLoaded(key, figures, read_ms, compute_ms))
            prepare_ms = 0.0

    def on_review_loaded(self, message: ReviewLoaded) -> None:
        message.stop()
        self.figures[message.key] = message.figures
        if message.key == self.period:
            self.timings.update(read=message.read_ms, compute=message.compute_ms)
            self._show(message.figures)

    def on_review_failed(self, message: ReviewFailed) -> None:
        message.stop()
        self._error = message.error
        self._paint_title()

    def _show(self, figures: Review) -> None:
        started = time.perf_counter()
        self.shown = figures
        tz = self._tz
        funnel = figures.funnel
        for i, stage in enumerate(funnel):
            row = self.query_one(f"#funnel-{stage.status.value}", StageRow)
            row.stage, row.before, row.most = stage, funnel[i - 1] if i else None, funnel[0].count
        labels = tuple(week_label(w, tz) for w in figures.weeks)
        for series in figures.activity:
            srow = self.query_one(f"#{series.key.replace('.', '-')}", SeriesRow)
            srow.series, srow.labels = series, labels
            srow.set_reactive(SeriesRow.cursor, None)
        for line in figures.sources:
            self.query_one(f"#{line.key.replace('.', '-')}", SourceRow).line = line
        for habit in figures.habits:
            self.query_one(f"#{habit.key.replace('.', '-')}", HabitRow).habit = habit
        first_week = labels[0] if labels else ""
        self.query_one("#review-funnel-head", Static).update(
            Text("Funnel · applications sent in the period, by the furthest stage reached")
        )
        self.query_one("#review-activity-head", Static).update(
            Text(f"Activity per week · from {first_week}, the last week ending now")
        )
        self.query_one("#review-sources-title", Static).update(
            Text("Answers by source · first answer after applying, median time to it")
        )
        self._paint_title()
        for figure_row in self.query(FigureRow):
            figure_row.refresh(layout=isinstance(figure_row, HabitRow))
        self.timings["draw_queued"] = (time.perf_counter() - started) * 1000
        self.call_after_refresh(self._drawn, started)

    def _drawn(self, started: float) -> None:
        self.drawn_at = time.perf_counter()
        self.timings["draw"] = (self.drawn_at - started) * 1000
        self._first_drawn.set()

    def _paint_title(self) -> None:
        bar = Text()
        bar.append(" Review ", style="bold reverse")
        for key in SCREEN_PERIODS:
            name = PERIOD_NAMES[key]
            bar.append("  ")
            bar.append(f" {name} ", style="bold reverse" if key == self.period else "")
        if self._error:
            bar.append(f"   {self._error}", style="bold red")
        elif self.shown is not None and self.shown.period.key == self.period:
            bar.append(f"   {span_label(self.shown, self._tz)}", style="dim")
        else:
            bar.append("   reading the history…", style="dim")
        self.query_one("#review-title", Static).update(bar)

    # --- keys --------------------------------------------------------------------------

    def action_close(self) -> None:
        self._first_drawn.set()  # a worker still waiting goes on, sees it is cancelled
        self.dismiss(None)

    def action_next_period(self) -> None:
        i = SCREEN_PERIODS.index(self.period)
        self.action_period(SCREEN_PERIODS[(i + 1) % len(SCREEN_PERIODS)].value)

    def action_period(self, key: str) -> None:
        self.period = PeriodKey(key)
        ready = self.figures.get(self.period)
        if ready is not None:
            self._show(ready)
        else:
            self._paint_title()

    def action_figure(self, step: int) -> None:
        if step > 0:
            self.focus_next(FigureRow)
        else:
            self.focus_previous(FigureRow)

    def action_open(self) -> None:
        row = self.focused
        if not isinstance(row, FigureRow) or self.shown is None:
            return
        ids = row.ids()
        if not ids:
            self.notify("No applications behind this figure", timeout=3)
            return
        self.app.push_screen(
            ApplicationsScreen(
                self._db,
                self._tz,
                title=row.caption(),
                ids=ids,
                marks=row.marks(),
                now=self._now,
            )
        )
