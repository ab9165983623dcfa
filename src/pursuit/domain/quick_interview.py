"""The interview part of a quick-entry line: its kind ("onsite", "phone screen"), time,
length, place and people.

    [KIND] interview WHEN [at PLACE | on LINK] [with PEOPLE] [for N min]
    KIND WHEN ...                       ("Globex onsite tomorrow 3pm")
    interview with PEOPLE WHEN          (the time may follow the people)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import read_when
from pursuit.domain.people import Person, PersonParseError, parse_people
from pursuit.domain.quick_words import (
    KIND,
    URL,
    QuickEntryError,
    kind_of,
    shown,
    top_level,
    trailing_date,
)

__all__ = ["DEFAULT_INTERVIEW_MINUTES", "Interview", "read_interview", "resolve_kinds"]

DEFAULT_INTERVIEW_MINUTES = 60
_MAX_INTERVIEW_MINUTES = 12 * 60

_WITH = re.compile(r"(?<![\w-])with(?![\w-])", re.IGNORECASE)
_FOR = re.compile(r"(?<![\w-])for(?![\w-])", re.IGNORECASE)
# Where an interview happens: "at 10 Downing St", "on zoom.us/j/123".
_PLACE = re.compile(r"(?<![\w-])(?:at|on)\s+(?=\S)", re.IGNORECASE)
_THEN_INTERVIEW = re.compile(r"\s*interview(?![\w-])", re.IGNORECASE)
_THEN_WITH = re.compile(r"\s*with(?![\w-])", re.IGNORECASE)

_LENGTH_WORDS = {"an hour": 60, "one hour": 60, "half an hour": 30, "a half hour": 30}
_LENGTH = re.compile(
    r"(?P<n>[0-9]{1,4}(?:\.[0-9]+)?) ?(?P<unit>m|min|mins|minute|minutes|h|hr|hrs|hour|hours)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Interview:
    at: datetime
    minutes: int
    people: tuple[Person, ...]
    note: str | None
    """How an open phrase in its time was read, for the preview."""
    place: str | None


def resolve_kinds(
    text: str, starts: list[tuple[int, bool]], now: datetime, tz: tzinfo
) -> tuple[str, str | None]:
    """`text` with each kind of interview it names ("onsite", "phone screen") folded into
    the one keyword "interview", and the kind to store ("final onsite" for both).

    `starts` are where the line's other parts begin, and whether each is an interview. A
    kind counts where it can only mean an interview: inside one, right before the word
    "interview", or before its time or people ("Globex onsite tomorrow 3pm"). Elsewhere
    it is part of a name ("Acme / Onsite Support Engineer").
    """
    links = [m.span() for m in URL.finditer(text)]
    runs: list[tuple[int, int, list[str]]] = []
    for m in top_level(KIND, text):
        if m.start() == 0 or any(a <= m.start() < b for a, b in links):
            continue
        if runs and not text[runs[-1][1] : m.start()].strip():
            runs[-1] = (runs[-1][0], m.end(), [*runs[-1][2], kind_of(m)])
        else:
            runs.append((m.start(), m.end(), [kind_of(m)]))
    kinds: list[str] = []
    pieces: list[str] = []
    done = 0
    starts = sorted(starts)
    for start, end, names in runs:
        said = _THEN_INTERVIEW.match(text, end)
        end = said.end() if said else end
        before = [is_interview for at, is_interview in starts if at < start]
        inside = bool(before) and before[-1]
        following = min((at for at, _ in starts if at >= end), default=len(text))
        rest = text[end:following]
        if not (said or inside or _opens_interview(rest, now, tz, in_head=not before)):
            continue
        kinds += [name for name in names if name not in kinds]
        pieces += [text[done:start], " interview " if said or not inside else " "]
        done = end
        starts.append((start, True))
        starts.sort()
    if not kinds:
        return text, None
    return " ".join("".join([*pieces, text[done:]]).split()), " ".join(kinds)


def _opens_interview(rest: str, now: datetime, tz: tzinfo, *, in_head: bool) -> bool:
    """Whether what follows a kind is an interview's own: its people, its time, or nothing
    when the kind ends the company or role (`in_head`), so "Globex onsite" asks for the time.
    At the end of another part it is that part's text ("check back after the onsite")."""
    words = rest.split()
    if not words:
        return in_head
    if _THEN_WITH.match(rest):
        return True
    for size in range(min(len(words), 6), 0, -1):
        try:
            read_when(" ".join(words[:size]), now, tz, prefer="future", within=None)
        except (DateParseError, ValueError, ArithmeticError):
            continue
        return True
    return False


