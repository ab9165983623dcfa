"""The one place that reads the real clock and the local zone (PURSUIT_NOW fixes the clock)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo

from dateutil import tz as dateutil_tz


class ClockError(ValueError):
    pass


def now() -> datetime:
    fixed = os.environ.get("PURSUIT_NOW")
    if fixed:
        try:
            value = datetime.fromisoformat(fixed)
        except ValueError:
            raise ClockError(f'PURSUIT_NOW="{fixed}" is not an ISO 8601 time') from None
        if value.tzinfo is None:
            value = value.replace(tzinfo=local_zone())
        return value.astimezone(UTC)
    return datetime.now(UTC)


def local_zone(name: str | None = None) -> tzinfo:
    """PURSUIT_TZ, then the configured zone, then TZ, then the system's."""
    chosen = os.environ.get("PURSUIT_TZ") or name or os.environ.get("TZ")
    if chosen:
        zone = dateutil_tz.gettz(chosen)
        if zone is None:
            raise ClockError(f'unknown time zone "{chosen}"')
        return zone
    return dateutil_tz.tzlocal()
