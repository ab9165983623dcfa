"""Same meaning on both engines (issue 16): one scripted search run on SQLite and on
PostgreSQL exports the same bytes, and `pursuit copy` moves a search there and back
without losing a byte of its export."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import PURSUIT, cli_env
from engines import PG_URL

pytestmark = pytest.mark.postgresql_only

# A week of a search, as a person types it: every kind of row, a removal and an undo.
SCRIPT: list[tuple[str, list[str]]] = [
    ("2026-03-16T09:00:00-04:00", ["add", "Café Réseau", "Backend Engineer", "--url", "https://x.example/j/1"]),
    ("2026-03-16T09:05:00-04:00", ["add", "Globex", "Platform Engineer", "--source", "referral"]),
    ("2026-03-16T09:10:00-04:00", ["add", "Initech", "SRE", "--status", "wishlist"]),
    ("2026-03-17T10:00:00-04:00", ["interview", "café", "--at", "today 14:00", "--with", "Seán O'Brien, EM", "--with", "Bob Lee"]),
    ("2026-03-17T16:00:00-04:00", ["thanks", "cafe", "sean", "--force"]),
    ("2026-03-18T09:00:00-04:00", ["guidance", "café", "mar 25"]),
    ("2026-03-18T09:30:00-04:00", ["move", "globex", "screening"]),
    ("2026-03-19T11:00:00-04:00", ["reject", "initech", "--friendly"]),
    ("2026-03-19T11:05:00-04:00", ["add", "Umbrella", "Data Engineer"]),
    ("2026-03-19T11:06:00-04:00", ["undo"]),
    ("2026-03-20T08:00:00-04:00", ["due"]),
]  # fmt: skip


def _run(env: dict[str, str], now: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), *args],
        env={**env, "PURSUIT_NOW": now},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _script(env: dict[str, str]) -> tuple[list[tuple[int, str]], bytes]:
    said = []
    for now, args in SCRIPT:
        done = _run(env, now, *args)
        said.append((done.returncode, done.stdout + done.stderr))
    export = subprocess.run(
        [str(PURSUIT), "export", "--format", "json"],
        env={**env, "PURSUIT_NOW": SCRIPT[-1][0]},
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    return said, export


def test_one_scripted_search_gives_the_same_export_on_both(
    tmp_path: Path, engine: str, pg_search: str
) -> None:
    lite = cli_env(tmp_path / "pursuit.db", SCRIPT[0][0])
    server = {**lite, "PURSUIT_DB": PG_URL, "PURSUIT_SEARCH": pg_search}
    said_lite, on_lite = _script(lite)
    said_server, on_server = _script(server)
    assert [code for code, _ in said_lite] == [0] * len(SCRIPT), said_lite
    # What each command said, save where it names the database.
    label = f"postgresql://{PG_URL.split('://', 1)[1]} (search {pg_search})"
    assert [(c, t.replace(label, "DB")) for c, t in said_server] == [
        (c, t.replace(str(tmp_path / "pursuit.db"), "DB")) for c, t in said_lite
    ]
    assert b'"Caf\\u00e9 R\\u00e9seau"' in on_lite or "Café Réseau".encode() in on_lite
    assert on_server == on_lite


def test_copy_to_the_server_and_back_loses_nothing(
    tmp_path: Path, engine: str, pg_search: str
) -> None:
    env = cli_env(tmp_path / "first.db", "2026-03-16T09:00:00-04:00")
    assert _run(env, env["PURSUIT_NOW"], "demo", "--apps", "30").returncode == 0
    there = _run(env, env["PURSUIT_NOW"], "copy", "--to", PG_URL, "--to-search", pg_search)
    assert there.returncode == 0, there.stderr
    assert "Checked: both export the same" in there.stdout
    back_env = {**env, "PURSUIT_DB": PG_URL, "PURSUIT_SEARCH": pg_search}
    back = _run(back_env, env["PURSUIT_NOW"], "copy", "--to", str(tmp_path / "back.db"))
    assert back.returncode == 0, back.stderr
    exports = [
        _run({**env, "PURSUIT_DB": str(tmp_path / name)}, env["PURSUIT_NOW"], "export").stdout
        for name in ("first.db", "back.db")
    ]
    server = _run(back_env, env["PURSUIT_NOW"], "export").stdout
    assert exports[0] == exports[1] == server
    assert len(exports[0]) > 10_000
    # Into a search that holds one already: refused, nothing changed.
    again = _run(env, env["PURSUIT_NOW"], "copy", "--to", PG_URL, "--to-search", pg_search)
    assert again.returncode == 2 and "already holds a search" in again.stderr
    assert _run(back_env, env["PURSUIT_NOW"], "export").stdout == server
