"""The words other trackers (Huntr, Teal, Simplify, home-made sheets) use for a stage."""

from __future__ import annotations

from pursuit.domain.spreadsheet.headers import header_key
from pursuit.domain.status import Status, StatusError, parse_status

__all__ = [
    "parse_tracker_status",
]

# Words other trackers (Huntr, Teal, Simplify, home-made sheets) use for their stages.
_TRACKER_STATUS: dict[str, Status] = {
    **dict.fromkeys(
        (
            "bookmarked",
            "saved",
            "wish list",
            "interested",
            "to apply",
            "applying",
            "not applied",
            "not yet applied",
            "planned",
            "prospect",
            "considering",
            "researching",
            "research",
        ),
        Status.WISHLIST,
    ),
    **dict.fromkeys(
        (
            "submitted",
            "application submitted",
            "application sent",
            "sent",
            "pending",
            "waiting",
            "in review",
            "under review",
            "in progress",
        ),
        Status.APPLIED,
    ),
    **dict.fromkeys(
        (
            "phone screen",
            "recruiter screen",
            "recruiter call",
            "hr screen",
            "phone call",
            "assessment",
            "online assessment",
            "take home",
            "coding challenge",
        ),
        Status.SCREENING,
    ),
    **dict.fromkeys(
        (
            "interviews",
            "interview scheduled",
            "onsite",
            "on site",
            "final round",
            "technical",
        ),
        Status.INTERVIEWING,
    ),
    **dict.fromkeys(
        ("offer received", "offer extended", "offered", "negotiating", "negotiation"),
        Status.OFFER,
    ),
    **dict.fromkeys(("offer accepted", "hired", "signed"), Status.ACCEPTED),
    **dict.fromkeys(
        (
            "rejection",
            "declined",
            "not selected",
            "turned down",
            "no offer",
            "unsuccessful",
            "position filled",
            "closed",
        ),
        Status.REJECTED,
    ),
    **dict.fromkeys(
        ("withdrew", "i withdrew", "offer declined", "declined offer", "not interested"),
        Status.WITHDRAWN,
    ),
    **dict.fromkeys(
        ("no response", "no reply", "no answer", "never heard back", "silence"), Status.GHOSTED
    ),
    **dict.fromkeys(("paused", "frozen", "hiring freeze", "postponed"), Status.ON_HOLD),
}
# Last resort, in order: a word stem anywhere in the cell ("2nd interview" -> interviewing).
_STEMS = (
    ("withdr", Status.WITHDRAWN),
    ("reject", Status.REJECTED),
    ("ghost", Status.GHOSTED),
    ("hold", Status.ON_HOLD),
    ("accept", Status.ACCEPTED),
    ("offer", Status.OFFER),
    ("interview", Status.INTERVIEWING),
    ("screen", Status.SCREENING),
    ("appl", Status.APPLIED),
)


def parse_tracker_status(text: str) -> Status:
    """pursuit's own names first, then other trackers' words. Raises StatusError."""
    try:
        return parse_status(text)
    except StatusError as exc:
        error = exc
    key = header_key(text)
    if key in _TRACKER_STATUS:
        return _TRACKER_STATUS[key]
    for stem, status in _STEMS:
        if stem in key:
            return status
    raise error
