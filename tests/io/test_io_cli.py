"""The issue-6 verbs as a user runs them: the installed `pursuit` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import tomllib
from datetime import timedelta
from pathlib import Path

from icalendar import Calendar

from conftest import NOW, PG_URL, PURSUIT, RunCli, cli_env
from pursuit.domain.people import Person
from pursuit.store import action_reads, commands
from pursuit.store.context import Ctx

TRACKER = Path(__file__).parent / "data" / "tracker.csv"


def run(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None, now: str | None = None
) -> subprocess.CompletedProcess[str]:
    full = cli_env(tmp_path / "pursuit.db", now or NOW.isoformat())
    full.update(env or {})
    return subprocess.run(
        [str(PURSUIT), *args], env=full, capture_output=True, text=True, timeout=60, check=False
    )


def script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o700)
    return path


def test_a_new_user_imports_a_messy_tracker_and_exports_a_calendar(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path
) -> None:
    done = run_cli("import", str(TRACKER))
    assert done.returncode == 0, done.stderr
    assert "30 applications imported from tracker.csv; 0 already there; 3 skipped" in done.stdout
    assert done.stderr.splitlines() == [
        "pursuit: skipped line 6: no company",
        "pursuit: skipped line 24: Futura: the date applied is in the future",
        'pursuit: skipped line 30: Nowhere Ltd: can\'t read "31/31/2026" as a date (no such day)',
    ]
    listed = json.loads(run_cli("list", "--all", "--json").stdout)
    assert len(listed) == 30
    assert {"company": "Umbrella Health", "role": "Data Engineer", "status": "offer"}.items() <= (
        next(a for a in listed if a["company"] == "Umbrella Health").items()
    )

    ics = tmp_path / "search.ics"
    made = run_cli("export", "--format", "ics", "-o", str(ics))
    assert made.returncode == 0 and stat.S_IMODE(ics.stat().st_mode) == 0o600
    cal = Calendar.from_ical(ics.read_bytes())
    with ctx.db.read() as conn:
        pending = action_reads.pending_actions(conn)
    assert len(cal.walk("VTODO")) == len(pending) > 10
    assert all(todo.walk("VALARM") for todo in cal.walk("VTODO"))

    table = run_cli("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout, newline="")))
    assert len(rows) == 30
    soylent = next(r for r in rows if r["Company"] == "Soylent")
    assert soylent["Notes"] == "'=SUM(A1:A9)" and soylent["Status"] == "screening"


def test_bad_arguments_get_one_line_and_status_2(run_cli: RunCli, tmp_path: Path) -> None:
    missing = run_cli("import", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert "no such file" in missing.stderr
    fmt = run_cli("export", "--format", "xml")
    assert fmt.returncode == 2 and "invalid choice" in fmt.stderr
    junk = tmp_path / "junk.csv"
    junk.write_text("company,role\n,\n,Engineer\n")
    nothing = run_cli("import", str(junk))
    assert nothing.returncode == 2 and "line 3: no company" in nothing.stderr


def test_note_edit_round_trips_through_the_editor(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path
) -> None:
    commands.add_application(ctx, "Acme Robotics", "Engineer")
    commands.log_interview(
        ctx,
        "Acme",
        at=NOW - timedelta(hours=3),
        people=(Person("Jane Doe", "EM"), Person("Bob Lee")),
    )
    seen = tmp_path / "seen.txt"
    editor = script(
        tmp_path / "editor.sh",
        f'stat -c %a "$1" > {seen}; echo "$1" >> {seen}\n'
        'printf "P.S. The robot demo was great.\\n" >> "$1"\n',
    )
    shown = run_cli("note", "acme", "jane")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Dear Jane,")

    edited = run_cli("note", "Acme", "Jane", "--edit", "--show", env={"EDITOR": str(editor)})
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.rstrip().endswith("P.S. The robot demo was great.")
    assert "saved" in edited.stderr
    file_mode, temp = seen.read_text().split()
    assert file_mode == "600" and not Path(temp).exists()
    with ctx.db.read() as conn:
        drafts = {r.contact: r.draft for r in action_reads.pending_actions(conn) if r.contact}
    assert drafts["Jane Doe"] == edited.stdout.rstrip()
    assert "robot" not in drafts["Bob Lee"]

    failing = script(tmp_path / "fail.sh", "exit 3\n")
    gave_up = run_cli("note", "Acme", "Bob", "--edit", env={"VISUAL": str(failing)})
    assert gave_up.returncode == 2 and "status 3; nothing saved" in gave_up.stderr
    none = run_cli("note", "Acme", "Nobody")
    assert none.returncode == 2 and 'no person matches "Nobody"' in none.stderr


def test_due_notify_announces_each_overdue_action_once(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path
) -> None:
    commands.add_application(ctx, "Acme & Sons", "Engineer", applied_at=NOW - timedelta(days=10))
    commands.add_application(ctx, "Globex", "SRE", applied_at=NOW - timedelta(days=2))
    calls = tmp_path / "calls.txt"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script(bin_dir / "notify-send", f'printf "%s|" "$@" >> {calls}; echo >> {calls}\n')
    config = tmp_path / "config.toml"
    config.write_text("notify_send = true\n")
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PURSUIT_CONFIG": str(config)}

    first = run_cli("due", "--notify", env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("\n") == 1 and "Acme" in first.stdout
    (call,) = calls.read_text().splitlines()
    assert call.startswith("--app-name=pursuit|--|pursuit: Follow up")
    assert call.endswith("|Acme &amp; Sons|")  # the body is escaped: servers read HTML
    second = run_cli("due", "--notify", env=env)
    assert (second.returncode, second.stdout) == (0, "")
    # Globex's guessed follow-up fell on Mon 23 Mar 09:30 (a week after Sat 14 Mar is a
    # Saturday); an hour later it is overdue too: only it is announced.
    later_now = (NOW + timedelta(days=7, hours=1)).isoformat()
    later = run_cli("due", "--notify", env=env, now=later_now)
    assert "Globex" in later.stdout and "Acme" not in later.stdout
    assert len(calls.read_text().splitlines()) == 2


def test_config_problems_are_named_and_defaults_used(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'thank_you_hours = 36.5\ncolour = "blue"\nguidance_days = "soon"\n'
        'followup_gap_days = inf\ntimezone = "Mars/Olympus"\nbridge_cadence = "sometimes"\n'
        '[keymap]\nquick_entry = "n"\n'
    )
    env = {"PURSUIT_CONFIG": str(config)}
    assert run(tmp_path, "config", "path", env=env).stdout == f"{config}\n"

    shown = run(tmp_path, "config", "show", env=env)
    assert shown.returncode == 0
    problems = shown.stderr.splitlines()
    assert len(problems) == 5
    for name in ("colour", "guidance_days", "followup_gap_days", "timezone", "bridge_cadence"):
        assert any(f"{name}" in line for line in problems), name
    settings = tomllib.loads(shown.stdout)
    assert settings["thank_you_hours"] == 36.5
    assert settings["guidance_days"] == 7 and settings["followup_gap_days"] == 7
    assert settings["timezone"] == "" and settings["bridge_cadence"] == "90d"
    assert settings["keymap"] == {"quick_entry": "n"}
    assert "# R3: hours after an interview ends" in shown.stdout

    # A broken config never stops pursuit.
    config.write_text("thank_you_hours = [oops\n")
    assert run(tmp_path, "list", env=env).returncode == 0  # (status creates no database)
    status = run(tmp_path, "status", env=env)
    assert status.returncode == 0 and "cannot read" in status.stderr
    assert "0 overdue" in status.stdout


def test_status_format_for_prompts(ctx: Ctx, run_cli: RunCli) -> None:
    commands.add_application(ctx, "Acme", "Engineer", applied_at=NOW - timedelta(days=10))
    assert run_cli("status", "--format", "{overdue}!{today}").stdout == "1!0\n"
    bad = run_cli("status", "--format", "{nope}")
    assert bad.returncode == 2 and "fields: overdue, today" in bad.stderr


def test_bash_completion_offers_verbs_companies_and_statuses(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path, pg_search: str | None
) -> None:
    commands.add_application(ctx, "Acme Robotics", "Engineer")
    commands.add_application(ctx, "acme labs", "Engineer")
    commands.add_application(ctx, "Globex", "SRE")
    made = run_cli("completion", "bash")
    assert made.returncode == 0
    completion = tmp_path / "pursuit.bash"
    completion.write_text(made.stdout)
    assert run_cli("_companies").stdout == "acme labs\nAcme Robotics\nGlobex\n"
    env = cli_env(tmp_path / "pursuit.db", NOW)
    if pg_search is not None:  # the search is the environment's; --db names the server
        env.update(PURSUIT_DB=PG_URL, PURSUIT_SEARCH=pg_search)

    cases = [
        ["im"],
        ["thanks", "ac"],
        ["--db", env["PURSUIT_DB"], "move", "Glo"],
        ["move", "Globex", "on"],
        ["export", "--format", "i"],
        ["import", "--"],
    ]
    probe = [f"source {completion}"]
    for words in cases:
        line = " ".join(f"'{w}'" for w in words)
        probe.append(
            f"COMP_WORDS=(pursuit {line}); COMP_CWORD={len(words)}; _pursuit; "
            "printf '%s,' \"${COMPREPLY[@]}\"; echo"
        )
    env["PATH"] = f"{PURSUIT.parent}{os.pathsep}{env['PATH']}"
    out = subprocess.run(
        ["bash", "-c", "\n".join(probe)], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    got = out.stdout.splitlines()
    assert got[:5] == [
        "import,",
        "acme\\ labs,Acme\\ Robotics,",
        "Globex,",
        "on_hold,",
        "ics,",
    ]
    assert "--dry-run" in got[5].split(",")

    zsh = run_cli("completion", "zsh").stdout
    assert zsh.startswith("#compdef pursuit") and "_companies" in zsh
    assert "'thanks:mark a thank-you note sent" in zsh
