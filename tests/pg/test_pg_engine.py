"""PostgreSQL as a second engine (issue 16): choosing it by URL, its schema, its fold, its
faults, and searches kept apart. The store's own tests run on it too (tests/engines.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NOW, NY, PURSUIT, cli_env
from engines import PG_URL, drop_search, new_search
from pursuit.domain.matching import fold
from pursuit.paths import database_location
from pursuit.store.commands import add_application
from pursuit.store.context import Ctx
from pursuit.store.database import Database, NewerDatabaseError, open_database
from pursuit.store.location import PgTarget, pg_target, sqlite_path
from pursuit.store.opening import open_location
from pursuit.store.sqlite import DatabaseError


def test_a_plain_path_and_sqlite_urls_are_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PURSUIT_DB", raising=False)
    monkeypatch.delenv("PURSUIT_SEARCH", raising=False)
    assert database_location("/tmp/a.db") == (Path("/tmp/a.db"), False)
    assert sqlite_path("sqlite:////tmp/a.db") == Path("/tmp/a.db")
    assert sqlite_path("sqlite:///a.db") == Path("a.db")
    with pytest.raises(DatabaseError):
        sqlite_path("sqlite://a.db")
    where, _ = database_location("postgresql://me@db.example:5433/jobs", "alice")
    assert where == PgTarget("postgresql://me@db.example:5433/jobs", "alice")
    where, _ = database_location(None, configured="postgres://h/d", configured_search="bob")
    assert isinstance(where, PgTarget) and where.search == "bob"


def test_a_search_name_needs_a_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PURSUIT_DB", raising=False)
    with pytest.raises(DatabaseError) as err:
        database_location("/tmp/a.db", "alice")
    assert not err.value.environment
    for bad in ("Alice", "pg_x", "1abc", "a-b", "x" * 64, "a; DROP"):
        with pytest.raises(DatabaseError):
            pg_target("postgresql://h/d", bad)


def test_the_label_never_shows_a_password() -> None:
    target = pg_target("postgresql://me:s3cret@db.example:5433/jobs", None)
    assert "s3cret" not in target.label and "s3cret" not in target.local_name
    assert target.label == "postgresql://me@db.example:5433/jobs (search pursuit)"


def _pursuit(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = cli_env(tmp_path / "unused.db", NOW) | env
    return subprocess.run(
        [str(PURSUIT), *args], env=full, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql://postgres:hunter2@127.0.0.1:1/test", "cannot reach the PostgreSQL server"),
        ("postgresql://postgres:hunter2@no-such-host.invalid/test", "cannot reach"),
    ],
)
def test_an_unreachable_server_is_one_line_exit_4(tmp_path: Path, url: str, says: str) -> None:
    done = _pursuit(tmp_path, "--db", url, "list")
    assert done.returncode == 4, done.stderr
    assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "hunter2" not in done.stderr + done.stdout
    assert not (tmp_path / "unused.db").exists()


@pytest.mark.postgresql_only
def test_refused_credentials_and_missing_database_are_one_line(tmp_path: Path, engine: str) -> None:
    base = PG_URL.rsplit("/", 1)[0]
    nobody = base.replace("://", "://", 1).split("@", 1)[-1]
    done = _pursuit(tmp_path, "--db", f"postgresql://no_such_role:pw@{nobody}/test", "list")
    assert done.returncode == 4 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "no_such_role" in done.stderr and "pw@" not in done.stderr
    done = _pursuit(tmp_path, "--db", f"{base}/no_such_database_here", "list")
    assert done.returncode == 4 and "no such database" in done.stderr, done.stderr


def test_sqlite_status_and_commands_never_import_psycopg(tmp_path: Path) -> None:
    db = tmp_path / "pursuit.db"
    open_database(db).close()
    code = (
        "import sys; from pursuit.cli.dispatch import main; main(['--db', sys.argv[1], 'list']);"
        "import pursuit.cli.status_line as s; s.fast_status(['--db', sys.argv[1], 'status']);"
        "print(sorted(m for m in sys.modules if m.startswith('psycopg')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(db)],
        env=cli_env(db, NOW),
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().endswith("[]"), done.stdout


@pytest.mark.postgresql_only
def test_fold_on_the_server_is_pythons(db: Database, engine: str) -> None:
    samples = [
        "Café Réseau",
        "Seán O'Brien",
        "Seán O’Brien",
        "  ÉCOLE   Polytechnique\tFédérale ",
        "Straße",
        "ΣΊΣΥΦΟΣ",
        "Жуков",
        "Ångström ﬁrm",
        "back`tick",
        "Nestlé´s",
        "İstanbul",
        "",
    ]
    letters = "".join(chr(c) for c in range(0x20, 0x250) if chr(c).isprintable())
    letters += "".join(chr(c) for c in range(0x370, 0x530) if chr(c).isalpha())
    samples += [letters[i : i + 40] for i in range(0, len(letters), 40)]
    with db.read() as conn:
        for text in samples:
            (got,) = conn.execute("SELECT fold(?)", (text,)).fetchone()
            assert got == fold(text), text
        assert conn.execute("SELECT fold(NULL)").fetchone()[0] == ""


@pytest.mark.postgresql_only
def test_two_searches_never_see_each_others_rows(tmp_path: Path, engine: str) -> None:
    names = [new_search(), new_search()]
    try:
        alice, bob = (open_location(pg_target(PG_URL, n), local=tmp_path / n) for n in names)
        add_application(Ctx(db=alice, now=NOW, tz=NY), "Acme", "Engineer")
        add_application(Ctx(db=bob, now=NOW, tz=NY), "Globex", "Designer")
        for db, mine in ((alice, "Acme"), (bob, "Globex")):
            with db.read() as conn:
                assert [r[0] for r in conn.execute("SELECT name FROM company")] == [mine]
                # search_path is the search alone: another search's tables are not there.
                (path,) = conn.execute("SHOW search_path").fetchone()
                assert path == db.target.search  # type: ignore[attr-defined]
        alice.close()
        bob.close()
    finally:
        for n in names:
            drop_search(n)


@pytest.mark.postgresql_only
def test_columns_match_sqlite(db: Database, engine: str, tmp_path: Path) -> None:
    lite = open_database(tmp_path / "ref.db")
    tables = ("company", "contact", "application", "interview", "action", "event", "change")
    for table in tables:
        with lite.read() as a, db.read() as b:
            mine = [(r[1], r[3], r[4]) for r in a.execute(f"PRAGMA table_info({table})")]
            theirs = [(r[1], r[3]) for r in b.execute(f"PRAGMA table_info({table})")]
        # SQLite's rowid alias (id INTEGER PRIMARY KEY) says "nullable"; it never is.
        assert [(n, nn or n == "id") for n, nn, _d in mine] == theirs, table
    lite.close()


@pytest.mark.postgresql_only
def test_a_newer_search_is_refused_untouched(db: Database, engine: str, tmp_path: Path) -> None:
    with db.connection() as conn:
        conn.execute("UPDATE schema_version SET version = version + 1")
        before = conn.execute("SELECT value FROM revision").fetchone()
    target = db.target  # type: ignore[attr-defined]
    with pytest.raises(NewerDatabaseError):
        open_location(target, local=tmp_path)
    with db.connection() as conn:
        assert conn.execute("SELECT value FROM revision").fetchone() == before
