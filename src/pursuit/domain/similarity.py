"""R2: notes to people at the same company must differ, since staff compare them.

The ratio is difflib's word-level `SequenceMatcher.ratio()` (2 * matched words / all
words), computed here by the same algorithm with two bounds, so that a check answers in
well under a second however long or odd the notes are (issue #10):

* A note is judged by its first `MAX_CHARS` characters. A longer note is cut there, and
  its length in words is estimated from the whole text at the density of that prefix; the
  ratio is then at most what the two lengths allow (`2 * min / sum`, as for whole notes),
  so a short note against a 10 MB one stays as unlike as it always was.
* Matching is stopped after `MAX_STEPS` word comparisons (difflib is cubic on repetitive
  text: "a a a ..." against "b a b a ..." took seconds at 500 words). The ratio is then
  the upper bound from word counts alone (difflib's `quick_ratio`), so an odd note errs
  on the side of being flagged, which `force` overrides.

Real notes sit far inside both bounds and get exactly difflib's ratio, as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from math import ceil

_WORD = re.compile(r"\w+")

MAX_CHARS = 20_000
"""Characters of a note that are compared: about 3,000 words, ten times a long note."""
MAX_STEPS = 400_000
"""Word comparisons allowed per pair of notes before falling back to the count bound."""


def _names(strip_names: Iterable[str]) -> frozenset[str]:
    # A greeting that differs only by name ("Dear Jane" vs "Dear Bob") is not a different note.
    return frozenset(w for n in strip_names for w in _WORD.findall(n.lower()))


@dataclass(frozen=True)
class _Bounded:
    """The compared form of a note: its words (lower case, names left out) from at most
    `MAX_CHARS` characters, and its length in words (estimated when the note was cut)."""

    words: list[str]
    length: int


def _bounded(text: str, names: frozenset[str]) -> _Bounded:
    head = text[:MAX_CHARS]
    words = [w for w in _WORD.findall(head.lower()) if w not in names]
    length = len(words)
    if len(text) > MAX_CHARS and words:
        # Reading the rest to count it would cost time in proportion to the note.
        length = max(length, ceil(length * len(text) / MAX_CHARS))
    return _Bounded(words, length)


@dataclass
class _Indexed:
    """A note indexed for matching many texts against it (difflib's `b2j`)."""

    note: _Bounded
    positions: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    _counts: Counter[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        for j, word in enumerate(self.note.words):
            self.positions.setdefault(word, []).append(j)

    @property
    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter(self.note.words)
        return self._counts


def _matched(a: Sequence[str], b: _Indexed, budget: int) -> int | None:
    """Words in the matching blocks difflib finds between `a` and `b` (no junk, no
    autojunk), or None once more than `budget` word pairs would have been compared.

    Same longest-match-first recursion and tie-breaks as `SequenceMatcher`; positions
    before `blo` are skipped by bisection rather than one by one."""
    positions = b.positions
    nothing: list[int] = []
    total = 0
    steps = 0
    queue = [(0, len(a), 0, len(b.note.words))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict[int, int] = {}
        for i in range(alo, ahi):
            js = positions.get(a[i], nothing)
            start = bisect_left(js, blo)
            stop = bisect_left(js, bhi, start)
            steps += stop - start
            if steps > budget:
                return None
            j2lenget = j2len.get
            newj2len: dict[int, int] = {}
            for x in range(start, stop):
                j = js[x]
                k = newj2len[j] = j2lenget(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = newj2len
        if bestsize:
            total += bestsize
            if alo < besti and blo < bestj:
                queue.append((alo, besti, blo, bestj))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                queue.append((besti + bestsize, ahi, bestj + bestsize, bhi))
    return total


def _ratio(a: _Bounded, b: _Indexed, budget: int = MAX_STEPS) -> float:
    la, lb = a.length, b.note.length
    if not la and not lb:
        return 1.0
    words = len(a.words) + len(b.note.words)
    matched = _matched(a.words, b, budget)
    if matched is None:
        counts = b.counts
        matched = sum(min(n, counts[w]) for w, n in Counter(a.words).items())
    ratio = 2.0 * matched / words if words else 0.0
    # The lengths of the whole notes bound the ratio; this only bites for a note cut short.
    return min(ratio, 2.0 * min(la, lb) / (la + lb))


def similarity(a: str, b: str, *, names: Iterable[str] = ()) -> float:
    """Word-level similarity ratio in [0, 1]; 1.0 means the same note."""
    stripped = _names(names)
    return _ratio(_bounded(a, stripped), _Indexed(_bounded(b, stripped)))


class NoteComparer:
    """`similarity(text, other)` against fixed others, for many candidate texts: each
    other note is split into words and indexed once, not once per candidate (a draft tries
    up to 64 candidates against every note already written to the company)."""

    def __init__(self, others: Iterable[str], *, names: Iterable[str] = ()) -> None:
        self._names = _names(names)
        self._others = [_Indexed(_bounded(other, self._names)) for other in others]

    def max_ratio(self, text: str) -> float:
        """The highest `similarity(text, other)` over the others; 0.0 when there are none."""
        note = _bounded(text, self._names)
        return max((_ratio(note, other) for other in self._others), default=0.0)


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
    stripped = _names(names)
    mine = _bounded(note, stripped)
    worst: SimilarNote | None = None
    for contact, other in sent:
        ratio = _ratio(mine, _Indexed(_bounded(other, stripped)))
        if ratio >= threshold and (worst is None or ratio > worst.ratio):
            worst = SimilarNote(contact, ratio)
    return worst
