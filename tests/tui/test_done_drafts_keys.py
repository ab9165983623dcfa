"""Issue #11 in the app: `d` on a follow-up asks what happened (s sent · h heard back ·
x drop), and each answer writes what its verb writes; undo takes each back."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_keys import agenda, go_to
from tui_helpers import rows, settle, table_text, wait_until

from pursuit.agenda import AgendaItem
from pursuit.tui.app import PursuitApp
from pursuit.tui.modals import KeyChoiceScreen

LIVE = "x.done_at IS NULL AND x.deleted_at IS NULL"
# Hooli's guessed follow-up, overdue since Fri 20 Nov 09:30; seen Thu 26 Nov 15:20, a
# week on is Thu 3 Dec 15:20, past the usual 09:30: Fri 4 Dec 09:30 (14:30 UTC).
NEXT = "2026-12-04 14:30:00.000000"


def hooli(db_path: Path) -> list[tuple[object, ...]]:
    return rows(
        db_path,
        "SELECT x.due_at, x.done_at IS NOT NULL, x.deleted_at IS NOT NULL FROM action x"
        " JOIN company c ON c.id = x.company_id WHERE c.name = 'Hooli'"
        " AND x.kind = 'follow_up' ORDER BY x.id",
    )


def touches(db_path: Path) -> list[tuple[object, ...]]:
    return rows(
        db_path,
        "SELECT e.kind, e.direction FROM event e JOIN company c ON c.id = e.company_id"
        " WHERE c.name = 'Hooli' AND e.direction IS NOT NULL AND e.deleted_at IS NULL"
        " ORDER BY e.id",
    )


@pytest.mark.parametrize(
    ("key", "said", "touch"),
    [
        ("s", "Follow-up to Hooli logged", ("follow_up", "out")),
        ("h", "Noted: Hooli answered", ("reply", "in")),
        ("x", "Follow-up to Hooli dropped", None),
    ],
)
async def test_d_on_a_follow_up_asks_what_happened(
    app: PursuitApp, db_path: Path, key: str, said: str, touch: tuple[str, str] | None
) -> None:
    before_rows = [r for r in hooli(db_path) if not r[2]]
    before_touches = touches(db_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        item = await go_to(pilot, "agenda", agenda("follow_up", "Hooli"))
        assert isinstance(item, AgendaItem)
        assert any("Hooli" in r and "overdue" in r for r in table_text(app, "agenda"))
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, KeyChoiceScreen))
        text = " ".join(str(w.render()) for w in app.screen.query("Static, Label"))
        assert "The follow-up to Hooli — " in text and "what happened?" in text
        assert "s sent · h heard back · x drop · escape cancel" in text
        await pilot.press(key)
        await wait_until(
            pilot,
            lambda: any(n.message.startswith(said) for n in app._notifications),
        )
        (message,) = [n.message for n in app._notifications if n.message.startswith(said)]
        assert message == f"{said}; waiting on them until Fri 4 Dec 09:30"
        # On screen: no longer overdue; Fri 4 Dec 09:30 is 7 d 18 h away, 8 d to the nearest.
        await wait_until(
            pilot,
            lambda: any(
                "Hooli" in r and "due in 8 d | Fri 4 Dec" in r for r in table_text(app, "agenda")
            ),
        )
        assert not any("Hooli" in r and "overdue" in r for r in table_text(app, "agenda"))
        live = rows(
            db_path,
            f"SELECT x.due_at, x.due_guessed FROM action x JOIN company c ON c.id = x.company_id"
            f" WHERE c.name = 'Hooli' AND x.kind = 'follow_up' AND {LIVE}",
        )
        assert live == [(NEXT, 1)]
        assert touches(db_path) == [*before_touches, *([touch] if touch else [])]
        await pilot.press("u")
        await wait_until(pilot, lambda: touches(db_path) == before_touches)
        await wait_until(pilot, lambda: [r for r in hooli(db_path) if not r[2]] == before_rows)


async def test_escape_on_the_chooser_changes_nothing(app: PursuitApp, db_path: Path) -> None:
    before = hooli(db_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await go_to(pilot, "agenda", agenda("follow_up", "Hooli"))
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, KeyChoiceScreen))
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, KeyChoiceScreen)
    assert hooli(db_path) == before
