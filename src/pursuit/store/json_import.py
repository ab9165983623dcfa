"""Importing pursuit's own JSON export: every table in one transaction, rows already there
recognised by their keys, ids kept where they are free."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, select

from pursuit.store import portable
from pursuit.store.context import Ctx
from pursuit.store.errors import InputError
from pursuit.store.import_report import DryRun, ImportReport, Problem
from pursuit.store.unit import write_session


def _run(ctx: Ctx, label: str, dry_run: bool, body: Any) -> None:
    try:
        with write_session(ctx.db, label=label, now=ctx.now) as session:
            body(session)
            if dry_run:
                raise DryRun
    except DryRun:
        pass


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
