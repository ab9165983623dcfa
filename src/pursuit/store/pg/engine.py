"""The SQLAlchemy engine for the ORM writes (the JSON import) on PostgreSQL.

Its connections come from the same `connect` as every other (the search's schema, the
lock timeout, booleans as 0/1), but not in autocommit: SQLAlchemy's session commits or
rolls back the transaction it began. A write begins by taking the revision row's lock,
as the adapter's BEGIN IMMEDIATE does, so the ORM's writers queue with all the others.
"""

from __future__ import annotations

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from pursuit.store.engine import LOGGING_NAME
from pursuit.store.location import PgTarget
from pursuit.store.pg.adapter import LOCK_REVISION
from pursuit.store.pg.connect import PgConn, connect


def make_engine(target: PgTarget) -> Engine:
    def creator() -> PgConn:
        raw = connect(target)
        raw.autocommit = False
        return raw

    engine = create_engine(
        "postgresql+psycopg://",
        creator=creator,
        poolclass=QueuePool,
        # As on SQLite: what people typed stays out of log lines and error messages.
        hide_parameters=True,
        logging_name=LOGGING_NAME,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        if conn.get_execution_options().get("pursuit_write"):
            conn.exec_driver_sql(LOCK_REVISION)

    return engine
