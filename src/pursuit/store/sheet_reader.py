"""Reading a tracker spreadsheet (CSV): its delimiter and headers, the column mapping, the
day/month order of its dates, and each row with its contacts cell, before anything is
written."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from pursuit.domain.dates.days import DateOrder
from pursuit.domain.dates.errors import DateParseError
from pursuit.domain.people import Person, PersonParseError, parse_person
from pursuit.domain.spreadsheet.cells import unsafe_cell as _unsafe
from pursuit.domain.spreadsheet.columns import SheetMap, is_checked, map_sheet
from pursuit.domain.spreadsheet.dates import date_evidence, parse_sheet_date
from pursuit.domain.spreadsheet.headers import MappingError
from pursuit.domain.status import Status, StatusError
from pursuit.domain.text import clean_name, clean_text
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.files import MAX_IMPORT_BYTES
from pursuit.store.import_report import Problem
from pursuit.store.writes.imports import SheetRow

# The csv module stops at fields of 131,072 characters, and a reader cannot resume after
# that: every row after the field would be lost. A field can be as long as the file that
# holds it, so the limit is the import limit. It is the process's setting, only ever
# raised here, and nothing in pursuit relies on the lower one.
csv.field_size_limit(max(csv.field_size_limit(), MAX_IMPORT_BYTES))

_EMAIL = re.compile(r"[^\s<>,;@]+@[^\s<>,;@]+\.[^\s<>,;@]+")


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
            # The reader cannot go on past this, so skipping the row would silently drop
            # every row after it: the file is refused whole instead.
            raise InputError(f"line {start}: {exc}; nothing was imported") from None
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
