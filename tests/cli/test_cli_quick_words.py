"""`pursuit quick` with the words people add after an interview, as a real process: what
it stores is what `show --json` reads back, and its offer is `pursuit offer`'s."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import RunCli

# Thursday 26 Nov 2026, 15:20 in New York.
THU = "2026-11-26T15:20:00-05:00"


def ok(result: Any) -> list[str]:
    assert result.returncode == 0, result.stderr
    lines: list[str] = result.stdout.splitlines()
    return lines


def shown(run_cli: RunCli, company: str, db: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads("\n".join(ok(run_cli("show", company, "--json", db=db))))
    return data


def test_a_new_application_with_its_date_source_and_salary(run_cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "pursuit.db"
    line = "Soylent / Backend Engineer applied yesterday via LinkedIn salary 90-110k"
    assert ok(run_cli("quick", line, now=THU, db=db)) == [
        "New application: Soylent (new company) — Backend Engineer; salary 90-110k;"
        " via LinkedIn; applied Wed 25 Nov 09:00",
        "Saved",
    ]
    [app] = shown(run_cli, "Soylent", db)["applications"]
    assert (app["role"], app["source"], app["salary"], app["applied_at"]) == (
        "Backend Engineer",
        "LinkedIn",
        "90-110k",
        "2026-11-25T09:00:00-05:00",
    )
    assert (app["salary_low"], app["salary_high"]) == (90000, 110000)


def test_an_interview_with_its_kind_place_and_titled_interviewer(
    run_cli: RunCli, tmp_path: Path
) -> None:
    db = tmp_path / "pursuit.db"
    ok(run_cli("add", "Globex", "SRE", now=THU, db=db))
    line = (
        "Globex video call tomorrow 3pm on zoom.us/j/123 with Dr. Jane Smith, PhD (Chief Scientist)"
    )
    assert ok(run_cli("quick", line, now=THU, db=db))[0] == (
        "Interview at Globex on Fri 27 Nov 15:00 (video, 60 min) with Dr. Jane Smith"
        " (Chief Scientist) → 1 thank-you note; at zoom.us/j/123"
    )
    data = shown(run_cli, "Globex", db)
    [interview] = data["applications"][0]["interviews"]
    assert (interview["kind"], interview["place"], interview["interviewers"]) == (
        "video",
        "zoom.us/j/123",
        ["Dr. Jane Smith"],
    )
    [thanks] = [n for n in data["next"] if n["kind"] == "thank_you"]
    assert thanks["draft"].startswith("Dear Jane,")


def test_words_it_cannot_place_are_refused_by_name(run_cli: RunCli, tmp_path: Path) -> None:
    db = tmp_path / "pursuit.db"
    ok(run_cli("add", "Soylent", "SRE", now=THU, db=db))
    before = db.read_bytes()
    bad = run_cli("quick", "Soylent / Backend Engineer yesterday", now=THU, db=db)
    assert (bad.returncode, bad.stderr) == (
        2,
        'pursuit: did not understand "yesterday" after the role; say what it is, as in'
        " `applied yesterday`\n",
    )
    bad = run_cli("quick", "Soylent offer", now=THU, db=db)
    assert (bad.returncode, bad.stderr) == (
        2,
        "pursuit: say when they want an answer, as in `Soylent offer by fri 17:00`\n",
    )
    assert db.read_bytes() == before


def test_an_offer_by_quick_entry_is_the_offer_verbs(run_cli: RunCli, tmp_path: Path) -> None:
    by_verb, by_line = tmp_path / "verb.db", tmp_path / "line.db"
    for db in (by_verb, by_line):
        ok(run_cli("add", "Acme", "Engineer", now=THU, db=db))
    assert ok(
        run_cli("offer", "acme", "--by", "fri 17:00", "--note", "120k base", now=THU, db=by_verb)
    ) == ["Offer from Acme: answer by Fri 27 Nov 17:00"]
    assert ok(run_cli("quick", "acme offer by fri 17:00 note 120k base", now=THU, db=by_line)) == [
        "Offer from Acme: answer by Fri 27 Nov 17:00 — 120k base",
        "Saved",
    ]
    for read in (("show", "Acme", "--json"), ("due", "--json"), ("list", "--json")):
        verb = ok(run_cli(*read, now=THU, db=by_verb))
        line = ok(run_cli(*read, now=THU, db=by_line))
        assert verb == line, read
    data = shown(run_cli, "Acme", by_line)
    assert data["applications"][0]["status"] == "offer"
    assert [n["kind"] for n in data["next"]] == ["answer_offer"]
    assert any(e["kind"] == "offer" and e["text"] == "120k base" for e in data["timeline"])
