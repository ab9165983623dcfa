"""Application statuses and the moves allowed between them."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    WISHLIST = "wishlist"
    APPLIED = "applied"
    SCREENING = "screening"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"
    ON_HOLD = "on_hold"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


# "Active" means a live option for the gauge (R7): something is in motion with an employer.
ACTIVE = frozenset({Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.OFFER})
CLOSED = frozenset({Status.REJECTED, Status.WITHDRAWN, Status.GHOSTED})
# Shown in the applications pane: everything not closed or finished.
OPEN = frozenset(Status) - CLOSED - {Status.ACCEPTED}
PIPELINE = (
    Status.WISHLIST,
    Status.APPLIED,
    Status.SCREENING,
    Status.INTERVIEWING,
    Status.OFFER,
    Status.ACCEPTED,
)

_ALIASES = {
    "hold": Status.ON_HOLD,
    "onhold": Status.ON_HOLD,
    "on-hold": Status.ON_HOLD,
    "on hold": Status.ON_HOLD,
    "interview": Status.INTERVIEWING,
    "screen": Status.SCREENING,
    "reject": Status.REJECTED,
    "withdraw": Status.WITHDRAWN,
    "ghost": Status.GHOSTED,
    "accept": Status.ACCEPTED,
    "apply": Status.APPLIED,
}


class StatusError(ValueError):
    """A status name that does not exist, or a move that makes no sense."""


def parse_status(text: str) -> Status:
    key = " ".join(text.strip().lower().replace("_", " ").split())
    try:
        return Status(key.replace(" ", "_"))
    except ValueError:
        pass
    if key in _ALIASES:
        return _ALIASES[key]
    names = ", ".join(s.value for s in Status)
    raise StatusError(f'unknown status "{text.strip()}"; use one of: {names}')


def check_move(current: Status, new: Status) -> None:
    """Raise StatusError when a move would rewrite history instead of recording it."""
    if current == new:
        raise StatusError(f"already {new.label}")
    if current in (Status.REJECTED, Status.WITHDRAWN):
        raise StatusError(
            f"this application is closed as {current.label}; reopen the company as a new "
            "application instead"
        )
    if current == Status.ACCEPTED and new != Status.WITHDRAWN:
        raise StatusError("an accepted offer can only be withdrawn from")
    # Ghosted or on hold can come back to any open stage: the employer answered at last.
