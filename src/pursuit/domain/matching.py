"""Finding a company or a person from what was typed: case-insensitive, unique prefix."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


class MatchError(ValueError):
    """No match or several; the message names the candidates."""


def name_key(name: str) -> str:
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


def match_name(text: str, candidates: Sequence[tuple[int, str]], *, what: str = "company") -> int:
    """The id of the one candidate whose name is `text` or starts with it."""
    key = name_key(text)
    if not key:
        raise MatchError(f"empty {what} name")
    exact = [cid for cid, name in candidates if name_key(name) == key]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise MatchError(f'several {what} entries are named "{text}"')
    prefixed = [(cid, name) for cid, name in candidates if name_key(name).startswith(key)]
    if len(prefixed) == 1:
        return prefixed[0][0]
    if prefixed:
        names = ", ".join(sorted(name for _, name in prefixed)[:8])
        raise MatchError(f'"{text}" matches several: {names}; type more of the name')
    known = sorted(name for _, name in candidates)
    hint = f"; known: {', '.join(known[:8])}{' …' if len(known) > 8 else ''}" if known else ""
    raise MatchError(f'no {what} matches "{text}"{hint}')
