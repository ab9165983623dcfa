"""A write that must wait for another process's lock says so, then goes ahead."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import NOW, PURSUIT, RunCli, cli_env
from pursuit.store import sqlite
from pursuit.store.database import open_database


def test_add_waits_for_a_held_lock_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "pursuit.db"
    open_database(db).close()
    holder = sqlite.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # as a long import does while it writes
    proc = subprocess.Popen(
        [str(PURSUIT), "add", "Acme", "Engineer"],
        env=cli_env(db, NOW),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        # Blocks until the command says why nothing happens yet: the condition, no sleep.
        said = proc.stderr.readline()
        assert said == "pursuit: waiting for another pursuit to finish writing…\n"
        assert proc.poll() is None  # still waiting, nothing written
    finally:
        holder.execute("COMMIT")
        holder.close()
    out, err = proc.communicate(timeout=30)
    assert (proc.returncode, err) == (0, "")
    assert out.splitlines() == [
        "Added Acme — Engineer (applied)",
        "Follow up (a guess; ask them when): Mon 23 Mar 09:30",
    ]


def test_list_says_whose_move_it_is(run_cli: RunCli, tmp_path: Path) -> None:
    run_cli("add", "Acme", "Engineer", now="2026-03-13T11:00:00-04:00")
    run_cli("interview", "acme", "--at", "today 08:00", "--with", "Jane Doe (EM)")
    run_cli("add", "Globex", "SRE")
    listed = json.loads(run_cli("list", "--json").stdout)
    moves = {r["company"]: (r["whose_move"], r["waiting_until"]) for r in listed}
    assert moves == {
        # A thank-you note is owed: your move.
        "Acme": ("mine", None),
        # Applied, nothing owed: theirs, until the guessed follow-up (a week on, 09:30).
        "Globex": ("theirs", "2026-03-23T09:30:00-04:00"),
    }
    # The interview this morning is Acme's last contact (it came from them, not from you).
    touched = {r["company"]: r["last_touch"] for r in listed}
    assert touched == {"Acme": "2026-03-16T08:00:00-04:00", "Globex": "2026-03-16T09:00:00-04:00"}


def test_list_puts_an_interview_to_come_before_its_notes(run_cli: RunCli) -> None:
    run_cli("add", "Acme", "Engineer", now="2026-03-13T11:00:00-04:00")
    run_cli("interview", "acme", "--at", "thu 14:00", "--with", "Jane Doe (EM)")
    (listed,) = json.loads(run_cli("list", "--json").stdout)
    assert listed["next_interview"] == "2026-03-19T14:00:00-04:00"
    line = run_cli("list").stdout.splitlines()[0]
    # Monday 09:00 to Thursday 14:00, the nearest unit.
    assert line.endswith("interviewing interview in 3 d · Thu 19 Mar"), line


def test_show_says_whose_move_it_is(run_cli: RunCli, tmp_path: Path) -> None:
    run_cli("add", "Acme", "Engineer", now="2026-03-13T11:00:00-04:00")
    run_cli("interview", "acme", "--at", "today 08:00", "--with", "Jane Doe (EM)")
    run_cli("add", "Globex", "SRE")
    run_cli("add", "Initech", "Analyst")
    run_cli("reject", "initech")
    shown = {c: run_cli("show", c) for c in ("acme", "globex", "initech")}
    assert all(p.returncode == 0 for p in shown.values()), [p.stderr for p in shown.values()]
    assert "Engineer — interviewing · your move  (#1)" in shown["acme"].stdout.splitlines()
    assert "SRE — applied · their move until Mon 23 Mar  (#2)" in shown["globex"].stdout
    # Closed: how it ended, no one's move.
    assert "Analyst — rejected" in shown["initech"].stdout
    assert "move" not in shown["initech"].stdout
    data = {c: json.loads(run_cli("show", c, "--json").stdout) for c in shown}
    moves = {
        c: (d["applications"][0]["whose_move"], d["applications"][0]["waiting_until"])
        for c, d in data.items()
    }
    assert moves == {
        "acme": ("mine", None),
        "globex": ("theirs", "2026-03-23T09:30:00-04:00"),
        "initech": (None, None),
    }


def test_followup_check_answers_with_its_exit_status_too(run_cli: RunCli) -> None:
    run_cli("add", "Acme", "Engineer", now="2026-03-13T11:00:00-04:00")
    soon = run_cli("followup", "acme", "--check", now="2026-03-16T09:00:00-04:00")
    assert (soon.returncode, soon.stdout.split(":")[0]) == (3, "too soon")
    fine = run_cli("followup", "acme", "--check", now="2026-03-23T09:30:00-04:00")
    assert (fine.returncode, fine.stdout) == (0, "fine to follow up now\n")
    # Only a question: nothing was written either time.
    assert json.loads(run_cli("list", "--json").stdout)[0]["last_touch"].startswith("2026-03-13")
