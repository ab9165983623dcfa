"""Finding a company or a person from what was typed: case and accents ignored.

"cafe" finds "Café Réseau", "o'brien" and "obrien" find "Seán O'Brien". A company is
found by its whole name or a unique start of it; a person also by any part of their
name ("brien", "sean"), as people are named the way they were met.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


class MatchError(ValueError):
    """No match or several; the message names the candidates."""


def name_key(name: str) -> str:
    """How a company's name is kept unique in the file: case-insensitive, as typed
    otherwise. Stored, so it must not change; matching uses `fold`."""
    return " ".join(name.casefold().split())


# Letters of other scripts drawn like Latin ones (Unicode's confusables, the common part):
# "Аcme" with a Cyrillic А looks exactly like "Acme".
_LOOK_ALIKES = str.maketrans(
    {
        **dict(zip("АВЕКМНОРСТХаеорсухіјѕԁԛԝӏ", "ABEKMHOPCTXaeopcyxijsdqwl", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαεικνορτυχ", "ABEZHIKMNOPTYXaeiknoptux", strict=True)),
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ħ": "h",
    }
)


def skeleton(name: str) -> str:
    """What a name looks like: accents dropped, look-alike letters of other scripts read as
    Latin, case and spacing ignored. Two names with one skeleton and two name keys look the
    same and are not ("Acme", "Аcme", "Acmé")."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return name_key(bare.translate(_LOOK_ALIKES))


def fold(text: str) -> str:
    """Text for comparing what people type: no case, no accents, no apostrophes, one
    space between words ("Seán O’Brien" → "sean obrien", "Nestle" finds "Nestlé")."""
    if text.isascii():  # most names: no decomposition to do (a search holds thousands)
        return " ".join(text.casefold().replace("'", "").split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("'", "").split())


def _words(folded: str) -> list[str]:
    """The name from the start of each of its words (and each part of a hyphenated one)."""
    return [
        folded[i:] for i in range(1, len(folded)) if folded[i - 1] in " -(/" and folded[i] != " "
    ]


def match_name(
    text: str,
    candidates: Sequence[tuple[int, str]],
    *,
    what: str = "company",
    any_word: bool | None = None,
) -> int:
    """The id of the one candidate whose name is `text` or starts with it, ignoring case
    and accents (the name as typed, accents and all, wins over one that differs only by
    them); with `any_word` (the default for a person), or when no name starts with it, a
    unique candidate with a word that starts with it."""
    typed = name_key(text)
    key = fold(text)
    if not typed or not key:
        raise MatchError(f"empty {what} name")
    if any_word is None:
        any_word = what == "person"
    exact = [cid for cid, name in candidates if name_key(name) == typed]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise MatchError(f'several {what} entries are named "{text}"')
    # One pass: fold is the costly part, and a search holds thousands of names.
    folded = [(cid, name, fold(name)) for cid, name in candidates]
    exact = [cid for cid, _name, f in folded if f == key]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        names = ", ".join(sorted(name for cid, name, _f in folded if cid in exact)[:8])
        raise MatchError(f'"{text}" matches several: {names}; type the name exactly')
    prefixed = [(cid, name) for cid, name, f in folded if f.startswith(key)]
    if any_word or not prefixed:
        prefixed += [
            (cid, name)
            for cid, name, f in folded
            if not f.startswith(key) and any(w.startswith(key) for w in _words(f))
        ]
    if len(prefixed) == 1:
        return prefixed[0][0]
    if prefixed:
        names = ", ".join(sorted(name for _, name in prefixed)[:8])
        raise MatchError(f'"{text}" matches several: {names}; type more of the name')
    known = sorted(name for _, name in candidates)
    hint = f"; known: {', '.join(known[:8])}{' …' if len(known) > 8 else ''}" if known else ""
    raise MatchError(f'no {what} matches "{text}"{hint}')
