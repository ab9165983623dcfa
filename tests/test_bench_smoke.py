"""`make bench` is not part of the tests; this checks that its script runs, at tiny size."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_runs_at_tiny_size(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    measures = {row["measure"]: row for row in report["rows"]}
    assert report["smoke"] is True
    # Every kind of measure produced numbers, and the table was printed.
    for prefix in (
        "pursuit demo:",
        "pursuit status (python -m)",
        "query: next due",
        "query: applications first page",
        "first paint headless: pursuit app",
        "key to repaint p95 (all keys",
        "timer wake: on the event loop",
        "thanks: 300-word note, company has a 10 MB sent note",
        "review: read the history",
        "review screen: open, figures already read (120x35",
    ):
        found = [m for m in measures if m.startswith(prefix)]
        assert found, prefix
        assert all(measures[m]["samples"] for m in found), prefix
    assert "measure" in done.stdout and "wrote" in done.stdout
    # The timer's and panes' queries use an index even on a tiny file (a page the query
    # materialized itself, or one company's people in order, may be scanned).
    for name, plan in report["query_plans"].items():
        scans = [p for p in plan if p.startswith("SCAN") and "INDEX" not in p]
        assert all(p.split()[1] in ("page", "people") for p in scans), (name, plan)
