"""Files pursuit reads and writes besides its database, handled like a careful tool.

- A file written (`export -o`, `backup`) is never the database or one of its side files
  (-wal, -shm, -journal), and never anything but a regular file: a device, a named pipe
  or a folder is refused, not replaced with a regular file.
- A file read (`import`) is a regular file, opened without waiting (a named pipe would
  block), and read in pieces that stop at the size limit: `/dev/zero` or a 10 GB file
  never reaches memory whole.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pursuit.store.errors import InputError
from pursuit.store.sqlite import SIDE_FILES, file_kind

_CHUNK = 1 << 20

# Files bigger than this are not a job search; refuse before reading them into memory.
MAX_IMPORT_BYTES = 50 * 1024 * 1024


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.absolute() == b.absolute() or a.resolve() == b.resolve()


def check_output_target(target: Path, database: Path | None) -> None:
    """InputError unless `target` is a path a new regular file may be written to (a file
    that exists is replaced only if it is a regular file and not the database's)."""
    if database is not None:
        for side in ("", *SIDE_FILES):
            if _same_file(target, Path(f"{database}{side}")):
                what = "the database" if not side else f"the database's {side} file"
                raise InputError(f"{target} is {what}; write the export somewhere else")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror}") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise InputError(f"{target} is {file_kind(mode)}; give the name of a file to write")


def read_limited(path: Path, limit: int, *, what: str = "a tracker export") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError otherwise."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer before it is refused.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(f"{path} is {file_kind(mode)}; import reads a regular file")
    with os.fdopen(fd, "rb", buffering=0) as handle:
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                chunk = handle.read(_CHUNK)
            except OSError as exc:
                raise InputError(f"cannot read {path}: {exc.strerror}") from None
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                # Checked while reading, not from the size stat() gave: a file that grows,
                # or one whose size the system does not know, stops here all the same.
                raise InputError(f"{path} is over {limit // 2**20} MB; that is not {what}")
            chunks.append(chunk)
    return b"".join(chunks)
