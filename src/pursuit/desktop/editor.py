"""Opening the user's editor on a piece of text ($VISUAL, then $EDITOR, then vi).

Used by `pursuit note --edit` and by the app's `e` (inside `App.suspend()`, so the editor
gets the terminal). The text goes through a private temporary file that is removed after.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path


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


def edit_text(text: str, *, name: str = "pursuit-note") -> str:
    """The text as the user left it in the editor (trailing blank space trimmed).
    Raises EditorError when the editor is missing or exits with a failure."""
    command = editor_command()
    # mkstemp creates the file with mode 0600: drafts can be personal.
    fd, tmp = tempfile.mkstemp(prefix=f"{name}-", suffix=".txt")
    path = Path(tmp)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text.rstrip() + "\n")
        try:
            result = subprocess.run([*command, str(path)], check=False)
        except FileNotFoundError:
            raise EditorError(f"editor {command[0]!r} not found; set VISUAL or EDITOR") from None
        except OSError as exc:
            raise EditorError(f"cannot run editor {command[0]!r}: {exc.strerror}") from None
        if result.returncode != 0:
            raise EditorError(f"the editor exited with status {result.returncode}; nothing saved")
        return path.read_text(encoding="utf-8").rstrip()
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
