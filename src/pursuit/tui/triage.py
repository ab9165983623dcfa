"""Triage: every key that changes data, each written as one flow from the key to the write.

A key's action reads what it applies to at once (the row under the cursor), then starts
the key's flow: a worker that asks what it needs to (`push_screen_wait` on a dialog),
runs the store command on a thread (`in_thread`, writes.py), asks again if a rule
refused it, and reports. Flows run on the event loop between those steps and never
touch the database themselves; their commands get only plain values, never rows.
"""

from __future__ import annotations

from functools import partial

from textual import work

from pursuit.agenda import AgendaItem
from pursuit.domain.dates import DateParseError, parse_when
from pursuit.domain.gimmicks import gimmick_warnings
from pursuit.domain.kinds import ActionKind, Status
from pursuit.domain.quick_entry import QuickEntryError, parse_quick_entry
from pursuit.domain.text import clean_text
from pursuit.store.context import Ctx
from pursuit.store.reads import ApplicationRow
from pursuit.tui import cells
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen, Preview, PromptScreen
from pursuit.tui.shell import app_id_of
from pursuit.tui.writes import Refusal, Writes, go_ahead

FLOWS = "triage"
"""The workers group of the keys' flows. A flow can wait on a dialog for as long as the
user takes, so waiting for the app's work means waiting for everything but these."""


