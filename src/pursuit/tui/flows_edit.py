"""E edits any field of what the row is about: its application, its company (a rename), a
person (naming another company moves them), an interview; or adds a person.

The record is read on a thread first; the form checks every field as it is typed with
the rules the store applies (`domain.record`), and the write runs on a thread.
"""

from __future__ import annotations

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
from pursuit.store.context import Ctx
from pursuit.store.record_reads import (
    AppRecord,
    CompanyRecord,
    InterviewRecord,
    PersonRecord,
    company_record,
)
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen
from pursuit.tui.record_base import RecordBase, Target, said
from pursuit.tui.record_form import Check, FormField, RecordForm
from pursuit.tui.triage import FLOWS
from pursuit.tui.writes import Failed


class EditFlows(RecordBase):
    # --- E: edit ---------------------------------------------------------------------------

    def action_edit_record(self) -> None:
        target = self._target()
        item = self.selection()
        if target is not None:
            action_id = item.action_id if isinstance(item, AgendaItem) else None
            self._edit_record(target, action_id)

    @work(group=FLOWS)
    async def _edit_record(self, target: Target, action_id: int | None) -> None:
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
            return said(edited.what, edited.changed)

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
            return said(edited.what, edited.changed)

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
            return said(edited.what[:1].upper() + edited.what[1:], edited.changed)

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
            return said(f"{saved.name} at {saved.company}", saved.changed)

        self.report(await self.in_thread(save))

    def _unchanged(self, changes: dict[str, str] | None) -> None:
        if changes is not None:
            self.notify("Nothing changed", markup=False)
