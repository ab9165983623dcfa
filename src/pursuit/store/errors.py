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


class WhichApplication(InputError):
    """A verb named only a company, and the company has several open applications: nothing
    is written, and the user is told how to say which (`--role`, by default)."""

    def __init__(self, company: str, titles: list[str], ids: list[int], how: str = "") -> None:
        self.company, self.titles, self.ids = company, titles, ids
        how = how or f'--role "{titles[0]}"'
        super().__init__(
            f"{company} has {len(titles)} open applications ({', '.join(titles)}); "
            f"say which with {how}"
        )

    def saying(self, how: str) -> WhichApplication:
        """The same refusal, with another way to say which (a quick-entry line, `--app`)."""
        return WhichApplication(self.company, self.titles, self.ids, how)
