"""Live data: the panes kept up to date, and what fell due announced once.

Loads run in a thread worker with their own short connection and come back as a
Snapshot to paint. Three things start one: the wake timer (when the next action falls
due, and at least once a minute), a poll that notices another process's write by its
revision, and the app itself (a write, the filter). Overdue is worked out from the clock
on each load, never by counting timer ticks.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.worker import get_current_worker

from pursuit.agenda import announcements, seconds_until_wake
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
        self.reload()
        self.set_interval(POLL_SECONDS, self._check_revision)

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
        if self.quitting:
            return
        snap = message.snapshot
        first = self.snapshot is None
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
        self.paint_topbar()
        self._schedule_wake()
        if first:
            self.call_after_refresh(self.idle_gc.start)
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

    # --- announcements -----------------------------------------------------------------

    def on_announcements_found(self, message: AnnouncementsFound) -> None:
        if self.quitting:
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
        self.main("#topbar", TopBar).show(parts)
