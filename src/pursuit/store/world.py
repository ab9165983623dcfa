"""The rows one write works on, held in memory, and what the write changed in them.

A write definition (`store.writes`) asks the world for what it needs ("the company the
user means by 'acme'", "its open application", "its pending follow-ups") and creates or
changes rows here; it never sees SQL. The world fetches a company's rows from its
`Source` the first time they are asked for (a whole company at once: its contacts,
applications, interviews, actions and touches), so a single command reads one company
and an import of thousands reads each company it names once. `store.writer` then writes
the new rows and the changed columns, in one transaction.

New rows get their ids here, counting on from the largest in the file: the writer checks
that nothing was written meanwhile (the revision counter) before it uses them. How the
rows are held and indexed, and what changed in them, is `Rows` (world_rows.py); this
module is the lookups.
"""

from __future__ import annotations

from datetime import datetime

from pursuit.domain.kinds import ActionKind, Status
from pursuit.domain.matching import MatchError, fold, match_name, name_key, skeleton
from pursuit.domain.pesky import Touch
from pursuit.domain.status import CLOSED
from pursuit.domain.text import clean_name
from pursuit.store.errors import InputError, WhichApplication
from pursuit.store.rows import (
    ActionRow,
    AppRow,
    CompanyRow,
    ContactRow,
    EventRow,
    InterviewRow,
    SettingRow,
)
from pursuit.store.world_rows import Rows


class _NoRole(Exception):
    """No application's title matches the role given."""


