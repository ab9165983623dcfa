"""How a key's flow (triage.py) reaches the store: one command at a time, on a thread.

A command runs in a thread worker with its own short session and comes back as an
outcome: done (a line to show), refused by a rule the user may overrule (R2, R5), or
failed (bad input, a database fault: one clear line). The UI never writes SQL; the
commands in `pursuit.store` do, and are imported on the first write, not at start-up.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace

from textual import work

from pursuit.store.context import Ctx
from pursuit.tui.faults import Faults
from pursuit.tui.modals import ConfirmScreen

Job = Callable[[Ctx], str]
"""A store command as a flow writes it: runs on a thread, returns the line to show."""


@dataclass(frozen=True)
class Done:
    message: str


@dataclass(frozen=True)
class Refusal:
    """A rule said no and why; going ahead anyway is the user's call."""

    summary: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Failed:
    error: str
    fault: bool = False
    """A storage fault or an unexpected error, not bad input: nothing was written, and
    trying again later may work."""


Outcome = Done | Refusal | Failed


def go_ahead(refusal: Refusal) -> ConfirmScreen:
    """The question a refusal asks: yes runs the command again, forced."""
    return ConfirmScreen(
        refusal.summary[:1].upper() + refusal.summary[1:] + ". Go ahead anyway?",
        refusal.reasons,
        yes="go ahead",
        no="wait",
    )


class Writes(Faults):
    async def in_thread(self, job: Job) -> Outcome:
        """Run a store command off the event loop and wait for its outcome."""
        return await self._run(job).wait()

    # A thread worker rather than asyncio.to_thread: waiting for the app's work (as the
    # tests do) waits for it too. Every way it can end is an outcome: a flow never dies,
    # and never loses what was typed (the flow decides how to keep it).
    @work(thread=True, group="write")
    def _run(self, job: Job) -> Outcome:
        from pursuit.keep import crash_line
        from pursuit.store.errors import InputError, Refused
        from pursuit.store.sqlite import BUSY_TIMEOUT_MS, fault

        def waiting() -> None:
            # Past a moment's wait for another process's lock: say so while waiting (a
            # notice that cannot be shown, the app closing, must not stop the write).
            with contextlib.suppress(Exception):
                self.call_from_thread(
                    self.notify,
                    "The database is busy (another pursuit is writing: a long import?); "
                    f"waiting up to {max(1, BUSY_TIMEOUT_MS // 1000)} s…",
                    severity="warning",
                    markup=False,
                )

        try:
            return Done(job(replace(self.ctx(), on_wait=waiting)))
        except Refused as exc:
            return Refusal(exc.summary, tuple(exc.reasons))
        except Exception as exc:
            known = fault(exc)
            if known is not None:
                return Failed(str(known), fault=True)
            if isinstance(exc, InputError | ValueError):
                return Failed(str(exc))
            return Failed(crash_line(exc), fault=True)

    async def confirmed(self, question: ConfirmScreen) -> bool:
        """Whether the user said yes (from a flow's worker); no and escape are both no."""
        answer: bool | None = await self.push_screen_wait(question)
        return bool(answer)

    def report(self, outcome: Outcome) -> None:
        """Say how a write went, and look for its change now rather than at the next poll."""
        if isinstance(outcome, Done):
            self.notify(outcome.message, markup=False)
        elif isinstance(outcome, Failed) and outcome.fault:
            self.show_fault(outcome.error, repeat=True)
        elif isinstance(outcome, Failed):
            self.notify(outcome.error, severity="error", markup=False)
        # A refusal was the flow's to ask about: the user has answered it already.
        self._check_revision()
