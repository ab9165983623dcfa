"""`make reliability`: run the reliability tests of issue 4 and print a table of what each
tried: test, trials (the rounds or cases it ran), failures, time.

    .venv/bin/python scripts/reliability.py [extra pytest arguments]

Each test counts its trials in `user_properties` (tests/reliability/helpers/common.py,
Tally); a plugin collects them from the test reports. Exit status is pytest's.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    test: str
    trials: int | None = None
    failures: int | None = None
    outcome: str = "passed"
    seconds: float = 0.0


class Collector:
    """A pytest plugin: one row per test, from its reports."""

    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        row = self.rows.setdefault(report.nodeid, Row(report.nodeid))
        row.seconds += report.duration
        for name, value in report.user_properties:
            if name == "trials":
                row.trials = int(str(value))
            elif name == "failures":
                row.failures = int(str(value))
        if report.failed:
            row.outcome = "error" if report.when != "call" else "FAILED"
        elif report.skipped and row.outcome == "passed":
            row.outcome = "xfail" if hasattr(report, "wasxfail") else "skipped"


def _table(rows: list[Row]) -> str:
    def name(row: Row) -> str:
        return row.test.removeprefix("tests/reliability/").replace(".py::", "::")

    width = max([len(name(r)) for r in rows] + [4])
    lines = [f"{'test':<{width}}  {'trials':>6}  {'failures':>8}  {'secs':>6}  result"]
    lines.append("-" * len(lines[0]))
    for r in rows:
        # A test that stopped before counting ran one trial, and it failed.
        trials = r.trials if r.trials is not None else 1
        failures = r.failures if r.failures is not None else int(r.outcome in ("FAILED", "error"))
        lines.append(
            f"{name(r):<{width}}  {trials:>6}  {failures:>8}  {r.seconds:>6.1f}  {r.outcome}"
        )
    total_trials = sum(r.trials if r.trials is not None else 1 for r in rows)
    total_failures = sum(
        r.failures if r.failures is not None else int(r.outcome in ("FAILED", "error"))
        for r in rows
    )
    lines.append("-" * len(lines[0]))
    lines.append(
        f"{'total (' + str(len(rows)) + ' tests)':<{width}}  {total_trials:>6}  "
        f"{total_failures:>8}  {sum(r.seconds for r in rows):>6.1f}"
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    os.chdir(ROOT)
    collector = Collector()
    started = time.monotonic()
    code = pytest.main(
        ["-m", "reliability", "tests/reliability", "-q", "-p", "no:cacheprovider", *argv],
        plugins=[collector],
    )
    elapsed = time.monotonic() - started
    rows = sorted(collector.rows.values(), key=lambda r: r.test)
    if rows:
        print()
        print(_table(rows))
    print(f"\nreliability: {elapsed:.0f} s wall, pytest exit status {int(code)}")
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
