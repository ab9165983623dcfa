"""`pursuit export`: pursuit's own JSON (lossless) and a CSV for spreadsheets.

Both read one consistent snapshot. Files are written owner-only and atomically, so a
calendar or script watching the file never reads half of it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from datetime import datetime, tzinfo
from pathlib import Path

from pursuit.domain.spreadsheet.cells import safe_cell
from pursuit.domain.text import json_for_terminal
from pursuit.store import application_reads, portable
from pursuit.store.database import Database
from pursuit.store.errors import InputError
from pursuit.store.sqlite import user_version
from pursuit.store.timefmt import opt_from_db

CSV_HEADERS = (
    "Company",
    "Role",
    "Status",
    "Date Applied",
    "URL",
    "Source",
    "Salary",
    "Contact",
    "Notes",
    "Last Touch",
    "Next Action",
    "Next Due",
)


def export_json(db: Database) -> bytes:
    """Every live row, in id order, with the format version: the same data always gives
    the same bytes, so an export of an import of an export is identical to it."""
    with db.read() as conn:
        tables = portable.live_rows(conn)
        schema = user_version(conn)
    doc = {
        "format": portable.FORMAT,
        "version": portable.VERSION,
        "schema": schema,
        "tables": tables,
    }
    # Exact for any JSON reader; what a terminal would act on (a C1 code, a bidi
    # override) is a \u escape, so `cat search.json` is as safe as `pursuit export`.
    return (json_for_terminal(doc, indent=2) + "\n").encode("utf-8")


def _local(when: datetime | None, tz: tzinfo) -> str:
    return "" if when is None else f"{when.astimezone(tz):%Y-%m-%d %H:%M}"


def export_csv(db: Database, tz: tzinfo) -> bytes:
    """One row per live application (closed ones too), in columns `pursuit import` reads
    back. Cells a spreadsheet would run as formulas start with an apostrophe."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    with db.read() as conn:
        derived = {r.id: r for r in application_reads.applications(conn, include_closed=True)}
        people: dict[int, list[str]] = {}
        for company_id, name, role in conn.execute(
            "SELECT company_id, name, role FROM contact WHERE deleted_at IS NULL ORDER BY id"
        ):
            people.setdefault(int(company_id), []).append(f"{name} ({role})" if role else name)
        rows = conn.execute(
            "SELECT a.id, c.name, a.title, a.status, a.applied_at, a.url, a.source, a.salary,"
            " a.notes, a.company_id FROM application a JOIN company c ON c.id = a.company_id"
            " WHERE a.deleted_at IS NULL ORDER BY lower(c.name), a.applied_at, a.id"
        ).fetchall()
    for app_id, company, title, status, applied, url, source, salary, notes, cid in rows:
        row = derived.get(app_id)
        next_action = ""
        if row is not None and row.next_kind:
            next_action = row.next_kind.replace("_", "-")
            if row.next_contact:
                next_action += f" {row.next_contact}"
        cells = [
            company,
            title,
            status.replace("_", " "),
            _local(opt_from_db(applied), tz),
            url or "",
            source or "",
            salary or "",
            "; ".join(people.get(cid, [])),
            notes or "",
            _local(row.last_touch if row else None, tz),
            next_action,
            _local(row.next_at if row else None, tz),
        ]
        writer.writerow([safe_cell(str(c)) for c in cells])
    return buf.getvalue().encode("utf-8")


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` owner-only (0600) and atomically: a temporary file in the same
    folder, fsynced, then renamed over the target."""
    path = path.expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name")
    try:
        # mkstemp opens with O_EXCL and mode 0600, whatever the umask.
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except FileNotFoundError:
        raise InputError(f"no such folder: {path.parent}") from None
    except OSError as exc:
        raise InputError(f"cannot write to {path.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
