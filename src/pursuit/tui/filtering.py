"""The filter (/): a box over the key bar; every pane shows only what matches.

The filter stays on once the box closes (the top bar names it); / shows it again and
escape clears it, in the box or on the panes. Each load (live.py) reads the filter as
typed; the queries match company, role, status, people and notes (store/*_reads.py).
"""

from __future__ import annotations

from textual import events, on
from textual.widgets import Input

from pursuit.domain.text import clean_text
from pursuit.tui.keybar import KeyBar
from pursuit.tui.live import LiveData
from pursuit.tui.panes import Panes

FILTER_SETTLE = 0.15
"""Seconds typing pauses before the panes are filtered."""


class FilterBox(LiveData):
    def action_filter(self) -> None:
        box = self.main("#filter", Input)
        # Its own display, not a class on the screen: a screen class restyles every widget.
        self.main("#keys", KeyBar).display = False
        box.add_class("-shown")
        box.focus()

    def _close_filter(self) -> None:
        self.main("#filter", Input).remove_class("-shown")
        self.main("#keys", KeyBar).display = True
        self.main("#panes", Panes).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = clean_text(event.value).strip()
        # Typing is echoed at once; the panes follow when the typing pauses, so a fast
        # typist's keys do not queue behind a reload and repaint of every pane per letter.
        if self._filter_timer is not None:
            self._filter_timer.stop()
        if self.query_text:
            self._filter_timer = self.set_timer(FILTER_SETTLE, self.reload)
        else:
            self.reload()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self._close_filter()

    def on_key(self, event: events.Key) -> None:
        if event.key != "escape":
            return
        box = self.main("#filter", Input)
        if box.has_focus:
            box.value = ""
            self._close_filter()
        elif self.query_text and self.screen is self.screen_stack[0]:
            # A kept filter, the box closed: escape on the panes clears it too, as the
            # empty panes say. A dialog's escape is the dialog's (it never reaches here
            # with the main screen on top).
            box.value = ""
