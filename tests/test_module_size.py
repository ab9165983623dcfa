"""No module of pursuit passes about 400 lines.

Past that, a module holds more than one purpose and its name can no longer say what it
holds (issue #10): split it by what each part is for, rather than raising the limit.
"""

from __future__ import annotations

from pathlib import Path

import pursuit

PACKAGE = Path(pursuit.__file__).parent
LIMIT = 400


def _over(limit: int) -> dict[str, int]:
    """Each module longer than `limit` lines, by its path in the package, with its length."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found[path.relative_to(PACKAGE.parent).as_posix()] = lines
    return found


def test_no_module_passes_the_limit() -> None:
    over = _over(LIMIT)
    listed = "\n".join(f"  {path}: {lines} lines" for path, lines in over.items())
    assert not over, f"split these by purpose (at most {LIMIT} lines each):\n{listed}"


def test_the_count_sees_every_module() -> None:
    # A check that read no files (a wrong root, a wrong pattern) would always pass.
    assert len(_over(0)) == len(list(PACKAGE.rglob("*.py"))) > 100
    assert _over(100)["pursuit/store/world.py"] == len(
        (PACKAGE / "store" / "world.py").read_text(encoding="utf-8").splitlines()
    )
