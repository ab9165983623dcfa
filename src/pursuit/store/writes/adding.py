"""Adding to the record without silent duplicates: an application at the company the user
means (and what is known about it already), an interview with where it happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.kinds import Status
from pursuit.domain.matching import name_key
from pursuit.domain.record import (
    APPLICATION_FIELDS,
    INTERVIEW_FIELDS,
    PastApplication,
    company_memory,
    day_month,
)
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError, Refused
from pursuit.store.world import World
from pursuit.store.writes import applications, make
from pursuit.store.writes.edits import apply_application
from pursuit.store.writes.fields import Fields, is_open, read_fields


@dataclass(frozen=True)
class AddedRecord:
    added: applications.Added
    typed: str
    """The company as typed; `added.company` is the one it matched (or the new one)."""
    known: str | None
    """What was known about the company already ("You applied to Globex before (…)")."""

    @property
    def matched(self) -> bool:
        return name_key(self.typed) != name_key(self.added.company)


def add_application(
    w: World,
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
    """An application. The company is matched the way every verb matches one (any case or
    accents, a unique prefix) unless `new_company` takes the name exactly; the same role
    open twice at one company is refused (R: no silent duplicates) unless `force`."""
    typed = make.required(company, "company name")
    title = make.required(title, "role")
    values = read_fields(APPLICATION_FIELDS, fields or {}, ctx)
    for given in ("role", "status"):
        if given in values:
            raise InputError(
                f"the {given} of a new application is given on its own, not as a field"
            )
    comp = w.company_named(typed) if new_company else w.find_company(typed)
    if comp is not None and comp.deleted_at is not None:
        comp = None
    known = None
    if comp is not None:
        live = w.applications(comp)
        for app in live:
            if name_key(app.title) == name_key(title) and is_open(app) and not force:
                since = app.applied_at or app.created_at
                raise Refused(
                    f"{comp.name} already has an open application for {app.title}",
                    [
                        f"{app.status.label} since {day_month(since, ctx.tz)}; "
                        "add it again only if it is another opening"
                    ],
                )
        known = company_memory(
            comp.name,
            [PastApplication(a.title, a.status, a.applied_at, a.closed_at) for a in live],
            [(p.name, p.role) for p in w.people(comp)],
            friendly=comp.is_bridge or comp.bridge_since is not None,
            tz=ctx.tz,
        )
    added = applications.add_application(
        w,
        ctx,
        comp.name if comp is not None else typed,
        title,
        applied_at=applied_at,
        status=status,
        force=force,
    )
    app = w.application_by_id(added.application_id)
    apply_application(w, ctx, w.company_by_id(app.company_id), app, values, event=False)
    return AddedRecord(added, typed, known)


def log_interview(
    w: World,
    ctx: Ctx,
    company: str,
    *,
    place: str | None = None,
    **given: object,
) -> applications.InterviewLogged:
    """`applications.log_interview`, and where it happens (a place or a video link)."""
    where = read_fields(INTERVIEW_FIELDS, {"place": place}, ctx)["place"] if place else None
    if given.get("role"):
        # A new role at a known company is at that company, as `add` would have it.
        known = w.find_company(company)
        company = known.name if known is not None else company
    result = applications.log_interview(w, ctx, company, **given)  # type: ignore[arg-type]
    if where is not None:
        comp = w.company(result.company)
        for app in w.applications(comp):
            for interview in w.interviews(app):
                if interview.id == result.interview_id:
                    interview.place = str(where)
    return result
