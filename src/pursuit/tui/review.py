"""The review screen (issue #17): how the search is going, in pictures.

The funnel as horizontal bars, activity per week as bar charts, answers by source and the
habits, for the last 4 weeks, 3 months or all time (`p`). Every figure is a row that
takes the focus (up/down); `enter` opens the applications behind it, and on an activity
row left/right pick a week first. The history is read, and the figures computed, in a
thread worker (`domain.review`, the same functions as `pursuit report`); the event loop
only draws them.

Wiring it into the app is a binding and an action:

    Binding("v", "review", "Review", id="review", tooltip="How the search is going"),

    def action_review(self) -> None:
        self.push_screen(ReviewScreen(self.db, now=self.now, tz=self.tz, settings=self.settings))
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from math import ceil
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from pursuit.domain.review import (
    SCREEN_PERIODS,
    Habit,
    PeriodKey,
    Review,
    Series,
    SourceLine,
    Stage,
    period,
    prepare,
    review,
)
from pursuit.domain.review_report import (
    SPARKS,
    bar,
    count_of,
    days,
    percent,
    span_label,
    stage_note,
    week_label,
)
from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.store.database import Database
from pursuit.store.history import AppLine, app_lines, read_history

Clock = Callable[[], datetime]
PERIOD_NAMES = {
    PeriodKey.FOUR_WEEKS: "4 weeks",
    PeriodKey.THREE_MONTHS: "3 months",
    PeriodKey.ALL: "all",
}
MUTED = Style(dim=True)
LABEL = 18
"""Columns for a row's label ("applications sent")."""


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


# --- the rows --------------------------------------------------------------------------------


