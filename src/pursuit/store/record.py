"""The writes that fix and complete the record, for both faces: any field changed, people
added, moved or removed, applications removed, companies renamed and merged.

Each is one definition in `store.writes` (edits, contacts, removals, companies), run as one transaction by
`store.writer.run` and recorded for undo.
"""

from __future__ import annotations

from pursuit.store.context import Ctx
from pursuit.store.writer import run
from pursuit.store.writes import companies, contacts, edits, removals
from pursuit.store.writes.companies import MergePlan
from pursuit.store.writes.contacts import ContactSaved
from pursuit.store.writes.edits import Edited
from pursuit.store.writes.fields import Fields

__all__ = ["ContactSaved", "Edited", "Fields", "MergePlan"]


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
        lambda w: edits.edit_application(
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
        lambda w: contacts.save_contact(
            w, ctx, company, name, fields=fields, contact_id=contact_id, create=create
        ),
        label="contact",
    )


def delete_contact(ctx: Ctx, company: str, name: str = "", *, contact_id: int | None = None) -> str:
    return run(
        ctx,
        lambda w: removals.delete_contact(w, ctx, company, name, contact_id=contact_id),
        label="delete contact",
    )


def delete_application(
    ctx: Ctx, company: str = "", *, application_id: int | None = None, role: str = ""
) -> str:
    return run(
        ctx,
        lambda w: removals.delete_application(
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
    role: str | None = None,
) -> Edited:
    return run(
        ctx,
        lambda w: edits.edit_interview(
            w,
            ctx,
            company,
            fields=fields,
            interview_id=interview_id,
            application_id=application_id,
            role=role,
        ),
        label="edit interview",
    )


def edit_company(
    ctx: Ctx, company: str = "", *, fields: Fields, company_id: int | None = None
) -> Edited:
    return run(
        ctx,
        lambda w: companies.edit_company(w, ctx, company, fields=fields, company_id=company_id),
        label="edit company",
    )


def rename_company(ctx: Ctx, company: str, new_name: str) -> tuple[str, str]:
    return run(ctx, lambda w: companies.rename_company(w, ctx, company, new_name), label="rename")


def merge_plan(ctx: Ctx, source: str, target: str) -> MergePlan:
    """What merging would move (reads only: nothing is written)."""
    return run(
        ctx,
        lambda w: companies.merge_companies(w, ctx, source, target, plan_only=True),
        label="merge plan",
    )


def merge_companies(ctx: Ctx, source: str, target: str) -> MergePlan:
    return run(ctx, lambda w: companies.merge_companies(w, ctx, source, target), label="merge")
