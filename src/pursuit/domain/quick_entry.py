"""The one-line quick entry shared by the app and the command line.

    COMPANY [/ ROLE [salary TEXT] [via SOURCE] [applied WHEN]]
        [interview WHEN [at PLACE | on LINK] [with PEOPLE] [for N min]] [check back WHEN]

plus at most one http(s) link anywhere (the job's; one after `on`/`at` in an interview is
where it happens). Parsing only says what the line means; saving it
(and creating the thank-you and follow-up actions) is the caller's job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import read_when
from pursuit.domain.dates.showing import show_when
from pursuit.domain.people import Person, PersonParseError, parse_people
from pursuit.domain.quick_words import shown, top_level

__all__ = ["DEFAULT_INTERVIEW_MINUTES", "QuickEntry", "QuickEntryError", "parse_quick_entry"]

DEFAULT_INTERVIEW_MINUTES = 60
_MAX_INTERVIEW_MINUTES = 12 * 60
# A line is a sentence; the cap keeps pathological input cheap.
_MAX_LINE = 1000

_WHAT_TO_SAY = "say what to record: `Acme / Role`, `Acme interview ...` or `Acme check back ...`"

_URL = re.compile(r"(?<!\S)https?://\S+", re.IGNORECASE)
# Keywords count only as whole words, so "Interviewly" or "Checkbacks Inc" stay names.
_KEYWORD = re.compile(r"(?<![\w-])(interview|check\s+back)(?![\w-])", re.IGNORECASE)
_WITH = re.compile(r"(?<![\w-])with(?![\w-])", re.IGNORECASE)
_FOR = re.compile(r"(?<![\w-])for(?![\w-])", re.IGNORECASE)
# A new application's fields, read only after "COMPANY / ROLE": "Via Rail / Engineer" and
# "Salary.com / Analyst" keep their names.
_FIELD = re.compile(r"(?<![\w-])(salary|via|applied)(?![\w-])", re.IGNORECASE)
# Where an interview happens: "at 10 Downing St", "on zoom.us/j/123".
_PLACE = re.compile(r"(?<![\w-])(?:at|on)\s+(?=\S)", re.IGNORECASE)
_PLACE_LINK = re.compile(r"(?<![\w-])(?:at|on)\s+(https?://\S+)", re.IGNORECASE)

_LENGTH_WORDS = {"an hour": 60, "one hour": 60, "half an hour": 30, "a half hour": 30}
_LENGTH = re.compile(
    r"(?P<n>[0-9]{1,4}(?:\.[0-9]+)?) ?(?P<unit>m|min|mins|minute|minutes|h|hr|hrs|hour|hours)",
    re.IGNORECASE,
)


class QuickEntryError(ValueError):
    """A quick-entry line could not be read; the message is one line saying which part."""


@dataclass(frozen=True)
class QuickEntry:
    company: str
    role: str | None = None
    interview_at: datetime | None = None
    interview_minutes: int | None = None
    interviewers: tuple[Person, ...] = ()
    check_back: datetime | None = None
    # The employer's words as typed ("after the 15th"): R4 keeps their answer, not just a date.
    check_back_text: str | None = None
    url: str | None = None
    notes: tuple[str, ...] = ()
    """How open phrases were read ('"next fri" is the Friday of next week'), for the preview."""
    year: int | None = field(default=None, compare=False)
    """The local year when the line was read: the preview shows any other year."""
    salary: str | None = None
    """A new application's salary as typed ("90–110k")."""
    source: str | None = None
    """Where the application came from ("via Indeed")."""
    applied_at: datetime | None = None
    """When the new application was sent ("applied yesterday"), if not now."""
    place: str | None = None
    """Where the interview happens, or its video link ("at 10 Downing St", "on zoom.us/j/1")."""

    def describe(self, tz: tzinfo) -> str:
        """A short preview of what saving this entry will record, in the local zone `tz`."""

        def _when(dt: datetime, tz: tzinfo) -> str:
            other_year = self.year is not None and dt.astimezone(tz).year != self.year
            return show_when(dt, tz, year=other_year)

        parts: list[str] = []
        if self.role:
            parts.append(f"New application: {self.company} — {self.role}")
        if self.interview_at is not None:
            minutes = self.interview_minutes or DEFAULT_INTERVIEW_MINUTES
            text = f"Interview at {self.company} on {_when(self.interview_at, tz)} ({minutes} min)"
            if self.interviewers:
                count = len(self.interviewers)
                names = ", ".join(str(person) for person in self.interviewers)
                notes = "thank-you note" if count == 1 else "thank-you notes"
                text += f" with {names} → {count} {notes}"
            parts.append(text)
        if self.place:
            parts.append(f"at {self.place}")
        if self.salary:
            parts.append(f"salary {self.salary}")
        if self.source:
            parts.append(f"via {self.source}")
        if self.applied_at is not None:
            parts.append(f"applied {_when(self.applied_at, tz)}")
        if self.check_back is not None:
            # Their words as they said them ("after the 15th"), then the date they mean.
            when = _when(self.check_back, tz)
            said = f"{self.check_back_text} ({when})" if self.check_back_text else f"after {when}"
            parts.append(f"{self.company}: check back {said}")
        if self.url:
            parts.append(f"link {self.url}")
        parts.extend(self.notes)
        return "; ".join(parts) if parts else f"{self.company}: nothing to record"