class FigureRow(Widget, can_focus=True):
    """One figure on one line: focusable, `enter` opens the applications behind it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"figure--bar", "figure--good", "figure--bad"}
    DEFAULT_CSS = """
    FigureRow {
        height: 1;
        width: 1fr;
    }
    FigureRow:focus {
        background: $accent 25%;
    }
    FigureRow > .figure--bar {
        color: $accent;
    }
    FigureRow > .figure--good {
        color: $success;
    }
    FigureRow > .figure--bad {
        color: $warning;
    }
    """
    ALLOW_SELECT = False

    def __init__(self, key: str) -> None:
        super().__init__(id=key.replace(".", "-"))
        self.key = key
        self.text = Text()

    def style_of(self, name: str) -> Style:
        if name == "muted":
            # $text-muted has an alpha a Rich style cannot carry: dim, as the app's top bar.
            return MUTED
        return self.get_component_rich_style(f"figure--{name}", partial=True)

    def draw(self, width: int) -> Text:
        return Text()

    def render(self) -> Text:
        self.text = self.draw(self.content_size.width or 80)
        return self.text

    def ids(self) -> tuple[int, ...]:
        return ()

    def marks(self) -> dict[int, str]:
        """Applications to mark in the list, with a word saying why."""
        return {}

    def caption(self) -> str:
        return ""


class StageRow(FigureRow):
    stage: Stage | None = None
    before: Stage | None = None
    most = 0

    def draw(self, width: int) -> Text:
        s = self.stage
        if s is None:
            return Text()
        note = stage_note(s, self.before)
        room = max(4, width - LABEL - 6 - 2 - 2 - 20)
        line = Text(f"{s.label:<{LABEL}}{s.count:>6}  ")
        line.append(bar(s.count, self.most, room).ljust(room), self.style_of("bar"))
        line.append(f"  {note}", self.style_of("muted"))
        line.truncate(width)
        return line

    def ids(self) -> tuple[int, ...]:
        return self.stage.ids if self.stage else ()

    def caption(self) -> str:
        return f"reached {self.stage.label}" if self.stage else ""


class SeriesRow(FigureRow):
    """A week's count as a bar; left/right pick a week (or a run of weeks when they do not
    all fit), whose applications `enter` then opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,h",
            "week(-1)",
            "Earlier week",
            show=False,
            id="review_week_earlier",
            tooltip="Pick a week; enter opens its applications",
        ),
        Binding(
            "right,l",
            "week(1)",
            "Later week",
            show=False,
            id="review_week_later",
            tooltip="Pick a week; enter opens its applications",
        ),
    ]
    cursor: reactive[int | None] = reactive(None)
    series: Series | None = None
    labels: tuple[str, ...] = ()

    def groups(self, width: int) -> tuple[list[range], int, int]:
        """(the weeks under each bar, cells per bar, gap after each bar)."""
        n = len(self.series.counts) if self.series else 0
        room = max(1, width - LABEL - 2 - 24)
        if n == 0:
            return [], 1, 0
        if n > room:
            size = ceil(n / room)
            return [range(i, min(i + size, n)) for i in range(0, n, size)], 1, 0
        per = room // n
        cells, gap = (min(5, per - 1), 1) if per >= 3 else (per, 0)
        return [range(i, i + 1) for i in range(n)], max(1, cells), gap

    def draw(self, width: int) -> Text:
        s = self.series
        if s is None:
            return Text()
        groups, cells, gap = self.groups(width)
        totals = [sum(s.counts[i] for i in g) for g in groups]
        most = max(totals, default=0)
        line = Text(f"{s.label:<{LABEL}}  ")
        for index, total in enumerate(totals):
            # None is the baseline, muted; any at all is at least the second step.
            if total and most:
                glyph, style = SPARKS[1 + round(total / most * 6)], self.style_of("bar")
            else:
                glyph, style = SPARKS[0], self.style_of("muted")
            if index == self.cursor and self.has_focus:
                style = style + Style(reverse=True)
            line.append(glyph * cells, style)
            line.append(" " * gap)
        line.append("  ")
        if self.cursor is not None and self.cursor < len(groups):
            g = groups[self.cursor]
            span = self.labels[g.start]
            if len(g) > 1:
                span += f"–{self.labels[g[-1]][4:]}"
            line.append(f"{span}: {totals[self.cursor]}", self.style_of("muted"))
        else:
            line.append(f"{s.total} in all, {s.counts[-1]} this week", self.style_of("muted"))
        line.truncate(width)
        return line

    def action_week(self, step: int) -> None:
        groups, _, _ = self.groups(self.content_size.width or 80)
        if not groups:
            return
        if self.cursor is None:
            self.cursor = len(groups) - 1
        else:
            self.cursor = max(0, min(len(groups) - 1, self.cursor + step))

    def watch_cursor(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def picked(self) -> range | None:
        if self.cursor is None:
            return None
        groups, _, _ = self.groups(self.content_size.width or 80)
        return groups[self.cursor] if self.cursor < len(groups) else None

    def ids(self) -> tuple[int, ...]:
        if self.series is None:
            return ()
        weeks = self.picked()
        if weeks is None:
            return self.series.ids
        return tuple(sorted({i for w in weeks for i in self.series.week_ids[w]}))

    def caption(self) -> str:
        if self.series is None:
            return ""
        weeks = self.picked()
        if weeks is None:
            return self.series.label
        return f"{self.series.label}, week of {self.labels[weeks.start]}"


class SourceRow(FigureRow):
    line: SourceLine | None = None

    def draw(self, width: int) -> Text:
        s = self.line
        if s is None:
            return Text()
        text = Text(
            f"{s.label:<{LABEL}}{s.sent:>6}{s.answered:>10}{percent(s.rate):>7}"
            f"{days(s.median_days):>9}  "
        )
        room = max(0, min(20, width - len(text)))
        if s.rate is not None and room:
            text.append(bar(s.rate, 1.0, room), self.style_of("bar"))
        text.truncate(width)
        return text

    def ids(self) -> tuple[int, ...]:
        return self.line.ids if self.line else ()

    def marks(self) -> dict[int, str]:
        if self.line is None:
            return {}
        answered = set(self.line.answered_ids)
        return {i: "no answer" for i in self.line.ids if i not in answered}

    def caption(self) -> str:
        return f"sent, from {self.line.label}" if self.line else ""


_SLIPPED = {
    "habit.thank_you": "late",
    "habit.too_soon": "too soon",
    "habit.under_target": "",
    "habit.check_in": "late",
}


class HabitRow(FigureRow):
    DEFAULT_CSS = """
    HabitRow {
        height: auto;
    }
    """
    habit: Habit | None = None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 2 if self.habit is not None and self.habit.note else 1

    def draw(self, width: int) -> Text:
        h = self.habit
        if h is None:
            return Text()
        label = f"{h.label} ({h.rule})"
        text = Text(f"{label:<42}{count_of(h.count, h.total):>14}  ")
        good = h.share is not None and (h.share >= 0.8 if h.good_when_high else h.share <= 0.2)
        style = self.style_of("good" if good else "bad") if h.share is not None else Style()
        text.append(f"{percent(h.share):>4}", style)
        room = max(0, min(12, width - len(text) - 2))
        if h.share is not None and room:
            text.append("  ")
            text.append(bar(h.share, 1.0, room), style)
        text.truncate(width)
        note = f"target: {h.note}" if h.key == "habit.under_target" else h.note
        if note:
            text.append("\n")
            text.append(f"{'':<4}{note}"[:width], self.style_of("muted"))
        return text

    def ids(self) -> tuple[int, ...]:
        return self.habit.ids if self.habit else ()

    def marks(self) -> dict[int, str]:
        if self.habit is None:
            return {}
        word = _SLIPPED.get(self.habit.key, "")
        return {i: word for i in self.habit.flagged if word}

    def caption(self) -> str:
        return self.habit.label if self.habit else ""


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
            ApplicationsScreen(self._db, self._tz, title=row.caption(), ids=ids, marks=row.marks())
        )


