"""The verbs that set pursuit up: `config path` and `config show` (the effective settings,
rendered by config_show.py), `completion bash|zsh` (scripts made by completion.py from the
parser), and the hidden `_companies` those scripts call on every Tab press."""

from __future__ import annotations

import argparse
import sys


def cmd_config(args: argparse.Namespace) -> int:
    from pursuit.cli.config_show import render
    from pursuit.config import load_config
    from pursuit.paths import config_path

    path = config_path()
    if args.what == "path":
        print(path)
        return 0
    config, problems = load_config(path)
    for problem in problems:
        print(f"pursuit: {problem}", file=sys.stderr)
    where = path if path.exists() else f"{path} (no file yet: these are the defaults)"
    print(f"# pursuit settings in effect, from {where}\n")
    print(render(config), end="")
    return 0


def cmd_completion(args: argparse.Namespace) -> int:
    from pursuit.cli.completion import bash_script, zsh_script
    from pursuit.cli.parser import build_parser

    script = bash_script if args.shell == "bash" else zsh_script
    print(script(build_parser()), end="")
    return 0


def cmd_companies(args: argparse.Namespace) -> int:
    """Names only, straight from the file or the server: no migration, no ORM, nothing
    created."""
    from pursuit.cli.context import load_settings, locate
    from pursuit.store.names import company_names_at
    from pursuit.store.sqlite import DatabaseError

    try:
        where, _ = locate(args, load_settings())
    except DatabaseError:
        return 1
    names = company_names_at(where)
    if names is None:
        return 1
    for name in names:
        print(name)
    return 0
