"""Whose move it is on an application: yours, or theirs until a date."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum

from pursuit.domain.dates.showing import show_day
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


def whose_move_among(pending: Iterable[tuple[str, datetime]], now: datetime) -> WhoseMove:
    """Whose move, from an application's pending actions as (kind, when), soonest first:
    the soonest decides, as it does for the Active pane's row."""
    first = next(iter(pending), None)
    if first is None:
        return whose_move(None, None, now)
    return whose_move(ActionKind(first[0]), first[1], now)


def show_whose(whose: WhoseMove, tz: tzinfo, now: datetime) -> str:
    """ "your move", or "their move until Tue 1 Dec" (with the year when not this one)."""
    if whose.turn == Turn.THEIRS and whose.waiting_until is not None:
        return f"their move until {show_day(whose.waiting_until, tz, now)}"
    return "your move"