class World(Rows):
    # --- the lookups the commands make -------------------------------------------------------

    def company(self, text: str) -> CompanyRow:
        """The live company a user means: the exact name, else a unique prefix."""
        # Names are stored cleaned, so what is typed is cleaned the same way before matching:
        # a pasted escape sequence or a decomposed accent must still find the row.
        text = clean_name(text)
        exact = self._company_by_key(name_key(text))
        if exact is not None and exact.deleted_at is None:
            return exact
        names = dict(self._source.company_names())
        names.update({c.id: c.name for c in self.companies.values() if c.deleted_at is None})
        try:
            found = match_name(text, list(names.items()))
        except MatchError as exc:
            raise InputError(str(exc)) from None
        comp = self._company_by_id(found)
        assert comp is not None
        return comp

    def find_company(self, text: str) -> CompanyRow | None:
        """The live company `text` names, as `company` finds it; None when none does
        (several that it could mean is still an error)."""
        try:
            return self.company(text)
        except InputError as exc:
            if str(exc).startswith("no company matches") or str(exc).startswith("empty"):
                return None
            raise

    def company_named(self, name: str) -> CompanyRow | None:
        """By exact name (any case); a soft-deleted one too."""
        return self._company_by_key(name_key(name))

    def company_alike(self, name: str) -> CompanyRow | None:
        """By exact name (any case, a soft-deleted one too), else the one live company
        whose name differs only in accents or apostrophes ("Cafe Reseau", "Café Réseau")."""
        found = self.company_named(name)
        if found is not None:
            return found
        if self._alike is None:
            self._alike = {}
            for cid, known in self._source.company_names():
                self._alike.setdefault(fold(known), []).append(cid)
            for comp in self.companies.values():
                ids = self._alike.setdefault(fold(comp.name), [])
                if comp.deleted_at is None and comp.id not in ids:
                    ids.append(comp.id)
        ids = self._alike.get(fold(clean_name(name)), [])
        return self._company_by_id(ids[0]) if len(ids) == 1 else None

    def look_alike(self, name: str) -> str | None:
        """A live company whose name looks the same as `name` and is not the same name
        (accents, letters of another script): the one a new company would be mistaken
        for. A plain ASCII name is compared with the unusual names only."""
        target, key = skeleton(name), name_key(name)
        for other_key, other in self._look_index(every_name=not name.isascii()).get(target, []):
            if other_key != key:
                return other
        return None

    def _look_index(self, *, every_name: bool) -> dict[str, list[tuple[str, str]]]:
        """Names by skeleton, built once and kept up to date as companies are added: an
        import or a demo adds thousands, and comparing each with every other is quadratic."""
        if self._look is None or (every_name and not self._look_every):
            names = (
                self._source.company_names() if every_name else self._source.unusual_company_names()
            )
            self._look, self._look_every = {}, every_name
            for _, known in names:
                self._look.setdefault(skeleton(known), []).append((name_key(known), known))
            for comp in self.companies.values():
                if comp.deleted_at is None:
                    self._look.setdefault(skeleton(comp.name), []).append(
                        (comp.name_key, comp.name)
                    )
        return self._look

    def company_by_id(self, company_id: int) -> CompanyRow:
        comp = self._company_by_id(company_id)
        if comp is None or comp.deleted_at is not None:
            raise InputError(f"no company #{company_id}")
        return comp

    def application_by_id(self, app_id: int) -> AppRow:
        if app_id not in self.apps:
            owner = self._source.owner_of("application", app_id)
            if owner is not None:
                self._company_by_id(owner)
        app = self.apps.get(app_id)
        if app is None or app.deleted_at is not None:
            raise InputError(f"no application #{app_id}")
        return app

    def action_by_id(self, action_id: int) -> ActionRow:
        """A pending action: not deleted, not done."""
        if action_id not in self.actions:
            owner = self._source.owner_of("action", action_id)
            if owner is not None:
                self._company_by_id(owner)
        action = self.actions.get(action_id)
        if action is None or action.deleted_at is not None:
            raise InputError(f"no action #{action_id}")
        if action.done_at is not None:
            raise InputError("that action is already done")
        return action

    def applications(self, comp: CompanyRow) -> list[AppRow]:
        """Live applications, the most recently changed first."""
        apps = [a for a in self._apps_of.get(comp.id, []) if a.deleted_at is None]
        return sorted(apps, key=lambda a: (a.updated_at, a.id), reverse=True)

    def application(
        self, comp: CompanyRow, *, include_closed: bool = False, role: str | None = None
    ) -> AppRow:
        """The application a verb that names the company means: the one `role` names (an
        open one, else, if allowed, a closed one), else the company's one open application,
        else (if allowed) the latest. Several open and no role says which there are
        (`WhichApplication`): a verb must never pick one of them silently."""
        apps = self.applications(comp)
        open_apps = [a for a in apps if a.status not in CLOSED]
        if role is not None and clean_name(role):
            closed = [a for a in apps if a.status in CLOSED] if include_closed else []
            return self._by_role(comp, clean_name(role), open_apps, closed)
        if len(open_apps) > 1:
            ordered = sorted(open_apps, key=lambda a: a.id)
            raise WhichApplication(comp.name, [a.title for a in ordered], [a.id for a in ordered])
        if open_apps:
            return open_apps[0]
        if include_closed and apps:
            return apps[0]
        if apps:
            raise InputError(f"{comp.name} has no open application (last one is {apps[0].status})")
        raise InputError(f"{comp.name} has no application; add one with: pursuit add")

    def open_role(self, comp: CompanyRow, role: str) -> AppRow | None:
        """The open application `role` names (as `application` matches a role), or None
        when it names none: a role that may be a new application's (an interview's)."""
        open_apps = [a for a in self.applications(comp) if a.status not in CLOSED]
        try:
            return self._match_role(comp, clean_name(role), open_apps)
        except _NoRole:
            return None

    def _by_role(
        self, comp: CompanyRow, role: str, open_apps: list[AppRow], closed: list[AppRow]
    ) -> AppRow:
        try:
            return self._match_role(comp, role, open_apps)
        except _NoRole:
            if closed:
                try:
                    return self._match_role(comp, role, closed)
                except _NoRole:
                    pass
        if not open_apps and not closed:
            return self.application(comp, include_closed=False)  # says there is none open
        known = ", ".join(a.title for a in sorted(open_apps or closed, key=lambda a: a.id))
        what = "open application" if open_apps else "application"
        raise InputError(f'{comp.name}: no {what} matches "{role}" ({known})')

    @staticmethod
    def _match_role(comp: CompanyRow, role: str, apps: list[AppRow]) -> AppRow:
        """The one of `apps` whose title is `role`, or starts with it (case and accents
        ignored), as a company is matched; `_NoRole` when none is."""
        if not apps:
            raise _NoRole
        try:
            found = match_name(role, [(a.id, a.title) for a in apps], what="role")
        except MatchError as exc:
            if str(exc).startswith("no role matches"):
                raise _NoRole from None
            raise InputError(f"{comp.name}: {exc}") from None
        return next(a for a in apps if a.id == found)

    def open_applications(self) -> list[AppRow]:
        """Every live, open application in the file (an offer accepted ends all of them),
        read whole: the one write that needs them all."""
        for company_id in self._source.open_companies():
            self._company_by_id(company_id)
        return [
            a
            for a in self.apps.values()
            if a.deleted_at is None and a.status not in CLOSED and a.status != Status.ACCEPTED
        ]

    def people(self, comp: CompanyRow) -> list[ContactRow]:
        """Live contacts, in the order they were added."""
        return [c for c in self.contacts.get(comp.id, []) if c.deleted_at is None]

    def everyone(self, comp: CompanyRow) -> list[ContactRow]:
        """Every contact ever added, removed ones too (R2 ignores all their names)."""
        return list(self.contacts.get(comp.id, []))

    def contact(self, comp: CompanyRow, text: str) -> ContactRow:
        text = clean_name(text)
        people = self.people(comp)
        try:
            cid = match_name(text, [(c.id, c.name) for c in people], what="person")
        except MatchError as exc:
            raise InputError(f"{comp.name}: {exc}") from None
        return next(c for c in people if c.id == cid)

    def contact_by_id(self, comp: CompanyRow, contact_id: int) -> ContactRow:
        return next(c for c in self.contacts.get(comp.id, []) if c.id == contact_id)

    def actions_of(self, comp: CompanyRow) -> list[ActionRow]:
        """Every action of the company not deleted, done ones too."""
        return [a for a in self._actions_of.get(comp.id, []) if a.deleted_at is None]

    def pending(
        self,
        comp: CompanyRow,
        kind: ActionKind | None = None,
        *,
        app: AppRow | None = None,
        contact: ContactRow | None = None,
    ) -> list[ActionRow]:
        """Pending actions, soonest first."""
        found = [
            a
            for a in self._actions_of.get(comp.id, [])
            if a.pending
            and (kind is None or a.kind == kind)
            and (app is None or a.application_id == app.id)
            and (contact is None or a.contact_id == contact.id)
        ]
        return sorted(found, key=lambda a: (a.next_at, a.id))

    def interviews(self, app: AppRow) -> list[InterviewRow]:
        return [i for i in self._interviews_of.get(app.id, []) if i.deleted_at is None]

    def history(self, comp: CompanyRow) -> list[EventRow]:
        """Every live event of the company (its whole timeline), read the first time asked;
        a touch already read is the same row object."""
        if comp.id not in self._history_of:
            rows: list[EventRow] = []
            for event in self._source.events(comp.id):
                known = self._events.get(event.id)
                if known is None:
                    self._keep(event)
                    known = self._events[event.id] = event
                rows.append(known)
            rows += [r for r in self.new if isinstance(r, EventRow) and r.company_id == comp.id]
            self._history_of[comp.id] = rows
        return [e for e in self._history_of[comp.id] if e.deleted_at is None]

    def all_actions(self, comp: CompanyRow) -> list[ActionRow]:
        """Every action of the company, done and removed ones too."""
        return list(self._actions_of.get(comp.id, []))

    def all_history(self, comp: CompanyRow) -> list[EventRow]:
        """Every event of the company, removed ones too."""
        self.history(comp)
        return list(self._history_of[comp.id])

    def all_applications(self, comp: CompanyRow) -> list[AppRow]:
        """Every application of the company, removed ones too."""
        return list(self._apps_of.get(comp.id, []))

    def all_interviews(self, app: AppRow) -> list[InterviewRow]:
        return list(self._interviews_of.get(app.id, []))

    def interviewers(self, interview: InterviewRow) -> list[int]:
        """The contact ids of an interview's interviewers."""
        return [link.contact_id for link in self._links.get(interview.id, [])]

    def touches(self, app: AppRow) -> list[Touch]:
        return [
            Touch(e.at, e.direction, e.kind)
            for e in self._touches_of.get(app.id, [])
            if e.deleted_at is None and e.direction is not None
        ]

    def setting(self, key: str) -> SettingRow | None:
        """A kept choice, if it was ever made (a removed one too: its row is reused)."""
        if key not in self._settings:
            found = self._settings[key] = self._source.setting(key)
            if found is not None:
                self._keep(found)
        return self._settings[key]

    def set_setting(self, key: str, value: str | None, now: datetime) -> SettingRow:
        row = self.setting(key)
        if row is None:
            row = SettingRow(id=self.next_id("setting"), key=key, value=value, created_at=now)
            self.add(row)
            self._settings[key] = row
        row.value, row.deleted_at = value, None
        return row
