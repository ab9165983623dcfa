"""SVG snapshots of the main screens: demo data, frozen clock, real key presses.

Update after an intended UI change with: .venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pursuit.tui.showcase import SHOTS, demo_app


@pytest.mark.parametrize("name", list(SHOTS))
def test_screen(name: str, snap_compare: Any, db_path: Path) -> None:
    """You should see the demo search: overdue follow-ups first (marked !), the active
    applications, the bridges and the detail panel (stacked and without detail at 80x30);
    or the named modal over it."""
    size, steps = SHOTS[name]
    assert snap_compare(demo_app(db_path, fill=False), terminal_size=size, run_before=steps)
