"""Where pursuit keeps its files (platformdirs), and which database a run uses."""

from __future__ import annotations

import os
from pathlib import Path

APP = "pursuit"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def config_path() -> Path:
    override = os.environ.get("PURSUIT_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False) / "config.toml"


def database_path(explicit: str | None) -> tuple[Path, bool]:
    """(path, is_default): --db wins, then PURSUIT_DB, then the user data dir. Only the
    default folder is ours to make 0700; a folder the user named is left as it is."""
    chosen = explicit or os.environ.get("PURSUIT_DB")
    if chosen:
        return Path(chosen).expanduser(), False
    return data_dir() / "pursuit.db", True
