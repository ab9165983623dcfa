"""Which database a run uses, from what the user gave: a file path, `sqlite:///path` or
`postgresql://user@host:port/dbname`, and for PostgreSQL which search (profile) in it.

Standard library only and no driver import: `pursuit status` and the app's first paint
read this on every start, and only a PostgreSQL URL may pay for psycopg.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pursuit.store.sqlite import DatabaseError

PG_SCHEMES = ("postgresql://", "postgres://")
DEFAULT_SEARCH = "pursuit"
"""The search (a PostgreSQL schema) used when none is named."""
# A search is a PostgreSQL schema: a plain lower-case identifier needs no quoting anywhere
# and cannot collide with pg_catalog or information_schema (both refused by the pg_ check).
_SEARCH = re.compile(r"[a-z][a-z0-9_]{0,62}")


def is_postgres(text: str) -> bool:
    return text.strip().lower().startswith(PG_SCHEMES)


def sqlite_path(text: str) -> Path:
    """A file path, or `sqlite:///relative` / `sqlite:////absolute` (SQLAlchemy's form)."""
    if text.lower().startswith("sqlite://"):
        rest = text[len("sqlite://") :]
        if not rest.startswith("/") or rest == "/":
            raise DatabaseError(
                f'"{text}" is not a database URL; write sqlite:///PATH (four slashes for '
                "an absolute path) or just the path",
                environment=False,
            )
        return Path(unquote(rest[1:])).expanduser()
    return Path(text).expanduser()


@dataclass(frozen=True)
class PgTarget:
    """A PostgreSQL database and the search in it. `url` may hold a password; only
    `label` is ever shown (user@host:port/dbname, search)."""

    url: str
    search: str

    @property
    def label(self) -> str:
        parts = urlsplit(self.url)
        user = f"{unquote(parts.username)}@" if parts.username else ""
        try:
            port = f":{parts.port}" if parts.port else ""
        except ValueError:
            port = ""
        host = parts.hostname or "localhost"
        name = parts.path.lstrip("/") or "(default database)"
        return f"postgresql://{user}{host}{port}/{unquote(name)} (search {self.search})"

    @property
    def local_name(self) -> str:
        """A folder name for this search's files on this machine (what could not be
        saved): the server, database and search, nothing secret."""
        parts = urlsplit(self.url)
        raw = f"{parts.hostname or 'localhost'}-{parts.port or 5432}-{parts.path.strip('/')}"
        return re.sub(r"[^A-Za-z0-9._-]", "_", f"{raw}-{self.search}")


def check_search(name: str) -> str:
    name = name.strip()
    if not _SEARCH.fullmatch(name) or name.startswith("pg_"):
        raise DatabaseError(
            f'"{name}" cannot name a search: use lower-case letters, digits and _ (a letter '
            "first, at most 63, not starting with pg_)",
            environment=False,
        )
    return name


def pg_target(url: str, search: str | None) -> PgTarget:
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # a port that is not a number raises here
    except ValueError:
        raise DatabaseError(
            "the PostgreSQL URL is not valid; write postgresql://USER@HOST:PORT/DBNAME",
            environment=False,
        ) from None
    return PgTarget(url=url.strip(), search=check_search(search or DEFAULT_SEARCH))
