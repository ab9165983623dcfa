"""Opening the user's editor on a piece of text ($VISUAL, then $EDITOR, then vi).

Used by `pursuit note --edit` and by the app's `e` (inside `App.suspend()`, so the editor
gets the terminal). The text goes through a private temporary file that is removed after,
whatever happens (see `edit_text`).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any


class EditorError(Exception):
    """The editor could not run or gave up; the message is one line."""


def editor_command(env: Mapping[str, str] | None = None) -> list[str]:
    env = os.environ if env is None else env
    chosen = env.get("VISUAL") or env.get("EDITOR") or "vi"
    try:
        # "code --wait" and "emacsclient -t" are commands with arguments, not file names.
        parts = shlex.split(chosen)
    except ValueError as exc:
        raise EditorError(f"cannot read the editor command {chosen!r}: {exc}") from None
    if not parts:
        raise EditorError("the editor command is empty; set VISUAL or EDITOR")
    return parts


_FOLDER_PREFIX = "pursuit-edit-"
# What pursuit can catch while the editor runs, and must not leave a draft behind for.
# (SIGINT raises KeyboardInterrupt, which the `finally` below already handles; SIGKILL
# cannot be caught: its folder is swept by the next edit, see `_sweep`.)
_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM", "SIGQUIT") if hasattr(signal, name)
)


def edit_text(text: str, *, name: str = "pursuit-note") -> str:
    """The text as the user left it in the editor (trailing blank space trimmed).
    Raises EditorError when the editor is missing, exits with a failure, or saves text
    that is not UTF-8.

    The draft goes through a file in a private folder of its own (0700; the file 0600):
    drafts can be personal. The folder is removed when the editor returns, when pursuit is
    stopped by a signal it can catch, and, if pursuit was killed, by the next edit."""
    command = editor_command()
    _sweep()
    folder = Path(tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-"))
    path = folder / f"{name}.txt"
    try:
        with _removed_on_signals(folder):
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text.rstrip() + "\n")
            try:
                result = subprocess.run([*command, str(path)], check=False)
            except FileNotFoundError:
                raise EditorError(
                    f"editor {command[0]!r} not found; set VISUAL or EDITOR"
                ) from None
            except OSError as exc:
                raise EditorError(f"cannot run editor {command[0]!r}: {exc.strerror}") from None
            if result.returncode != 0:
                raise EditorError(
                    f"the editor exited with status {result.returncode}; nothing saved"
                )
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise EditorError(f"cannot read what the editor saved: {exc.strerror}") from None
        try:
            return data.decode("utf-8").rstrip()
        except UnicodeDecodeError as exc:
            raise EditorError(
                f"the editor saved text that is not UTF-8 (byte 0x{data[exc.start]:02x} at "
                f"position {exc.start}); nothing saved: save the file as UTF-8"
            ) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _removed_on_signals(folder: Path) -> Iterator[None]:
    """While the editor runs: a signal that would end pursuit removes the folder first,
    then ends pursuit as it would have (the signal is raised again, its usual way)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # handlers can only be set on the main thread
        return

    def handler(signum: int, _frame: object) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        signal.signal(signum, previous.get(signum, signal.SIG_DFL))
        os.kill(os.getpid(), signum)

    previous: dict[int, Any] = {}
    for sig in _SIGNALS:
        previous[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _sweep() -> None:
    """Remove the folders of edits whose pursuit is gone (killed with SIGKILL)."""
    root = Path(tempfile.gettempdir())
    try:
        candidates = list(root.glob(f"{_FOLDER_PREFIX}*"))
    except OSError:
        return
    for folder in candidates:
        pid_text = folder.name.removeprefix(_FOLDER_PREFIX).split("-", 1)[0]
        try:
            if folder.stat().st_uid != os.geteuid() or not pid_text.isdigit():
                continue
            os.kill(int(pid_text), 0)  # still running: its edit is going on
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
