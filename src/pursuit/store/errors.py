"""What a command can answer besides success."""

from __future__ import annotations

from datetime import datetime


class InputError(ValueError):
    """Bad input: one line for the user; nothing was written."""


class Refused(Exception):
    """A rule says wait (R2, R5). Never a silent block: the reasons are shown and the user
    may go ahead with force."""

    def __init__(
        self,
        summary: str,
        reasons: list[str],
        *,
        ready_at: datetime | None = None,
        action_id: int | None = None,
    ) -> None:
        super().__init__(summary + ": " + "; ".join(reasons))
        self.summary = summary
        self.reasons = reasons
        self.ready_at = ready_at
        """When the rule would no longer say wait (R5), if it can tell."""
        self.action_id = action_id
        """The pending reminder that could wait until then instead."""
