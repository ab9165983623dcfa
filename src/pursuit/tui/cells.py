"""Turning rows into table cells. User text becomes rich Text, never markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Generic, TypeVar

from rich.text import Text

from pursuit.agenda import OPTIONS, AgendaItem, Bucket
from pursuit.domain.dates.showing import humanize_due, show_day, show_when
from pursuit.domain.kinds import ActionKind, Status
from pursuit.domain.whose import Turn
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.company_reads import BridgeRow
from pursuit.tui.layout import Column

T = TypeVar("T")

Signature = tuple[tuple[str, str, tuple[tuple[int, int, str], ...]], ...]
"""What a row's cells look like, as plain strings: equal signatures paint the same."""

Row = tuple[str, T, tuple[Text, ...], Signature]
"""(stable key, the item, its cells, their signature): what a pane shows for one row."""


def signature(cells: Sequence[Text]) -> Signature:
    """Made in the worker, so the event loop compares tuples of strings, not Text objects."""
    return tuple(
        (cell.plain, str(cell.style), tuple((s.start, s.end, str(s.style)) for s in cell.spans))
        for cell in cells
    )


def row(key: str, item: T, cells: tuple[Text, ...]) -> Row[T]:
    return (key, item, cells, signature(cells))


@dataclass(frozen=True)
class PaneRows(Generic[T]):
    """A pane's rows in the shapes the pane keeps them, built in the worker so that
    showing them on the event loop is a few list compares and reference swaps."""

    keys: list[str]
    items: dict[str, T]
    cells: dict[str, tuple[Text, ...]]
    signatures: list[Signature]

    @classmethod
    def of(cls, rows: Sequence[Row[T]]) -> PaneRows[T]:
        return cls(
            keys=[r[0] for r in rows],
            items={r[0]: r[1] for r in rows},
            cells={r[0]: r[2] for r in rows},
            signatures=[r[3] for r in rows],
        )


OVERDUE_MARK = "!"
"""A character, not only a colour, so overdue still stands out under NO_COLOR."""

KIND_LABEL = {
    ActionKind.THANK_YOU: "thank-you",
    ActionKind.FOLLOW_UP: "follow-up",
    ActionKind.CHECK_IN: "check-in",
    OPTIONS: "options",
}

# Columns give way least important first, and each keeps a useful width (tui/layout.py):
# the same layout at every width whether the app started there or was resized to it.
# Next to each relative time, its day ("due in 3 d", "Mon 16 Nov"; "16 Nov 2027" in
# another year): a column of its own, so a narrow pane keeps the relative time whole.
DAY = 11
AGENDA_COLUMNS = (
    Column("", 1, 1),
    Column("due", 13, 13),
    Column("on", DAY, DAY, drop=1),
    Column("to do", 16, 34, grow=3),
    Column("company", 12, 18, grow=1),
)
APP_COLUMNS = (
    Column("company", 12, 16, grow=1),
    Column("role", 10, 18, grow=2, drop=2),
    Column("status", 12, 12, drop=5),
    Column("touched", 7, 7, drop=6),
    Column("next", 10, 12, drop=3),
    Column("due", 13, 13, drop=1),
    Column("on", DAY, DAY, drop=4),
)
BRIDGE_COLUMNS = (
    Column("company", 12, 18, grow=1),
    Column("contacts", 10, 24, grow=2, drop=2),
    Column("checked in", 10, 10, drop=3),
    Column("next check-in", 13, 13, drop=1),
    Column("on", DAY, DAY, drop=4),
)


def plain(value: str | None) -> Text:
    return Text(value or "", no_wrap=True, overflow="ellipsis")


def _since(when: datetime | None, now: datetime) -> Text:
    if when is None:
        return Text("—", style="dim")
    days = (now - when).total_seconds() / 86400
    if days < 1:
        return Text("today")
    return Text(f"{int(days)} d")


def due_cell(due: datetime | None, now: datetime) -> Text:
    if due is None:
        return Text("—", style="dim")
    phrase = humanize_due(due, now)
    style = "bold red" if due <= now else ("yellow" if (due - now).total_seconds() < 86400 else "")
    return Text(phrase, style=style)


def day_cell(due: datetime | None, now: datetime, tz: tzinfo | None = None) -> Text:
    """The day of a due time, beside its relative time."""
    if due is None:
        return Text("")
    zone = tz or now.tzinfo
    assert zone is not None
    return Text(show_day(due, zone, now, short=True), style="dim", no_wrap=True)


def agenda_cells(item: AgendaItem, now: datetime, tz: tzinfo | None = None) -> tuple[Text, ...]:
    if item.kind == OPTIONS:
        return (
            Text("»", style="bold magenta"),
            Text("now" if item.bucket != Bucket.OVERDUE else "", style="magenta"),
            Text(""),
            Text(item.draft, style="bold magenta" if item.loud else "magenta"),
            Text(""),
        )
    mark = Text(OVERDUE_MARK, style="bold red") if item.overdue else Text(" ")
    what = Text(item.what, no_wrap=True, overflow="ellipsis")
    if item.overdue:
        what.stylize("bold")
    return (mark, due_cell(item.due, now), day_cell(item.due, now, tz), what, plain(item.company))


_STATUS_STYLE = {
    Status.OFFER: "bold green",
    Status.INTERVIEWING: "cyan",
    Status.SCREENING: "cyan",
    Status.ON_HOLD: "yellow",
    Status.WISHLIST: "dim",
}


def app_cells(row: ApplicationRow, now: datetime, tz: tzinfo | None = None) -> tuple[Text, ...]:
    nxt = KIND_LABEL.get(row.next_kind or "", row.next_kind or "")
    if row.next_contact and row.next_kind == ActionKind.THANK_YOU:
        nxt = f"thank {row.next_contact.split()[0]}"
    # Whose move: theirs while all that is left is to wait for them, until the date beside.
    theirs = row.whose(now).turn == Turn.THEIRS
    when = row.next_at
    if row.interview_first:
        # Notes for an interview are owed once it ends; until then the interview is next.
        nxt, theirs, when = "interview", False, row.interview_at
    return (
        plain(row.company),
        plain(row.title),
        Text(row.status.label, style=_STATUS_STYLE.get(row.status, "")),
        _since(row.last_touch, now),
        Text("their move", style="italic") if theirs else plain(nxt or "—"),
        Text("now", style="yellow")
        if row.interview_first and when is not None and when <= now
        else due_cell(when, now),
        day_cell(when, now, tz),
    )


def bridge_cells(row: BridgeRow, now: datetime, tz: tzinfo | None = None) -> tuple[Text, ...]:
    return (
        plain(row.company),
        plain(row.contacts or "—"),
        _since(row.last_check_in, now),
        due_cell(row.next_check_in, now),
        day_cell(row.next_check_in, now, tz),
    )


def local(when: datetime, tz: tzinfo, now: datetime | None) -> str:
    """ "Fri 4 Dec 14:00" (the year too when it is not the year of `now`), as the CLI says."""
    return show_when(when, tz, now)
