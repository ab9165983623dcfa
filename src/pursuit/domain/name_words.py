"""The words around a person's name: titles before it ("Dr.", "Prof."), degrees and
credentials after it ("PhD", "MBA"), and generations ("Jr.", "III").

A title is how the person is addressed, so it stays part of the name, and a draft greets
"Dear Jane" or "Dear Dr. Smith", never "Dear Dr.". A generation is part of the name too,
spelt one way. A degree is neither a name nor a person: it is dropped, so "Dr. Jane
Smith, PhD" is one interviewer owed one note, not a second one called "PhD".
"""

from __future__ import annotations

__all__ = ["greeting_name", "is_only_after_name", "tidy_name"]

_TITLES = frozenset(
    {"dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "rev"}
)
# Only spellings that are never a name of their own ("MA" is a surname, so it is not here).
_DEGREES = frozenset(
    {
        "phd",
        "ph.d",
        "dphil",
        "md",
        "m.d",
        "mba",
        "msc",
        "m.sc",
        "bsc",
        "b.sc",
        "jd",
        "j.d",
        "esq",
        "cpa",
        "cfa",
        "pmp",
        "edd",
        "dds",
    }
)
_GENERATIONS = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}


def _key(word: str) -> str:
    return word.casefold().strip(",").rstrip(".")


def is_only_after_name(text: str) -> bool:
    """Whether `text` is only degrees and generations ("PhD", "Jr.", "MBA, CPA"): what
    follows a comma after a name, which is no person and no role of its own."""
    words = text.replace(",", " ").split()
    return bool(words) and all(_key(w) in _DEGREES or _key(w) in _GENERATIONS for w in words)


def tidy_name(name: str) -> str:
    """`name` without degrees, its generation spelt one way: "Dr. Jane Smith PhD" is
    "Dr. Jane Smith", "john smith jr" is "john smith Jr.". A name that is nothing but such
    words keeps its first one: it is all there is to go by."""
    words = name.split()
    generation: list[str] = []
    while len(words) > 1 and (_key(words[-1]) in _DEGREES or _key(words[-1]) in _GENERATIONS):
        last = _key(words.pop())
        if last in _GENERATIONS and not generation:
            generation.append(_GENERATIONS[last])
    return " ".join(words + generation)


def greeting_name(name: str) -> str:
    """What a note says after "Dear": the first name ("Jane" for "Dr. Jane Smith"), or
    the title and surname when that is all there is ("Dr. Smith")."""
    words = name.split()
    titles = 0
    while titles < len(words) - 1 and _key(words[titles]) in _TITLES:
        titles += 1
    rest = words[titles:]
    if titles and len(rest) == 1:
        return " ".join(words)
    return rest[0] if rest else name
