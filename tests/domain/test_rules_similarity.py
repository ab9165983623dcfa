"""R2: notes to one company must differ."""

from __future__ import annotations

import random
import re
import time
from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.domain.similarity import (
    MAX_STEPS,
    NoteComparer,
    SimilarNote,
    _bounded,
    _Indexed,
    _matched,
    _ratio,
    similarity,
    too_similar,
)

NOTE = (
    "Thank you for talking with me about the platform team and its plans for the new "
    "billing service. I enjoyed our conversation and look forward to next steps."
)


@pytest.mark.parametrize(
    ("a", "b", "names", "low", "high"),
    [
        (NOTE, NOTE, (), 1.0, 1.0),
        ("", "", (), 1.0, 1.0),
        ("Hello there", "", (), 0.0, 0.0),
        # Case and punctuation do not make a note different.
        (NOTE, NOTE.upper().replace(".", "!"), (), 1.0, 1.0),
        # Only the greeting's name differs: the same note.
        ("Dear Jane, " + NOTE, "Dear Bob, " + NOTE, ("Jane Doe", "Bob Lee"), 1.0, 1.0),
        ("Dear Jane, " + NOTE, "Dear Bob, " + NOTE, (), 0.9, 0.99),
        # One sentence changed out of two: alike, but under the default threshold.
        (
            NOTE,
            NOTE.split(". ")[0] + ". Your story about the outage stayed with me.",
            (),
            0.5,
            0.8,
        ),
        ("Thanks for the chat about Rust.", "Great to hear how you hire juniors!", (), 0.0, 0.2),
    ],
)
def test_similarity_ratio(a: str, b: str, names: tuple[str, ...], low: float, high: float) -> None:
    ratio = similarity(a, b, names=names)
    assert low <= ratio <= high
    assert similarity(b, a, names=names) == pytest.approx(ratio, abs=0.05)


def test_too_similar_picks_the_closest_over_the_threshold() -> None:
    sent = [
        ("Ann", "Completely different words here about the weather."),
        ("Bob", "Dear Bob, " + NOTE),
        ("Cat", "Dear Cat, " + NOTE.replace("billing", "payments")),
    ]
    names = ("Dee", "Ann", "Bob", "Cat")
    found = too_similar("Dear Dee, " + NOTE, sent, threshold=0.8, names=names)
    assert found == SimilarNote("Bob", 1.0)


@pytest.mark.parametrize(("threshold", "flagged"), [(0.95, False), (0.8, True), (0.5, True)])
def test_threshold_is_inclusive_and_configurable(threshold: float, flagged: bool) -> None:
    other = NOTE.replace("billing service", "search engine")
    ratio = similarity(NOTE, other)
    assert 0.8 <= ratio < 0.95
    found = too_similar(NOTE, [("Bob", other)], threshold=threshold)
    assert (found is not None) is flagged
    assert too_similar(NOTE, [("Bob", other)], threshold=ratio) is not None


def test_nothing_sent_nothing_similar() -> None:
    assert too_similar(NOTE, [], threshold=0.8) is None


@pytest.mark.parametrize(
    ("text", "others", "names"),
    [
        ("Dear Jane, thank you for the talk.", ["Dear Bob, thank you for the talk."], ["Bob"]),
        ("Thanks a lot", ["Entirely different words here", "Thanks a lot indeed"], []),
        ("", [""], []),
        ("", ["something"], []),
        ("words", [], []),
        ("a b c d", ["d c b a", "a b", "a b c d e f"], ["x"]),
    ],
)
def test_note_comparer_gives_the_highest_pairwise_similarity(
    text: str, others: list[str], names: list[str]
) -> None:
    expected = max((similarity(text, o, names=names) for o in others), default=0.0)
    assert NoteComparer(others, names=names).max_ratio(text) == expected


# --- issue #10: bounded however long the notes are ---------------------------------------

_VOCAB_TEXT = (
    "thank you for the time today I enjoyed hearing about how your team ships the billing "
    "service and what the first months would look like our talk about on call rotations "
    "mentoring code review and the roadmap made the role feel concrete I am excited to help "
    "with migrations testing and the data platform please let me know next steps"
)
_VOCAB = _VOCAB_TEXT.split()


