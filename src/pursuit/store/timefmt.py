"""How instants are written in the file: UTC, fixed width, so text order is time order.

Only instants in the range pursuit keeps (domain/date_range.py, years 1900 to 2999) are
written: each has a four-digit year, so the text always reads back. A time in the file that
does not read (a file another program wrote, or an older pursuit's `999-06-01`, written
before the range was kept) is a damaged file, said in one line (DatabaseError)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from pursuit.domain.date_range import check_in_range
from pursuit.store.sqlite import DAMAGED_HINT, DatabaseError

_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
_SHORT_YEAR = re.compile(r"^(\d{1,3})-")
# Year 1 cannot be shown in a zone west of UTC (datetime stops at 0001-01-01).
_SHOWABLE_FROM = 2


def to_db(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime reached the store; every instant must carry a zone")
    # The last gate of every date from every source: typed, CSV, JSON, PURSUIT_NOW.
    check_in_range(value)
    return value.astimezone(UTC).strftime(_FORMAT)


def from_db(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text).replace(tzinfo=UTC)
    except (TypeError, ValueError):
        pass
    # An older pursuit wrote years before 1000 without their leading zeros: read them, so
    # the row can be seen and fixed rather than every command failing on it.
    short = _SHORT_YEAR.match(str(text))
    if short and int(short[1]) >= _SHOWABLE_FROM:
        try:
            return datetime.fromisoformat(f"{int(short[1]):04d}-{text[short.end() :]}").replace(
                tzinfo=UTC
            )
        except ValueError:
            pass
    raise DatabaseError(
        f"the database holds a time pursuit cannot read ({str(text)[:40]!r}); {DAMAGED_HINT}"
    ) from None


def opt_from_db(text: str | None) -> datetime | None:
    return None if text is None else from_db(text)
