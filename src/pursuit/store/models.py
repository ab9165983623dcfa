"""SQLModel tables for writes. The schema itself is owned by schema.py (migrations); a test
checks that these models and the migrated file agree column by column."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from pursuit.store.timefmt import from_db, to_db


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as fixed-width UTC text."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else to_db(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else from_db(str(value))


def _when(nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable))


class Company(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str
    is_bridge: bool = False
    bridge_cadence: str | None = None
    bridge_since: datetime | None = _when()
    notes: str = ""
    created_at: datetime = _when(nullable=False)
    deleted_at: datetime | None = _when()


class Contact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id")
    name: str
    role: str | None = None
    email: str | None = None
    talking_point: str | None = None
    notes: str = ""
    created_at: datetime = _when(nullable=False)
    deleted_at: datetime | None = _when()
    phone: str | None = None
    url: str | None = None


class Application(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id")
    title: str
    status: str
    source: str | None = None
    url: str | None = None
    priority: int = 0
    salary: str | None = None
    notes: str = ""
    applied_at: datetime | None = _when()
    created_at: datetime = _when(nullable=False)
    updated_at: datetime = _when(nullable=False)
    closed_at: datetime | None = _when()
    reopened_from_id: int | None = Field(default=None, foreign_key="application.id")
    deleted_at: datetime | None = _when()
    location: str | None = None
    remote: bool | None = None
    """True remote, False on site, None not said (schema 7)."""
    salary_low: int | None = None
    salary_high: int | None = None
    """The range the salary text reads as, for sorting; None when it reads as none."""


class Interview(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id")
    starts_at: datetime = _when(nullable=False)
    ends_at: datetime = _when(nullable=False)
    kind: str = "interview"
    notes: str = ""
    guidance_text: str | None = None
    guidance_at: datetime | None = _when()
    created_at: datetime = _when(nullable=False)
    deleted_at: datetime | None = _when()
    place: str | None = None
    """Where, or the video link (schema 7)."""


class InterviewContact(SQLModel, table=True):
    __tablename__ = "interview_contact"
    interview_id: int = Field(foreign_key="interview.id", primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", primary_key=True)


class Action(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: str
    due_at: datetime = _when(nullable=False)
    due_guessed: bool = False
    snoozed_until: datetime | None = _when()
    next_at: datetime = _when(nullable=False)
    done_at: datetime | None = _when()
    company_id: int = Field(foreign_key="company.id")
    application_id: int | None = Field(default=None, foreign_key="application.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    interview_id: int | None = Field(default=None, foreign_key="interview.id")
    draft: str = ""
    sent_note: str | None = None
    notified_at: datetime | None = _when()
    created_at: datetime = _when(nullable=False)
    deleted_at: datetime | None = _when()


class Event(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _when(nullable=False)
    kind: str
    direction: str | None = None
    channel: str | None = None
    company_id: int = Field(foreign_key="company.id")
    application_id: int | None = Field(default=None, foreign_key="application.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    summary: str
    body: str | None = None
    created_at: datetime = _when(nullable=False)
    deleted_at: datetime | None = _when()
    too_soon: bool | None = None
    """A follow-up sent though R5 said to wait (schema 4); None: not a follow-up, or not
    checked when it was logged."""


class Change(SQLModel, table=True):
    """One undoable change: the inverse operations, as JSON."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _when(nullable=False)
    label: str
    payload: str
    undone_at: datetime | None = _when()


class Setting(SQLModel, table=True):
    """A choice the user made that is not a row of the search (the options nudge's)."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    value: str | None = None
    created_at: datetime = _when(nullable=False)
    deleted_at: datetime | None = _when()


TABLES: dict[str, type[SQLModel]] = {
    "company": Company,
    "contact": Contact,
    "application": Application,
    "interview": Interview,
    "action": Action,
    "event": Event,
}
