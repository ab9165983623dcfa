"""The review's periods (issue #17): "last 4 weeks", "3 months", "all time", "since",
and the 7-day weeks counted back from now that the figures are drawn in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from pursuit.domain.dates.showing import show_day
from pursuit.domain.dates.zones import local_to_utc

WEEK = timedelta(days=7)
DAY = timedelta(days=1)


# --- periods and weeks ---------------------------------------------------------------------


class PeriodKey(StrEnum):
    WEEK = "week"
    FOUR_WEEKS = "4w"
    THREE_MONTHS = "3m"
    ALL = "all"
    SINCE = "since"


SCREEN_PERIODS = (PeriodKey.FOUR_WEEKS, PeriodKey.THREE_MONTHS, PeriodKey.ALL)
"""The review screen's period switch, in order."""
_WEEKS = {PeriodKey.WEEK: 1, PeriodKey.FOUR_WEEKS: 4, PeriodKey.THREE_MONTHS: 13}
_LABELS = {
    PeriodKey.WEEK: "last 7 days",
    PeriodKey.FOUR_WEEKS: "last 4 weeks",
    PeriodKey.THREE_MONTHS: "last 3 months",
    PeriodKey.ALL: "all time",
}


@dataclass(frozen=True)
class Period:
    key: PeriodKey
    label: str
    start: datetime | None
    """None: from the first thing recorded."""
    end: datetime
    """Now."""


def weeks_back(now: datetime, tz: tzinfo, weeks: int) -> datetime:
    """The instant `weeks` weeks before `now` at the same local time (DST-correct)."""
    local = now.astimezone(tz).replace(tzinfo=None)
    return local_to_utc(local - weeks * WEEK, tz)


def period(key: PeriodKey, now: datetime, tz: tzinfo, since: datetime | None = None) -> Period:
    """A named period ending now. "3 months" is 13 whole weeks, so every week shown is a
    full one; "since" starts at `since`, and its oldest week may be short."""
    now = now.astimezone(UTC)
    if key == PeriodKey.SINCE:
        if since is None:
            raise ValueError("a 'since' period needs its start")
        label = f"since {show_day(since, tz, None, year=True)}"
        return Period(key, label, since.astimezone(UTC), now)
    if key == PeriodKey.ALL:
        return Period(key, _LABELS[key], None, now)
    return Period(key, _LABELS[key], weeks_back(now, tz, _WEEKS[key]), now)


@dataclass(frozen=True)
class Week:
    start: datetime
    end: datetime
    whole: bool
    """Seven full days (the oldest week of a period can be cut short by its start)."""


def week_buckets(start: datetime, now: datetime, tz: tzinfo) -> tuple[Week, ...]:
    """7-day weeks ending now, oldest first, back to `start` (the oldest cut at it)."""
    out: list[Week] = []
    end = now
    k = 1
    while True:
        begin = weeks_back(now, tz, k)
        if begin <= start:
            out.append(Week(start, end, whole=begin == start))
            break
        out.append(Week(begin, end, whole=True))
        end, k = begin, k + 1
    out.reverse()
    return tuple(out)
