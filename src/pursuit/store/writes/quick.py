"""A quick-entry line: the one meaning shared by the app's `a` and `pursuit quick`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import tzinfo

from pursuit.domain.matching import name_key
from pursuit.domain.quick_entry import QuickEntry
from pursuit.domain.status import CLOSED
from pursuit.store.context import Ctx
from pursuit.store.rows import CompanyRow, ContactRow, EventRow
from pursuit.store.world import World
from pursuit.store.writes import adding
from pursuit.store.writes.applications import record_guidance


def save_quick_entry(w: World, ctx: Ctx, entry: QuickEntry, *, force: bool = False) -> str:
    """Everything the preview promised, in one write; returns a one-line confirmation.
    `force`: a new company whose name looks like a known one is added anyway, and so is
    the same role open twice."""

    # "Stark / Engineering Manager" is Stark Industries when that is the one company it
    # can mean, not a new company beside it.
    known = w.find_company(entry.company)
    company = known.name if known is not None else entry.company
    if entry.interview_at is not None:
        saved = ""
        if entry.role is not None and not _open_role(w, known, entry.role):
            saved = _add(w, ctx, entry, company, force=force) + "; "
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
            role=entry.role,
            force=force,
        )
        notes = len(result.interviewers)
        owed = f"{notes} thank-you note{'s' if notes != 1 else ''} to write"
        w.label = f"interview {result.company}"
        return f"{saved}Interview at {result.company} logged: {owed}"
    saved_parts: list[str] = []
    if entry.role is not None:
        saved_parts.append(_add(w, ctx, entry, company, force=force))
    if entry.check_back is not None:
        guided = record_guidance(w, ctx, company, entry.check_back, entry.check_back_text)
        saved_parts.append(f"{guided.company}: follow up as they asked")
    return "; ".join(saved_parts) or "Nothing to save"


def _open_role(w: World, comp: CompanyRow | None, role: str) -> bool:
    """The company has this role open already: an interview line logs to it."""
    if comp is None:
        return False
    return any(
        name_key(a.title) == name_key(role) and a.status not in CLOSED for a in w.applications(comp)
    )


def _add(w: World, ctx: Ctx, entry: QuickEntry, company: str, *, force: bool) -> str:
    assert entry.role is not None
    fields = {
        name: value
        for name, value in (("url", entry.url), ("salary", entry.salary), ("source", entry.source))
        if value
    }
    added = adding.add_application(
        w, ctx, company, entry.role, force=force, applied_at=entry.applied_at, fields=fields
    )
    line = f"Added {added.added.company} — {added.added.title}"
    return f"{line} ({added.known})" if added.known else line


@dataclass(frozen=True)
class QuickPreview:
    """What saving a quick-entry line will do, found by doing it without writing."""

    entry: QuickEntry
    company: str
    """The company it will be saved under: the one that matched, or the new one."""
    new_company: bool
    new_people: tuple[str, ...]
    """Interviewers it will add as new contacts (the others are known already)."""

    def describe(self, tz: tzinfo) -> str:
        """The entry's own description, with the company as it will be saved."""
        text = replace(self.entry, company=self.company).describe(tz)
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
    return QuickPreview(entry, name, touched in created, people)
