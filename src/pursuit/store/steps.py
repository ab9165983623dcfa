"""The steps of a planned search: each is one command, run with the clock at `at`.

A plan (see `pursuit.demo.plan`) is a list of these; `store.writes.story` applies each
through the definition its command uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.people import Person
from pursuit.domain.status import Status


@dataclass(frozen=True, slots=True)
class Apply:
    """commands.add_application (as applied, or on the wishlist)."""

    at: datetime
    company: str
    role: str
    source: str | None = None
    wishlist: bool = False


@dataclass(frozen=True, slots=True)
class FollowUp:
    """actions.log_followup, forced: the plan knows it is not pesky to replay history."""

    at: datetime
    company: str


@dataclass(frozen=True, slots=True)
class HeardBack:
    """actions.heard_back: the employer answered."""

    at: datetime
    company: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Move:
    """commands.move."""

    at: datetime
    company: str
    status: Status


@dataclass(frozen=True, slots=True)
class Interview:
    """commands.log_interview, logged at `at` for an interview starting at `starts`."""

    at: datetime
    company: str
    starts: datetime
    people: tuple[Person, ...]
    kind: str = "interview"
    minutes: int = 60
    check_back: datetime | None = None
    check_back_text: str | None = None


@dataclass(frozen=True, slots=True)
class Thanks:
    """actions.mark_thanks to one interviewer, by name, forced."""

    at: datetime
    company: str
    name: str
    note: str


@dataclass(frozen=True, slots=True)
class Reject:
    """commands.reject, kindly (a bridge) or not."""

    at: datetime
    company: str
    friendly: bool


@dataclass(frozen=True, slots=True)
class CheckIn:
    """actions.check_in with a bridge."""

    at: datetime
    company: str
    note: str | None = None


Step = Apply | FollowUp | HeardBack | Move | Interview | Thanks | Reject | CheckIn