# --- the applications behind a figure ------------------------------------------------------


class LinesLoaded(Message):
    def __init__(self, lines: list[AppLine], options: list[Option]) -> None:
        super().__init__()
        self.lines = lines
        self.options = options


PAGE = 200
"""Options added to the list at a time: 10,000 at once would hold the event loop for a
second; more are added as the highlight comes near the end."""


class ApplicationsScreen(ModalScreen[None]):
    """The applications behind a figure, marked ones (late, too soon, no answer) first;
    `enter` opens one's detail."""

    DEFAULT_CSS = """
    ApplicationsScreen #review-apps {
        height: auto;
        max-height: 24;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="review_apps_close", tooltip="Back to the review"),
    ]

    def __init__(
        self,
        db: Database,
        tz: tzinfo,
        *,
        title: str,
        ids: Sequence[int],
        marks: dict[int, str] | None = None,
    ) -> None:
        super().__init__()
        self._db = db
        self._tz = tz
        self._heading = title
        self._ids = list(ids)
        self._marks = marks or {}
        self.lines: list[AppLine] = []
        self._options: list[Option] = []

    def compose(self) -> ComposeResult:
        count = len(self._ids)
        plural = "application" if count == 1 else "applications"
        with Vertical(classes="dialog"):
            yield Label(Text(f"{self._heading}: {count:,} {plural}"), classes="dialog-title")
            yield OptionList(id="review-apps")
            yield Label("enter open · escape close", classes="dialog-keys")

    def on_mount(self) -> None:
        self._fetch()

    @work(thread=True, exclusive=True)
    def _fetch(self) -> None:
        with self._db.read() as conn:
            lines = app_lines(conn, self._ids)
        lines.sort(key=lambda a: a.id not in self._marks)
        self.post_message(LinesLoaded(lines, [self._option(line) for line in lines]))

    def on_lines_loaded(self, message: LinesLoaded) -> None:
        message.stop()
        self.lines, self._options = message.lines, message.options
        options = self.query_one("#review-apps", OptionList)
        self._more(options)
        options.highlighted = 0 if message.lines else None
        options.focus()

    def _more(self, options: OptionList) -> None:
        shown = options.option_count
        options.add_options(self._options[shown : shown + PAGE])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index >= event.option_list.option_count - PAGE // 4:
            self._more(event.option_list)

    def _option(self, line: AppLine) -> Option:
        # Names and titles are the user's: Text segments, never markup.
        text = Text.assemble(line.company, " — ", line.title, ("  " + line.status.label, "dim"))
        if line.applied_at is not None:
            text.append(f"  applied {line.applied_at.astimezone(self._tz):%d %b %Y}", "dim")
        mark = self._marks.get(line.id)
        if mark:
            text.append(f"  {mark}", "bold yellow")
        return Option(text, id=str(line.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        from pursuit.tui.detail_screen import DetailScreen

        line = self.lines[event.option_index]
        self.app.push_screen(
            DetailScreen(
                self._db, self._tz, company_id=line.company_id, application_id=line.id, item=None
            )
        )

    def action_close(self) -> None:
        self.dismiss(None)
