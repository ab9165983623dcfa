"""Bad input: exit 2, one line on stderr, no traceback, and the file left as it was."""

from __future__ import annotations

import sqlite3
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import RunCli, contents, sha256
from pursuit.store import commands
from pursuit.store.context import Ctx
from pursuit.store.schema import HEAD

NOW = "2026-03-16T09:00:00-04:00"
DATES = '"tomorrow 14:00", "fri", "in 2 weeks", "dec 15" or "2026-12-01 09:30"'
DURATIONS = '"90 days", "2 weeks", "3 months", "every 90 days" or "quarterly"'
STATUSES = (
    "wishlist, applied, screening, interviewing, offer, accepted, rejected, withdrawn, ghosted, "
    "on_hold"
)


# (arguments, the one line on stderr, exactly)
def _public_verbs() -> str:
    from pursuit.cli.parser import build_parser

    (verbs,) = [a for a in build_parser()._actions if a.dest == "verb"]
    assert verbs.choices is not None
    return ", ".join(repr(v) for v in verbs.choices if not v.startswith("_"))


# The verbs a user may type, as the parser lists them: never the completion's `_companies`.
VERBS = _public_verbs()

CASES: list[tuple[tuple[str, ...], str]] = [
    (("move", "initech", "screening"), 'no company matches "initech"; known: Acme, Acorn'),
    (("thanks", "ac", "jane"), '"ac" matches several: Acme, Acorn; type more of the name'),
    (
        ("interview", "acme", "--at", "someday soon", "--with", "Jane"),
        f'--at: can\'t read "someday soon" as a date (did you mean "noon"?); try {DATES}',
    ),
    (("move", "acme", "hired"), f'unknown status "hired"; use one of: {STATUSES}'),
    (("add", "Acme"), "the following arguments are required: role (see: pursuit add --help)"),
    (("add", "  ", "Engineer"), "company name is empty"),
    (
        ("reject", "acme", "--friendly", "--every", "now and then"),
        f'can\'t read "now and then" as a duration; try {DURATIONS}',
    ),
    (("due", "--now-is", "next tuesday"), 'PURSUIT_NOW="next tuesday" is not an ISO 8601 time'),
    (
        ("frobnicate",),
        f"argument VERB: invalid choice: 'frobnicate' (choose from {VERBS}) (see: pursuit --help)",
    ),
]


def run_case(run_cli: RunCli, args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    # The bad clock is the environment's, not an argument.
    if args[:2] == ("due", "--now-is"):
        return run_cli("due", now=args[2])
    return run_cli(*args, now=NOW)


def test_bad_input_exits_2_with_one_line_and_changes_nothing(run_cli: RunCli, ctx: Ctx) -> None:
    commands.add_application(ctx, "Acme", "Engineer")
    commands.add_application(ctx, "Acorn", "Designer")
    ctx.db.close()
    digest = contents(ctx.db)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda case: run_case(run_cli, case[0]), CASES))
    for (args, expected), result in zip(CASES, results, strict=True):
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr, args
        assert result.stdout == "", args
        assert result.stderr.splitlines() == [f"pursuit: {expected}"], args
    assert contents(ctx.db) == digest


@pytest.mark.sqlite_only  # the file's header (user_version); tests/pg/test_pg_engine.py: a newer search
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


def test_an_unknown_verb_lists_only_the_verbs_people_use(run_cli: RunCli) -> None:
    done = run_cli("frobnicate", now=NOW)
    assert done.returncode == 2
    assert "'completion')" in done.stderr and "_companies" not in done.stderr


def test_names_match_without_case_or_accents_and_people_by_any_part(
    run_cli: RunCli, ctx: Ctx
) -> None:
    from datetime import timedelta

    from pursuit.domain.people import Person

    commands.add_application(ctx, "Café Réseau", "Backend Engineer")
    commands.log_interview(
        ctx,
        "Café Réseau",
        at=ctx.now - timedelta(hours=2),
        people=(Person("Zoë Martin", "CTO"), Person("Seán O'Brien", "Lead Dev")),
    )
    done = run_cli("thanks", "cafe reseau", "o'brien", "--force", now=NOW)
    assert done.returncode == 0, done.stderr
    assert "Seán O'Brien at Café Réseau" in done.stdout
    done = run_cli("thanks", "CAFE", "zoe", "--force", now=NOW)
    assert done.returncode == 0, done.stderr
    assert "Zoë Martin" in done.stdout
