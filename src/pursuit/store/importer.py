"""`pursuit import`: a tracker spreadsheet (CSV) or pursuit's own JSON export.

Both kinds run in one write transaction: a bad row is reported and skipped, the rest goes
in whole or not at all. Rows already present are recognised and left alone, so importing
the same file twice adds nothing the second time. The transaction is recorded for undo
like any other change, so `pursuit undo` takes a whole import back.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from pursuit.domain.date_range import RANGE_WORDS, in_range
from pursuit.domain.dates.days import DateOrder
from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.people import Person, PersonParseError, parse_person
from pursuit.domain.spreadsheet.cells import unsafe_cell as _unsafe
from pursuit.domain.spreadsheet.columns import SheetMap, is_checked, map_sheet
from pursuit.domain.spreadsheet.dates import date_evidence, parse_sheet_date
from pursuit.domain.spreadsheet.headers import MappingError
from pursuit.domain.status import Status, StatusError
from pursuit.domain.text import clean_name, clean_text
from pursuit.store import portable
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.files import read_limited
from pursuit.store.unit import write_session
from pursuit.store.world import World
from pursuit.store.writer import run
from pursuit.store.writes.imports import Batch, Imported, SheetRow, already_there, import_row

# Files bigger than this are not a job search; refuse before reading them into memory.
MAX_BYTES = 50 * 1024 * 1024
_EMAIL = re.compile(r"[^\s<>,;@]+@[^\s<>,;@]+\.[^\s<>,;@]+")


@dataclass(frozen=True)
class Problem:
    where: str
    """"line 7" for CSV, "application[3]" for JSON."""
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class SampleRow:
    """A row of the file as it will be stored: what `import --dry-run` shows."""

    line: int
    values: tuple[tuple[str, str], ...]
    """(what, value), in a fixed order, empty values left out."""

    def __str__(self) -> str:
        return f"line {self.line}: " + "; ".join(f"{k}: {v}" for k, v in self.values)


@dataclass
class ImportReport:
    kind: str
    """csv or json."""
    dry_run: bool
    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    """JSON only: rows created per table."""
    layout: str = ""
    """CSV: the tracker the file was recognised as ("Huntr"), or "spreadsheet"."""
    mapping: list[str] = field(default_factory=list)
    """CSV: one line per column, '"companyName" → company (Huntr's column)'."""
    dates: list[str] = field(default_factory=list)
    """CSV: how each date column's day/month order was decided."""
    sample: list[SampleRow] = field(default_factory=list)
    """CSV: the first three usable rows as they will be stored."""

    @property
    def nothing_usable(self) -> bool:
        return not self.created and not self.present and bool(self.problems)

    def mapping_lines(self) -> list[str]:
        """What a dry run prints before the rows: the tracker, each column, the dates."""
        if self.kind != "csv":
            return []
        return [
            f"Read as: {self.layout}",
            *(f"  {line}" for line in self.mapping),
            *(f"  {line}" for line in self.dates),
        ]

    def sample_lines(self) -> list[str]:
        return [str(row) for row in self.sample]


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_file(
    ctx: Ctx,
    path: Path,
    *,
    dry_run: bool = False,
    day_first: bool = False,
    date_order: DateOrder | None = None,
    overrides: Sequence[str] = (),
) -> ImportReport:
    """Import `path` (CSV or pursuit JSON, told apart by content). Raises InputError when
    the file as a whole cannot be used; bad rows are listed in the report instead.

    `date_order` (or `day_first`, the same as "day-first") reads numeric dates when the
    file does not settle their order itself; without it the setting `date_order` is used.
    `overrides` are column mappings such as "Stage=status"."""
    text = _read_text(path)
    if text.lstrip().startswith("{"):
        if overrides:
            raise InputError("column mappings are for a CSV file; this is pursuit's own JSON")
        return import_json(ctx, text, label=path.name, dry_run=dry_run)
    order = "day-first" if day_first else date_order
    return import_csv(
        ctx, text, label=path.name, dry_run=dry_run, date_order=order, overrides=overrides
    )


