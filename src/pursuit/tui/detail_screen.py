"""Enter on a row: the whole detail of the selection, full screen."""

from __future__ import annotations

from datetime import tzinfo

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from pursuit.agenda import AgendaItem
from pursuit.store.database import Database
from pursuit.tui.detail import render_detail
from pursuit.tui.messages import DetailLoaded
from pursuit.tui.snapshot import load_detail


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
    ) -> None:
        super().__init__()
        self._db = db
        self._tz = tz
        self._company_id = company_id
        self._application_id = application_id
        self._item = item

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog detail-full"):
            yield Static(id="detail-full-body", markup=False)
            yield Label("escape close", classes="dialog-keys")

    def on_mount(self) -> None:
        self._fetch()

    @work(thread=True, exclusive=True)
    def _fetch(self) -> None:
        detail = load_detail(
            self._db,
            company_id=self._company_id,
            application_id=self._application_id,
            item=self._item,
            events=500,
        )
        self.post_message(DetailLoaded(detail))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        message.stop()
        body = self.query_one("#detail-full-body", Static)
        body.update(render_detail(message.detail, self._tz, events=500, full=True))

    def action_close(self) -> None:
        self.dismiss(None)
