"""The review's figures as a report: plain text (80 columns), Markdown, or a JSON dict.

Pure, like the figures: a `Review` and the zone in, text or data out. The numbers are
formatted by the same few functions the review screen uses (`percent`, `days`,
`count_of`), so the screen and `pursuit report` cannot show one figure two ways. The
report holds counts and dates only; no name or title a user typed appears in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from pursuit.domain.dates.showing import show_day, show_when
from pursuit.domain.review import Review
from pursuit.domain.review_funnel import Stage
from pursuit.domain.review_habits import Habit
from pursuit.domain.review_periods import Week
from pursuit.domain.review_sources import SourceLine

BLOCKS = " ▏▎▍▌▋▊▉█"
"""Eighths of a cell, for bars with sub-cell precision."""
SPARKS = "▁▂▃▄▅▆▇█"


def percent(share: float | None) -> str:
    """A share as a whole percent; "—" when there is nothing to divide."""
    if share is None:
        return "—"
    if 0 < share < 0.005:
        return "<1%"
    return f"{share:.0%}"


def days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} d"


def count_of(count: int, total: int) -> str:
    return f"{count} of {total}"


def bar(value: float, most: float, width: int) -> str:
    """A horizontal bar `width` cells long at `most`, drawn to an eighth of a cell."""
    if most <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value / most * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (BLOCKS[part] if part else "")


def spark(values: list[int]) -> str:
    """One character per value, its height relative to the largest."""
    most = max(values, default=0)
    if most <= 0:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[min(7, round(v / most * 7))] for v in values)


def week_label(week: Week, tz: tzinfo) -> str:
    # No year: the span line above the weeks gives it, and the column keeps its width.
    return show_day(week.start, tz, None)


def span_label(r: Review, tz: tzinfo) -> str:
    return f"{show_day(r.start, tz, None, year=True)} – {show_when(r.period.end, tz, year=True)}"


def stage_note(stage: Stage, before: Stage | None) -> str:
    if before is None or stage.conversion is None:
        return ""
    return f"{percent(stage.conversion)} of {before.label}"


def habit_value(h: Habit) -> str:
    value = count_of(h.count, h.total)
    return f"{value}  {percent(h.share)}" if h.total else value


def habit_note(h: Habit) -> str:
    if h.key == "habit.under_target":
        return f"target: {h.note}"
    return h.note


def source_cells(line: SourceLine) -> tuple[str, str, str, str, str]:
    return (
        line.label,
        str(line.sent),
        str(line.answered),
        percent(line.rate),
        days(line.median_days),
    )


# --- text --------------------------------------------------------------------------------


def as_text(r: Review, tz: tzinfo, *, width: int = 80) -> str:
    out: list[str] = [f"pursuit report — {r.period.label} ({span_label(r, tz)})", ""]
    out.append("Funnel: applications sent in the period, by the furthest stage reached")
    most = r.funnel[0].count
    bar_width = max(10, width - 2 - 13 - 7 - 2 - 24)
    for i, stage in enumerate(r.funnel):
        before = r.funnel[i - 1] if i else None
        drawn = bar(stage.count, most, bar_width).ljust(bar_width)
        line = f"  {stage.label:<13}{stage.count:>7}  {drawn}  {stage_note(stage, before)}"
        out.append(line.rstrip())
    out += ["", "Activity per week (7 days each, the last ending now)"]
    head = ("week from", "sent", "interviews", "follow-ups", "check-ins", "active")
    out.append("  {:<12}{:>6}{:>12}{:>12}{:>11}{:>8}".format(*head))
    series = r.activity
    for i, week in enumerate(r.weeks):
        target = r.target_weeks[i]
        flag = "  below target" if target.under else ("  (short week)" if not week.whole else "")
        counts = [s.counts[i] for s in series]
        out.append(
            f"  {week_label(week, tz):<12}{counts[0]:>6}{counts[1]:>12}{counts[2]:>12}"
            f"{counts[3]:>11}{target.active:>8}{flag}"
        )
    totals = [s.total for s in series]
    out.append(f"  {'total':<12}{totals[0]:>6}{totals[1]:>12}{totals[2]:>12}{totals[3]:>11}")
    out += ["", "Answers by source: the first answer after applying"]
    out.append(
        "  {:<14}{:>6}{:>10}{:>7}{:>13}".format("source", "sent", "answered", "rate", "median")
    )
    for source in r.sources:
        cells = source_cells(source)
        out.append("  {:<14}{:>6}{:>10}{:>7}{:>13}".format(*cells))
    out += ["", "Habits"]
    for h in r.habits:
        label = f"{h.label} ({h.rule})"
        note = habit_note(h)
        line = f"  {label:<42}{habit_value(h):<18}{note}".rstrip()
        if len(line) > width and note:
            line = f"  {label:<42}{habit_value(h)}".rstrip() + f"\n{'':<44}{note}"
        out.append(line)
    return "\n".join(out) + "\n"


# --- markdown ----------------------------------------------------------------------------


def _row(cells: list[str] | tuple[str, ...]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]], align: str) -> list[str]:
    """A Markdown table; `align` has an "l" or an "r" per column."""
    rule = ["---:" if a == "r" else "---" for a in align]
    return [_row(head), _row(rule), *(_row(r) for r in rows)]


def as_markdown(r: Review, tz: tzinfo) -> str:
    out = [f"# pursuit report: {r.period.label}", "", f"{span_label(r, tz)}", ""]
    out += ["## Funnel", "", "Applications sent in the period, by the furthest stage reached.", ""]
    rows: list[tuple[str, ...]] = []
    for i, stage in enumerate(r.funnel):
        before = r.funnel[i - 1] if i else None
        rows.append((stage.label, str(stage.count), stage_note(stage, before) or "—"))
    out += _table(("stage", "applications", "conversion"), rows, "lrr")
    out += ["", "## Activity per week", "", "7 days each, the last ending now.", ""]
    rows = []
    for i, week in enumerate(r.weeks):
        target = r.target_weeks[i]
        mark = "below target" if target.under else ("short week" if not week.whole else "")
        counts = tuple(str(s.counts[i]) for s in r.activity)
        rows.append((week_label(week, tz), *counts, str(target.active), mark))
    rows.append(("total", *(str(s.total) for s in r.activity), "", ""))
    out += _table(
        ("week from", "sent", "interviews", "follow-ups", "check-ins", "active", "options"),
        rows,
        "lrrrrrl",
    )
    out += ["", "## Answers by source", "", "The first answer after applying.", ""]
    out += _table(
        ("source", "sent", "answered", "rate", "median"),
        [source_cells(line) for line in r.sources],
        "lrrrr",
    )
    out += ["", "## Habits", ""]
    out += _table(
        ("habit", "rule", "count", "share", "note"),
        [
            (h.label, h.rule, count_of(h.count, h.total), percent(h.share), habit_note(h) or "—")
            for h in r.habits
        ],
        "llrrl",
    )
    return "\n".join(out) + "\n"


# --- JSON --------------------------------------------------------------------------------


def _iso(at: datetime, tz: tzinfo) -> str:
    return at.astimezone(tz).isoformat()


def as_json(r: Review, tz: tzinfo) -> dict[str, Any]:
    """Every figure with its exact values and the ids of the applications behind it."""
    return {
        "period": {
            "key": r.period.key.value,
            "label": r.period.label,
            "start": _iso(r.start, tz),
            "end": _iso(r.period.end, tz),
        },
        "targets": {"active": r.target_active, "new_per_week": r.target_new},
        "funnel": [
            {
                "key": s.key,
                "stage": s.status.value,
                "count": s.count,
                "conversion": s.conversion,
                "of_sent": s.of_sent,
                "application_ids": list(s.ids),
            }
            for s in r.funnel
        ],
        "weeks": [
            {
                "start": _iso(w.week.start, tz),
                "end": _iso(w.week.end, tz),
                "whole": w.week.whole,
                "active": w.active,
                "new": w.new,
                "below_target": w.under,
            }
            for w in r.target_weeks
        ],
        "activity": [
            {
                "key": s.key,
                "label": s.label,
                "counts": list(s.counts),
                "total": s.total,
                "application_ids": list(s.ids),
                "week_application_ids": [list(ids) for ids in s.week_ids],
            }
            for s in r.activity
        ],
        "sources": [
            {
                "key": line.key,
                "source": line.source.value if line.source else None,
                "sent": line.sent,
                "answered": line.answered,
                "rate": line.rate,
                "median_days": line.median_days,
                "application_ids": list(line.ids),
                "answered_application_ids": list(line.answered_ids),
            }
            for line in r.sources
        ],
        "habits": [
            {
                "key": h.key,
                "rule": h.rule,
                "label": h.label,
                "count": h.count,
                "total": h.total,
                "share": h.share,
                "note": h.note,
                "application_ids": list(h.ids),
                "flagged_application_ids": list(h.flagged),
            }
            for h in r.habits
        ],
    }
