"""Reading the people a user names: interviewers and contacts, with an optional role.

Pure text handling; storing people as contacts is the store's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pursuit.domain.name_words import is_only_after_name, tidy_name

__all__ = ["Person", "PersonParseError", "parse_people", "parse_person"]

_PERSON_EXAMPLES = 'write "Jane Doe", "Jane Doe, EM" or "Jane Doe (EM)"'
_PEOPLE_EXAMPLES = 'write "Jane Doe (EM), Bob Lee" or "Jane Doe (EM) and Bob Lee"'


class PersonParseError(ValueError):
    """A person's name could not be read; the message is one line."""


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


def _shown(text: str) -> str:
    # Keep messages on one line and short whatever was typed.
    flat = " ".join(text.split())
    flat = "".join(ch if ch.isprintable() else "?" for ch in flat)
    return flat if len(flat) <= 40 else flat[:39] + "…"


def _tidy(text: str) -> str:
    return " ".join(text.split())


def parse_person(text: str) -> Person:
    """Read "Jane Doe", "Jane Doe, EM" or "Jane Doe (EM)"."""
    return _parse_one(text, role_after_comma=True, examples=_PERSON_EXAMPLES)


def _parse_one(text: str, *, role_after_comma: bool, examples: str) -> Person:
    flat = _tidy(text)
    head, comma, tail = flat.partition(",")
    if role_after_comma and comma:
        # "Jane Smith, PhD, CTO": degrees after the name are neither a role nor a person.
        parts = tail.split(",")
        while parts and is_only_after_name(parts[0]):
            head = f"{head} {parts.pop(0)}"
        tail, comma = ",".join(parts), "," if parts else ""
        flat = f"{head},{tail}" if parts else head
    if role_after_comma and comma and "(" not in head and ")" not in head:
        # "Name, role": everything after the first comma is the role, brackets and all
        # ("Head of Platform Engineering & Infrastructure (EMEA)" stays one role).
        name, role = head.strip(), tail.strip()
        if role.count("(") != role.count(")"):
            raise PersonParseError(
                f'can\'t read "{_shown(text)}" (unbalanced brackets); {examples}'
            )
    elif "(" in flat or ")" in flat:
        name, role = _bracketed(flat, text, examples)
    else:
        name, role = flat, ""
    if not name:
        if not text.strip():
            raise PersonParseError(f"no name given; {examples}")
        raise PersonParseError(f'no name in "{_shown(text)}"; {examples}')
    return Person(name=tidy_name(name), role=role or None)


def _bracketed(flat: str, text: str, examples: str) -> tuple[str, str]:
    """ "Name (role)": the first bracket opens the role and its partner closes the text, so
    a role may hold brackets of its own ("Ann (Head of Infra (EMEA))")."""
    depth = 0
    opened = flat.find("(")
    for index, ch in enumerate(flat):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                break
            if depth == 0 and index >= opened >= 0:
                if flat[index + 1 :].strip():
                    why = "the role in brackets goes last"
                    raise PersonParseError(f'can\'t read "{_shown(text)}" ({why}); {examples}')
                return flat[:opened].strip(), _tidy(flat[opened + 1 : index])
    raise PersonParseError(f'can\'t read "{_shown(text)}" (unbalanced brackets); {examples}')


def parse_people(text: str) -> tuple[Person, ...]:
    """Read a list such as "Jane Doe (EM), Bob Lee" or "Jane Doe (EM) and Bob Lee".

    Commas and "and"/"&" separate people, so in a list a role is given only in brackets.
    The same name twice (any case) is one person: each interviewer gets one thank-you note.
    """
    pieces = _split_top_level(text)
    people: list[Person] = []
    seen: set[str] = set()
    for piece in pieces:
        # Stray separators ("Ann, , Bob", a trailing comma) are slips, not people.
        if not piece.strip():
            continue
        if people and is_only_after_name(piece.split("(")[0]):
            # "Dr. Jane Smith, PhD (Chief Scientist)": the "PhD" is hers, not a second
            # interviewer owed a thank-you note; a role in its brackets is hers too.
            people[-1] = _with_suffix(people[-1], piece, text)
            seen.add(people[-1].name.casefold())
            continue
        person = _parse_one(piece, role_after_comma=False, examples=_PEOPLE_EXAMPLES)
        key = person.name.casefold()
        if key not in seen:
            seen.add(key)
            people.append(person)
    if not people:
        raise PersonParseError(f"no names given; {_PEOPLE_EXAMPLES}")
    return tuple(people)


def _with_suffix(person: Person, piece: str, text: str) -> Person:
    """`person` with what followed their name after a comma: a generation joins the name,
    a degree goes, a role in brackets is theirs unless they have one already."""
    after = _parse_one(piece, role_after_comma=False, examples=_PEOPLE_EXAMPLES)
    name = tidy_name(f"{person.name} {after.name}")
    if after.role and person.role and after.role.casefold() != person.role.casefold():
        raise PersonParseError(
            f'two roles for {_shown(name)} in "{_shown(text)}"; give one, as in "Jane Doe (EM)"'
        )
    return Person(name=name, role=person.role or after.role)


_SEPARATOR = re.compile(r",|(?<!\S)(?:and|&)(?!\S)", re.IGNORECASE)


def _split_top_level(text: str) -> list[str]:
    # Separators inside brackets belong to a role: "Ann (EM, platform and infra)".
    depth = 0
    depths: list[int] = []
    for ch in text:
        if ch == "(":
            depth += 1
        depths.append(depth)
        if ch == ")":
            depth = max(depth - 1, 0)
    pieces: list[str] = []
    start = 0
    for m in _SEPARATOR.finditer(text):
        if depths[m.start()] == 0:
            pieces.append(text[start : m.start()])
            start = m.end()
    pieces.append(text[start:])
    return pieces
