"""o records an offer; s and d on the options nudge snooze or dismiss it. Real keys, and
the rows they write."""

from __future__ import annotations

from pathlib import Path

from test_keys import agenda, application, go_to
from tui_helpers import rows, settle, table_text, wait_until

from pursuit.tui.app import PursuitApp
from pursuit.tui.modals import PromptScreen


async def test_o_records_an_offer_that_tops_what_is_not_overdue(
    app: PursuitApp, db_path: Path
) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "apps", application("Cyberdyne"))
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
        preview = str(app.screen.query_one("#preview").render())
        assert (
            preview == "→ Offer from Cyberdyne — ML Platform Engineer: answer by Fri 27 Nov 17:00"
        )
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: any("Answer the offer from Cyberdyne" in r for r in table_text(app, "agenda")),
        )
        shown = table_text(app, "agenda")
        first_not_overdue = next(r for r in shown if not r.startswith("!"))
        assert "Answer the offer from Cyberdyne by Fri 27 Nov 17:00" in first_not_overdue
    assert rows(
        db_path,
        "SELECT a.status, x.kind, x.due_at FROM application a JOIN action x "
        "ON x.application_id = a.id JOIN company c ON c.id = a.company_id "
        "WHERE c.name = 'Cyberdyne' AND x.done_at IS NULL AND x.deleted_at IS NULL",
    ) == [("offer", "answer_offer", "2026-11-27 22:00:00.000000")]


async def test_d_dismisses_the_options_nudge_and_u_brings_it_back(
    app: PursuitApp, db_path: Path
) -> None:
    def nudge_shown() -> bool:
        return any(r.startswith("»") for r in table_text(app, "agenda"))

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("options", None))
        await pilot.press("d")
        await wait_until(pilot, lambda: not nudge_shown())
        assert rows(db_path, "SELECT key, value FROM setting") == [("options_nudge", "dismissed")]
        await pilot.press("u")
        await wait_until(pilot, nudge_shown)
