"""Another process that runs pursuit's own code on command: JSON lines in, JSON lines out.

Starting Python and importing SQLModel costs about a second, so a test that needs hundreds
of command-line calls or writes from another process starts one of these and sends it work.
`cli` runs `pursuit.cli.dispatch.main(argv)` here, the very function the installed `pursuit`
runs, with stdout and stderr captured and the environment set per call.

    python runner.py [--log FILE]     # --log: every logger at DEBUG into FILE
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import select
import sqlite3
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if "--log" in sys.argv:
    logging.basicConfig(
        filename=sys.argv[sys.argv.index("--log") + 1],
        level=logging.DEBUG,
        format="%(name)s %(levelname)s %(message)s",
    )
    logging.captureWarnings(True)
    # SQLAlchemy sets its own loggers to WARNING unless they are set first: someone debugging
    # turns them up, echo or not, and then every statement and its parameters are logged.
    logging.getLogger("sqlalchemy").setLevel(logging.DEBUG)

from dateutil import tz as dateutil_tz

from pursuit.cli import dispatch
from pursuit.domain.people import Person
from pursuit.store.actions import complete
from pursuit.store.commands import add_application, log_interview
from pursuit.store.context import Ctx
from pursuit.store.database import Database, open_database

_DATABASES: dict[str, Database] = {}


def _db(path: str) -> Database:
    if path not in _DATABASES:
        _DATABASES[path] = open_database(Path(path))
    return _DATABASES[path]


def _ctx(path: str, now: str | None) -> Ctx:
    when = datetime.fromisoformat(now) if now else datetime.now(UTC)
    zone = dateutil_tz.gettz(os.environ.get("PURSUIT_TZ", "UTC"))
    assert zone is not None
    return Ctx(db=_db(path), now=when, tz=zone)


def fingerprint(path: str | dict[str, str]) -> str:
    """A hash of the whole logical content, read-only (a write would change it). A
    PostgreSQL search is named {"url": ..., "search": ...}: its revision counter, which
    every write moves, and its lossless export."""
    if isinstance(path, dict):
        return _search_fingerprint(path["url"], path["search"])
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
        digest.update(str(conn.execute("PRAGMA user_version").fetchone()[0]).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def _search_fingerprint(url: str, search: str) -> str:
    from pursuit.store.exporter import export_json
    from pursuit.store.location import pg_target
    from pursuit.store.opening import open_location

    key = f"{url} {search}"
    if key not in _DATABASES:
        local = Path(tempfile.mkdtemp(prefix="runner-pg-"))
        _DATABASES[key] = open_location(pg_target(url, search), local=local)
    db = _DATABASES[key]
    digest = hashlib.sha256(str(db.revision()).encode())
    digest.update(export_json(db))
    return digest.hexdigest()


def run_cli(argv: list[str], env: dict[str, str | None]) -> dict[str, Any]:
    saved = {k: os.environ.get(k) for k in env}
    for key, value in env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = dispatch.main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:
                traceback.print_exc()
                code = 99
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
    return {"code": code, "out": out.getvalue(), "err": err.getvalue()}


def _case(case: dict[str, Any]) -> dict[str, Any]:
    started = time.perf_counter()
    result = run_cli(case["argv"], case.get("env", {}))
    result["seconds"] = round(time.perf_counter() - started, 4)
    if case.get("fingerprint"):
        result["fingerprint"] = fingerprint(case["fingerprint"])
    return result


def _write(item: dict[str, Any], path: str) -> int:
    ctx = _ctx(path, item.get("now"))
    if item["kind"] == "add":
        return add_application(ctx, item["company"], item["role"]).added.application_id
    if item["kind"] == "done":
        complete(ctx, int(item["action_id"]))
        return int(item["action_id"])
    logged = log_interview(
        ctx,
        item["company"],
        at=datetime.fromisoformat(item["at"]),
        people=tuple(Person(n) for n in item["people"]),
        role=item["role"],
    )
    return logged.interview_id


def handle(cmd: dict[str, Any]) -> dict[str, Any] | None:
    op = cmd["op"]
    if op == "cli":
        return _case(cmd)
    if op == "cli_many":
        return {"results": [_case(c) for c in cmd["cases"]]}
    if op == "fingerprint":
        return {"fingerprint": fingerprint(cmd["db"])}
    if op == "write_many":
        ids, errors = [], []
        for item in cmd["items"]:
            try:
                ids.append(_write(item, cmd["db"]))
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
        return {"ids": ids, "errors": errors}
    if op == "write_loop":
        # Adds applications until a line arrives on stdin, so a test can act while writes
        # are certainly going on, however slow the machine.
        count, errors = 0, []
        while not select.select([sys.stdin], [], [], 0)[0]:
            try:
                add_application(_ctx(cmd["db"], None), f"Loop {count % 9}", f"loop-{count}")
                count += 1
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
        sys.stdin.readline()
        return {"count": count, "errors": errors}
    if op == "contend":
        # Show the write lock is taken now (a zero-timeout BEGIN IMMEDIATE fails), then
        # write through the project's path, which must wait for it instead of failing.
        probe = sqlite3.connect(cmd["db"], timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            locked = False
        except sqlite3.OperationalError:
            locked = True
        finally:
            probe.close()
        print(json.dumps({"locked": locked}), flush=True)
        try:
            added = add_application(_ctx(cmd["db"], None), cmd["company"], cmd["role"]).added
            return {"id": added.application_id}
        except Exception as exc:
            return {"error": f"{type(exc).__name__}: {exc}"}
    if op == "add":
        added = add_application(_ctx(cmd["db"], cmd.get("now")), cmd["company"], cmd["role"]).added
        return {"id": added.application_id}
    raise ValueError(f"unknown op {op}")


def main() -> None:
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["op"] == "quit":
            break
        try:
            reply = handle(cmd)
        except Exception as exc:
            reply = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
        print(json.dumps(reply), flush=True)
    for db in _DATABASES.values():
        db.close()


if __name__ == "__main__":
    main()
