"""How a cadence is put into words for people (the reject question, the timeline)."""

from __future__ import annotations

import pytest

from pursuit.domain.cadence import parse_cadence


@pytest.mark.parametrize(
    "typed, words",
    [
        ("90d", "every 90 days"),
        ("90 days", "every 90 days"),
        ("1w", "every week"),
        ("3 months", "every 3 months"),
        ("quarterly", "quarterly"),
        ("every 2 weeks", "every 2 weeks"),
        ("FREQ=DAILY;INTERVAL=90", "every 90 days"),
        ("RRULE:FREQ=MONTHLY", "every month"),
        ("RRULE:FREQ=MONTHLY;BYDAY=1MO", "on a custom schedule"),
    ],
)
def test_describe(typed: str, words: str) -> None:
    assert parse_cadence(typed).describe() == words
