"""Lengths of time and cadences: "90 days", "2w", "every 3 months", "quarterly"."""

from __future__ import annotations

import re

from dateutil.relativedelta import relativedelta

from pursuit.domain.dates.errors import _duration_error
from pursuit.domain.dates.words import (
    _MAX_INPUT,
    _NUMBER_WORDS,
    _UNITS,
    _alternation,
    _amount,
    _Unit,
)

__all__ = [
    "parse_duration",
]

# --- parse_duration -----------------------------------------------------------------------

# (unit, amount) rather than relativedelta objects, which are mutable and must not be shared.
_CADENCE_WORDS: dict[str, tuple[_Unit, int]] = {
    "daily": ("days", 1),
    "weekly": ("weeks", 1),
    "fortnightly": ("weeks", 2),
    "monthly": ("months", 1),
    "quarterly": ("months", 3),
    "yearly": ("years", 1),
    "annually": ("years", 1),
}
_DURATION_UNITS: dict[str, _Unit] = {
    word: unit for word, unit in _UNITS.items() if unit not in ("minutes", "hours")
}
_DURATION = re.compile(
    rf"(?:(?P<n>[0-9]{{1,6}}) ?|(?P<w>{_alternation(dict(_NUMBER_WORDS))}) )?"
    rf"(?P<unit>{_alternation(dict(_DURATION_UNITS))})"
)
# Roughly a hundred years in each unit: longer cadences are typos, and the bound keeps date
# arithmetic from overflowing later.
_DURATION_LIMIT: dict[_Unit, int] = {"days": 36_525, "weeks": 5_218, "months": 1_200, "years": 100}


def parse_duration(text: str) -> relativedelta:
    """Read a positive length of time or cadence ("90 days", "2w", "every 3 months", "quarterly").

    Raises `DateParseError` for anything else, including zero and negative lengths.
    """
    if len(text) > _MAX_INPUT:
        raise _duration_error(text, "too long")
    s = " ".join(text.strip().lower().split())
    every = s.startswith("every ")
    s = s.removeprefix("every ")
    if s in _CADENCE_WORDS and not every:
        return _span(*_CADENCE_WORDS[s])
    if s.startswith("other ") and every:
        # "every other week"
        s = "2 " + s.removeprefix("other ")
    if s.startswith("-"):
        raise _duration_error(text, "it must be longer than zero")
    m = _DURATION.fullmatch(s)
    # A unit without a number reads only as a cadence: "every week", not a bare "week".
    if m is None or (m["n"] is None and m["w"] is None and not every):
        raise _duration_error(text)
    amount = 1 if m["n"] is None and m["w"] is None else _amount(m)
    unit = _DURATION_UNITS[m["unit"]]
    if amount <= 0:
        raise _duration_error(text, "it must be longer than zero")
    if amount > _DURATION_LIMIT[unit]:
        raise _duration_error(text, "longer than 100 years")
    return _span(unit, amount)


def _span(unit: _Unit, amount: int) -> relativedelta:
    if unit == "days":
        return relativedelta(days=amount)
    if unit == "weeks":
        return relativedelta(weeks=amount)
    if unit == "months":
        return relativedelta(months=amount)
    if unit == "years":
        return relativedelta(years=amount)
    raise ValueError(f"not a calendar unit: {unit}")
