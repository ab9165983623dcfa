"""R2: notes to people at the same company must differ, since staff compare them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+")


def _normalise(text: str, strip_names: Iterable[str]) -> list[str]:
    words = _WORD.findall(text.lower())
    # A greeting that differs only by name ("Dear Jane" vs "Dear Bob") is not a different note.
    names = {w for n in strip_names for w in _WORD.findall(n.lower())}
    return [w for w in words if w not in names]


def similarity(a: str, b: str, *, names: Iterable[str] = ()) -> float:
    """Word-level similarity ratio in [0, 1]; 1.0 means the same note."""
    names = tuple(names)
    wa, wb = _normalise(a, names), _normalise(b, names)
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


class NoteComparer:
    """`similarity(text, other)` against fixed others, for many candidate texts: each
    other note is split into words and indexed once, not once per candidate (a draft tries
    up to 64 candidates against every note already written to the company)."""

    def __init__(self, others: Iterable[str], *, names: Iterable[str] = ()) -> None:
        self._names = tuple(names)
        self._matchers: list[tuple[SequenceMatcher[str], bool]] = []
        for other in others:
            words = _normalise(other, self._names)
            matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(words)
            self._matchers.append((matcher, not words))

    def max_ratio(self, text: str) -> float:
        """The highest `similarity(text, other)` over the others; 0.0 when there are none."""
        words = _normalise(text, self._names)
        best = 0.0
        for matcher, empty in self._matchers:
            if not words and empty:
                return 1.0
            matcher.set_seq1(words)
            best = max(best, matcher.ratio())
        return best


@dataclass(frozen=True)
class SimilarNote:
    other_contact: str
    ratio: float


def too_similar(
    note: str,
    sent: Iterable[tuple[str, str]],
    *,
    threshold: float,
    names: Iterable[str] = (),
) -> SimilarNote | None:
    """The most alike of the already-sent (contact, note) pairs, if at or over threshold."""
    names = tuple(names)
    worst: SimilarNote | None = None
    for contact, other in sent:
        ratio = similarity(note, other, names=names)
        if ratio >= threshold and (worst is None or ratio > worst.ratio):
            worst = SimilarNote(contact, ratio)
    return worst
