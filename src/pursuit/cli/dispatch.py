"""`pursuit`'s main(): the shell-prompt status line first, then parse the command line,
run the verb, and turn any failure into one line on stderr and an exit status.

Imports are deferred into each verb so that `pursuit status` and friends start in
milliseconds; only the verbs that write load the ORM.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from pursuit.cli import (
    applications,
    config_and_completion,
    copying,
    edit,
    import_export,
    notes,
    offers,
    reading,
    rename_merge_delete,
    report,
    show,
    triage,
)
from pursuit.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_ENVIRONMENT,
    EXIT_REFUSED,
    UsageError,
    cleaned_streams,
    fail,
)
from pursuit.cli.parser import build_parser

VERBS: dict[str, Callable[[argparse.Namespace], int]] = {
    "add": applications.cmd_add,
    "interview": applications.cmd_interview,
    "guidance": applications.cmd_guidance,
    "thanks": triage.cmd_thanks,
    "followup": triage.cmd_followup,
    "heard": triage.cmd_heard,
    "move": applications.cmd_move,
    "reject": applications.cmd_reject,
    "checkin": triage.cmd_checkin,
    "reopen": applications.cmd_reopen,
    "snooze": triage.cmd_snooze,
    "done": triage.cmd_done,
    "talking-point": applications.cmd_talking_point,
    "undo": triage.cmd_undo,
    "quick": applications.cmd_quick,
    "list": reading.cmd_list,
    "due": reading.cmd_due,
    "report": report.cmd_report,
    "offer": offers.cmd_offer,
    "withdraw": offers.cmd_withdraw,
    "nudge": offers.cmd_nudge,
    "status": reading.cmd_status,
    "backup": import_export.cmd_backup,
    "demo": applications.cmd_demo,
    "import": import_export.cmd_import,
    "export": import_export.cmd_export,
    "restore": import_export.cmd_restore,
    "copy": copying.cmd_copy,
    "note": notes.cmd_note,
    "config": config_and_completion.cmd_config,
    "completion": config_and_completion.cmd_completion,
    "_companies": config_and_completion.cmd_companies,
    "show": show.cmd_show,
    "edit": edit.cmd_edit,
    "contact": edit.cmd_contact,
    "edit-interview": edit.cmd_edit_interview,
    "rename": rename_merge_delete.cmd_rename,
    "merge": rename_merge_delete.cmd_merge,
    "delete": rename_merge_delete.cmd_delete,
    "purge": rename_merge_delete.cmd_purge,
}


def main(argv: Sequence[str] | None = None, *, fast_status_tried: bool = False) -> int:
    if not fast_status_tried:
        # The shell-prompt line, answered without argparse or the ORM when it can be.
        from pursuit.cli.status_line import fast_status

        try:
            code = fast_status(sys.argv[1:] if argv is None else argv)
            if code is not None:
                sys.stdout.flush()
        except BrokenPipeError:
            return _reader_gone()
        if code is not None:
            return code
    with cleaned_streams():
        argv = list(sys.argv[1:] if argv is None else argv)
        bad = next((i for i, a in enumerate(argv) if _not_utf8(a)), None)
        if bad is not None:
            # The shell passed bytes that are not UTF-8 (a Latin-1 file name, a paste):
            # refused here, since they can be neither stored nor printed.
            return fail(f"argument {bad + 1} is not valid UTF-8; nothing was done", EXIT_BAD_INPUT)
        args = build_parser().parse_args(argv)
        if args.verb is not None:
            return _run_verb(args)
    # The app owns the terminal (and cleans what it shows itself: tui/run.py).
    from pursuit.tui.run import run_app

    return run_app(args.db, args.search)


def _run_verb(args: argparse.Namespace) -> int:
    try:
        code = VERBS[args.verb](args)
        # Flushed here, not at exit, so a reader that went away meets the handler below.
        sys.stdout.flush()
        return code
    except UsageError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:
        return _known_failure(exc)


def _not_utf8(arg: str) -> bool:
    """Python hands undecodable argument bytes over as lone surrogates (surrogateescape)."""
    return any("\ud800" <= ch <= "\udfff" for ch in arg)


def _reader_gone() -> int:
    """`pursuit list | head -1`: the reader has all it wanted, which is not an error. Point
    stdout at devnull so the interpreter's final flush does not complain either."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _known_failure(exc: Exception) -> int:
    from pursuit.clock import ClockError
    from pursuit.domain.date_range import DateRangeError
    from pursuit.store import sqlite
    from pursuit.store.errors import InputError, Refused

    if isinstance(exc, Refused):
        reasons = "; ".join(exc.reasons)
        return fail(f"{exc.summary}: {reasons} (use --force to go ahead)", EXIT_REFUSED)
    # The ORM wraps what goes wrong while it writes a value (a date out of range).
    cause = getattr(exc, "orig", None)
    if isinstance(cause, DateRangeError):
        exc = cause
    if isinstance(exc, InputError | ClockError | DateRangeError):
        return fail(str(exc), EXIT_BAD_INPUT)
    fault = sqlite.fault(exc)
    if fault is not None:
        return fail(str(fault), EXIT_ENVIRONMENT if fault.environment else EXIT_BAD_INPUT)
    if os.environ.get("PURSUIT_DEBUG"):
        raise exc
    from pursuit.keep import crash_line

    return fail(crash_line(exc), 1)
