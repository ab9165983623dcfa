"""The SQLAlchemy engine for writes, built on the same connect() as every read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from pursuit.store import sqlite


def make_engine(path: Path) -> Engine:
    engine = create_engine("sqlite://", creator=lambda: sqlite.connect(path))

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # The driver runs in autocommit, so the transaction mode is ours to choose:
        # IMMEDIATE for writes (take the lock before reading), deferred for reads.
        if conn.get_execution_options().get("pursuit_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def write_engine(engine: Engine) -> Engine:
    options: dict[str, Any] = {"pursuit_write": True}
    return engine.execution_options(**options)
