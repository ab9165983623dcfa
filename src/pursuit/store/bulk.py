"""A planned search written in a few large statements, by the same rules as the commands.

`pursuit demo --apps 10000` through the commands costs about 38 statements and 15 ORM
flushes per application: minutes. Here the plan's steps are applied to rows held in memory,
and every derived value (due dates, drafts, status events, closed_at, superseded reminders
cancelled, bridges and their check-ins) comes from the same domain functions the commands
call; the rows then go in with executemany, in one BEGIN IMMEDIATE transaction.

`tests/store/test_store_bulk.py` replays one plan through the commands and through here and
compares the two files column by column: the commands stay the one definition of what a
write means, and a change to them that this file does not follow fails that test.

Deliberately different from the commands:
- nothing is recorded for undo (no `change` rows): a generated search is not taken back
  step by step; `pursuit undo` afterwards takes back the last command recorded before it;
- the plan may only name new companies, one application each, and must reference them by
  their exact names (the commands would also match a prefix or an existing company).
The revision counter still moves: its triggers fire on these inserts like on any other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, assert_never

from pursuit.domain.cadence import Cadence, CadenceError, parse_cadence
from pursuit.domain.deadlines import follow_up_due, thank_you_due
from pursuit.domain.drafts import check_in_draft, follow_up_draft, thank_you_draft
from pursuit.domain.gimmicks import Channel
from pursuit.domain.matching import MatchError, match_name, name_key
from pursuit.domain.people import Person
from pursuit.domain.pesky import Direction
from pursuit.domain.status import CLOSED, Status, StatusError, check_move
from pursuit.domain.text import clean_name, clean_text
from pursuit.store import sqlite
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.steps import (
    Apply,
    CheckIn,
    FollowUp,
    HeardBack,
    Interview,
    Move,
    Reject,
    Step,
    Thanks,
)
from pursuit.store.timefmt import to_db


@dataclass(frozen=True)
class Written:
    applications: int
    actions: int
    events: int


# --- rows in memory; ids count from 1 and are shifted past the file's own when written ---


@dataclass(slots=True)
class _Contact:
    id: int
    company_id: int
    name: str
    role: str | None
    created_at: datetime
    key: str


@dataclass(slots=True)
class _Action:
    id: int
    kind: str
    due_at: datetime
    due_guessed: bool
    company_id: int
    application_id: int | None
    contact_id: int | None
    interview_id: int | None
    draft: str
    created_at: datetime
    done_at: datetime | None = None
    sent_note: str | None = None
    deleted_at: datetime | None = None

    @property
    def pending(self) -> bool:
        return self.done_at is None and self.deleted_at is None


@dataclass(slots=True)
class _Company:
    id: int
    name: str
    key: str
    created_at: datetime
    is_bridge: bool = False
    bridge_cadence: str | None = None
    bridge_since: datetime | None = None
    contacts: list[_Contact] = field(default_factory=list)
    actions: list[_Action] = field(default_factory=list)


@dataclass(slots=True)
class _App:
    id: int
    company: _Company
    title: str
    status: Status
    source: str | None
    applied_at: datetime | None
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None = None
    actions: list[_Action] = field(default_factory=list)


# (id, application_id, starts_at, ends_at, kind, guidance_text, guidance_at, created_at)
_InterviewRow = tuple[int, int, datetime, datetime, str, str | None, datetime | None, datetime]
# (id, at, kind, direction, channel, company_id, application_id, contact_id, summary, body,
#  created_at)
_EventRow = tuple[
    int,
    datetime,
    str,
    str | None,
    str | None,
    int,
    int | None,
    int | None,
    str,
    str | None,
    datetime,
]


class _Names(dict[str, str]):
    """clean_name once per distinct text: the same roles, people and companies recur."""

    def __missing__(self, text: str) -> str:
        cleaned = self[text] = clean_name(text)
        return cleaned

    def required(self, text: str, what: str) -> str:
        cleaned = self[text]
        if not cleaned:
            raise InputError(f"{what} is empty")
        return cleaned


class _Search:
    """The plan applied in memory, step by step, as the commands would apply it."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.companies: dict[str, _Company] = {}
        self.apps: dict[str, _App] = {}
        self.contacts: list[_Contact] = []
        self.interviews: list[_InterviewRow] = []
        self.links: list[tuple[int, int]] = []
        self.actions: list[_Action] = []
        self.events: list[_EventRow] = []
        self._bridge_rule: Cadence | None = None
        self._names = _Names()
        self._by_text: dict[str, _Company] = {}

    # Lookups, as store.lookup resolves what a command was given.

    def _company(self, text: str) -> _Company:
        found = self._by_text.get(text)
        if found is None:
            found = self.companies.get(name_key(self._names[text]))
            if found is None:
                raise InputError(f'no company named "{self._names[text]}" earlier in the plan')
            self._by_text[text] = found
        return found

    def _app(self, company: str, *, open_only: bool = False) -> _App:
        comp = self._company(company)
        app = self.apps[comp.key]
        if open_only and app.status in CLOSED:
            raise InputError(f"{comp.name} has no open application (last one is {app.status})")
        return app

    def _contact(self, comp: _Company, person: Person, now: datetime) -> _Contact:
        name = self._names.required(person.name, "interviewer name")
        role = self._names[person.role] if person.role else None
        key = name_key(name)
        for existing in comp.contacts:
            if existing.key == key:
                if role and not existing.role:
                    existing.role = role
                return existing
        contact = _Contact(len(self.contacts) + 1, comp.id, name, role, now, key)
        self.contacts.append(contact)
        comp.contacts.append(contact)
        return contact

    # Rows, as commands.new_action and commands.add_event make them.

    def _new_action(
        self,
        now: datetime,
        *,
        kind: str,
        due: datetime,
        comp: _Company,
        app: _App | None = None,
        contact_id: int | None = None,
        interview_id: int | None = None,
        draft: str = "",
        guessed: bool = False,
    ) -> None:
        action = _Action(
            len(self.actions) + 1,
            kind,
            due,
            guessed,
            comp.id,
            app.id if app else None,
            contact_id,
            interview_id,
            draft,
            now,
        )
        self.actions.append(action)
        comp.actions.append(action)
        if app is not None:
            app.actions.append(action)

    def _event(
        self,
        now: datetime,
        *,
        kind: str,
        summary: str,
        comp: _Company,
        app_id: int | None = None,
        contact_id: int | None = None,
        direction: Direction | None = None,
        channel: str | None = None,
        body: str | None = None,
        at: datetime | None = None,
    ) -> None:
        self.events.append(
            (
                len(self.events) + 1,
                at or now,
                kind,
                direction.value if direction else None,
                channel,
                comp.id,
                app_id,
                contact_id,
                summary,
                body,
                now,
            )
        )

    @staticmethod
    def _cancel(actions: Iterable[_Action], now: datetime) -> None:
        for action in actions:
            action.deleted_at = now

    @staticmethod
    def _pending(actions: Iterable[_Action], kind: str) -> list[_Action]:
        return [a for a in actions if a.kind == kind and a.pending]

    def _follow_up_draft(self, app: _App, name: str | None = None) -> str:
        return follow_up_draft(name=name, role=app.title, company=app.company.name)

    def _first_contact(self, comp: _Company) -> _Contact | None:
        return comp.contacts[0] if comp.contacts else None

    def _set_status(self, app: _App, new: Status, now: datetime) -> None:
        old = app.status
        app.status = new
        app.updated_at = now
        app.closed_at = now if new in CLOSED else None
        self._event(
            now,
            kind="status",
            summary=f"{old.label} → {new.label}",
            comp=app.company,
            app_id=app.id,
        )

    @staticmethod
    def _check_move(app: _App, new: Status) -> None:
        try:
            check_move(app.status, new)
        except StatusError as exc:
            raise InputError(f"{app.company.name}: {exc}") from None

    # One method per step.

    def apply(self, step: Step) -> None:
        match step:
            case Apply():
                self._add(step)
            case FollowUp():
                self._follow_up(step)
            case HeardBack():
                self._heard_back(step)
            case Move():
                self._move(step)
            case Interview():
                self._interview(step)
            case Thanks():
                self._thanks(step)
            case Reject():
                self._reject(step.at, self._app(step.company), friendly=step.friendly)
            case CheckIn():
                self._check_in(step)
            case _:
                assert_never(step)

    def _add(self, step: Apply) -> None:
        now, settings = step.at, self.ctx.settings
        name = self._names.required(step.company, "company name")
        title = self._names.required(step.role, "role")
        key = name_key(name)
        if key in self.companies:
            raise InputError(f"{name} is in the plan twice; bulk writes one application each")
        comp = _Company(len(self.companies) + 1, name, key, now)
        self.companies[key] = comp
        status = Status.WISHLIST if step.wishlist else Status.APPLIED
        app = _App(
            len(self.apps) + 1,
            comp,
            title,
            status,
            self._names[step.source] if step.source else None,
            now if status != Status.WISHLIST else None,
            now,
            now,
        )
        self.apps[key] = app
        self._event(
            now,
            kind="status",
            summary=f"{status.label}: {title}",
            comp=comp,
            app_id=app.id,
            direction=Direction.OUT if status != Status.WISHLIST else None,
        )
        if status == Status.APPLIED:
            self._new_action(
                now,
                kind="follow_up",
                due=now + settings.default_guidance,
                comp=comp,
                app=app,
                guessed=True,
                draft=self._follow_up_draft(app),
            )

    def _follow_up(self, step: FollowUp) -> None:
        now, settings = step.at, self.ctx.settings
        app = self._app(step.company)
        for action in self._pending(app.actions, "follow_up"):
            action.done_at = now
            action.sent_note = None
        channel = Channel.EMAIL.value
        self._event(
            now,
            kind="follow_up",
            summary=f"follow-up ({channel})",
            comp=app.company,
            app_id=app.id,
            direction=Direction.OUT,
            channel=channel,
        )
        on_hold = app.status == Status.ON_HOLD
        gap = settings.hold_cadence if on_hold else settings.default_guidance
        self._new_action(
            now,
            kind="follow_up",
            due=now + gap,
            comp=app.company,
            app=app,
            guessed=True,
            draft=self._follow_up_draft(app),
        )
        app.updated_at = now

    def _heard_back(self, step: HeardBack) -> None:
        app = self._app(step.company, open_only=True)
        self._event(
            step.at,
            kind="reply",
            summary="heard back",
            comp=app.company,
            app_id=app.id,
            direction=Direction.IN,
            body=clean_text(step.note, multiline=True).strip() if step.note else None,
        )
        app.updated_at = step.at

    def _move(self, step: Move) -> None:
        now, settings = step.at, self.ctx.settings
        app = self._app(step.company)
        if step.status == Status.REJECTED:
            self._reject(now, app, friendly=False)
            return
        self._check_move(app, step.status)
        self._set_status(app, step.status, now)
        if step.status in CLOSED or step.status == Status.ACCEPTED:
            self._cancel(self._all_pending(app), now)
        elif step.status == Status.ON_HOLD:
            self._cancel(self._pending(app.actions, "follow_up"), now)
            self._new_action(
                now,
                kind="follow_up",
                due=now + settings.hold_cadence,
                guessed=True,
                comp=app.company,
                app=app,
                draft=self._follow_up_draft(app),
            )

    @staticmethod
    def _all_pending(app: _App) -> list[_Action]:
        return [a for a in app.actions if a.pending and a.kind != "thank_you"]

    def _interview(self, step: Interview) -> None:
        now, ctx = step.at, self.ctx
        if not step.people:
            raise InputError("say who interviewed you: --with NAME (once per interviewer)")
        if not 1 <= step.minutes <= 24 * 60:
            raise InputError("interview length must be between 1 and 1440 minutes")
        kind = self._names.required(step.kind, "interview kind").lower()
        ends = step.starts + timedelta(minutes=step.minutes)
        if step.check_back is not None and step.check_back < ends:
            raise InputError("the check-back date is before the interview ends")
        app = self._app(step.company, open_only=True)
        comp = app.company
        interview_id = len(self.interviews) + 1
        self.interviews.append(
            (
                interview_id,
                app.id,
                step.starts,
                ends,
                kind,
                self._names[step.check_back_text] if step.check_back_text else None,
                step.check_back,
                now,
            )
        )
        contacts = [self._contact(comp, person, now) for person in step.people]
        unique = list({c.id: c for c in contacts}.values())
        due = thank_you_due(ends, ctx.settings)
        # As commands.log_interview: drafts differ from every note to this company (R2).
        earlier = [
            a.sent_note or a.draft
            for a in comp.actions
            if a.kind == "thank_you" and a.deleted_at is None
        ]
        everyone = [c.name for c in comp.contacts]
        when = f"on {step.starts.astimezone(ctx.tz):%A}"
        drafts: list[str] = []
        for index, contact in enumerate(unique):
            self.links.append((interview_id, contact.id))
            draft = thank_you_draft(
                name=contact.name,
                company=comp.name,
                role=app.title,
                talking_point=None,
                when=when,
                index=len(earlier) + index,
                others=[*earlier, *drafts],
                names=everyone,
            )
            drafts.append(draft)
            self._new_action(
                now,
                kind="thank_you",
                due=due,
                comp=comp,
                app=app,
                contact_id=contact.id,
                interview_id=interview_id,
                draft=draft,
            )
        self._cancel(self._pending(app.actions, "follow_up"), now)
        fu = follow_up_due(ends, step.check_back, ctx.settings)
        self._new_action(
            now,
            kind="follow_up",
            due=fu.at,
            guessed=fu.guessed,
            comp=comp,
            app=app,
            interview_id=interview_id,
            draft=self._follow_up_draft(app, unique[0].name),
        )
        if app.status in (Status.WISHLIST, Status.APPLIED, Status.SCREENING):
            self._set_status(app, Status.INTERVIEWING, now)
        names = ", ".join(c.name for c in unique)
        self._event(
            now,
            kind="interview",
            summary=f"{kind} with {names}",
            comp=comp,
            app_id=app.id,
            direction=Direction.IN,
            at=step.starts,
        )
        app.updated_at = now

    def _thanks(self, step: Thanks) -> None:
        comp = self._company(step.company)
        try:
            contact_id = match_name(
                self._names[step.name], [(c.id, c.name) for c in comp.contacts], what="person"
            )
        except MatchError as exc:
            raise InputError(f"{comp.name}: {exc}") from None
        contact = self.contacts[contact_id - 1]
        owed = [a for a in self._pending(comp.actions, "thank_you") if a.contact_id == contact_id]
        if not owed:
            raise InputError(f"no thank-you note to {contact.name} is pending")
        action = min(owed, key=lambda a: a.due_at)
        text = clean_text(step.note, multiline=True).strip()
        action.done_at = step.at
        action.sent_note = text
        channel = Channel.EMAIL.value
        self._event(
            step.at,
            kind="thank_you",
            summary=f"thank-you note to {contact.name}",
            comp=comp,
            app_id=action.application_id,
            contact_id=contact.id,
            direction=Direction.OUT,
            channel=channel,
            body=text,
        )

    def _bridge(self) -> Cadence:
        if self._bridge_rule is None:
            try:
                self._bridge_rule = parse_cadence(self.ctx.settings.bridge_rule)
            except CadenceError as exc:
                raise InputError(str(exc)) from None
        return self._bridge_rule

    def _reject(self, now: datetime, app: _App, *, friendly: bool) -> None:
        rule = self._bridge() if friendly else None
        comp = app.company
        self._check_move(app, Status.REJECTED)
        self._set_status(app, Status.REJECTED, now)
        self._cancel(self._all_pending(app), now)
        self._event(
            now,
            kind="rejected",
            direction=Direction.IN,
            comp=comp,
            app_id=app.id,
            summary="rejected, on good terms" if friendly else "rejected",
        )
        if rule is None:
            return
        comp.is_bridge = True
        comp.bridge_cadence = rule.text
        comp.bridge_since = now
        self._cancel(self._pending(comp.actions, "check_in"), now)
        contact = self._first_contact(comp)
        self._new_action(
            now,
            kind="check_in",
            due=rule.after(now, now, self.ctx.tz),
            comp=comp,
            contact_id=contact.id if contact else None,
            draft=check_in_draft(name=contact.name if contact else None, company=comp.name),
        )
        self._event(
            now, kind="bridge", comp=comp, summary=f"kept as a bridge: check in {rule.describe()}"
        )

    def _check_in(self, step: CheckIn) -> None:
        now = step.at
        text = clean_text(step.note, multiline=True).strip() if step.note else None
        comp = self._company(step.company)
        if not comp.is_bridge or not comp.bridge_cadence or comp.bridge_since is None:
            raise InputError(f"{comp.name} is not a bridge; reject it with --friendly first")
        for action in self._pending(comp.actions, "check_in"):
            action.done_at = now
            action.sent_note = text
        self._event(
            now, kind="check_in", summary="check-in", direction=Direction.OUT, comp=comp, body=text
        )
        cadence = Cadence(comp.bridge_cadence)
        if not cadence.is_calendar:
            comp.bridge_since = now
        contact = self._first_contact(comp)
        self._new_action(
            now,
            kind="check_in",
            due=cadence.after(comp.bridge_since, now, self.ctx.tz),
            comp=comp,
            contact_id=contact.id if contact else None,
            draft=check_in_draft(name=contact.name if contact else None, company=comp.name),
        )


