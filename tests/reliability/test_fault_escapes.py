"""Issue 14, problem 3: escape sequences never reach the terminal, even from the file.

A database crafted with escape sequences, C1 codes, bidi overrides, bells and carriage
returns in every free text field (helpers/hostile.py): every verb's output bytes (stdout
and stderr) carry none of them, the JSON outputs still hold the stored values exactly,
a CSV whose bad cell is echoed in an error line is cleaned too, and the app's screen (the
bytes it would send the terminal) holds only its own styling sequences.

The verbs run on both engines (tests/engines.py): on PostgreSQL the demo is written into
the test's search and the same escapes are put in every field with SQL, as in the file.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from conftest import PG_URL, rows
from pursuit.config import Config
from pursuit.demo import fill_demo
from pursuit.store.context import Ctx
from pursuit.store.database import Database, open_database
from pursuit.store.location import pg_target
from pursuit.store.opening import open_location
from pursuit.tui.app import PursuitApp
from pursuit.tui.showcase import FROZEN_NOW, ZONE, demo_app

from .helpers.common import PURSUIT, Runner, Tally
from .helpers.hostile import HOSTILE, TEXT_COLUMNS, craft, craft_rows, unsafe_in
from .helpers.on_engine import pointed_at

pytestmark = pytest.mark.reliability


@pytest.fixture(scope="module")
def crafted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crafted") / "template.db"
    demo_app(path).db.close()
    craft(path)
    return path


def _copy(template: Path, target: Path) -> Path:
    with closing(sqlite3.connect(template)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def _clean(out: str) -> list[str]:
    # CSV and iCalendar end their lines with CR LF: a CR before LF moves nothing.
    return unsafe_in(out.replace("\r\n", "\n"))


@pytest.fixture
def crafted(tmp_path: Path, pg_search: str | None, crafted_template: Path) -> Iterator[Database]:
    """The crafted search on the test's engine: a copy of the template file, or on
    PostgreSQL the demo written into the test's search and crafted there the same way."""
    if pg_search is None:
        db = open_database(_copy(crafted_template, tmp_path / "crafted.db"))
    else:
        from dateutil import tz as dateutil_tz

        db = open_location(pg_target(PG_URL, pg_search), local=tmp_path / "local")
        zone = dateutil_tz.gettz(ZONE)
        assert zone is not None
        fill_demo(Ctx(db=db, now=FROZEN_NOW, tz=zone, settings=Config().rules()))
        with db.connection() as conn:
            craft_rows(conn)
    yield db
    db.close()


def _first_action(db: Database, kind: str) -> int:
    found = rows(
        db,
        "SELECT id FROM action WHERE kind = ? AND done_at IS NULL AND deleted_at IS NULL "
        "ORDER BY id LIMIT 1",
        kind,
    )
    return int(str(found[0][0]))


