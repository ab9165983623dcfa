"""What pursuit keeps when something goes wrong: a crash report (in the data folder), and
text typed in the app that could not be saved (beside its database, in
`pursuit.db.recovered/`, where the next start of the app finds it). Both are owner-only
files (0600) in owner-only folders (0700), never the terminal: a traceback holds what was
being written (names, notes, drafts), and scrollback is shared.

Standard library only; `paths` finds the folder.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from pursuit.paths import data_dir

_FILE_MODE = 0o600
_DIR_MODE = 0o700


def _private_file(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, mode=_DIR_MODE, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    for n in range(100):
        path = folder / f"{name}-{stamp}{f'-{n}' if n else ''}.txt"
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, _FILE_MODE)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as out:
            out.write(text)
        return path
    raise FileExistsError(folder / name)


def crash_report(exc: BaseException) -> Path | None:
    """Write the details of an unexpected error; the file's path, or None if it could not
    be written (then there is nothing more to do: the one line says what happened)."""
    details = "".join(traceback.format_exception(exc))
    try:
        return _private_file(data_dir(), "crash", details)
    except OSError:
        return None


def crash_line(exc: BaseException) -> str:
    """The one line an unexpected error gets: its type and where its details went."""
    path = crash_report(exc)
    where = f"details in {path}" if path else "no details could be written"
    return f"unexpected error ({type(exc).__name__}); {where}"


def recovery_folder(database: Path) -> Path:
    return database.with_name(f"{database.name}.recovered")


def keep_text(database: Path, text: str, what: str) -> Path | None:
    """Keep text that could not be saved (a quick-entry line, an edited draft) where the
    next start of the app on this database finds it; None if even that failed."""
    try:
        return _private_file(recovery_folder(database), what, text)
    except OSError:
        return None


def recovered_files(database: Path) -> list[Path]:
    folder = recovery_folder(database)
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    except OSError:
        return []
