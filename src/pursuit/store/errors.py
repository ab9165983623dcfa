"""What a command can answer besides success."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: one line for the user; nothing was written."""


class Refused(Exception):
    """A rule says wait (R2, R5). Never a silent block: the reasons are shown and the user
    may go ahead with force."""

    def __init__(self, summary: str, reasons: list[str]) -> None:
        super().__init__(summary + ": " + "; ".join(reasons))
        self.summary = summary
        self.reasons = reasons
