"""x removes an application or a person (a soft delete: u brings it back); M merges the
row's company into another, after saying what will move.
"""

from __future__ import annotations

from textual import work

from pursuit.domain.matching import MatchError, match_name
from pursuit.store import company_reads
from pursuit.store.context import Ctx
from pursuit.store.record_reads import company_record
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen, PromptScreen
from pursuit.tui.record_base import RecordBase, Target
from pursuit.tui.triage import FLOWS
from pursuit.tui.writes import Failed


class RemoveMergeFlows(RecordBase):
    # --- x: delete -------------------------------------------------------------------------

    def action_delete_record(self) -> None:
        target = self._target()
        if target is not None:
            self._delete_record(target)

    @work(group=FLOWS)
    async def _delete_record(self, target: Target) -> None:
        record = await self.read_db(lambda conn: company_record(conn, target.company_id))
        if isinstance(record, Failed):
            self.report(record)
            return
        if record is None:
            return
        app = record.application(target.application_id)
        choices: list[tuple[str, str]] = []
        if app is not None:
            choices.append(("app", f"Application: {app.title} ({app.outcome or app.status.label})"))
        for person in record.contacts:
            role = f" ({person.role})" if person.role else ""
            choices.append((f"contact:{person.id}", f"Person: {person.name}{role}"))
        if not choices:
            self.notify(f"{record.name} has no application or person to remove", markup=False)
            return
        picked = await self.push_screen_wait(ChoiceScreen(f"Remove — {record.name}", choices))
        if picked is None:
            return
        if picked == "app" and app is not None:
            pending = sum(1 for a in record.actions if a.application_id == app.id)
            question = ConfirmScreen(
                f"Remove {record.name} — {app.title}?",
                [
                    f"its {pending} pending reminder{'s' * (pending != 1)} go with it",
                    "u (undo) brings it back; the company's timeline keeps its history",
                ],
                yes="remove",
                no="keep",
            )

            def job(ctx: Ctx) -> str:
                from pursuit.store.record import delete_application

                return (
                    f"Removed {delete_application(ctx, application_id=app.id)} (u brings it back)"
                )

        else:
            person = next(p for p in record.contacts if f"contact:{p.id}" == picked)
            question = ConfirmScreen(
                f"Remove {person.name} from {record.name}?",
                [
                    "thank-you notes still owed to them go too",
                    "u (undo) brings them back; the timeline keeps what happened with them",
                ],
                yes="remove",
                no="keep",
            )

            def job(ctx: Ctx) -> str:
                from pursuit.store.record import delete_contact

                removed = delete_contact(ctx, record.name, contact_id=person.id)
                return f"Removed {removed} (u brings them back)"

        if await self.confirmed(question):
            self.report(await self.in_thread(job))

    # --- M: merge --------------------------------------------------------------------------

    def action_merge_companies(self) -> None:
        target = self._target()
        if target is not None:
            self._merge(target.company_id)

    @work(group=FLOWS)
    async def _merge(self, company_id: int) -> None:
        names = await self.read_db(company_reads.company_names)
        if isinstance(names, Failed):
            self.report(names)
            return
        source = dict(names).get(company_id)
        if source is None:
            return
        others = [(i, n) for i, n in names if i != company_id]

        def preview(text: str) -> tuple[bool, str]:
            try:
                found = dict(others)[match_name(text, others)]
            except MatchError as exc:
                return False, str(exc)
            return True, f"Merge {source} into {found}: its applications, people and history move"

        typed = await self.push_screen_wait(
            PromptScreen(
                f"Merge {source} into which company?",
                preview,
                placeholder="the company it really is, e.g. Stark Industries",
            )
        )
        if not typed:
            return
        into = dict(others)[match_name(typed, others)]

        def plan_of(ctx: Ctx) -> object:
            from pursuit.store.record import merge_plan

            return merge_plan(ctx, source, into)

        plan = await self.compute(plan_of)
        if isinstance(plan, Failed):
            self.report(plan)
            return
        question = ConfirmScreen(
            f"Merge {source} into {into}? This moves:",
            plan.lines(),
            yes="merge",
            no="keep apart",
        )
        if not await self.confirmed(question):
            return

        def merge(ctx: Ctx) -> str:
            from pursuit.store.record import merge_companies

            done = merge_companies(ctx, source, into)
            return f"Merged {done.source} into {done.target} (u takes it back)"

        self.report(await self.in_thread(merge))
