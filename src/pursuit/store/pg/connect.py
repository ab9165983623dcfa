"""Opening a connection to a PostgreSQL search: credentials as libpq finds them, the
search's schema fixed for the connection's life, and failures as one line.

The password is libpq's business (the URL, PGPASSWORD or ~/.pgpass): pursuit never reads,
stores or prints it, and every message names the server by `PgTarget.label`, which has
none.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.types.numeric import Int8Dumper, IntLoader

from pursuit.store import sqlite
from pursuit.store.location import PgTarget
from pursuit.store.pg import errors as _errors  # noqa: F401  (registers PostgreSQL's fault lines)
from pursuit.store.sqlite import DatabaseError

CONNECT_TIMEOUT_S = 5
"""How long to wait for a server that does not answer before saying so."""

PgConn = psycopg.Connection[tuple[Any, ...]]
_UNREACHABLE = (
    "refused",
    "timeout",
    "timed out",
    "could not translate",
    "resolve host",
    "name or service not known",
    "no route",
    "network is unreachable",
)


class _NumericAsNumber(IntLoader):
    """SUM and AVG over integers are `numeric` on PostgreSQL (Decimal in Python), where
    SQLite gives int or float: the store reads them as SQLite's numbers."""

    def load(self, data: Any) -> Any:
        text = bytes(data).decode()
        try:
            return int(text)
        except ValueError:
            return float(text)


def connect(target: PgTarget, *, search_path: bool = True) -> PgConn:
    """An autocommit connection (the store says BEGIN itself) whose search_path is the
    search's schema and nothing else of ours: no query can reach another search's rows.
    `search_path=False` only for creating that schema."""
    options = [
        f"-c lock_timeout={sqlite.BUSY_TIMEOUT_MS}",
        # Read snapshots are asked for per transaction (adapter.begin); writers serialize
        # on the revision row under READ COMMITTED, the server's default, stated here so a
        # server configured otherwise does not change pursuit's behaviour.
        "-c default_transaction_isolation=read\\ committed",
    ]
    if search_path:
        options.append(f"-c search_path={target.search}")
    try:
        conn: PgConn = psycopg.connect(
            target.url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            # Which search a connection serves, for whoever reads pg_stat_activity.
            application_name=f"pursuit {target.search}",
            options=" ".join(options),
        )
    except psycopg.Error as exc:
        raise connect_error(target, exc) from None
    # Booleans go in as 0/1, as SQLite keeps them: the columns are integers on both
    # engines, so the same SQL (is_bridge = 1) and the same export hold.
    conn.adapters.register_dumper(bool, Int8Dumper)
    conn.adapters.register_loader("numeric", _NumericAsNumber)
    return conn


def connect_error(target: PgTarget, exc: BaseException) -> DatabaseError:
    """Why a connection could not be made, in one line without the password."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lower = text.lower()
    where = target.label
    if "password authentication failed" in lower or "no password supplied" in lower:
        return DatabaseError(
            f"the server refused the credentials for {where}: check the user, and the "
            "password in PGPASSWORD or ~/.pgpass"
        )
    if "authentication" in lower or "no pg_hba.conf entry" in lower:
        return DatabaseError(f"the server refused the connection to {where}: {_tail(text)}")
    if "does not exist" in lower and "database" in lower:
        return DatabaseError(
            f"no such database on the server for {where}; create it (createdb) or fix the URL"
        )
    if any(w in lower for w in _UNREACHABLE):
        return DatabaseError(
            f"cannot reach the PostgreSQL server for {where} ({_tail(text)}); is it running "
            "and is the address right?"
        )
    return DatabaseError(f"cannot connect to {where}: {_tail(text)}")


def _tail(text: str) -> str:
    # libpq prefixes "connection to server at "host" (addr), port N failed: ": the label
    # already says where, keep what went wrong.
    return text.rsplit("failed: ", 1)[-1].strip()
