"""A quick-entry line: the one meaning shared by the app's `a` and `pursuit quick`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import tzinfo

from pursuit.domain.dates.showing import show_when
from pursuit.domain.quick_entry import QuickEntry
from pursuit.store.context import Ctx
from pursuit.store.errors import WhichApplication
from pursuit.store.rows import AppRow, CompanyRow, ContactRow, EventRow
from pursuit.store.world import World
from pursuit.store.writes import adding, edits, offers
from pursuit.store.writes.applications import record_guidance
from pursuit.store.writes.fields import is_open


def save_quick_entry(
    w: World,
    ctx: Ctx,
    entry: QuickEntry,
    *,
    force: bool = False,
    application_id: int | None = None,
) -> str:
    """Everything the preview promised, in one write; returns a one-line confirmation.
    `force`: a new company whose name looks like a known one is added anyway, and so is
    the same role open twice. A line that names only a company with several open
    applications is refused (`WhichApplication`), saying how to name the role, unless
    `application_id` (the app's selected row) says which."""

    # "Stark / Engineering Manager" is Stark Industries when that is the one company it
    # can mean, not a new company beside it.
    known = w.find_company(entry.company)
    company = known.name if known is not None else entry.company
    if application_id is not None and not is_open(w.application_by_id(application_id)):
        # A row of an application that has ended (a bridge's check-in): a line about it is
        # about the company's open one, or a new one, as if typed with nothing selected.
        application_id = None
    try:
        return _save(w, ctx, entry, known, company, force=force, app_id=application_id)
    except WhichApplication as exc:
        raise exc.saying(f'the role: "{exc.company} / {exc.titles[0]} …"') from None


def _save(
    w: World,
    ctx: Ctx,
    entry: QuickEntry,
    known: CompanyRow | None,
    company: str,
    *,
    force: bool,
    app_id: int | None,
) -> str:
    saved: list[str] = []
    if entry.role is not None:
        app_id = None  # the line's role says which
    if entry.interview_at is not None:
        open_app = w.open_role(known, entry.role) if known and entry.role is not None else None
        if entry.role is not None and open_app is None:
            line, app_id = _add(w, ctx, entry, company, force=force)
            saved.append(line)
        elif open_app is not None:
            app_id = open_app.id
            if _fields(entry, ctx):
                # The role is open already and the interview logs to it: what the line says
                # of it (source, salary, applied date, link) is saved there, not dropped.
                edits.edit_application(w, ctx, application_id=app_id, fields=_fields(entry, ctx))
        result = adding.log_interview(
            w,
            ctx,
            company,
            place=entry.place,
            at=entry.interview_at,
            people=entry.interviewers,
            minutes=entry.interview_minutes or 60,
            check_back=entry.check_back,
            check_back_text=entry.check_back_text,
            kind=entry.interview_kind or "interview",
            role=entry.role,
            force=force,
            application_id=app_id if entry.role is None else None,
        )
        notes = len(result.interviewers)
        owed = f"{notes} thank-you note{'s' if notes != 1 else ''} to write"
        w.label = f"interview {result.company}"
        saved.append(f"Interview at {result.company} logged: {owed}")
    elif entry.names_open_role:
        # "Stark / Engineering Manager offer by fri": that open application, never a new one.
        assert entry.role is not None
        app_id = w.application(w.company(company), role=entry.role).id
        if _fields(entry, ctx):
            edits.edit_application(w, ctx, application_id=app_id, fields=_fields(entry, ctx))
    else:
        if entry.role is not None:
            line, app_id = _add(w, ctx, entry, company, force=force)
            saved.append(line)
        if entry.check_back is not None:
            guided = record_guidance(
                w,
                ctx,
                company,
                entry.check_back,
                entry.check_back_text,
                application_id=app_id,
            )
            saved.append(f"{guided.company}: follow up as they asked")
    if entry.offer_by is not None:
        # The very write `pursuit offer COMPANY --by WHEN --note TEXT [--role ROLE]` makes.
        offer = offers.record_offer(
            w, ctx, company, entry.offer_by, entry.offer_note, application_id=app_id
        )
        by = show_when(offer.answer_by, ctx.tz, ctx.now)
        saved.append(f"Offer from {offer.company}: answer by {by}")
    return "; ".join(saved) or "Nothing to save"


def _fields(entry: QuickEntry, ctx: Ctx) -> dict[str, str]:
    """The application's fields the line gives, as the text `record` reads."""
    applied = entry.applied_at
    # The applied date as a local date and time, the form every field reader takes.
    when = f"{applied.astimezone(ctx.tz):%Y-%m-%d %H:%M}" if applied is not None else None
    return {
        name: value
        for name, value in (
            ("url", entry.url),
            ("salary", entry.salary),
            ("source", entry.source),
            ("applied", when),
        )
        if value
    }


def _add(w: World, ctx: Ctx, entry: QuickEntry, company: str, *, force: bool) -> tuple[str, int]:
    """The new application the line names: what to say of it, and its id."""
    assert entry.role is not None
    fields = {name: value for name, value in _fields(entry, ctx).items() if name != "applied"}
    added = adding.add_application(
        w, ctx, company, entry.role, force=force, applied_at=entry.applied_at, fields=fields
    )
    line = f"Added {added.added.company} — {added.added.title}"
    return (f"{line} ({added.known})" if added.known else line), added.added.application_id


@dataclass(frozen=True)
class QuickPreview:
    """What saving a quick-entry line will do, found by doing it without writing."""

    entry: QuickEntry
    company: str
    """The company it will be saved under: the one that matched, or the new one."""
    new_company: bool
    new_people: tuple[str, ...]
    """Interviewers it will add as new contacts (the others are known already)."""
    role_open: bool | None = None
    """The role it names is an open application's (the line is about it), not a new one."""

    def describe(self, tz: tzinfo) -> str:
        """The entry's own description, with the company as it will be saved."""
        text = replace(self.entry, company=self.company).describe(tz, role_open=self.role_open)
        if self.new_company:
            text = text.replace(self.company, f"{self.company} (new company)", 1)
        return text


def preview_of(w: World, entry: QuickEntry) -> QuickPreview:
    """Read off a world that `save_quick_entry` has just been applied to."""
    created = {r.id: r for r in w.new if isinstance(r, CompanyRow)}
    touched = next((r.company_id for r in w.new if isinstance(r, EventRow)), None)
    if touched is None:
        return QuickPreview(entry, entry.company, False, ())
    name = w.companies[touched].name
    people = tuple(r.name for r in w.new if isinstance(r, ContactRow))
    role_open = entry.role is not None and not any(isinstance(r, AppRow) for r in w.new)
    if role_open:
        # The open application as it is called, not the start of it that was typed.
        app = next(r.application_id for r in w.new if isinstance(r, EventRow))
        if app is not None:
            entry = replace(entry, role=w.apps[app].title)
    return QuickPreview(entry, name, touched in created, people, role_open)
