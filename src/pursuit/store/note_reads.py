"""Reading notes: the drafts pending for a company and the texts sent to it (`pursuit
note`), and the person a name means there.

Plain SQL over the standard library's sqlite3, like `store.record_reads`; soft-deleted
rows are left out.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.matching import MatchError, match_name
from pursuit.store import company_reads
from pursuit.store.errors import InputError
from pursuit.store.record_reads import LIVE
from pursuit.store.timefmt import from_db


@dataclass(frozen=True)
class Note:
    kind: str
    """thank_you, follow_up, check_in, withdraw, answer_offer (an action's or event's kind)."""
    contact: str | None
    title: str | None
    at: datetime
    """When it is due (a draft) or when it was sent."""
    text: str
    action_id: int | None = None


def pending_drafts(
    conn: sqlite3.Connection, company_id: int, contact_id: int | None = None
) -> list[Note]:
    """The company's pending drafts, soonest first (one person's, when given)."""
    who = "" if contact_id is None else " AND x.contact_id = ?"
    params: tuple[object, ...] = (company_id,) if contact_id is None else (company_id, contact_id)
    return [
        Note(str(r[0]), r[1], r[2], from_db(str(r[3])), str(r[4] or ""), int(r[5]))
        for r in conn.execute(
            f"""SELECT x.kind, p.name, a.title, x.next_at, x.draft, x.id FROM action x
            LEFT JOIN contact p ON p.id = x.contact_id
            LEFT JOIN application a ON a.id = x.application_id
            WHERE x.company_id = ? AND x.done_at IS NULL AND x.{LIVE}{who}
            ORDER BY x.next_at, x.id""",
            params,
        )
    ]


def sent_texts(
    conn: sqlite3.Connection, company_id: int, contact_id: int | None = None
) -> list[Note]:
    """What was actually sent to the company (thank-you notes, follow-ups, check-ins, any
    outgoing note with its text), oldest first; one person's, when given."""
    who = "" if contact_id is None else " AND e.contact_id = ?"
    params: tuple[object, ...] = (company_id,) if contact_id is None else (company_id, contact_id)
    return [
        Note(str(r[0]), r[1], r[2], from_db(str(r[3])), str(r[4]))
        for r in conn.execute(
            f"""SELECT e.kind, p.name, a.title, e.at, e.body FROM event e
            LEFT JOIN contact p ON p.id = e.contact_id
            LEFT JOIN application a ON a.id = e.application_id
            WHERE e.company_id = ? AND e.direction = 'out' AND e.body IS NOT NULL
              AND e.body != '' AND e.{LIVE}{who}
            ORDER BY e.at, e.id""",
            params,
        )
    ]


def find_contact(conn: sqlite3.Connection, company_id: int, text: str) -> tuple[int, str]:
    people = [(c.id, c.name) for c in company_reads.contacts(conn, company_id)]
    try:
        found = match_name(text, people, what="person")
    except MatchError as exc:
        raise InputError(str(exc)) from None
    return found, dict(people)[found]
