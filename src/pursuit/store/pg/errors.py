"""PostgreSQL's faults as one line, as `sqlite.fault` gives SQLite's."""

from __future__ import annotations

import psycopg
from psycopg import errors

from pursuit.store.sqlite import OTHER_FAULTS, DatabaseError, busy_error


def pg_fault(exc: BaseException) -> DatabaseError | None:
    """The line for a driver error that got past the adapter (the ORM's writes), or None
    for one that is a bug to report rather than a fault to explain."""
    if isinstance(exc, errors.LockNotAvailable | errors.DeadlockDetected):
        return busy_error()
    if isinstance(exc, errors.DiskFull):
        return DatabaseError("the server's disk is full: nothing was written")
    if isinstance(exc, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
        return DatabaseError(
            "the server refused the write (a read-only server or a user without the "
            "right): nothing was written"
        )
    if not isinstance(exc, psycopg.Error):
        return None
    if isinstance(exc, psycopg.OperationalError):
        return DatabaseError(
            "lost the connection to the PostgreSQL server: nothing more was written; try "
            "again when it is back"
        )
    return None


OTHER_FAULTS.append(pg_fault)
