"""The flows of contact with an employer: a thank-you note sent (t), a follow-up (f), their reply (h)."""

from __future__ import annotations

from functools import partial

from textual import work

from pursuit.agenda import AgendaItem
from pursuit.domain.gimmicks import gimmick_warnings
from pursuit.domain.kinds import ActionKind
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.context import Ctx
from pursuit.tui import cells
from pursuit.tui.flows import FLOWS, Flows, snooze_to
from pursuit.tui.modals import (
    ConfirmScreen,
)
from pursuit.tui.shell import app_id_of
from pursuit.tui.writes import Refusal, go_ahead


class ContactFlows(Flows):
    def action_thanks(self) -> None:
        item = self.selection()
        if isinstance(item, ApplicationRow) and item.thank_you_id is not None:
            self._thanks(item.thank_you_id)
        elif isinstance(item, AgendaItem) and item.action_id is not None:
            self._thanks(item.action_id)

    @work(group=FLOWS)
    async def _thanks(self, action_id: int) -> None:
        def mark(ctx: Ctx, force: bool = False) -> str:
            from pursuit.store.actions import mark_thanks

            sent = mark_thanks(ctx, action_id=action_id, force=force)
            return f"Thank-you note to {sent.contact} marked sent"

        outcome = await self.in_thread(mark)
        # R2: a note too like another to the same company is sent only if the user says so;
        # so is a draft still holding its line to personalise.
        if isinstance(outcome, Refusal):
            template = "personalise" in outcome.summary
            question = "Send it anyway?" if template else "Mark it sent anyway?"
            yes = "send anyway" if template else "sent anyway"
            if not await self.confirmed(go_ahead(outcome, question=question, yes=yes)):
                return
            outcome = await self.in_thread(partial(mark, force=True))
        self.report(outcome)

    # --- f: follow-up sent (R5, R6) ----------------------------------------------------

    def action_follow_up(self) -> None:
        item = self.selection()
        app_id = app_id_of(item)
        if app_id is None:
            return
        # On the pending follow-up's row, its draft is what was sent.
        draft = (
            item.draft if isinstance(item, AgendaItem) and item.kind == ActionKind.FOLLOW_UP else ""
        )
        self._follow_up(app_id, draft)

    @work(group=FLOWS)
    async def _follow_up(self, app_id: int, draft: str) -> None:
        warnings = gimmick_warnings(draft) if draft else []
        # R6: a gimmick is questioned before anything is logged.
        if warnings and not await self.confirmed(
            ConfirmScreen(
                "This follow-up reads like a gimmick. Log it anyway?",
                warnings,
                yes="log it",
                no="rethink",
            )
        ):
            return

        def log(ctx: Ctx, force: bool = False) -> str:
            from pursuit.store.actions import log_followup

            result = log_followup(ctx, application_id=app_id, note=draft or None, force=force)
            text = f"Follow-up to {result.company} logged"
            return f"{text}. {result.ghosted_hint}" if result.ghosted_hint else text

        outcome = await self.in_thread(log)
        # R5: sooner than they said, or too soon after the last touch: the user decides,
        # to log it anyway or to put the follow-up off until it is no longer too soon.
        if isinstance(outcome, Refusal):
            ready, action_id = outcome.ready_at, outcome.action_id
            later = (
                f"snooze it until {cells.local(ready, self.tz, self.now())}"
                if ready is not None and action_id is not None
                else None
            )
            answer = await self.push_screen_wait(
                go_ahead(outcome, question="Log it as sent anyway?", yes="sent anyway", no=later)
            )
            if answer is None:
                return
            if answer:
                outcome = await self.in_thread(partial(log, force=True))
            elif ready is not None and action_id is not None:
                outcome = await self.in_thread(partial(snooze_to, action_id=action_id, until=ready))
        self.report(outcome)

    # --- h: they answered ---------------------------------------------------------------

    def action_heard(self) -> None:
        item = self.selection()
        app_id = app_id_of(item)
        if app_id is not None:
            self._heard(app_id)

    @work(group=FLOWS)
    async def _heard(self, app_id: int) -> None:
        def note(ctx: Ctx) -> str:
            from pursuit.store.actions import heard_back

            company = heard_back(ctx, application_id=app_id)
            return f"Noted: {company} answered; the wait for their reply starts again"

        self.report(await self.in_thread(note))

    # --- m and r: status (R8) ----------------------------------------------------------
