"""Importing a big tracker export, and what other writers see while it runs (issue 10).

The import works out its rows before it takes the write lock and then only writes, so a
`pursuit add` started meanwhile waits at most for the inserts, never for the parsing.
"""

from __future__ import annotations

import csv
import random
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

from measure import Row, run_once

STATUSES = ("applied", "screening", "interviewing", "rejected", "ghosted", "offer", "wishlist")
ROLES = ("SRE", "Backend Engineer", "Data Engineer", "Platform Engineer")


def write_sheet(path: Path, rows: int, *, seed: int = 10) -> Path:
    """A tracker export in the shape people keep: dates, a contact, a source, notes."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["Company", "Role", "Status", "Date Applied", "Contact", "Source", "Notes"])
        for i in range(rows):
            out.writerow(
                [
                    f"Firm {i:05d}",
                    rng.choice(ROLES),
                    rng.choice(STATUSES),
                    f"2026-0{rng.randint(1, 2)}-{rng.randint(1, 28):02d}",
                    f"Person {i} (Recruiter) <p{i}@firm.example>",
                    rng.choice(("referral", "job board", "recruiter")),
                    "Met at a meetup; liked the team's on-call story.",
                ]
            )
    return path


def import_rows(pursuit: str, env: Mapping[str, str], tmp: Path, *, rows: int) -> list[Row]:
    sheet = write_sheet(tmp / "tracker.csv", rows)
    runs = 1 if rows < 1000 else 3
    walls: list[float] = []
    cpus: list[float] = []
    for i in range(runs):
        db = tmp / f"import-{i}.db"
        wall, cpu = run_once([pursuit, "--db", str(db), "import", str(sheet)], env)
        walls.append(wall / 1000)
        cpus.append(cpu / 1000)
    whole = Row(f"pursuit import: {rows:,}-row CSV into a new file", "s", walls, cpu=cpus)
    whole.target, whole.ok = "< 10 s", max(walls) < 10
    return [whole, _adds_during_import(pursuit, env, tmp, sheet, rows, min(walls))]


def _adds_during_import(
    pursuit: str, env: Mapping[str, str], tmp: Path, sheet: Path, rows: int, expected: float
) -> Row:
    """Four `pursuit add` started at points through an import: all must succeed."""
    db = tmp / "busy.db"
    run_once([pursuit, "--db", str(db), "add", "Seed Co", "Engineer"], env)
    started = time.perf_counter()
    importing = subprocess.Popen(
        [pursuit, "--db", str(db), "import", str(sheet)],
        env=dict(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    adds: list[tuple[float, subprocess.Popen[bytes]]] = []
    for share in (0.25, 0.5, 0.75, 0.95):
        # Launch points spread over the import, the last ones inside its write.
        time.sleep(max(0.0, started + expected * share - time.perf_counter()))
        adds.append(
            (
                time.perf_counter(),
                subprocess.Popen(
                    [pursuit, "--db", str(db), "add", f"Busy {share}", "Engineer"],
                    env=dict(env),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                ),
            )
        )
    waits: list[float] = []
    failed = 0
    for launched, proc in adds:
        proc.wait()
        waits.append(time.perf_counter() - launched)
        failed += proc.returncode != 0
    importing.wait()
    failed += importing.returncode != 0
    row = Row(f"pursuit add x4 during a {rows:,}-row import: slowest", "s", [max(waits)])
    row.target, row.ok = "all succeed", failed == 0
    row.note = f"{failed} failed" if failed else "all four and the import succeeded"
    return row
