"""R2: notes to one company must differ."""

from __future__ import annotations

import pytest

from pursuit.domain.similarity import NoteComparer, SimilarNote, similarity, too_similar

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
