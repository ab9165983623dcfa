"""zsh completion, in a real interactive zsh (issue 15): the script `pursuit completion
zsh` prints is loaded after compinit, Tab is pressed on a pseudo-terminal, and what the
completion system was offered is recorded by a wrapper around the `compadd` builtin.

zsh is installable from the system's packages (`apt-get install zsh`); without it the
test is skipped, saying so."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import NOW, PURSUIT, cli_env
from pursuit.store import commands
from pursuit.store.context import Ctx

pytestmark = pytest.mark.skipif(
    shutil.which("zsh") is None, reason="zsh is not installed (apt-get install zsh)"
)

STATUSES = [
    "wishlist",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "ghosted",
    "on_hold",
]


class Zsh:
    """An interactive `zsh -f` on a pseudo-terminal with pursuit's completion loaded."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.log = folder / "offered.txt"
        script = folder / "_pursuit.zsh"
        made = subprocess.run(
            [str(PURSUIT), "completion", "zsh"], env=env, capture_output=True, text=True
        )
        assert made.returncode == 0, made.stderr
        script.write_text(made.stdout)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become zsh
            os.execve(shutil.which("zsh") or "zsh", ["zsh", "-f", "-i"], env)
        log = self.log
        self.send(
            f"autoload -Uz compinit; compinit -u -d {folder}/zcompdump\n"
            f"source {script}\n"
            # What the completion system is offered, whoever calls compadd (_describe too).
            'compadd() { local -a got; builtin compadd -O got "$@"; '
            f'print -rl -- "${{got[@]}}" >> {log}; builtin compadd "$@"; }}\n'
            # A mark when pursuit's completion function has returned.
            "functions[_pursuit_real]=$functions[_pursuit]\n"
            f'_pursuit() {{ _pursuit_real "$@"; local r=$?; print -r -- "-- end" >> {log}; '
            "return r; }\n"
            "print -r READY-$((6 * 7))\n"
        )
        self.read_until(b"READY-42")

    def send(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def read_until(self, marker: bytes, timeout: float = 60) -> None:
        seen = b""
        deadline = time.monotonic() + timeout
        while marker not in seen:
            assert time.monotonic() < deadline, f"zsh said: {seen[-400:]!r}"
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                seen += os.read(self.fd, 4096)

    def offered(self, line: str) -> list[str]:
        """What Tab after `line` offers (every candidate that fits what is typed)."""
        self.log.write_text("")
        self.send(line + "\t")
        deadline = time.monotonic() + 60
        while "-- end" not in self.log.read_text():
            assert time.monotonic() < deadline, f"no completion for {line!r}"
            time.sleep(0.02)
        # ctrl-u clears what the completion put on the line; the echo drains the terminal.
        self.send("\x15print -r DONE-$((6 * 7))\n")
        self.read_until(b"DONE-42")
        return [w for w in self.log.read_text().splitlines() if w and w != "-- end"]

    def close(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def zsh(ctx: Ctx, tmp_path: Path) -> Iterator[Zsh]:
    commands.add_application(ctx, "Acme Robotics", "Engineer")
    commands.add_application(ctx, "acme labs", "Engineer")
    commands.add_application(ctx, "Globex", "SRE")
    env = cli_env(ctx.db.path, NOW)
    env.update(PATH=f"{PURSUIT.parent}{os.pathsep}{env['PATH']}", TERM="xterm", HOME=str(tmp_path))
    shell = Zsh(tmp_path, env)
    yield shell
    shell.close()


def test_zsh_offers_statuses_after_move_company(zsh: Zsh, ctx: Ctx) -> None:
    assert zsh.offered("pursuit move Globex ") == STATUSES
    assert zsh.offered("pursuit move Globex on") == ["on_hold"]
    assert zsh.offered(f"pursuit --db {ctx.db.path} move acme\\ labs g") == ["ghosted"]


def test_zsh_offers_verbs_companies_and_choices(zsh: Zsh) -> None:
    assert zsh.offered("pursuit mo") == ["move"]
    assert zsh.offered("pursuit move Gl") == ["Globex"]
    assert sorted(zsh.offered("pursuit thanks a")) == ["Acme Robotics", "acme labs"]
    assert zsh.offered("pursuit export --format i") == ["ics"]
    assert zsh.offered("pursuit completion ") == ["bash", "zsh"]
    # After the company, thanks wants a person's name: no statuses, no companies.
    assert zsh.offered("pursuit thanks Globex ") == []
