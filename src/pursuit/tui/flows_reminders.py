"""The flows on the reminders themselves: snooze (s), done (d), the draft (e, y), the options nudge, undo (u)."""

from __future__ import annotations

from functools import partial

from textual import work

from pursuit.agenda import OPTIONS, AgendaItem
from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import parse_when
from pursuit.domain.kinds import ActionKind
from pursuit.store.context import Ctx
from pursuit.tui import cells
from pursuit.tui.flows import DONE_CHOICES, FLOWS, Flows, application_name
from pursuit.tui.modals import (
    KeyChoiceScreen,
    PromptScreen,
)
from pursuit.tui.writes import Failed, Job, Refusal, go_ahead


class ReminderFlows(Flows):
    def action_snooze(self) -> None:
        item = self.selection()
        if isinstance(item, AgendaItem) and item.kind == OPTIONS:
            self._snooze_nudge()
        elif isinstance(item, AgendaItem) and item.action_id is not None:
            self._snooze(item.action_id)

    @work(group=FLOWS)
    async def _snooze_nudge(self) -> None:
        """The options nudge, quiet until a time; it comes back on its own then."""

        def preview(text: str) -> tuple[bool, str]:
            try:
                until = parse_when(text, self.now(), self.tz)
            except DateParseError as exc:
                return False, str(exc)
            return True, f"Quiet the options nudge until {cells.local(until, self.tz, self.now())}"

        def job(text: str) -> Job:
            def quiet(ctx: Ctx) -> str:
                from pursuit.store.commands import quiet_nudge

                until = parse_when(text, ctx.now, ctx.tz)
                quiet_nudge(ctx, until)
                return f"Options nudge snoozed until {cells.local(until, ctx.tz, ctx.now)}"

            return quiet

        await self.push_screen_wait(
            PromptScreen(
                "Snooze the nudge until", preview, value="mon 9am", submit=self.saving(job)
            )
        )

    def _dismiss_nudge(self) -> None:
        def dismiss(ctx: Ctx) -> str:
            from pursuit.store.commands import quiet_nudge

            quiet_nudge(ctx, None)
            return "Options nudge dismissed (u brings it back)"

        self._write_and_report(dismiss)

    @work(group=FLOWS)
    async def _write_and_report(self, job: Job) -> None:
        self.report(await self.in_thread(job))

    @work(group=FLOWS)
    async def _snooze(self, action_id: int) -> None:
        def preview(text: str) -> tuple[bool, str]:
            now = self.now()
            try:
                return (
                    True,
                    f"Snooze until {cells.local(parse_when(text, now, self.tz), self.tz, now)}",
                )
            except DateParseError as exc:
                return False, str(exc)

        def job(text: str) -> Job:
            def snooze(ctx: Ctx) -> str:
                from pursuit.store.actions import snooze

                until = snooze(ctx, action_id, parse_when(text, ctx.now, ctx.tz))
                return f"Snoozed until {cells.local(until, ctx.tz, ctx.now)}"

            return snooze

        await self.push_screen_wait(
            PromptScreen(
                "Snooze until",
                preview,
                value="tomorrow 9am",
                submit=self.saving(job),
                keep=partial(self._keep, what="snooze"),
            )
        )

    def action_done(self) -> None:
        item = self.selection()
        if isinstance(item, AgendaItem) and item.kind == OPTIONS:
            self._dismiss_nudge()
            return
        if isinstance(item, AgendaItem) and item.action_id is not None:
            follow_up = item.kind == ActionKind.FOLLOW_UP and item.application_id is not None
            self._done(item.action_id, item.what, application_name(item) if follow_up else None)

    @work(group=FLOWS)
    async def _done(self, action_id: int, what: str, follow_up: str | None) -> None:
        """`d`: done. A follow-up first says what happened, so the application keeps a
        next action and "touched" stays true: sent (as `f`), they answered (as `h`), or
        dropped (nothing sent; the next follow-up guessed from now)."""
        how: str | None = None
        if follow_up is not None:
            how = await self.push_screen_wait(
                KeyChoiceScreen(
                    f"The follow-up to {follow_up}: what happened?",
                    DONE_CHOICES,
                    reasons=[
                        "sent: logged as a follow-up (as f)",
                        "heard back: they answered first (as h)",
                        "drop: not sent; the next follow-up is guessed from now",
                    ],
                )
            )
            if how is None:
                return

        def finish(ctx: Ctx, force: bool = False) -> str:
            from pursuit.store.actions import How, finish

            done = finish(ctx, action_id, How(how) if how else None, force=force)
            if done.how is None:
                return f"Done: {what}"
            said = {
                "sent": f"Follow-up to {done.company} logged",
                "heard": f"Noted: {done.company} answered",
                "drop": f"Follow-up to {done.company} dropped",
            }[done.how.value]
            if done.next_due is not None:
                said += f"; waiting on them until {cells.local(done.next_due, ctx.tz, ctx.now)}"
            extra = [*done.warnings, *([done.ghosted_hint] if done.ghosted_hint else [])]
            return ". ".join([said, *extra])

        outcome = await self.in_thread(finish)
        # Sent: R5 (too soon) or a draft not yet personalised asks before it is logged.
        if isinstance(outcome, Refusal):
            if not await self.confirmed(
                go_ahead(outcome, question="Log it as sent anyway?", yes="sent anyway")
            ):
                return
            outcome = await self.in_thread(partial(finish, force=True))
        self.report(outcome)

    def action_edit_note(self) -> None:
        item = self.selection()
        if not isinstance(item, AgendaItem) or item.action_id is None:
            return
        from pursuit.desktop.editor import EditorError, edit_text

        # Here, not in the flow: the editor has the terminal, and the app waits for it.
        try:
            if self.is_headless:
                edited = edit_text(item.draft)  # no terminal to hand over (tests)
            else:
                with self.suspend():
                    edited = edit_text(item.draft)
        except EditorError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if edited != item.draft.rstrip():
            self._save_draft(item.action_id, edited)

    @work(group=FLOWS)
    async def _save_draft(self, action_id: int, draft: str) -> None:
        def save(ctx: Ctx) -> str:
            from pursuit.store.actions import set_draft

            set_draft(ctx, action_id, draft)
            return "Draft saved"

        outcome = await self.in_thread(save)
        self.report(outcome)
        if isinstance(outcome, Failed):
            self._keep(draft, "draft")  # the editor is closed: keep the text somewhere

    def action_copy_note(self) -> None:
        item = self.selection()
        if isinstance(item, AgendaItem) and item.draft:
            self.copy_to_clipboard(item.draft)
            self.notify("Draft copied to the clipboard")

    # --- u: undo -----------------------------------------------------------------------

    def action_undo(self) -> None:
        self._undo()

    @work(group=FLOWS)
    async def _undo(self) -> None:
        def undo(ctx: Ctx) -> str:
            from pursuit.store.unit import undo_last

            label = undo_last(ctx.db, now=ctx.now)
            return f"Undid: {label}" if label else "Nothing to undo"

        self.report(await self.in_thread(undo))
