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
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from pursuit.domain.date_range import RANGE_WORDS, in_range
from pursuit.domain.dates import DateParseError
from pursuit.domain.people import Person, PersonParseError, parse_person
from pursuit.domain.spreadsheet import map_headers, parse_sheet_date, parse_tracker_status
from pursuit.domain.spreadsheet import unsafe_cell as _unsafe
from pursuit.domain.status import Status, StatusError
from pursuit.domain.text import clean_name, clean_text
from pursuit.store import portable
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.files import read_limited
from pursuit.store.unit import write_session
from pursuit.store.world import World
from pursuit.store.writer import run
from pursuit.store.writes.imports import SheetRow, already_there, import_row

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

    @property
    def nothing_usable(self) -> bool:
        return not self.created and not self.present and bool(self.problems)


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_file(
    ctx: Ctx, path: Path, *, dry_run: bool = False, day_first: bool = False
) -> ImportReport:
    """Import `path` (CSV or pursuit JSON, told apart by content). Raises InputError when
    the file as a whole cannot be used; bad rows are listed in the report instead."""
    text = _read_text(path)
    if text.lstrip().startswith("{"):
        return import_json(ctx, text, label=path.name, dry_run=dry_run)
    return import_csv(ctx, text, label=path.name, dry_run=dry_run, day_first=day_first)


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


def read_sheet(
    ctx: Ctx, text: str, *, day_first: bool = False
) -> tuple[list[SheetRow], list[Problem]]:
    """The rows of a tracker CSV and the problems of the rows that cannot be used."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        headers = next(reader)
    except StopIteration:
        raise InputError("the file is empty") from None
    except csv.Error as exc:
        raise InputError(f"line 1: {exc}") from None
    fields, extra = map_headers(headers)
    if "company" not in fields:
        shown = ", ".join(h.strip() for h in headers if h.strip())[:200]
        raise InputError(f'no "company" column; the headers are: {shown}')
    rows: list[SheetRow] = []
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
        if not any(c.strip() for c in cells):
            continue
        try:
            rows.append(_sheet_row(ctx, start, headers, cells, fields, extra, day_first))
        except (InputError, StatusError, DateParseError) as exc:
            problems.append(Problem(f"line {start}", str(exc)))
    return rows, problems


def _sheet_row(
    ctx: Ctx,
    line: int,
    headers: list[str],
    cells: list[str],
    fields: dict[str, int],
    extra: list[int],
    day_first: bool,
) -> SheetRow:
    def cell(name: str) -> str:
        index = fields.get(name)
        if index is None or index >= len(cells):
            return ""
        return _unsafe(cells[index]).strip()

    company = clean_name(cell("company"))
    if not company:
        raise InputError("no company")
    role = clean_name(cell("role"))
    if not role:
        raise InputError(f"{company}: no role")
    try:
        status = parse_tracker_status(cell("status")) if cell("status") else Status.APPLIED
        applied_at = None
        if cell("applied"):
            applied_at = parse_sheet_date(cell("applied"), ctx.now, ctx.tz, day_first=day_first)
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
    for index in extra:
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
        source=clean_name(cell("source")) or None,
        salary=clean_name(cell("salary")) or None,
        contacts=tuple(contacts),
        notes="\n".join(n for n in notes if n),
    )


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


def import_csv(
    ctx: Ctx, text: str, *, label: str, dry_run: bool = False, day_first: bool = False
) -> ImportReport:
    rows, problems = read_sheet(ctx, text, day_first=day_first)
    rows = _keepable(rows, problems)
    report = ImportReport("csv", dry_run, problems=problems)
    if not rows:
        return report

    def rule(w: World) -> None:
        report.created.clear()
        report.present.clear()
        for row in rows:
            if already_there(w, ctx, row):
                report.present.append(row.describe(ctx))
            else:
                import_row(w, ctx, row)
                report.created.append(row.describe(ctx))
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
        if row.applied_at is not None and not in_range(row.applied_at):
            day = row.applied_at.date().isoformat()
            problems.append(
                Problem(f"line {row.line}", f"{row.company}: {day} is outside {RANGE_WORDS}")
            )
        else:
            kept.append(row)
    problems.sort(key=lambda p: int(p.where.split()[-1]) if p.where[-1:].isdigit() else 0)
    return kept


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
