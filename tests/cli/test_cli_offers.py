"""offer, withdraw and nudge as real processes: their lines, exit codes and rows."""

from __future__ import annotations

from conftest import RunCli, contents
from pursuit.store.database import Database

MON = "2026-11-09T10:00:00-05:00"
TUE = "2026-11-10T10:00:00-05:00"


def ok(result: object) -> list[str]:
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    return result.stdout.splitlines()  # type: ignore[attr-defined, no-any-return]


def test_an_offer_accepted_ends_the_search(run_cli: RunCli, db: Database) -> None:
    for company in ("Acme", "Globex", "Initech"):
        ok(run_cli("add", company, "Engineer", now=MON))
    assert ok(run_cli("offer", "acme", "--by", "fri 17:00", now=TUE)) == [
        "Offer from Acme: answer by Fri 13 Nov 17:00"
    ]
    assert ok(run_cli("followup", "acme", now=TUE)) == [
        "Follow-up to Acme logged; answer the offer next"
    ]
    assert ok(run_cli("move", "acme", "accepted", now=TUE)) == ["Acme: offer → accepted"]
    due = ok(run_cli("due", now=TUE))
    # Only the withdrawals are left: no options nudge once an offer is accepted.
    assert [line.split("due now · Tue 10 Nov")[-1].strip() for line in due] == [
        "Withdraw from Globex: you accepted another offer Globex — Engineer #5",
        "Withdraw from Initech: you accepted another offer Initech — Engineer #6",
    ]
    assert ok(run_cli("withdraw", "globex", "--friendly", now=TUE)) == [
        "Globex: closed as withdrawn",
        "Kept as a bridge: check in Tue 9 Feb 2027 09:30",
    ]
    digest = contents(db)
    bad = run_cli("withdraw", "globex", now=TUE)
    assert (bad.returncode, bad.stderr) == (
        2,
        "pursuit: Globex has no open application (last one is withdrawn)\n",
    )
    bad = run_cli("offer", "initech", "--by", "someday", now=TUE)
    assert bad.returncode == 2 and bad.stderr.startswith("pursuit: --by: can't read")
    assert contents(db) == digest


def test_the_nudge_verb(run_cli: RunCli) -> None:
    ok(run_cli("add", "Acme", "Engineer", now=MON))
    assert any("Keep your options open" in line for line in ok(run_cli("due", now=MON)))
    assert ok(run_cli("nudge", "snooze", "next", "monday", now=MON)) == [
        "Options nudge snoozed until Mon 16 Nov 09:00"
    ]
    assert not any("Keep your options open" in line for line in ok(run_cli("due", now=MON)))
    assert ok(run_cli("nudge", "restore", now=MON)) == ["Options nudge back"]
    assert any("Keep your options open" in line for line in ok(run_cli("due", now=MON)))
    bad = run_cli("nudge", "snooze", now=MON)
    assert (bad.returncode, bad.stderr) == (
        2,
        "pursuit: say until when: pursuit nudge snooze WHEN\n",
    )