# --- writing -------------------------------------------------------------------------------

_COLUMNS = {
    "company": "id, name, name_key, is_bridge, bridge_cadence, bridge_since, notes, created_at, "
    "deleted_at",
    "contact": "id, company_id, name, role, email, talking_point, notes, created_at, deleted_at",
    "application": "id, company_id, title, status, source, url, priority, salary, notes, "
    "applied_at, created_at, updated_at, closed_at, reopened_from_id, deleted_at",
    "interview": "id, application_id, starts_at, ends_at, kind, notes, guidance_text, "
    "guidance_at, created_at, deleted_at",
    "interview_contact": "interview_id, contact_id",
    "action": "id, kind, due_at, due_guessed, snoozed_until, next_at, done_at, company_id, "
    "application_id, contact_id, interview_id, draft, sent_note, notified_at, created_at, "
    "deleted_at",
    "event": "id, at, kind, direction, channel, company_id, application_id, contact_id, summary, "
    "body, created_at, deleted_at",
}
_ID_TABLES = ("company", "contact", "application", "interview", "action", "event")
_CACHE_KIB = 256 * 1024
"""A ceiling, not an allocation: 10,000 applications dirty about 45 MB of pages."""


class _Instants(dict[datetime | None, str | None]):
    """Each instant through to_db once: a step's time is stamped on several rows."""

    def __missing__(self, key: datetime | None) -> str | None:
        value = None if key is None else to_db(key)
        self[key] = value
        return value


