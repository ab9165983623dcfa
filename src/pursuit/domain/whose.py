"""Whose move it is on an application: yours, or theirs until a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pursuit.domain.kinds import ActionKind


class Turn(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class WhoseMove:
    turn: Turn
    waiting_until: datetime | None = None
    """While it is theirs: when to follow up if they have not answered by then."""


def whose_move(next_kind: ActionKind | None, next_at: datetime | None, now: datetime) -> WhoseMove:
    """Mine while something of mine is pending (a note owed, a follow-up that is due);
    theirs while the only thing left is to wait for their answer, until the follow-up's
    date. With nothing scheduled at all, the next step is mine to choose."""
    if next_kind is None or next_at is None:
        return WhoseMove(Turn.MINE)
    if next_kind == ActionKind.FOLLOW_UP and next_at > now:
        return WhoseMove(Turn.THEIRS, next_at)
    return WhoseMove(Turn.MINE)
