"""A fork server for the kill -9 test: imports pursuit once, then forks writer processes.

Starting Python and importing SQLModel costs about a second; forking an already-loaded
process costs milliseconds, so the test can kill a hundred writers in seconds. Each child is
a separate process that opens its own connections and writes through the project's own
write path (`store.commands.add_application`), one application per transaction. Only after
`add_application` returns (the commit is done) does it print `{"ack": id, "title": ...}`,
written straight to file descriptor 1 so nothing sits in a buffer when it is killed.

stdin: one JSON command per line: {"op": "spawn", "db": PATH, "tag": TEXT} or
{"op": "sync"}. stdout: {"pid": N} per spawn, {"sync": true} per sync, and the children's
acks. The pipe is first in, first out: once the test has killed a child and sees the reply to
a later sync, every ack that child wrote has been read.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from pursuit.store.commands import add_application
from pursuit.store.context import Ctx
from pursuit.store.database import Database, open_database


def _say(data: dict[str, object]) -> None:
    os.write(1, (json.dumps(data) + "\n").encode())


_WARM: dict[str, Database] = {}


def _warm(path: str) -> Database:
    """Open the database and write once here, before any fork: each child then starts with
    SQLAlchemy's statement cache filled (compiling costs ~100 ms per new engine) and no
    connection open, as SQLite requires across fork()."""
    if path not in _WARM:
        db = open_database(Path(path))
        add_application(Ctx(db=db, now=datetime.now(UTC), tz=UTC), "Warm", "warm-up")
        db.engine.dispose()
        _WARM[path] = db
    return _WARM[path]


def writer(db: Database, tag: str) -> None:
    n = 0
    while True:
        title = f"{tag}-{n}"
        ctx = Ctx(db=db, now=datetime.now(UTC), tz=UTC)
        added = add_application(ctx, f"Writer {tag.split('-')[0]}", title)
        _say({"ack": added.added.application_id, "title": title})
        n += 1


def main() -> None:
    # Children are reaped by the kernel; the test watches them through pidfds.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    _say({"ready": True})
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["op"] == "sync":
            _say({"sync": True})
            continue
        db = _warm(cmd["db"])
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            try:
                writer(db, cmd["tag"])
            except BaseException as exc:
                _say({"error": f"{cmd['tag']}: {type(exc).__name__}: {exc}"})
            finally:
                os._exit(1)
        _say({"pid": pid})


if __name__ == "__main__":
    main()
