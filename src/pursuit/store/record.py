"""The writes that fix and complete the record, for both faces: any field changed, people
added, moved or removed, applications removed, companies renamed and merged.

Each is one definition in `store.writes.record`, run as one transaction by
`store.writer.run` and recorded for undo.
"""

from __future__ import annotations

from datetime import datetime

from pursuit.domain.people import Person
from pursuit.domain.status import Status
from pursuit.store.context import Ctx
from pursuit.store.writer import run
from pursuit.store.writes import record as define
from pursuit.store.writes.applications import InterviewLogged
from pursuit.store.writes.record import AddedRecord, ContactSaved, Edited, Fields, MergePlan

__all__ = ["AddedRecord", "ContactSaved", "Edited", "Fields", "MergePlan"]


def add_application(
    ctx: Ctx,
    company: str,
    title: str,
    *,
    new_company: bool = False,
    force: bool = False,
    applied_at: datetime | None = None,
    status: Status = Status.APPLIED,
    fields: Fields | None = None,
) -> AddedRecord:
    return run(
        ctx,
        lambda w: define.add_application(
            w,
            ctx,
            company,
            title,
            new_company=new_company,
            force=force,
            applied_at=applied_at,
            status=status,
            fields=fields,
        ),
        label="add",
    )


def log_interview(
    ctx: Ctx,
    company: str,
    *,
    at: datetime,
    people: tuple[Person, ...],
    minutes: int = 60,
    check_back: datetime | None = None,
    check_back_text: str | None = None,
    kind: str = "interview",
    role: str | None = None,
    notes: str = "",
    place: str | None = None,
    force: bool = False,
) -> InterviewLogged:
    """An interview logged (one thank-you per interviewer, R1), and where it happens;
    `force`: a new company that looks like a known one is added anyway."""
    return run(
        ctx,
        lambda w: define.log_interview(
            w,
            ctx,
            company,
            place=place,
            force=force,
            at=at,
            people=people,
            minutes=minutes,
            check_back=check_back,
            check_back_text=check_back_text,
            kind=kind,
            role=role,
            notes=notes,
        ),
        label="interview",
    )


def edit_application(
    ctx: Ctx,
    company: str = "",
    *,
    fields: Fields,
    application_id: int | None = None,
    friendly: bool = False,
) -> Edited:
    return run(
        ctx,
        lambda w: define.edit_application(
            w, ctx, company, fields=fields, application_id=application_id, friendly=friendly
        ),
        label="edit",
    )


def save_contact(
    ctx: Ctx,
    company: str,
    name: str,
    *,
    fields: Fields,
    contact_id: int | None = None,
    create: bool = True,
) -> ContactSaved:
    return run(
        ctx,
        lambda w: define.save_contact(
            w, ctx, company, name, fields=fields, contact_id=contact_id, create=create
        ),
        label="contact",
    )


def delete_contact(ctx: Ctx, company: str, name: str = "", *, contact_id: int | None = None) -> str:
    return run(
        ctx,
        lambda w: define.delete_contact(w, ctx, company, name, contact_id=contact_id),
        label="delete contact",
    )


def delete_application(
    ctx: Ctx, company: str = "", *, application_id: int | None = None, role: str = ""
) -> str:
    return run(
        ctx,
        lambda w: define.delete_application(
            w, ctx, company, application_id=application_id, role=role
        ),
        label="delete",
    )


def edit_interview(
    ctx: Ctx,
    company: str = "",
    *,
    fields: Fields,
    interview_id: int | None = None,
    application_id: int | None = None,
) -> Edited:
    return run(
        ctx,
        lambda w: define.edit_interview(
            w,
            ctx,
            company,
            fields=fields,
            interview_id=interview_id,
            application_id=application_id,
        ),
        label="edit interview",
    )


def edit_company(
    ctx: Ctx, company: str = "", *, fields: Fields, company_id: int | None = None
) -> Edited:
    return run(
        ctx,
        lambda w: define.edit_company(w, ctx, company, fields=fields, company_id=company_id),
        label="edit company",
    )


def rename_company(ctx: Ctx, company: str, new_name: str) -> tuple[str, str]:
    return run(ctx, lambda w: define.rename_company(w, ctx, company, new_name), label="rename")


def merge_plan(ctx: Ctx, source: str, target: str) -> MergePlan:
    """What merging would move (reads only: nothing is written)."""
    return run(
        ctx,
        lambda w: define.merge_companies(w, ctx, source, target, plan_only=True),
        label="merge plan",
    )


def merge_companies(ctx: Ctx, source: str, target: str) -> MergePlan:
    return run(ctx, lambda w: define.merge_companies(w, ctx, source, target), label="merge")
