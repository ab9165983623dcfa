"""The `pursuit` command: no verb opens the app; verbs are for quick entry and scripts.

Imports are deferred into each verb so that `pursuit status` and friends start in
milliseconds; only the verbs that write load the ORM.

Exit status: 0 done; 2 bad input (one line on stderr, nothing written); 3 a rule asked
to wait (R2, R5), nothing written: rerun with --force to go ahead.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from datetime import datetime

    from pursuit.config import Config
    from pursuit.store.context import Ctx

EXIT_BAD_INPUT = 2
EXIT_REFUSED = 3


class UsageError(Exception):
    """Bad input caught by a verb; printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts and people both read the first line.
        self.exit(EXIT_BAD_INPUT, f"pursuit: {_one_line(message)} (see: {self.prog} --help)\n")


def _db_option(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--db", metavar="PATH", default=default, help="database file (also PURSUIT_DB)"
    )


def build_parser() -> _Parser:
    parser = _Parser(prog="pursuit", description="Run a job search from the terminal.")
    _db_option(parser, None)
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)

    def verb(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _db_option(p, argparse.SUPPRESS)
        return p

    p = verb("add", "add an application (creates the company if new)")
    p.add_argument("company")
    p.add_argument("role")
    p.add_argument("--applied", metavar="WHEN", help="when you applied (default: now)")
    p.add_argument("--url")
    p.add_argument("--source", help="where you found it")
    p.add_argument("--status", default="applied", help="applied (default), wishlist, screening…")
    p.add_argument("--json", action="store_true")

    p = verb("interview", "log an interview: one thank-you note per interviewer")
    p.add_argument("company")
    p.add_argument("--at", required=True, metavar="WHEN", help='e.g. "today 14:00"')
    p.add_argument(
        "--with", dest="people", action="append", required=True, metavar='"NAME[, ROLE]"'
    )
    p.add_argument("--minutes", type=int, default=60)
    p.add_argument(
        "--check-back", metavar="WHEN", help="the employer's answer on when to follow up"
    )
    p.add_argument("--kind", default="interview", help="e.g. phone, onsite, final")
    p.add_argument("--role", help="the role, if this interview starts a new application")
    p.add_argument("--json", action="store_true")

    p = verb("guidance", "record when the employer said to check back")
    p.add_argument("company")
    p.add_argument("when", nargs="+", metavar="WHEN")

    p = verb("thanks", "mark a thank-you note sent (refused if too like another, R2)")
    p.add_argument("company")
    p.add_argument("name")
    p.add_argument("--note", help="the text you sent (default: the draft)")
    p.add_argument("--force", action="store_true", help="send even if too similar")

    p = verb("followup", "log a follow-up sent (refused if too soon, R5)")
    p.add_argument("company")
    p.add_argument("--note")
    p.add_argument("--channel", default="email", help="email, phone, letter, message, meeting")
    p.add_argument("--force", action="store_true", help="log it even if too soon")

    p = verb("heard", "the employer answered (resets the unanswered count)")
    p.add_argument("company")
    p.add_argument("--note")

    p = verb("move", "change an application's status")
    p.add_argument("company")
    p.add_argument("status")

    p = verb("reject", "close as rejected; --friendly keeps the company as a bridge (R8)")
    p.add_argument("company")
    p.add_argument("--friendly", action="store_true", help="they were positive about you")
    p.add_argument("--every", metavar="DURATION", help="check-in cadence (default 90d)")

    p = verb("checkin", "log a check-in with a bridge and schedule the next")
    p.add_argument("company")
    p.add_argument("--note")

    p = verb("reopen", "start a new application with a bridge, keeping its history")
    p.add_argument("company")
    p.add_argument("role")

    p = verb("snooze", "push an action later")
    p.add_argument("action_id", type=int)
    p.add_argument("until", nargs="+", metavar="WHEN")

    p = verb("done", "mark an action done")
    p.add_argument("action_id", type=int)

    p = verb("talking-point", "remember what to mention to one interviewer (R2)")
    p.add_argument("company")
    p.add_argument("name")
    p.add_argument("point")

    verb("undo", "take back the last change")

    p = verb("quick", "one line of quick entry, as in the app (`a`)")
    p.add_argument("line", nargs="+")
    p.add_argument("--dry-run", action="store_true", help="only say what would be saved")

    p = verb("list", "applications")
    p.add_argument("--all", action="store_true", help="include closed ones")
    p.add_argument("--json", action="store_true")

    p = verb("due", "the agenda: what to do, overdue first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument(
        "--notify", action="store_true", help="announce each newly overdue action once (cron)"
    )

    p = verb("status", "one short line for a shell prompt or tmux")
    p.add_argument("--format", default=None, help="e.g. '{overdue}!{today}'")

    p = verb("backup", "an online, consistent copy of the database")
    p.add_argument("path", nargs="?")

    p = verb("demo", "fill the database with a realistic demo search")
    p.add_argument("--apps", type=int, default=0, help="also generate N synthetic applications")

    from pursuit.cli_io import add_verbs

    VERBS.update(add_verbs(sub, verb))
    return parser


# --- helpers ---------------------------------------------------------------------------


def _config() -> Config:
    from pursuit.config import load_config
    from pursuit.paths import config_path

    config, problems = load_config(config_path())
    for problem in problems:
        print(f"pursuit: {problem}", file=sys.stderr)
    return config


def _ctx(args: argparse.Namespace) -> Ctx:
    from pursuit import clock
    from pursuit.paths import database_path
    from pursuit.store.context import Ctx
    from pursuit.store.database import open_database

    config = _config()
    path, is_default = database_path(args.db)
    tz = clock.local_zone(config.timezone or None)
    db = open_database(path, private_dir=is_default)
    return Ctx(db=db, now=clock.now(), tz=tz, settings=config.rules())


def _when(ctx: Ctx, text: str, *, prefer: str = "future") -> datetime:
    from pursuit.domain.dates import DateParseError, parse_when

    try:
        return parse_when(text, ctx.now, ctx.tz, prefer=prefer)  # type: ignore[arg-type]
    except DateParseError as exc:
        raise UsageError(str(exc)) from None


def _show(ctx: Ctx, when: datetime | None) -> str:
    return "—" if when is None else f"{when.astimezone(ctx.tz):%a %d %b %H:%M}"


def _json(data: object) -> None:
    import json

    print(json.dumps(data, indent=2, ensure_ascii=False))


# --- verbs -------------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace) -> int:
    from pursuit.domain.status import StatusError, parse_status
    from pursuit.store.commands import add_application

    try:
        status = parse_status(args.status)
    except StatusError as exc:
        raise UsageError(str(exc)) from None
    ctx = _ctx(args)
    applied = _when(ctx, args.applied, prefer="past") if args.applied else None
    added = add_application(
        ctx,
        args.company,
        args.role,
        applied_at=applied,
        url=args.url,
        source=args.source,
        status=status,
    )
    if args.json:
        _json(
            {
                "application_id": added.application_id,
                "company": added.company,
                "role": added.title,
                "status": added.status.value,
            }
        )
    else:
        print(f"Added {added.company} — {added.title} ({added.status.label})")
        if added.follow_up_due:
            print(f"Follow up (a guess; ask them when): {_show(ctx, added.follow_up_due)}")
    return 0


def cmd_interview(args: argparse.Namespace) -> int:
    from pursuit.domain.people import PersonParseError, parse_person
    from pursuit.store.commands import log_interview

    try:
        people = tuple(parse_person(p) for p in args.people)
    except PersonParseError as exc:
        raise UsageError(str(exc)) from None
    ctx = _ctx(args)
    at = _when(ctx, args.at, prefer="past" if "ago" in args.at else "future")
    check_back = _when(ctx, args.check_back) if args.check_back else None
    result = log_interview(
        ctx,
        args.company,
        at=at,
        people=people,
        minutes=args.minutes,
        check_back=check_back,
        check_back_text=args.check_back,
        kind=args.kind,
        role=args.role,
    )
    if args.json:
        _json(
            {
                "interview_id": result.interview_id,
                "company": result.company,
                "thank_you_due": result.thank_you_due.astimezone(ctx.tz).isoformat(),
                "interviewers": list(result.interviewers),
            }
        )
        return 0
    print(f"Interview at {result.company} logged: {_show(ctx, at)}")
    for name in result.interviewers:
        print(f"  thank-you note to {name} due {_show(ctx, result.thank_you_due)}")
    guess = " (a guess: ask them when to check back)" if result.follow_up_guessed else ""
    print(f"  follow up {_show(ctx, result.follow_up_due)}{guess}")
    return 0


def cmd_guidance(args: argparse.Namespace) -> int:
    from pursuit.store.commands import record_guidance

    ctx = _ctx(args)
    text = " ".join(args.when)
    when = _when(ctx, text)
    result = record_guidance(ctx, args.company, when, f"check back {text}")
    print(f"{result.company}: follow up {_show(ctx, result.follow_up_due)}, as they asked")
    return 0


def cmd_thanks(args: argparse.Namespace) -> int:
    from pursuit.store.actions import mark_thanks

    ctx = _ctx(args)
    result = mark_thanks(ctx, args.company, args.name, note=args.note, force=args.force)
    extra = f" (sent anyway; alike the note to {result.similar_to})" if result.similar_to else ""
    print(f"Thank-you note to {result.contact} at {result.company} marked sent{extra}")
    return 0


def cmd_followup(args: argparse.Namespace) -> int:
    from pursuit.domain.gimmicks import parse_channel
    from pursuit.store.actions import log_followup

    try:
        channel = parse_channel(args.channel)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    ctx = _ctx(args)
    result = log_followup(ctx, args.company, note=args.note, force=args.force, channel=channel)
    for warning in result.warnings:
        print(f"pursuit: warning: {warning}", file=sys.stderr)
    print(f"Follow-up to {result.company} logged; next check {_show(ctx, result.next_due)}")
    if result.ghosted_hint:
        print(f"Hint: {result.ghosted_hint} (pursuit move {result.company!r} ghosted)")
    return 0


def cmd_heard(args: argparse.Namespace) -> int:
    from pursuit.store.actions import heard_back

    print(f"Noted: {heard_back(_ctx(args), args.company, args.note)} answered")
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    from pursuit.domain.status import StatusError, parse_status
    from pursuit.store.commands import move

    try:
        status = parse_status(args.status)
    except StatusError as exc:
        raise UsageError(str(exc)) from None
    result = move(_ctx(args), args.company, status)
    print(f"{result.company}: {result.old.label} → {result.new.label}")
    return 0


def cmd_reject(args: argparse.Namespace) -> int:
    from pursuit.store.commands import reject

    if args.every and not args.friendly:
        raise UsageError("--every only applies with --friendly (a bridge's check-in cadence)")
    ctx = _ctx(args)
    result = reject(ctx, args.company, friendly=args.friendly, cadence=args.every)
    print(f"{result.company}: closed as rejected")
    if result.bridge_check_in:
        print(f"Kept as a bridge: check in {_show(ctx, result.bridge_check_in)}")
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    from pursuit.store.actions import check_in

    ctx = _ctx(args)
    result = check_in(ctx, args.company, note=args.note)
    for warning in result.warnings:
        print(f"pursuit: warning: {warning}", file=sys.stderr)
    print(f"Check-in with {result.company} logged; next {_show(ctx, result.next_check_in)}")
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from pursuit.store.commands import reopen

    added = reopen(_ctx(args), args.company, args.role)
    print(f"Reopened {added.company} — {added.title}; its history is kept")
    return 0


def cmd_snooze(args: argparse.Namespace) -> int:
    from pursuit.store.actions import snooze

    ctx = _ctx(args)
    until = snooze(ctx, args.action_id, _when(ctx, " ".join(args.until)))
    print(f"Snoozed until {_show(ctx, until)}")
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    from pursuit.store.actions import complete

    kind = complete(_ctx(args), args.action_id)
    print(f"Done: {kind.replace('_', '-')}")
    return 0


def cmd_talking_point(args: argparse.Namespace) -> int:
    from pursuit.store.actions import set_talking_point

    name = set_talking_point(_ctx(args), args.company, args.name, args.point)
    print(f"Talking point for {name} saved")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from pursuit.store.unit import undo_last

    ctx = _ctx(args)
    label = undo_last(ctx.db, now=ctx.now)
    print(f"Undid: {label}" if label else "Nothing to undo")
    return 0


def cmd_quick(args: argparse.Namespace) -> int:
    from pursuit.domain.quick_entry import QuickEntryError, parse_quick_entry
    from pursuit.quick import save_quick_entry

    ctx = _ctx(args)
    try:
        entry = parse_quick_entry(" ".join(args.line), ctx.now, ctx.tz)
    except QuickEntryError as exc:
        raise UsageError(str(exc)) from None
    # The preview shows the text as it will be stored (cleaned), not as typed.
    print(_one_line(entry.describe(ctx.tz)))
    if not args.dry_run:
        save_quick_entry(ctx, entry)
        print("Saved")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from pursuit.domain.dates import humanize_due
    from pursuit.store import reads

    ctx = _ctx(args)
    with ctx.db.read() as conn:
        rows = reads.applications(conn, include_closed=args.all)
    if args.json:
        _json(
            [
                {
                    "id": r.id,
                    "company": r.company,
                    "role": r.title,
                    "status": r.status.value,
                    "applied": r.applied_at.astimezone(ctx.tz).isoformat()
                    if r.applied_at
                    else None,
                    "last_touch": r.last_touch.astimezone(ctx.tz).isoformat()
                    if r.last_touch
                    else None,
                    "next_action": r.next_kind,
                    "next_due": r.next_at.astimezone(ctx.tz).isoformat() if r.next_at else None,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("No applications yet. Add one: pursuit add COMPANY ROLE")
    for r in rows:
        due = humanize_due(r.next_at, ctx.now) if r.next_at else ""
        print(f"{r.company:<22.22} {r.title:<28.28} {r.status.label:<12} {due}")
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    from pursuit.agenda import build_agenda
    from pursuit.domain.dates import humanize_due

    if args.notify:
        from pursuit.cli_io import cmd_due_notify

        return cmd_due_notify(args)
    ctx = _ctx(args)
    agenda = build_agenda(ctx.db, ctx.now, ctx.tz, ctx.settings, limit=args.limit)
    if args.json:
        _json(
            [
                {
                    "kind": i.kind,
                    "company": i.company,
                    "contact": i.contact,
                    "due": i.due.astimezone(ctx.tz).isoformat(),
                    "overdue": i.overdue,
                    "bucket": i.bucket.value,
                    "what": i.what,
                    "action_id": i.action_id,
                    "application_id": i.application_id,
                    "role": i.title,
                    "guessed": i.guessed,
                }
                for i in agenda.items
            ]
        )
        return 0
    if not agenda.items:
        print("Nothing due. Keep going!")
    for i in agenda.items:
        marker = "!" if i.overdue else " "
        when = humanize_due(i.due, ctx.now) if i.kind != "options" else ""
        where = f"{i.company} — {i.title}" if i.title else (i.company or "")
        ident = f"#{i.action_id}" if i.action_id is not None else ""
        print(f"{marker} {i.bucket.value:<8} {when:<15} {i.what:<44} {where} {ident}".rstrip())
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from pursuit.agenda import build_agenda

    ctx = _ctx(args)
    agenda = build_agenda(ctx.db, ctx.now, ctx.tz, ctx.settings, limit=0)
    fields = {
        "overdue": agenda.overdue,
        "today": agenda.today,
        "active": agenda.gauge.active,
        "target": agenda.gauge.target_active,
        "new": agenda.gauge.new_this_week,
    }
    fmt = args.format or "{overdue} overdue · {today} today · {active}/{target} active"
    try:
        print(fmt.format(**fields))
    except (KeyError, IndexError, ValueError) as exc:
        raise UsageError(f"bad --format: {exc}; fields: {', '.join(fields)}") from None
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    ctx = _ctx(args)
    stamp = ctx.now.strftime("%Y%m%dT%H%M%S")
    target = Path(args.path) if args.path else ctx.db.path.with_name(f"pursuit-{stamp}.db")
    if target.exists():
        raise UsageError(f"{target} already exists; pick another path")
    ctx.db.backup(target)
    print(f"Backed up to {target}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from pursuit.demo import fill_demo

    ctx = _ctx(args)
    if args.apps < 0:
        raise UsageError("--apps must be >= 0")
    count = fill_demo(ctx, extra_apps=args.apps)
    print(f"Demo search written to {ctx.db.path}: {count} applications")
    return 0


VERBS: dict[str, Callable[[argparse.Namespace], int]] = {
    "add": cmd_add,
    "interview": cmd_interview,
    "guidance": cmd_guidance,
    "thanks": cmd_thanks,
    "followup": cmd_followup,
    "heard": cmd_heard,
    "move": cmd_move,
    "reject": cmd_reject,
    "checkin": cmd_checkin,
    "reopen": cmd_reopen,
    "snooze": cmd_snooze,
    "done": cmd_done,
    "talking-point": cmd_talking_point,
    "undo": cmd_undo,
    "quick": cmd_quick,
    "list": cmd_list,
    "due": cmd_due,
    "status": cmd_status,
    "backup": cmd_backup,
    "demo": cmd_demo,
}


def main(argv: Sequence[str] | None = None, *, fast_status_tried: bool = False) -> int:
    if not fast_status_tried:
        # The shell-prompt line, answered without argparse or the ORM when it can be.
        from pursuit.status_line import fast_status

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
        return _fail(str(exc), EXIT_BAD_INPUT)
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:
        return _known_failure(exc)


def _reader_gone() -> int:
    """`pursuit list | head -1`: the reader has all it wanted, which is not an error. Point
    stdout at devnull so the interpreter's final flush does not complain either."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _one_line(message: str) -> str:
    """Messages echo what was typed: strip escape sequences, control characters and bidi
    overrides so nothing reaches the terminal but text, on one line."""
    from pursuit.domain.text import clean_name

    return clean_name(message)


def _fail(message: str, code: int) -> int:
    print(f"pursuit: {_one_line(message)}", file=sys.stderr)
    return code


def _known_failure(exc: Exception) -> int:
    from pursuit.clock import ClockError
    from pursuit.store.errors import InputError, Refused
    from pursuit.store.sqlite import DatabaseError

    if isinstance(exc, Refused):
        reasons = "; ".join(exc.reasons)
        return _fail(f"{exc.summary}: {reasons} (use --force to go ahead)", EXIT_REFUSED)
    if isinstance(exc, InputError | ClockError | DatabaseError):
        return _fail(str(exc), EXIT_BAD_INPUT)
    if os.environ.get("PURSUIT_DEBUG"):
        raise exc
    return _fail(f"unexpected error: {type(exc).__name__} (set PURSUIT_DEBUG=1 for details)", 1)