def _prose(words: int, seed: int) -> str:
    """`words` words of note-like text, the same for the same seed."""
    rng = random.Random(seed)
    out = [rng.choice(_VOCAB) for _ in range(words)]
    return " ".join(out[i] + ("." if i % 12 == 11 else "") for i in range(words))


def _ten_mb(seed: int) -> str:
    chunk = _prose(10_000, seed) + " "
    return chunk * (10_000_000 // len(chunk) + 1)


NOTE_300 = _prose(300, 1)
TEN_MB = _ten_mb(2)
HALF = len(TEN_MB) // 2
WELL_UNDER = 0.25
"""CPU seconds allowed for one check: half of issue #10's 0.5 s, measured on this process's
own clock so that other work on the machine does not count."""

JANE_NOTE = (
    "Dear Jane, thank you for walking me through the on-call rotation and how the platform "
    "team keeps the billing service healthy. Your story about the migration stayed with me, "
    "and I would be glad to help with the next one. I look forward to hearing about next steps."
)


_DIFFERENT = (
    "Hi Bob, I enjoyed our talk about mentoring juniors and the review culture you built. "
    "The way you pair new hires on their first incident is something I would love to learn "
    "from. Thanks again for the thoughtful questions."
)
_NOTE_INSIDE = TEN_MB[:HALF] + NOTE_300 + TEN_MB[HALF:]
_FIRST_3000 = " ".join(TEN_MB[:100_000].split()[:3000])


@pytest.mark.parametrize(
    ("note", "other", "flagged"),
    [
        # Near-identical, only the names swapped: flagged.
        pytest.param(JANE_NOTE, JANE_NOTE.replace("Jane", "Bob"), True, id="names swapped"),
        pytest.param(
            JANE_NOTE,
            JANE_NOTE.replace("Jane", "Bob").replace("healthy", "fast"),
            True,
            id="names swapped, a word changed",
        ),
        # Genuinely different notes pass.
        pytest.param(JANE_NOTE, _DIFFERENT, False, id="different notes"),
        # A short note against a 10 MB one, or the 10 MB one against it: nothing alike.
        pytest.param(NOTE_300, TEN_MB, False, id="300 words vs 10 MB"),
        pytest.param(TEN_MB, NOTE_300, False, id="10 MB vs 300 words"),
        # A note copied from a passage of a 10 MB note is not flagged: the ratio is over whole
        # notes (2 * matched / all words), 0.0003 here, as it was before the bound.
        pytest.param(NOTE_300, _NOTE_INSIDE, False, id="copied from inside 10 MB"),
        pytest.param(NOTE_300, NOTE_300 + TEN_MB, False, id="copied from the start of 10 MB"),
        # Nor is its first 3,000 words (0.9 alike by the first 20,000 characters alone): the cut
        # note's length, about 1.8M words, still counts.
        pytest.param(_FIRST_3000, TEN_MB, False, id="first 3,000 words of 10 MB"),
        # Two copies of one long note, or copies that differ in a name, are flagged.
        pytest.param(TEN_MB, TEN_MB, True, id="10 MB twice"),
        pytest.param(
            "Dear Jane, " + TEN_MB, "Dear Bob, " + TEN_MB, True, id="10 MB, names swapped"
        ),
        # Pathological: one 10 MB word, 10 MB of one short word, of punctuation, of "b a".
        pytest.param("x" * 10_000_000, "x" * 10_000_000, True, id="one 10 MB word twice"),
        pytest.param("x" * 10_000_000, NOTE_300, False, id="one 10 MB word vs 300 words"),
        pytest.param(NOTE_300, "x" * 10_000_000, False, id="300 words vs one 10 MB word"),
        pytest.param(NOTE_300, "a " * 5_000_000, False, id="300 words vs 10 MB of a"),
        pytest.param("a " * 5_000_000, "b a " * 2_500_000, False, id="10 MB of a vs of b a"),
        pytest.param(NOTE_300, "!?, " * 2_500_000, False, id="300 words vs 10 MB of commas"),
        pytest.param("", "!?, " * 2_500_000, True, id="empty vs 10 MB of commas"),
    ],
)
def test_verdicts_come_fast_however_long_the_notes(note: str, other: str, flagged: bool) -> None:
    names = ("Jane Doe", "Bob Lee")
    start = time.process_time()
    found = too_similar(note, [("Bob", other)], threshold=0.8, names=names)
    elapsed = time.process_time() - start
    assert (found is not None) is flagged
    assert elapsed < WELL_UNDER, f"{elapsed:.3f} s"
    start = time.process_time()
    ratio = NoteComparer([other], names=names).max_ratio(note)
    assert time.process_time() - start < WELL_UNDER
    assert (ratio >= 0.8) is flagged
    assert 0.0 <= ratio <= 1.0


def test_a_short_note_against_a_long_one_is_as_unlike_as_before() -> None:
    """The bound keeps the old answer's size: 2 * at most 300 matched / about 1.8M words."""
    ratio = similarity(NOTE_300, TEN_MB)
    assert ratio < 2 * 300 / 1_500_000


_WORDS = st.sampled_from(["dear", "jane", "bob", "thank", "you", "the", "team", "a", "b"])
_SEPARATORS = st.sampled_from([" ", ", ", ". ", "\n", " - "])


@st.composite
def _notes(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, max_size=40))
    return "".join(w + draw(_SEPARATORS) for w in words)


