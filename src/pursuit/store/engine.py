"""The SQLAlchemy engine for writes, built on the same connect() as every read."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from pursuit.store import sqlite

LOGGING_NAME = "pursuit"


class _StatementsOnly(logging.Filter):
    """At DEBUG SQLAlchemy logs every result row, which hide_parameters does not cover:
    however logging is configured, this engine logs statements at most, never the data."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO


# A filter, not setLevel(INFO): that would switch statement logging on for everyone.
logging.getLogger(f"sqlalchemy.engine.Engine.{LOGGING_NAME}").addFilter(_StatementsOnly())


def make_engine(path: Path) -> Engine:
    # The URL says nothing about the file (creator opens it), so SQLAlchemy would treat it as
    # :memory: and pick SingletonThreadPool, which closes other threads' connections once
    # more than five threads have used it. QueuePool is what it uses for a file database.
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite.connect(path),
        poolclass=QueuePool,
        # Parameters are what people typed (names, notes): keep them out of SQLAlchemy's
        # log lines and error messages, which end up in bug reports and shared scrollback.
        hide_parameters=True,
        logging_name=LOGGING_NAME,
    )

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
