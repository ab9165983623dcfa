"""Triage: every key that changes data, each written as one flow from the key to the write.

A key's action reads what it applies to at once (the row under the cursor), then starts
the key's flow: a worker that asks what it needs to (`push_screen_wait` on a dialog),
runs the store command on a thread (`in_thread`, writes.py), asks again if a rule
refused it, and reports. Flows run on the event loop between those steps and never
touch the database themselves; their commands get only plain values, never rows.
"""

from __future__ import annotations

from pursuit.tui.flows import DONE_CHOICES, FLOWS, application_name, snooze_to
from pursuit.tui.flows_contact import ContactFlows
from pursuit.tui.flows_entry import EntryFlows
from pursuit.tui.flows_reminders import ReminderFlows
from pursuit.tui.flows_status import StatusFlows

__all__ = ["DONE_CHOICES", "FLOWS", "Triage", "application_name", "snooze_to"]


class Triage(EntryFlows, ContactFlows, StatusFlows, ReminderFlows):
    """Every key that changes data: the flows, grouped by what they change (flows_*.py)."""
