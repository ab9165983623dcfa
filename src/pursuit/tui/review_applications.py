"""The applications behind a review figure (issue #17): a list, marked ones first;
`enter` opens one's detail."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from pursuit import clock
from pursuit.domain.dates.showing import show_day
from pursuit.store.database import Database
from pursuit.store.history import AppLine, app_lines

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
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        super().__init__()
        self._db = db
        self._now = now
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
            applied = show_day(line.applied_at, self._tz, self._now())
            text.append(f"  applied {applied}", "dim")
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
                self._db,
                self._tz,
                company_id=line.company_id,
                application_id=line.id,
                item=None,
                now=self._now,
            )
        )

    def action_close(self) -> None:
        self.dismiss(None)
