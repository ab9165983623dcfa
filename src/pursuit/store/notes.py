"""Finding the thank-you draft a user names by company and interviewer (`pursuit note`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pursuit.domain.matching import MatchError, match_name
from pursuit.store import action_reads, company_reads
from pursuit.store.database import Database
from pursuit.store.errors import InputError


@dataclass(frozen=True)
class PendingNote:
    action_id: int
    company: str
    contact: str
    draft: str
    due: datetime


def pending_thank_you(db: Database, company: str, name: str) -> PendingNote:
    """The earliest pending thank-you note to `name` at `company` (names as typed: any
    case, a unique prefix). Raises InputError when there is none."""
    with db.read() as conn:
        try:
            company_id = match_name(company, company_reads.company_names(conn))
            people = [(c.id, c.name) for c in company_reads.contacts(conn, company_id)]
            contact_id = match_name(name, people, what="person")
        except MatchError as exc:
            raise InputError(str(exc)) from None
        notes = [
            r
            for r in action_reads.pending_actions(conn)
            if r.kind == "thank_you" and r.contact_id == contact_id
        ]
    contact = dict(people)[contact_id]
    if not notes:
        raise InputError(f"no thank-you note to {contact} is pending")
    row = notes[0]
    return PendingNote(row.id, row.company, contact, row.draft, row.next_at)
