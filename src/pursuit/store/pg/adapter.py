"""The store's SQL, written once for SQLite, run on psycopg.

`PgConnection` offers the part of `sqlite3.Connection` the store uses (execute,
executemany, in_transaction, close; cursors of tuples) so every query, read model and
write keeps one copy of its SQL. What differs between the engines is settled here, in
one place:

- placeholders: `?` becomes `%s` (outside quoted text), a literal `%` is doubled;
- LIKE: SQLite's is case-insensitive for ASCII letters, PostgreSQL's ILIKE under the
  columns' "C" collation is exactly that;
- transactions: the connection is in autocommit, so the store's own BEGIN / COMMIT /
  ROLLBACK pass through. A plain BEGIN (a read, or a write's optimistic read) is one
  snapshot for all its SELECTs, as SQLite's deferred transaction is: REPEATABLE READ.
  BEGIN IMMEDIATE (a write) becomes BEGIN under READ COMMITTED plus
  `SELECT value FROM revision WHERE id = 1 FOR UPDATE`: a row lock every writer takes
  first, so writers queue one behind another exactly as SQLite's write lock makes them,
  and each statement after the lock sees every write committed before it. No write can
  fail with a serialization error, so none needs a retry loop; a lock not granted within
  the busy timeout is the same "busy" line as on SQLite;
- the pragmas the store uses: busy_timeout is lock_timeout, cache_size means nothing,
  foreign_key_check finds nothing (the server refuses a broken reference when it is
  written), table_info reads information_schema, user_version is the search's stamp;
- errors: constraint violations are `sqlite3.IntegrityError`, a lock wait past the timeout
  is `sqlite3.OperationalError("database is locked")`, as the store expects; a lost
  connection is one line (`DatabaseError`), never a traceback.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors, pq

from pursuit.store.location import PgTarget
from pursuit.store.pg.connect import PgConn
from pursuit.store.sqlite import DatabaseError

LOCK_REVISION = "SELECT value FROM revision WHERE id = 1 FOR UPDATE"
_LIKE = re.compile(r"\bLIKE\b", re.IGNORECASE)
_HINTS = re.compile(r"\s(?:NOT\s+INDEXED|INDEXED\s+BY\s+\w+)\b", re.IGNORECASE)
_CROSS_ON = re.compile(r"\bCROSS\s+JOIN\s+(\w+(?:\s+\w+)?)\s+ON\b", re.IGNORECASE)
_CHAR = re.compile(r"\bchar\((\d+)\)", re.IGNORECASE)
_TEMP = re.compile(r"\btemp\.(?=\w)", re.IGNORECASE)
_BLOB = re.compile(r"CAST\((\w+(?:\.\w+)?) AS BLOB\)", re.IGNORECASE)
_LIMIT = re.compile(r"\bLIMIT\s+(\?|-1\b)", re.IGNORECASE)
_ORDER = re.compile(r"\bORDER\s+BY\s", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\b(?:LIMIT|OFFSET)\b", re.IGNORECASE)
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_PRAGMA = re.compile(r"PRAGMA\s+(\w+)\s*(?:=\s*(-?\d+)|\(\s*\"?(\w+)\"?\s*\))?\s*;?", re.IGNORECASE)
# PRAGMA table_info's columns: cid, name, type, notnull, dflt_value, pk (rowid is SQLite's
# own there, not a column).
_TABLE_INFO = """
SELECT c.ordinal_position - 1, c.column_name, upper(c.data_type),
  CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END, c.column_default,
  CASE WHEN c.column_name = 'id' THEN 1 ELSE 0 END
FROM information_schema.columns c
WHERE c.table_schema = current_schema() AND c.table_name = %s AND c.column_name != 'rowid'
ORDER BY c.ordinal_position
"""


@lru_cache(maxsize=512)
def translate(sql: str, *, named: bool = False) -> str:
    """`sql` (SQLite's dialect, `?` or `:name` parameters) as psycopg takes it."""
    out: list[str] = []
    quote = ""
    plain = ""  # the current stretch outside quotes, rewritten when it ends

    def flush() -> None:
        nonlocal plain
        text = _dialect(plain.replace("%", "%%"))
        text = _NAMED.sub(r"%(\1)s", text) if named else text.replace("?", "%s")
        out.append(text)
        plain = ""

    for ch in sql:
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = ""  # a doubled quote closes and reopens: same result
        elif ch in ("'", '"'):
            flush()
            quote = ch
            out.append(ch)
        else:
            plain += ch
    flush()
    return "".join(out)


def _dialect(text: str) -> str:
    """SQLite's meaning, in PostgreSQL's words, for a stretch of SQL outside quotes."""
    text = _LIKE.sub("ILIKE", text)
    # Index hints and SQLite's join-order hint (CROSS JOIN ... ON): the planner's
    # business on PostgreSQL.
    text = _HINTS.sub("", text)
    text = _CROSS_ON.sub(r"JOIN \1 ON", text)
    # SQLite's char(31) is chr(31); PostgreSQL reads char(31) as a type.
    text = _CHAR.sub(r"chr(\1)", text)
    # A temporary table named by its schema: SQLite's "temp" is PostgreSQL's "pg_temp".
    text = _TEMP.sub("pg_temp.", text)
    # Bytes in a text: "is this name all ASCII" (source.unusual_company_names).
    text = _BLOB.sub(r"convert_to(\1, 'UTF8')", text)
    # SQLite reads a negative LIMIT as none; PostgreSQL refuses it (LIMIT NULL is none).
    text = _LIMIT.sub(
        lambda m: (
            "LIMIT ALL" if m[1] == "-1" else "LIMIT nullif(greatest(CAST(? AS BIGINT), -1), -1)"
        ),
        text,
    )
    return _nulls_as_sqlite(text)


def _nulls_as_sqlite(text: str) -> str:
    """SQLite sorts NULL before every value, PostgreSQL after: each ORDER BY term says
    which, so a nullable column (an application's next action) sorts as on SQLite."""
    out: list[str] = []
    pos = 0
    for m in _ORDER.finditer(text):
        if m.start() < pos:
            continue
        out.append(text[pos : m.end()])
        end, depth = m.end(), 0
        while end < len(text):
            ch = text[end]
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and _CLAUSE_END.match(text, end) and text[end - 1] in " \n":
                break
            end += 1
        terms, depth, start = [], 0, m.end()
        for i in range(m.end(), end):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
            elif text[i] == "," and depth == 0:
                terms.append(text[start:i])
                start = i + 1
        terms.append(text[start:end])
        out.append(",".join(_nulls_term(t) for t in terms))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _nulls_term(term: str) -> str:
    body = term.rstrip()
    if not body.strip() or "NULLS" in body.upper():
        return term
    tail = term[len(body) :]
    order = "NULLS LAST" if body.upper().endswith("DESC") else "NULLS FIRST"
    return f"{body} {order}{tail}"


class _NoRows:
    """What a statement that SQLite runs and PostgreSQL has no use for returns."""

    rowcount = -1

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return []

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(())


class _Rows(_NoRows):
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows

    def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._rows)


