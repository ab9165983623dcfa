"""The one-line quick entry shared by the app and the command line.

    COMPANY [/ ROLE [salary TEXT] [via SOURCE] [applied WHEN]]
        [[KIND] interview WHEN [at PLACE | on LINK] [with PEOPLE] [for N min]]
        [check back WHEN] [offer by WHEN [note TEXT]]

KIND is how people name an interview ("phone screen", "video call", "onsite", "final
round", "technical interview"); "Globex onsite tomorrow 3pm" needs no word "interview".
Plus at most one http(s) link anywhere (the job's; one after `on`/`at` in an interview is
where it happens). Words it cannot place are named in the error, never glued into a name.
Parsing only says what the line means; saving it (and creating the thank-you and
follow-up actions) is the caller's job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.dates.reading import read_when
from pursuit.domain.dates.showing import show_when
from pursuit.domain.people import Person
from pursuit.domain.quick_interview import DEFAULT_INTERVIEW_MINUTES, read_interview, resolve_kinds
from pursuit.domain.quick_words import (
    FIELD,
    KEYWORD,
    KIND,
    OFFER,
    URL,
    QuickEntryError,
    shown,
    top_level,
    trailing_date,
)

__all__ = ["DEFAULT_INTERVIEW_MINUTES", "QuickEntry", "QuickEntryError", "parse_quick_entry"]

# A line is a sentence; the cap keeps pathological input cheap.
_MAX_LINE = 1000

_WHAT_TO_SAY = (
    "say what to record: `Acme / Role`, `Acme interview ...`, `Acme check back ...`"
    " or `Acme offer by ...`"
)
_PLACE_LINK = re.compile(r"(?<![\w-])(?:at|on)\s+(https?://\S+)", re.IGNORECASE)
# An offer's note runs to the end of the line, keywords and all: "note", or a colon.
_NOTE = re.compile(r"(?<![\w-])note(?![\w-])\s*|:(?:\s+|$)", re.IGNORECASE)
_BY = re.compile(r"by(?![\w-])\s*", re.IGNORECASE)


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
    interview_kind: str | None = None
    """The kind of interview as stored ("phone", "onsite", "final onsite"); None: plain."""
    offer_by: datetime | None = None
    """An offer was made: the date they want an answer by."""
    offer_note: str | None = None
    """What the offer says ("120k base, 10% bonus"), as typed."""

    @property
    def names_open_role(self) -> bool:
        """The role names an application already open, not a new one: an offer's role
        (without an interview, which may start the application it names)."""
        return self.role is not None and self.offer_by is not None and self.interview_at is None

    def describe(self, tz: tzinfo, *, role_open: bool | None = None) -> str:
        """A short preview of what saving this entry will record, in the local zone `tz`;
        `role_open`: the role is an open application's (by default: `names_open_role`),
        named with the company, not added."""

        def _when(dt: datetime, tz: tzinfo) -> str:
            other_year = self.year is not None and dt.astimezone(tz).year != self.year
            return show_when(dt, tz, year=other_year)

        parts: list[str] = []
        if role_open is None:
            role_open = self.names_open_role
        company = f"{self.company} — {self.role}" if self.role and role_open else self.company
        if self.role and not role_open:
            parts.append(f"New application: {self.company} — {self.role}")
        if self.interview_at is not None:
            minutes = self.interview_minutes or DEFAULT_INTERVIEW_MINUTES
            length = (
                f"{self.interview_kind}, {minutes} min" if self.interview_kind else f"{minutes} min"
            )
            text = f"Interview at {company} on {_when(self.interview_at, tz)} ({length})"
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
            parts.append(f"{company}: check back {said}")
        if self.offer_by is not None:
            text = f"Offer from {company}: answer by {_when(self.offer_by, tz)}"
            parts.append(f"{text} — {self.offer_note}" if self.offer_note else text)
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
    text, kind = resolve_kinds(text, _starts(text), now, tz)

    place_link: str | None = None
    link = _PLACE_LINK.search(text)
    if link is not None and top_level(KEYWORD, text[: link.start()]):
        # "interview fri 10am on https://zoom.us/j/1": the interview's link, not the job's.
        place_link = link[1]
        text = " ".join((text[: link.start()] + " " + text[link.end() :]).split())

    urls = URL.findall(text)
    if len(urls) > 1:
        raise QuickEntryError("more than one link; give one link per entry")
    url = urls[0] if urls else None
    text = " ".join(URL.sub(" ", text).split())
    if not text:
        raise QuickEntryError(f"nothing to record; {_WHAT_TO_SAY}")

    keywords = _keywords(text)
    head = text[: keywords[0].start()] if keywords else text
    company, role = _company_and_role(head, now, tz)

    clauses: dict[str, str] = {}
    for index, m in enumerate(keywords):
        name = " ".join(m[0].lower().split())
        if name in clauses:
            raise QuickEntryError(f'"{name}" appears twice; give one {name} per entry')
        end = keywords[index + 1].start() if index + 1 < len(keywords) else len(text)
        clauses[name] = text[m.end() : end].strip()

    if role is None:
        _check_no_role(company, clauses)

    interview_at: datetime | None = None
    interview_minutes: int | None = None
    interviewers: tuple[Person, ...] = ()
    notes: list[str] = []
    place = place_link
    if "interview" in clauses:
        interview = read_interview(clauses["interview"], now, tz)
        interview_at, interview_minutes = interview.at, interview.minutes
        interviewers = interview.people
        notes += [interview.note] if interview.note else []
        if interview.place and place:
            raise QuickEntryError("two places for the interview; give one")
        place = place or interview.place
    salary, source, applied_at = _fields(clauses, now, tz)
    check_back, check_back_text, note = _check_back(clauses, now, tz)
    notes += [note] if note else []
    offer_by, offer_note, note = _offer(clauses, company, role, now, tz)
    notes += [note] if note else []

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
        interview_kind=kind,
        offer_by=offer_by,
        offer_note=offer_note,
    )


def _starts(text: str) -> list[tuple[int, bool]]:
    """Where the parts of the raw line begin, and whether each is an interview."""
    return [(m.start(), m[0].lower() == "interview") for m in _keywords(text, raw=True)]


def _keywords(text: str, *, raw: bool = False) -> list[re.Match[str]]:
    """The words that start the parts of a line, in order. A new application's fields
    count after the slash only, and nothing counts inside an offer's note."""
    # The slash of "Acme / Role", not one inside a link.
    slash = URL.sub(lambda m: " " * len(m[0]), text).find("/") if raw else text.find("/")
    found = top_level(KEYWORD, text) + top_level(OFFER, text)
    # Without a slash they are still found after the company, to be refused by name
    # rather than glued into an interviewer's name ("with Ann salary 120k").
    after = slash if slash != -1 else min((m.start() for m in found), default=len(text))
    found += [m for m in top_level(FIELD, text) if m.start() > after]
    found.sort(key=lambda m: m.start())
    offer = next((m for m in found if m[0].lower() == "offer"), None)
    if offer is not None:
        note = _NOTE.search(text, offer.end())
        if note is not None:
            found = [m for m in found if m.start() < note.start()]
    return found


