"""Every key of the app, pressed for real, checked on screen and in the rows written."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList
from tui_helpers import (
    Messages,
    drain,
    execute,
    rows,
    settle,
    table_text,
    topbar_text,
    wait_until,
    widget_text,
)

from pursuit.agenda import AgendaItem
from pursuit.config import Config
from pursuit.store.application_reads import ApplicationRow
from pursuit.store.company_reads import BridgeRow
from pursuit.tui.app import PursuitApp
from pursuit.tui.detail_screen import DetailScreen
from pursuit.tui.help import HelpScreen
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen, PromptScreen
from pursuit.tui.showcase import demo_app
from pursuit.tui.tables import PaneTable
from pursuit.tui.writes import Done, Failed, Refusal, WriteFinished

Item = AgendaItem | ApplicationRow | BridgeRow


async def go_to(pilot: Pilot[None], table_id: str, wanted: Callable[[Item], bool]) -> Item:
    """Tab to a pane and press j until the wanted row is under the cursor."""
    app = pilot.app
    assert isinstance(app, PursuitApp)
    table = app.query_one(f"#{table_id}", PaneTable)
    for _ in range(4):
        if app.focused_table() is table:
            break
        await pilot.press("tab")
    assert app.focused_table() is table
    items = list(table.items.values())
    target = next((i for i, item in enumerate(items) if wanted(item)), None)
    if target is None:
        raise AssertionError(f"no such row in {table_id}: {table_text(app, table_id)}")
    steps = target - table.cursor_row
    await pilot.press(*(["j"] * steps if steps > 0 else ["k"] * -steps))
    item = table.selected
    assert item is not None and wanted(item)
    return item


def agenda(
    kind: str, company: str | None = None, contact: str | None = None
) -> Callable[[Item], bool]:
    def match(item: Item) -> bool:
        return (
            isinstance(item, AgendaItem)
            and item.kind == kind
            and (company is None or item.company == company)
            and (contact is None or (item.contact or "").startswith(contact))
        )

    return match


def application(company: str) -> Callable[[Item], bool]:
    return lambda item: isinstance(item, ApplicationRow) and item.company == company


async def test_first_screen_has_three_panes_with_overdue_first(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        agenda_rows = table_text(app, "agenda")
        marks = [r.split(" | ")[0] for r in agenda_rows]
        # Overdue first, always; the loud options nudge (an offer is on) after today's.
        assert marks[:5] == ["!"] * 5 and "!" not in marks[5:]
        assert marks[6] == "»" and "Keep options open: apply to 1 more" in agenda_rows[6]
        assert "overdue" in agenda_rows[0]
        assert any("Soylent" in r for r in table_text(app, "apps"))
        assert any("Wayne Enterprises" in r for r in table_text(app, "bridges"))
        bar = str(app.query_one("#topbar").render())
        assert "5 overdue" in bar and "7/5 active" in bar


async def test_quick_entry_previews_then_saves(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"Initech / Platform Engineer")
        preview = str(app.screen.query_one("#preview").render())
        assert "New application: Initech" in preview
        await pilot.press("enter")
        await wait_until(pilot, lambda: any("Initech" in r for r in table_text(app, "apps")))
    assert rows(
        db_path,
        "SELECT a.title, a.status FROM application a JOIN company c "
        "ON c.id = a.company_id WHERE c.name = 'Initech'",
    ) == [("Platform Engineer", "applied")]


def outcomes(messages: Messages) -> list[tuple[str, str]]:
    """What each write the app ran reported, in order."""
    out: list[tuple[str, str]] = []
    for finished in messages.of(WriteFinished):
        match finished.outcome:
            case Refusal(summary=summary):
                out.append(("refused", summary))
            case Failed(error=error):
                out.append(("error", error))
            case Done(message=message):
                out.append(("done", message))
    return out


def bells(app: PursuitApp) -> list[None]:
    """One entry each time the app rings the bell from now on."""
    rung: list[None] = []
    bell = app.bell

    def ring() -> None:
        rung.append(None)
        bell()

    app.bell = ring  # type: ignore[method-assign]
    return rung


async def test_quick_entry_refuses_what_it_cannot_read(app: PursuitApp, db_path: Path) -> None:
    before = rows(db_path, "SELECT COUNT(*) FROM application")
    messages = Messages()
    rung = bells(app)
    async with app.run_test(size=(120, 35), message_hook=messages) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"Acme interview someday")
        preview = str(app.screen.query_one("#preview").render())
        assert preview == (
            '✗ interview time: can\'t read "someday" as a date; try "tomorrow 14:00", '
            '"fri", "in 2 weeks", "dec 15" or "2026-12-01 09:30"'
        )
        await pilot.press("enter")
        # The prompt answered the enter with the bell, and is still open, unchanged.
        await wait_until(pilot, lambda: len(rung) == 1)
        assert isinstance(app.screen, PromptScreen)
        assert str(app.screen.query_one("#preview").render()) == preview
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.screen_stack[0])
        await drain(pilot, messages)
        assert outcomes(messages) == []  # no write ran
    assert rows(db_path, "SELECT COUNT(*) FROM application") == before


async def test_t_marks_a_thank_you_sent(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await go_to(pilot, "agenda", agenda("thank_you", "Globex"))
        assert isinstance(item, AgendaItem)
        await pilot.press("t")
        # Priya has no talking point: the draft still holds its line to personalise, and
        # marking it sent asks first, saying so (issue #11). Escape sends nothing.
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = " ".join(str(w.render()) for w in app.screen.query("Static, Label"))
        assert "The note to Priya Nair still has the line to personalise. Send it anyway?" in text
        assert "[Add one thing you discussed with Priya" in text
        assert "y send anyway · escape cancel" in text
        await pilot.press("escape")
        await settle(pilot)
        assert rows(db_path, "SELECT done_at FROM action WHERE id = ?", (item.action_id,)) == [
            (None,)
        ]
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: not any("Priya" in r for r in table_text(app, "agenda")))
    done = rows(db_path, "SELECT done_at, sent_note FROM action WHERE id = ?", (item.action_id,))
    assert done[0][0] is not None and "Priya" in str(done[0][1])


async def test_t_warns_when_a_note_is_too_like_another(app: PursuitApp, db_path: Path) -> None:
    jane_note = rows(
        db_path,
        "SELECT sent_note FROM action WHERE kind = 'thank_you' AND sent_note LIKE 'Dear Jane%'",
    )[0][0]
    bob = rows(
        db_path,
        "SELECT x.id FROM action x JOIN contact p ON p.id = x.contact_id WHERE p.name = 'Bob Lee'",
    )[0][0]
    execute(
        db_path,
        "UPDATE action SET draft = ? WHERE id = ?",
        (str(jane_note).replace("Jane", "Bob"), bob),
    )
    messages = Messages()
    async with app.run_test(size=(120, 35), message_hook=messages) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("thank_you", "Acme Robotics", "Bob"))
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = " ".join(str(w.render()) for w in app.screen.query("Static, Label"))
        assert "too like the one to Jane Doe" in text
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.screen_stack[0])
        # Asked again: "n" sent nothing (had it, t would now say the note is already sent).
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: len(outcomes(messages)) == 3)
        await drain(pilot, messages)
        refused = ("refused", "this note to Bob Lee is too like the one to Jane Doe")
        sent = ("done", "Thank-you note to Bob Lee marked sent")
        assert outcomes(messages) == [refused, refused, sent]
    assert rows(db_path, "SELECT done_at IS NOT NULL FROM action WHERE id = ?", (bob,)) == [(1,)]


async def test_f_too_soon_asks_and_says_why(app: PursuitApp, db_path: Path) -> None:
    def follow_ups() -> int:
        return int(
            rows(
                db_path,
                "SELECT COUNT(*) FROM event e JOIN company c ON c.id = e.company_id "
                "WHERE c.name = 'Acme Robotics' AND e.kind = 'follow_up'",
            )[0][0]
        )  # type: ignore[call-overload]

    messages = Messages()
    async with app.run_test(size=(120, 35), message_hook=messages) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Acme Robotics"))
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = " ".join(str(w.render()) for w in app.screen.query("Static, Label"))
        # The employer gave a date (after the 3rd), so their date is the only reason: the
        # gap since the last note does not apply to a follow-up they invited.
        # Their words, echoed as they said them, and when that is.
        assert (
            "the employer said to check back after the 3rd (that is Thu 3 Dec 09:00, 7 d from now)"
            in text
        )
        assert "n snooze it until Thu 3 Dec 09:00" in text
        assert "between touches" not in text
        # n is not escape: it puts the follow-up off until it is no longer too soon.
        await pilot.press("n")
        await settle(pilot)
        assert follow_ups() == 0
        assert rows(
            db_path,
            "SELECT x.snoozed_until FROM action x JOIN company c ON c.id = x.company_id "
            "WHERE c.name = 'Acme Robotics' AND x.kind = 'follow_up' AND x.done_at IS NULL AND x.deleted_at IS NULL",
        ) == [("2026-12-03 14:00:00.000000",)]
        assert any("snoozed until Thu 3 Dec 09:00" in n.message for n in app._notifications)
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: len(outcomes(messages)) == 4)
        await drain(pilot, messages)
        refused = ("refused", "too soon to follow up with Acme Robotics")
        snoozed = ("done", "Follow-up snoozed until Thu 3 Dec 09:00")
        logged = ("done", "Follow-up to Acme Robotics logged")
        assert outcomes(messages) == [refused, snoozed, refused, logged]
    assert follow_ups() == 1


async def test_f_warns_about_a_gimmick_before_logging(app: PursuitApp, db_path: Path) -> None:
    execute(
        db_path,
        "UPDATE action SET draft = 'I will drop by the office with a gift basket' "
        "WHERE kind = 'follow_up' AND done_at IS NULL AND deleted_at IS NULL",
    )
    messages = Messages()
    async with app.run_test(size=(120, 35), message_hook=messages) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("follow_up", "Cyberdyne"))
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = " ".join(str(w.render()) for w in app.screen.query("Static, Label"))
        assert "uninvited visit" in text and "care package" in text
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.screen_stack[0])
        # Asked again, "log it" runs the one write (R5 then asks too: it is too soon).
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: len(outcomes(messages)) == 1)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # not now: put it off until R5 allows it
        await wait_until(pilot, lambda: app.screen is app.screen_stack[0])
        await wait_until(pilot, lambda: len(outcomes(messages)) == 2)
        await drain(pilot, messages)
        assert outcomes(messages) == [
            ("refused", "too soon to follow up with Cyberdyne"),
            ("done", "Follow-up snoozed until Tue 1 Dec 09:30"),
        ]
    assert rows(
        db_path, "SELECT COUNT(*) FROM event WHERE kind = 'follow_up' AND body LIKE '%gift%'"
    ) == [(0,)]


async def test_r_asks_about_bridges_and_yes_keeps_one(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Soylent"))
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "positive about you" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("y")
        await wait_until(pilot, lambda: any("Soylent" in r for r in table_text(app, "bridges")))
        assert not any("Soylent" in r for r in table_text(app, "apps"))
    assert rows(db_path, "SELECT is_bridge FROM company WHERE name = 'Soylent'") == [(1,)]
    assert rows(
        db_path,
        "SELECT COUNT(*) FROM action x JOIN company c ON c.id = x.company_id "
        "WHERE c.name = 'Soylent' AND x.kind = 'check_in' AND x.done_at IS NULL",
    ) == [(1,)]


async def test_m_moves_to_a_chosen_status(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Cyberdyne"))
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        choices = app.screen.query_one("#choices", OptionList)
        # Every status, the current one (applied) offered but not choosable.
        assert [(o.id, o.disabled) for o in choices.options] == [
            ("wishlist", False),
            ("applied", True),
            ("screening", False),
            ("interviewing", False),
            ("offer", False),
            ("accepted", False),
            ("rejected", False),
            ("withdrawn", False),
            ("ghosted", False),
            ("on_hold", False),
        ]
        assert choices.highlighted_option is not None
        assert choices.highlighted_option.id == "wishlist"
        await pilot.press("down")  # over the current status
        assert choices.highlighted_option.id == "screening"
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                rows(
                    db_path,
                    "SELECT a.status FROM application a JOIN company c ON c.id = a.company_id WHERE c.name = 'Cyberdyne'",
                )
                == [("screening",)]
            ),
        )
        await wait_until(
            pilot,
            lambda: any("Cyberdyne" in r and "screening" in r for r in table_text(app, "apps")),
        )


async def test_g_records_guidance(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Umbrella Health"))
        await pilot.press("g")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"dec 10")
        assert "Thu 10 Dec" in str(app.screen.query_one("#preview").render())
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                rows(
                    db_path,
                    "SELECT x.due_guessed, x.due_at FROM action x JOIN company c ON c.id = x.company_id "
                    "WHERE c.name = 'Umbrella Health' AND x.kind = 'follow_up' AND x.done_at IS NULL AND x.deleted_at IS NULL",
                )
                == [(0, "2026-12-10 14:00:00.000000")]
            ),
        )


async def test_i_logs_an_interview_with_one_note_per_person(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Cyberdyne"))
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"fri 10am with Ann Lee (CTO), Bo Yu")
        assert "2 thank-you notes" in str(app.screen.query_one("#preview").render())
        await pilot.press("enter")
        # The interview to come is on the agenda; its two notes are owed once it ends.
        await wait_until(
            pilot,
            lambda: any("Interview at Cyberdyne" in r for r in table_text(app, "agenda")),
        )
        assert not any("Cyberdyne" in r and "Thank" in r for r in table_text(app, "agenda"))
    assert rows(
        db_path,
        "SELECT p.name FROM action x JOIN contact p ON p.id = x.contact_id JOIN company c "
        "ON c.id = x.company_id WHERE c.name = 'Cyberdyne' AND x.kind = 'thank_you' ORDER BY p.name",
    ) == [("Ann Lee",), ("Bo Yu",)]


async def test_c_checks_in_with_a_bridge(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(
            pilot,
            "bridges",
            lambda i: isinstance(i, BridgeRow) and i.company == "Wayne Enterprises",
        )
        await pilot.press("c")
        await wait_until(
            pilot, lambda: any("Wayne" in r and "due in" in r for r in table_text(app, "bridges"))
        )
    assert rows(
        db_path,
        "SELECT COUNT(*) FROM event e JOIN company c ON c.id = e.company_id "
        "WHERE c.name = 'Wayne Enterprises' AND e.kind = 'check_in'",
    ) == [(1,)]


async def test_s_snoozes_d_finishes_u_undoes(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await go_to(pilot, "agenda", agenda("follow_up", "Soylent"))
        assert isinstance(item, AgendaItem)
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press("enter")  # the offered "tomorrow 9am"
        await wait_until(
            pilot,
            lambda: (
                rows(db_path, "SELECT snoozed_until FROM action WHERE id = ?", (item.action_id,))
                == [("2026-11-27 14:00:00.000000",)]
            ),
        )
        await wait_until(
            pilot, lambda: any("Soylent" in r and "due in" in r for r in table_text(app, "agenda"))
        )
        item = await go_to(pilot, "agenda", agenda("thank_you", "Acme Robotics"))
        assert isinstance(item, AgendaItem)
        await pilot.press("d")
        await wait_until(
            pilot,
            lambda: (
                rows(
                    db_path,
                    "SELECT done_at IS NOT NULL FROM action WHERE id = ?",
                    (item.action_id,),
                )
                == [(1,)]
            ),
        )
        await pilot.press("u")
        await wait_until(
            pilot,
            lambda: (
                rows(db_path, "SELECT done_at FROM action WHERE id = ?", (item.action_id,))
                == [(None,)]
            ),
        )
        await wait_until(pilot, lambda: any("Bob Lee" in r for r in table_text(app, "agenda")))


async def test_e_edits_the_draft_in_the_editor_and_y_copies_it(
    app: PursuitApp, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\nopen(sys.argv[1], 'a').write('\\nP.S. loved the demo')\n")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await go_to(pilot, "agenda", agenda("thank_you", "Globex"))
        assert isinstance(item, AgendaItem)
        await pilot.press("e")
        await wait_until(
            pilot,
            lambda: str(
                rows(db_path, "SELECT draft FROM action WHERE id = ?", (item.action_id,))[0][0]
            ).endswith("P.S. loved the demo"),
        )
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.selection(), AgendaItem) and app.selection().draft.endswith("demo")
            ),
        )  # type: ignore[union-attr]
        await pilot.press("y")
        assert app.clipboard.endswith("P.S. loved the demo")
        assert app.clipboard.startswith("Dear Priya")


async def test_slash_filters_every_pane_and_escape_clears(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        shown = {pane: table_text(app, pane) for pane in ("agenda", "apps", "bridges")}
        # 14 follow-ups: Massive Dynamic's interview to come, not yet its two notes.
        assert [len(rows_) for rows_ in shown.values()] == [14, 9, 2]
        await pilot.press("slash")
        await pilot.press(*"globex")
        await wait_until(pilot, lambda: "filter: globex" in topbar_text(app))
        # Each relative time has its day beside it; Globex's follow-up, Thu 3 Dec 09:30, is
        # 6 d 18 h away: "due in 7 d" to the nearest day.
        assert table_text(app, "agenda") == [
            "  | due in 25 min | Thu 26 Nov | Thank Priya Nair (Recruiter) | Globex",
            "  | due in 7 d | Thu 3 Dec | Follow up (a guess: ask them when) | Globex",
        ]
        assert table_text(app, "apps") == [
            "Globex | Platform Engineer | interviewing | 1 d | thank Priya | due in 25 min"
            " | Thu 26 Nov"
        ]
        assert table_text(app, "bridges") == []
        await pilot.press("escape")
        await wait_until(pilot, lambda: "filter:" not in topbar_text(app))
        assert {pane: table_text(app, pane) for pane in shown} == shown


async def test_help_lists_every_key_and_tab_jk_enter_navigate(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = widget_text(app.screen.query_one("#keys"))
        for word in (
            "Add",
            "Interview",
            "Thanked",
            "Guidance",
            "Followed up",
            "Move",
            "Reject",
            "Check in",
            "Snooze",
            "Done",
            "Edit note",
            "Copy",
            "Undo",
            "Filter",
            "Quit",
            "Next pane",
            "Open detail",
        ):
            assert word in text, word
        await pilot.press("escape")
        agenda_table = app.query_one("#agenda", PaneTable)
        assert app.focused_table() is agenda_table
        await pilot.press("j", "j")
        assert agenda_table.cursor_row == 2
        await pilot.press("k")
        assert agenda_table.cursor_row == 1
        await pilot.press("tab")
        assert app.focused_table() is app.query_one("#apps")
        await pilot.press("shift+tab")
        assert app.focused_table() is agenda_table
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        await settle(pilot)
        body = widget_text(app.screen.query_one("#detail-full-body"))
        # Row 1 is Soylent's overdue follow-up (row 0, Wayne's check-in, is the oldest).
        assert "Soylent — Frontend Engineer [remote]" in body
        # The timeline beside the record: a fragment that fits its column.
        assert "Timeline" in body and "→ applied: Frontend" in body
        await pilot.press("escape")
        await pilot.press("q")
    assert app.return_code == 0


async def test_keys_are_remappable_by_id(db_path: Path) -> None:
    app = demo_app(db_path, fill=False)
    app.config = Config(keymap={"quick_entry": "n"})
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press("escape")
        rows_ = app.key_rows()
        assert ("n", "Add") in [(k, d) for k, d, _ in rows_]


def palette_titles(app: PursuitApp) -> list[str]:
    found = app.screen.query_one(CommandList)
    return [
        str(found.get_option_at_index(i).prompt).split("\n")[0] for i in range(found.option_count)
    ]


async def test_command_palette_offers_the_actions(app: PursuitApp) -> None:
    from textual.command import DiscoveryHit

    from pursuit.tui.palette import ActionsProvider

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("thank_you", "Globex"))
        provider = ActionsProvider(app.screen)
        titles = [str(h.text) for h in [hit async for hit in provider.discover()]]
        assert titles[:3] == ["Add", "Interview", "Thank-you note sent"]  # the app's first
        assert "Undo" in titles and "Help" in titles and "Quit" in titles
        assert "Check in" not in titles  # a thank-you row: no bridge to check in with
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press("escape")
        assert all(isinstance(h, DiscoveryHit) for h in [h async for h in provider.discover()])
