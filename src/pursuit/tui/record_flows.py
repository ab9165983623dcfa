"""The record's keys, each one flow from the key to the write (as in triage.py):

- E edits any field of what the row is about: its application, its company (a rename),
  a person (naming another company moves them), an interview; or adds a person
  (flows_edit.py);
- x removes an application or a person (a soft delete: u brings it back), and M merges
  the row's company into another, after saying what will move (flows_remove_merge.py);
- H opens the history: applications that ended, searchable, each opening its detail.

What they share (reading on a thread, the row's target) is in record_base.py.

The records are read on a thread first; the forms check every field as it is typed with
the rules the store applies (`domain.record`), and the write runs on a thread.
"""

from __future__ import annotations

from pursuit.tui.flows_edit import EditFlows
from pursuit.tui.flows_remove_merge import RemoveMergeFlows


class RecordFlows(EditFlows, RemoveMergeFlows):
    # --- H: history ------------------------------------------------------------------------

    def action_history(self) -> None:
        from pursuit.tui.history import HistoryScreen

        self.push_screen(HistoryScreen(self.db, self.tz, self.now))

    # --- which keys apply ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_pane", "previous_pane") and self.screen_stack:
            from pursuit.tui.history import HistoryScreen
            from pursuit.tui.record_form import RecordForm

            # In a form, tab goes from field to field (the panes' tab is a priority key).
            if isinstance(self.screen, RecordForm | HistoryScreen):
                return False
        if action in RECORD_KEYS and self.screen_stack:
            if self.screen is not self.screen_stack[0]:
                return False
            if action != "history":
                return getattr(self.selection(), "company_id", None) is not None
            return True
        return super().check_action(action, parameters)


RECORD_KEYS = frozenset({"edit_record", "delete_record", "merge_companies", "history"})

__all__ = ["RECORD_KEYS", "RecordFlows"]
