"""Column widths for a pane at any width: a pure function of the columns and the width.

Each column has a narrowest useful width, a width it is comfortable at, a share of any
room left over, and a rank in which columns give way when even the narrowest widths do
not fit (the least important first). The same width always gives the same layout, so a
pane resized to a width looks exactly as one started at that width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PAD = 2
"""Each shown column is padded by one cell on either side."""


@dataclass(frozen=True)
class Column:
    title: str
    least: int
    """The narrowest useful width; below it the column is dropped instead."""
    ideal: int
    """Comfortable: columns grow to this, most important first, before any grows further."""
    grow: int = 0
    """Its share of what is left once every column is at its ideal width."""
    drop: int = 0
    """0: never dropped. Otherwise the higher, the sooner it gives way."""


def fit(columns: Sequence[Column], width: int) -> list[int]:
    """The width of each column at a pane `width` cells wide (0: not shown)."""
    shown = list(range(len(columns)))

    def need() -> int:
        return sum(columns[i].least + PAD for i in shown)

    while need() > width:
        droppable = [i for i in shown if columns[i].drop]
        if not droppable:
            break  # nothing more can go: the last columns are cut at the edge
        shown.remove(max(droppable, key=lambda i: (columns[i].drop, i)))
    widths = [0] * len(columns)
    for i in shown:
        widths[i] = columns[i].least
    room = width - need()
    # Up to the ideal width a cell at a time, round the columns, the most important (never
    # dropped, then dropped last) first: a little room is shared, not given to one.
    order = sorted(shown, key=lambda i: (columns[i].drop, i))
    while room > 0:
        wanting = [i for i in order if widths[i] < columns[i].ideal]
        if not wanting:
            break
        for i in wanting[:room]:
            widths[i] += 1
            room -= 1
    growers = [i for i in shown if columns[i].grow]
    total = sum(columns[i].grow for i in growers)
    if room > 0 and total:
        given = 0
        for i in growers:
            share = room * columns[i].grow // total
            widths[i] += share
            given += share
        # What integer shares leave goes to the first grower.
        widths[growers[0]] += room - given
    return widths
