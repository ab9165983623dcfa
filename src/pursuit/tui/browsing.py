"""Moving through the panes: what follows the row under the cursor.

The detail panel shows the selected row once the cursor rests, enter opens its whole
detail, and the key bar offers only the keys that apply to it (`check_action`).
"""

from __future__ import annotations

from textual import on, work

from pursuit.agenda import OPTIONS, AgendaItem
from pursuit.domain.kinds import ActionKind
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.company_reads import BridgeRow
from pursuit.tui.detail import render_detail, render_gauge, render_no_match
from pursuit.tui.detail_view import DetailView, render_lines
from pursuit.tui.messages import DetailLoaded
from pursuit.tui.panes import Panes
from pursuit.tui.shell import Shell, app_id_of
from pursuit.tui.snapshot import load_detail
from pursuit.tui.tables import PaneTable

DETAIL_SETTLE = 0.06
"""Seconds the cursor rests before the detail panel follows it."""

TRIAGE = {
    "quick_entry",
    "interview",
    "thanks",
    "guidance",
    "follow_up",
    "heard",
    "offer",
    "move",
    "reject",
    "check_in",
    "snooze",
    "done",
    "edit_note",
    "copy_note",
    "undo",
    "filter",
    "help",
    "edit_record",
    "delete_record",
    "merge_companies",
    "history",
}
"""The actions of the main screen's keys: none of them applies while a dialog is up."""


class Browsing(Shell):
    @on(PaneTable.RowHighlighted)
    def _highlighted(self, event: PaneTable.RowHighlighted) -> None:
        if event.table is self.focused_table():
            self._detail_soon()
        self._refresh_keys()

    def on_panes_switched(self) -> None:
        self._detail_soon()
        self._refresh_keys()

    def action_next_pane(self) -> None:
        self.main("#panes", Panes).cycle(1)

    def action_previous_pane(self) -> None:
        self.main("#panes", Panes).cycle(-1)

    # --- the detail panel --------------------------------------------------------------

    def _detail_soon(self) -> None:
        # While j is held, the cursor repaints at once and the detail follows when it rests:
        # re-rendering the detail on every step would make each step a whole-screen layout.
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_SETTLE, self._load_detail)

    def _load_detail(self) -> None:
        if self.quitting:
            return
        view = self.main("#detail-body", DetailView)
        item = self.selection()
        snap = self.snapshot
        self._detail_shown = (item, snap.token if snap else (), snap.query if snap else "")
        # Whatever an earlier request brings back is for a row the cursor has left.
        self._detail_seq += 1
        company_id = getattr(item, "company_id", None)
        if isinstance(item, AgendaItem) and item.kind == OPTIONS and self.snapshot:
            view.show(render_lines(render_gauge(self.snapshot.agenda.gauge), view.text_width))
            return
        if item is None or company_id is None:
            query = self.snapshot.query if self.snapshot else ""
            empty = render_no_match(query) if query else render_detail(None, self.tz)
            view.show(render_lines(empty, view.text_width))
            return
        self._fetch_detail(
            company_id,
            app_id_of(item),
            item if isinstance(item, AgendaItem) else None,
            view.text_width,
            self._detail_seq,
        )

    @work(thread=True, exclusive=True, group="detail")
    def _fetch_detail(
        self,
        company_id: int,
        application_id: int | None,
        item: AgendaItem | None,
        width: int,
        seq: int,
    ) -> None:
        detail = load_detail(
            self.db,
            company_id=company_id,
            application_id=application_id,
            item=item,
            now=self.now(),
            tz=self.tz,
        )
        if seq != self._detail_seq:
            return  # the cursor moved on meanwhile
        lines = render_lines(render_detail(detail, self.tz), width)
        self.post_message(DetailLoaded(detail, lines, seq))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        if self.quitting or message.lines is None or message.seq != self._detail_seq:
            return
        self.main("#detail-body", DetailView).show(message.lines)

    def on_detail_view_resized(self) -> None:
        self._load_detail()

    @on(PaneTable.RowSelected)
    def _open_detail(self, event: PaneTable.RowSelected) -> None:
        from pursuit.tui.detail_screen import DetailScreen

        item = self.selection()
        company_id = getattr(item, "company_id", None)
        if item is None or company_id is None:
            return
        self.push_screen(
            DetailScreen(
                self.db,
                self.tz,
                company_id=company_id,
                application_id=app_id_of(item),
                item=item if isinstance(item, AgendaItem) else None,
                now=self.now,
            )
        )

    # --- which keys apply --------------------------------------------------------------

    def _refresh_keys(self) -> None:
        # Only when the keys that apply changed: each refresh re-checks every binding.
        # Keys themselves are checked when pressed, so the bar is a guide, not a gate.
        enabled = tuple(self.check_action(action, ()) for action in sorted(TRIAGE))
        if enabled != self._enabled:
            self._enabled = enabled
            if self.screen_stack:  # a highlight can arrive while quitting
                self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.screen_stack:
            return None
        if action in TRIAGE and self.screen is not self.screen_stack[0]:
            return False
        return self.applies(action)

    def applies(self, action: str) -> bool:
        """Whether an action applies to the row under the cursor (whatever is on top of
        the main screen: the command palette asks this with itself on top)."""
        if not self.screen_stack:
            return False
        item = self.selection()
        kind = item.kind if isinstance(item, AgendaItem) else None
        app_id = app_id_of(item)
        if action == "thanks":
            return kind == ActionKind.THANK_YOU or (
                isinstance(item, ApplicationRow) and item.thank_you_id is not None
            )
        if action in ("follow_up", "move", "reject", "guidance", "heard", "move_to", "offer"):
            return app_id is not None and kind != ActionKind.CHECK_IN
        if action == "interview":
            return getattr(item, "company_id", None) is not None and not isinstance(item, BridgeRow)
        if action == "check_in":
            return isinstance(item, BridgeRow) or kind == ActionKind.CHECK_IN
        if action in ("snooze", "done"):
            # The options nudge too: snoozed to a time, or dismissed with done.
            return isinstance(item, AgendaItem) and (item.action_id is not None or kind == OPTIONS)
        if action in ("edit_note", "copy_note"):
            return isinstance(item, AgendaItem) and item.action_id is not None and bool(item.draft)
        if action in ("edit_record", "delete_record", "merge_companies"):
            return getattr(item, "company_id", None) is not None
        return True
