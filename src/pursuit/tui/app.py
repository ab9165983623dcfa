"""The pursuit app: agenda, applications and bridges, triaged from the keyboard.

Every database call runs in a thread worker with its own short connection or session and
reports back with a message; the event loop only paints. The timer wakes when the next
action falls due (and at least once a minute) and recomputes overdue from the clock.
"""

from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from pursuit import clock
from pursuit.agenda import AgendaItem, OverdueNotifier, announcements, seconds_until_wake
from pursuit.config import Config
from pursuit.domain.dates import DateParseError, parse_when
from pursuit.domain.gimmicks import gimmick_warnings
from pursuit.domain.quick_entry import QuickEntryError, parse_quick_entry
from pursuit.domain.status import Status
from pursuit.domain.text import clean_text
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.reads import ApplicationRow, BridgeRow
from pursuit.tui import cells
from pursuit.tui.detail import render_detail, render_gauge
from pursuit.tui.detail_view import DetailView, render_lines
from pursuit.tui.early import EarlyLoad
from pursuit.tui.help import HelpScreen
from pursuit.tui.keybar import KeyBar
from pursuit.tui.main_screen import MainScreen
from pursuit.tui.messages import (
    AnnouncementsFound,
    DetailLoaded,
    Job,
    RevisionChanged,
    SnapshotLoaded,
    WriteFinished,
    WriteOutcome,
)
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen, PromptScreen
from pursuit.tui.snapshot import PAGE, Snapshot, load_detail, load_snapshot
from pursuit.tui.tables import PaneKeys, Panes, PaneTable

Selection = AgendaItem | ApplicationRow | BridgeRow
W = TypeVar("W", bound=Widget)
FILTER_SETTLE = 0.15
"""Seconds typing pauses before the panes are filtered."""
DETAIL_SETTLE = 0.06
"""Seconds the cursor rests before the detail panel follows it."""
GC_EVERY = 20.0
"""Seconds between looks for a quiet moment to collect cyclic garbage."""
GC_IDLE = 3.0
"""Seconds without a key press that count as a quiet moment."""
GC_NEVER = 10**9
"""A full-collection threshold never reached: those collections are run when quiet."""
POLL_SECONDS = 1.0
"""How often to look for writes from other processes (one tiny indexed read)."""

_TRIAGE = {
    "quick_entry",
    "interview",
    "thanks",
    "guidance",
    "follow_up",
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
}


