"""Verbs that connect pursuit to the user's world: import, export, restore, the editor,
notifications, config and shell completion. Registered by cli.build_parser.

Like cli.py, every import beyond the standard library is deferred into the verb that
needs it: `pursuit _companies` runs on every Tab press and `pursuit status` must stay fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

Handler = Callable[[argparse.Namespace], int]
# More overdue actions than this at once get one summary notification, not a pile.
MAX_SEPARATE_NOTIFICATIONS = 3


def add_verbs(sub: Any, verb: Callable[[str, str], argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add this module's verbs with cli's `verb(name, help)` helper; returns their handlers."""
    p = verb("import", "import applications from a tracker CSV or a pursuit JSON export")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="only say what would be added")
    p.add_argument(
        "--day-first", action="store_true", help="read 03/11/2026 as 3 November (default: US)"
    )

    p = verb("export", "export as json (lossless), csv (spreadsheets) or ics (calendars)")
    p.add_argument("--format", choices=("json", "csv", "ics"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write FILE (mode 0600), not stdout")

    p = verb("restore", "replace the database with a backup (asks for --force if it exists)")
    p.add_argument("path", metavar="BACKUP")
    p.add_argument("--force", action="store_true", help="replace an existing database")

    p = verb("note", "print the thank-you draft for one interviewer; --edit opens $EDITOR")
    p.add_argument("company")
    p.add_argument("name")
    p.add_argument("--edit", action="store_true", help="edit it in $VISUAL / $EDITOR and save")
    p.add_argument("--show", action="store_true", help="with --edit: print the saved draft")

    p = verb("config", "the settings file: `config path` or `config show` (effective values)")
    p.add_argument("what", choices=("path", "show"))

    p = verb("completion", "print a completion script: source <(pursuit completion bash)")
    p.add_argument("shell", choices=("bash", "zsh"))

    # Hidden (no help= so argparse does not list it): the completion scripts call it.
    hidden = sub.add_parser("_companies", description="company names, one a line")
    hidden.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)

    return {
        "import": cmd_import,
        "export": cmd_export,
        "restore": cmd_restore,
        "note": cmd_note,
        "config": cmd_config,
        "completion": cmd_completion,
        "_companies": cmd_companies,
    }


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pursuit.cli import _ctx
    from pursuit.store.importer import import_file

    ctx = _ctx(args)
    path = Path(args.file)
    report = import_file(ctx, path, dry_run=args.dry_run, day_first=args.day_first)
    for problem in report.problems:
        print(f"pursuit: skipped {problem}", file=sys.stderr)
    would = "would be " if args.dry_run else ""
    skipped = f"; {len(report.problems)} skipped (see above)" if report.problems else ""
    if report.kind == "csv":
        for line in report.created:
            print(f"{'would add' if args.dry_run else 'added'}: {line}")
        for line in report.present:
            print(f"already there: {line}")
        print(
            f"{len(report.created)} applications {would}imported from {path.name}; "
            f"{len(report.present)} already there{skipped}"
        )
    else:
        counts = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in report.counts.items())
        print(
            f"Rows {would}imported from {path.name}: {counts}; "
            f"{len(report.present)} already there{skipped}"
        )
    return 2 if report.nothing_usable else 0


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pursuit.cli import _ctx

    ctx = _ctx(args)
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

        target = Path(args.output)
        write_private(target, data)
        print(f"Exported {args.format} to {target}")
        return 0
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pursuit import clock
    from pursuit.paths import database_path
    from pursuit.store.restore import restore

    target, is_default = database_path(args.db)
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


def cmd_note(args: argparse.Namespace) -> int:
    from pursuit.cli import UsageError, _ctx
    from pursuit.store.notes import pending_thank_you

    if args.show and not args.edit:
        raise UsageError("--show goes with --edit (without --edit the draft is printed anyway)")
    ctx = _ctx(args)
    note = pending_thank_you(ctx.db, args.company, args.name)
    if not args.edit:
        print(note.draft)
        return 0
    from pursuit.desktop.editor import EditorError, edit_text
    from pursuit.store.actions import set_draft

    try:
        text = edit_text(note.draft)
    except EditorError as exc:
        raise UsageError(str(exc)) from None
    if not text.strip():
        raise UsageError("the draft came back empty; nothing saved")
    if text == note.draft.rstrip():
        print(f"Draft to {note.contact} unchanged", file=sys.stderr)
    else:
        set_draft(ctx, note.action_id, text)
        print(f"Draft to {note.contact} at {note.company} saved", file=sys.stderr)
    if args.show:
        print(text)
    return 0


def cmd_due_notify(args: argparse.Namespace) -> int:
    """`pursuit due --notify`: announce each overdue action once (for cron / timers)."""
    from pursuit.agenda import describe
    from pursuit.cli import _ctx
    from pursuit.config import load_config
    from pursuit.desktop.notify import desktop_notify, overdue_to_notify, ring_bell
    from pursuit.domain.dates import humanize_due
    from pursuit.paths import config_path
    from pursuit.store.actions import mark_notified

    ctx = _ctx(args)
    config, _problems = load_config(config_path())  # _ctx already reported the problems
    rows = overdue_to_notify(ctx.db, ctx.now)
    if not rows:
        return 0
    for row in rows:
        where = f"{row.company} — {row.title}" if row.title else row.company
        print(f"! {describe(row)} — {where} ({humanize_due(row.next_at, ctx.now)}) #{row.id}")
    if config.notify_send:
        if len(rows) > MAX_SEPARATE_NOTIFICATIONS:
            companies = ", ".join(dict.fromkeys(r.company for r in rows))
            desktop_notify(f"pursuit: {len(rows)} actions overdue", companies)
        else:
            for row in rows:
                desktop_notify(f"pursuit: {describe(row)}", row.company)
    if config.bell:
        ring_bell()
    mark_notified(ctx, [r.id for r in rows])
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    from pursuit.config import load_config
    from pursuit.config_show import render
    from pursuit.paths import config_path

    path = config_path()
    if args.what == "path":
        print(path)
        return 0
    config, problems = load_config(path)
    for problem in problems:
        print(f"pursuit: {problem}", file=sys.stderr)
    where = path if path.exists() else f"{path} (no file yet: these are the defaults)"
    print(f"# pursuit settings in effect, from {where}\n")
    print(render(config), end="")
    return 0


def cmd_completion(args: argparse.Namespace) -> int:
    from pursuit.cli import build_parser
    from pursuit.completion import bash_script, zsh_script

    script = bash_script if args.shell == "bash" else zsh_script
    print(script(build_parser()), end="")
    return 0


def cmd_companies(args: argparse.Namespace) -> int:
    """Names only, straight from the file: no migration, no ORM, nothing created."""
    from pursuit.paths import database_path
    from pursuit.store.names import company_names_in

    path, _ = database_path(getattr(args, "db", None))
    names = company_names_in(path)
    if names is None:
        return 1
    for name in names:
        print(name)
    return 0
