"""`pursuit status` never creates anything (issue 15): a prompt whose PURSUIT_DB names a
file that is not there gets an empty line (or its format with the fields empty) and exit
0, from the fast path and the full one alike, and no file or folder appears."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import NOW, PURSUIT, cli_env

Status = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def configs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The settings file's folder, apart from the folder a test watches."""
    return tmp_path_factory.mktemp("config")


@pytest.fixture
def status(configs: Path) -> Status:
    def run(
        db: Path, *args: str, config: str = "", home: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        """`pursuit status ARGS` on `db` (or, with `home`, the default database), with
        `config` as the settings file."""
        env = cli_env(db, NOW)
        (configs / "config.toml").write_text(config)
        env["PURSUIT_CONFIG"] = str(configs / "config.toml")
        if home is not None:
            del env["PURSUIT_DB"]
            env["HOME"] = str(home)
        return subprocess.run(
            [str(PURSUIT), "status", *args], env=env, capture_output=True, text=True, timeout=60
        )

    return run


def everything(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


# A settings file the fast path answers with, and one it leaves to the full path (a
# cadence needs dateutil to check; an unknown key needs a warning).
FAST = 'timezone = "America/New_York"\n'
FULL = 'bridge_cadence = "60d"\n'


@pytest.mark.parametrize("config", [FAST, FULL], ids=["fast", "full"])
def test_a_missing_database_is_an_empty_line_and_nothing_is_made(
    tmp_path: Path, status: Status, config: str
) -> None:
    db = tmp_path / "typo" / "deeper" / "pursuit.db"
    before = everything(tmp_path)
    plain = status(db, config=config)
    assert (plain.returncode, plain.stdout, plain.stderr) == (0, "\n", "")
    shaped = status(db, "--format", "✉ {overdue}!{today} {active:>3}/{target}", config=config)
    assert (shaped.returncode, shaped.stdout, shaped.stderr) == (0, "✉ ! /\n", "")
    bad = status(db, "--format", "{nope}", config=config)
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == (
        "pursuit: bad --format: 'nope'; fields: overdue, today, active, target, new\n"
    )
    assert everything(tmp_path) == before == []


def test_settings_problems_are_still_said(tmp_path: Path, status: Status, configs: Path) -> None:
    db = tmp_path / "nowhere" / "pursuit.db"
    done = status(db, "--format", "{overdue}", config="colour = 1\n")
    assert (done.returncode, done.stdout) == (0, "\n")
    assert done.stderr == f"pursuit: {configs / 'config.toml'}: unknown setting 'colour' ignored\n"
    assert not db.parent.exists()


def test_the_default_database_is_not_created_either(tmp_path: Path, status: Status) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = status(tmp_path / "unused" / "pursuit.db", home=home)
    assert (done.returncode, done.stdout, done.stderr) == (0, "\n", "")
    assert everything(home) == []


def test_the_fast_path_answers_without_the_heavy_modules(tmp_path: Path) -> None:
    db = tmp_path / "missing" / "pursuit.db"
    code = (
        "import sys; from pursuit.__main__ import main; sys.argv[1:] = ['status']; "
        "rc = main(); heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlite3', 'sqlmodel', 'sqlalchemy', 'dateutil', 'platformdirs', 'argparse') "
        "or (m.startswith('pursuit.') and m not in "
        "('pursuit.__main__', 'pursuit.cli', 'pursuit.cli.status_line'))); "
        "print(rc, heavy)"
    )
    env = cli_env(db, NOW)
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout == "\n0 []\n"
    assert not db.parent.exists()


def test_a_database_that_is_there_still_counts(tmp_path: Path, status: Status) -> None:
    db = tmp_path / "search" / "pursuit.db"
    db.parent.mkdir()
    env = cli_env(db, NOW)
    env["PURSUIT_CONFIG"] = str(tmp_path / "none.toml")
    added = subprocess.run(
        [str(PURSUIT), "add", "Acme", "Engineer"], env=env, capture_output=True, text=True
    )
    assert added.returncode == 0, added.stderr
    done = status(db)
    assert (done.returncode, done.stdout) == (0, "0 overdue · 0 today · 1/5 active\n")


@pytest.mark.postgresql_only
def test_a_search_not_made_yet_on_a_server_is_an_empty_line_and_nothing_is_made(
    tmp_path: Path, engine: str
) -> None:
    import psycopg

    from engines import PG_URL, drop_search, new_search

    search = new_search()
    env = cli_env(tmp_path / "unused.db", NOW)
    env.update(PURSUIT_DB=PG_URL, PURSUIT_SEARCH=search)
    try:
        done = subprocess.run(
            [str(PURSUIT), "status"], env=env, capture_output=True, text=True, timeout=60
        )
        assert (done.returncode, done.stdout, done.stderr) == (0, "\n", "")
        with psycopg.connect(PG_URL) as conn:
            made = conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (search,))
            assert made.fetchone() is None
    finally:
        drop_search(search)
