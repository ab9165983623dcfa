"""`pursuit report`'s handler (cli.report.report), called as the verb calls it."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import NOW, NY
from pursuit.cli.report import report
from pursuit.demo import fill_demo
from pursuit.domain.review import review
from pursuit.domain.review_facts import prepare
from pursuit.domain.review_periods import PeriodKey, period
from pursuit.domain.review_report import as_json
from pursuit.domain.settings import DEFAULTS, RuleSettings
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.history import read_history


@pytest.fixture
def demo(ctx: Ctx) -> Database:
    """The demo search, on the test's engine (report takes the database or a file's path)."""
    fill_demo(ctx)
    return ctx.db


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({}, PeriodKey.WEEK),
        ({"week": True}, PeriodKey.WEEK),
        ({"month": True}, PeriodKey.FOUR_WEEKS),
    ],
)
def test_each_period_reports_the_figures_of_the_screen(
    demo: Database, ctx: Ctx, options: dict[str, bool], key: PeriodKey
) -> None:
    text, code = report(demo, now=NOW, tz=NY, fmt="json", **options)
    assert code == 0
    with ctx.db.read() as conn:
        expected = review(prepare(read_history(conn), NOW, NY), period(key, NOW, NY), DEFAULTS)
    assert json.loads(text) == json.loads(json.dumps(as_json(expected, NY)))


def test_since_a_date_read_in_the_local_zone(demo: Database) -> None:
    text, code = report(demo, now=NOW, tz=NY, since="2026-03-01", fmt="json")
    assert code == 0
    data = json.loads(text)
    assert data["period"]["start"] == "2026-03-01T00:00:00-05:00"
    assert data["period"]["label"] == "since Sun 1 Mar 2026"
    assert data["weeks"][0]["whole"] is False


def test_text_and_markdown(demo: Database) -> None:
    text, code = report(demo, now=NOW, tz=NY, month=True)
    assert code == 0 and text.startswith("pursuit report — last 4 weeks")
    assert max(len(line) for line in text.splitlines()) <= 80
    md, code = report(demo, now=NOW, tz=NY, month=True, fmt="markdown")
    assert code == 0 and md.startswith("# pursuit report: last 4 weeks")


def test_settings_set_the_targets(demo: Database) -> None:
    text, _ = report(
        demo,
        now=NOW,
        tz=NY,
        fmt="json",
        settings=RuleSettings(target_active=1, target_new_per_week=0),
    )
    assert json.loads(text)["targets"] == {"active": 1, "new_per_week": 0}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fmt": "yaml"}, 'pursuit: unknown --format "yaml"; use one of: text, markdown, json'),
        ({"week": True, "month": True}, "pursuit: give one of --week, --month, --since"),
        ({"month": True, "since": "mar 1"}, "pursuit: give one of --week, --month, --since"),
        ({"since": "tomorrow"}, 'pursuit: --since "tomorrow" is in the future'),
        ({"since": "\x1b[31mred\x07"}, "pursuit: --since: can't read"),
    ],
)
def test_bad_input_is_one_clean_line_and_exit_2(
    demo: Database, options: dict[str, object], message: str
) -> None:
    before = demo.change_token()
    text, code = report(demo, now=NOW, tz=NY, **options)  # type: ignore[arg-type]
    assert code == 2
    assert text.startswith(message) and text.endswith("\n") and text.count("\n") == 1
    assert "\x1b" not in text and "\x07" not in text
    assert demo.change_token() == before


def test_an_empty_database_reports_zeros(tmp_path: Path) -> None:
    text, code = report(tmp_path / "new.db", now=NOW, tz=NY, fmt="json")
    assert code == 0
    data = json.loads(text)
    assert [f["count"] for f in data["funnel"]] == [0] * 5
    assert data["period"]["start"] == (NOW - timedelta(days=7)).isoformat()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite" * 20)
    text, code = report(bad, now=NOW, tz=NY)
    assert code == 2 and "is not a pursuit database" in text
