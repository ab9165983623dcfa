"""R6: professional channels only; gimmicks hurt more than they help."""

from __future__ import annotations

import re
from enum import StrEnum


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    LETTER = "letter"
    MESSAGE = "message"
    MEETING = "meeting"


_GIMMICKS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            "an uninvited visit",
            r"\b(drop(ping)?\s+by|stop(ping)?\s+by|show(ing)?\s+up|turn(ing)?\s+up|"
            r"swing\s+by|pop(ping)?\s+in|walk[- ]in|uninvited|unannounced|"
            r"visit(ing)?\s+(the|their|your)\s+(office|building|hq|headquarters))\b",
        ),
        ("a gift", r"\b(gifts?|present\s+for|flowers|bouquet|chocolates?|cookies|cupcakes)\b"),
        ("a care package", r"\b(care\s+package|gift\s+basket|hamper|goodie\s+bag|swag)\b"),
        ("a birthday present", r"\bbirthday\b"),
    )
)


def gimmick_warnings(text: str) -> list[str]:
    """Why a planned follow-up reads like a gimmick; empty when it does not."""
    found = [reason for reason, pattern in _GIMMICKS if pattern.search(text)]
    return [
        f"mentions {reason}: keep follow-ups to email, phone, letter or a message"
        for reason in found
    ]


def parse_channel(text: str) -> Channel:
    try:
        return Channel(text.strip().lower())
    except ValueError:
        names = ", ".join(c.value for c in Channel)
        raise ValueError(f'unknown channel "{text.strip()}"; use one of: {names}') from None
