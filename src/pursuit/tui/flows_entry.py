"""The flows that add to the record: quick entry (a, i) and the employer's guidance (g)."""

from __future__ import annotations

from functools import partial

from textual import work

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import parse_when
from pursuit.domain.quick_entry import QuickEntryError, parse_quick_entry
from pursuit.domain.text import clean_text
from pursuit.store.context import Ctx
from pursuit.tui import cells
from pursuit.tui.flows import FLOWS, Flows, application_name
from pursuit.tui.modals import (
    Preview,
    PromptScreen,
)
from pursuit.tui.shell import app_id_of
from pursuit.tui.writes import Job


class EntryFlows(Flows):
    def action_quick_entry(self) -> None:
        self._quick_entry(
            "Quick entry",
            placeholder="Acme / Backend Engineer interview tomorrow 14:00 with Jane Doe (EM)",
        )

    def action_interview(self) -> None:
        item = self.selection()
        company = getattr(item, "company", None)
        if company:
            # The selected row's application, by id: the company may have several open.
            self._quick_entry(
                f"Interview at {application_name(item)}: when, and with whom",
                placeholder="tomorrow 14:00 for 45 min with Jane Doe (EM), Bob Lee",
                prefix=f"{company} interview ",
                app_id=app_id_of(item),
            )

    @work(group=FLOWS)
    async def _quick_entry(
        self, title: str, *, placeholder: str, prefix: str = "", app_id: int | None = None
    ) -> None:
        """One line, read as it is typed and looked up as saving will look it up; enter
        saves it, and the dialog stays open with the line if saving fails (a busy or full
        disk, a damaged file: enter tries again; escape keeps the line in a recovery file).
        A new company whose name looks like a known one is asked about first."""

        def job(text: str, *, force: bool = False) -> Job:
            line = prefix + clean_text(text)

            def save(ctx: Ctx) -> str:
                from pursuit.store.commands import save_quick_entry

                entry = parse_quick_entry(line, ctx.now, ctx.tz)
                return save_quick_entry(ctx, entry, force=force, application_id=app_id)

            return save

        await self.push_screen_wait(
            PromptScreen(
                title,
                self._preview_quick(prefix),
                placeholder=placeholder,
                resolve=self._resolve_quick(prefix, app_id),
                submit=self.saving(job, forced=partial(job, force=True)),
                keep=partial(self._keep, what="quick-entry"),
            )
        )

    def _preview_quick(self, prefix: str) -> Preview:
        def preview(text: str) -> tuple[bool, str]:
            try:
                entry = parse_quick_entry(prefix + clean_text(text), self.now(), self.tz)
            except QuickEntryError as exc:
                return False, str(exc)
            return True, entry.describe(self.tz)

        return preview

    def _resolve_quick(self, prefix: str, app_id: int | None = None) -> Preview:
        """On a thread: what saving would do now, the company named as saving will find
        it (or "new company"), and anything saving would refuse."""

        def resolve(text: str) -> tuple[bool, str]:
            from pursuit.store.commands import preview_quick_entry
            from pursuit.store.errors import InputError

            ctx = self.ctx()
            try:
                entry = parse_quick_entry(prefix + clean_text(text), ctx.now, ctx.tz)
            except QuickEntryError as exc:
                return False, str(exc)
            try:
                found = preview_quick_entry(ctx, entry, application_id=app_id)
                return True, found.describe(ctx.tz)
            except (InputError, ValueError) as exc:
                return False, str(exc)
            except Exception:  # a rule that asks, a storage fault: saving will say
                return True, entry.describe(ctx.tz)

        return resolve

    # --- g: guidance (R4) --------------------------------------------------------------

    def action_guidance(self) -> None:
        item = self.selection()
        company = getattr(item, "company", None)
        if company:
            self._guidance(company, app_id_of(item))

    @work(group=FLOWS)
    async def _guidance(self, company: str, app_id: int | None) -> None:
        """When the employer said to check back becomes the follow-up's date."""

        def preview(text: str) -> tuple[bool, str]:
            try:
                when = parse_when(text, self.now(), self.tz)
            except DateParseError as exc:
                return False, str(exc)
            said = " ".join(clean_text(text).split())
            return True, (
                f"They said: check back {said} → follow up with {company} on "
                f"{cells.local(when, self.tz, self.now())}"
            )

        def job(text: str) -> Job:
            said = clean_text(text)

            def record(ctx: Ctx) -> str:
                from pursuit.store.commands import record_guidance

                when = parse_when(said, ctx.now, ctx.tz)
                result = record_guidance(
                    ctx, company, when, f"check back {said}", application_id=app_id
                )
                return (
                    f"{result.company}: follow up {cells.local(result.follow_up_due, ctx.tz, ctx.now)}, "
                    f"as they said (check back {said})"
                )

            return record

        await self.push_screen_wait(
            PromptScreen(
                f"When did {company} say to check back?",
                preview,
                placeholder="after the 15th · in two weeks · dec 3",
                submit=self.saving(job),
                keep=partial(self._keep, what="guidance"),
            )
        )

    # --- t: thank-you note sent (R2) ---------------------------------------------------
