"""Issue 4, item 13: every verb, given an unknown company, an unreadable date, an empty
name or a missing argument, exits 2 with one line on stderr, no traceback, and leaves the
database exactly as it was (a hash of its whole content, taken after each call).

The calls run in one runner process through `pursuit.cli.dispatch.main` (the code the
installed command runs); a handful also run as real `pursuit` processes. On both engines
(tests/engines.py): on PostgreSQL the fingerprint is the search's revision counter and its
lossless export.
"""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from conftest import PG_URL
from pursuit.store.database import Database

from .helpers.common import PURSUIT, Runner, Tally, sha256
from .helpers.on_engine import pointed_at

pytestmark = pytest.mark.reliability

T = "tomorrow 10:00"


def _cases(tmp: Path) -> list[list[str]]:
    exists = tmp / "taken.db"
    exists.write_bytes(b"")
    not_a_dir = tmp / "plain-file"
    not_a_dir.write_text("x")
    return [
        # add
        ["add"], ["add", "Acme"], ["add", "", "Role"], ["add", "Newco", "   "],
        ["add", "Newco", "Role", "--applied", "blurg"], ["add", "Newco", "Role", "--applied", "in 2 days"],
        ["add", "Newco", "Role", "--status", "famous"], ["add", "Newco", "Role", "--status", "rejected"],
        # interview
        ["interview"], ["interview", "Acme"], ["interview", "Acme", "--at", T],
        ["interview", "Nope", "--at", T, "--with", "Jane"],
        ["interview", "Acme", "--at", "blurg", "--with", "Jane"],
        ["interview", "Acme", "--at", T, "--with", "Jane", "--check-back", "someday"],
        ["interview", "Acme", "--at", T, "--with", "Jane", "--check-back", "yesterday"],
        ["interview", "Acme", "--at", T, "--with", ""], ["interview", "", "--at", T, "--with", "Jane"],
        ["interview", "Acme", "--at", T, "--with", "Jane (EM"],
        ["interview", "Acme", "--at", T, "--with", "Jane", "--minutes", "abc"],
        ["interview", "Acme", "--at", T, "--with", "Jane", "--minutes", "0"],
        # guidance
        ["guidance"], ["guidance", "Acme"], ["guidance", "Nope", "tomorrow"],
        ["guidance", "Acme", "blurg"], ["guidance", "", "tomorrow"], ["guidance", "Acme", "yesterday"],
        # thanks
        ["thanks"], ["thanks", "Acme"], ["thanks", "Nope", "Jane"], ["thanks", "Acme", ""],
        ["thanks", "Acme", "Nobody"], ["thanks", "", "Jane"],
        # followup
        ["followup"], ["followup", "Nope"], ["followup", ""], ["followup", "Acme", "--channel", "pigeon"],
        # heard
        ["heard"], ["heard", "Nope"], ["heard", ""],
        # move
        ["move"], ["move", "Acme"], ["move", "Nope", "offer"], ["move", "", "offer"],
        ["move", "Acme", "famous"], ["move", "Globex", "offer"],
        # reject
        ["reject"], ["reject", "Nope"], ["reject", ""], ["reject", "Acme", "--every", "90d"],
        ["reject", "Acme", "--friendly", "--every", "blurg"],
        ["reject", "Acme", "--friendly", "--every", "RRULE:FREQ=SOMETIMES"],
        # checkin
        ["checkin"], ["checkin", "Nope"], ["checkin", ""], ["checkin", "Acme"],
        # reopen
        ["reopen"], ["reopen", "Globex"], ["reopen", "Nope", "Role"], ["reopen", "Globex", ""],
        ["reopen", "Acme", "Role"],
        # snooze
        ["snooze"], ["snooze", "1"], ["snooze", "x", "tomorrow"], ["snooze", "9999", "tomorrow"],
        ["snooze", "1", "blurg"], ["snooze", "1", "yesterday"], ["snooze", "", "tomorrow"],
        # done
        ["done"], ["done", "x"], ["done", "9999"], ["done", "-1"],
        # talking-point
        ["talking-point"], ["talking-point", "Acme", "Jane"], ["talking-point", "Nope", "Jane", "x"],
        ["talking-point", "Acme", "", "x"], ["talking-point", "Acme", "Nobody", "x"],
        ["talking-point", "", "Jane", "x"],
        # undo
        ["undo", "extra"],
        # quick
        ["quick"], ["quick", ""], ["quick", "Acme", "interview", "blurg"],
        ["quick", "Nope", "check", "back", "tomorrow"], ["quick", "/", "Role"],
        ["quick", "Acme", "interview", "tomorrow", "10:00", "with", ""],
        # reads
        ["list", "--bogus"], ["due", "--limit", "x"], ["status", "--format", "{nope}"],
        ["status", "--format", "{"],
        # backup
        ["backup", str(exists)], ["backup", str(not_a_dir / "copy.db")],
        # demo
        ["demo", "--apps", "-1"], ["demo", "--apps", "x"],
        # no or unknown verb arguments
        ["bogus"], ["--db"],
    ]  # fmt: skip


