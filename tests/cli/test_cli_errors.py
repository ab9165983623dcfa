"""Bad input: exit 2, one line on stderr, no traceback, and the file left as it was."""

from __future__ import annotations

import sqlite3
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import RunCli, sha256
from pursuit.store import commands
from pursuit.store.context import Ctx
from pursuit.store.schema import HEAD

NOW = "2026-03-16T09:00:00-04:00"
CASES: list[tuple[tuple[str, ...], str]] = [
    (("move", "initech", "screening"), 'no company matches "initech"; known: Acme, Acorn'),
    (("thanks", "ac", "jane"), '"ac" matches several: Acme, Acorn; type more of the name'),
    (
        ("interview", "acme", "--at", "someday soon", "--with", "Jane"),
        'can\'t read "someday soon" as a date',
    ),
    (("move", "acme", "hired"), 'unknown status "hired"; use one of: wishlist'),
    (("add", "Acme"), "the following arguments are required: role"),
    (("add", "  ", "Engineer"), "company name is empty"),
    (("reject", "acme", "--friendly", "--every", "now and then"), "now and then"),
    (("due", "--now-is", "next tuesday"), 'PURSUIT_NOW="next tuesday" is not an ISO 8601 time'),
]


def run_case(run_cli: RunCli, args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    # The bad clock is the environment's, not an argument.
    if args[:2] == ("due", "--now-is"):
        return run_cli("due", now=args[2])
    return run_cli(*args, now=NOW)


def test_bad_input_exits_2_with_one_line_and_changes_nothing(run_cli: RunCli, ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    commands.add_application(ctx, "Acorn", "Designer")
    ctx.db.close()  # checkpoint, so the main file holds everything
    path = ctx.db.path
    digest = sha256(path)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda case: run_case(run_cli, case[0]), CASES))
    for (args, fragment), result in zip(CASES, results, strict=True):
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr, args
        assert result.stdout == "", args
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (args, lines)
        assert lines[0].startswith("pursuit: ") and fragment in lines[0], (args, lines)
    assert sha256(path) == digest


def test_newer_database_is_refused_untouched(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "pursuit.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {HEAD + 1}")
    conn.close()
    digest = sha256(path)
    result = run_cli("list")
    # An environment problem (upgrade pursuit), not bad input: exit 4.
    assert result.returncode == 4, result.stderr
    (line,) = result.stderr.splitlines()
    assert f"written by a newer pursuit (schema {HEAD + 1}" in line
    assert sha256(path) == digest
