"""Verbs that move whole data in and out: import (a tracker CSV or a pursuit JSON export),
export (json, csv, ics), backup and restore."""

from __future__ import annotations

import argparse
import sys

from pursuit.cli.context import open_ctx
from pursuit.cli.output import UsageError, one_line, write_exact


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pursuit.store.importer import import_file

    ctx = open_ctx(args)
    path = Path(args.file)
    report = import_file(
        ctx,
        path,
        dry_run=args.dry_run,
        date_order=args.date_order,
        overrides=args.map,
        encoding=args.encoding,
    )
    for problem in report.problems:
        print(one_line(f"pursuit: skipped {problem}"), file=sys.stderr)
    would = "would be " if args.dry_run else ""
    skipped = f"; {len(report.problems)} skipped (see above)" if report.problems else ""
    if report.kind == "csv":
        # What each column became and how the dates were read, so a wrong mapping shows
        # before anything is written (and stays on record after a real import).
        for line in report.mapping_lines():
            print(_indented(line))
        if args.dry_run and report.sample:
            print("As they will be stored:")
            for line in report.sample_lines():
                print(f"  {one_line(line)}")
        for line in report.created:
            print(one_line(f"{'would add' if args.dry_run else 'added'}: {line}"))
        for line in report.present:
            print(one_line(f"already there: {line}"))
        print(
            one_line(
                f"{len(report.created)} applications {would}imported from {path.name}; "
                f"{len(report.present)} already there{skipped}"
            )
        )
    else:
        counts = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in report.counts.items())
        print(
            one_line(
                f"Rows {would}imported from {path.name}: {counts}; "
                f"{len(report.present)} already there{skipped}"
            )
        )
    return 2 if report.nothing_usable else 0


def _indented(line: str) -> str:
    """A report line, cleaned, keeping its leading indent (which one_line would fold)."""
    indent = len(line) - len(line.lstrip(" "))
    return " " * indent + one_line(line)


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    ctx = open_ctx(args)
    if args.format == "json":
        from pursuit.store.exporter import export_json

        data = export_json(ctx.db)
    elif args.format == "csv":
        from pursuit.store.exporter import export_csv

        data = export_csv(ctx.db, ctx.tz)
    else:
        from pursuit.store.calendar import export_ics

        data = export_ics(ctx.db, ctx.now)
    if args.output:
        from pursuit.store.exporter import write_private
        from pursuit.store.files import check_output_target

        target = Path(args.output).expanduser()
        check_output_target(target, ctx.db.path)
        write_private(target, data)
        print(f"Exported {args.format} to {target}")
        return 0
    text = data.decode("utf-8")
    if args.format == "json":
        write_exact(text)  # exact, and already escaped where a terminal would act
    else:
        sys.stdout.write(text)  # cleaned on its way (cli/output.py), line ends kept
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pursuit.store.database import Database
    from pursuit.store.files import check_output_target

    ctx = open_ctx(args)
    stamp = ctx.now.strftime("%Y%m%dT%H%M%S")
    # On PostgreSQL the backup is pursuit's own JSON export (a logical backup, no pg_dump).
    kind = "db" if type(ctx.db) is Database else "json"
    target = Path(args.path) if args.path else ctx.db.path.with_name(f"pursuit-{stamp}.{kind}")
    target = target.expanduser()
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target} already exists; pick another path")
    check_output_target(target, ctx.db.path)
    ctx.db.backup(target)
    print(f"Backed up to {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pursuit import clock
    from pursuit.cli.context import load_settings, locate
    from pursuit.store.restore import restore

    target, is_default = locate(args, load_settings())
    if not isinstance(target, Path):
        raise UsageError(
            "restore replaces a SQLite file; on a PostgreSQL server, bring a backup "
            "(a JSON export) back with: pursuit import FILE into an empty search"
        )
    done = restore(
        Path(args.path).expanduser(),
        target,
        now=clock.now(),
        force=args.force,
        private_dir=is_default,
    )
    print(f"Restored {done.target} from {args.path}")
    if done.kept:
        print(f"The database it replaced is kept as {done.kept}")
    return 0
