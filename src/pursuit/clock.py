"""The one place that reads the real clock and the local zone (PURSUIT_NOW fixes the clock)."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, tzinfo

from dateutil import tz as dateutil_tz

from pursuit.domain.date_range import RANGE_WORDS, in_range


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
        if not in_range(value):
            raise ClockError(
                f'PURSUIT_NOW="{fixed}" is outside the dates pursuit keeps ({RANGE_WORDS})'
            )
        return value.astimezone(UTC)
    return datetime.now(UTC)


def local_zone(name: str | None = None) -> tzinfo:
    """PURSUIT_TZ, then the configured zone, then TZ, then the system's.

    PURSUIT_TZ and the settings' zone must be IANA names (`Europe/Paris`, `UTC`): a path
    (`../../etc/passwd`), a POSIX rule (`UTC+99`, which would be read as 99 hours) or a
    5,000-character name is refused in one line. TZ is the system's, read as the system
    reads it."""
    for chosen, source in ((os.environ.get("PURSUIT_TZ"), "PURSUIT_TZ"), (name, "timezone")):
        if chosen:
            zone = known_zone(chosen)
            if zone is None:
                raise ClockError(
                    f'{source}="{chosen[:60]}{"…" if len(chosen) > 60 else ""}" is not a '
                    "known time zone (an IANA name such as Europe/Paris or UTC)"
                )
            return zone
    system = os.environ.get("TZ")
    if system:
        try:
            zone = dateutil_tz.gettz(system)
        except Exception:  # dateutil reads files and parses rules: anything can go wrong
            zone = None
        if zone is None:
            raise ClockError(f'TZ="{system[:60]}" is not a time zone pursuit can read')
        return zone
    return dateutil_tz.tzlocal()


_IANA = re.compile(r"[A-Za-z][A-Za-z0-9_+-]{0,40}(?:/[A-Za-z0-9][A-Za-z0-9_+-]{0,40}){0,3}")


def known_zone(name: str) -> tzinfo | None:
    """The zone of an IANA name from the system's time zone database, else None."""
    if not _IANA.fullmatch(name):
        return None
    try:
        zone = dateutil_tz.gettz(name)
    except Exception:  # a file that is not a zone, a warning turned error
        return None
    # Not a file of the database: dateutil would read "UTC+99" as a POSIX rule.
    return zone if isinstance(zone, dateutil_tz.tzfile) else None
