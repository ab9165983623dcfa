"""What every command needs: the database, the clock reading, the zone and the rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.store.database import Database


@dataclass(frozen=True)
class Ctx:
    db: Database
    now: datetime
    tz: tzinfo
    settings: RuleSettings = field(default=DEFAULTS)
    on_wait: Callable[[], None] | None = None
    """Called when a write must wait more than a moment for another process's lock."""
