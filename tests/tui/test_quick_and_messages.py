"""Quick entry never loses what was typed and names the company it will use; the dialogs
and toasts read right; drafts reflow to the panel and links stay whole."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from test_keys import agenda, application, go_to
from tui_helpers import execute, rows, screen_lines, settle, wait_until, widget_text

from pursuit.store import commands
from pursuit.store.context import Ctx
from pursuit.tui.app import PursuitApp
from pursuit.tui.modals import ChoiceScreen, ConfirmScreen, PromptScreen
from pursuit.tui.prose import reflow
from pursuit.tui.showcase import FROZEN_NOW

LINE = "cafe reseau interview fri 10:00 with Zoë Martin (CTO), Seán O'Brien (Lead Dev)"


def other_process(app: PursuitApp) -> Ctx:
    return Ctx(db=app.db, now=FROZEN_NOW, tz=app.tz, settings=app.settings)


def preview(app: PursuitApp) -> str:
    return str(app.screen.query_one("#preview").render())


def dialog_text(app: PursuitApp) -> str:
    return " ".join(str(w.render()) for w in app.screen.query("Static, Label"))


@pytest.fixture
def cafe(app: PursuitApp) -> PursuitApp:
    commands.add_application(
        Ctx(db=app.db, now=FROZEN_NOW - timedelta(days=3), tz=app.tz), "Café Réseau", "Backend"
    )
    return app


async def test_quick_entry_finds_the_company_without_its_accents(
    cafe: PursuitApp, db_path: Path
) -> None:
    app = cafe
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*LINE)
        # The preview names the company saving will use, not the words typed.
        await wait_until(pilot, lambda: "Interview at Café Réseau" in preview(app))
        assert "new company" not in preview(app) and preview(app).startswith("→")
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, PromptScreen))
        await settle(pilot)
        assert any("Interview at Café Réseau logged" in n.message for n in app._notifications)
    assert rows(
        db_path,
        "SELECT p.name FROM action x JOIN contact p ON p.id = x.contact_id "
        "JOIN company c ON c.id = x.company_id "
        "WHERE c.name = 'Café Réseau' AND x.kind = 'thank_you' ORDER BY p.name",
    ) == [("Seán O'Brien",), ("Zoë Martin",)]
    assert rows(db_path, "SELECT COUNT(*) FROM company WHERE name LIKE 'cafe%'") == [(0,)]


async def test_the_preview_tells_a_new_company_from_a_match(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"Initech / Platform Engineer")
        await wait_until(pilot, lambda: "Initech (new company)" in preview(app))
        for _ in "Initech / Platform Engineer":
            await pilot.press("backspace")
        # A unique start of a name is the company it names.
        await pilot.press(*"hoo interview tomorrow 10am with Ann Lee")
        await wait_until(pilot, lambda: "Interview at Hooli on" in preview(app))
        assert "new company" not in preview(app)
        # What saving would refuse is refused before enter.
        for _ in "hoo interview tomorrow 10am with Ann Lee":
            await pilot.press("backspace")
        await pilot.press(*"wayne interview tomorrow 10am with Ann")
        await wait_until(pilot, lambda: "no open application" in preview(app))
        assert preview(app).startswith("✗")


async def test_a_failed_save_keeps_the_dialog_and_the_line(cafe: PursuitApp, db_path: Path) -> None:
    app = cafe
    before = rows(db_path, "SELECT COUNT(*) FROM interview")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*LINE)
        await wait_until(pilot, lambda: "Interview at Café Réseau" in preview(app))
        # Meanwhile another tab closes the application: saving now fails.
        commands.reject(other_process(app), "Café Réseau", friendly=False)
        prompt = app.screen
        field = prompt.query_one("#prompt-input")
        cursor = field.cursor_position  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_until(pilot, lambda: "no open application" in preview(app))
        assert app.screen is prompt and preview(app).startswith("✗")
        assert field.value == LINE and field.cursor_position == cursor  # type: ignore[attr-defined]
        assert field.has_focus
        # Fixed in place (a role opens a new application), enter saves it.
        await pilot.press("home", *"Café Réseau / Backend ")
        for _ in "cafe reseau ":
            await pilot.press("delete")
        await wait_until(pilot, lambda: preview(app).startswith("→"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, PromptScreen))
    assert rows(db_path, "SELECT COUNT(*) FROM interview") == [(before[0][0] + 1,)]  # type: ignore[operator]


async def test_one_interviewer_is_one_thank_you_note(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Cyberdyne"))
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"tomorrow 14:00 with Miles Dyson")
        await wait_until(pilot, lambda: "→ 1 thank-you note" in preview(app))
        assert "notes" not in preview(app)
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: any("1 thank-you note to write" in n.message for n in app._notifications)
        )


async def test_reject_and_move_name_the_application(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Cyberdyne"))
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        title = str(app.screen.query_one(".dialog-title").render())
        assert title == "Reject Cyberdyne — ML Platform Engineer: were they positive about you?"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        title = str(app.screen.query_one(".dialog-title").render())
        assert title == "Move Cyberdyne — ML Platform Engineer to"
        await pilot.press("escape")


async def test_the_r2_question_offers_what_the_app_has(app: PursuitApp, db_path: Path) -> None:
    jane_note = rows(
        db_path,
        "SELECT sent_note FROM action WHERE kind = 'thank_you' AND sent_note LIKE 'Dear Jane%'",
    )[0][0]
    execute(
        db_path,
        "UPDATE action SET draft = ? WHERE id = (SELECT x.id FROM action x JOIN contact p "
        "ON p.id = x.contact_id WHERE p.name = 'Bob Lee')",
        (str(jane_note).replace("Jane", "Bob"),),
    )
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("thank_you", "Acme Robotics", "Bob"))
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        text = dialog_text(app)
        assert "force" not in text
        assert "make it personal, or send it anyway" in text
        assert "y sent anyway · escape cancel" in text  # no n that would do what escape does
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")


async def test_undo_names_what_it_took_back(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("thank_you", "Acme Robotics"))
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("u")
        await wait_until(
            pilot,
            lambda: any(
                n.message == "Undid: thank-you note to Bob Lee at Acme Robotics marked done"
                for n in app._notifications
            ),
        )


async def test_guidance_echoes_what_they_said(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Umbrella Health"))
        await pilot.press("g")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        await pilot.press(*"after the 15th")
        assert "after the 15th" in preview(app)
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: any(
                "as they said (check back after the 15th)" in n.message for n in app._notifications
            ),
        )


def test_a_draft_reflows_and_keeps_its_breaks_and_links() -> None:
    draft = (
        "Hello Jane,\n\nThank you for the time on Thursday. I enjoyed the talk about the\n"
        "queue rewrite; the posting is at https://acme.example.com/careers/backend?ref=x\n"
        "as we said.\n\n- one\n- two\n\nBest regards,\nAnn"
    )
    lines = reflow(draft, 30)
    assert all(len(line) <= 30 for line in lines)
    assert lines[:2] == ["Hello Jane,", ""]
    # The paragraph's own breaks are gone: it is wrapped at the width, words whole.
    assert "Thank you for the time on" in lines
    assert "about the queue rewrite; the" in lines
    # The link starts a line and breaks only after a slash.
    link = [line for line in lines if line.startswith("https://")]
    assert link == ["https://acme.example.com/"]
    assert "careers/backend?ref=x" in lines
    assert lines[-5:] == ["- one", "- two", "", "Best regards,", "Ann"]
    assert reflow("see https://a.example/b for more", 40) == [
        "see",
        "https://a.example/b",
        "for more",
    ]


async def test_the_detail_panel_shows_a_draft_reflowed(app: PursuitApp, db_path: Path) -> None:
    execute(
        db_path,
        "UPDATE action SET draft = ? WHERE id = (SELECT x.id FROM action x JOIN company c "
        "ON c.id = x.company_id WHERE c.name = 'Soylent' AND x.kind = 'follow_up' "
        "AND x.done_at IS NULL AND x.deleted_at IS NULL)",
        (
            "Hello,\n\nI wanted to check in on the role; the posting is at\n"
            "https://soylent.example/jobs/frontend-engineer for reference.\n\nBest regards,",
        ),
    )
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("follow_up", "Soylent"))
        await wait_until(pilot, lambda: "https://" in widget_text(app.query_one("#detail-body")))
        # The detail panel is the right-hand column of the screen.
        panel = [line[87:].strip("│ ").rstrip() for line in screen_lines(app)]
        assert "https://soylent.example/jobs/" in panel
        assert "frontend-engineer" in panel
        assert "I wanted to check in on the" in panel


async def _palette_titles(app: PursuitApp, query: str) -> list[str]:
    from pursuit.tui.palette import ActionsProvider

    provider = ActionsProvider(app.screen_stack[0])
    hits = [hit async for hit in provider.search(query)]
    return [str(h.text) for h in sorted(hits, key=lambda h: -h.score)]


async def test_the_palette_runs_an_action_on_the_selected_row(
    app: PursuitApp, db_path: Path
) -> None:
    from textual.command import CommandPalette

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Cyberdyne"))
        # Found by a part of its name, or by another word for it.
        assert (await _palette_titles(app, "rej"))[0] == "Reject"
        assert "Heard back" in await _palette_titles(app, "reply")
        # "offer" finds the offer itself (with its answer-by date), then the move to offer.
        assert (await _palette_titles(app, "offer"))[:2] == ["Offer", "Move to offer"]
        # Opened for real: type, pick, and the action runs on the selected row.
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"rej")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Reject Cyberdyne" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("n")
        await wait_until(
            pilot,
            lambda: (
                rows(
                    db_path,
                    "SELECT a.status FROM application a JOIN company c ON c.id = a.company_id "
                    "WHERE c.name = 'Cyberdyne'",
                )
                == [("rejected",)]
            ),
        )


async def test_the_palette_offers_only_what_applies(app: PursuitApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "bridges", lambda i: getattr(i, "company", None) == "Wayne Enterprises")
        titles = await _palette_titles(app, "e")
        assert "Check in" in titles
        assert "Reject" not in titles and "Move to offer" not in titles
        assert "Heard back" not in await _palette_titles(app, "heard")  # no application


async def test_the_palette_moves_to_a_status_by_name(app: PursuitApp, db_path: Path) -> None:
    from textual.command import CommandPalette

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Cyberdyne"))
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"move to screening")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                rows(
                    db_path,
                    "SELECT a.status FROM application a JOIN company c ON c.id = a.company_id "
                    "WHERE c.name = 'Cyberdyne'",
                )
                == [("screening",)]
            ),
        )


async def test_the_palette_shows_remapped_keys(db_path: Path) -> None:
    from pursuit.config import Config
    from pursuit.tui.palette import ActionsProvider
    from pursuit.tui.showcase import demo_app

    app = demo_app(db_path, fill=False)
    app.config = Config(keymap={"quick_entry": "n", "undo": "ctrl+z"})
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        hits = [hit async for hit in ActionsProvider(app.screen).discover()]
        shown = {str(h.text): str(h.prompt) for h in hits}
        assert shown["Add"] == "Add  n"
        assert shown["Undo"] == "Undo  ^z"
