"""Issue 14, the smaller problems: demo on a database with data, the editor's temporary
draft, bash and zsh completion of names with spaces, quotes and pattern characters, a
non-UTF-8 byte typed into the app, and the app's start-up faults as a real process."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from .helpers.common import PURSUIT, Tally, table_rows

pytestmark = pytest.mark.reliability


def _pursuit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PURSUIT), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_demo_refuses_a_database_with_data(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    db = tmp_path / "pursuit.db"
    assert _pursuit(env, "--db", str(db), "add", "Acme", "Engineer").returncode == 0
    before = table_rows(db)
    proc = _pursuit(env, "--db", str(db), "demo")
    with tally.case("demo on a search: refused, one line, nothing written"):
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "already holds a search" in proc.stderr
        assert "--force" not in proc.stderr
        assert table_rows(db) == before
    fresh = tmp_path / "demo.db"
    with tally.case("demo into a new file, then again: written once"):
        assert _pursuit(env, "--db", str(fresh), "demo").returncode == 0
        once = table_rows(fresh)
        again = _pursuit(env, "--db", str(fresh), "demo")
        assert again.returncode == 2 and table_rows(fresh) == once, again.stderr
    tally.finish()


def _editor(tmp_path: Path, seen: Path, *, wait: bool) -> Path:
    script = tmp_path / ("slow-editor.sh" if wait else "editor.sh")
    body = f'echo "$1" > {seen}.tmp; echo $$ >> {seen}.tmp; mv {seen}.tmp {seen}\n'
    body += "sleep 30\n" if wait else 'printf "edited\\n" >> "$1"\n'
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o700)
    return script


def _wait_for(path: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def test_the_editors_draft_is_private_and_removed_on_every_signal(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    db = tmp_path / "pursuit.db"
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**env, "TMPDIR": str(temp)}
    assert _pursuit(env, "--db", str(db), "add", "Acme", "Engineer").returncode == 0
    assert (
        _pursuit(
            env, "--db", str(db), "interview", "acme", "--at", "2 hours ago", "--with", "Jane"
        ).returncode
        == 0
    )
    for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGQUIT, signal.SIGKILL):
        seen = tmp_path / f"seen-{sig.name}"
        editor = _editor(tmp_path, seen, wait=True)
        proc = subprocess.Popen(
            [str(PURSUIT), "--db", str(db), "note", "acme", "jane", "--edit"],
            env={**env, "VISUAL": str(editor)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            _wait_for(seen)
            draft_path, editor_pid = seen.read_text().split()
            draft = Path(draft_path)
            folder = draft.parent
            with tally.case(f"{sig.name}: the draft is 0600 in a 0700 folder of its own"):
                assert folder.parent == temp and folder.name.startswith("pursuit-edit-")
                assert stat.S_IMODE(folder.stat().st_mode) == 0o700
                assert stat.S_IMODE(draft.stat().st_mode) == 0o600
            proc.send_signal(sig)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            os.kill(int(editor_pid), signal.SIGKILL) if seen.exists() else None
        if sig == signal.SIGKILL:
            with tally.case("SIGKILL: nothing can run, so the next edit sweeps it"):
                assert folder.exists()  # nothing could remove it then
                quick = _editor(tmp_path, tmp_path / "seen-quick", wait=False)
                done = _pursuit(
                    {**env, "VISUAL": str(quick)}, "--db", str(db), "note", "acme", "jane", "--edit"
                )
                assert done.returncode == 0, done.stderr
                assert not folder.exists()
        else:
            with tally.case(f"{sig.name}: pursuit ends by the signal, the draft is gone"):
                assert proc.returncode == -sig, proc.returncode
                assert not folder.exists(), list(folder.iterdir())
    with tally.case("nothing of pursuit's is left in the temporary folder"):
        assert not list(temp.iterdir()), list(temp.iterdir())
    tally.finish()


NAMES = [
    "Acme Robotics",
    "Bob's Burgers",
    'The "Quoted" Co',
    "Star*Corp",
    "[ab] Labs",
    "Dollar $(touch pwned) Inc",
    "Tab\\Back Slash",
]


def test_bash_completes_names_with_spaces_quotes_and_patterns_exactly(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    db = tmp_path / "pursuit.db"
    for name in NAMES:
        assert _pursuit(env, "--db", str(db), "add", name, "Engineer").returncode == 0
    # Files a glob would match if a name were expanded as a pattern.
    work = tmp_path / "cwd"
    work.mkdir()
    for trap in ("StarXCorp", "a Labs", "b Labs"):
        (work / trap).write_text("")
    script = tmp_path / "pursuit.bash"
    script.write_text(_pursuit(env, "completion", "bash").stdout)
    full = {**env, "PURSUIT_DB": str(db), "PATH": f"{PURSUIT.parent}{os.pathsep}{env['PATH']}"}
    for name in NAMES:
        typed = name[:3]
        probe = (
            f"source {script}; COMP_WORDS=(pursuit thanks {_sh(typed)}); COMP_CWORD=2; _pursuit; "
            'for r in "${COMPREPLY[@]}"; do eval "set -- $r"; printf "%s\\n" "$1"; done'
        )
        out = subprocess.run(
            ["bash", "-c", probe], env=full, cwd=work, capture_output=True, text=True, timeout=60
        )
        with tally.case(f"bash: {name!r} completes to itself, quoted for the shell"):
            assert out.returncode == 0, out.stderr
            assert name in out.stdout.splitlines(), (out.stdout, out.stderr)
    with tally.case("bash: no name ran as a command"):
        assert not (work / "pwned").exists()
    tally.finish()


def _sh(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completes_names_with_spaces_quotes_and_patterns(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    db = tmp_path / "pursuit.db"
    for name in NAMES:
        assert _pursuit(env, "--db", str(db), "add", name, "Engineer").returncode == 0
    script = tmp_path / "_pursuit.zsh"
    script.write_text(_pursuit(env, "completion", "zsh").stdout)
    full = {**env, "PURSUIT_DB": str(db), "PATH": f"{PURSUIT.parent}{os.pathsep}{env['PATH']}"}
    # zsh's completion system only runs inside the line editor: stand in compadd, which
    # the script calls with the names, and check what it is given.
    probe = (
        "compadd() { local a; while [[ $1 == -* ]]; do case $1 in (-M) shift 2;; (-a) "
        'shift; for a in ${(P)1}; do print -r -- "$a"; done; return;; (--) shift; break;; '
        "(*) shift;; esac; done; }\n"
        "_describe() { : }; _files() { : }; compdef() { : }\n"
        f"source {script}\n"
        "words=(pursuit thanks ''); CURRENT=3; PREFIX=''; _pursuit\n"
    )
    out = subprocess.run(
        ["zsh", "-f", "-c", probe],
        env=full,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    with tally.case("zsh: every name offered exactly, once"):
        assert out.returncode == 0, out.stderr
        assert sorted(out.stdout.splitlines()) == sorted(NAMES), (out.stdout, out.stderr)
    tally.finish()


def _read_until(fd: int, needle: bytes, seconds: float = 30) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while needle not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"never saw {needle!r}; got {seen[-500:]!r}"
        ready, _, _ = select.select([fd], [], [], min(left, 0.5))
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_a_byte_that_is_not_utf8_typed_into_the_app(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    db = tmp_path / "pursuit.db"
    assert _pursuit(env, "--db", str(db), "add", "Acme", "Engineer").returncode == 0
    pid, fd = pty.fork()
    if pid == 0:  # the child: pursuit in a real terminal
        os.execve(
            str(PURSUIT),
            [str(PURSUIT), "--db", str(db)],
            {**env, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "35"},
        )
    output = b""
    try:
        output += _read_until(fd, b"Follow-ups")
        os.write(fd, b"a")  # quick entry
        time.sleep(0.5)
        os.write(fd, b"Caf\xe9 \xff\xfe / Engineer")  # Latin-1 and stray bytes
        time.sleep(1.0)
        os.write(fd, b"\x1b")  # escape the dialog
        time.sleep(0.5)
        os.write(fd, b"q")
        deadline = time.monotonic() + 30
        status = None
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                with contextlib.suppress(OSError):
                    output += os.read(fd, 65536)
        with tally.case("the app is still answering keys after the bad bytes, and quits 0"):
            assert status is not None and os.WIFEXITED(status), output[-800:]
            assert os.WEXITSTATUS(status) == 0, output[-800:]
        with tally.case("no traceback reached the terminal"):
            assert b"Traceback" not in output and b"UnicodeDecodeError" not in output
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    tally.finish()


def test_the_app_starting_on_a_bad_file_is_one_line(
    tmp_path: Path, env: dict[str, str], tally: Tally
) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"Company,Role\nAcme,Engineer\n" * 10)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path, code, words in [
        (damaged, 2, "not a pursuit database"),
        (fifo, 2, "named pipe"),
    ]:
        proc = subprocess.run(
            [str(PURSUIT), "--db", str(path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        with tally.case(f"the app on {path.name}: one line, exit {code}"):
            assert proc.returncode == code, (proc.returncode, proc.stderr)
            assert proc.stderr.count("\n") == 1 and words in proc.stderr, proc.stderr
    tally.finish()
