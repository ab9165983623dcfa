"""Fixtures for the app tests: the demo search at a frozen clock, copied fresh per test.

A plugin of tests/conftest.py rather than tests/tui/conftest.py: a second conftest module
would shadow the first for tests that import helpers from it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pursuit.tui.app import PursuitApp
from pursuit.tui.showcase import demo_app


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo search, written once per test process and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    demo_app(path).db.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, demo_template: Path) -> Path:
    target = tmp_path / "pursuit.db"
    source = sqlite3.connect(demo_template)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    return target


@pytest.fixture
def app(db_path: Path) -> PursuitApp:
    return demo_app(db_path, fill=False)
