"""Issue 14: names that look the same are one company, or ask first.

`Acme`, `Ac\\u200bme` (a zero-width space) and `Аcme` (a Cyrillic А) looked identical and
were three companies. Invisible characters are removed on the way in, so the second is
Acme; a name that differs from a known one only by accents or case is that company
(matching.fold); a new name that differs from a known one only by look-alike letters of
another script asks first (exit 3 and `--force` on the command line, a question in the
app), and a CSV is taken as written (it cannot be asked).
"""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from pursuit.domain.matching import name_key, skeleton

from .helpers.common import PURSUIT, Tally

pytestmark = pytest.mark.reliability


def _pursuit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), *args], env=env, capture_output=True, text=True, timeout=60
    )


def _companies(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM company"))


def test_skeletons() -> None:
    for a, b in [("Acme", "Аcme"), ("Acme", "Acmé"), ("Globex", "Glοbex"), ("Acme", "ACME")]:
        assert skeleton(a) == skeleton(b), (a, b)
    assert name_key("Acme") != name_key("Аcme")
    assert skeleton("Acme") != skeleton("Acne")


def test_look_alike_names_ask_first(tmp_path: Path, env: dict[str, str], tally: Tally) -> None:
    db = tmp_path / "pursuit.db"
    run = lambda *a: _pursuit(env, "--db", str(db), *a)  # noqa: E731
    assert run("add", "Acme", "Engineer").returncode == 0
    zero_width = run("add", "Ac\u200bme", "Designer")
    with tally.case("a zero-width space: the same company"):
        assert zero_width.returncode == 0, zero_width.stderr
        assert _companies(db) == ["Acme"]
    for name in ("Аcme", "Acm\u0435"):  # a Cyrillic А, a Cyrillic е
        proc = run("add", name, "Manager")
        with tally.case(f"{name!r}: asks first (exit 3), names the company it looks like"):
            assert proc.returncode == 3, proc.stderr
            assert "looks like Acme" in proc.stderr and "--force" in proc.stderr
            assert _companies(db) == ["Acme"]
    # Names are matched without case or accents (matching.fold): these are Acme itself.
    for name, role in (("Acmé", "Writer"), ("ACMÉ", "Tester")):
        proc = run("add", name, role)
        with tally.case(f"{name!r}: only accents apart, the same company"):
            assert proc.returncode == 0, proc.stderr
            assert _companies(db) == ["Acme"]
    quick = run("quick", "Аcme / Manager")
    with tally.case("quick entry asks too"):
        assert quick.returncode == 3 and "looks like Acme" in quick.stderr, quick.stderr
    forced = run("add", "Аcme", "Manager", "--force")
    with tally.case("--force adds it"):
        assert forced.returncode == 0, forced.stderr
        assert _companies(db) == ["Acme", "Аcme"]
    plain = run("add", "Acne", "Manager")
    with tally.case("a name that only resembles one is not asked about"):
        assert plain.returncode == 0, plain.stderr
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Company,Role\nGlοbex,Engineer\nGlobex,SRE\n", encoding="utf-8")
    imported = run("import", str(sheet))
    with tally.case("a CSV is taken as written"):
        assert imported.returncode == 0, imported.stderr
        assert {"Glοbex", "Globex"} <= set(_companies(db))
    tally.finish()


async def test_the_app_asks_before_adding_a_look_alike(tmp_path: Path, tally: Tally) -> None:
    from textual.widgets import Input

    from pursuit.tui.modals import ConfirmScreen, PromptScreen
    from pursuit.tui.showcase import demo_app, settle

    db = tmp_path / "pursuit.db"
    app = demo_app(db)  # the demo has Globex
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "Glοbex / Designer"  # Greek ο
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(200):
            if isinstance(app.screen, ConfirmScreen):
                break
            await pilot.pause(0.02)
        with tally.case("the app asks, naming the company it looks like"):
            assert isinstance(app.screen, ConfirmScreen)
            title = str(app.screen.query_one(".dialog-title").render())
            assert "looks like Globex" in title, title
        await pilot.press("n")
        for _ in range(200):
            if isinstance(app.screen, PromptScreen):
                break
            await pilot.pause(0.02)
        with tally.case("no: back to the line as typed"):
            assert isinstance(app.screen, PromptScreen)
            assert app.screen.query_one("#prompt-input", Input).value == "Glοbex / Designer"
        await pilot.press("enter")
        for _ in range(200):
            if isinstance(app.screen, ConfirmScreen):
                break
            await pilot.pause(0.02)
        await pilot.press("y")
        for _ in range(300):
            if "Glοbex" in _companies(db):
                break
            await pilot.pause(0.02)
        with tally.case("yes: added as typed"):
            assert "Glοbex" in _companies(db) and "Globex" in _companies(db)
    tally.finish()
