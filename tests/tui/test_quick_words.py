"""Quick entry (a) with the words people add after an interview: real keys, the preview
naming what each word means, and the rows saving writes."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from tui_helpers import rows, settle, table_text, wait_until

from pursuit.tui.app import PursuitApp
from pursuit.tui.modals import PromptScreen

LINE = (
    "Initech / Platform Engineer onsite tomorrow 10am at 1 Main St with Dr. Jane Smith, PhD"
    " (Chief Scientist) via LinkedIn salary 90-110k"
)


def preview(app: PursuitApp) -> str:
    return str(app.screen.query_one("#preview").render())


async def type_line(app: PursuitApp, pilot: Pilot[None], line: str) -> None:
    await settle(pilot)
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
    await pilot.press(*line)


async def test_an_onsite_with_a_titled_interviewer_source_and_salary(
    app: PursuitApp, db_path: Path
) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await type_line(app, pilot, LINE)
        await wait_until(pilot, lambda: "(new company)" in preview(app))
        assert preview(app) == (
            "→ New application: Initech (new company) — Platform Engineer; Interview at Initech"
            " on Fri 27 Nov 10:00 (onsite, 60 min) with Dr. Jane Smith (Chief Scientist)"
            " → 1 thank-you note; at 1 Main St; salary 90-110k; via LinkedIn"
        )
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, PromptScreen))
        await settle(pilot)
        assert any("1 thank-you note to write" in n.message for n in app._notifications)
    assert rows(
        db_path,
        "SELECT a.title, a.source, a.salary, i.kind, i.place FROM application a "
        "JOIN company c ON c.id = a.company_id JOIN interview i ON i.application_id = a.id "
        "WHERE c.name = 'Initech'",
    ) == [("Platform Engineer", "LinkedIn", "90-110k", "onsite", "1 Main St")]
    assert rows(
        db_path,
        "SELECT p.name, p.role FROM action x JOIN contact p ON p.id = x.contact_id "
        "JOIN company c ON c.id = x.company_id WHERE c.name = 'Initech' AND x.kind = 'thank_you'",
    ) == [("Dr. Jane Smith", "Chief Scientist")]


async def test_words_it_cannot_place_are_named_and_nothing_is_saved(
    app: PursuitApp, db_path: Path
) -> None:
    before = rows(db_path, "SELECT COUNT(*) FROM application")
    async with app.run_test(size=(120, 35)) as pilot:
        await type_line(app, pilot, "Initech / Platform Engineer yesterday")
        await wait_until(pilot, lambda: "did not understand" in preview(app))
        assert preview(app) == (
            '✗ did not understand "yesterday" after the role; say what it is, as in'
            " `applied yesterday`"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
    assert rows(db_path, "SELECT COUNT(*) FROM application") == before


async def test_an_offer_line_records_the_offer(app: PursuitApp, db_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await type_line(app, pilot, "cyberdyne offer by fri 17:00 note 120k base")
        await wait_until(pilot, lambda: "Offer from Cyberdyne" in preview(app))
        assert preview(app) == "→ Offer from Cyberdyne: answer by Fri 27 Nov 17:00 — 120k base"
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: any("Answer the offer from Cyberdyne" in r for r in table_text(app, "agenda")),
        )
    assert rows(
        db_path,
        "SELECT a.status, x.kind, x.due_at FROM application a JOIN action x "
        "ON x.application_id = a.id JOIN company c ON c.id = a.company_id "
        "WHERE c.name = 'Cyberdyne' AND x.done_at IS NULL AND x.deleted_at IS NULL",
    ) == [("offer", "answer_offer", "2026-11-27 22:00:00.000000")]
    assert rows(
        db_path,
        "SELECT e.body FROM event e JOIN company c ON c.id = e.company_id "
        "WHERE c.name = 'Cyberdyne' AND e.kind = 'offer'",
    ) == [("120k base",)]