def test_every_verb_prints_a_crafted_database_as_text(
    tmp_path: Path,
    env: dict[str, str],
    runner: Runner,
    tally: Tally,
    crafted_template: Path,
    crafted: Database,
    pg_search: str | None,
) -> None:
    db = crafted
    stored = {str(r[0]) for r in rows(db, "SELECT name FROM company")}
    assert stored and all(HOSTILE in name for name in stored)
    at = pointed_at(env, db)
    # A CSV whose cells carry the same escapes: the bad Status cell is echoed in the
    # "skipped line N" error, the good rows in "added:".
    sheet = tmp_path / "sheet.csv"
    cell = HOSTILE.replace("\r", "")  # a CR would end the CSV record
    sheet.write_text(
        f"Company,Role,Status\nNewco{cell},Dev{cell},Applied\nBadco,Dev,Stat{cell}us\n",
        encoding="utf-8",
    )
    thanks_id = _first_action(db, "thank_you")
    followup_id = _first_action(db, "follow_up")
    export_json = tmp_path / "export.json"
    verbs: list[list[str]] = [
        ["list"],
        ["list", "--all"],
        ["due"],
        ["due", "--notify"],
        ["status"],
        ["export", "--format", "csv"],
        ["export", "--format", "ics"],
        ["note", "acme", "bob"],
        ["thanks", "acme", "bob", "--force"],
        ["talking-point", "globex", "a", f"point{HOSTILE}"],
        ["followup", "umbrella", "--force", "--note", f"hi{HOSTILE}"],
        ["heard", "umbrella"],
        ["guidance", "hooli", "in", "2", "weeks"],
        ["move", "cyberdyne", "interviewing"],
        ["interview", "massive", "--at", "tomorrow 10:00", "--with", f"Ann{HOSTILE}"],
        ["snooze", str(followup_id), "tomorrow"],
        ["done", str(thanks_id)],
        ["reject", "pied", "--friendly"],
        ["checkin", "pied"],
        ["reopen", "pied", f"Again{HOSTILE}"],
        ["quick", "--dry-run", f"Acme interview tomorrow 10:00 with Ann{HOSTILE}"],
        ["undo"],
        ["undo"],
        ["import", str(sheet), "--dry-run"],
        ["import", str(sheet)],
        ["export", "--format", "json", "-o", str(export_json)],
        ["import", str(export_json)],
        ["_companies"],
        ["acme-is-not-a-verb"],
        ["move", f"nope{HOSTILE}", "offer"],
    ]
    cases = [{"argv": argv, "env": at} for argv in verbs]
    cases.append({"argv": ["list", "--json"], "env": at})
    cases.append({"argv": ["due", "--json"], "env": at})
    cases.append({"argv": ["export", "--format", "json"], "env": at})
    results = runner.call(op="cli_many", cases=cases)["results"]
    for argv, res in zip(verbs, results, strict=False):
        label = " ".join(argv)[:60].encode("unicode_escape").decode()
        with tally.case(f"pursuit {label}: nothing raw on stdout or stderr"):
            assert "Traceback" not in res["err"], res["err"][-500:]
            assert res["code"] in (0, 2, 3), (res["code"], res["err"])
            assert not _clean(res["out"] + res["err"]), _clean(res["out"] + res["err"])
    with tally.case("the CSV's bad cell is named in the error line, cleaned"):
        err = results[verbs.index(["import", str(sheet)])]["err"]
        assert "line 3" in err and "Stat" in err, err
    listed, due, exported = (json.loads(r["out"]) for r in results[-3:])
    for name, res in zip(("list", "due", "export"), results[-3:], strict=True):
        with tally.case(f"{name} --json: nothing raw in the bytes"):
            assert not unsafe_in(res["out"]), unsafe_in(res["out"])
    with tally.case("list --json holds the stored names exactly"):
        raw = {r["company"] for r in listed if "\x1b" in r["company"]}
        assert raw and raw <= stored, raw - stored
    with tally.case("due --json holds the stored text exactly"):
        assert any(HOSTILE in (i["company"] or "") for i in due)
    with tally.case("export --format json holds every field exactly"):
        companies = {r["name"] for r in exported["tables"]["company"]}
        assert stored <= companies, stored - companies
        for table, columns in TEXT_COLUMNS.items():
            if table == "change":
                continue
            for row in exported["tables"][table]:
                for column in columns:
                    value = row.get(column)
                    assert value is None or isinstance(value, str)

    # The real command, bytes as the terminal would get them (on PostgreSQL the same
    # search, still crafted: the verbs above only added to it).
    if pg_search is None:
        at = {**env, "PURSUIT_DB": str(_copy(crafted_template, tmp_path / "real.db"))}
    for argv in (["list"], ["due"], ["export", "--format", "csv"], ["export", "--format", "json"]):
        proc = subprocess.run([str(PURSUIT), *argv], env=at, capture_output=True, timeout=60)
        with tally.case(f"real process: pursuit {' '.join(argv)}"):
            assert proc.returncode == 0, proc.stderr
            out = proc.stdout.decode("utf-8")
            assert not _clean(out + proc.stderr.decode("utf-8")), _clean(out)
    tally.finish()


# Textual's own sequences: SGR styling, cursor moves, synchronized output, cursor shape.
_TEXTUAL_OWN = re.compile(r"\x1b\[[0-9;?]*[mHhlJKq]|\x1b\[\d* q")


async def _screen_bytes(app: PursuitApp) -> str:
    """What the app would write to the terminal for a full repaint of the screen."""
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)


def _leftovers(painted: str) -> list[str]:
    return unsafe_in(_TEXTUAL_OWN.sub("", painted).replace("\r\n", "\n"))


async def test_the_app_shows_a_crafted_database_as_text(
    tmp_path: Path, tally: Tally, crafted_template: Path
) -> None:
    from pursuit.tui.modals import PromptScreen
    from pursuit.tui.showcase import settle

    db = _copy(crafted_template, tmp_path / "crafted.db")
    app = demo_app(db, fill=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        painted = await _screen_bytes(app)
        with tally.case("main screen: the crafted names are there, as text"):
            assert "Hooli]52;c;" in _TEXTUAL_OWN.sub("", painted), painted[:300]
        with tally.case("main screen: nothing but Textual's own sequences"):
            assert not _leftovers(painted), _leftovers(painted)
        await pilot.press("enter")  # the detail: timeline, contacts, draft
        await settle(pilot)
        with tally.case("detail screen"):
            assert not _leftovers(await _screen_bytes(app))
        await pilot.press("escape")
        await settle(pilot)
        while not app.check_action("guidance", ()):
            await pilot.press("j")
        await pilot.press("g")  # a dialog whose title is the company's name
        await settle(pilot)
        with tally.case("a dialog titled with a crafted name"):
            assert isinstance(app.screen, PromptScreen)
            assert not _leftovers(await _screen_bytes(app))
        await pilot.press("escape")
        await settle(pilot)
        app.notify(f"toast {HOSTILE}", markup=False)
        await pilot.pause()
        with tally.case("a toast"):
            assert not _leftovers(await _screen_bytes(app))
    tally.finish()


def test_json_output_is_exact_and_inert() -> None:
    """The one JSON writer: the same values back, nothing a terminal acts on."""
    from pursuit.domain.text import json_for_terminal

    data = {"name": HOSTILE + "\ud800\u2028", "n": [1, None, True]}
    text = json_for_terminal(data)
    assert json.loads(text) == data
    assert not unsafe_in(text)
