"""`pursuit copy --to URL`: a whole search moved between engines (or files), checked.

The copy is pursuit's own JSON export imported into an empty target, the same path as
`export` then `import`: ids are kept, so the target exports the very same bytes, and
that is checked before the copy is reported done. What does not move is what the export
leaves out, as it belongs to one database rather than to the search: the undo history,
the revision counter, rows removed (soft-deleted) that nothing live points to, and the
options nudge's snooze.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.errors import InputError
from pursuit.store.exporter import export_json
from pursuit.store.json_import import import_json
from pursuit.store.sqlite import DatabaseError

_TABLES = ("company", "contact", "application", "interview", "action", "event", "setting")


@dataclass(frozen=True)
class Copied:
    counts: dict[str, int]
    size: int
    """Bytes of the export both sides give."""


def is_empty(db: Database) -> bool:
    with db.read() as conn:
        return all(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0 for t in _TABLES)


def copy_search(ctx: Ctx, target: Database) -> Copied:
    """Copy everything in ctx.db into `target`, which must hold no search yet."""
    if not is_empty(target):
        raise InputError(
            f"{target.label} already holds a search; copy into an empty one (another "
            "--to file, or --to-search NAME on a server)"
        )
    text = export_json(ctx.db)
    report = import_json(replace(ctx, db=target), text.decode("utf-8"), label="copy")
    if report.problems:
        raise DatabaseError(
            f"the copy into {target.label} left out {len(report.problems)} rows "
            f"({report.problems[0]}); empty it and try again"
        )
    again = export_json(target)
    if again != text:
        raise DatabaseError(
            f"the copy in {target.label} does not export the same as {ctx.db.label}; "
            "nothing in the original was changed"
        )
    return Copied(dict(report.counts), len(text))
