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
    import_export,
    offers,
    reading,
    record,
    report,
    triage,
)
from pursuit.cli.output import EXIT_BAD_INPUT, EXIT_REFUSED, UsageError, fail
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
    "list": record.cmd_list,
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
    "note": record.cmd_note,
    "config": config_and_completion.cmd_config,
    "completion": config_and_completion.cmd_completion,
    "_companies": config_and_completion.cmd_companies,
    "show": record.cmd_show,
    "edit": record.cmd_edit,
    "contact": record.cmd_contact,
    "edit-interview": record.cmd_edit_interview,
    "rename": record.cmd_rename,
    "merge": record.cmd_merge,
    "delete": record.cmd_delete,
    "purge": record.cmd_purge,
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
    args = build_parser().parse_args(argv)
    if args.verb is None:
        from pursuit.tui.run import run_app

        return run_app(args.db)
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


def _reader_gone() -> int:
    """`pursuit list | head -1`: the reader has all it wanted, which is not an error. Point
    stdout at devnull so the interpreter's final flush does not complain either."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _known_failure(exc: Exception) -> int:
    from pursuit.clock import ClockError
    from pursuit.store.errors import InputError, Refused
    from pursuit.store.sqlite import DatabaseError

    if isinstance(exc, Refused):
        reasons = "; ".join(exc.reasons)
        return fail(f"{exc.summary}: {reasons} (use --force to go ahead)", EXIT_REFUSED)
    if isinstance(exc, InputError | ClockError | DatabaseError):
        return fail(str(exc), EXIT_BAD_INPUT)
    if os.environ.get("PURSUIT_DEBUG"):
        raise exc
    return fail(f"unexpected error: {type(exc).__name__} (set PURSUIT_DEBUG=1 for details)", 1)