def _plus(value: int | None, base: int) -> int | None:
    return None if value is None else value + base


def _rows(search: _Search, base: dict[str, int]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row as the file stores it, ids shifted past the ones already there."""
    bc, bk, ba = base["company"], base["contact"], base["application"]
    bi, bx, be = base["interview"], base["action"], base["event"]
    w = _Instants()
    companies = [
        (
            *(c.id + bc, c.name, c.key, c.is_bridge, c.bridge_cadence, w[c.bridge_since]),
            *("", w[c.created_at], None),
        )
        for c in search.companies.values()
    ]
    contacts = [
        (k.id + bk, k.company_id + bc, k.name, k.role, None, None, "", w[k.created_at], None)
        for k in search.contacts
    ]
    applications = [
        (
            *(a.id + ba, a.company.id + bc, a.title, a.status.value, a.source, None, 0, None, ""),
            *(w[a.applied_at], w[a.created_at], w[a.updated_at]),
            *(w[a.closed_at], None, None),
        )
        for a in search.apps.values()
    ]
    interviews = [
        (
            *(i + bi, app + ba, w[starts], w[ends], kind, "", text, w[back]),
            *(w[created], None),
        )
        for i, app, starts, ends, kind, text, back, created in search.interviews
    ]
    actions = [
        (
            *(x.id + bx, x.kind, w[x.due_at], x.due_guessed, None, w[x.due_at]),
            *(w[x.done_at], x.company_id + bc, _plus(x.application_id, ba)),
            *(_plus(x.contact_id, bk), _plus(x.interview_id, bi), x.draft, x.sent_note, None),
            *(w[x.created_at], w[x.deleted_at]),
        )
        for x in search.actions
    ]
    events = [
        (
            *(e + be, w[at], kind, direction, channel, comp + bc, _plus(app, ba)),
            *(_plus(contact, bk), summary, body, w[created], None),
        )
        for e, at, kind, direction, channel, comp, app, contact, summary, body, created in (
            search.events
        )
    ]
    return {
        "company": companies,
        "contact": contacts,
        "application": applications,
        "interview": interviews,
        "interview_contact": [(i + bi, k + bk) for i, k in search.links],
        "action": actions,
        "event": events,
    }


def _bases(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        table: int(conn.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0])
        for table in _ID_TABLES
    }


def _refuse_clashes(conn: sqlite3.Connection, keys: Iterable[str]) -> None:
    taken = {row[0]: row[1] for row in conn.execute("SELECT name_key, name FROM company")}
    clashes = [taken[k] for k in keys if k in taken]
    if clashes:
        raise InputError(
            f"{clashes[0]} is already in this database ({len(clashes)} of the generated "
            "companies are); generate into a new file"
        )


def write_plan(ctx: Ctx, plan: Sequence[Step]) -> Written:
    """Apply `plan` as the commands would, in one transaction; refuses (InputError, nothing
    written) a plan that names a company already in the file or that a command would refuse."""
    search = _Search(ctx)
    for step in plan:
        search.apply(step)
    with ctx.db.connection() as conn:
        # This connection only: room for every page the transaction dirties. A cache that
        # spills mid-transaction writes pages to the WAL more than once and keeps statement
        # journals in temporary files; both together double the time of the inserts.
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        conn.execute("PRAGMA temp_store = MEMORY")
        # Rows are built before the write lock is taken, so other writers wait only for the
        # inserts; if one wrote meanwhile the ids are shifted again under the lock.
        base = _bases(conn)
        rows = _rows(search, base)
        with sqlite.write_transaction(conn):
            _refuse_clashes(conn, search.companies)
            now_base = _bases(conn)
            if now_base != base:
                rows = _rows(search, now_base)
            for table, columns in _COLUMNS.items():
                marks = ", ".join("?" * (columns.count(",") + 1))
                conn.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                    rows[table],
                )
    return Written(len(search.apps), len(search.actions), len(search.events))


def refuse_existing(ctx: Ctx, companies: Iterable[str]) -> None:
    """InputError if any of these companies is already in the file (checked again, under
    the write lock, by `write_plan`); lets a caller refuse before writing anything else."""
    with ctx.db.read() as conn:
        _refuse_clashes(conn, [name_key(clean_name(name)) for name in companies])
