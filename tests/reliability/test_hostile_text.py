"""Issue 4, item 9: markup, escape sequences and odd Unicode typed into names, roles,
interviewers and notes, through the command line and quick entry.

Pass: nothing crashes; what `list --json` / `due --json` (and the stored note) show is what
was typed, minus control characters and escape sequences; and nothing pursuit prints
carries a control character, escape sequence or bidi override to the terminal (a name like
`\\x1b]52;...` must not reach the clipboard, nor `\\x1b]8;;url` become a link).

The app's side (nothing becomes a Textual link or action) is covered with the app tests.
There is no import verb yet; when there is, its input goes through the same corpus.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from pursuit.store.database import open_database

from .helpers.common import PURSUIT, Runner, Tally

pytestmark = pytest.mark.reliability

# (typed, what must be shown[, as a note, which keeps newlines and tabs]). Each shown value is
# unique, so each is its own company.
CORPUS: list[tuple[str, ...]] = [
    ("[/]", "[/]"),
    ("[bold]", "[bold]"),
    ("Engineer [remote]", "Engineer [remote]"),
    ("[link=https://x]", "[link=https://x]"),
    ("[@click=app.quit]", "[@click=app.quit]"),
    ("[b", "[b"),
    ("\\[", "\\["),
    ("[red]Acme[/red] \\[x]", "[red]Acme[/red] \\[x]"),
    ("\x1b[31mRed\x1b[0m Corp", "Red Corp"),
    ("\x1b[2J\x1b[HClear Screen", "Clear Screen"),
    ("\x1b]52;c;SGVsbG8=\x07Clipboard", "Clipboard"),
    ("\x1b]8;;https://evil.test\x1b\\Hyperlink\x1b]8;;\x1b\\", "Hyperlink"),
    ("Nul\x00Byte", "NulByte"),
    ("Bell\x07 and\x08 back", "Bell and back"),
    ("Safe\u202egnp.exe", "Safegnp.exe"),
    ("\u2066Iso\u2069late \u200fmark", "Isolate mark"),
    ("W" * 10_000, "W" * 10_000),
    ("株式会社テスト", "株式会社テスト"),
    ("👩‍💻 Dev 🏳️‍🌈", "👩‍💻 Dev 🏳️‍🌈"),
    ("שלום עולם", "שלום עולם"),
    ("مرحبا بالعالم", "مرحبا بالعالم"),
    ("Multi\nLine\tName", "Multi Line Name", "Multi\nLine\tName"),
    ("Cafe\u0301", "Café"),
]
# Nothing pursuit prints may carry these to a terminal (newline ends a line, so it may).
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Quick entry refuses a line with control characters rather than guess what was meant.
QUICK_REFUSES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_hostile_text_is_stored_and_shown_as_typed(
    tmp_path: Path, env: dict[str, str], runner: Runner, tally: Tally
) -> None:
    path = tmp_path / "pursuit.db"
    open_database(path).close()
    db = ["--db", str(path)]
    cases: list[dict[str, Any]] = []
    labels: list[str] = []
    for i, (typed, *_) in enumerate(CORPUS):
        for label, argv in [
            # Exactly this name: "[b" would otherwise be taken for "[bold]", a known prefix.
            ("add", ["add", typed, typed, "--new-company"]),
            ("interview", ["interview", typed, "--at", "yesterday 10:00", "--with", typed]),
            ("followup", ["followup", typed, "--note", f"{typed}\nsecond line", "--force"]),
            ("quick", ["quick", f"Quick {i} / {typed}"]),
        ]:
            cases.append({"argv": db + argv, "env": env})
            labels.append(f"#{i} {label}")
    cases += [{"argv": [*db, "list", "--json"], "env": env}]
    cases += [{"argv": [*db, "due", "--json"], "env": env}]
    results = runner.call(op="cli_many", cases=cases)["results"]
    listed = json.loads(results[-2]["out"])
    due = json.loads(results[-1]["out"])

    for label, case, res in zip(labels, cases, results, strict=False):
        i = int(label[1:].split()[0])
        typed = CORPUS[i][0]
        with tally.case(f"{label} {typed[:30]!r}"):
            assert not UNSAFE.search(res["out"] + res["err"]), (res["out"] + res["err"])[:200]
            assert "Traceback" not in res["err"]
            if label.endswith("quick") and (QUICK_REFUSES.search(typed) or len(typed) > 900):
                assert res["code"] == 2 and res["err"].count("\n") == 1, res
            else:
                assert res["code"] == 0, (case["argv"][2:4], res["err"][:300])

    by_company = {row["company"]: row for row in listed}
    thanks = {item["company"]: item for item in due if item["kind"] == "thank_you"}
    with closing(sqlite3.connect(path)) as conn:
        notes = dict(
            conn.execute(
                "SELECT c.name, e.body FROM event e JOIN company c ON c.id = e.company_id "
                "WHERE e.kind = 'follow_up'"
            ).fetchall()
        )
        quick_roles = dict(
            conn.execute(
                "SELECT c.name, a.title FROM application a JOIN company c ON c.id = a.company_id "
                "WHERE c.name LIKE 'Quick %'"
            ).fetchall()
        )
    for i, (typed, shown, *as_note) in enumerate(CORPUS):
        note = as_note[0] if as_note else shown
        with tally.case(f"#{i} list --json shows {shown[:30]!r}"):
            row = by_company.get(shown)
            assert row is not None, f"no application listed for {shown[:40]!r}"
            assert row["role"] == shown
        with tally.case(f"#{i} due --json shows the interviewer"):
            item = thanks.get(shown)
            assert item is not None and item["contact"] == shown, item
        with tally.case(f"#{i} the follow-up note is stored as typed"):
            assert notes.get(shown) == f"{note}\nsecond line", notes.get(shown, "")[:60]
        if not QUICK_REFUSES.search(typed) and len(typed) < 900:
            with tally.case(f"#{i} quick entry stores the role as typed"):
                assert quick_roles.get(f"Quick {i}") == shown

    # And once through real processes, for what argv can carry.
    # The clipboard and hyperlink escapes: what a real terminal would act on.
    real = [(c[0], c[1]) for c in CORPUS if "\x1b]" in c[0]]
    assert len(real) == 2
    real_db = tmp_path / "real.db"
    for typed, _ in real:
        proc = subprocess.run(
            [str(PURSUIT), "--db", str(real_db), "add", typed, typed],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        with tally.case(f"real process: add {typed[:20]!r}"):
            assert proc.returncode == 0, proc.stderr
            assert not UNSAFE.search(proc.stdout + proc.stderr)
    proc = subprocess.run(
        [str(PURSUIT), "--db", str(real_db), "list", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    with tally.case("real process: list --json"):
        assert sorted((r["company"], r["role"]) for r in json.loads(proc.stdout)) == sorted(
            (shown, shown) for _, shown in real
        )
    tally.finish()