def read_interview(clause: str, now: datetime, tz: tzinfo) -> Interview:
    """The interview after the keyword: "fri 10am at 10 Downing St with Ann for 45 min"."""
    example = "e.g. `interview fri 14:00 with Jane Doe (EM)`"
    # "with PEOPLE" and "for N min" may come in either order after the time.
    markers = sorted(
        top_level(_WITH, clause)[:1] + top_level(_FOR, clause)[:1], key=lambda m: m.start()
    )
    when_text = clause[: markers[0].start()].strip() if markers else clause
    parts: dict[str, str] = {}
    for index, m in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(clause)
        parts[m[0].lower()] = clause[m.end() : end].strip()
    when_text, place = _place_in_when(when_text, now, tz)
    if place is None and "with" in parts:
        parts["with"], place = _place_after_people(parts["with"])
    if not when_text and "with" in parts:
        # "phone screen with Ann tue 10:00": the time after the people.
        split = trailing_date(parts["with"], now, tz)
        if split is not None:
            parts["with"], when_text, _ = split

    if not when_text:
        raise QuickEntryError(f"interview needs a time, {example}")
    try:
        when = read_when(when_text, now, tz, prefer="future")
    except DateParseError as exc:
        raise QuickEntryError(f"interview time: {exc}") from exc
    if not when.has_time:
        # "tomorrow", "next week", "in 7 days", "fri afternoon": an interview saved at a
        # made-up hour would set the thank-you clock wrong.
        raise QuickEntryError(f'interview needs a time of day after "{shown(when_text)}"')

    minutes = when.minutes or DEFAULT_INTERVIEW_MINUTES
    if "for" in parts:
        length = _interview_length(parts["for"])
        if when.minutes is not None and length != when.minutes:
            said = shown(parts["for"])
            raise QuickEntryError(
                f"the interview is {when.minutes} min by its times but {length} min by"
                f' "for {said}"; give one'
            )
        minutes = length
    if not 1 <= minutes <= _MAX_INTERVIEW_MINUTES:
        raise QuickEntryError(f"an interview length must be 1 min to 12 h, not {minutes} min")
    people = _people(parts["with"], now, tz) if "with" in parts else ()
    return Interview(when.at, minutes, people, when.note, place)


def _people(text: str, now: datetime, tz: tzinfo) -> tuple[Person, ...]:
    try:
        people = parse_people(text)
    except PersonParseError as exc:
        raise QuickEntryError(f"interviewers: {exc}") from exc
    for person in people:
        split = trailing_date(person.name, now, tz)
        if split is not None:
            # "with Ann tomorrow" beside a time already given: not a name, and not a second
            # time either; say so rather than write a note to "Ann tomorrow".
            raise QuickEntryError(
                f'did not understand "{shown(split[1])}" after {shown(split[0])}; give the'
                " interview one time, right after the word interview"
            )
    return people


def _place_in_when(text: str, now: datetime, tz: tzinfo) -> tuple[str, str | None]:
    """The time and the place in "fri 10am at 10 Downing St": a place is only taken when the
    text does not read as a time as it is ("dec 15 at 10" is a time), and what is left
    before it does."""
    if _reads_with_time(text, now, tz):
        return text, None
    for m in top_level(_PLACE, text):
        before, place = text[: m.start()].strip(), text[m.end() :].strip()
        if before and place and _reads_with_time(before, now, tz):
            return before, place
    return text, None


def _place_after_people(text: str) -> tuple[str, str | None]:
    """ "Ann (CTO) at 10 Downing St": the people, and where."""
    found = top_level(_PLACE, text)
    if not found:
        return text, None
    m = found[0]
    place = text[m.end() :].strip()
    return text[: m.start()].strip(), place or None


def _reads_with_time(text: str, now: datetime, tz: tzinfo) -> bool:
    try:
        return read_when(text, now, tz, prefer="future").has_time
    except DateParseError:
        return False


def _interview_length(text: str) -> int:
    spoken = " ".join(text.lower().split())
    if spoken in _LENGTH_WORDS:
        return _LENGTH_WORDS[spoken]
    m = _LENGTH.fullmatch(spoken)
    if m is None:
        raise QuickEntryError(
            f'can\'t read "{shown(text)}" as a length; write `for 45 min` or `for 1.5 h`'
        )
    amount = float(m["n"])
    minutes = round(amount * 60) if m["unit"].startswith("h") else round(amount)
    if not 1 <= minutes <= _MAX_INTERVIEW_MINUTES:
        raise QuickEntryError(f"an interview length must be 1 min to 12 h, not {shown(text)}")
    return minutes
