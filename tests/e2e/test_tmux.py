"""The app in a real terminal: run in tmux, keys sent with `send-keys`, the screen read with
`capture-pane`. Each test has its own tmux server (a private socket), so nothing here
touches the developer's own sessions.

Waiting is on what the screen shows, polled, with a deadline: a real terminal has no
"workers done" to wait for.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import PURSUIT, cli_env

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed: the terminal tests need it"
)

NOW = "2026-11-26T15:20:00-05:00"


class Terminal:
    def __init__(self, socket: Path, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return done.stdout

    def start(self, width: int, height: int) -> None:
        command = " ".join([*(f"{k}='{v}'" for k, v in self.env.items()), str(PURSUIT)])
        self.tmux(
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            str(width),
            "-y",
            str(height),
            f"env -i {command}",
        )

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p", "-t", "app").splitlines()

    def text(self) -> str:
        return "\n".join(self.screen())

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "app", *(["-l"] if literal else []), *keys)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", "app", "-x", str(width), "-y", str(height))

    def wait(self, condition: Callable[[str], bool], *, seconds: float = 20) -> str:
        deadline = time.monotonic() + seconds
        while True:
            text = self.text()
            if condition(text):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never showed it:\n{text}")
            time.sleep(0.1)

    def settled(self, *, seconds: float = 20) -> str:
        """The screen once it has stopped changing and no toast is up (they time out)."""
        last = ""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text = self.text()
            if text == last and "▌" not in text:
                return text
            last = text
            time.sleep(0.3)
        raise AssertionError(f"the screen never settled:\n{last}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    db = tmp_path / "pursuit.db"
    env = cli_env(db, NOW)
    env["TERM"] = "xterm-256color"
    subprocess.run([str(PURSUIT), "demo"], env=env, check=True, capture_output=True, timeout=120)
    term = Terminal(tmp_path / "tmux.sock", env)
    yield term
    subprocess.run(
        ["tmux", "-S", str(term.socket), "kill-server"], capture_output=True, check=False
    )


def test_the_first_screen_at_120x35(terminal: Terminal) -> None:
    terminal.start(120, 35)
    text = terminal.wait(lambda t: "Wayne Enterprises" in t and "q Quit" in t)
    lines = terminal.screen()
    assert len(lines) == 35
    assert "overdue" in lines[0] and "options" in lines[0]
    assert "Follow-ups" in text and "Active applications" in text and "Detail" in text
    assert lines[-1].rstrip().endswith("? Help  q Quit")


def test_the_first_screen_at_80x30_stacks_the_panes(terminal: Terminal) -> None:
    terminal.start(80, 30)
    text = terminal.wait(lambda t: "Wayne Enterprises" in t and "q Quit" in t)
    assert "Detail" not in text
    assert all(len(line) <= 80 for line in terminal.screen())
    assert terminal.screen()[-1].rstrip().endswith("? Help  q Quit")


def test_quick_entry_saves_a_line(terminal: Terminal) -> None:
    terminal.start(120, 35)
    terminal.wait(lambda t: "Wayne Enterprises" in t)
    terminal.keys("a")
    terminal.wait(lambda t: "Quick entry" in t)
    terminal.keys("Initech / Platform Engineer", literal=True)
    terminal.wait(lambda t: "Initech (new company)" in t)
    terminal.keys("Enter")
    terminal.wait(lambda t: "Quick entry" not in t and "Initech" in t)


def test_a_write_from_another_process_shows_up(terminal: Terminal) -> None:
    terminal.start(120, 35)
    terminal.wait(lambda t: "Wayne Enterprises" in t)
    subprocess.run(
        [str(PURSUIT), "add", "Zeta Labs", "Data Scientist"],
        env=terminal.env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    terminal.wait(lambda t: "Zeta Labs" in t, seconds=10)


def test_a_resize_and_back_draws_the_same_screen(terminal: Terminal) -> None:
    terminal.start(120, 35)
    terminal.wait(lambda t: "Wayne Enterprises" in t)
    before = terminal.settled()
    terminal.resize(80, 30)
    narrow = terminal.wait(lambda t: "Detail" not in t and "Wayne Enterprises" in t)
    assert all(len(line) <= 80 for line in narrow.splitlines())
    terminal.resize(120, 35)
    terminal.wait(lambda t: "Detail" in t)
    assert terminal.settled() == before


def test_the_app_ends_when_its_terminal_goes_away_under_make(terminal: Terminal) -> None:
    # As `make demo` runs it: make takes the hang-up and no SIGHUP reaches the app, whose
    # input then ended; before, it spun on that end of input at a whole core for ever.
    folder = terminal.socket.parent
    command = " ".join([*(f"{k}='{v}'" for k, v in terminal.env.items()), str(PURSUIT)])
    (folder / "Makefile").write_text(f"run:\n\techo $$PPID > app.parent; env -i {command}\n")
    terminal.tmux(
        "new-session", "-d", "-s", "app", "-x", "100", "-y", "30", f"make -s -C {folder} run"
    )
    terminal.wait(lambda t: "q Quit" in t)
    make = (folder / "app.parent").read_text().split()[0]
    found = subprocess.run(["pgrep", "-P", make], capture_output=True, text=True, check=False)
    shells = found.stdout.split()
    found = subprocess.run(["pgrep", "-P", ",".join(shells)], capture_output=True, text=True)
    pids = [int(p) for p in (found.stdout.split() or shells)]
    terminal.tmux("kill-server")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                os.kill(pid, 0)
                alive.append(pid)
            except ProcessLookupError:
                pass
        if not alive:
            return
        time.sleep(0.2)
    for pid in alive:
        os.kill(pid, 9)
    raise AssertionError("the app kept running after its terminal closed")
