"""Saving a quick-entry line: the one meaning shared by the app's `a` and `pursuit quick`."""

from __future__ import annotations

from pursuit.domain.quick_entry import QuickEntry
from pursuit.store.commands import add_application, log_interview, record_guidance
from pursuit.store.context import Ctx


def save_quick_entry(ctx: Ctx, entry: QuickEntry) -> str:
    """Write what the preview promised; returns a one-line confirmation."""
    if entry.interview_at is not None:
        result = log_interview(
            ctx,
            entry.company,
            at=entry.interview_at,
            people=entry.interviewers,
            minutes=entry.interview_minutes or 60,
            check_back=entry.check_back,
            check_back_text=entry.check_back_text,
            role=entry.role,
        )
        return f"Interview at {result.company} logged: {len(result.interviewers)} thank-you notes to write"
    saved: list[str] = []
    if entry.role is not None:
        added = add_application(ctx, entry.company, entry.role, url=entry.url)
        saved.append(f"Added {added.company} — {added.title}")
    if entry.check_back is not None:
        guided = record_guidance(ctx, entry.company, entry.check_back, entry.check_back_text)
        saved.append(f"{guided.company}: follow up as they asked")
    return "; ".join(saved) or "Nothing to save"
