"""The rows one write works on, as the world holds them: where they come from (a
`Source`: the database, or nothing), indexed by company as they are read or created, and
what changed in them since they were read.

`World` (world.py) is these rows with the lookups a write definition makes; the writer
reads `new` and `changed()` to write the rows in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from pursuit.domain.matching import fold, skeleton
from pursuit.store.rows import (
    ActionRow,
    AppRow,
    CompanyRow,
    ContactRow,
    EventRow,
    InterviewRow,
    LinkRow,
    Row,
    SettingRow,
)


@dataclass
class Loaded:
    """The rows of some companies, as a source hands them over."""

    companies: list[CompanyRow] = field(default_factory=list)
    contacts: list[ContactRow] = field(default_factory=list)
    apps: list[AppRow] = field(default_factory=list)
    interviews: list[InterviewRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    touches: list[EventRow] = field(default_factory=list)
    """Only the events that are touches (with a direction): what R5 reads."""


class Source(Protocol):
    """Where the world's rows come from: the database, or nothing (a new file, a test)."""

    def max_ids(self) -> dict[str, int]: ...
    def company_id(self, key: str) -> int | None:
        """By name key, soft-deleted companies included (adding one brings it back)."""

    def company_names(self) -> list[tuple[int, str]]:
        """Every live company, for matching a typed prefix."""

    def unusual_company_names(self) -> list[tuple[int, str]]:
        """The live companies whose names are not all printable ASCII (see look_alike)."""

    def owner_of(self, table: str, row_id: int) -> int | None:
        """The company of an application, action or contact."""

    def setting(self, key: str) -> SettingRow | None: ...
    def open_companies(self) -> list[int]:
        """Companies with an open application."""

    def load(self, company_ids: list[int]) -> Loaded: ...

    def events(self, company_id: int) -> list[EventRow]:
        """Every event of a company, touches or not, removed ones included."""


class EmptySource:
    def max_ids(self) -> dict[str, int]:
        return {}

    def company_id(self, key: str) -> int | None:
        return None

    def company_names(self) -> list[tuple[int, str]]:
        return []

    def unusual_company_names(self) -> list[tuple[int, str]]:
        return []

    def owner_of(self, table: str, row_id: int) -> int | None:
        return None

    def setting(self, key: str) -> SettingRow | None:
        return None

    def open_companies(self) -> list[int]:
        return []

    def load(self, company_ids: list[int]) -> Loaded:
        return Loaded()

    def events(self, company_id: int) -> list[EventRow]:
        return []


