"""Dates a coach would choose.

Dates pursuit picks itself (a guessed follow-up, a check-in, a snooze to a day) land on a
working day at the usual sending time, never inside R5's gap after the last contact, and
keep their wall-clock time across daylight-saving changes: days are added to the local
date, then the local time is resolved. R3's 24 h deadline is exact and is not moved here.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from pursuit.domain.dates.zones import local_to_utc
from pursuit.domain.settings import RuleSettings


def days_later(at: datetime, span: timedelta, tz: tzinfo) -> datetime:
    """`at` plus `span`, whole days added to the local date so 09:30 stays 09:30 across
    a daylight-saving change; any part of a day is added as elapsed time."""
    days = span.days
    rest = span - timedelta(days=days)
    local = at.astimezone(tz)
    moved = local_to_utc(local.replace(tzinfo=None) + timedelta(days=days), tz)
    return moved + rest


def gap_ends(last: datetime, settings: RuleSettings, tz: tzinfo) -> datetime:
    """When R5's minimum gap after a touch at `last` is over."""
    return days_later(last, settings.followup_gap, tz)


def working_day(day: date, settings: RuleSettings) -> bool:
    return day.weekday() in settings.working_days and day not in settings.holidays


def coach_time(earliest: datetime, settings: RuleSettings, tz: tzinfo) -> datetime:
    """The first usual sending time on a working day at or after `earliest`."""
    local = earliest.astimezone(tz)
    day = local.date()
    usual: time = settings.usual_time
    if local.replace(tzinfo=None) > datetime.combine(day, usual):
        day += timedelta(days=1)
    for _ in range(366):
        if working_day(day, settings):
            return local_to_utc(datetime.combine(day, usual), tz)
        day += timedelta(days=1)
    raise ValueError("no working day in a year: check the working days setting")


def guessed_follow_up(
    after: datetime,
    wait: timedelta,
    last: datetime | None,
    settings: RuleSettings,
    tz: tzinfo,
) -> datetime:
    """R4's guess `wait` after `after`, moved to a coach's time and never inside R5's gap
    after the last contact, so the app never shows as due what R5 would refuse."""
    earliest = days_later(after, wait, tz)
    if last is not None:
        earliest = max(earliest, gap_ends(last, settings, tz))
    return coach_time(earliest, settings, tz)


def not_before_gap(
    due: datetime, last: datetime | None, settings: RuleSettings, tz: tzinfo
) -> datetime:
    """An employer's date kept, unless it falls inside R5's gap: then the gap's end."""
    if last is None:
        return due
    ready = gap_ends(last, settings, tz)
    return due if due >= ready else ready