def _read_text(path: Path) -> str:
    # A regular file only (never a pipe or a device), read up to the limit and no further.
    raw = read_limited(path, MAX_BYTES)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows still saves "CSV" in the ANSI code page.
        return raw.decode("cp1252", errors="replace")


def _run(ctx: Ctx, label: str, dry_run: bool, body: Any) -> None:
    try:
        with write_session(ctx.db, label=label, now=ctx.now) as session:
            body(session)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass


# --- CSV -----------------------------------------------------------------------------------


def _delimiter(header_line: str) -> str:
    # Sniffing whole files misfires on commas inside notes; the header line does not lie.
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass
class Sheet:
    """A tracker CSV read and mapped, before anything is written."""

    rows: list[SheetRow]
    problems: list[Problem]
    mapping: SheetMap
    dates: list[str]
    """How each date column's order was decided, one line each."""


_DATE_FIELDS = ("applied", "follow_up")


def read_sheet(
    ctx: Ctx,
    text: str,
    *,
    date_order: DateOrder | None = None,
    overrides: Sequence[str] = (),
) -> Sheet:
    """The rows of a tracker CSV and the problems of the rows that cannot be used."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        headers = next(reader)
    except StopIteration:
        raise InputError("the file is empty") from None
    except csv.Error as exc:
        raise InputError(f"line 1: {exc}") from None
    records: list[tuple[int, list[str]]] = []
    problems: list[Problem] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(f"line {start}", str(exc)))
            break
        line = reader.line_num
        if any(c.strip() for c in cells):
            records.append((start, cells))
    try:
        mapping = map_sheet(headers, [cells for _, cells in records], overrides)
    except MappingError as exc:
        raise InputError(str(exc)) from None
    if mapping.index("company") is None:
        shown = ", ".join(h.strip() for h in headers if h.strip())[:200]
        raise InputError(f'no "company" column; the headers are: {shown}')
    orders, dates = _date_orders(ctx, headers, records, mapping, date_order)
    rows: list[SheetRow] = []
    for start, cells in records:
        try:
            rows.append(_sheet_row(ctx, start, headers, cells, mapping, orders))
        except (InputError, StatusError, DateParseError) as exc:
            problems.append(Problem(f"line {start}", str(exc)))
    problems.sort(key=lambda p: int(p.where.split()[-1]))
    return Sheet(rows, problems, mapping, dates)


def _date_orders(
    ctx: Ctx,
    headers: list[str],
    records: list[tuple[int, list[str]]],
    mapping: SheetMap,
    said: DateOrder | None,
) -> tuple[dict[str, DateOrder | None], list[str]]:
    """The day/month order of each date column: proved by the column itself (a first
    number over 12 is a day), else by the file's other date columns, else as the user
    said (or the setting), else none needed if no date reads two ways; else the file is
    refused, never read on a guess."""
    columns = {f: i for f in _DATE_FIELDS if (i := mapping.index(f)) is not None}
    evidence = {
        f: date_evidence((line, cells[i] if i < len(cells) else "") for line, cells in records)
        for f, i in columns.items()
    }
    proved = {e.order for e in evidence.values() if e.order is not None}
    file_order = proved.pop() if len(proved) == 1 else None
    setting = ctx.settings.date_order
    orders: dict[str, DateOrder | None] = {}
    lines: list[str] = []
    for name, seen in evidence.items():
        header = " ".join(headers[columns[name]].split())
        if seen.day_first and seen.month_first:
            if said is None:
                raise InputError(
                    f'the dates in "{header}" mix day first (line {seen.day_first.line}: '
                    f'"{seen.day_first.text}") and month first (line {seen.month_first.line}: '
                    f'"{seen.month_first.text}"); fix the file or say which with '
                    "--day-first or --month-first"
                )
            orders[name] = said
            lines.append(f'"{header}": {_words(said)} (as you said; the file has both)')
        elif seen.order is not None:
            proof = seen.day_first or seen.month_first
            assert proof is not None
            orders[name] = seen.order
            lines.append(f'"{header}": {_words(seen.order)} (line {proof.line}: "{proof.text}")')
        elif seen.unclear is None:
            orders[name] = None
        elif file_order is not None:
            orders[name] = file_order
            lines.append(f'"{header}": {_words(file_order)} (as the other date column shows)')
        elif said is not None:
            orders[name] = said
            lines.append(f'"{header}": {_words(said)} (as you said)')
        elif setting is not None:
            orders[name] = setting
            lines.append(f'"{header}": {_words(setting)} (the date_order setting)')
        else:
            raise InputError(
                f'"{seen.unclear.text}" in "{header}" (line {seen.unclear.line}) could be day '
                "first or month first, and no date in the file settles it (none has a first "
                "or second number over 12); say which with --day-first or --month-first"
            )
    return orders, lines


def _words(order: DateOrder) -> str:
    return "day first (31/12/2026)" if order == "day-first" else "month first (12/31/2026)"


def _sheet_row(
    ctx: Ctx,
    line: int,
    headers: list[str],
    cells: list[str],
    mapping: SheetMap,
    orders: dict[str, DateOrder | None],
) -> SheetRow:
    def cell(name: str) -> str:
        index = mapping.index(name)
        if index is None or index >= len(cells):
            return ""
        return _unsafe(cells[index]).strip()

    def date_cell(name: str) -> datetime | None:
        text = cell(name)
        if not text:
            return None
        return parse_sheet_date(text, ctx.now, ctx.tz, order=orders.get(name))

    company = clean_name(cell("company"))
    if not company:
        raise InputError("no company")
    role = clean_name(cell("role"))
    if not role:
        raise InputError(f"{company}: no role")
    try:
        status = mapping.status(cell("status")) if cell("status") else Status.APPLIED
        applied_at = date_cell("applied")
        follow_up = date_cell("follow_up")
    except (StatusError, DateParseError) as exc:
        raise InputError(f"{company}: {exc}") from None
    if applied_at is not None and applied_at > ctx.now + timedelta(days=1):
        raise InputError(f"{company}: the date applied is in the future")
    notes = [clean_text(cell("notes"), multiline=True).strip()]
    contacts = _contacts(cell("contact"), notes)
    if status == Status.WISHLIST and applied_at is not None:
        # Not applied yet: the date is when it was saved, which is worth keeping as a note.
        notes.append(f"Saved: {applied_at.astimezone(ctx.tz):%Y-%m-%d}")
        applied_at = None
    if follow_up is not None and (follow_up <= ctx.now or status not in _FOLLOWED_UP):
        # Passed, or nothing to follow up: the tracker's plan is kept, pursuit plans anew.
        notes.append(f"Follow up (from the file): {follow_up.astimezone(ctx.tz):%Y-%m-%d}")
        follow_up = None
    for index in mapping.extra:
        value = _unsafe(cells[index]).strip() if index < len(cells) else ""
        if value:
            notes.append(f"{clean_name(headers[index])}: {clean_text(value, multiline=True)}")
    for value in cells[len(headers) :]:
        if value.strip():
            notes.append(clean_text(_unsafe(value), multiline=True).strip())
    return SheetRow(
        line=line,
        company=company,
        role=role,
        status=status,
        applied_at=applied_at,
        url=clean_name(cell("url")) or None,
        source=_source(mapping, headers, cell("source")),
        salary=_salary(cell("salary"), cell("salary_min"), cell("salary_max")),
        contacts=tuple(contacts),
        notes="\n".join(n for n in notes if n),
        follow_up_at=follow_up,
    )


# Statuses that keep a follow-up reminder (a hold keeps a slower one).
_FOLLOWED_UP = frozenset(
    {Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.OFFER, Status.ON_HOLD}
)


def _source(mapping: SheetMap, headers: list[str], value: str) -> str | None:
    index = mapping.index("source")
    if index is not None and mapping.kinds[index] == "checkbox":
        # Notion's "Referral" checkbox: ticked, the source is a referral; not, none given.
        return clean_name(headers[index]).rstrip("?").strip() or None if is_checked(value) else None
    return clean_name(value) or None


def _salary(salary: str, low: str, high: str) -> str | None:
    """The salary column, or Teal's two: "120000–150000", or the one given."""
    low, high = clean_name(low), clean_name(high)
    if clean_name(salary):
        return clean_name(salary)
    if low and high and low != high:
        return f"{low}–{high}"
    return low or high or None


