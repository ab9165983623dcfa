"""Issue 4, item 14: with every logger at DEBUG (SQLAlchemy's included, echo off), a canary
name and note never appear in log output, nor in the message of an unexpected error (what
ends up in a bug report or a terminal scrollback someone shares).

One-line answers to bad input may repeat what the user just typed ("no company matches
..."); that is the user's own terminal and is not checked here. Unexpected errors are:
pursuit prints only the error's type, and SQLAlchemy's messages must not carry the SQL
parameters either.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import SQLAlchemyError

from pursuit.domain.matching import name_key
from pursuit.store.database import open_database
from pursuit.store.models import Company
from pursuit.store.unit import write_session

from .helpers.common import Runner, Tally

pytestmark = pytest.mark.reliability

NAME = "Zebulon Qanaryfeld"
NOTE = "note-canary-7f3a9 about the offsite"
COMPANY = "Kestrel Canaryworks"


def _canary(text: str) -> bool:
    low = text.lower()
    return any(c.lower() in low for c in ("Qanaryfeld", "canary-7f3a9", "Canaryworks"))


def test_canary_never_reaches_logs_or_error_messages(
    tmp_path: Path,
    env: dict[str, str],
    start_runner: Callable[..., Runner],
    tally: Tally,
) -> None:
    log = tmp_path / "debug.log"
    path = tmp_path / "pursuit.db"
    broken = tmp_path / "broken.db"
    db = ["--db", str(path)]
    runner = start_runner(env, "--log", str(log))
    ok = [
        ["add", COMPANY, "Backend Engineer"],
        ["interview", COMPANY, "--at", "today 08:00", "--with", f"{NAME} (EM)"],
        ["talking-point", COMPANY, NAME, NOTE],
        ["thanks", COMPANY, NAME, "--note", NOTE],
        ["followup", COMPANY, "--note", NOTE, "--force"],
        ["heard", COMPANY, "--note", NOTE],
        ["quick", f"{COMPANY} interview tomorrow 15:00 with {NAME}"],
        ["list", "--json"],
        ["due", "--json"],
        ["status"],
        ["undo"],
    ]
    bad = [
        ["thanks", COMPANY, NAME, "--note", NOTE],  # nothing pending any more
        ["interview", COMPANY, "--at", f"{NAME} o'clock", "--with", NAME],
        ["checkin", COMPANY, "--note", NOTE],
        ["reopen", COMPANY, NAME],
    ]
    # The commands write with the standard library's driver, which logs nothing; a JSON
    # import (rows copied through the ORM) is what makes SQLAlchemy log statements.
    exported = tmp_path / "copy.json"
    ok += [["export", "--format", "json", "-o", str(exported)]]
    cases = [{"argv": db + a, "env": env} for a in ok + bad]
    copy = ["--db", str(tmp_path / "copy.db"), "import", str(exported)]
    cases.insert(len(ok), {"argv": copy, "env": env})
    ok += [copy[2:]]
    results = runner.call(op="cli_many", cases=cases)["results"]
    expected = [0] * len(ok) + [2] * len(bad)
    for argv, code, res in zip(ok + bad, expected, results, strict=True):
        argv = argv if argv[0] != "--db" else argv[2:]
        with tally.case(f"pursuit {argv[0]} exits {code}"):
            assert res["code"] == code, (argv, res["code"], res["err"])
            assert "Traceback" not in res["err"]

    # An unexpected failure deep in a write: a trigger makes SQLite refuse the insert.
    open_database(broken).close()
    with closing(sqlite3.connect(broken)) as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON application "
            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
        )
        conn.commit()
    crash = runner.call(op="cli", argv=["--db", str(broken), "add", COMPANY, NAME], env=env)
    with tally.case("an unexpected error says only its type"):
        assert crash["code"] == 1, crash
        assert "unexpected error" in crash["err"] and not _canary(crash["err"]), crash["err"]
    runner.close()

    text = log.read_text(encoding="utf-8")
    with tally.case("the debug log was written (SQLAlchemy logged its statements)"):
        assert "INSERT INTO" in text, text[:500]
    with tally.case("no canary in the debug log"):
        leaks = [line for line in text.splitlines() if _canary(line)]
        assert not leaks, leaks[:3]

    # The messages of SQLAlchemy's own errors, as they would be logged or re-raised.
    store = open_database(path)
    now = datetime.now(UTC)
    try:
        with write_session(store, label="dup", now=now) as session:
            session.add(Company(name=COMPANY, name_key=name_key(COMPANY), created_at=now))
        message = ""
    except SQLAlchemyError as exc:
        message = str(exc)
    finally:
        store.close()
    with tally.case("a database error's message carries no parameters"):
        assert "UNIQUE" in message, message
        assert not _canary(message), message
    tally.finish()
