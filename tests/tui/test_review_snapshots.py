"""SVG snapshots of the review screen in the real app (demo data, frozen clock), pushed as
the app's `v` will push it.

Update after an intended UI change with:
.venv/bin/pytest tests/tui/test_review_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from pursuit.tui.review_screen import ReviewScreen
from pursuit.tui.showcase import demo_app, settle


async def _review(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("v")  # the app's own key for the review
    assert isinstance(pilot.app.screen, ReviewScreen)
    await settle(pilot)
    await pilot.press("down", "down")  # the focus on a figure, as after two key presses


@pytest.mark.parametrize("size", [(120, 35), (80, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_review(size: tuple[int, int], snap_compare: Any, db_path: Path) -> None:
    """You should see the review of the demo search's last 4 weeks: the funnel as bars with
    counts and conversion, a bar per week for each activity, answers by source and the
    habits, the third funnel row (interviewing) highlighted; the same, narrower, at 80x30."""
    assert snap_compare(demo_app(db_path, fill=False), terminal_size=size, run_before=_review)
