"""What the record's flows share (record_flows.py): reading on a thread, the row under the
cursor as what a change is about, and how a change is said.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import work

from pursuit.store.company_reads import BridgeRow
from pursuit.store.context import Ctx
from pursuit.tui.shell import app_id_of
from pursuit.tui.writes import Failed, Writes


@dataclass(frozen=True)
class Target:
    """What the row under the cursor is about."""

    company_id: int
    application_id: int | None
    bridge: bool = False


class RecordBase(Writes):
    # --- reading on a thread ---------------------------------------------------------------

    async def read_db(self, read: Callable[[Any], Any]) -> Any:
        """A read (a `store` read function of a connection) off the event loop; a Failed
        if the file could not be read."""
        return await self._read_worker(read).wait()

    @work(thread=True, group="read")
    def _read_worker(self, read: Callable[[Any], Any]) -> Any:
        from pursuit.store.sqlite import DatabaseError

        try:
            with self.db.read() as conn:
                return read(conn)
        except DatabaseError as exc:
            return Failed(str(exc))

    async def compute(self, job: Callable[[Ctx], Any]) -> Any:
        """A store command that answers with a value (a plan), or a Failed."""
        return await self._compute_worker(job).wait()

    @work(thread=True, group="write")
    def _compute_worker(self, job: Callable[[Ctx], Any]) -> Any:
        from pursuit.store.errors import InputError
        from pursuit.store.sqlite import DatabaseError

        try:
            return job(self.ctx())
        except (InputError, DatabaseError, ValueError) as exc:
            return Failed(str(exc))

    def _target(self) -> Target | None:
        item = self.selection()
        company_id = getattr(item, "company_id", None)
        if company_id is None:
            return None
        return Target(company_id, app_id_of(item), bridge=isinstance(item, BridgeRow))


def said(what: str, changed: tuple[str, ...]) -> str:
    if not changed:
        return f"{what}: nothing changed"
    return f"{what}: changed {', '.join(changed)}"
