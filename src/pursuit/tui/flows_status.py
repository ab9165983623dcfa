"""The flows that change where an application stands: move (m), reject (r), offer (o), check-in (c)."""

from __future__ import annotations

from textual import work

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import parse_when
from pursuit.domain.kinds import Status
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.context import Ctx
from pursuit.tui import cells
from pursuit.tui.flows import FLOWS, Flows, application_name
from pursuit.tui.modals import (
    ChoiceScreen,
    ConfirmScreen,
    PromptScreen,
)
from pursuit.tui.shell import app_id_of
from pursuit.tui.writes import Job


class StatusFlows(Flows):
    def action_move(self) -> None:
        item = self.selection()
        app_id = app_id_of(item)
        if app_id is not None:
            current = item.status.value if isinstance(item, ApplicationRow) else None
            self._move(app_id, application_name(item), current)

    @work(group=FLOWS)
    async def _move(self, app_id: int, name: str, current: str | None) -> None:
        choices = [(s.value, s.label) for s in Status]
        value = await self.push_screen_wait(
            ChoiceScreen(f"Move {name} to", choices, current=current)
        )
        if value is None:
            return
        self._move_to(app_id, name, Status(value))

    def action_move_to(self, status: str) -> None:
        """Move straight to a status (the command palette's "Move to offer" and so on)."""
        item = self.selection()
        app_id = app_id_of(item)
        if app_id is not None:
            self._move_to(app_id, application_name(item), Status(status))

    def _move_to(self, app_id: int, name: str, status: Status) -> None:
        if status == Status.REJECTED:
            self._reject(app_id, name)  # rejected asks what r asks
        else:
            self._set_status(app_id, status)

    @work(group=FLOWS)
    async def _set_status(self, app_id: int, status: Status) -> None:

        def move(ctx: Ctx) -> str:
            from pursuit.store.commands import move

            moved = move(ctx, "", status, application_id=app_id)
            return f"{moved.company}: {moved.old.label} → {moved.new.label}"

        self.report(await self.in_thread(move))

    def action_reject(self) -> None:
        item = self.selection()
        app_id = app_id_of(item)
        if app_id is not None:
            self._reject(app_id, application_name(item))

    @work(group=FLOWS)
    async def _reject(self, app_id: int, name: str) -> None:
        friendly = await self.push_screen_wait(
            ConfirmScreen(
                f"Reject {name}: were they positive about you?",
                [f"yes keeps the company as a bridge, with a check-in {self._cadence_words()}"],
                yes="yes, keep in touch",
                no="no, just close",
            )
        )
        if friendly is None:
            return

        def close(ctx: Ctx) -> str:
            from pursuit.store.commands import reject

            moved = reject(ctx, "", friendly=friendly, application_id=app_id)
            if moved.bridge_check_in:
                return (
                    f"{moved.company} kept as a bridge: check in "
                    f"{cells.local(moved.bridge_check_in, ctx.tz, ctx.now)}"
                )
            return f"{moved.company}: closed as rejected"

        self.report(await self.in_thread(close))

    def _cadence_words(self) -> str:
        from pursuit.domain.cadence import CadenceError, parse_cadence

        try:
            return parse_cadence(self.settings.bridge_rule).describe()
        except CadenceError:
            return "on your cadence"

    # --- c: check-in with a bridge -----------------------------------------------------

    def action_check_in(self) -> None:
        company_id = getattr(self.selection(), "company_id", None)
        if company_id is not None:
            self._check_in(company_id)

    @work(group=FLOWS)
    async def _check_in(self, company_id: int) -> None:
        def log(ctx: Ctx) -> str:
            from pursuit.store.actions import check_in

            result = check_in(ctx, company_id=company_id)
            return f"Check-in with {result.company} logged; next {cells.local(result.next_check_in, ctx.tz, ctx.now)}"

        self.report(await self.in_thread(log))

    # --- s, d, e, y: the action under the cursor ---------------------------------------

    def action_offer(self) -> None:
        item = self.selection()
        app_id = app_id_of(item)
        if app_id is not None:
            self._offer(app_id, application_name(item))

    @work(group=FLOWS)
    async def _offer(self, app_id: int, company: str) -> None:
        """An offer: when they want the answer by becomes the top action."""

        def preview(text: str) -> tuple[bool, str]:
            try:
                by = parse_when(text, self.now(), self.tz)
            except DateParseError as exc:
                return False, str(exc)
            return True, f"Offer from {company}: answer by {cells.local(by, self.tz, self.now())}"

        def job(text: str) -> Job:
            def offer(ctx: Ctx) -> str:
                from pursuit.store.commands import record_offer

                result = record_offer(
                    ctx, "", parse_when(text, ctx.now, ctx.tz), application_id=app_id
                )
                return f"Offer from {result.company}: answer by {cells.local(result.answer_by, ctx.tz, ctx.now)}"

            return offer

        await self.push_screen_wait(
            PromptScreen("Answer the offer by", preview, value="fri 17:00", submit=self.saving(job))
        )
