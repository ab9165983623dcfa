"""Enter on a row: the whole detail of the selection, full screen, its whole history read
a page at a time as it is scrolled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, tzinfo

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from pursuit import clock
from pursuit.agenda import AgendaItem
from pursuit.store.database import Database
from pursuit.store.record_reads import EventRecord
from pursuit.tui.detail import render_detail
from pursuit.tui.messages import DetailLoaded
from pursuit.tui.snapshot import EVENTS_PAGE, Detail, load_detail, load_events

NEAR_END = 10
"""Lines from the bottom at which the next page of history is read."""


class EventsLoaded(Message):
    def __init__(self, events: list[EventRecord], offset: int) -> None:
        super().__init__()
        self.events = events
        self.offset = offset


class DetailScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="detail_close"),
        Binding("enter", "close", "Close", show=False, id="detail_close_enter"),
        Binding("q", "close", "Close", show=False, id="detail_close_q"),
    ]

    def __init__(
        self,
        db: Database,
        tz: tzinfo,
        *,
        company_id: int,
        application_id: int | None,
        item: AgendaItem | None,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        super().__init__()
        self._db = db
        self._tz = tz
        self._now = now
        self._company_id = company_id
        self._application_id = application_id
        self._item = item
        self.detail: Detail | None = None
        self._reading = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog detail-full", id="detail-full"):
            yield Static(id="detail-full-body", markup=False)
            yield Label("escape close", classes="dialog-keys")

    def on_mount(self) -> None:
        self._fetch()
        self.watch(self.query_one("#detail-full", VerticalScroll), "scroll_y", self._scrolled)

    @work(thread=True, exclusive=True)
    def _fetch(self) -> None:
        detail = load_detail(
            self._db,
            company_id=self._company_id,
            application_id=self._application_id,
            item=self._item,
            events=EVENTS_PAGE,
            now=self._now(),
            tz=self._tz,
        )
        self.post_message(DetailLoaded(detail))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        message.stop()
        self.detail = message.detail
        self._show()

    def _show(self) -> None:
        if self.detail is None:
            return
        body = self.query_one("#detail-full-body", Static)
        more = "older events follow as you scroll"
        body.update(
            render_detail(
                self.detail, self._tz, events=len(self.detail.events), full=True, more=more
            )
        )
        self.call_after_refresh(self._scrolled)

    def _scrolled(self) -> None:
        """Near the end of what is read, read the next page (once at a time)."""
        scroller = self.query_one("#detail-full", VerticalScroll)
        detail = self.detail
        if detail is None or not detail.more_events or self._reading:
            return
        if scroller.scroll_y >= scroller.max_scroll_y - NEAR_END:
            self._reading = True
            self._fetch_events(len(detail.events))

    @work(thread=True, group="events")
    def _fetch_events(self, offset: int) -> None:
        self.post_message(
            EventsLoaded(load_events(self._db, self._company_id, offset=offset), offset)
        )

    def on_events_loaded(self, message: EventsLoaded) -> None:
        self._reading = False
        detail = self.detail
        if detail is None or message.offset != len(detail.events):
            return
        record = detail.record
        if record is None:
            return
        events = (*record.events, *message.events[:EVENTS_PAGE])
        self.detail = replace(
            detail,
            record=replace(record, events=events),
            more_events=len(message.events) > EVENTS_PAGE,
        )
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)
