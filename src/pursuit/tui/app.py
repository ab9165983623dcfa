"""The pursuit app: agenda, applications and bridges, triaged from the keyboard.

`PursuitApp` is the shell (shell.py) with its parts on top, each a module of its own:

- browsing.py: the detail panel and the keys that apply follow the row under the cursor;
- live.py: loading, the wake timer, the poll for other processes' writes, announcements;
- writes.py: a store command run on a thread, and its outcome reported;
- triage.py: each key that changes data, as one flow from the key to the write;
- filtering.py: the filter box;
- record_flows.py: the record's keys (E edit, x remove, M merge, H history).

This module adds what belongs to the whole: the keys, start-up, help and the palette.
Every database call runs in a thread worker; the event loop only paints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.command import Provider

from pursuit.tui.detail_view import DetailView
from pursuit.tui.filtering import FilterBox
from pursuit.tui.help import HelpScreen
from pursuit.tui.keybar import KeyBar
from pursuit.tui.palette import ActionsProvider
from pursuit.tui.panes import Panes
from pursuit.tui.record_flows import RecordFlows
from pursuit.tui.tables import PaneTable
from pursuit.tui.triage import Triage

KEY_PRIORITY = (
    "quick_entry",
    "thanks",
    "follow_up",
    "check_in",
    "interview",
    "guidance",
    "heard",
    "done",
    "snooze",
    "undo",
    "filter",
    "reject",
    "move",
    "edit_note",
    "copy_note",
)
"""Which keys stay on a narrow key bar: those for the row under the cursor before the rest
(help and quit are always there)."""


class PursuitApp(Triage, RecordFlows, FilterBox):
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ActionsProvider}
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
        Binding(
            "h",
            "heard",
            "Heard back",
            id="heard",
            tooltip="They answered: the wait for their reply starts again",
        ),
        Binding(
            "o",
            "offer",
            "Offer",
            id="offer",
            tooltip="Record an offer and the date they want an answer by",
        ),
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
        Binding(
            "v", "review", "Review", id="review", tooltip="How the search is going: funnel, habits"
        ),
        Binding("slash", "filter", "Filter", id="filter", tooltip="Filter every pane"),
        Binding("question_mark", "help", "Help", id="help", tooltip="All keys"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit pursuit"),
        Binding(
            "E",
            "edit_record",
            "Edit",
            id="edit_record",
            tooltip="Edit every field: the application, its company, a person, an interview",
        ),
        Binding(
            "H",
            "history",
            "History",
            id="history",
            tooltip="Applications that ended: outcome and date, searchable with /",
        ),
        Binding(
            "x",
            "delete_record",
            "Remove",
            show=False,
            id="delete_record",
            tooltip="Remove an application or a person (u brings it back)",
        ),
        Binding(
            "M",
            "merge_companies",
            "Merge",
            show=False,
            id="merge_companies",
            tooltip="Make this company and another one the same (asks first, says what moves)",
        ),
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

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        self.main("#detail-body", DetailView).border_title = "Detail"
        keys = self.main("#keys", KeyBar)
        keys.order = [b.action for b in self.BINDINGS if isinstance(b, Binding)]
        keys.priority = KEY_PRIORITY
        panes = self.main("#panes", Panes)
        panes.activate(self.main("#agenda", PaneTable))
        panes.focus()
        self.paint_topbar()
        for problem in self._problems:
            self.notify(problem, title="config", severity="warning", markup=False, timeout=10)
        self.offer_recovered()
        self.start_live_data()

    def action_review(self) -> None:
        from pursuit.tui.review_screen import ReviewScreen

        self.push_screen(ReviewScreen(self.db, now=self.now, tz=self.tz, settings=self.settings))

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

    def keys_by_action(self) -> dict[str, str]:
        """Each action's key as currently mapped, as the key bar shows it."""
        return {b.action: self.get_key_display(b) for b in self._bindings_for_help()}

    def action_open_detail(self) -> None:
        """Enter on the row under the cursor (the command palette's "Open detail")."""
        table = self.focused_table()
        if table is not None:
            table.action_select_cursor()
