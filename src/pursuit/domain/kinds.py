"""The kinds of rows pursuit keeps: typed here once, stored and printed as their strings.

Each is a StrEnum so a value compares equal to its stored text and JSON output keeps
today's strings, while code names members instead of spelling literals. The schema holds
the same sets as CHECK constraints (`store.schema`), built from these enums.
"""

from __future__ import annotations

from enum import StrEnum

from pursuit.domain.gimmicks import Channel
from pursuit.domain.pesky import Direction
from pursuit.domain.status import Status


class ActionKind(StrEnum):
    """A pending thing to do."""

    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    CHECK_IN = "check_in"
    ANSWER_OFFER = "answer_offer"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    ActionKind.THANK_YOU: "thank-you note",
    ActionKind.FOLLOW_UP: "follow-up",
    ActionKind.CHECK_IN: "check-in",
    ActionKind.ANSWER_OFFER: "answer to the offer",
    ActionKind.WITHDRAW: "withdrawal",
}


class EventKind(StrEnum):
    """A line of an application's or company's timeline."""

    STATUS = "status"
    INTERVIEW = "interview"
    GUIDANCE = "guidance"
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    REPLY = "reply"
    REJECTED = "rejected"
    BRIDGE = "bridge"
    CHECK_IN = "check_in"
    OFFER = "offer"
    EDIT = "edit"
    """A change to the record itself: a rename, a merge, a contact moved, a deletion."""


__all__ = ["ActionKind", "Channel", "Direction", "EventKind", "Status"]
