"""Every verb's arguments, in the order `pursuit --help` lists them. What each verb does
lives in the module dispatch.VERBS names; this one only reads the command line."""

from __future__ import annotations

import argparse
import re
from typing import Any, NoReturn

from pursuit.cli import edit
from pursuit.cli.output import EXIT_BAD_INPUT, one_line


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts and people both read the first line.
        # Internal verbs (the completion scripts' `_companies`) are not among the choices.
        message = re.sub(r",? '_[\w-]+'", "", message)
        self.exit(EXIT_BAD_INPUT, f"pursuit: {one_line(message)} (see: {self.prog} --help)\n")


def db_option(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help="database file, or postgresql://USER@HOST:PORT/DBNAME (also PURSUIT_DB)",
    )
    parser.add_argument(
        "--search",
        metavar="NAME",
        default=default,
        help="whose search on a PostgreSQL server (also PURSUIT_SEARCH)",
    )


def role_option(parser: argparse.ArgumentParser) -> None:
    """Which application a verb that names a company means, when it has several open."""
    parser.add_argument(
        "--role", help="which application, if the company has several open (a unique start)"
    )


def build_parser() -> Parser:
    parser = Parser(prog="pursuit", description="Run a job search from the terminal.")
    db_option(parser, None)
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=Parser)

    def verb(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        db_option(p, argparse.SUPPRESS)
        return p

    p = verb("add", "add an application (creates the company if new)")
    p.add_argument("company")
    p.add_argument("role")
    p.add_argument("--applied", metavar="WHEN", help="when you applied (default: now)")
    p.add_argument("--url")
    p.add_argument("--source", help="where you found it")
    p.add_argument("--status", default="applied", help="applied (default), wishlist, screening…")
    p.add_argument("--json", action="store_true")
    # --force among them: the same role again, an --applied date more than a year back, or
    # a new company whose name looks like a known one.
    edit.add_flags(p)

    p = verb("interview", "log an interview: one thank-you note per interviewer")
    p.add_argument("company")
    p.add_argument("--at", required=True, metavar="WHEN", help='e.g. "today 14:00"')
    p.add_argument(
        "--with", dest="people", action="append", required=True, metavar='"NAME[, ROLE]"'
    )
    p.add_argument("--minutes", type=int, help="its length (default: from --at's range, else 60)")
    p.add_argument(
        "--check-back", metavar="WHEN", help="the employer's answer on when to follow up"
    )
    p.add_argument("--kind", default="interview", help="e.g. phone, onsite, final")
    p.add_argument(
        "--role",
        help="which open application (if several); a role not open there starts a new one",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--force", action="store_true", help="add a company whose name looks like a known one"
    )
    p.add_argument("--place", help="where it happens, or the video link")
    p.add_argument("--note", help="a note about it")

    p = verb("guidance", "record when the employer said to check back")
    p.add_argument("company")
    role_option(p)
    p.add_argument("when", nargs="+", metavar="WHEN")

    p = verb("thanks", "mark a thank-you note sent (refused if too like another, R2)")
    p.add_argument("company")
    p.add_argument("name")
    p.add_argument("--note", help="the text you sent (default: the draft)")
    p.add_argument(
        "--force", action="store_true", help="send even if too similar or not yet personalised"
    )

    p = verb("followup", "log a follow-up sent (refused if too soon, R5)")
    p.add_argument("company")
    role_option(p)
    p.add_argument("--note")
    p.add_argument("--channel", default="email", help="email, phone, letter, message, meeting")
    p.add_argument("--force", action="store_true", help="log it even if too soon")
    p.add_argument(
        "--check",
        action="store_true",
        help="only say whether now is too soon (exit 3 if it is); writes nothing",
    )

    p = verb("heard", "the employer answered (resets the unanswered count)")
    p.add_argument("company")
    role_option(p)
    p.add_argument("--note")

    p = verb("move", "change an application's status")
    p.add_argument("company")
    role_option(p)
    p.add_argument("status")

    p = verb("reject", "close as rejected; --friendly keeps the company as a bridge (R8)")
    p.add_argument("company")
    role_option(p)
    p.add_argument("--friendly", action="store_true", help="they were positive about you")
    p.add_argument("--every", metavar="DURATION", help="check-in cadence (default 90d)")

    p = verb("offer", "record an offer and the date they want an answer by")
    p.add_argument("company")
    role_option(p)
    p.add_argument("--by", required=True, metavar="WHEN", help="answer by, e.g. 'fri 17:00'")
    p.add_argument("--note", help="what they offered, in your words")

    p = verb("withdraw", "close an application you withdrew from; --friendly keeps a bridge")
    p.add_argument("company")
    role_option(p)
    p.add_argument("--friendly", action="store_true", help="part on good terms (R8)")
    p.add_argument("--every", metavar="DURATION", help="check-in cadence (default 90d)")

    p = verb("nudge", "the options nudge (R7): snooze it, dismiss it, or bring it back")
    p.add_argument("action", choices=("snooze", "dismiss", "restore"))
    p.add_argument("until", nargs="*", metavar="WHEN", help="with snooze: until when")

    p = verb("checkin", "log a check-in with a bridge and schedule the next")
    p.add_argument("company")
    p.add_argument("--note")
    p.add_argument("--force", action="store_true", help="send a note still holding a placeholder")

    p = verb("reopen", "start a new application with a bridge, keeping its history")
    p.add_argument("company")
    p.add_argument("role")

    p = verb("snooze", "push an action later")
    p.add_argument("action_id", type=int)
    p.add_argument("until", nargs="+", metavar="WHEN")

    p = verb("done", "mark an action done (a follow-up: --sent, --heard or --drop)")
    p.add_argument("action_id", type=int)
    how = p.add_mutually_exclusive_group()
    how.add_argument(
        "--sent",
        dest="how",
        action="store_const",
        const="sent",
        help="the follow-up went out (as followup)",
    )
    how.add_argument(
        "--heard",
        dest="how",
        action="store_const",
        const="heard",
        help="they answered first (as heard)",
    )
    how.add_argument(
        "--drop",
        dest="how",
        action="store_const",
        const="drop",
        help="not sent: drop it; the next follow-up is guessed from now",
    )
    p.add_argument("--force", action="store_true", help="with --sent: even if too soon (R5)")

    p = verb("talking-point", "remember what to mention to one interviewer (R2)")
    p.add_argument("company")
    p.add_argument("name")
    p.add_argument("point")

    verb("undo", "take back the last change")

    p = verb("quick", "one line of quick entry, as in the app (`a`)")
    p.add_argument("line", nargs="+")
    p.add_argument("--dry-run", action="store_true", help="only say what would be saved")
    p.add_argument(
        "--force",
        action="store_true",
        help="go ahead anyway: a company whose name looks like a known one, the same role again",
    )

    p = verb("list", "applications")
    p.add_argument("--all", action="store_true", help="include closed ones")
    p.add_argument("--json", action="store_true")

    p = verb("report", "how the search is going: funnel, activity, answers by source, habits")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--week", action="store_true", help="the last 7 days (the default)")
    when.add_argument("--month", action="store_true", help="the last 4 weeks")
    when.add_argument("--since", metavar="DATE", help="from that day, e.g. 2026-02-01 or 'feb 1'")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")

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

    p = verb("import", "import applications from a tracker CSV or a pursuit JSON export")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="only say what would be added")
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="date_order",
        action="store_const",
        const="day-first",
        help="read 03/11/2026 as 3 November when the file does not say",
    )
    order.add_argument(
        "--month-first",
        dest="date_order",
        action="store_const",
        const="month-first",
        help="read 03/11/2026 as March 11 when the file does not say",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help='read a column as a field, e.g. "Stage=status" or "Notes2=ignore" (repeatable)',
    )
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help="the file's encoding when it is not UTF-8, e.g. cp1252 (Excel on Windows)",
    )

    p = verb("export", "export as json (lossless), csv (spreadsheets) or ics (calendars)")
    p.add_argument("--format", choices=("json", "csv", "ics"), default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write FILE (mode 0600), not stdout")

    p = verb("copy", "copy the whole search into an empty database: a file or a server's")
    p.add_argument("--to", required=True, metavar="PATH|URL", help="a file, or postgresql://…")
    p.add_argument("--to-search", metavar="NAME", help="the search on that server")

    p = verb("restore", "replace the database with a backup (asks for --force if it exists)")
    p.add_argument("path", metavar="BACKUP")
    p.add_argument("--force", action="store_true", help="replace an existing database")

    p = verb("note", "print the pending drafts (one person's, if named); --sent what was sent")
    p.add_argument("company")
    p.add_argument("name", nargs="?")
    p.add_argument("--sent", action="store_true", help="the texts actually sent")
    p.add_argument("--edit", action="store_true", help="edit it in $VISUAL / $EDITOR and save")
    p.add_argument("--show", action="store_true", help="with --edit: print the saved draft")

    edit.add_parsers(verb)

    p = verb("config", "the settings file: `config path` or `config show` (effective values)")
    p.add_argument("what", choices=("path", "show"))

    p = verb("completion", "print a completion script: source <(pursuit completion bash)")
    p.add_argument("shell", choices=("bash", "zsh"))

    # Hidden (no help= so argparse does not list it): the completion scripts call it.
    hidden = sub.add_parser("_companies", description="company names, one a line")
    hidden.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS)

    return parser
