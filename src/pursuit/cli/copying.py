"""`pursuit copy --to PATH|URL [--to-search NAME]`: move a search between engines."""

from __future__ import annotations

import argparse

from pursuit.cli.context import open_ctx
from pursuit.cli.output import UsageError, one_line


def cmd_copy(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pursuit.store.copying import copy_search
    from pursuit.store.location import PgTarget, is_postgres, pg_target, sqlite_path
    from pursuit.store.opening import open_location

    ctx = open_ctx(args)
    where: Path | PgTarget
    if is_postgres(args.to):
        where = pg_target(args.to, args.to_search)
    elif args.to_search:
        raise UsageError("--to-search names a search on a PostgreSQL server; --to is a file")
    else:
        path = sqlite_path(args.to)
        if path.exists() and path.resolve() == ctx.db.path.resolve():
            raise UsageError("--to is the database being copied; give another")
        where = path
    target = open_location(where)
    try:
        if target.label == ctx.db.label:
            raise UsageError("--to is the search being copied; give another")
        done = copy_search(ctx, target)
    finally:
        target.close()
    apps = done.counts.get("application", 0)
    print(one_line(f"Copied {apps} applications from {ctx.db.label} to {target.label}"))
    print(f"Checked: both export the same {done.size:,} bytes of JSON")
    return 0
