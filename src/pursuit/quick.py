"""Saving a quick-entry line: the one meaning shared by the app's `a` and `pursuit quick`."""

from __future__ import annotations

from pursuit.domain.quick_entry import QuickEntry
from pursuit.store.context import Ctx
from pursuit.store.writer import run
from pursuit.store.writes import quick


def save_quick_entry(ctx: Ctx, entry: QuickEntry) -> str:
    """Write what the preview promised, in one transaction; returns a one-line confirmation."""
    return run(ctx, lambda w: quick.save_quick_entry(w, ctx, entry), label="quick entry")
