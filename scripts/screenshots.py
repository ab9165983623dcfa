"""Render the app's main screens from the demo data with a frozen clock into screenshots/.

Run with `make screenshots`. The screens and the keys that reach them are in
pursuit.tui.showcase.SHOTS, which the snapshot tests use too.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from pursuit.tui.showcase import SHOTS, demo_app

OUT = Path(__file__).resolve().parent.parent / "screenshots"


async def shoot(name: str, folder: Path) -> Path:
    size, steps = SHOTS[name]
    app = demo_app(folder / f"{name}.db")
    async with app.run_test(size=size) as pilot:
        await steps(pilot)
        target = OUT / f"{name}.svg"
        target.write_text(app.export_screenshot(title=f"pursuit — {name}"), encoding="utf-8")
        return target


async def main() -> int:
    OUT.mkdir(exist_ok=True)
    # A worker of the last app can still be closing its database file as the folder goes.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        for name in SHOTS:
            path = await shoot(name, Path(tmp))
            print(f"wrote {path.relative_to(OUT.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
