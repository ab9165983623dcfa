"""What the keys' flows share: their worker group, how a dialog names an application,
and putting a reminder off."""

from __future__ import annotations

from datetime import datetime

from pursuit.store.context import Ctx
from pursuit.tui import cells
from pursuit.tui.writes import Writes

DONE_CHOICES = (("s", "sent", "sent"), ("h", "heard", "heard back"), ("x", "drop", "drop"))
"""`d` on a follow-up: (key, what happened, its label)."""

FLOWS = "triage"
"""The workers group of the keys' flows. A flow can wait on a dialog for as long as the
user takes, so waiting for the app's work means waiting for everything but these."""


def application_name(item: object) -> str:
    """The application a row is about, as dialogs name it: "Acme — Backend Engineer"."""
    company = getattr(item, "company", None) or "this application"
    title = getattr(item, "title", None)
    return f"{company} — {title}" if title else company


def snooze_to(ctx: Ctx, *, action_id: int, until: datetime) -> str:
    """A reminder put off until `until` (the follow-up R5 found too soon)."""
    from pursuit.store.actions import snooze

    when = snooze(ctx, action_id, until)
    return f"Follow-up snoozed until {cells.local(when, ctx.tz, ctx.now)}"


class Flows(Writes):
    """What every flow may do besides writing: keep what could not be saved."""

    def _keep(self, text: str, what: str) -> None:
        """Text that could not be saved, kept in a recovery file (pursuit.keep) rather than
        lost; the toast says where."""
        from pursuit.keep import keep_text

        kept = keep_text(self.db.path, text, what)
        where = f"kept in {kept}" if kept else "it could not be kept either"
        self.notify(f"Not saved; what you typed is {where}", severity="warning", markup=False)
