"""The record's keys, each one flow from the key to the write (as in triage.py):

- E edits any field of what the row is about: its application, its company (a rename),
  a person (naming another company moves them), an interview; or adds a person;
- x removes an application or a person (a soft delete: u brings it back);
- M merges the row's company into another, after saying what will move;
- H opens the history: applications that ended, searchable, each opening its detail.

The records are read on a thread first; the forms check every field as it is typed with
the rules the store applies (`domain.record`), and the write runs on a thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import work

from pursuit.agenda import AgendaItem
from pursuit.domain.dates.showing import show_when
from pursuit.domain.matching import MatchError, match_name
from pursuit.domain.record import (
    APPLICATION_FIELDS,
    COMPANY_FIELDS,
    CONTACT_FIELDS,
    INTERVIEW_FIELDS,
    Field,
    FieldError,
    describe_field,
)
from pursuit.domain.status import Status
from pursuit.store import company_reads
from pursuit.store.company_reads import BridgeRow
from pursuit.store.context import Ctx
from pursuit.store.record_reads import (
    AppRecord,
    CompanyRecord,
    InterviewRecord,
    PersonRecord,
    company_record,
)
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen, PromptScreen
from pursuit.tui.record_form import Check, FormField, RecordForm
from pursuit.tui.shell import app_id_of
from pursuit.tui.triage import FLOWS
from pursuit.tui.writes import Failed, Writes


@dataclass(frozen=True)
class _Target:
    """What the row under the cursor is about."""

    company_id: int
    application_id: int | None
    bridge: bool = False


class RecordFlows(Writes):
    # --- reading on a thread ---------------------------------------------------------------

    async def read_db(self, read: Callable[[Any], Any]) -> Any:
        """A read (a `store` read function of a connection) off the event loop; a Failed
        if the file could not be read."""
        return await self._read_worker(read).wait()

    @work(thread=True, group="read")
    def _read_worker(self, read: Callable[[Any], Any]) -> Any:
        from pursuit.store.sqlite import DatabaseError

        try:
            with self.db.read() as conn:
                return read(conn)
        except DatabaseError as exc:
            return Failed(str(exc))

    async def compute(self, job: Callable[[Ctx], Any]) -> Any:
        """A store command that answers with a value (a plan), or a Failed."""
        return await self._compute_worker(job).wait()

    @work(thread=True, group="write")
    def _compute_worker(self, job: Callable[[Ctx], Any]) -> Any:
        from pursuit.store.errors import InputError
        from pursuit.store.sqlite import DatabaseError

        try:
            return job(self.ctx())
        except (InputError, DatabaseError, ValueError) as exc:
            return Failed(str(exc))

    def _target(self) -> _Target | None:
        item = self.selection()
        company_id = getattr(item, "company_id", None)
        if company_id is None:
            return None
        return _Target(company_id, app_id_of(item), bridge=isinstance(item, BridgeRow))

    # --- E: edit ---------------------------------------------------------------------------

    def action_edit_record(self) -> None:
        target = self._target()
        item = self.selection()
        if target is not None:
            action_id = item.action_id if isinstance(item, AgendaItem) else None
            self._edit_record(target, action_id)

    @work(group=FLOWS)
    async def _edit_record(self, target: _Target, action_id: int | None) -> None:
        found = await self.read_db(
            lambda conn: (
                company_record(conn, target.company_id),
                company_reads.company_names(conn),
            )
        )
        if isinstance(found, Failed):
            self.report(found)
            return
        record, names = found
        if record is None:
            return
        action = next((a for a in record.actions if a.id == action_id), None)
        app = record.application(target.application_id)
        choices: list[tuple[str, str]] = []
        if app is not None:
            choices.append(("app", f"Application: {app.title} ({app.outcome or app.status.label})"))
        people = list(record.contacts)
        if action is not None and action.contact_id is not None:
            # The person the row is about comes first.
            people.sort(key=lambda p: p.id != action.contact_id)
        interviews = list(reversed(app.interviews)) if app else []
        if action is not None and action.interview_id is not None:
            interviews.sort(key=lambda i: i.id != action.interview_id)
        if target.bridge or app is None:
            choices.append(("company", f"Company: {record.name} (name, note)"))
        for person in people:
            role = f" ({person.role})" if person.role else ""
            choices.append((f"contact:{person.id}", f"Person: {person.name}{role}"))
        for interview in interviews:
            when = show_when(interview.starts_at, self.tz, self.now())
            choices.append((f"interview:{interview.id}", f"Interview: {when} · {interview.kind}"))
        if not (target.bridge or app is None):
            choices.append(("company", f"Company: {record.name} (name, note)"))
        choices.append(("contact:new", f"New person at {record.name}…"))
        picked = choices[0][0]
        if len(choices) > 1:
            chosen = await self.push_screen_wait(ChoiceScreen(f"Edit — {record.name}", choices))
            if chosen is None:
                return
            picked = chosen
        if picked == "app" and app is not None:
            await self._edit_application(record, app)
        elif picked == "company":
            await self._edit_company(record)
        elif picked.startswith("interview:"):
            interview = next(i for i in interviews if i.id == int(picked.split(":")[1]))
            await self._edit_interview(record, interview)
        elif picked.startswith("contact:"):
            key = picked.split(":")[1]
            person = None if key == "new" else next(p for p in people if p.id == int(key))
            await self._edit_contact(record, person, [n for _i, n in names])

    def _check(self, spec: Field) -> Check:
        def check(text: str) -> tuple[bool, str]:
            try:
                return True, describe_field(
                    spec.kind, text, self.now(), self.tz, label=spec.label.lower()
                )
            except FieldError as exc:
                return False, str(exc)

        return check

    def _form(self, specs: tuple[Field, ...], values: dict[str, str]) -> list[FormField]:
        return [
            FormField(
                spec.name,
                spec.label,
                values.get(spec.name, ""),
                self._check(spec),
                hint=spec.hint,
                multiline=spec.kind == "note",
            )
            for spec in specs
        ]

    def _when(self, when: object) -> str:
        from datetime import datetime

        return show_when(when, self.tz, self.now()) if isinstance(when, datetime) else ""

    async def _edit_application(self, record: CompanyRecord, app: AppRecord) -> None:
        values = {
            "role": app.title,
            "status": app.status.label,
            "source": app.source or "",
            "url": app.url or "",
            "location": app.location or "",
            "remote": "" if app.remote is None else ("yes" if app.remote else "no"),
            "salary": app.salary or "",
            "priority": str(app.priority),
            "applied": self._when(app.applied_at),
            "note": app.notes,
        }
        changes = await self.push_screen_wait(
            RecordForm(f"Edit {record.name} — {app.title}", self._form(APPLICATION_FIELDS, values))
        )
        if not changes:
            self._unchanged(changes)
            return
        friendly = False
        if "status" in changes:
            from pursuit.domain.status import parse_status

            if parse_status(changes["status"]) == Status.REJECTED:
                answer = await self.push_screen_wait(
                    ConfirmScreen(
                        "Rejected. Were they positive about you?",
                        ["yes keeps the company as a bridge, with a check-in"],
                        yes="yes, keep in touch",
                        no="no, just close",
                    )
                )
                if answer is None:
                    return
                friendly = bool(answer)

        def save(ctx: Ctx) -> str:
            from pursuit.store.record import edit_application

            edited = edit_application(ctx, fields=changes, application_id=app.id, friendly=friendly)
            return _said(edited.what, edited.changed)

        self.report(await self.in_thread(save))

    async def _edit_company(self, record: CompanyRecord) -> None:
        changes = await self.push_screen_wait(
            RecordForm(
                f"Edit {record.name}",
                self._form(COMPANY_FIELDS, {"name": record.name, "note": record.notes}),
            )
        )
        if not changes:
            self._unchanged(changes)
            return

        def save(ctx: Ctx) -> str:
            from pursuit.store.record import edit_company

            edited = edit_company(ctx, fields=changes, company_id=record.id)
            if "name" in edited.changed:
                return f"Renamed {record.name} to {edited.company}"
            return _said(edited.what, edited.changed)

        self.report(await self.in_thread(save))

    async def _edit_interview(self, record: CompanyRecord, interview: InterviewRecord) -> None:
        values = {
            "start": self._when(interview.starts_at),
            "minutes": str(interview.minutes),
            "kind": interview.kind,
            "place": interview.place or "",
            "note": interview.notes,
        }
        people = f" with {', '.join(interview.people)}" if interview.people else ""
        changes = await self.push_screen_wait(
            RecordForm(
                f"Edit the interview at {record.name}{people}",
                self._form(INTERVIEW_FIELDS, values),
            )
        )
        if not changes:
            self._unchanged(changes)
            return

        def save(ctx: Ctx) -> str:
            from pursuit.store.record import edit_interview

            edited = edit_interview(
                ctx,
                fields=changes,
                interview_id=interview.id,
                application_id=interview.application_id,
            )
            return _said(edited.what[:1].upper() + edited.what[1:], edited.changed)

        self.report(await self.in_thread(save))

    async def _edit_contact(
        self, record: CompanyRecord, person: PersonRecord | None, names: list[str]
    ) -> None:
        values = {"company": record.name}
        if person is not None:
            values |= {
                "name": person.name,
                "role": person.role or "",
                "email": person.email or "",
                "phone": person.phone or "",
                "url": person.url or "",
                "talking_point": person.talking_point or "",
                "note": person.notes,
            }
        fields = self._form(CONTACT_FIELDS, values)
        candidates = list(enumerate(names))

        def company(text: str) -> tuple[bool, str]:
            try:
                found = names[match_name(text, candidates)]
            except MatchError as exc:
                return False, str(exc)
            return True, f"moves to {found}" if found != record.name else record.name

        fields = [
            FormField(f.name, f.label, f.value, company, f.hint) if f.name == "company" else f
            for f in fields
        ]
        title = f"Edit {person.name}" if person else f"A new person at {record.name}"
        changes = await self.push_screen_wait(RecordForm(title, fields))
        if changes is None or (person is not None and not changes):
            self._unchanged(changes)
            return
        changes = dict(changes or {})
        name = changes.get("name", person.name if person else "")
        if person is None:
            changes.pop("name", None)
            if not name.strip():
                self.notify("A new person needs a name", severity="error")
                return

        def save(ctx: Ctx) -> str:
            from pursuit.store.record import save_contact

            saved = save_contact(
                ctx,
                record.name,
                name,
                fields=changes,
                contact_id=person.id if person else None,
            )
            if saved.created:
                return f"Added {saved.name} at {saved.company}"
            if saved.moved_from:
                return f"{saved.name} moved from {saved.moved_from} to {saved.company}"
            return _said(f"{saved.name} at {saved.company}", saved.changed)

        self.report(await self.in_thread(save))

    def _unchanged(self, changes: dict[str, str] | None) -> None:
        if changes is not None:
            self.notify("Nothing changed", markup=False)

    # --- x: delete -------------------------------------------------------------------------

    def action_delete_record(self) -> None:
        target = self._target()
        if target is not None:
            self._delete_record(target)

    @work(group=FLOWS)
    async def _delete_record(self, target: _Target) -> None:
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

    # --- H: history ------------------------------------------------------------------------

    def action_history(self) -> None:
        from pursuit.tui.history import HistoryScreen

        self.push_screen(HistoryScreen(self.db, self.tz, self.now))

    # --- which keys apply ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_pane", "previous_pane") and self.screen_stack:
            from pursuit.tui.history import HistoryScreen
            from pursuit.tui.record_form import RecordForm

            # In a form, tab goes from field to field (the panes' tab is a priority key).
            if isinstance(self.screen, RecordForm | HistoryScreen):
                return False
        if action in RECORD_KEYS and self.screen_stack:
            if self.screen is not self.screen_stack[0]:
                return False
            if action != "history":
                return getattr(self.selection(), "company_id", None) is not None
            return True
        return super().check_action(action, parameters)


RECORD_KEYS = frozenset({"edit_record", "delete_record", "merge_companies", "history"})


def _said(what: str, changed: tuple[str, ...]) -> str:
    if not changed:
        return f"{what}: nothing changed"
    return f"{what}: changed {', '.join(changed)}"


__all__ = ["RECORD_KEYS", "RecordFlows"]