class Triage(Writes):
    # --- a and i: quick entry ----------------------------------------------------------

    def action_quick_entry(self) -> None:
        self._quick_entry(
            "Quick entry",
            placeholder="Acme / Backend Engineer interview tomorrow 14:00 with Jane Doe (EM)",
        )

    def action_interview(self) -> None:
        company = getattr(self.selection(), "company", None)
        if company:
            self._quick_entry(
                f"Interview at {company}: when, and with whom",
                placeholder="tomorrow 14:00 for 45 min with Jane Doe (EM), Bob Lee",
                prefix=f"{company} interview ",
            )

    @work(group=FLOWS)
    async def _quick_entry(self, title: str, *, placeholder: str, prefix: str = "") -> None:
        """One line, read as it is typed; enter saves what the preview said it understood."""
        text = await self.push_screen_wait(
            PromptScreen(title, self._preview_quick(prefix), placeholder=placeholder)
        )
        if not text:
            return
        line = prefix + clean_text(text)

        def save(ctx: Ctx, force: bool = False) -> str:
            from pursuit.store.commands import save_quick_entry

            return save_quick_entry(ctx, parse_quick_entry(line, ctx.now, ctx.tz), force=force)

        outcome = await self.in_thread(save)
        # The same role open twice at one company: added again only if the user says so.
        if isinstance(outcome, Refusal) and await self.confirmed(go_ahead(outcome)):
            outcome = await self.in_thread(partial(save, force=True))
        self.report(outcome)

    def _preview_quick(self, prefix: str) -> Preview:
        def preview(text: str) -> tuple[bool, str]:
            try:
                entry = parse_quick_entry(prefix + text, self.now(), self.tz)
            except QuickEntryError as exc:
                return False, str(exc)
            return True, entry.describe(self.tz)

        return preview

    # --- g: guidance (R4) --------------------------------------------------------------

    def action_guidance(self) -> None:
        company = getattr(self.selection(), "company", None)
        if company:
            self._guidance(company)

    @work(group=FLOWS)
    async def _guidance(self, company: str) -> None:
        """When the employer said to check back becomes the follow-up's date."""

        def preview(text: str) -> tuple[bool, str]:
            try:
                when = parse_when(text, self.now(), self.tz)
            except DateParseError as exc:
                return False, str(exc)
            return True, f"Follow up with {company} on {cells.local(when, self.tz)}, as they asked"

        text = await self.push_screen_wait(
            PromptScreen(
                f"When did {company} say to check back?",
                preview,
                placeholder="after the 15th · in two weeks · dec 3",
            )
        )
        if not text:
            return
        said = clean_text(text)

        def record(ctx: Ctx) -> str:
            from pursuit.store.commands import record_guidance

            when = parse_when(said, ctx.now, ctx.tz)
            result = record_guidance(ctx, company, when, f"check back {said}")
            return f"{result.company}: follow up {cells.local(result.follow_up_due, ctx.tz)}"

        self.report(await self.in_thread(record))

    # --- t: thank-you note sent (R2) ---------------------------------------------------

    def action_thanks(self) -> None:
        item = self.selection()
        if isinstance(item, ApplicationRow):
            item = self.thank_you_for(item.id)
        if isinstance(item, AgendaItem) and item.action_id is not None:
            self._thanks(item.action_id)

    @work(group=FLOWS)
    async def _thanks(self, action_id: int) -> None:
        def mark(ctx: Ctx, force: bool = False) -> str:
            from pursuit.store.actions import mark_thanks

            sent = mark_thanks(ctx, action_id=action_id, force=force)
            return f"Thank-you note to {sent.contact} marked sent"

        outcome = await self.in_thread(mark)
        # R2: a note too like another to the same company is sent only if the user says so.
        if isinstance(outcome, Refusal) and await self.confirmed(go_ahead(outcome)):
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
        # R5: sooner than they said, or too soon after the last touch: the user decides.
        if isinstance(outcome, Refusal) and await self.confirmed(go_ahead(outcome)):
            outcome = await self.in_thread(partial(log, force=True))
        self.report(outcome)

    # --- m and r: status (R8) ----------------------------------------------------------

    def action_move(self) -> None:
        item = self.selection()
        app_id = app_id_of(item)
        if app_id is not None:
            self._move(app_id, item.status.value if isinstance(item, ApplicationRow) else None)

    @work(group=FLOWS)
    async def _move(self, app_id: int, current: str | None) -> None:
        choices = [(s.value, s.label) for s in Status]
        value = await self.push_screen_wait(ChoiceScreen("Move to", choices, current=current))
        if value is None:
            return
        if value == Status.REJECTED:
            self._reject(app_id)  # rejected asks what r asks
            return
        status = Status(value)

        def move(ctx: Ctx) -> str:
            from pursuit.store.commands import move

            moved = move(ctx, "", status, application_id=app_id)
            return f"{moved.company}: {moved.old.label} → {moved.new.label}"

        self.report(await self.in_thread(move))

    def action_reject(self) -> None:
        app_id = app_id_of(self.selection())
        if app_id is not None:
            self._reject(app_id)

    @work(group=FLOWS)
    async def _reject(self, app_id: int) -> None:
        friendly = await self.push_screen_wait(
            ConfirmScreen(
                "Rejected. Were they positive about you?",
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
                    f"{cells.local(moved.bridge_check_in, ctx.tz)}"
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
            return f"Check-in with {result.company} logged; next {cells.local(result.next_check_in, ctx.tz)}"

        self.report(await self.in_thread(log))

    # --- s, d, e, y: the action under the cursor ---------------------------------------

    def action_snooze(self) -> None:
        item = self.selection()
        if isinstance(item, AgendaItem) and item.action_id is not None:
            self._snooze(item.action_id)

    @work(group=FLOWS)
    async def _snooze(self, action_id: int) -> None:
        def preview(text: str) -> tuple[bool, str]:
            try:
                return (
                    True,
                    f"Snooze until {cells.local(parse_when(text, self.now(), self.tz), self.tz)}",
                )
            except DateParseError as exc:
                return False, str(exc)

        text = await self.push_screen_wait(
            PromptScreen("Snooze until", preview, value="tomorrow 9am")
        )
        if not text:
            return

        def snooze(ctx: Ctx) -> str:
            from pursuit.store.actions import snooze

            until = snooze(ctx, action_id, parse_when(text, ctx.now, ctx.tz))
            return f"Snoozed until {cells.local(until, ctx.tz)}"

        self.report(await self.in_thread(snooze))

    def action_done(self) -> None:
        item = self.selection()
        if isinstance(item, AgendaItem) and item.action_id is not None:
            self._done(item.action_id, item.what)

    @work(group=FLOWS)
    async def _done(self, action_id: int, what: str) -> None:
        def complete(ctx: Ctx) -> str:
            from pursuit.store.actions import complete

            complete(ctx, action_id)
            return f"Done: {what}"

        self.report(await self.in_thread(complete))

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

        self.report(await self.in_thread(save))

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
