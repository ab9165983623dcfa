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
from datetime import datetime

from textual import work
from textual.message import Message

from pursuit.store.context import Ctx
from pursuit.tui.faults import Faults
from pursuit.tui.modals import ConfirmScreen, Submit

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
    ready_at: datetime | None = None
    """When the rule would no longer say wait (R5), if it can tell."""
    action_id: int | None = None
    """The pending reminder that could wait until then instead."""


@dataclass(frozen=True)
class Failed:
    error: str
    fault: bool = False
    """A storage fault or an unexpected error, not bad input: nothing was written, and
    trying again later may work."""


Outcome = Done | Refusal | Failed


class WriteFinished(Message):
    """A store command came back (posted from its thread): what the app and tests see of
    every write, in order."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__()
        self.outcome = outcome


def go_ahead(refusal: Refusal, *, question: str, yes: str, no: str | None = None) -> ConfirmScreen:
    """The question a refusal asks: yes runs the command again, forced; no, when offered,
    does something else than escape does (which is nothing)."""
    return ConfirmScreen(
        f"{refusal.summary[:1].upper()}{refusal.summary[1:]}. {question}",
        refusal.reasons,
        yes=yes,
        no=no,
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

        outcome: Outcome
        try:
            outcome = Done(job(replace(self.ctx(), on_wait=waiting)))
        except Refused as exc:
            outcome = Refusal(exc.summary, tuple(exc.reasons), exc.ready_at, exc.action_id)
        except Exception as exc:
            known = fault(exc)
            if known is not None:
                outcome = Failed(str(known), fault=True)
            elif isinstance(exc, InputError | ValueError):
                outcome = Failed(str(exc))
            else:
                outcome = Failed(crash_line(exc), fault=True)
        self.post_message(WriteFinished(outcome))
        return outcome

    def saving(
        self, job: Callable[[str], Job], *, forced: Callable[[str], Job] | None = None
    ) -> Submit:
        """A dialog's save (modals.PromptScreen): the command for the text typed, run on a
        thread; reported when done, else why not, for the dialog to show. With `forced`, a
        rule that asks first (a new company that looks like a known one) is asked; yes
        saves it anyway with `forced(text)`. A storage fault is also shown as one line."""

        async def submit(text: str) -> str | None:
            outcome = await self.in_thread(job(text))
            if isinstance(outcome, Refusal) and forced is not None:
                question = go_ahead(
                    outcome, question="Save it anyway?", yes="save it", no="change it"
                )
                if await self.confirmed(question):
                    outcome = await self.in_thread(forced(text))
            if isinstance(outcome, Failed) and outcome.fault:
                self.show_fault(outcome.error, repeat=True)
            return self.said(outcome)

        return submit

    def said(self, outcome: Outcome) -> str | None:
        """A dialog's save done (reported; None), else why not, for the dialog to show."""
        if isinstance(outcome, Done):
            self.report(outcome)
            return None
        if isinstance(outcome, Refusal):
            return "; ".join([outcome.summary, *outcome.reasons])
        return outcome.error

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
