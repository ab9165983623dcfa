"""How instants are written in the file: UTC, fixed width, so text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime

_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def to_db(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime reached the store; every instant must carry a zone")
    return value.astimezone(UTC).strftime(_FORMAT)


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def opt_from_db(text: str | None) -> datetime | None:
    return None if text is None else from_db(text)
