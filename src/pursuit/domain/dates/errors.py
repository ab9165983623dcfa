"""The error a typed date or duration raises, and its one-line messages."""

from __future__ import annotations

import re
from difflib import get_close_matches

from pursuit.domain.dates.words import (
    _LEADING_FILLER,
    _MONTH_NAMES,
    _MONTHS,
    _NUMBER_WORDS,
    _UNITS,
    _WEEKDAYS,
)

__all__ = [
    "DateParseError",
]

_EXAMPLES = 'try "tomorrow 14:00", "fri", "in 2 weeks", "dec 15" or "2026-12-01 09:30"'
_DURATION_EXAMPLES = 'try "90 days", "2 weeks", "3 months", "every 90 days" or "quarterly"'


class DateParseError(ValueError):
    """Typed text could not be read as a date, time or duration; the message is one line."""


# --- messages -----------------------------------------------------------------------------


def _shown(text: str) -> str:
    # Whatever was typed, the message must stay on one line and the hint must stay visible.
    flat = " ".join(text.split())
    flat = "".join(ch if ch.isprintable() else "?" for ch in flat)
    return flat if len(flat) <= 40 else flat[:39] + "…"


def _date_error(text: str, reason: str | None = None, *, hint: str = _EXAMPLES) -> DateParseError:
    if not text.strip():
        return DateParseError(f"no date given; {hint}")
    if reason is None:
        reason = _near_miss(text)
    why = f" ({reason})" if reason else ""
    return DateParseError(f'can\'t read "{_shown(text)}" as a date{why}; {hint}')


# Words worth suggesting for a near miss ("tomorow" -> "tomorrow").
_SUGGESTIONS = (
    "today",
    "tomorrow",
    "tonight",
    "yesterday",
    "noon",
    "midnight",
    "next",
    "last",
    "this",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "days",
    "hours",
    "minutes",
    "ago",
    "after",
    "morning",
    "afternoon",
    "evening",
    "lunchtime",
    "early",
    "late",
    "end",
    "beginning",
    "middle",
    *(name.lower() for name in _MONTH_NAMES),
    *(word for word in _WEEKDAYS if len(word) > 4),
)
_KNOWN = frozenset(
    {
        *_SUGGESTIONS,
        *_MONTHS,
        *_WEEKDAYS,
        *_UNITS,
        *_NUMBER_WORDS,
        *_LEADING_FILLER,
        *(
            [
                "the",
                "of",
                "in",
                "from",
                "now",
                "tmrw",
                "am",
                "pm",
                "st",
                "nd",
                "rd",
                "th",
                "mid",
                "start",
                "to",
                "until",
                "till",
                "eod",
            ]
        ),
        *(["cob", "close", "business", "day"]),
    }
)


def _near_miss(text: str) -> str | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) < 3 or word in _KNOWN:
            continue
        close = get_close_matches(word, _SUGGESTIONS, n=1, cutoff=0.75)
        if close:
            return f'did you mean "{close[0]}"?'
    return None


def _duration_error(text: str, reason: str | None = None) -> DateParseError:
    if not text.strip():
        return DateParseError(f"no duration given; {_DURATION_EXAMPLES}")
    why = f" ({reason})" if reason else ""
    return DateParseError(f'can\'t read "{_shown(text)}" as a duration{why}; {_DURATION_EXAMPLES}')
