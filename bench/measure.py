"""Timing helpers: whole processes (wall and CPU), interleaved so that every command of a
group sees the same machine load, and summaries as median, min and max."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field


@dataclass
class Row:
    """One line of the table."""

    measure: str
    unit: str
    samples: list[float] = field(default_factory=list)
    baseline: str | None = None
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None
    note: str = ""
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data.update(
            median=self.median,
            min=min(self.samples, default=None),
            max=max(self.samples, default=None),
            cpu_median=statistics.median(self.cpu) if self.cpu else None,
        )
        return data


def run_once(
    argv: Sequence[str], env: Mapping[str, str], *, cwd: str | None = None
) -> tuple[float, float]:
    """(wall ms, CPU ms) of one run; raises if the command fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), env=dict(env), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {err.strip()}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def interleaved(
    commands: Mapping[str, Sequence[str]],
    env: Mapping[str, str],
    *,
    repeat: int,
    warmup: int = 1,
    envs: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, tuple[list[float], list[float]]]:
    """Run each command `repeat` times, round-robin; {name: (wall ms list, CPU ms list)}.
    `envs` gives a command an environment of its own instead of `env`."""
    envs = envs or {}
    for _ in range(warmup):
        for name, argv in commands.items():
            run_once(argv, envs.get(name, env))
    out: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            wall, cpu = run_once(argv, envs.get(name, env))
            out[name][0].append(wall)
            out[name][1].append(cpu)
    return out


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)
