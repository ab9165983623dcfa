"""The record in the app (issue #12): E edits every field, x removes, M merges, h shows
the past; pressed for real, checked on screen and in the rows written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, TextArea
from tui_helpers import rows, settle, table_text, wait_until, widget_text

from pursuit.agenda import AgendaItem
from pursuit.store import commands, record
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.company_reads import BridgeRow
from pursuit.store.context import Ctx
from pursuit.tui.app import PursuitApp
from pursuit.tui.detail_screen import DetailScreen
from pursuit.tui.history import HistoryScreen
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen, PromptScreen
from pursuit.tui.record_form import RecordForm
from pursuit.tui.showcase import FROZEN_NOW, demo_app
from pursuit.tui.tables import PaneTable

Item = AgendaItem | ApplicationRow | BridgeRow
APP_ROW = "SELECT {} FROM application a JOIN company c ON c.id = a.company_id WHERE c.name = ?"


async def go_to(pilot: Pilot[None], table_id: str, wanted: Callable[[Item], bool]) -> Item:
    app = pilot.app
    assert isinstance(app, PursuitApp)
    table = app.query_one(f"#{table_id}", PaneTable)
    for _ in range(4):
        if app.focused_table() is table:
            break
        await pilot.press("tab")
    items = list(table.items.values())
    target = next(i for i, item in enumerate(items) if wanted(item))
    steps = target - table.cursor_row
    await pilot.press(*(["j"] * steps if steps > 0 else ["k"] * -steps))
    item = table.selected
    assert item is not None and wanted(item)
    return item


def company_row(name: str) -> Callable[[Item], bool]:
    return lambda item: isinstance(item, ApplicationRow) and item.company == name


async def choose(pilot: Pilot[None], option: Callable[[str], bool]) -> None:
    """In the chooser, move to the first option whose id passes, and take it."""
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
    options = app.screen.query_one("#choices", OptionList)
    for _ in range(30):
        if options.highlighted_option is not None and option(options.highlighted_option.id or ""):
            break
        await pilot.press("down")
    await pilot.press("enter")


async def form(pilot: Pilot[None]) -> RecordForm:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RecordForm))
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, RecordForm)
    return screen


async def focus_field(pilot: Pilot[None], screen: RecordForm, name: str) -> None:
    """Tab through the form until the field has focus, then empty it as a user would."""
    for _ in range(20):
        if screen.focused is not None and screen.focused.id == f"field-{name}":
            break
        await pilot.press("tab")
    assert screen.focused is not None and screen.focused.id == f"field-{name}"
    if isinstance(screen.focused, Input):
        await pilot.press("end", "ctrl+u")


def message(screen: RecordForm) -> str:
    return str(screen.query_one("#form-message").render())


async def test_edit_form_shows_every_field_checks_as_typed_and_saves(
    app: PursuitApp, db_path: Path
) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", company_row("Acme Robotics"))
        await pilot.press("E")
        await choose(pilot, lambda key: key == "app")
        screen = await form(pilot)
        # Every field, with its current value.
        assert screen.value("role") == "Backend Engineer"
        assert screen.value("status") == "interviewing"
        assert screen.value("source") == "referral"
        assert screen.value("applied") == "Mon 2 Nov 10:00"
        assert {"url", "location", "remote", "salary", "priority", "note"} <= {
            w.id.removeprefix("field-") for w in screen.query("Input, TextArea") if w.id
        }
        # Checked as it is typed: a bad link is marked and refused by enter.
        await focus_field(pilot, screen, "url")
        await pilot.press(*"not a link")
        assert '✗ Job URL: job url: "not a link" is not a web address' in message(screen)
        assert "✗" in str(screen.query_one("#mark-url").render())
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen  # still open, nothing saved
        await pilot.press("ctrl+u", *"acme.example/jobs/7")
        assert "→ Job URL: acme.example/jobs/7" in message(screen)
        await focus_field(pilot, screen, "salary")
        await pilot.press(*"90-110k")
        assert "90-110k (90,000–110,000)" in message(screen)
        await focus_field(pilot, screen, "remote")
        await pilot.press(*"no")
        await focus_field(pilot, screen, "note")
        area = screen.query_one("#field-note", TextArea)
        assert isinstance(screen.focused, TextArea)
        assert area.text.startswith("Referred by Ana")
        await pilot.press("f7", "delete", *"Team of six", "enter", *"On call 1 in 6")
        assert area.text == "Team of six\nOn call 1 in 6"
        await pilot.press("ctrl+s")
        await wait_until(
            pilot,
            lambda: (
                rows(db_path, APP_ROW.format("a.url, a.salary_low"), ("Acme Robotics",))
                == [("acme.example/jobs/7", 90_000)]
            ),
        )
        await settle(pilot)
        assert not isinstance(app.screen, RecordForm)
    assert rows(
        db_path, APP_ROW.format("a.salary, a.salary_high, a.remote, a.notes"), ("Acme Robotics",)
    ) == [("90-110k", 110_000, 0, "Team of six\nOn call 1 in 6")]


async def test_escape_leaves_everything_as_it_was(app: PursuitApp, db_path: Path) -> None:
    before = rows(db_path, "SELECT * FROM application ORDER BY id")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", company_row("Soylent"))
        await pilot.press("E")
        await choose(pilot, lambda key: key == "app")
        screen = await form(pilot)
        await pilot.press(*" (changed my mind)")
        assert screen.value("role").endswith("(changed my mind)")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, RecordForm)
    assert rows(db_path, "SELECT * FROM application ORDER BY id") == before


async def test_a_person_is_edited_and_moved_from_their_thank_you_row(
    app: PursuitApp, db_path: Path
) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(
            pilot,
            "agenda",
            lambda i: isinstance(i, AgendaItem) and (i.contact or "").startswith("Bob"),
        )
        await pilot.press("E")
        # The person the row is about is offered first after the application.
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        prompts = [str(o.prompt) for o in app.screen.query_one("#choices", OptionList).options]
        assert prompts[:2] == [
            "Application: Backend Engineer (interviewing)",
            "Person: Bob Lee (Staff Engineer)",
        ]
        await choose(pilot, lambda key: key.startswith("contact:"))
        screen = await form(pilot)
        assert screen.value("name") == "Bob Lee"
        assert screen.value("talking_point") == "their migration to event sourcing"
        await focus_field(pilot, screen, "email")
        await pilot.press(*"bob at acme")
        assert "not an email address" in message(screen)
        await pilot.press("ctrl+u", *"bob@acme.example")
        await focus_field(pilot, screen, "company")
        await pilot.press(*"glob")
        assert "→ Company: moves to Globex" in message(screen)
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                rows(
                    db_path,
                    "SELECT c.name, p.email FROM contact p JOIN company c ON c.id = p.company_id "
                    "WHERE p.name = 'Bob Lee'",
                )
                == [("Globex", "bob@acme.example")]
            ),
        )
        await settle(pilot)
        assert "Bob Lee moved here from Acme Robotics" in {
            s for (s,) in rows(db_path, "SELECT summary FROM event WHERE kind = 'edit'")
        }
        # u takes it back.
        await pilot.press("u")
        await wait_until(
            pilot,
            lambda: (
                rows(
                    db_path,
                    "SELECT c.name FROM contact p JOIN company c ON c.id = p.company_id "
                    "WHERE p.name = 'Bob Lee'",
                )
                == [("Acme Robotics",)]
            ),
        )


async def test_a_company_is_renamed_from_a_bridge_row(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(
            pilot,
            "bridges",
            lambda i: isinstance(i, BridgeRow) and i.company == "Wayne Enterprises",
        )
        await pilot.press("E")
        await choose(pilot, lambda key: key == "company")
        screen = await form(pilot)
        assert screen.value("name") == "Wayne Enterprises"
        await pilot.press("ctrl+u", *"Wayne Enterprises Inc")
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: any("Wayne Enterprises Inc" in r for r in table_text(app, "bridges"))
        )
    assert rows(db_path, "SELECT name FROM company WHERE name LIKE 'Wayne%'") == [
        ("Wayne Enterprises Inc",)
    ]


async def test_remove_asks_then_undo_brings_it_back(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", company_row("Cyberdyne"))
        await pilot.press("x")
        await choose(pilot, lambda key: key == "app")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        reasons = [str(r.render()) for r in app.screen.query(".reason")]
        assert reasons == [
            "• its 1 pending reminder go with it",
            "• u (undo) brings it back; the company's timeline keeps its history",
        ]
        await pilot.press("y")
        await wait_until(pilot, lambda: not any("Cyberdyne" in r for r in table_text(app, "apps")))
        assert rows(db_path, APP_ROW.format("a.deleted_at IS NOT NULL"), ("Cyberdyne",)) == [(1,)]
        await pilot.press("u")
        await wait_until(pilot, lambda: any("Cyberdyne" in r for r in table_text(app, "apps")))
    assert rows(db_path, APP_ROW.format("a.deleted_at IS NULL"), ("Cyberdyne",)) == [(1,)]


async def test_merge_asks_showing_what_moves(db_path: Path) -> None:
    app = demo_app(db_path, fill=False)
    commands.add_application(
        Ctx(db=app.db, now=FROZEN_NOW, tz=app.tz), "Stark", "Engineering Manager", new_company=True
    )
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", company_row("Stark"))
        await pilot.press("M")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"stark ind")
        assert "Merge Stark into Stark Industries" in str(app.screen.query_one("#preview").render())
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        reasons = [str(r.render()) for r in app.screen.query(".reason")]
        assert reasons[0] == "• applications: Engineering Manager (applied)"
        assert reasons[-1] == "• Stark is then removed (undo brings it back)"
        await pilot.press("y")
        await wait_until(
            pilot,
            lambda: (
                rows(db_path, "SELECT deleted_at IS NOT NULL FROM company WHERE name = 'Stark'")
                == [(1,)]
            ),
        )
    assert rows(db_path, APP_ROW.format("a.title"), ("Stark Industries",)) == [
        ("Robotics Engineer",),
        ("Engineering Manager",),
    ]


async def test_history_lists_what_ended_searches_and_opens_the_detail(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("H")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await wait_until(pilot, lambda: len(screen.rows) == 3)
        shown = widget_text(screen.query_one("#history-table", DataTable))
        assert "Pied Piper" in shown and "ghosted" in shown
        assert "Wayne Enterprises" in shown and "rejected on good terms" in shown
        await pilot.press("slash", *"wayne")
        await wait_until(pilot, lambda: [r.company for r in screen.rows] == ["Wayne Enterprises"])
        await pilot.press("enter", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        await settle(pilot)
        body = widget_text(app.screen.query_one("#detail-full-body"))
        assert "Wayne Enterprises — Security Engineer" in body
        assert "rejected on good terms" in body
        assert "I enjoyed our talk about" in body  # the note as sent
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.press("slash", *"nobody at all")
        # The search runs once typing pauses: wait for the last word's, not an earlier one.
        await wait_until(
            pilot,
            lambda: (
                screen.rows == []
                and 'no match for "nobody at all"'
                in str(screen.query_one("#history-empty").render())
            ),
        )
        await pilot.press("escape")  # clears the search
        await wait_until(pilot, lambda: len(screen.rows) == 3)
        await pilot.press("escape")  # then closes
        await wait_until(pilot, lambda: not isinstance(app.screen, HistoryScreen))


async def test_detail_shows_every_field_notes_and_texts_sent(
    app: PursuitApp, db_path: Path
) -> None:
    ctx = Ctx(db=app.db, now=FROZEN_NOW, tz=app.tz)
    record.edit_application(ctx, "acme", fields={"salary": "€90–110k", "location": "Berlin"})
    record.save_contact(ctx, "acme", "jane", fields={"email": "jane@acme.example"})
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", company_row("Acme Robotics"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        await settle(pilot)
        body = widget_text(app.screen.query_one("#detail-full-body"))
    # Two columns: the record, and the timeline beside it.
    for fragment in (
        "salary    €90–110k",
        "location  Berlin",
        "source    referral",
        "with Jane Doe, Bob Lee",
        "they said: after the 3rd",
        "jane@acme.example",
        "talking point:",
        "Thank you for walking me",  # the note as sent
        "thank-you note to Bob Lee",  # next, with its draft
        "Dear Bob,",
    ):
        assert fragment in body, fragment


async def test_quick_entry_asks_before_the_same_role_twice(app: PursuitApp, db_path: Path) -> None:
    before = rows(db_path, "SELECT count(*) FROM application")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"soylent / Frontend Engineer [remote]", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        title = str(app.screen.query_one(".dialog-title").render())
        assert title.startswith("Soylent already has an open application for Frontend Engineer")
        await pilot.press("escape")
        # Backed out: the line is back in the box, to change.
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, PromptScreen)
                and app.screen.query_one(Input).value == "soylent / Frontend Engineer [remote]"
            ),
        )
        await wait_until(pilot, lambda: "Soylent" in widget_text(app.screen.query_one("#preview")))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # "change it": back in the box, the reason under the line
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press("escape")  # left as it is: not added
        await wait_until(pilot, lambda: app.screen is app.screen_stack[0])
        assert rows(db_path, "SELECT count(*) FROM application") == before
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"initech / Analyst via Indeed salary 80k", "enter")
        await wait_until(
            pilot,
            lambda: (
                rows(db_path, APP_ROW.format("a.source, a.salary_low"), ("initech",))
                == [("Indeed", 80_000)]
            ),
        )


async def test_the_record_keys_are_in_help_and_the_palette(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        keys = {description for _key, description, _tip in app.key_rows()}
        assert {"Edit", "History", "Remove", "Merge"} <= keys
        await go_to(pilot, "apps", company_row("Soylent"))
        await settle(pilot)
        assert app.check_action("edit_record", ()) and app.check_action("merge_companies", ())
