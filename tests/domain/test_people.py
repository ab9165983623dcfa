"""Reading interviewer and contact names with optional roles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pursuit.domain.people import Person, PersonParseError, parse_people, parse_person


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", Person("Jane Doe")),
        ("  Jane   Doe  ", Person("Jane Doe")),
        ("Jane Doe, EM", Person("Jane Doe", "EM")),
        ("Jane Doe,EM", Person("Jane Doe", "EM")),
        ("Jane Doe (EM)", Person("Jane Doe", "EM")),
        ("Jane Doe(EM)", Person("Jane Doe", "EM")),
        ("Jane Doe (Head of Platform, EMEA)", Person("Jane Doe", "Head of Platform, EMEA")),
        ("Jane Doe ()", Person("Jane Doe")),
        ("Jane Doe, ", Person("Jane Doe")),
        ("Dr. Zoë Ångström-Okafor", Person("Dr. Zoë Ångström-Okafor")),
        ("Jane, Doe, EM", Person("Jane", "Doe, EM")),
        # A role with brackets of its own is kept whole, after a comma or in brackets.
        (
            "José Müller-Lüdenscheidt, Head of Platform Engineering & Infrastructure (EMEA)",
            Person(
                "José Müller-Lüdenscheidt", "Head of Platform Engineering & Infrastructure (EMEA)"
            ),
        ),
        ("Ann Li, EM (Payments), London", Person("Ann Li", "EM (Payments), London")),
        ("Ann Li (Head of Infra (EMEA))", Person("Ann Li", "Head of Infra (EMEA)")),
        ("Ann Li (Head of Infra (EMEA), Berlin)", Person("Ann Li", "Head of Infra (EMEA), Berlin")),
    ],
)
def test_parse_person(text: str, expected: Person) -> None:
    assert parse_person(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "no name given"),
        ("   ", "no name given"),
        (", EM", 'no name in ", EM"'),
        ("(EM)", 'no name in "(EM)"'),
        ("Jane Doe (EM", "unbalanced brackets"),
        ("Jane Doe EM)", "unbalanced brackets"),
        ("Jane (EM) Doe", "the role in brackets goes last"),
        ("Jane Doe (EM) (Berlin)", "the role in brackets goes last"),
        ("Jane Doe, Head of (EMEA", "unbalanced brackets"),
        ("Jane Doe (Head of (EMEA)", "unbalanced brackets"),
    ],
)
def test_parse_person_errors(text: str, fragment: str) -> None:
    with pytest.raises(PersonParseError) as caught:
        parse_person(text)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_person_parse_error_is_a_value_error() -> None:
    assert issubclass(PersonParseError, ValueError)


@pytest.mark.parametrize(
    ("person", "shown"),
    [(Person("Jane Doe", "EM"), "Jane Doe (EM)"), (Person("Bob Lee"), "Bob Lee")],
)
def test_person_str(person: Person, shown: str) -> None:
    assert str(person) == shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann", (Person("Ann"),)),
        ("Jane Doe (EM), Bob Lee", (Person("Jane Doe", "EM"), Person("Bob Lee"))),
        ("Jane Doe (EM) and Bob Lee", (Person("Jane Doe", "EM"), Person("Bob Lee"))),
        ("Jane Doe (EM) & Bob Lee", (Person("Jane Doe", "EM"), Person("Bob Lee"))),
        (
            "Jane Doe (EM), Bob Lee AND Ann Li (recruiter)",
            (Person("Jane Doe", "EM"), Person("Bob Lee"), Person("Ann Li", "recruiter")),
        ),
        # In a list, commas separate people, so a role goes only in brackets.
        ("Jane Doe, EM", (Person("Jane Doe"), Person("EM"))),
        # Separators inside brackets belong to the role.
        (
            "Jane Doe (VP, platform and infra), Bob",
            (Person("Jane Doe", "VP, platform and infra"), Person("Bob")),
        ),
        # "and" only as a word: Andrew and Alexandra keep their names.
        ("Andrew Sand, Alexandra Anders", (Person("Andrew Sand"), Person("Alexandra Anders"))),
        ("Ann, , Bob,", (Person("Ann"), Person("Bob"))),
        # One thank-you note per person: a repeated name is one person.
        ("Ann (EM), ann, Bob", (Person("Ann", "EM"), Person("Bob"))),
        (
            "José (Head of Platform & Infra (EMEA)), Bob",
            (Person("José", "Head of Platform & Infra (EMEA)"), Person("Bob")),
        ),
    ],
)
def test_parse_people(text: str, expected: tuple[Person, ...]) -> None:
    assert parse_people(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "no names given"),
        (" , and ", "no names given"),
        ("Ann, (EM)", 'no name in "(EM)"'),
        ("Ann (EM, Bob", "unbalanced brackets"),
    ],
)
def test_parse_people_errors(text: str, fragment: str) -> None:
    with pytest.raises(PersonParseError) as caught:
        parse_people(text)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("Ab ,()&-éand\n"), max_size=40) | st.text())
def test_people_parsers_read_or_raise_their_own_error(text: str) -> None:
    for parse in (parse_person, parse_people):
        try:
            result = parse(text)
        except PersonParseError as exc:
            assert "\n" not in str(exc)
        else:
            people = result if isinstance(result, tuple) else (result,)
            assert people
            for person in people:
                assert person.name and person.name == person.name.strip()
                assert person.role is None or person.role.strip() == person.role != ""
