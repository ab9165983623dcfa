"""Write sessions: BEGIN IMMEDIATE, short-lived, and recorded for undo.

Every write goes through `write_session`. An `after_flush` hook notes the inverse of each
insert (a soft delete) and update (the old values), so `undo` can take back any change
without each command writing its own inverse.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session, SQLModel, col, select

from pursuit.store.database import Database
from pursuit.store.engine import write_engine
from pursuit.store.models import TABLES, Change
from pursuit.store.timefmt import from_db, to_db

_MODEL_TABLE = {model: name for name, model in TABLES.items()}


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$dt": to_db(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$dt" in value:
        return from_db(value["$dt"])
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


@dataclass
class _Batch:
    db: Database
    session: Session
    commit_every: int
    commands: int = 0
    failed: bool = False


_FORGET_EVERY = 200
_batch: ContextVar[_Batch | None] = ContextVar("pursuit_write_batch", default=None)


@contextlib.contextmanager
def batch(db: Database, *, commit_every: int = 2000) -> Iterator[None]:
    """Let many commands share one write transaction (each still recorded for undo).

    With synchronous=FULL every commit is an fsync, so generating a 10,000-application demo
    one transaction per command would take minutes. Commits every `commit_every` commands so
    other writers wait at most one chunk; a command that fails rolls back its whole chunk
    (the commands before it in the chunk too), so use it only where all-or-nothing is fine.
    """
    session = Session(write_engine(db.engine), expire_on_commit=False)
    state = _Batch(db, session, max(1, commit_every))
    token = _batch.set(state)
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        _batch.reset(token)
        session.close()


@contextlib.contextmanager
def _in_batch(state: _Batch, *, label: str, now: datetime, undoable: bool) -> Iterator[Session]:
    if state.failed:
        raise RuntimeError("a command in this batch failed; its chunk was rolled back")
    session = state.session
    recorder = _UndoRecorder()
    event.listen(session, "after_flush", recorder.after_flush)
    try:
        yield session
        session.flush()
        if undoable and recorder.ops:
            session.add(Change(at=now, label=label, payload=json.dumps(recorder.ops)))
            session.flush()
    except BaseException:
        # Without a savepoint per command the chunk cannot be kept in part: drop it all,
        # and refuse further commands rather than let a caller carry on unaware.
        state.failed = True
        session.rollback()
        raise
    finally:
        event.remove(session, "after_flush", recorder.after_flush)
    state.commands += 1
    if state.commands % state.commit_every == 0:
        session.commit()
    if state.commands % _FORGET_EVERY == 0:
        # Flushed rows live in the transaction; forgetting the objects now and then keeps
        # memory flat however long the batch runs, while the next commands still find the
        # rows they just wrote in the identity map.
        session.expunge_all()


@contextlib.contextmanager
def write_session(
    db: Database, *, label: str, now: datetime, undoable: bool = True
) -> Iterator[Session]:
    """One write transaction; on success it is recorded under `label` for undo.

    Inside `batch(db)` the command joins the batch's transaction instead."""
    state = _batch.get()
    if state is not None and state.db is db:
        with _in_batch(state, label=label, now=now, undoable=undoable) as shared:
            yield shared
        return
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


def undo_last(db: Database, *, now: datetime) -> str | None:
    """Take back the most recent change not yet undone; returns its label."""
    with write_session(db, label="undo", now=now, undoable=False) as session:
        change = session.exec(
            select(Change).where(col(Change.undone_at).is_(None)).order_by(col(Change.id).desc())
        ).first()
        if change is None:
            return None
        for op in reversed(json.loads(change.payload)):
            model: type[SQLModel] = TABLES[op["table"]]
            obj = session.get(model, op["id"])
            if obj is None:
                continue
            if op["op"] == "insert":
                obj.deleted_at = now
            else:
                for key, value in op["old"].items():
                    setattr(obj, key, _decode(value))
            session.add(obj)
        change.undone_at = now
        session.add(change)
        return change.label
