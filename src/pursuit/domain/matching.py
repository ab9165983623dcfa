"""Finding a company or a person from what was typed: case-insensitive, unique prefix."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


class MatchError(ValueError):
    """No match or several; the message names the candidates."""


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def fold(name: str) -> str:
    """A name as matching compares it: any case, accents and spacing ("Nestle" finds
    "Nestlé", "ORACLE" finds "Oracle")."""
    if name.isascii():
        return name_key(name)
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return name_key(bare)


def match_name(text: str, candidates: Sequence[tuple[int, str]], *, what: str = "company") -> int:
    """The id of the one candidate whose name is `text` or starts with it (any case, any
    accents); the name as typed, accents and all, wins over one that differs only by them."""
    key = name_key(text)
    if not key:
        raise MatchError(f"empty {what} name")
    exact = [cid for cid, name in candidates if name_key(name) == key]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise MatchError(f'several {what} entries are named "{text}"')
    folded = fold(text)
    # One pass: fold is the costly part, and a search holds thousands of names.
    prefixed = [(cid, name) for cid, name in candidates if fold(name).startswith(folded)]
    exact = [cid for cid, name in prefixed if fold(name) == folded]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        names = ", ".join(sorted(name for cid, name in candidates if cid in exact)[:8])
        raise MatchError(f'"{text}" matches several: {names}; type the name exactly')
    if len(prefixed) == 1:
        return prefixed[0][0]
    if prefixed:
        names = ", ".join(sorted(name for _, name in prefixed)[:8])
        raise MatchError(f'"{text}" matches several: {names}; type more of the name')
    known = sorted(name for _, name in candidates)
    hint = f"; known: {', '.join(known[:8])}{' …' if len(known) > 8 else ''}" if known else ""
    raise MatchError(f'no {what} matches "{text}"{hint}')