SETUP = [
    ["add", "Acme", "Backend Engineer"],
    ["interview", "Acme", "--at", "today 08:00", "--with", "Jane Doe (EM)"],
    ["add", "Globex", "SRE"],
    ["reject", "Globex", "--friendly"],
]


def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path,
    env: dict[str, str],
    runner: Runner,
    tally: Tally,
    db: Database,
    pg_search: str | None,
) -> None:
    path = db.path
    spec: str | dict[str, str] = str(path)
    if pg_search is not None:
        spec = {"url": PG_URL, "search": pg_search}
    # `pursuit` pointed at the test's search; a case's own --db overrides it.
    env = pointed_at(env, db)
    made = runner.call(op="cli_many", cases=[{"argv": a, "env": env} for a in SETUP])
    assert [r["code"] for r in made["results"]] == [0] * len(SETUP), made
    start = runner.call(op="fingerprint", db=spec)["fingerprint"]
    file_hash = ""
    if pg_search is None:
        # Fold the -wal into the file first: a later checkpoint would rewrite it, same
        # content.
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        file_hash = sha256(path)

    argvs = _cases(tmp_path)
    envs = [env] * len(argvs)
    # The environment is input too: an unreadable clock, an unknown zone, not a database.
    for extra, argv in [
        ({"PURSUIT_NOW": "last tuesdayish"}, ["list"]),
        ({"PURSUIT_TZ": "Mars/Olympus_Mons"}, ["due"]),
        ({}, ["--db", str(tmp_path), "list"]),
        ({}, ["--db", str(tmp_path / "plain-file"), "status"]),
    ]:
        argvs.append(argv)
        envs.append({**env, **extra})
    results = runner.call(
        op="cli_many",
        cases=[
            {"argv": a, "env": e, "fingerprint": spec} for a, e in zip(argvs, envs, strict=True)
        ],
    )["results"]
    for argv, res in zip(argvs, results, strict=True):
        shown = " ".join(argv)
        with tally.case(f"pursuit {shown}"):
            assert res["code"] == 2, (res["code"], res["err"][-300:])
            assert res["err"].startswith("pursuit: ") and res["err"].count("\n") == 1, res["err"]
            assert "Traceback" not in res["err"]
            assert res["fingerprint"] == start, "the database changed"

    # A few as real processes: the exit status and stderr the shell sees.
    for argv in (["add"], ["interview", "Nope", "--at", T, "--with", "Jane"]):
        proc = subprocess.run(
            [str(PURSUIT), *argv], env=env, capture_output=True, text=True, timeout=60
        )
        with tally.case(f"real process: pursuit {' '.join(argv)}"):
            assert proc.returncode == 2, proc.stderr
            assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    if pg_search is None:
        with tally.case("the database file is byte for byte the same"):
            with closing(sqlite3.connect(path)) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            assert sha256(path) == file_hash
    else:
        with tally.case("the search is as it was"):
            after = runner.call(op="fingerprint", db=spec)["fingerprint"]
            assert after == start
    tally.finish()
