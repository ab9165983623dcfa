"""Issue 14's faults where the data is on a PostgreSQL server (issue 16): what the SQLite
file's own faults become there, each one line, exit 4, the search untouched.

- a search written by a newer pursuit (its `schema_version` stamped past HEAD) is refused
  by every verb, and nothing in the schema changes;
- a user that may only read the search (a role with USAGE on the schema and SELECT on its
  tables, made and dropped by the test) lists as usual, and every write is one line.

Busy past the timeout (another connection holding the revision row's lock) is
test_fault_cli.py's busy test, which runs on both engines.
"""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from conftest import contents
from engines import PG_URL
from pursuit.store.database import Database
from pursuit.store.schema import HEAD

from .helpers.common import PURSUIT, Tally
from .helpers.on_engine import pointed_at

pytestmark = [pytest.mark.reliability, pytest.mark.postgresql_only]

NEWER = HEAD + 7


def _pursuit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), *args], env=env, capture_output=True, text=True, timeout=60
    )


def _one_line(proc: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("pursuit: "), proc.stderr
    assert words in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.fixture
def filled(env: dict[str, str], db: Database, pg_search: str) -> dict[str, str]:
    pointed = pointed_at(env, db)
    for args in (["add", "Acme", "Engineer"], ["add", "Globex", "SRE"]):
        assert _pursuit(pointed, *args).returncode == 0
    return pointed


def _schema(search: str) -> list[tuple[object, ...]]:
    """Every relation, function and the stamp in the search's schema: what a migration
    (or anything else) would change."""
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        made = conn.execute(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = %s ORDER BY 1",
            (search,),
        ).fetchall()
        made += conn.execute(
            "SELECT p.proname, p.oid::text FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = %s ORDER BY 2",
            (search,),
        ).fetchall()
        made += conn.execute(f"SELECT version, 'stamp' FROM {search}.schema_version").fetchall()
    return made


def test_a_search_from_a_newer_pursuit_is_refused_untouched(
    tmp_path: Path, filled: dict[str, str], db: Database, pg_search: str, tally: Tally
) -> None:
    with db.connection() as conn:
        conn.execute("UPDATE schema_version SET version = ?", (NEWER,))
    before, shape = contents(db), _schema(pg_search)
    for args in (
        ["list"],
        ["add", "Initech", "Engineer"],
        ["due", "--json"],
        ["undo"],
        ["export", "--format", "json"],
        ["backup", str(tmp_path / "copy.json")],
    ):
        proc = _pursuit(filled, *args)
        with tally.case(f"newer search: {args[0]}: one line, exit 4"):
            _one_line(proc, 4, "newer pursuit")
            assert f"schema {NEWER}" in proc.stderr, proc.stderr
    with tally.case("newer search: rows, stamp and schema as they were"):
        assert contents(db) == before
        assert _schema(pg_search) == shape
        assert not (tmp_path / "copy.json").exists()
    tally.finish()


@pytest.fixture
def reader(pg_search: str) -> Iterator[str]:
    """A URL for a role that may read the search and nothing more; dropped after."""
    role = f"ro_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA {pg_search} TO {role}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {pg_search} TO {role}")
    parts = urlsplit(PG_URL)
    host = parts.netloc.rsplit("@", 1)[-1]
    try:
        yield parts._replace(netloc=f"{role}@{host}").geturl()
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")


def test_a_user_who_may_only_read_lists_and_each_write_is_one_line(
    tmp_path: Path, filled: dict[str, str], db: Database, reader: str, tally: Tally
) -> None:
    as_reader = {**filled, "PURSUIT_DB": reader}
    export = tmp_path / "export.json"
    assert _pursuit(filled, "export", "-o", str(export)).returncode == 0
    before = contents(db)
    listed = _pursuit(as_reader, "list")
    with tally.case("read-only user: list works"):
        assert listed.returncode == 0 and "Acme" in listed.stdout, listed.stderr
    for args in (
        ["add", "Initech", "Engineer"],
        ["move", "acme", "interviewing"],
        ["undo"],
        ["import", str(export)],
    ):
        proc = _pursuit(as_reader, *args)
        with tally.case(f"read-only user: {args[0]}: one line, exit 4"):
            _one_line(proc, 4, "refused the write")
    with tally.case("read-only user: nothing was written"):
        assert contents(db) == before
    tally.finish()