def _difflib(a: str, b: str, names: tuple[str, ...]) -> float:
    """The ratio as it was computed before the bounds: difflib over all the words."""
    strip = {w for n in names for w in re.findall(r"\w+", n.lower())}
    wa = [w for w in re.findall(r"\w+", a.lower()) if w not in strip]
    wb = [w for w in re.findall(r"\w+", b.lower()) if w not in strip]
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


@settings(max_examples=300, deadline=None)
@given(a=_notes(), b=_notes(), names=st.sampled_from([(), ("Jane Doe",), ("Bob", "Jane")]))
def test_within_the_bounds_the_ratio_is_difflibs(a: str, b: str, names: tuple[str, ...]) -> None:
    ratio = similarity(a, b, names=names)
    assert ratio == _difflib(a, b, names)
    assert 0.0 <= ratio <= 1.0
    assert NoteComparer([b], names=names).max_ratio(a) == ratio


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(_notes(), st.text()), names=st.sampled_from([(), ("Jane Doe",)]))
def test_identical_notes_give_one(text: str, names: tuple[str, ...]) -> None:
    assert similarity(text, text, names=names) == 1.0


@settings(max_examples=200, deadline=None)
@given(a=_notes(), b=_notes(), budget=st.integers(min_value=0, max_value=30))
def test_past_the_step_budget_the_ratio_errs_high(a: str, b: str, budget: int) -> None:
    """Out of steps, the ratio is difflib's quick_ratio: never under the exact one, so a
    note too odd to compare in time is flagged rather than let through."""
    none: frozenset[str] = frozenset()
    wa, wb = _bounded(a, none), _Indexed(_bounded(b, none))
    ratio = _ratio(wa, wb, budget=budget)
    assert _difflib(a, b, ()) <= ratio <= 1.0
    if wa.words or wb.note.words:
        quick = SequenceMatcher(None, wa.words, wb.note.words, autojunk=False).quick_ratio()
        assert ratio in (_difflib(a, b, ()), quick)


def test_repetitive_notes_run_out_of_steps_and_are_flagged() -> None:
    """difflib took 4.7 s on these at 1,000 words each (0.50 alike); the budget stops it,
    and the bound from word counts says 1.0: the same words, so flagged, never let through."""
    a, b = "a b " * 500, "a " * 500 + "b " * 500
    none: frozenset[str] = frozenset()
    assert _matched(_bounded(a, none).words, _Indexed(_bounded(b, none)), MAX_STEPS) is None
    start = time.process_time()
    assert too_similar(a, [("Bob", b)], threshold=0.8) == SimilarNote("Bob", 1.0)
    assert time.process_time() - start < WELL_UNDER
