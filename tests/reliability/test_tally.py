"""The tally the reliability tests count their cases with: a failing case fails the test,
whether or not the test remembered to call `finish()`."""

from __future__ import annotations

from typing import Any

import pytest

from .helpers.common import Tally

pytestmark = pytest.mark.reliability


class Node:
    def __init__(self) -> None:
        self.user_properties: list[tuple[str, Any]] = []


def failing_tally(node: Node | None = None) -> Tally:
    tally = Tally(node or Node())
    with tally.case("one plus one"):
        assert 1 + 1 == 2
    with tally.case("the sky is green"):
        assert "blue" == "green"
    return tally


def test_finish_fails_with_every_failing_case_listed() -> None:
    node = Node()
    tally = failing_tally(node)
    with pytest.raises(AssertionError, match="1 of 2 failed:\n  - the sky is green: "):
        tally.finish()
    assert node.user_properties == [("trials", 2), ("failures", 1)]
    tally.check_finished()  # finished: nothing more to say at teardown


def test_a_test_that_never_calls_finish_fails_at_teardown() -> None:
    tally = failing_tally()
    with pytest.raises(pytest.fail.Exception, match=r"never called tally\.finish\(\) \(1 of 2"):
        tally.check_finished()
    # Even with nothing failed: a tally nobody finished was never reported.
    with pytest.raises(pytest.fail.Exception, match=r"\(0 of 0 failed\)"):
        Tally(Node()).check_finished()


def test_a_test_with_no_trials_fails() -> None:
    with pytest.raises(AssertionError, match="the test ran no trials"):
        Tally(Node()).finish()
