"""What a note that goes out must be: clean text, and never a draft's template."""

from __future__ import annotations

from pursuit.domain.drafts import placeholder_in
from pursuit.domain.text import clean_text
from pursuit.store.errors import Refused


def clean_note(note: str | None) -> str | None:
    return clean_text(note, multiline=True).strip() if note else None


def personal(text: str | None, to: str, *, force: bool) -> None:
    """A note that still holds a draft's line to personalise is a template, not a note:
    it is sent only when the user says so (force)."""
    found = placeholder_in(text or "")
    if found is not None and not force:
        raise Refused(
            f"the note to {to} still has the line to personalise",
            [f"it still says “{' '.join(found.split())}”; write that line, or send it anyway"],
        )
