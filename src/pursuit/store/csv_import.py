"""Importing a tracker spreadsheet: the rows `sheet_reader` read, written in one
transaction, those already there left alone; a dry run rolls back."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime

from pursuit.domain.date_range import RANGE_WORDS, in_range
from pursuit.domain.dates.days import DateOrder
from pursuit.store.context import Ctx
from pursuit.store.import_report import DryRun, ImportReport, Problem, SampleRow
from pursuit.store.sheet_reader import read_sheet
from pursuit.store.world import World
from pursuit.store.writer import run
from pursuit.store.writes.imports import Batch, Imported, SheetRow, already_there, import_row

_SAMPLE = 3


def import_csv(
    ctx: Ctx,
    text: str,
    *,
    label: str,
    dry_run: bool = False,
    date_order: DateOrder | None = None,
    overrides: Sequence[str] = (),
) -> ImportReport:
    sheet = read_sheet(ctx, text, date_order=date_order, overrides=overrides)
    rows = _keepable(sheet.rows, sheet.problems)
    report = ImportReport(
        "csv",
        dry_run,
        problems=sheet.problems,
        layout=sheet.mapping.layout,
        mapping=sheet.mapping.lines(),
        dates=sheet.dates,
    )
    if not rows:
        return report

    def rule(w: World) -> None:
        report.created.clear()
        report.present.clear()
        report.sample.clear()
        batch = Batch()
        for row in rows:
            done = None
            if already_there(w, ctx, row):
                report.present.append(row.describe(ctx))
            else:
                done = import_row(w, ctx, row, batch)
                report.created.append(row.describe(ctx))
            if len(report.sample) < _SAMPLE:
                report.sample.append(_sample(ctx, row, done))
        w.label = f"import {label}"
        if dry_run:
            raise DryRun

    # The file was read and parsed before this; the rows are worked out before the write
    # lock is taken, and the transaction only writes them (`store.writer.run`).
    with contextlib.suppress(DryRun):
        run(ctx, rule, label=f"import {label}")
    return report


def _keepable(rows: list[SheetRow], problems: list[Problem]) -> list[SheetRow]:
    """The rows whose dates pursuit can keep (domain/date_range.py); the others become
    problems of their line, like any bad cell."""
    kept = []
    for row in rows:
        outside = [
            at for at in (row.applied_at, row.follow_up_at) if at is not None and not in_range(at)
        ]
        if outside:
            day = outside[0].date().isoformat()
            problems.append(
                Problem(f"line {row.line}", f"{row.company}: {day} is outside {RANGE_WORDS}")
            )
        else:
            kept.append(row)
    problems.sort(key=lambda p: int(p.where.split()[-1]) if p.where[-1:].isdigit() else 0)
    return kept


def _sample(ctx: Ctx, row: SheetRow, done: Imported | None) -> SampleRow:
    def day(at: datetime | None) -> str:
        return f"{at.astimezone(ctx.tz):%Y-%m-%d}" if at else ""

    follow = ""
    if done is not None and done.follow_up_due is not None:
        guess = " (a guess)" if done.follow_up_guessed else ""
        follow = f"{done.follow_up_due.astimezone(ctx.tz):%Y-%m-%d %H:%M}{guess}"
    elif done is None:
        follow = "(already there)"
    people = ", ".join(str(p) + (f" <{e}>" if e else "") for p, e in row.contacts)
    values = (
        ("company", row.company),
        ("role", row.role),
        ("status", row.status.label),
        ("applied", day(row.applied_at)),
        ("follow up", follow),
        ("link", row.url or ""),
        ("source", row.source or ""),
        ("salary", row.salary or ""),
        ("contacts", people),
        ("notes", " | ".join(row.notes.splitlines())),
    )
    return SampleRow(row.line, tuple((k, _short(v)) for k, v in values if v))


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:79] + "…"
