"""A quick-entry line: the one meaning shared by the app's `a` and `pursuit quick`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import tzinfo

from pursuit.domain.quick_entry import QuickEntry
from pursuit.store.context import Ctx
from pursuit.store.rows import CompanyRow, ContactRow, EventRow
from pursuit.store.world import World
from pursuit.store.writes.applications import add_application, log_interview, record_guidance


def save_quick_entry(w: World, ctx: Ctx, entry: QuickEntry, *, force: bool = False) -> str:
    """Everything the preview promised, in one write; returns a one-line confirmation.
    `force`: a new company whose name looks like a known one is added anyway."""
    if entry.interview_at is not None:
        result = log_interview(
            w,
            ctx,
            entry.company,
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
        return f"Interview at {result.company} logged: {owed}"
    saved: list[str] = []
    if entry.role is not None:
        added = add_application(w, ctx, entry.company, entry.role, url=entry.url, force=force)
        saved.append(f"Added {added.company} — {added.title}")
    if entry.check_back is not None:
        guided = record_guidance(w, ctx, entry.company, entry.check_back, entry.check_back_text)
        saved.append(f"{guided.company}: follow up as they asked")
    return "; ".join(saved) or "Nothing to save"


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
