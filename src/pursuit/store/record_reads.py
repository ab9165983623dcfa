"""Reading the whole record: a company with every field, person, interview, event and
reminder (`pursuit show`, the detail view). The past (the history view, `list --all`) is
read in past_reads.py, drafts and texts sent (`pursuit note`) in note_reads.py.

Plain SQL over the standard library's sqlite3, returning frozen dataclasses, like
`store.reads`; soft-deleted rows are left out.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.matching import MatchError, match_name
from pursuit.domain.status import CLOSED, Status
from pursuit.store import company_reads
from pursuit.store.errors import InputError
from pursuit.store.timefmt import from_db, opt_from_db

LIVE = "deleted_at IS NULL"
FRIENDLY = "rejected, on good terms"
"""The summary `reject --friendly` gives its event: the outcome "rejected on good terms"."""


@dataclass(frozen=True)
class InterviewRecord:
    id: int
    application_id: int
    starts_at: datetime
    ends_at: datetime
    kind: str
    place: str | None
    notes: str
    guidance_text: str | None
    guidance_at: datetime | None
    people: tuple[str, ...]

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass(frozen=True)
class AppRecord:
    id: int
    title: str
    status: Status
    source: str | None
    url: str | None
    location: str | None
    remote: bool | None
    salary: str | None
    salary_low: int | None
    salary_high: int | None
    priority: int
    notes: str
    applied_at: datetime | None
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    reopened_from_id: int | None
    outcome: str | None
    """How it ended: "rejected on good terms", "ghosted", "accepted"…; None while open."""
    interviews: tuple[InterviewRecord, ...] = ()


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    role: str | None
    email: str | None
    phone: str | None
    url: str | None
    talking_point: str | None
    notes: str


@dataclass(frozen=True)
class EventRecord:
    id: int
    at: datetime
    kind: str
    direction: str | None
    channel: str | None
    summary: str
    body: str | None
    """What was typed with it: a note, or the text actually sent."""
    contact: str | None
    application_id: int | None
    title: str | None


@dataclass(frozen=True)
class NextAction:
    id: int
    kind: str
    due_at: datetime
    next_at: datetime
    guessed: bool
    contact: str | None
    application_id: int | None
    title: str | None
    draft: str
    contact_id: int | None = None
    interview_id: int | None = None


@dataclass(frozen=True)
class CompanyRecord:
    id: int
    name: str
    is_bridge: bool
    cadence: str | None
    notes: str
    applications: tuple[AppRecord, ...]
    contacts: tuple[PersonRecord, ...]
    events: tuple[EventRecord, ...]
    """Newest first."""
    actions: tuple[NextAction, ...]
    """Pending, soonest first."""

    def application(self, application_id: int | None) -> AppRecord | None:
        return next((a for a in self.applications if a.id == application_id), None)


def find_company(conn: sqlite3.Connection, text: str) -> int:
    """The live company a user means, as every verb matches one; InputError if none."""
    from pursuit.domain.text import clean_name

    try:
        return match_name(clean_name(text), company_reads.company_names(conn))
    except MatchError as exc:
        raise InputError(str(exc)) from None


_APP_COLUMNS = """a.id, a.title, a.status, a.source, a.url, a.location, a.remote, a.salary,
  a.salary_low, a.salary_high, a.priority, a.notes, a.applied_at, a.created_at, a.updated_at,
  a.closed_at, a.reopened_from_id,
  EXISTS(SELECT 1 FROM event e WHERE e.application_id = a.id AND e.kind = 'rejected'
         AND e.summary = ? AND e.deleted_at IS NULL)"""


def outcome_of(status: Status, friendly: bool) -> str | None:
    if status == Status.REJECTED and friendly:
        return "rejected on good terms"
    if status in CLOSED or status == Status.ACCEPTED:
        return status.label
    return None


def company_record(
    conn: sqlite3.Connection, company_id: int, *, events: int | None = None
) -> CompanyRecord | None:
    """Everything about one company; `events` caps the timeline (newest kept)."""
    company = conn.execute(
        "SELECT id, name, is_bridge, bridge_cadence, notes FROM company WHERE id = ?",
        (company_id,),
    ).fetchone()
    if company is None:
        return None
    people = [
        PersonRecord(int(r[0]), str(r[1]), r[2], r[3], r[4], r[5], r[6], str(r[7] or ""))
        for r in conn.execute(
            f"""SELECT id, name, role, email, phone, url, talking_point, notes FROM contact
            WHERE company_id = ? AND {LIVE} ORDER BY id""",
            (company_id,),
        )
    ]
    interviews: dict[int, list[InterviewRecord]] = {}
    # The people in the order they were added: an aggregate's order is the engine's own
    # (PostgreSQL's follows where an edited row now lies), so the names come sorted.
    for r in conn.execute(
        f"""SELECT i.id, i.application_id, i.starts_at, i.ends_at, i.kind, i.place, i.notes,
          i.guidance_text, i.guidance_at,
          (SELECT group_concat(name, char(31)) FROM (SELECT p.name FROM interview_contact l
             JOIN contact p ON p.id = l.contact_id WHERE l.interview_id = i.id
             ORDER BY p.id) AS people)
        FROM interview i JOIN application a ON a.id = i.application_id
        WHERE a.company_id = ? AND i.{LIVE} AND a.{LIVE} ORDER BY i.starts_at, i.id""",
        (company_id,),
    ):
        interviews.setdefault(int(r[1]), []).append(
            InterviewRecord(
                int(r[0]),
                int(r[1]),
                from_db(str(r[2])),
                from_db(str(r[3])),
                str(r[4]),
                r[5],
                str(r[6] or ""),
                r[7],
                opt_from_db(r[8]),
                tuple(str(r[9]).split("\x1f")) if r[9] else (),
            )
        )
    apps = [
        _app(r, tuple(interviews.get(int(r[0]), ())))
        for r in conn.execute(
            f"SELECT {_APP_COLUMNS} FROM application a WHERE a.company_id = ? AND a.{LIVE} "
            "ORDER BY a.created_at DESC, a.id DESC",
            (FRIENDLY, company_id),
        )
    ]
    timeline = company_events(conn, company_id, limit=events)
    actions = [
        NextAction(
            int(r[0]),
            str(r[1]),
            from_db(str(r[2])),
            from_db(str(r[3])),
            bool(r[4]),
            r[5],
            r[6],
            r[7],
            str(r[8] or ""),
            r[9],
            r[10],
        )
        for r in conn.execute(
            f"""SELECT x.id, x.kind, x.due_at, x.next_at, x.due_guessed, p.name,
              x.application_id, a.title, x.draft, x.contact_id, x.interview_id
            FROM action x LEFT JOIN contact p ON p.id = x.contact_id
            LEFT JOIN application a ON a.id = x.application_id
            WHERE x.company_id = ? AND x.done_at IS NULL AND x.{LIVE}
            ORDER BY x.next_at, x.id""",
            (company_id,),
        )
    ]
    return CompanyRecord(
        int(company[0]),
        str(company[1]),
        bool(company[2]),
        company[3],
        str(company[4] or ""),
        tuple(apps),
        tuple(people),
        tuple(timeline),
        tuple(actions),
    )


def company_events(
    conn: sqlite3.Connection, company_id: int, *, limit: int | None = None, offset: int = 0
) -> list[EventRecord]:
    """A company's history, newest first, with each note typed and text sent: `limit`
    events (all if None) after the `offset` newest."""
    return [
        EventRecord(
            int(r[0]),
            from_db(str(r[1])),
            str(r[2]),
            r[3],
            r[4],
            str(r[5]),
            r[6],
            r[7],
            r[8],
            r[9],
        )
        for r in conn.execute(
            f"""SELECT e.id, e.at, e.kind, e.direction, e.channel, e.summary, e.body, p.name,
              e.application_id, a.title
            FROM event e LEFT JOIN contact p ON p.id = e.contact_id
            LEFT JOIN application a ON a.id = e.application_id
            WHERE e.company_id = ? AND e.{LIVE} ORDER BY e.at DESC, e.id DESC
            LIMIT ? OFFSET ?""",
            (company_id, -1 if limit is None else limit, offset),
        )
    ]


def _app(r: tuple[object, ...], interviews: tuple[InterviewRecord, ...]) -> AppRecord:
    status = Status(str(r[2]))
    return AppRecord(
        id=int(r[0]),  # type: ignore[call-overload]
        title=str(r[1]),
        status=status,
        source=r[3],  # type: ignore[arg-type]
        url=r[4],  # type: ignore[arg-type]
        location=r[5],  # type: ignore[arg-type]
        remote=None if r[6] is None else bool(r[6]),
        salary=r[7],  # type: ignore[arg-type]
        salary_low=r[8],  # type: ignore[arg-type]
        salary_high=r[9],  # type: ignore[arg-type]
        priority=int(r[10] or 0),  # type: ignore[call-overload]
        notes=str(r[11] or ""),
        applied_at=opt_from_db(r[12]),  # type: ignore[arg-type]
        created_at=from_db(str(r[13])),
        updated_at=from_db(str(r[14])),
        closed_at=opt_from_db(r[15]),  # type: ignore[arg-type]
        reopened_from_id=r[16],  # type: ignore[arg-type]
        outcome=outcome_of(status, bool(r[17])),
        interviews=interviews,
    )
