"""Issue #10's row: R2's check as `thanks` runs it, a 300-word note against a company's
10 MB sent note, beside a 300-word note against a 300-word one measured in the same run.

    .venv/bin/python bench/similarity_row.py             just this row (and its baseline)
    .venv/bin/python bench/similarity_row.py --before    also the pre-#10 algorithm, once

The figure is the domain check alone, in this process: `too_similar` over the two texts
with the threshold and names `mark_thanks` passes, no database. Both are timed
round-robin, so that they see the same machine load.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Row

SRC = Path(__file__).resolve().parent.parent / "src"
TARGET_MS = 500.0
_WORDS = (
    "thank you for taking the time to talk with me today about the backend engineer role "
    "I enjoyed hearing how your team runs the billing service its on call rotation and the "
    "migration to event sourcing our conversation about mentoring code review and the data "
    "platform made the work feel concrete and I would be glad to help Acme with it please "
    "let me know if I can share anything else that would help your decision next steps"
)
_VOCAB = _WORDS.split()


def prose(words: int, seed: int) -> str:
    """`words` words of note-like text with a full stop every dozen words."""
    chosen = random.Random(seed).choices(_VOCAB, k=words)
    for i in range(11, words, 12):
        chosen[i] += "."
    return " ".join(chosen)


def ten_mb(seed: int) -> str:
    """10 MB (and a few words) of such text, none of it repeated."""
    per_word = len(prose(10_000, seed)) / 10_000
    return prose(int(10_000_000 / per_word * 1.01), seed)


def _check(note: str, other: str) -> Callable[[], object]:
    """R2 as `mark_thanks` calls it: this contact's name, then the sent notes' contacts."""
    sys.path.insert(0, str(SRC))
    from pursuit.domain.settings import DEFAULTS
    from pursuit.domain.similarity import too_similar

    sent = [("Bob Lee", other)]
    names = ["Jane Doe", *(n for n, _ in sent)]
    threshold = DEFAULTS.similarity_threshold
    return lambda: too_similar(note, sent, threshold=threshold, names=names)


def _time(call: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def similarity_rows(repeat: int, warm: int = 1) -> list[Row]:
    """The baseline (300 vs 300 words) and issue #10's row, judged against 500 ms."""
    note, small, big = prose(300, 1), prose(300, 2), ten_mb(3)
    assert len(note.split()) == 300 and len(big) >= 10_000_000
    calls = {"base": _check(note, small), "big": _check(note, big)}
    samples: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in calls}
    for i in range(warm + repeat):
        for name, call in calls.items():
            wall, cpu = _time(call)
            if i >= warm:
                samples[name][0].append(wall)
                samples[name][1].append(cpu)
    base = Row("R2 check: 300-word note vs 300-word sent note", "ms", *samples["base"][:1])
    base.cpu = samples["base"][1]
    row = Row("thanks: 300-word note, company has a 10 MB sent note (R2 check)", "ms")
    row.samples, row.cpu = samples["big"]
    row.baseline = base.measure
    row.ratio = row.median / base.median
    row.target = f"< {TARGET_MS:g} ms"
    row.ok = row.median < TARGET_MS
    return [base, row]


def before_row() -> Row:
    """The pre-#10 algorithm on the same texts, once: difflib over every word."""
    from difflib import SequenceMatcher

    word = re.compile(r"\w+")
    note, big = prose(300, 1), ten_mb(3)
    names = {"jane", "doe", "bob", "lee"}

    def old() -> float:
        wa = [w for w in word.findall(note.lower()) if w not in names]
        wb = [w for w in word.findall(big.lower()) if w not in names]
        return SequenceMatcher(None, wa, wb, autojunk=False).ratio()

    wall, cpu = _time(old)
    row = Row("before #10: the same check, difflib over all words", "ms", [wall], cpu=[cpu])
    row.note = "for reference, one run"
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--before", action="store_true", help="also time the old algorithm")
    args = parser.parse_args()
    from run import print_table

    rows = similarity_rows(args.repeat)
    if args.before:
        rows.append(before_row())
    print_table(rows)
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