def _contacts(text: str, notes: list[str]) -> list[tuple[Person, str | None]]:
    """ "Jane Doe (Recruiter) <jane@acme.example>; Bob Lee" -> two people."""
    found: list[tuple[Person, str | None]] = []
    for part in re.split(r"[;\n]", text):
        part = clean_name(part)
        if not part:
            continue
        m = _EMAIL.search(part)
        email = m.group(0) if m else None
        name = clean_name(_EMAIL.sub("", part).replace("<>", "").strip(" <>,")) if m else part
        try:
            found.append((parse_person(name or part), email))
        except PersonParseError:
            # A contact cell we cannot split into name and role is still worth keeping.
            notes.append(f"Contact: {part}")
    return found


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
            raise _DryRun

    # The file was read and parsed before this; the rows are worked out before the write
    # lock is taken, and the transaction only writes them (`store.writer.run`).
    with contextlib.suppress(_DryRun):
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


# --- JSON ----------------------------------------------------------------------------------


def import_json(ctx: Ctx, text: str, *, label: str, dry_run: bool = False) -> ImportReport:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise InputError("not a pursuit export (nested too deeply)") from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise InputError(f"not a pursuit export ({exc})") from None
    tables = portable.check_document(doc)
    report = ImportReport("json", dry_run)
    _run(ctx, f"import {label}", dry_run, lambda s: _write_tables(s, tables, report))
    return report


