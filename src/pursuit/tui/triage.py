"""Triage: every key that changes data, each written as one flow from the key to the write.

A key's action reads what it applies to at once (the row under the cursor), then starts
the key's flow: a worker that asks what it needs to (`push_screen_wait` on a dialog),
runs the store command on a thread (`in_thread`, writes.py), asks again if a rule
refused it, and reports. Flows run on the event loop between those steps and never
touch the database themselves; their commands get only plain values, never rows.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from textual import work

from pursuit.agenda import OPTIONS, AgendaItem
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
from pursuit.tui.writes import Job, Refusal, Writes, go_ahead

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
    return f"Follow-up snoozed until {cells.local(when, ctx.tz)}"


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
        """One line, read as it is typed and looked up as saving will look it up; enter
        saves it, and the dialog stays open with the line if saving fails."""

        def job(text: str, *, force: bool = False) -> Job:
            line = prefix + clean_text(text)

            def save(ctx: Ctx) -> str:
                from pursuit.store.commands import save_quick_entry

                entry = parse_quick_entry(line, ctx.now, ctx.tz)
                return save_quick_entry(ctx, entry, force=force)

            return save

        refused: list[Refusal] = []

        async def submit(text: str) -> str | None:
            outcome = await self.in_thread(job(text))
            if isinstance(outcome, Refusal):
                # The same role open twice at one company: the dialog closes for the
                # question (asked by this flow, not by the dialog's save).
                refused.append(outcome)
                return None
            return self.said(outcome)

        value = ""
        while True:
            refused.clear()
            text = await self.push_screen_wait(
                PromptScreen(
                    title,
                    self._preview_quick(prefix),
                    placeholder=placeholder,
                    resolve=self._resolve_quick(prefix),
                    submit=submit,
                    value=value,
                )
            )
            if not text or not refused:
                return
            question = go_ahead(
                refused[0], question="Add it again?", yes="add it again", no="don't add it"
            )
            answer: bool | None = await self.push_screen_wait(question)
            if answer:
                self.report(await self.in_thread(job(text, force=True)))
            if answer is not None:
                return
            value = text  # escape: the line back in the box, to change

    def _preview_quick(self, prefix: str) -> Preview:
        def preview(text: str) -> tuple[bool, str]:
            try:
                entry = parse_quick_entry(prefix + clean_text(text), self.now(), self.tz)
            except QuickEntryError as exc:
                return False, str(exc)
            return True, entry.describe(self.tz)

        return preview

    def _resolve_quick(self, prefix: str) -> Preview:
        """On a thread: what saving would do now, the company named as saving will find
        it (or "new company"), and anything saving would refuse."""

        def resolve(text: str) -> tuple[bool, str]:
            from pursuit.store.commands import preview_quick_entry
            from pursuit.store.errors import InputError, Refused
            from pursuit.store.sqlite import DatabaseError

            ctx = self.ctx()
            try:
                entry = parse_quick_entry(prefix + clean_text(text), ctx.now, ctx.tz)
            except QuickEntryError as exc:
                return False, str(exc)
            try:
                return True, preview_quick_entry(ctx, entry).describe(ctx.tz)
            except (InputError, ValueError) as exc:
                return False, str(exc)
            except Refused:
                # The same role again: saving will ask first.
                try:
                    return True, preview_quick_entry(ctx, entry, force=True).describe(ctx.tz)
                except (InputError, ValueError) as exc:
                    return False, str(exc)
                except (Refused, DatabaseError):
                    return True, entry.describe(ctx.tz)
            except DatabaseError:
                return True, entry.describe(ctx.tz)  # saving will say, and keep the line

        return resolve

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
            said = " ".join(clean_text(text).split())
            return True, (
                f"They said: check back {said} → follow up with {company} on "
                f"{cells.local(when, self.tz)}"
            )

        def job(text: str) -> Job:
            said = clean_text(text)

            def record(ctx: Ctx) -> str:
                from pursuit.store.commands import record_guidance

                when = parse_when(said, ctx.now, ctx.tz)
                result = record_guidance(ctx, company, when, f"check back {said}")
                return (
                    f"{result.company}: follow up {cells.local(result.follow_up_due, ctx.tz)}, "
                    f"as they said (check back {said})"
                )

            return record

        await self.push_screen_wait(
            PromptScreen(
                f"When did {company} say to check back?",
                preview,
                placeholder="after the 15th · in two weeks · dec 3",
                submit=self.saving(job),
            )
        )

    # --- t: thank-you note sent (R2) ---------------------------------------------------

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
        # R2: a note too like another to the same company is sent only if the user says so.
        if isinstance(outcome, Refusal):
            if not await self.confirmed(
                go_ahead(outcome, question="Mark it sent anyway?", yes="sent anyway")
            ):
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
                f"snooze it until {cells.local(ready, self.tz)}"
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
            return True, f"Quiet the options nudge until {cells.local(until, self.tz)}"

        def job(text: str) -> Job:
            def quiet(ctx: Ctx) -> str:
                from pursuit.store.commands import quiet_nudge

                until = parse_when(text, ctx.now, ctx.tz)
                quiet_nudge(ctx, until)
                return f"Options nudge snoozed until {cells.local(until, ctx.tz)}"

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

    def action_offer(self) -> None:
        item = self.selection()
        company = getattr(item, "company", None)
        if company and app_id_of(item) is not None:
            self._offer(company)

    @work(group=FLOWS)
    async def _offer(self, company: str) -> None:
        """An offer: when they want the answer by becomes the top action."""

        def preview(text: str) -> tuple[bool, str]:
            try:
                by = parse_when(text, self.now(), self.tz)
            except DateParseError as exc:
                return False, str(exc)
            return True, f"Offer from {company}: answer by {cells.local(by, self.tz)}"

        def job(text: str) -> Job:
            def offer(ctx: Ctx) -> str:
                from pursuit.store.commands import record_offer

                result = record_offer(ctx, company, parse_when(text, ctx.now, ctx.tz))
                return f"Offer from {result.company}: answer by {cells.local(result.answer_by, ctx.tz)}"

            return offer

        await self.push_screen_wait(
            PromptScreen("Answer the offer by", preview, value="fri 17:00", submit=self.saving(job))
        )

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

        def job(text: str) -> Job:
            def snooze(ctx: Ctx) -> str:
                from pursuit.store.actions import snooze

                until = snooze(ctx, action_id, parse_when(text, ctx.now, ctx.tz))
                return f"Snoozed until {cells.local(until, ctx.tz)}"

            return snooze

        await self.push_screen_wait(
            PromptScreen("Snooze until", preview, value="tomorrow 9am", submit=self.saving(job))
        )

    def action_done(self) -> None:
        item = self.selection()
        if isinstance(item, AgendaItem) and item.kind == OPTIONS:
            self._dismiss_nudge()
            return
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
