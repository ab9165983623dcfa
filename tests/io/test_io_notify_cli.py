"""`pursuit due --notify` as cron runs it (issue 15): a notification that fails is said on
stderr with exit status 1 and is not counted as announced, so the next run tries again;
runs at the same time announce each action exactly once. Real subprocesses, and a fake
`notify-send` on PATH that records its calls."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import timedelta
from pathlib import Path

from conftest import NOW, NY, PURSUIT, cli_env
from pursuit.store import commands
from pursuit.store.context import Ctx
from pursuit.store.database import open_database

SH = "#!/bin/sh\n"


def setup(folder: Path, companies: tuple[str, ...]) -> Path:
    """A database where each company has one overdue follow-up (ids 1, 2, …)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / "pursuit.db")
    ctx = Ctx(db=db, now=NOW, tz=NY)
    for name in companies:
        commands.add_application(ctx, name, "Engineer", applied_at=NOW - timedelta(days=10))
    db.close()
    (folder / "config.toml").write_text("notify_send = true\n")
    (folder / "bin").mkdir()
    return folder / "pursuit.db"


def fake_notify_send(folder: Path, body: str) -> Path:
    """A notify-send that runs `body` after writing its arguments to calls.txt."""
    calls = folder / "calls.txt"
    exe = folder / "bin" / "notify-send"
    exe.write_text(SH + f'printf "%s|" "$@" >> "{calls}"; echo >> "{calls}"\n' + body)
    exe.chmod(0o700)
    return calls


def env(folder: Path) -> dict[str, str]:
    full = cli_env(folder / "pursuit.db", NOW)
    # The fake (or none: bin/ may be empty) comes first; /usr/bin and /bin keep sh.
    full["PATH"] = f"{folder / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin"
    full["PURSUIT_CONFIG"] = str(folder / "config.toml")
    return full


def due_notify(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), "due", "--notify"],
        env=env(folder),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def announced(db: Path) -> list[tuple[int, bool]]:
    conn = sqlite3.connect(db)
    try:
        got = conn.execute("SELECT id, notified_at IS NOT NULL FROM action ORDER BY id")
        return [(int(i), bool(n)) for i, n in got]
    finally:
        conn.close()


LINES = [
    "! Follow up (a guess: ask them when) — Acme — Engineer (2 d overdue) #1",
    "! Follow up (a guess: ask them when) — Globex — Engineer (2 d overdue) #2",
]


def test_no_notify_send_is_reported_and_tried_again(tmp_path: Path) -> None:
    db = setup(tmp_path, ("Acme", "Globex"))
    first = due_notify(tmp_path)
    assert (first.returncode, first.stdout.splitlines()) == (1, LINES)
    assert first.stderr == (
        "pursuit: desktop notification not sent: notify-send is not installed (not on "
        "PATH); 2 overdue actions stay unannounced, for the next run to try again\n"
    )
    assert announced(db) == [(1, False), (2, False)]

    calls = fake_notify_send(tmp_path, "")
    again = due_notify(tmp_path)
    assert (again.returncode, again.stderr, again.stdout.splitlines()) == (0, "", LINES)
    assert calls.read_text().splitlines() == [
        "--app-name=pursuit|--|pursuit: Follow up (a guess: ask them when)|Acme|",
        "--app-name=pursuit|--|pursuit: Follow up (a guess: ask them when)|Globex|",
    ]
    assert announced(db) == [(1, True), (2, True)]
    quiet = due_notify(tmp_path)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    assert len(calls.read_text().splitlines()) == 2


def test_a_failing_notify_send_stops_and_releases_what_it_did_not_send(tmp_path: Path) -> None:
    db = setup(tmp_path, ("Acme", "Globex"))
    # Acme's goes through; Globex's fails.
    calls = fake_notify_send(tmp_path, 'case "$*" in *Globex*) exit 3 ;; esac\n')
    first = due_notify(tmp_path)
    assert (first.returncode, first.stdout.splitlines()) == (1, LINES)
    assert first.stderr == (
        "pursuit: desktop notification not sent: notify-send failed (exit status 3); "
        "1 overdue action stays unannounced, for the next run to try again\n"
    )
    assert announced(db) == [(1, True), (2, False)]

    # Still failing: Globex alone is tried, and still not counted.
    second = due_notify(tmp_path)
    assert second.returncode == 1 and second.stdout.splitlines() == LINES[1:]
    assert announced(db) == [(1, True), (2, False)]

    fake_notify_send(tmp_path, "")
    third = due_notify(tmp_path)
    assert (third.returncode, third.stderr, third.stdout.splitlines()) == (0, "", LINES[1:])
    assert announced(db) == [(1, True), (2, True)]
    bodies = [call.split("|")[3] for call in calls.read_text().splitlines()]
    assert bodies == ["Acme", "Globex", "Globex", "Globex"]


def test_after_one_failure_the_rest_wait_for_the_next_run(tmp_path: Path) -> None:
    db = setup(tmp_path, ("Acme", "Globex", "Initech"))
    calls = fake_notify_send(tmp_path, "exit 1\n")
    first = due_notify(tmp_path)
    assert first.returncode == 1
    assert "3 overdue actions stay unannounced" in first.stderr
    assert len(calls.read_text().splitlines()) == 1  # not three failures in a row
    assert announced(db) == [(1, False), (2, False), (3, False)]


def test_three_runs_at_once_announce_each_action_exactly_once(tmp_path: Path) -> None:
    companies = ("Acme", "Globex", "Initech")
    for trial in range(4):
        folder = tmp_path / f"trial{trial}"
        db = setup(folder, companies)
        # A slow desktop widens the window in which runs that did not claim would repeat.
        calls = fake_notify_send(folder, "sleep 0.3\n")
        runs = [
            subprocess.Popen(
                [str(PURSUIT), "due", "--notify"],
                env=env(folder),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        outputs = [run.communicate(timeout=120) for run in runs]
        assert [run.returncode for run in runs] == [0, 0, 0], outputs
        assert all(err == "" for _, err in outputs), outputs
        printed = sorted(line.rsplit("#", 1)[1] for out, _ in outputs for line in out.splitlines())
        assert printed == ["1", "2", "3"], outputs
        bodies = sorted(call.split("|")[3] for call in calls.read_text().splitlines())
        assert bodies == sorted(companies), (trial, bodies)
        assert announced(db) == [(1, True), (2, True), (3, True)]