def parse_quick_entry(line: str, now: datetime, tz: tzinfo) -> QuickEntry:
    """Read one quick-entry line; dates are read in the local zone `tz` relative to `now`.

    Raises `QuickEntryError`, and nothing else, for a line that cannot be read.
    """
    if len(line) > _MAX_LINE:
        raise QuickEntryError(f"the line is too long (over {_MAX_LINE} characters)")
    text = " ".join(line.split())
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise QuickEntryError("the line contains a control character; type plain text")

    place_link: str | None = None
    link = _PLACE_LINK.search(text)
    if link is not None and top_level(_KEYWORD, text[: link.start()]):
        # "interview fri 10am on https://zoom.us/j/1": the interview's link, not the job's.
        place_link = link[1]
        text = " ".join((text[: link.start()] + " " + text[link.end() :]).split())

    urls = _URL.findall(text)
    if len(urls) > 1:
        raise QuickEntryError("more than one link; give one link per entry")
    url = urls[0] if urls else None
    text = " ".join(_URL.sub(" ", text).split())
    if not text:
        raise QuickEntryError(f"nothing to record; {_WHAT_TO_SAY}")

    slash = text.find("/")
    fields_at = [m for m in top_level(_FIELD, text) if slash != -1 and m.start() > slash]
    keywords = sorted(top_level(_KEYWORD, text) + fields_at, key=lambda m: m.start())
    head = text[: keywords[0].start()] if keywords else text
    company, role = _company_and_role(head)

    clauses: dict[str, str] = {}
    for index, m in enumerate(keywords):
        word = " ".join(m[1].lower().split())
        name = word if word in ("interview", "salary", "via", "applied") else "check back"
        if name in clauses:
            raise QuickEntryError(f'"{name}" appears twice; give one {name} per entry')
        end = keywords[index + 1].start() if index + 1 < len(keywords) else len(text)
        clauses[name] = text[m.end() : end].strip()

    if role is None and not clauses:
        raise QuickEntryError(f'only a company ("{shown(company)}"); {_WHAT_TO_SAY}')

    interview_at: datetime | None = None
    interview_minutes: int | None = None
    interviewers: tuple[Person, ...] = ()
    notes: list[str] = []
    place = place_link
    if "interview" in clauses:
        interview_at, interview_minutes, interviewers, note, said_place = _interview(
            clauses["interview"], now, tz
        )
        notes += [note] if note else []
        if said_place and place:
            raise QuickEntryError("two places for the interview; give one")
        place = place or said_place
    salary, source, applied_at = _fields(clauses, now, tz)

    check_back: datetime | None = None
    check_back_text: str | None = None
    if "check back" in clauses:
        check_back_text = clauses["check back"]
        if not check_back_text:
            raise QuickEntryError(
                "check back needs a date, e.g. `check back dec 15` or `check back in two weeks`"
            )
        try:
            said = read_when(check_back_text, now, tz, prefer="future")
        except DateParseError as exc:
            raise QuickEntryError(f"check back: {exc}") from exc
        check_back = said.at
        notes += [said.note] if said.note else []

    return QuickEntry(
        company=company,
        role=role,
        interview_at=interview_at,
        interview_minutes=interview_minutes,
        interviewers=interviewers,
        check_back=check_back,
        check_back_text=check_back_text,
        url=url,
        notes=tuple(notes),
        year=now.astimezone(tz).year,
        salary=salary,
        source=source,
        applied_at=applied_at,
        place=place,
    )


def _fields(
    clauses: dict[str, str], now: datetime, tz: tzinfo
) -> tuple[str | None, str | None, datetime | None]:
    """A new application's salary, source and date applied, from their clauses."""
    for name, example in (("salary", "salary 90–110k"), ("via", "via Indeed")):
        if name in clauses and not clauses[name]:
            raise QuickEntryError(f'"{name}" needs something after it, e.g. `{example}`')
    applied_at = None
    if "applied" in clauses:
        said = clauses["applied"]
        if not said:
            raise QuickEntryError("applied needs a date, e.g. `applied yesterday`")
        try:
            applied_at = read_when(said, now, tz, prefer="past").at
        except DateParseError as exc:
            raise QuickEntryError(f"applied: {exc}") from exc
        if applied_at > now:
            raise QuickEntryError(f"applied: {show_when(applied_at, tz)} is in the future")
    return clauses.get("salary") or None, clauses.get("via") or None, applied_at


def _company_and_role(head: str) -> tuple[str, str | None]:
    company, slash, role = head.partition("/")
    company, role = company.strip(), role.strip()
    if not company:
        raise QuickEntryError(f"start with the company name; {_WHAT_TO_SAY}")
    if slash and not role:
        raise QuickEntryError('nothing after "/"; write the role, as in `Acme / Backend Engineer`')
    return company, role or None


def _interview(
    clause: str, now: datetime, tz: tzinfo
) -> tuple[datetime, int, tuple[Person, ...], str | None, str | None]:
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

    people: tuple[Person, ...] = ()
    if "with" in parts:
        try:
            people = parse_people(parts["with"])
        except PersonParseError as exc:
            raise QuickEntryError(f"interviewers: {exc}") from exc
    return when.at, minutes, people, when.note, place


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
