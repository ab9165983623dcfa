"""Company and person names typed on the command line: case-insensitive, unique prefix."""

from __future__ import annotations

import pytest

from pursuit.domain.matching import MatchError, match_name, name_key

COMPANIES = [(1, "Acme Robotics"), (2, "Acorn"), (3, "Globex"), (4, "Acme")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Globex", 3),
        ("globex", 3),
        ("  GLOBEX ", 3),
        ("glo", 3),
        ("acor", 2),
        # An exact name wins over being a prefix of a longer one.
        ("acme", 4),
        ("ACME  robotics", 1),
        ("acme r", 1),
    ],
)
def test_match(text: str, found: int) -> None:
    assert match_name(text, COMPANIES) == found


@pytest.mark.parametrize(
    ("text", "candidates", "message"),
    [
        (
            "ac",
            COMPANIES,
            '"ac" matches several: Acme, Acme Robotics, Acorn; type more of the name',
        ),
        (
            "Initech",
            COMPANIES,
            'no company matches "Initech"; known: Acme, Acme Robotics, Acorn, Globex',
        ),
        ("Initech", [], 'no company matches "Initech"'),
        ("", COMPANIES, "empty company name"),
        ("   ", COMPANIES, "empty company name"),
        ("acme", [(1, "Acme"), (2, "ACME")], 'several company entries are named "acme"'),
    ],
)
def test_match_errors_name_the_candidates(
    text: str, candidates: list[tuple[int, str]], message: str
) -> None:
    with pytest.raises(MatchError) as caught:
        match_name(text, candidates)
    assert str(caught.value) == message


def test_long_candidate_lists_are_cut() -> None:
    many = [(i, f"Company {i:02d}") for i in range(12)]
    with pytest.raises(MatchError) as caught:
        match_name("Initech", many)
    assert str(caught.value).endswith("Company 07 …")
    with pytest.raises(MatchError, match="no person matches"):
        match_name("Zed", [(1, "Jane Doe")], what="person")


def test_name_key() -> None:
    assert name_key("  Straße  AG ") == name_key("STRASSE ag") == "strasse ag"
