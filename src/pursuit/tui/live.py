"""Live data: the panes kept up to date, and what fell due announced once.

Loads run in a thread worker with their own short connection and come back as a
Snapshot to paint. Three things start one: the wake timer (when the next action falls
due, and at least once a minute), a poll that notices another process's write by its
revision, and the app itself (a write, the filter). Overdue is worked out from the clock
on each load, never by counting timer ticks.
"""

from __future__ import annotations

import os
import sys

from rich.text import Text
from textual import work
from textual.notifications import Notification, Notify
from textual.worker import get_current_worker

from pursuit.agenda import AgendaItem, announcements, seconds_until_wake
from pursuit.store.action_reads import overdue_among
from pursuit.store.sqlite import DatabaseError
from pursuit.tui import cells
from pursuit.tui.browsing import Browsing
from pursuit.tui.early import EarlyLoad
from pursuit.tui.messages import AnnouncementsFound, RevisionChanged, SnapshotLoaded
from pursuit.tui.snapshot import PAGE, load_snapshot
from pursuit.tui.tables import PaneTable
from pursuit.tui.topbar import Part, TopBar

POLL_SECONDS = 1.0
"""How often to look for writes from other processes (one tiny indexed read)."""


class LiveData(Browsing):
    def start_live_data(self) -> None:
        """The first load, then a look for other processes' writes every second."""
        self._terminal = _terminal_fd() if not self.is_headless else None
        self.reload()
        self.set_interval(POLL_SECONDS, self._check_revision)

    def reload(self) -> None:
        """Load every pane again; whatever an earlier load still in flight brings back is
        not painted (it was read before this change, or for another filter)."""
        first, self._first = self._first, None
        self._load_seq += 1
        self._load(self.query_text, self._load_seq, first)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, query: str, seq: int, first: EarlyLoad | None = None) -> None:
        while self._retired:
            self._retired.popleft()
        if first is not None:
            snapshot = first.result()
        else:
            snapshot = load_snapshot(self.db, self.now(), self.tz, self.settings, query=query)
        if self._superseded(seq):
            return
        self.post_message(SnapshotLoaded(snapshot, seq))
        # Once the paint is on its way: on a first start this can be thousands of rows.
        found = announcements(self.db, snapshot.now, self.tz)
        toasted = frozenset(i for _toast, ids in list(self._overdue_toasts) for i in ids)
        with self.db.read() as conn:
            still = frozenset(overdue_among(conn, toasted, snapshot.now))
        if not self._superseded(seq):
            self.post_message(AnnouncementsFound(found, toasted, still))

    def _superseded(self, seq: int) -> bool:
        """A newer load was asked for (or the app is closing): this one's result is stale."""
        return seq != self._load_seq or get_current_worker().is_cancelled

    @work(thread=True, exclusive=True, group="poll")
    def _check_revision(self) -> None:
        if self._terminal is not None and not os.isatty(self._terminal):
            # The terminal hung up (its tmux or window closed while the app ran under make
            # or a script, so no SIGHUP came): Textual's input thread would spin on the
            # end of input for ever, at a whole core. There is no one left to show it to.
            self.call_from_thread(self.exit)
            return
        try:
            token = self.db.change_token()
        except DatabaseError as exc:
            if not self.db.remote:
                raise
            # The server went away (a restart, a network cut): every poll connects anew,
            # so the app picks up where it was as soon as the server answers again.
            self.call_from_thread(self._server_lost, str(exc))
            return
        if self.reconnecting:
            self.call_from_thread(self._server_back)
        if token != self._seen_token:
            self.post_message(RevisionChanged(token))

    def _server_lost(self, line: str) -> None:
        if not self.reconnecting:
            self.reconnecting = True
            line = f"{line.split(': nothing more', 1)[0]}; reconnecting…"
            self.notify(line, title="storage", severity="error", markup=False, timeout=10)
            self.paint_topbar()

    def _server_back(self) -> None:
        if self.reconnecting:
            self.reconnecting = False
            self.notify("Connected to the server again", title="storage", markup=False)
            self.paint_topbar()
            self.reload()

    def on_revision_changed(self, message: RevisionChanged) -> None:
        if message.token != self._seen_token:
            self._seen_token = message.token
            self.reload()

    def on_snapshot_loaded(self, message: SnapshotLoaded) -> None:
        if self.quitting or message.seq != self._load_seq:
            return  # superseded: a newer load is on its way
        snap = message.snapshot
        first = self.snapshot is None
        if self.snapshot is not None:
            # Freeing a snapshot's thousands of objects takes about a millisecond; the next
            # load worker drops it instead of the event loop.
            self._retired.append(self.snapshot)
        self.snapshot = snap
        # The rows are at least as new as the token read before them: the poll looks for
        # changes after it (at worst, one load more than needed).
        self._seen_token = snap.token
        self.main("#agenda", PaneTable).sync(
            snap.agenda_rows, subtitle=f"{snap.agenda.overdue} overdue · {snap.agenda.today} today"
        )
        apps_note = f"{len(snap.apps)} shown" if snap.apps else "none yet: press a to add one"
        if snap.query and not snap.apps:
            apps_note = "no match · escape clears the filter"
        self.main("#apps", PaneTable).sync(snap.app_rows, subtitle=apps_note)
        self.main("#bridges", PaneTable).sync(snap.bridge_rows, subtitle=f"{len(snap.bridges)}")
        self.paint_topbar()
        self._schedule_wake()
        if first:
            self.call_after_refresh(self.idle_gc.start)
        if snap.page < PAGE:
            self.call_after_refresh(self.reload)  # the first paint's short page: the rest
        # A timer wake that changed nothing under the cursor leaves the detail alone: its
        # reload is a query and a repaint of the whole panel. The filter counts: with
        # nothing selected, the detail names it.
        if (self.selection(), snap.token, snap.query) != self._detail_shown:
            self._load_detail()

    def _schedule_wake(self) -> None:
        if self.snapshot is None:
            return
        if self._wake is not None:
            self._wake.stop()
        delay = seconds_until_wake(self.snapshot.agenda.next_due, self.now())
        self._wake = self.set_timer(delay, self.reload)

    # --- announcements -----------------------------------------------------------------

    def on_announcements_found(self, message: AnnouncementsFound) -> None:
        if self.quitting:
            return
        # A toast about actions that are no longer all overdue (done, snoozed, moved on)
        # goes: it would contradict the header.
        for toast, ids in list(self._overdue_toasts):
            if ids <= message.checked and not ids <= message.still_overdue:
                self._overdue_toasts.remove((toast, ids))
                self._unnotify(toast)
        self._overdue_toasts = [(t, ids) for t, ids in self._overdue_toasts if not t.has_expired]
        fresh = self.notifier.newly_overdue_items(message.items)
        if not fresh:
            return
        if len(fresh) > 3:
            self._toast_overdue(f"{len(fresh)} actions are overdue", fresh)
        else:
            for item in fresh:
                self._toast_overdue(f"{item.what} — {item.company}", [item])
        if self.config.bell:
            self.bell()
        if self.config.notify_send:
            self._desktop_notify(f"pursuit: {len(fresh)} overdue", fresh[0].what)
        self._mark_notified([i.action_id for i in fresh if i.action_id is not None])

    def _toast_overdue(self, text: str, items: list[AgendaItem]) -> None:
        toast = Notification(text, "Overdue", "warning", self.NOTIFICATION_TIMEOUT, markup=False)
        about = frozenset(i.action_id for i in items if i.action_id is not None)
        self._overdue_toasts.append((toast, about))
        self.post_message(Notify(toast))

    @work(thread=True, group="notify")
    def _desktop_notify(self, title: str, body: str) -> None:
        from pursuit.desktop.notify import desktop_notify

        desktop_notify(title, body)

    @work(thread=True, group="write")
    def _mark_notified(self, ids: list[int]) -> None:
        from pursuit.store.actions import mark_notified

        mark_notified(self.ctx(), ids)

    # --- the top bar -------------------------------------------------------------------

    def paint_topbar(self) -> None:
        """The options gauge, the overdue count and the filter, or that data is on its way;
        each part shortened or left out, least important first, to fit the width."""
        title = Part((Text(" pursuit ", style="bold reverse"), Text("")), rank=3)
        if self.snapshot is None:
            parts = [title, Part((Text("  loading…", style="dim"),))]
        else:
            agenda = self.snapshot.agenda
            gauge = agenda.gauge
            style = (
                "bold red"
                if gauge.below_target and gauge.loud
                else ("yellow" if gauge.below_target else "green")
            )
            short = (
                f"{gauge.active}/{gauge.target_active} · {gauge.new_this_week}/{gauge.target_new}"
            )
            options = Part(
                (
                    Text("  options ").append(gauge.label, style=style),
                    Text("  options ").append(short, style=style),
                    Text(" ").append(short, style=style),
                ),
                rank=2,
            )
            overdue = agenda.overdue
            count = Text(
                f"{cells.OVERDUE_MARK} {overdue} overdue" if overdue else "0 overdue",
                style="bold red" if overdue else "dim",
            )
            today = Part(
                (Text(f" · {agenda.today} due today"), Text(f" · {agenda.today} today"), Text("")),
                rank=1,
            )
            parts = [title, options, Part((Text("   ").append_text(count),)), today]
            if self.snapshot.query:
                query = Text(self.snapshot.query, style="italic")
                parts.append(
                    Part(
                        (
                            Text("   filter: ", style="dim").append_text(query),
                            Text("  / ", style="dim").append_text(query),
                        )
                    )
                )
        if self.reconnecting:
            parts.append(Part((Text("   reconnecting…", style="bold yellow"),)))
        self.main("#topbar", TopBar).show(parts)


def _terminal_fd() -> int | None:
    """The terminal the app reads its keys from, if it has one."""
    stream = sys.__stdin__
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return None
    return fd if fd >= 0 and os.isatty(fd) else None
