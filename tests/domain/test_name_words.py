"""Titles, degrees and generations around a name: one person, greeted by name."""

from __future__ import annotations

import pytest

from pursuit.domain.drafts import follow_up_draft, thank_you_draft, with_talking_point
from pursuit.domain.name_words import greeting_name, is_only_after_name, tidy_name
from pursuit.domain.people import Person, PersonParseError, parse_people, parse_person


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The line: one interviewer owed one note, not a second one called "PhD".
        ("Dr. Jane Smith, PhD (Chief Scientist)", (Person("Dr. Jane Smith", "Chief Scientist"),)),
        ("Dr. Jane Smith PhD", (Person("Dr. Jane Smith"),)),
        ("Jane Smith, PhD, MBA (CTO), Bob", (Person("Jane Smith", "CTO"), Person("Bob"))),
        (
            "Jane Smith, Jr. (EM), Bob Lee III",
            (Person("Jane Smith Jr.", "EM"), Person("Bob Lee III")),
        ),
        ("john smith jr", (Person("john smith Jr."),)),
        ("Ann (CTO), PhD and Bo", (Person("Ann", "CTO"), Person("Bo"))),
        ("Prof. Ann Lee, M.D., Bo (EM)", (Person("Prof. Ann Lee"), Person("Bo", "EM"))),
        # "Ma" and "MA" are surnames; only spellings that are never a name are degrees.
        ("Jack Ma, Ann", (Person("Jack Ma"), Person("Ann"))),
        ("Ann, Ma", (Person("Ann"), Person("Ma"))),
        # A degree with nobody before it is all there is to go by.
        ("PhD, Ann", (Person("PhD"), Person("Ann"))),
        ("Dr.", (Person("Dr."),)),
        # The same person twice, once with a degree, is one person.
        ("Ann Lee, PhD, Ann Lee", (Person("Ann Lee"),)),
    ],
)
def test_people_with_titles_and_degrees(text: str, expected: tuple[Person, ...]) -> None:
    assert parse_people(text) == expected


def test_two_roles_for_one_person_is_an_error() -> None:
    with pytest.raises(PersonParseError, match="two roles for Ann"):
        parse_people("Ann (CTO), PhD (Chief Scientist)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Jane Smith, PhD", Person("Dr. Jane Smith")),
        ("Jane Smith, PhD, CTO", Person("Jane Smith", "CTO")),
        ("John Smith, Jr.", Person("John Smith Jr.")),
        ("Jane Smith, CTO", Person("Jane Smith", "CTO")),
    ],
)
def test_one_person_with_degrees(text: str, expected: Person) -> None:
    assert parse_person(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("PhD", True), ("MBA, CPA", True), ("Jr.", True), ("III", True), ("CTO", False), ("", False)],
)
def test_only_after_name(text: str, expected: bool) -> None:
    assert is_only_after_name(text) is expected


@pytest.mark.parametrize(
    ("name", "tidy", "greeting"),
    [
        ("Dr. Jane Smith", "Dr. Jane Smith", "Jane"),
        ("Dr. Smith", "Dr. Smith", "Dr. Smith"),
        ("Prof. Dr. Smith", "Prof. Dr. Smith", "Prof. Dr. Smith"),
        ("Jane Smith PhD", "Jane Smith", "Jane"),
        ("Sir Tim Berners-Lee", "Sir Tim Berners-Lee", "Tim"),
        ("Ann", "Ann", "Ann"),
        ("Dr", "Dr", "Dr"),
    ],
)
def test_tidy_and_greeting(name: str, tidy: str, greeting: str) -> None:
    assert tidy_name(name) == tidy
    assert greeting_name(tidy) == greeting


def test_drafts_greet_by_name_not_title() -> None:
    note = thank_you_draft(name="Dr. Jane Smith", company="Acme", role="SRE", talking_point=None)
    assert note.startswith("Dear Jane,")
    assert with_talking_point(note, name="Dr. Jane Smith", point="the pager").count("pager") == 1
    assert follow_up_draft(name="Dr. Smith", role="SRE", company="Acme").startswith(
        "Dear Dr. Smith,"
    )


def test_a_draft_from_before_keeps_taking_its_talking_point() -> None:
    # Written when the greeting was the first word ("Dr."): the placeholder names "Dr.".
    old = thank_you_draft(name="Dr.", company="Acme", role="SRE", talking_point=None)
    updated = with_talking_point(old, name="Dr. Jane Smith", point="the pager")
    assert "the pager" in updated