class Rows:
    """The rows read and created so far, indexed for the lookups, and their changes."""

    def __init__(self, source: Source | None = None) -> None:
        self._source: Source = source or EmptySource()
        self._next_ids = {t: i + 1 for t, i in self._source.max_ids().items()}
        self.companies: dict[int, CompanyRow] = {}
        self._by_key: dict[str, int] = {}
        self.contacts: dict[int, list[ContactRow]] = {}
        self.apps: dict[int, AppRow] = {}
        self._apps_of: dict[int, list[AppRow]] = {}
        self._interviews_of: dict[int, list[InterviewRow]] = {}
        self.actions: dict[int, ActionRow] = {}
        self._actions_of: dict[int, list[ActionRow]] = {}
        self._touches_of: dict[int, list[EventRow]] = {}
        self._events: dict[int, EventRow] = {}
        self._history_of: dict[int, list[EventRow]] = {}
        self._links: dict[int, list[LinkRow]] = {}
        self.new: list[Row] = []
        """Rows created, in order."""
        self.loaded: list[tuple[Row, tuple[object, ...]]] = []
        """Rows read from the source, with their values as read (for what changed)."""
        self._settings: dict[str, SettingRow | None] = {}
        self.label: str | None = None
        """What undo calls this write ("add Acme"); set by the definition."""
        self._look: dict[str, list[tuple[str, str]]] | None = None
        self._look_every = False
        self._alike: dict[str, list[int]] | None = None
        """Live companies by folded name (no case, no accents), read once when first asked."""

    # --- reading through the source ------------------------------------------------------

    def _take(self, loaded: Loaded) -> None:
        for comp in loaded.companies:
            self._keep(comp)
            self.companies[comp.id] = comp
            self._by_key[comp.name_key] = comp.id
            self.contacts.setdefault(comp.id, [])
            self._apps_of.setdefault(comp.id, [])
            self._actions_of.setdefault(comp.id, [])
        for contact in loaded.contacts:
            self._keep(contact)
            self.contacts[contact.company_id].append(contact)
        for app in loaded.apps:
            self._keep(app)
            self.apps[app.id] = app
            self._apps_of[app.company_id].append(app)
        for interview in loaded.interviews:
            self._keep(interview)
            self._interviews_of.setdefault(interview.application_id, []).append(interview)
        for link in loaded.links:
            self._links.setdefault(link.interview_id, []).append(link)
        for action in loaded.actions:
            self._keep(action)
            self.actions[action.id] = action
            self._actions_of[action.company_id].append(action)
        for event in loaded.touches:
            self._keep(event)  # read for R5, but a merge moves them too
            self._events[event.id] = event
            if event.application_id is not None:
                self._touches_of.setdefault(event.application_id, []).append(event)

    def _keep(self, row: Row) -> None:
        self.loaded.append((row, row.values()))

    def _company_by_id(self, company_id: int) -> CompanyRow | None:
        if company_id not in self.companies:
            self._take(self._source.load([company_id]))
        return self.companies.get(company_id)

    def _company_by_key(self, key: str) -> CompanyRow | None:
        if key not in self._by_key:
            found = self._source.company_id(key)
            if found is None:
                return None
            self._company_by_id(found)
        return self.companies.get(self._by_key[key])

    def move_to(self, row: ContactRow | AppRow | ActionRow | EventRow, comp: CompanyRow) -> None:
        """Give a row to another company (both already read), keeping the lookups right."""
        old = row.company_id
        if old == comp.id:
            return
        row.company_id = comp.id
        match row:
            case ContactRow():
                self.contacts[old].remove(row)
                self.contacts[comp.id].append(row)
            case AppRow():
                self._apps_of[old].remove(row)
                self._apps_of[comp.id].append(row)
            case ActionRow():
                self._actions_of[old].remove(row)
                self._actions_of[comp.id].append(row)
            case EventRow():
                if old in self._history_of and row in self._history_of[old]:
                    self._history_of[old].remove(row)
                if comp.id in self._history_of:
                    self._history_of[comp.id].append(row)

    # --- creating rows ---------------------------------------------------------------------

    def next_id(self, table: str) -> int:
        value = self._next_ids.get(table, 1)
        self._next_ids[table] = value + 1
        return value

    def add(self, row: Row) -> None:
        self.new.append(row)
        match row:
            case CompanyRow():
                self.companies[row.id] = row
                self._by_key[row.name_key] = row.id
                if self._look is not None:
                    self._look.setdefault(skeleton(row.name), []).append((row.name_key, row.name))
                if self._alike is not None:
                    self._alike.setdefault(fold(row.name), []).append(row.id)
                self.contacts[row.id] = []
                self._apps_of[row.id] = []
                self._actions_of[row.id] = []
            case ContactRow():
                self.contacts[row.company_id].append(row)
            case AppRow():
                self.apps[row.id] = row
                self._apps_of[row.company_id].append(row)
            case InterviewRow():
                self._interviews_of.setdefault(row.application_id, []).append(row)
            case ActionRow():
                self.actions[row.id] = row
                self._actions_of[row.company_id].append(row)
            case EventRow():
                self._events[row.id] = row
                if row.company_id in self._history_of:
                    self._history_of[row.company_id].append(row)
                if row.application_id is not None and row.direction is not None:
                    self._touches_of.setdefault(row.application_id, []).append(row)
            case LinkRow():
                self._links.setdefault(row.interview_id, []).append(row)
            case _:
                pass

    def write_first(self, row: Row) -> None:
        """Write this read row's change before the others' (it frees a unique value that
        another row takes)."""
        for index, (kept, _before) in enumerate(self.loaded):
            if kept is row:
                self.loaded.insert(0, self.loaded.pop(index))
                return

    def changed(self) -> Iterator[tuple[Row, dict[str, object]]]:
        """Each loaded row that differs from how it was read, with its old values."""
        for row, before in self.loaded:
            after = row.values()
            if after != before:
                old = {c: b for c, b, a in zip(row.COLUMNS, before, after, strict=True) if a != b}
                yield row, old

    @property
    def empty(self) -> bool:
        return not self.new and next(self.changed(), None) is None
