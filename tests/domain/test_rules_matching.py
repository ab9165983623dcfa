"""Company and person names as typed, in the app and on the command line: case and
accents ignored, a unique start of a company, any part of a person's name."""

from __future__ import annotations

import pytest

from pursuit.domain.matching import MatchError, fold, match_name, name_key

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


ACCENTED = [(1, "Café Réseau"), (2, "Zoë & Co"), (3, "Acme Robotics"), (4, "Acme Labs")]
PEOPLE = [(1, "Zoë Martin"), (2, "Seán O'Brien"), (3, "Bob Lee"), (4, "Anne-Marie Dupré")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("cafe reseau", 1),
        ("CAFE", 1),
        ("café réseau", 1),
        ("Cafe\u0301", 1),  # a decomposed accent
        ("zoe", 2),
        # Nothing starts with it: a unique word of the name will do.
        ("robotics", 3),
        ("reseau", 1),
    ],
)
def test_companies_match_without_case_or_accents(text: str, found: int) -> None:
    assert match_name(text, ACCENTED) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("o'brien", 2),
        ("O’Brien", 2),  # a typographic apostrophe
        ("obrien", 2),
        ("sean", 2),
        ("zoe martin", 1),
        ("martin", 1),
        ("lee", 3),
        ("marie", 4),
        ("dupre", 4),
    ],
)
def test_a_person_is_found_by_any_part_of_their_name(text: str, found: int) -> None:
    assert match_name(text, PEOPLE, what="person") == found


def test_a_part_shared_by_two_people_names_both() -> None:
    with pytest.raises(MatchError, match="matches several: Bob Lee, Lee Ann"):
        match_name("lee", [(1, "Bob Lee"), (2, "Lee Ann")], what="person")


def test_fold() -> None:
    assert fold("  Seán  O’Brien ") == fold("sean obrien") == "sean obrien"
    assert fold("Zoë") == "zoe"
