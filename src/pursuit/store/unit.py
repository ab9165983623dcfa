"""ORM write sessions: BEGIN IMMEDIATE, short-lived, and recorded for undo.

The commands write through `store.writer`; this serves the JSON import, which copies
rows as they are in the file. An `after_flush` hook notes the inverse of each
insert (a soft delete) and update (the old values), so `undo` can take back any change
without each command writing its own inverse.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session

from pursuit.store.database import Database
from pursuit.store.engine import write_engine
from pursuit.store.models import TABLES, Change
from pursuit.store.timefmt import to_db
from pursuit.store.undo import undo_last

_MODEL_TABLE = {model: name for name, model in TABLES.items()}


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": to_db(value)}
    return value


class _UndoRecorder:
    def __init__(self) -> None:
        self.ops: list[dict[str, Any]] = []
        self._seen_updates: set[tuple[str, int, str]] = set()

    def after_flush(self, session: Session, _context: object) -> None:
        for obj in session.new:
            table = _MODEL_TABLE.get(type(obj))
            if table is not None:
                self.ops.append({"op": "insert", "table": table, "id": obj.id})
        for obj in session.dirty:
            table = _MODEL_TABLE.get(type(obj))
            if table is None:
                continue
            state = inspect(obj)
            old: dict[str, Any] = {}
            for attr in state.mapper.column_attrs:
                key = (table, obj.id, attr.key)
                history = state.attrs[attr.key].history
                if not history.has_changes() or key in self._seen_updates:
                    continue
                self._seen_updates.add(key)
                old[attr.key] = _encode(history.deleted[0] if history.deleted else None)
            if old:
                self.ops.append({"op": "update", "table": table, "id": obj.id, "old": old})


@contextlib.contextmanager
def write_session(
    db: Database, *, label: str, now: datetime, undoable: bool = True
) -> Iterator[Session]:
    """One write transaction; on success it is recorded under `label` for undo."""
    session = Session(write_engine(db.engine), expire_on_commit=False)
    recorder = _UndoRecorder()
    event.listen(session, "after_flush", recorder.after_flush)
    try:
        yield session
        session.flush()
        if undoable and recorder.ops:
            session.add(Change(at=now, label=label, payload=json.dumps(recorder.ops)))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


__all__ = ["undo_last", "write_session"]
