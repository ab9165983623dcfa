"""`fold(text)` as a PostgreSQL function that gives what `domain.matching.fold` gives.

SQLite calls the Python function itself (sqlite.connect registers it); the server cannot,
so the same steps are written in SQL, with their character sets generated here from
Python's own tables rather than typed by hand: quotes made one ('), NFKD, combining marks
dropped, case folded, apostrophes dropped, any run of whitespace one space. The
`unaccent` extension was the other choice; it is not installed everywhere, needs a
privilege to install, and maps some letters differently from NFKD (a test compares this
function with Python's on every Latin, Greek and Cyrillic letter).
"""

from __future__ import annotations

import sys
import unicodedata
from functools import cache

# What matching._QUOTES turns into an apostrophe (only for text that is not all ASCII).
_QUOTES = "’‘`´"
# Where case folding is more than lowering (ß -> ss, ς -> σ, ſ -> s): fixed after lower().
# Scripts past U+2000 fold as they lower, except Cherokee, whose folding goes the other
# way and is left out of names people type here.
_FOLD_BELOW = 0x2000


def _ranges(codes: list[int]) -> str:
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(_u(start) if start == prev else f"{_u(start)}-{_u(prev)}")
        start = prev = code
    return "".join(parts)


def _u(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@cache
def fold_sql(lower_collation: str) -> str:
    """CREATE FUNCTION fold(text) ('' for NULL, as sqlite.connect's does): `lower_collation` is one whose lower() knows Unicode
    case (the schema picks it: the columns themselves are "C", whose lower() is ASCII)."""
    every = range(sys.maxunicode + 1)
    space = _ranges([c for c in every if chr(c).isspace()])
    marks = _ranges([c for c in every if unicodedata.combining(chr(c))])
    lowered = f'lower(t COLLATE "{lower_collation}")'
    for code in range(_FOLD_BELOW):
        ch = chr(code)
        folded = ch.casefold()
        if ch.lower() == ch and folded != ch and not any(map(unicodedata.combining, folded)):
            lowered = f"replace({lowered}, {_literal(ch)}, {_literal(folded)})"
    ascii_path = "replace(lower(t), '''', '')"
    plain = (
        f"regexp_replace(normalize(translate(t, {_literal(_QUOTES)}, ''''''''), NFKD), "
        f"E'[{marks}]+', '', 'g')"
    )
    other_path = f"replace({lowered.replace('(t COLLATE', f'({plain} COLLATE')}, '''', '')"
    return f"""
CREATE FUNCTION fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $fold$
SELECT coalesce(btrim(regexp_replace(
    CASE WHEN octet_length(t) = length(t) THEN {ascii_path} ELSE {other_path} END,
    E'[{space}]+', ' ', 'g'), ' '), '')
$fold$
"""
