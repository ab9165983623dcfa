"""Every verb explains itself."""

from __future__ import annotations

import argparse

from conftest import RunCli
from pursuit.cli.dispatch import VERBS
from pursuit.cli.parser import build_parser

ISSUE_VERBS = {
    "add",
    "interview",
    "guidance",
    "thanks",
    "followup",
    "heard",
    "move",
    "reject",
    "checkin",
    "reopen",
    "snooze",
    "done",
    "talking-point",
    "undo",
    "quick",
    "list",
    "due",
    "status",
    "backup",
    "demo",
}


def _verbs() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    # Names starting with "_" are helpers for shell completion, hidden on purpose.
    return {name: p for name, p in sub.choices.items() if not name.startswith("_")}


def test_every_verb_has_help_text() -> None:
    verbs = _verbs()
    assert set(verbs) >= ISSUE_VERBS
    assert set(verbs) <= set(VERBS)
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {a.dest: a.help for a in sub._choices_actions}
    for name, verb in verbs.items():
        assert helps.get(name), f"{name} has no help line"
        assert verb.description, f"{name} has no description"
        text = verb.format_help()
        assert "--db" in text, name


def test_help_runs(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for verb in ISSUE_VERBS:
        assert f"    {verb}" in result.stdout
