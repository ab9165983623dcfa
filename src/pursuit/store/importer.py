"""`pursuit import`: a tracker spreadsheet (CSV) or pursuit's own JSON export.

Both kinds run in one write transaction: a bad row is reported and skipped, the rest goes
in whole or not at all. Rows already present are recognised and left alone, so importing
the same file twice adds nothing the second time. The transaction is recorded for undo
like any other change, so `pursuit undo` takes a whole import back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pursuit.domain.dates.days import DateOrder
from pursuit.store.context import Ctx
from pursuit.store.csv_import import import_csv
from pursuit.store.errors import InputError
from pursuit.store.file_text import decode_file
from pursuit.store.files import MAX_IMPORT_BYTES, read_limited
from pursuit.store.import_report import ImportReport
from pursuit.store.json_import import import_json


def import_file(
    ctx: Ctx,
    path: Path,
    *,
    dry_run: bool = False,
    day_first: bool = False,
    date_order: DateOrder | None = None,
    overrides: Sequence[str] = (),
    encoding: str | None = None,
) -> ImportReport:
    """Import `path` (CSV or pursuit JSON, told apart by content). Raises InputError when
    the file as a whole cannot be used; bad rows are listed in the report instead.

    `date_order` (or `day_first`, the same as "day-first") reads numeric dates when the
    file does not settle their order itself; without it the setting `date_order` is used.
    `overrides` are column mappings such as "Stage=status". `encoding` is the file's
    when it is not UTF-8 and has no byte order mark (store/file_text.py)."""
    # A regular file only (never a pipe or a device), read up to the limit and no further.
    text = decode_file(read_limited(path, MAX_IMPORT_BYTES), path.name, encoding)
    if text.lstrip().startswith("{"):
        if overrides:
            raise InputError("column mappings are for a CSV file; this is pursuit's own JSON")
        return import_json(ctx, text, label=path.name, dry_run=dry_run)
    order = "day-first" if day_first else date_order
    return import_csv(
        ctx, text, label=path.name, dry_run=dry_run, date_order=order, overrides=overrides
    )
