"""`pursuit config show`: the effective settings as TOML, each with its explanation, so
the output is also a good starting config file."""

from __future__ import annotations

import ast
import inspect
import itertools
import json
from dataclasses import fields
from functools import cache
from typing import Any

from pursuit.config import Config


@cache
def field_docs() -> dict[str, str]:
    """The docstring under each Config field (Python keeps them only in the source)."""
    try:
        tree = ast.parse(inspect.getsource(Config))
    except (OSError, TypeError, SyntaxError):
        return {}
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[node.target.id] = " ".join(after.value.value.split())
    return docs


def toml_string(text: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes; TOML also forbids a raw DEL.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    raise TypeError(f"no TOML form for {type(value).__name__}")


def render(config: Config) -> str:
    docs = field_docs()
    lines: list[str] = []
    tables: list[tuple[str, dict[str, str]]] = []
    for f in fields(Config):
        value = getattr(config, f.name)
        if isinstance(value, dict):
            tables.append((f.name, value))
            continue
        if f.name in docs:
            lines.append(f"# {docs[f.name]}")
        lines.append(f"{f.name} = {toml_value(value)}")
        lines.append("")
    for name, table in tables:
        if name in docs:
            lines.append(f"# {docs[name]}")
        lines.append(f"[{name}]")
        lines.extend(f"{toml_string(k)} = {toml_value(v)}" for k, v in sorted(table.items()))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