def _write_tables(session: Session, tables: dict[str, list[Any]], report: ImportReport) -> None:
    ids: dict[str, dict[int, int]] = {}
    for spec in portable.SPECS:
        ids[spec.table] = mapping = {}
        rows = tables.get(spec.table, [])
        present = session.exec(select(spec.model)).all()
        existing = {spec.key_of(obj): obj for obj in present}
        # Every id is chosen here, none by SQLite: the file's own id where it is free (so
        # an import into an empty database exports back to the very same file), else one
        # above both the table's and the file's ids, so no later row's own id is taken.
        taken = {i for i in (getattr(obj, "id", None) for obj in present) if isinstance(i, int)}
        wanted = {r["id"] for r in rows if isinstance(r, dict) and isinstance(r.get("id"), int)}
        spare = max(taken | wanted, default=0) + 1
        created = 0
        for index, raw in enumerate(rows):
            where = f"{spec.table}[{index}]"
            try:
                old_id, values = spec.read_row(raw, ids)
            except portable.RowError as exc:
                report.problems.append(Problem(where, str(exc)))
                continue
            key = spec.key(values)
            found = existing.get(key)
            if found is not None:
                live = values.get("deleted_at") is None
                if spec.unique and live and getattr(found, "deleted_at", None) is not None:
                    found.deleted_at = None  # a soft-deleted company comes back
                    session.add(found)
                if spec.has_id:
                    mapping[old_id] = getattr(found, "id")  # noqa: B009
                report.present.append(where)
                continue
            if spec.has_id:
                if old_id in taken:
                    values["id"], spare = spare, spare + 1
                else:
                    values["id"] = old_id
                taken.add(values["id"])
                mapping[old_id] = values["id"]
            obj = spec.model(**values)
            session.add(obj)
            existing[key] = obj
            created += 1
            report.created.append(where)
        session.flush()
        report.counts[spec.table] = created