class PursuitApp(App[None]):
    TITLE = "pursuit"
    CSS_PATH = "pursuit.tcss"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "quick_entry",
            "Add",
            id="quick_entry",
            tooltip="Quick entry: 'Acme / Backend Engineer', 'Acme interview fri 10am with Ann'",
        ),
        Binding(
            "i",
            "interview",
            "Interview",
            id="interview",
            tooltip="Log an interview: one thank-you note per interviewer",
        ),
        Binding("t", "thanks", "Thanked", id="thanks", tooltip="Mark this thank-you note sent"),
        Binding(
            "g",
            "guidance",
            "Guidance",
            id="guidance",
            tooltip="Record when the employer said to check back",
        ),
        Binding("f", "follow_up", "Followed up", id="follow_up", tooltip="Log a follow-up sent"),
        Binding("m", "move", "Move", id="move", tooltip="Change the application's status"),
        Binding(
            "r",
            "reject",
            "Reject",
            id="reject",
            tooltip="Close as rejected; a kind no becomes a bridge",
        ),
        Binding("c", "check_in", "Check in", id="check_in", tooltip="Log a check-in with a bridge"),
        Binding("s", "snooze", "Snooze", id="snooze", tooltip="Push this action later"),
        Binding("d", "done", "Done", id="done", tooltip="Mark this action done"),
        Binding(
            "e",
            "edit_note",
            "Edit note",
            id="edit_note",
            tooltip="Edit the draft in $VISUAL / $EDITOR",
        ),
        Binding(
            "y", "copy_note", "Copy", id="copy_note", tooltip="Copy the draft to the clipboard"
        ),
        Binding("u", "undo", "Undo", id="undo", tooltip="Take back the last change"),
        Binding("slash", "filter", "Filter", id="filter", tooltip="Filter every pane"),
        Binding("question_mark", "help", "Help", id="help", tooltip="All keys"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit pursuit"),
        # Priority: the screen's own tab (move focus) must not get there first.
        Binding("tab", "next_pane", "Next pane", show=False, id="next_pane", priority=True),
        Binding(
            "shift+tab",
            "previous_pane",
            "Previous pane",
            show=False,
            id="previous_pane",
            priority=True,
        ),
    ]

    def __init__(
        self,
        db: Database,
        *,
        config: Config | None = None,
        tz: tzinfo | None = None,
        now: Callable[[], datetime] = clock.now,
        problems: Iterable[str] = (),
        first: EarlyLoad | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.config = config or Config()
        self.tz = tz or clock.local_zone(self.config.timezone or None)
        self.now = now
        self.settings = self.config.rules()
        self.snapshot: Snapshot | None = None
        self.query_text = ""
        self.notifier = OverdueNotifier()
        self._problems = list(problems)
        self._revision = -1
        self._wake: Timer | None = None
        self._enabled: tuple[bool | None, ...] = ()
        self._detail_timer: Timer | None = None
        self._filter_timer: Timer | None = None
        self._frozen = False
        self._gc_thresholds: tuple[int, int, int] | None = None
        self._last_input = time.monotonic()
        self._detail_shown: tuple[Selection | None, int] | None = None
        self._topbar: Text | None = None
        self._widgets: dict[str, Widget] = {}
        self._retired: deque[Snapshot] = deque()
        self._first = first
        if self.config.theme:
            self.theme = (
                self.config.theme if self.config.theme in self.available_themes else "textual-dark"
            )

    # --- layout ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[object]:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Static(id="topbar", markup=False)
        with Horizontal(id="body"):
            with Panes(id="panes"):
                yield PaneKeys()
                yield PaneTable[AgendaItem](cells.AGENDA_COLUMNS, title="Follow-ups", id="agenda")
                yield PaneTable[ApplicationRow](
                    cells.APP_COLUMNS, title="Active applications", id="apps"
                )
                yield PaneTable[BridgeRow](cells.BRIDGE_COLUMNS, title="Bridges", id="bridges")
            # One widget with its own border, not a bordered box around it: every widget a
            # screen line crosses is rendered again when that line changes.
            yield DetailView(id="detail-body")
        yield Input(id="filter", placeholder="filter: company, role, person…")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        self.main("#detail-body", DetailView).border_title = "Detail"
        panes = self.main("#panes", Panes)
        panes.activate(self.main("#agenda", PaneTable))
        panes.focus()
        self._paint_topbar()
        for problem in self._problems:
            self.notify(problem, title="config", severity="warning", markup=False, timeout=10)
        self.reload()
        self.set_interval(POLL_SECONDS, self._check_revision)

    def on_resize(self) -> None:
        narrow = self.size.width < 100
        for table in self.main_screen.query(PaneTable):
            table.set_narrow(narrow)

    # --- loading -----------------------------------------------------------------------

    @property
    def main_screen(self) -> Screen[object]:
        return self.screen_stack[0]

    def main(self, selector: str, expect: type[W]) -> W:
        """A widget of the main screen, even while a modal is on top (a query on the app
        would search the modal and miss). The main screen's widgets live as long as the
        app, so each is looked up once: a DOM query on every timer wake adds up."""
        found = self._widgets.get(selector)
        if found is None or not found.is_attached:
            found = self._widgets[selector] = self.screen_stack[0].query_one(selector, expect)
        assert isinstance(found, expect)
        return found

    def ctx(self) -> Ctx:
        return Ctx(db=self.db, now=self.now(), tz=self.tz, settings=self.settings)

    def reload(self) -> None:
        first, self._first = self._first, None
        self._load(self.query_text, first)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, query: str, first: EarlyLoad | None = None) -> None:
        while self._retired:
            self._retired.popleft()
        if first is not None:
            snapshot = first.result()
        else:
            snapshot = load_snapshot(self.db, self.now(), self.tz, self.settings, query=query)
        self.post_message(SnapshotLoaded(snapshot))
        if get_current_worker().is_cancelled:  # superseded, or the app is closing
            return
        # Once the paint is on its way: on a first start this can be thousands of rows.
        found = announcements(self.db, snapshot.now, self.tz)
        self.post_message(AnnouncementsFound(found))

    @work(thread=True, exclusive=True, group="poll")
    def _check_revision(self) -> None:
        revision = self.db.revision()
        if revision != self._revision:
            self.post_message(RevisionChanged(revision))

    def on_revision_changed(self, message: RevisionChanged) -> None:
        if message.revision != self._revision:
            self._revision = message.revision
            self.reload()

    def on_snapshot_loaded(self, message: SnapshotLoaded) -> None:
        if not self.screen_stack:  # quitting: a worker's late answer
            return
        snap = message.snapshot
        if self.snapshot is not None:
            # Freeing a snapshot's thousands of objects takes about a millisecond; the next
            # load worker drops it instead of the event loop.
            self._retired.append(self.snapshot)
        self.snapshot = snap
        self._revision = max(self._revision, snap.revision)
        self.main("#agenda", PaneTable).sync(
            snap.agenda_rows, subtitle=f"{snap.agenda.overdue} overdue · {snap.agenda.today} today"
        )
        apps_note = f"{len(snap.apps)} shown" if snap.apps else "none yet: press a to add one"
        self.main("#apps", PaneTable).sync(snap.app_rows, subtitle=apps_note)
        self.main("#bridges", PaneTable).sync(snap.bridge_rows, subtitle=f"{len(snap.bridges)}")
        self._paint_topbar()
        self._schedule_wake()
        if not self._frozen:
            self._frozen = True
            self.call_after_refresh(self._settle_memory)
        if snap.page < PAGE:
            self.call_after_refresh(self.reload)  # the first paint's short page: the rest
        # A timer wake that changed nothing under the cursor leaves the detail alone: its
        # reload is a query and a repaint of the whole panel.
        if (self.selection(), snap.revision) != self._detail_shown:
            self._load_detail()

    def _schedule_wake(self) -> None:
        if self.snapshot is None:
            return
        if self._wake is not None:
            self._wake.stop()
        delay = seconds_until_wake(self.snapshot.agenda.next_due, self.now())
        self._wake = self.set_timer(delay, self.reload)

    def on_announcements_found(self, message: AnnouncementsFound) -> None:
        if not self.screen_stack:  # quitting: a worker's late answer
            return
        fresh = self.notifier.newly_overdue_items(message.items)
        if not fresh:
            return
        if len(fresh) > 3:
            self.notify(f"{len(fresh)} actions are overdue", title="Overdue", severity="warning")
        else:
            for item in fresh:
                self.notify(
                    f"{item.what} — {item.company}",
                    title="Overdue",
                    severity="warning",
                    markup=False,
                )
        if self.config.bell:
            self.bell()
        if self.config.notify_send:
            self._desktop_notify(f"pursuit: {len(fresh)} overdue", fresh[0].what)
        ids = [i.action_id for i in fresh if i.action_id is not None]
        self._mark_notified(ids)

    @work(thread=True, group="notify")
    def _desktop_notify(self, title: str, body: str) -> None:
        from pursuit.desktop.notify import desktop_notify

        desktop_notify(title, body)

    @work(thread=True, group="write")
    def _mark_notified(self, ids: list[int]) -> None:
        from pursuit.store.actions import mark_notified

        mark_notified(self.ctx(), ids)

    def _paint_topbar(self) -> None:
        bar = Text()
        bar.append(" pursuit ", style="bold reverse")
        if self.snapshot is not None:
            gauge = self.snapshot.agenda.gauge
            bar.append("  options ")
            bar.append(
                gauge.label,
                style="bold red"
                if gauge.below_target and gauge.loud
                else ("yellow" if gauge.below_target else "green"),
            )
            overdue = self.snapshot.agenda.overdue
            bar.append("   ")
            bar.append(
                f"{cells.OVERDUE_MARK} {overdue} overdue" if overdue else "0 overdue",
                style="bold red" if overdue else "dim",
            )
            bar.append(f" · {self.snapshot.agenda.today} due today")
            if self.snapshot.query:
                bar.append("   filter: ", style="dim")
                bar.append(self.snapshot.query, style="italic")
        else:
            bar.append("  loading…", style="dim")
        if bar != self._topbar:
            self._topbar = bar
            self.main("#topbar", Static).update(bar, layout=False)

    # --- selection and detail ----------------------------------------------------------

    def focused_table(self) -> PaneTable[Selection] | None:
        """The active pane: the one keys go to, even while a dialog or the filter is up."""
        if not self.screen_stack:  # quitting: messages can still arrive
            return None
        return self.main("#panes", Panes).active

    def selection(self) -> Selection | None:
        if not self.screen_stack:
            return None
        table = self.focused_table()
        if table is None:
            table = self.main("#agenda", PaneTable)
        item = table.selected
        return item if isinstance(item, AgendaItem | ApplicationRow | BridgeRow) else None

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

    def _detail_soon(self) -> None:
        # While j is held, the cursor repaints at once and the detail follows when it rests:
        # re-rendering the detail on every step would make each step a whole-screen layout.
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_SETTLE, self._load_detail)

    def _refresh_keys(self) -> None:
        # Only when the keys that apply changed: each refresh re-checks every binding.
        # Keys themselves are checked when pressed, so the bar is a guide, not a gate.
        enabled = tuple(self.check_action(action, ()) for action in sorted(_TRIAGE))
        if enabled != self._enabled:
            self._enabled = enabled
            if self.screen_stack:  # a highlight can arrive while quitting
                self.refresh_bindings()

    def _load_detail(self) -> None:
        if not self.screen_stack:
            return
        view = self.main("#detail-body", DetailView)
        item = self.selection()
        self._detail_shown = (item, self.snapshot.revision if self.snapshot else -1)
        company_id = getattr(item, "company_id", None)
        if isinstance(item, AgendaItem) and item.kind == "options" and self.snapshot:
            view.show(render_lines(render_gauge(self.snapshot.agenda.gauge), view.text_width))
            return
        if item is None or company_id is None:
            view.show(render_lines(render_detail(None, self.tz), view.text_width))
            return
        application_id = (
            item.id if isinstance(item, ApplicationRow) else getattr(item, "application_id", None)
        )
        self._fetch_detail(
            company_id,
            application_id,
            item if isinstance(item, AgendaItem) else None,
            view.text_width,
        )

    @work(thread=True, exclusive=True, group="detail")
    def _fetch_detail(
        self, company_id: int, application_id: int | None, item: AgendaItem | None, width: int
    ) -> None:
        detail = load_detail(
            self.db, company_id=company_id, application_id=application_id, item=item
        )
        self.post_message(DetailLoaded(detail, render_lines(render_detail(detail, self.tz), width)))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        if not self.screen_stack or message.lines is None:  # quitting: a late answer
            return
        self.main("#detail-body", DetailView).show(message.lines)

    def _settle_memory(self) -> None:
        # What start-up allocated lives as long as the app: move it out of the garbage
        # collector's reach so a full collection never pauses a key press for long.
        gc.freeze()
        # Full collections still took 50-90 ms at 10,000 applications, at random: while
        # the app runs they happen when nobody is typing instead (see _collect_if_idle).
        self._gc_thresholds = gc.get_threshold()
        young, middle, _ = self._gc_thresholds
        gc.set_threshold(young, middle, GC_NEVER)
        self.set_interval(GC_EVERY, self._collect_if_idle)

    def _collect_if_idle(self) -> None:
        if time.monotonic() - self._last_input >= GC_IDLE:
            gc.collect()

    def on_unmount(self) -> None:
        if self._gc_thresholds is not None:
            gc.set_threshold(*self._gc_thresholds)

    def on_detail_view_resized(self) -> None:
        self._load_detail()

    @on(PaneTable.RowSelected)
    def _open_detail(self, event: PaneTable.RowSelected) -> None:
        from pursuit.tui.detail_screen import DetailScreen

        item = self.selection()
        company_id = getattr(item, "company_id", None)
        if item is None or company_id is None:
            return
        application_id = (
            item.id if isinstance(item, ApplicationRow) else getattr(item, "application_id", None)
        )
        self.push_screen(
            DetailScreen(
                self.db,
                self.tz,
                company_id=company_id,
                application_id=application_id,
                item=item if isinstance(item, AgendaItem) else None,
            )
        )

    # --- which keys apply --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.screen_stack:
            return None
        if action in _TRIAGE and self.screen is not self.screen_stack[0]:
            return False
        item = self.selection()
        kind = item.kind if isinstance(item, AgendaItem) else None
        app_id = self._application_id(item)
        if action == "thanks":
            return kind == "thank_you" or (
                isinstance(item, ApplicationRow) and self._thank_you_for(item.id) is not None
            )
        if action in ("follow_up", "move", "reject", "guidance"):
            return app_id is not None and kind != "check_in"
        if action == "interview":
            return getattr(item, "company_id", None) is not None and not isinstance(item, BridgeRow)
        if action == "check_in":
            return isinstance(item, BridgeRow) or kind == "check_in"
        if action in ("snooze", "done"):
            return isinstance(item, AgendaItem) and item.action_id is not None
        if action in ("edit_note", "copy_note"):
            return isinstance(item, AgendaItem) and item.action_id is not None and bool(item.draft)
        return True

    @staticmethod
    def _application_id(item: Selection | None) -> int | None:
        if isinstance(item, ApplicationRow):
            return item.id
        if isinstance(item, AgendaItem):
            return item.application_id
        return None

    def _thank_you_for(self, application_id: int) -> AgendaItem | None:
        if self.snapshot is None:
            return None
        return next(
            (
                i
                for i in self.snapshot.agenda.items
                if i.kind == "thank_you" and i.application_id == application_id
            ),
            None,
        )

    # --- writes ------------------------------------------------------------------------

    def write(self, job: Job, *, forced: Job | None = None) -> None:
        """Run a store command in a worker; a rule's refusal comes back as a question."""
        self._write(job, forced)

    @work(thread=True, group="write")
    def _write(self, job: Job, forced: Job | None) -> None:
        from pursuit.store.errors import InputError, Refused
        from pursuit.store.sqlite import DatabaseError

        try:
            outcome = WriteOutcome(message=job(self.ctx()))
        except Refused as exc:
            outcome = WriteOutcome(
                refused_summary=exc.summary, refused_reasons=tuple(exc.reasons), forced=forced
            )
        except (InputError, DatabaseError, ValueError) as exc:
            outcome = WriteOutcome(error=str(exc))
        self.post_message(WriteFinished(outcome))

    def on_write_finished(self, message: WriteFinished) -> None:
        outcome = message.outcome
        if outcome.message:
            self.notify(outcome.message, markup=False)
        if outcome.error:
            self.notify(outcome.error, severity="error", markup=False)
        forced = outcome.forced
        if outcome.refused_summary and forced is not None:

            def go_ahead(answer: bool | None) -> None:
                if answer:
                    self.write(forced)

            self.push_screen(
                ConfirmScreen(
                    outcome.refused_summary[:1].upper()
                    + outcome.refused_summary[1:]
                    + ". Go ahead anyway?",
                    outcome.refused_reasons,
                    yes="go ahead",
                    no="wait",
                ),
                go_ahead,
            )
        self._check_revision()

    # --- the keys ----------------------------------------------------------------------

    def _preview_quick(self, prefix: str = "") -> Callable[[str], tuple[bool, str]]:
        def preview(text: str) -> tuple[bool, str]:
            try:
                entry = parse_quick_entry(prefix + text, self.now(), self.tz)
            except QuickEntryError as exc:
                return False, str(exc)
            return True, entry.describe(self.tz)

        return preview

    def _save_quick(self, line: str) -> Job:
        from pursuit.domain.quick_entry import parse_quick_entry as parse

        def job(ctx: Ctx) -> str:
            from pursuit.quick import save_quick_entry

            return save_quick_entry(ctx, parse(line, ctx.now, ctx.tz))

        return job

    def action_quick_entry(self) -> None:
        def done(text: str | None) -> None:
            if text:
                self.write(self._save_quick(clean_text(text)))

        self.push_screen(
            PromptScreen(
                "Quick entry",
                self._preview_quick(),
                placeholder="Acme / Backend Engineer interview tomorrow 14:00 with Jane Doe (EM)",
            ),
            done,
        )

    def action_interview(self) -> None:
        item = self.selection()
        company = getattr(item, "company", None)
        if not company:
            return
        prefix = f"{company} interview "

        def done(text: str | None) -> None:
            if text:
                self.write(self._save_quick(prefix + clean_text(text)))

        self.push_screen(
            PromptScreen(
                f"Interview at {company}: when, and with whom",
                self._preview_quick(prefix),
                placeholder="tomorrow 14:00 for 45 min with Jane Doe (EM), Bob Lee",
            ),
            done,
        )

    def action_guidance(self) -> None:
        item = self.selection()
        company = getattr(item, "company", None)
        if not company:
            return

        def preview(text: str) -> tuple[bool, str]:
            try:
                when = parse_when(text, self.now(), self.tz)
            except DateParseError as exc:
                return False, str(exc)
            return True, f"Follow up with {company} on {cells.local(when, self.tz)}, as they asked"

        def done(text: str | None) -> None:
            if not text:
                return
            said = clean_text(text)

            def job(ctx: Ctx) -> str:
                from pursuit.store.commands import record_guidance

                when = parse_when(said, ctx.now, ctx.tz)
                result = record_guidance(ctx, company, when, f"check back {said}")
                return f"{result.company}: follow up {cells.local(result.follow_up_due, ctx.tz)}"

            self.write(job)

        self.push_screen(
            PromptScreen(
                f"When did {company} say to check back?",
                preview,
                placeholder="after the 15th · in two weeks · dec 3",
            ),
            done,
        )

    def action_thanks(self) -> None:
        item = self.selection()
        target = (
            item
            if isinstance(item, AgendaItem)
            else (self._thank_you_for(item.id) if isinstance(item, ApplicationRow) else None)
        )
        if target is None or target.action_id is None:
            return
        action_id = target.action_id

        def job(force: bool) -> Job:
            def run(ctx: Ctx) -> str:
                from pursuit.store.actions import mark_thanks

                sent = mark_thanks(ctx, action_id=action_id, force=force)
                return f"Thank-you note to {sent.contact} marked sent"

            return run

        self.write(job(False), forced=job(True))

    def action_follow_up(self) -> None:
        item = self.selection()
        app_id = self._application_id(item)
        if app_id is None:
            return
        draft = item.draft if isinstance(item, AgendaItem) and item.kind == "follow_up" else ""
        note = draft or None

        def job(force: bool) -> Job:
            def run(ctx: Ctx) -> str:
                from pursuit.store.actions import log_followup

                result = log_followup(ctx, application_id=app_id, note=note, force=force)
                text = f"Follow-up to {result.company} logged"
                return f"{text}. {result.ghosted_hint}" if result.ghosted_hint else text

            return run

        warnings = gimmick_warnings(draft) if draft else []
        if warnings:
            # R6: warn about a gimmick before anything is logged.
            def answer(yes: bool | None) -> None:
                if yes:
                    self.write(job(False), forced=job(True))

            self.push_screen(
                ConfirmScreen(
                    "This follow-up reads like a gimmick. Log it anyway?",
                    warnings,
                    yes="log it",
                    no="rethink",
                ),
                answer,
            )
            return
        self.write(job(False), forced=job(True))

    def action_move(self) -> None:
        item = self.selection()
        app_id = self._application_id(item)
        if app_id is None:
            return
        current = item.status.value if isinstance(item, ApplicationRow) else None

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if value == Status.REJECTED.value:
                self.action_reject()
                return
            status = Status(value)

            def job(ctx: Ctx) -> str:
                from pursuit.store.commands import move

                moved = move(ctx, "", status, application_id=app_id)
                return f"{moved.company}: {moved.old.label} → {moved.new.label}"

            self.write(job)

        self.push_screen(
            ChoiceScreen("Move to", [(s.value, s.label) for s in Status], current=current), chosen
        )

    def action_reject(self) -> None:
        item = self.selection()
        app_id = self._application_id(item)
        if app_id is None:
            return

        def answered(friendly: bool | None) -> None:
            if friendly is None:
                return

            def job(ctx: Ctx) -> str:
                from pursuit.store.commands import reject

                moved = reject(ctx, "", friendly=friendly, application_id=app_id)
                if moved.bridge_check_in:
                    return (
                        f"{moved.company} kept as a bridge: check in "
                        f"{cells.local(moved.bridge_check_in, ctx.tz)}"
                    )
                return f"{moved.company}: closed as rejected"

            self.write(job)

        self.push_screen(
            ConfirmScreen(
                "Rejected. Were they positive about you?",
                [f"yes keeps the company as a bridge, with a check-in {self._cadence_words()}"],
                yes="yes, keep in touch",
                no="no, just close",
            ),
            answered,
        )

    def _cadence_words(self) -> str:
        from pursuit.domain.cadence import CadenceError, parse_cadence

        try:
            return parse_cadence(self.settings.bridge_rule).describe()
        except CadenceError:
            return "on your cadence"

    def action_check_in(self) -> None:
        item = self.selection()
        company_id = getattr(item, "company_id", None)
        if company_id is None:
            return

        def job(ctx: Ctx) -> str:
            from pursuit.store.actions import check_in

            result = check_in(ctx, company_id=company_id)
            return f"Check-in with {result.company} logged; next {cells.local(result.next_check_in, ctx.tz)}"

        self.write(job)

    def action_snooze(self) -> None:
        item = self.selection()
        if not isinstance(item, AgendaItem) or item.action_id is None:
            return
        action_id = item.action_id

        def preview(text: str) -> tuple[bool, str]:
            try:
                return (
                    True,
                    f"Snooze until {cells.local(parse_when(text, self.now(), self.tz), self.tz)}",
                )
            except DateParseError as exc:
                return False, str(exc)

        def done(text: str | None) -> None:
            if not text:
                return

            def job(ctx: Ctx) -> str:
                from pursuit.store.actions import snooze

                until = snooze(ctx, action_id, parse_when(text, ctx.now, ctx.tz))
                return f"Snoozed until {cells.local(until, ctx.tz)}"

            self.write(job)

        self.push_screen(PromptScreen("Snooze until", preview, value="tomorrow 9am"), done)

    def action_done(self) -> None:
        item = self.selection()
        if not isinstance(item, AgendaItem) or item.action_id is None:
            return
        action_id, what = item.action_id, item.what

        def job(ctx: Ctx) -> str:
            from pursuit.store.actions import complete

            complete(ctx, action_id)
            return f"Done: {what}"

        self.write(job)

    def action_edit_note(self) -> None:
        item = self.selection()
        if not isinstance(item, AgendaItem) or item.action_id is None:
            return
        from pursuit.desktop.editor import EditorError, edit_text

        try:
            if self.is_headless:
                edited = edit_text(item.draft)  # no terminal to hand over (tests)
            else:
                with self.suspend():
                    edited = edit_text(item.draft)
        except EditorError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if edited == item.draft.rstrip():
            return
        action_id = item.action_id

        def job(ctx: Ctx) -> str:
            from pursuit.store.actions import set_draft

            set_draft(ctx, action_id, edited)
            return "Draft saved"

        self.write(job)

    def action_copy_note(self) -> None:
        item = self.selection()
        if isinstance(item, AgendaItem) and item.draft:
            self.copy_to_clipboard(item.draft)
            self.notify("Draft copied to the clipboard")

    def action_undo(self) -> None:
        def job(ctx: Ctx) -> str:
            from pursuit.store.unit import undo_last

            label = undo_last(ctx.db, now=ctx.now)
            return f"Undid: {label}" if label else "Nothing to undo"

        self.write(job)

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
        # The filter stays on (the top bar names it); / shows it again, escape clears it.
        self._close_filter()

    async def on_event(self, event: events.Event) -> None:
        # Every key and mouse event, priority bindings (tab) included, which never reach
        # on_key: a quiet moment for garbage collection is one without any of them.
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        box = self.main("#filter", Input)
        if key == "escape" and box.has_focus:
            box.value = ""
            self._close_filter()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_rows()))

    def key_rows(self) -> list[tuple[str, str, str]]:
        rows: list[tuple[str, str, str]] = []
        for binding in self._bindings_for_help():
            rows.append((self.get_key_display(binding), binding.description, binding.tooltip))
        rows.insert(0, ("enter", "Open detail", "Timeline, contacts and draft of the selection"))
        rows.insert(1, ("j / k, ↓ / ↑", "Move", "Move within a pane"))
        rows.insert(2, ("pgup pgdn home end", "Page", "A page up or down; the first or last row"))
        return rows

    def _bindings_for_help(self) -> list[Binding]:
        keymap = self.config.keymap
        out: list[Binding] = []
        for spec in self.BINDINGS:
            if not isinstance(spec, Binding):
                continue
            if spec.id and spec.id in keymap:
                spec = Binding(
                    keymap[spec.id], spec.action, spec.description, id=spec.id, tooltip=spec.tooltip
                )
            out.append(spec)
        return out

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for binding in self._bindings_for_help():
            if binding.action in ("quit",):
                continue
            action = binding.action
            if self.check_action(action, ()) is False:
                continue
            yield SystemCommand(
                f"{binding.description} ({self.get_key_display(binding)})",
                binding.tooltip or binding.description,
                lambda action=action: self.run_action(action),
            )