def _company_and_role(head: str, now: datetime, tz: tzinfo) -> tuple[str, str | None]:
    company, slash, role = head.partition("/")
    company, role = company.strip(), role.strip()
    if not company:
        raise QuickEntryError(f"start with the company name; {_WHAT_TO_SAY}")
    if slash and not role:
        raise QuickEntryError('nothing after "/"; write the role, as in `Acme / Backend Engineer`')
    if not slash:
        fields = [m for m in top_level(FIELD, company) if m.start() > 0]
        if fields:
            _no_role_for(fields[0][0].lower(), company[: fields[0].start()])
    for name, what in ((company, "the company"), (role, "the role")):
        split = trailing_date(name, now, tz) if name else None
        if split is not None:
            # "Soylent / Backend Engineer yesterday": a date is no part of a name; ask
            # which date it is rather than store "Backend Engineer yesterday".
            said = shown(split[1])
            meant = "applied" if slash and split[2] <= now else "interview"
            raise QuickEntryError(
                f'did not understand "{said}" after {what}; say what it is, as in `{meant} {said}`'
            )
    return company, role or None


def _check_no_role(company: str, clauses: dict[str, str]) -> None:
    """A line without "/ ROLE": it must say something, and not a new application's field."""
    given = [name for name in ("salary", "via", "applied") if name in clauses]
    if given:
        _no_role_for(given[0], company)
    if clauses:
        return
    kinds = top_level(KIND, company)
    if kinds:
        raise QuickEntryError(f'"{shown(kinds[-1][0])}" needs a time, as in `… tomorrow 15:00`')
    raise QuickEntryError(f'only a company ("{shown(company)}"); {_WHAT_TO_SAY}')


def _no_role_for(word: str, company: str) -> None:
    name = shown(company)
    raise QuickEntryError(f'"{word}" goes with a new application; write `{name} / ROLE {word} …`')


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


def _check_back(
    clauses: dict[str, str], now: datetime, tz: tzinfo
) -> tuple[datetime | None, str | None, str | None]:
    """When they said to check back, their words, and how an open phrase was read."""
    if "check back" not in clauses:
        return None, None, None
    text = clauses["check back"]
    if not text:
        raise QuickEntryError(
            "check back needs a date, e.g. `check back dec 15` or `check back in two weeks`"
        )
    try:
        said = read_when(text, now, tz, prefer="future")
    except DateParseError as exc:
        raise QuickEntryError(f"check back: {exc}") from exc
    return said.at, text, said.note


def _offer(
    clauses: dict[str, str], company: str, role: str | None, now: datetime, tz: tzinfo
) -> tuple[datetime | None, str | None, str | None]:
    """An offer: the answer-by date, its note, and how an open phrase was read. Read as
    `pursuit offer COMPANY --by WHEN --note TEXT` reads its date."""
    if "offer" not in clauses:
        return None, None, None
    # With a role ("Acme / Backend Engineer offer by …") the offer is for that application,
    # one already open: which one, when the company has several.
    example = f"`{shown(company)}{f' / {shown(role)}' if role else ''} offer by fri 17:00`"
    if "check back" in clauses:
        raise QuickEntryError(
            "an offer's answer-by date is the next step; leave out the check back"
        )
    clause = clauses["offer"]
    note_at = _NOTE.search(clause)
    when_text = clause[: note_at.start()] if note_at else clause
    note = clause[note_at.end() :].strip() if note_at else ""
    by = _BY.match(when_text)
    when_text = when_text[by.end() :].strip() if by else when_text.strip()
    if not when_text:
        raise QuickEntryError(f"say when they want an answer, as in {example}")
    try:
        said = read_when(when_text, now, tz, prefer="future")
    except DateParseError as exc:
        raise QuickEntryError(f"offer by: {exc}") from exc
    if said.at <= now:
        raise QuickEntryError("the answer-by date must be in the future")
    return said.at, note or None, said.note
