"""Draft texts: a starting point the user edits, personal by construction (R2, R8)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pursuit.domain.name_words import greeting_name
from pursuit.domain.similarity import NoteComparer

_OPENINGS = (
    "Thank you for taking the time to talk with me {when} about the {role} role.",
    "I appreciated our conversation {when} and what I learned about the {role} position.",
    "Thanks again for meeting with me {when}; I came away even more interested in the {role} role.",
    "It was a pleasure to speak with you {when} about the {role} opportunity.",
)
_POINTS = (
    "I keep thinking about what you said about {point}.",
    "Our discussion of {point} stayed with me.",
    "I especially enjoyed hearing about {point}.",
    "What you shared about {point} made the work sound concrete and exciting.",
)
_NO_POINT = "[Add one thing you discussed with {first} that only the two of you talked about.]"
# Under R2's default threshold with a margin, so a draft sent as written is not flagged.
_DISTINCT = 0.7
_CLOSINGS = (
    "I would be glad to help {company} with this, and I look forward to hearing about next steps.",
    "Please let me know if I can share anything else that would help your decision.",
    "I am excited about the chance to contribute at {company}.",
    "Thank you again for your time and for the thoughtful questions.",
)


def thank_you_draft(
    *,
    name: str,
    company: str,
    role: str,
    talking_point: str | None,
    when: str = "today",
    index: int = 0,
    others: Iterable[str] = (),
    names: Iterable[str] = (),
) -> str:
    """A thank-you draft for one interviewer; `index` and `others` keep drafts for one
    company from being alike, since staff compare notes. `names` (the other recipients)
    are ignored when comparing, as R2 ignores them, so a draft that differs only in its
    greeting does not count as different."""
    first = greeting_name(name)
    comparer = NoteComparer(others, names=(name, *names))
    best = ""
    best_ratio = 2.0
    size = len(_OPENINGS)
    # Opening, point and closing vary independently: 64 drafts to choose from, so a panel
    # of five or more still gets notes that read differently. The first four are as before.
    for shift in range(size**3):
        i = index + shift % size
        body = [
            f"Dear {first},",
            "",
            _OPENINGS[i % size].format(when=when, role=role),
            (
                _POINTS[(index + 1 + shift // size) % size].format(point=talking_point)
                if talking_point
                else _NO_POINT.format(first=first)
            ),
            _CLOSINGS[(index + 2 + shift // size**2) % size].format(company=company),
            "",
            "Best regards,",
        ]
        text = "\n".join(body)
        ratio = comparer.max_ratio(text)
        if ratio < best_ratio:
            best, best_ratio = text, ratio
        if ratio < _DISTINCT:
            break
    return best


def with_talking_point(draft: str, *, name: str, point: str) -> str:
    """A draft written before the talking point was known, with its placeholder line
    replaced by the point; a draft the user already edited that line out of is kept."""
    # Drafts written before titles were skipped ("Dear Dr.,") name the first word.
    for first in dict.fromkeys((greeting_name(name), name.split()[0] if name.split() else name)):
        placeholder = _NO_POINT.format(first=first)
        if point and placeholder in draft:
            return draft.replace(placeholder, _POINTS[1].format(point=point))
    return draft


def follow_up_draft(*, name: str | None, role: str, company: str) -> str:
    greeting = f"Dear {greeting_name(name)}," if name and name.split() else "Hello,"
    return "\n".join(
        [
            greeting,
            "",
            f"I wanted to check in on the {role} role at {company}. I am still very interested,",
            "and I would be glad to send anything that helps the decision.",
            "",
            "Best regards,",
        ]
    )


def check_in_draft(*, name: str | None, company: str) -> str:
    greeting = f"Hi {greeting_name(name)}," if name and name.split() else "Hello,"
    return "\n".join(
        [
            greeting,
            "",
            f"I hope all is well at {company}. Since we last spoke I have kept working on",
            "[something new you did]. I am still keen on the team, and I would be grateful",
            "to be considered for other roles there, now or later.",
            "",
            "Best regards,",
        ]
    )


def withdraw_draft(*, name: str | None, role: str, company: str) -> str:
    """A courteous close once another offer is accepted: thanks, and the door left open."""
    greeting = f"Dear {greeting_name(name)}," if name and name.split() else "Hello,"
    return "\n".join(
        [
            greeting,
            "",
            f"Thank you for considering me for the {role} role at {company}. I have accepted",
            "another offer, so I would like to withdraw my application. I enjoyed learning",
            f"about {company} and hope our paths cross again.",
            "",
            "Best regards,",
        ]
    )


def offer_reply_draft(*, name: str | None, role: str, company: str) -> str:
    greeting = f"Dear {greeting_name(name)}," if name and name.split() else "Hello,"
    return "\n".join(
        [
            greeting,
            "",
            f"Thank you for the offer for the {role} role at {company}. [Your answer, or the",
            "questions you need answered before you can give it.]",
            "",
            "Best regards,",
        ]
    )


_PLACEHOLDER = re.compile(r"\[(?:Add one thing|something new|Your answer)[^\]]*\]", re.DOTALL)


def placeholder_in(text: str) -> str | None:
    """The line a draft asks the user to personalise, if it is still there."""
    found = _PLACEHOLDER.search(text)
    return found.group(0) if found else None


def signed(text: str, signature: str) -> str:
    """A draft ending with the user's signature under its sign-off (once)."""
    signature = signature.strip()
    if not signature or text.rstrip().endswith(signature):
        return text
    return f"{text.rstrip()}\n{signature}"
