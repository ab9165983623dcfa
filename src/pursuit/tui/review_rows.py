"""The review screen's rows (issue #17): one figure a line, drawn as bars and sparklines.

Each row takes the focus; `ids()` are the applications behind it, which the screen opens
on `enter`.
"""

from __future__ import annotations

from math import ceil
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from pursuit.domain.review_activity import Series
from pursuit.domain.review_funnel import Stage
from pursuit.domain.review_habits import Habit
from pursuit.domain.review_report import SPARKS, bar, count_of, days, percent, stage_note
from pursuit.domain.review_sources import SourceLine

MUTED = Style(dim=True)
LABEL = 18
"""Columns for a row's label ("applications sent")."""


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