class PgConnection:
    """A psycopg connection that answers as the store's sqlite3 connections do."""

    def __init__(self, raw: PgConn, target: PgTarget) -> None:
        self.raw = raw
        self.target = target

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        special = self._special(sql)
        if special is not None:
            return special
        query = translate(sql, named=isinstance(params, Mapping))
        with self._errors():
            return self.raw.execute(query, _params(params))

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any:
        query = translate(sql)
        with self._errors():
            cur = self.raw.cursor()
            cur.executemany(query, [_params(p) for p in seq])
            return cur

    def close(self) -> None:
        self.raw.close()

    def _special(self, sql: str) -> Any:
        """Transactions and pragmas, which the engines spell differently."""
        word = sql.lstrip()[:6].upper()
        if word == "BEGIN" or word.startswith("BEGIN"):
            mode = sql.split()[1].upper() if len(sql.split()) > 1 else ""
            with self._errors():
                if mode == "IMMEDIATE":
                    self.raw.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
                    try:
                        self.raw.execute(LOCK_REVISION)
                    except psycopg.Error:
                        # As on SQLite, a BEGIN IMMEDIATE not granted leaves no transaction
                        # (not an aborted one that refuses the caller's next statement).
                        with contextlib.suppress(psycopg.Error):
                            self.raw.execute("ROLLBACK")
                        raise
                else:
                    self.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            return _NoRows()
        if word == "PRAGMA":
            return self._pragma(sql)
        return None

    def _pragma(self, sql: str) -> Any:
        m = _PRAGMA.fullmatch(sql.strip())
        name = m[1].lower() if m else ""
        if name == "busy_timeout" and m and m[2] is not None:
            with self._errors():
                self.raw.execute(f"SET lock_timeout = {max(1, int(m[2]))}")
            return _NoRows()
        if name == "cache_size":
            return _NoRows()  # the server sizes its own buffers
        if name == "foreign_key_check":
            # PostgreSQL checks every reference when it is written: none can be broken.
            return _NoRows()
        if name == "foreign_keys" and m and m[2] is None:
            return _Rows([(1,)])
        if name == "table_info" and m and m[3]:
            with self._errors():
                return self.raw.execute(_TABLE_INFO, (m[3],))
        if name == "user_version" and m and m[2] is None:
            # The schema version a search was made or migrated to (pg/schema.py).
            with self._errors():
                return self.raw.execute("SELECT version FROM schema_version")
        raise NotImplementedError(f"no PostgreSQL equivalent for {sql.strip()!r}")

    def _errors(self) -> _Translate:
        return _Translate(self)


class _Translate:
    """The driver's errors as the store's: see the module docstring."""

    def __init__(self, conn: PgConnection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        if exc is None or not isinstance(exc, psycopg.Error):
            return
        if isinstance(exc, errors.LockNotAvailable | errors.DeadlockDetected):
            raise sqlite3.OperationalError("database is locked") from exc
        if isinstance(exc, psycopg.IntegrityError):
            raise sqlite3.IntegrityError(_first_line(exc)) from exc
        if isinstance(exc, psycopg.OperationalError) or self.conn.raw.closed:
            raise lost(self.conn.target) from exc
        if isinstance(exc, errors.DiskFull):
            raise DatabaseError("the server's disk is full: nothing was written") from exc


def lost(target: PgTarget) -> DatabaseError:
    return DatabaseError(
        f"lost the connection to the PostgreSQL server for {target.label}: nothing more "
        "was written; try again when it is back"
    )


def _params(params: Sequence[Any] | Mapping[str, Any]) -> Sequence[Any] | Mapping[str, Any]:
    # Always a sequence, even empty, so psycopg reads every query the same way: with
    # parameters, a doubled %% is one %.
    if isinstance(params, Mapping):
        return params
    return tuple(params)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
