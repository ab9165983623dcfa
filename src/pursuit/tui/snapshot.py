"""What the app shows, loaded in a worker thread as plain frozen data.

Nothing here touches widgets; the app receives a Snapshot in a message and paints it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from pursuit.agenda import Agenda, AgendaItem, build_agenda
from pursuit.domain.settings import RuleSettings
from pursuit.domain.status import OPEN
from pursuit.domain.whose import show_whose, whose_move_among
from pursuit.store import application_reads, company_reads
from pursuit.store.database import Database, Token
from pursuit.store.record_reads import (
    AppRecord,
    CompanyRecord,
    EventRecord,
    company_events,
    company_record,
)
from pursuit.tui import cells

PAGE = 100
"""Rows per pane: what fits a screen many times over; the filter (/) reaches the rest."""
FIRST_PAGE = 40
"""Rows per pane for the very first paint (a tall terminal's worth); the full page follows
at once. At 10,000 applications the page's queries and cells are most of the first read."""


@dataclass(frozen=True)
class Snapshot:
    agenda: Agenda
    apps: list[application_reads.ApplicationRow]
    bridges: list[company_reads.BridgeRow]
    revision: int
    now: datetime
    query: str
    agenda_rows: cells.PaneRows[AgendaItem]
    app_rows: cells.PaneRows[application_reads.ApplicationRow]
    bridge_rows: cells.PaneRows[company_reads.BridgeRow]
    """Cells are built here, in the worker, so the event loop only compares and paints."""
    page: int = PAGE
    token: Token = ()
    """The file's change token read before the rows: they are at least this new."""


def load_snapshot(
    db: Database,
    now: datetime,
    tz: tzinfo,
    settings: RuleSettings,
    *,
    query: str = "",
    page: int = PAGE,
) -> Snapshot:
    """Every pane's page at `now`, filtered by `query` in the queries themselves, so a
    match past the first page is found."""
    token = db.change_token()
    agenda = build_agenda(db, now, tz, settings, limit=page, announce=False, search=query)
    with db.read() as conn:
        apps = application_reads.applications(conn, limit=page, search=query, now=now)
        bridges = company_reads.bridges(conn, limit=page, search=query)
    return Snapshot(
        agenda,
        apps,
        bridges,
        agenda.revision,
        now,
        query,
        agenda_rows=cells.PaneRows.of(
            [cells.row(i.key, i, cells.agenda_cells(i, now, tz)) for i in agenda.items]
        ),
        app_rows=cells.PaneRows.of(
            [cells.row(f"app{r.id}", r, cells.app_cells(r, now, tz)) for r in apps]
        ),
        bridge_rows=cells.PaneRows.of(
            [cells.row(f"co{r.company_id}", r, cells.bridge_cells(r, now, tz)) for r in bridges]
        ),
        page=page,
        token=token,
    )


@dataclass(frozen=True)
class Detail:
    company_id: int
    company: str
    application_id: int | None
    record: CompanyRecord | None
    """Everything about the company: every field, person, interview, reminder, and the
    timeline (capped) with each note typed and each text sent."""
    draft: str | None
    draft_for: str | None
    more_events: bool = False
    """The history goes on past `events` (the full-screen detail reads on as it scrolls)."""
    standing: str | None = None
    """The application's status and whose move it is, as of the load (`_standing`)."""
    now: datetime | None = None
    """The clock at the load: dates in another year show it."""

    @property
    def application(self) -> AppRecord | None:
        return self.record.application(self.application_id) if self.record else None

    @property
    def heading(self) -> str:
        app = self.application
        return f"{self.company} — {app.title}" if app else self.company

    @property
    def events(self) -> tuple[EventRecord, ...]:
        """The timeline read so far, newest first."""
        return self.record.events if self.record else ()


def _standing(record: CompanyRecord, app: AppRecord, now: datetime, tz: tzinfo) -> str:
    """How it stands: "applied · their move until Tue 1 Dec", "interviewing · your move";
    how it ended once closed ("rejected on good terms")."""
    if app.status not in OPEN:
        return app.outcome or app.status.label
    pending = [(x.kind, x.next_at) for x in record.actions if x.application_id == app.id]
    return f"{app.status.label} · {show_whose(whose_move_among(pending, now), tz, now)}"


EVENTS_PAGE = 200
"""Events read at a time for the full-screen detail; the panel shows fewer."""


def load_detail(
    db: Database,
    *,
    company_id: int,
    application_id: int | None = None,
    item: AgendaItem | None = None,
    events: int = 60,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Detail:
    with db.read() as conn:
        record = company_record(conn, company_id, events=events + 1)
    draft = item.draft if item and item.draft else None
    more = record is not None and len(record.events) > events
    if record is not None and more:
        record = replace(record, events=record.events[:events])
    app = record.application(application_id) if record else None
    standing = None
    if record is not None and app is not None and now is not None and tz is not None:
        standing = _standing(record, app, now, tz)
    return Detail(
        company_id=company_id,
        company=record.name if record else "?",
        application_id=application_id,
        record=record,
        draft=draft,
        draft_for=item.what if draft and item else None,
        more_events=more,
        standing=standing,
        now=now,
    )


def load_events(db: Database, company_id: int, *, offset: int) -> list[EventRecord]:
    """The next page of a company's history, after the `offset` newest events."""
    with db.read() as conn:
        return company_events(conn, company_id, limit=EVENTS_PAGE + 1, offset=offset)
