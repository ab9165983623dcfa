"""R8 and R9: recurring check-ins, as a duration or any dateutil rrule.

Occurrences are computed in local wall-clock time from a fixed anchor, so a cadence that
starts on the 31st or on Feb 29 lands on the month's last day when the day is missing
(relativedelta clamps) and comes back to the 31st afterwards, and DST never shifts the
hour of a check-in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from pursuit.domain.dates.durations import parse_duration
from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.zones import local_to_utc

_MAX_STEPS = 100_000
_SIMPLE_RULE = re.compile(
    r"(?:RRULE:)?FREQ=(?P<freq>DAILY|WEEKLY|MONTHLY|YEARLY)(?:;INTERVAL=(?P<n>\d+))?"
)
_RULE_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_SHORT_DURATION = re.compile(r"(?P<n>\d+)\s*(?P<unit>d|w|mo|y)")
_SHORT_UNITS = {"d": "day", "w": "week", "mo": "month", "y": "year"}


class CadenceError(ValueError):
    """A cadence that is neither a duration nor a valid rrule."""


@dataclass(frozen=True)
class Cadence:
    text: str
    """As stored: a duration ("90d", "3 months") or an rrule ("RRULE:FREQ=MONTHLY;...")."""

    @property
    def is_rule(self) -> bool:
        return self.text.upper().startswith(("RRULE:", "FREQ="))

    @property
    def is_calendar(self) -> bool:
        """A rule tied to the calendar ("the first Monday of each quarter") keeps its
        anchor; a plain interval ("every 90 days") counts from the last check-in."""
        return self.is_rule and ";BY" in self.text.upper()

    def describe(self) -> str:
        """For people: "every 90 days", "every 3 months", "on a custom schedule"."""
        text = self.text.strip()
        match = _SIMPLE_RULE.fullmatch(text.upper())
        if match:
            unit = _RULE_UNITS[match["freq"]]
            n = int(match["n"] or 1)
            return f"every {n} {unit}s" if n != 1 else f"every {unit}"
        if self.is_rule:
            return "on a custom schedule"
        short = _SHORT_DURATION.fullmatch(text.lower())
        if short:
            n = int(short["n"])
            unit = _SHORT_UNITS[short["unit"]]
            return f"every {n} {unit}s" if n != 1 else f"every {unit}"
        if text.lower().startswith("every") or text.lower().endswith("ly"):
            return text.lower()  # "every 2 weeks", "quarterly"
        return f"every {text}"

    def after(self, anchor: datetime, after: datetime, tz: tzinfo) -> datetime:
        """The first occurrence strictly after `after`, counting from `anchor` (both aware)."""
        start = anchor.astimezone(tz).replace(tzinfo=None)
        limit = after.astimezone(tz).replace(tzinfo=None)
        if self.is_rule:
            rule = _rule(self.text, start)
            nxt = rule.after(limit, inc=False)
            if nxt is None:
                raise CadenceError(
                    f'cadence "{self.text}" has no occurrence after {limit:%Y-%m-%d}'
                )
            return local_to_utc(nxt, tz)
        step = _duration(self.text)
        # Multiply from the anchor rather than stepping from the last occurrence so that a
        # clamped month end (Jan 31 -> Feb 28) does not drag every later month to the 28th.
        for n in range(1, _MAX_STEPS):
            candidate = start + step * n
            if candidate > limit:
                return local_to_utc(candidate, tz)
        raise CadenceError(f'cadence "{self.text}" is too short')


def _rule(text: str, start: datetime) -> rrule:
    body = text if text.upper().startswith("RRULE:") else "RRULE:" + text
    try:
        rule = rrulestr(body, dtstart=start)
    except (ValueError, TypeError) as exc:
        raise CadenceError(f'can\'t read cadence "{text}": {exc}') from None
    if not isinstance(rule, rrule):
        raise CadenceError(f'cadence "{text}" must be a single rule')
    upper = body.upper()
    if (
        start.day > 28
        and ";BY" not in upper
        and ("FREQ=MONTHLY" in upper or "FREQ=YEARLY" in upper)
    ):
        # RFC 5545 skips months without the anchor's day (no Feb 31st, no Feb 29th in most
        # years). A check-in "monthly from the 31st" should land on the month's last day
        # instead: take the latest of days 28..anchor that the month has.
        yearly = "FREQ=YEARLY" in upper
        rule = rule.replace(
            bymonthday=tuple(range(28, start.day + 1)),
            bysetpos=-1,
            bymonth=(start.month,) if yearly else None,
        )
    return rule


def _duration(text: str) -> relativedelta:
    try:
        return parse_duration(text)
    except DateParseError as exc:
        raise CadenceError(str(exc)) from None


def parse_cadence(text: str) -> Cadence:
    """Check a cadence typed by a user; raises CadenceError with one line."""
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        raise CadenceError("empty cadence; try 90d, 3 months or RRULE:FREQ=MONTHLY;INTERVAL=3")
    if cleaned.upper().startswith(("RRULE:", "FREQ=")):
        upper = cleaned.upper()
        rule_text = upper if upper.startswith("RRULE:") else "RRULE:" + upper
        _rule(rule_text, datetime(2000, 1, 1))
        return Cadence(rule_text)
    _duration(cleaned)
    return Cadence(cleaned)
