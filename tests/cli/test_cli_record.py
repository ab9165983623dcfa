"""The record from the command line (issue #12), as real processes: show, edit, contact,
edit-interview, rename, merge, delete, add without silent duplicates, note --sent, and
list --all; bad input is one line, exit 2, and the file unchanged."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta

import pytest

from conftest import NOW, RunCli, contents, rows
from pursuit.domain.people import Person
from pursuit.store import actions, commands
from pursuit.store.context import Ctx
from pursuit.store.database import Database

DAY = timedelta(days=1)


def ok(result: object) -> list[str]:
    assert result.returncode == 0, result.stderr
    return str(result.stdout).splitlines()


@pytest.fixture
def search(ctx: Ctx) -> Database:
    """Globex rejected kindly (Priya Nair, recruiter), Acme interviewing with notes sent and
    owed, Stark typed twice, Initech ghosted."""
    commands.add_application(replace(ctx, now=NOW - 40 * DAY), "Globex", "Data Engineer")
    commands.log_interview(
        replace(ctx, now=NOW - 35 * DAY),
        "Globex",
        at=NOW - 36 * DAY,
        people=(Person("Priya Nair", "recruiter"),),
    )
    commands.reject(replace(ctx, now=NOW - 30 * DAY), "Globex", friendly=True)
    commands.add_application(replace(ctx, now=NOW - 20 * DAY), "Acme", "Backend Engineer")
    commands.log_interview(
        replace(ctx, now=NOW - 2 * DAY),
        "Acme",
        at=NOW - 3 * DAY,
        people=(Person("Jane Doe", "EM"), Person("Bob Lee")),
    )
    actions.mark_thanks(
        replace(ctx, now=NOW - 2 * DAY), "Acme", "Jane", note="Dear Jane, thanks for the talk."
    )
    actions.heard_back(replace(ctx, now=NOW - DAY), "Acme", note="Second round next week")
    commands.add_application(replace(ctx, now=NOW - 9 * DAY), "Stark Industries", "Robotics")
    commands.add_application(
        replace(ctx, now=NOW - 8 * DAY), "Stark", "Engineering Manager", new_company=True
    )
    commands.add_application(replace(ctx, now=NOW - 50 * DAY), "Initech", "Analyst")
    commands.move(replace(ctx, now=NOW - 25 * DAY), "Initech", commands.Status.GHOSTED)
    ctx.db.close()
    return ctx.db


def test_add_matches_the_company_and_remembers_it(run_cli: RunCli, search: Database) -> None:
    lines = ok(run_cli("add", "glob", "Platform Engineer", "--salary", "90–110k", "--remote"))
    assert lines[0] == "Added Globex — Platform Engineer (applied)"
    assert lines[1] == (
        "You applied to Globex before (Data Engineer, rejected on good terms on 14 Feb; "
        "contacts: Priya Nair, recruiter)"
    )
    assert rows(
        search, "SELECT salary, salary_low, salary_high, remote FROM application WHERE id = 6"
    ) == [("90–110k", 90_000, 110_000, 1)]
    assert rows(search, "SELECT count(*) FROM company WHERE name LIKE 'Glob%'") == [(1,)]


def test_the_same_role_twice_is_refused_with_exit_3(run_cli: RunCli, search: Database) -> None:
    digest = contents(search)
    again = run_cli("add", "acme", "backend engineer")
    assert again.returncode == 3
    assert again.stderr.splitlines() == [
        "pursuit: Acme already has an open application for Backend Engineer: interviewing since "
        "24 Feb; add it again only if it is another opening (use --force to go ahead)"
    ]
    assert contents(search) == digest
    ok(run_cli("add", "acme", "backend engineer", "--force"))
    assert rows(search, "SELECT count(*) FROM application WHERE title LIKE 'backend%'") == [(2,)]


def test_a_new_company_of_an_exact_name_can_be_forced(run_cli: RunCli, search: Database) -> None:
    ok(run_cli("add", "Acme Corp", "Designer"))  # no prefix of a known name: new
    lines = ok(run_cli("add", "Glob", "Analyst", "--new-company"))
    assert lines[0] == "Added Glob — Analyst (applied)"
    assert {n for (n,) in rows(search, "SELECT name FROM company")} >= {"Acme Corp", "Glob"}


def test_show_prints_every_field_person_interview_note_and_draft(
    run_cli: RunCli, search: Database
) -> None:
    ok(run_cli("edit", "acme", "--location", "Berlin", "--no-remote", "--salary", "€90–110k"))
    ok(run_cli("contact", "acme", "jane", "--email", "jane@acme.example", "--phone", "555 0100"))
    ok(run_cli("edit-interview", "acme", "--place", "10 Downing St", "--note", "whiteboard"))
    text = ok(run_cli("show", "acme"))
    joined = "\n".join(text)
    for fragment in (
        "Backend Engineer — interviewing",
        "location  Berlin",
        "remote    on site",
        "salary    €90–110k",
        "at 10 Downing St with Jane Doe, Bob Lee",
        "note: whiteboard",
        "Jane Doe — EM",
        "jane@acme.example · 555 0100",
        "thank-you note to Bob Lee",  # the draft still owed
        "| Dear Bob,",
        "→ thank-you note to Jane Doe",  # and the text actually sent
        "| Dear Jane, thanks for the talk.",
        "← heard back",
        "| Second round next week",  # the note typed with `heard`
    ):
        assert fragment in joined, fragment
    data = json.loads(
        ok(run_cli("show", "acme", "--json")) and run_cli("show", "acme", "--json").stdout
    )
    (app,) = data["applications"]
    assert (app["location"], app["remote"], app["salary_low"]) == ("Berlin", False, 90_000)
    assert app["interviews"][0]["place"] == "10 Downing St"
    assert app["interviews"][0]["interviewers"] == ["Jane Doe", "Bob Lee"]
    assert {c["name"]: c["email"] for c in data["contacts"]}["Jane Doe"] == "jane@acme.example"
    texts = [e["text"] for e in data["timeline"] if e["text"]]
    assert "Dear Jane, thanks for the talk." in texts and "Second round next week" in texts
    assert any(x["kind"] == "thank_you" and "Dear Bob" in x["draft"] for x in data["next"])


def test_note_prints_drafts_and_what_was_sent(run_cli: RunCli, search: Database) -> None:
    assert ok(run_cli("note", "acme", "jane", "--sent")) == ["Dear Jane, thanks for the talk."]
    bob = ok(run_cli("note", "acme", "bob"))
    assert bob[0] == "Dear Bob,"
    every = ok(run_cli("note", "acme"))
    assert every[0].startswith("— thank-you note to Bob Lee [Backend Engineer], due ")
    assert any(line.startswith("— follow-up [Backend Engineer], due ") for line in every)
    globex = ok(run_cli("note", "globex"))  # the check-in, and a thank-you never sent
    assert "Hi Priya," in globex and "Dear Priya," in globex
    none = run_cli("note", "acme", "jane")
    assert none.returncode == 2
    assert none.stderr.splitlines() == [
        "pursuit: no thank-you note to Jane Doe is pending (what was sent: pursuit note 'acme' "
        "'jane' --sent)"
    ]


def test_edit_contact_move_rename_and_undo(run_cli: RunCli, search: Database) -> None:
    assert ok(run_cli("edit", "acme", "--role", "Platform Engineer", "--priority", "high")) == [
        "Acme — Platform Engineer: changed role, priority"
    ]
    assert ok(run_cli("contact", "acme", "carol", "--role", "Recruiter")) == ["Added carol at Acme"]
    assert ok(run_cli("contact", "acme", "carol", "--move-to", "globex")) == [
        "carol moved from Acme to Globex"
    ]
    assert ok(run_cli("rename", "acme", "Acme Robotics")) == ["Renamed Acme to Acme Robotics"]
    assert ok(run_cli("undo")) == ["Undid: rename Acme to Acme Robotics"]
    assert ok(run_cli("undo")) == ["Undid: edit contact carol at Globex"]
    assert rows(
        search,
        "SELECT c.name FROM contact p JOIN company c ON c.id = p.company_id WHERE p.name = 'carol'",
    ) == [("Acme",)]


def test_merge_says_what_moves_and_needs_yes(run_cli: RunCli, search: Database) -> None:
    digest = contents(search)
    asked = run_cli("merge", "Stark", "Stark Industries")
    assert asked.returncode == 3
    assert asked.stdout.splitlines() == [
        "Merging Stark into Stark Industries would move:",
        "  applications: Engineering Manager (applied)",
        "  contacts: none",
        "  history: 1 event, 1 reminder",
        "  Stark is then removed (undo brings it back)",
    ]
    assert asked.stderr == "pursuit: nothing merged yet; rerun with --yes to merge\n"
    assert contents(search) == digest
    ok(run_cli("merge", "Stark", "Stark Industries", "--yes"))
    assert rows(
        search,
        "SELECT count(*) FROM application a JOIN company c ON c.id = a.company_id "
        "WHERE c.name = 'Stark Industries'",
    ) == [(2,)]
    assert ok(run_cli("undo")) == ["Undid: merge Stark into Stark Industries"]
    assert rows(search, "SELECT deleted_at FROM company WHERE name = 'Stark'") == [(None,)]


def test_delete_an_application_and_a_person(run_cli: RunCli, search: Database) -> None:
    lines = ok(run_cli("delete", "initech"))
    assert lines == [
        "Removed Initech — Analyst (pursuit undo brings it back; the timeline keeps its history)"
    ]
    assert "Initech" not in "\n".join(ok(run_cli("list", "--all")))
    ok(run_cli("delete", "acme", "--contact", "bob"))
    shown = "\n".join(ok(run_cli("show", "acme")))
    contacts = shown.split("\nContacts\n")[1].split("\nNext\n")[0]
    assert "Bob Lee" not in contacts  # no longer a contact,
    assert "with Jane Doe, Bob Lee" in shown  # and still the interview's history
    assert "· contact removed: Bob Lee" in shown
    ok(run_cli("undo"))
    ok(run_cli("undo"))
    assert rows(search, "SELECT count(*) FROM application WHERE deleted_at IS NULL") == [(5,)]


def test_list_all_shows_dates_and_outcomes_most_recent_first(
    run_cli: RunCli, search: Database
) -> None:
    lines = ok(run_cli("list", "--all"))
    assert lines[0].split() == ["company", "role", "status", "applied", "closed"]
    assert [line.split()[0] for line in lines[1:]] == [
        "Acme", "Stark", "Stark", "Initech", "Globex"
    ]  # fmt: skip
    globex = next(line for line in lines if line.startswith("Globex"))
    assert "rejected on good terms" in globex and "2026-02-04" in globex and "2026-02-14" in globex
    data = json.loads(run_cli("list", "--all", "--json").stdout)
    by_company = {d["company"]: d for d in data}
    assert by_company["Initech"]["outcome"] == "ghosted"
    assert by_company["Initech"]["closed_at"] == "2026-02-19T09:00:00-05:00"
    assert by_company["Acme"]["closed_at"] is None and by_company["Acme"]["outcome"] is None
    assert {"whose_move", "next_due", "last_touch"} <= set(by_company["Acme"])


BAD: list[tuple[tuple[str, ...], str]] = [
    (("edit", "acme"), "say what to change"),
    (("edit", "acme", "--url", "not a link"), '"not a link" is not a web address'),
    (("edit", "acme", "--priority", "urgent"), "a number from 0 to 5"),
    (("edit", "acme", "--status", "sleeping"), 'unknown status "sleeping"'),
    (("edit", "acme", "--applied", "next week"), "is in the future"),
    (("edit", "nowhere", "--role", "x"), 'no company matches "nowhere"'),
    (("contact", "acme", "jane", "--email", "jane at acme"), "is not an email address"),
    (("contact", "acme", "jane", "--move-to", "nowhere"), 'no company matches "nowhere"'),
    (("contact", "acme", "jane", "--name", "Bob Lee"), "already has a contact named Bob Lee"),
    (("edit-interview", "globex", "--at", "tomorrow"), "no time of day"),
    (("edit-interview", "stark ind", "--place", "x"), "has no interview yet"),
    (("rename", "acme", "globex"), "already a company named Globex"),
    (("rename", "acme", "  "), "new name is empty"),
    (("merge", "acme", "Acme"), "are the same company"),
    (("merge", "acme", "nowhere", "--yes"), 'no company matches "nowhere"'),
    (("delete", "acme", "--contact", "nobody"), 'no person matches "nobody"'),
    (("delete", "acme", "--role", "Designer"), 'no role matches "Designer"'),
    (("show", "sta"), '"sta" matches several: Stark, Stark Industries'),
    (("note", "acme", "--sent", "--edit"), "--sent prints what was sent"),
    (("add", "Sta", "Anything"), '"Sta" matches several'),
    (("add", "Acme", "Engineer", "--remote", "--no-remote"), "not allowed with argument"),
]


def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    run_cli: RunCli, search: Database
) -> None:
    digest = contents(search)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda case: run_cli(*case[0]), BAD))
    for (args, fragment), result in zip(BAD, results, strict=True):
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, args
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (args, lines)
        assert lines[0].startswith("pursuit: ") and fragment in lines[0], (args, lines)
    assert contents(search) == digest


def test_purge_asks_then_deletes_for_good(run_cli: RunCli, search: Database) -> None:
    ok(run_cli("delete", "initech"))
    asked = run_cli("purge")
    assert asked.returncode == 3
    assert asked.stdout.splitlines()[:3] == [
        "Purging would delete for good:",
        "  0 companies",
        "  1 application",
    ]
    assert "rerun with --yes (it cannot be undone)" in asked.stderr
    assert rows(search, "SELECT count(*) FROM application WHERE title = 'Analyst'") == [(1,)]
    ok(run_cli("purge", "--yes"))
    assert rows(search, "SELECT count(*) FROM application WHERE title = 'Analyst'") == [(0,)]
    assert ok(run_cli("undo")) == ["Nothing to undo"]
    assert ok(run_cli("purge")) == ["Nothing was removed: nothing to purge"]


def test_show_and_note_clean_what_a_crafted_file_holds(run_cli: RunCli, search: Database) -> None:
    """A file written by another program can hold escape sequences: nothing reaches the
    terminal but text (JSON stays exact)."""
    import re

    with search.connection() as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "UPDATE event SET body = ? WHERE body = 'Dear Jane, thanks for the talk.'",
            ("Dear Jane,\n\x1b]52;c;SGVsbG8=\x07thanks \x1b[31mred\x1b[0m\u202etxt",),
        )
        conn.execute(
            "UPDATE application SET location = ? WHERE title = 'Backend Engineer'",
            ("\x1b]8;;https://evil.test\x1b\\Berlin\x1b]8;;\x1b\\",),
        )
        conn.execute("COMMIT")
    unsafe = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    for argv in (("show", "acme"), ("note", "acme", "jane", "--sent"), ("list", "--all")):
        out = ok(run_cli(*argv))
        assert not any(unsafe.search(line) for line in out), argv
    shown = "\n".join(ok(run_cli("show", "acme")))
    assert "location  Berlin" in shown and "thanks red" in shown
    data = json.loads(run_cli("show", "acme", "--json").stdout)
    assert "\x1b[31m" in next(
        e["text"] for e in data["timeline"] if e["text"] and "red" in e["text"]
    )


def test_quick_refuses_the_same_role_twice_until_forced(run_cli: RunCli, search: Database) -> None:
    line = "Stark / Engineering Manager via Indeed"
    again = run_cli("quick", line)
    assert again.returncode == 3
    assert "Stark already has an open application for Engineering Manager" in again.stderr
    assert "(use --force to go ahead)" in again.stderr
    assert ok(run_cli("quick", line, "--force"))[-1] == "Saved"
    assert rows(
        search,
        "SELECT count(*) FROM application a JOIN company c ON c.id = a.company_id "
        "WHERE c.name = 'Stark' AND a.source = 'Indeed'",
    ) == [(1,)]
