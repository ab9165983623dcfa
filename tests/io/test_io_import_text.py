"""Issue 14, problem 6: what `pursuit import` makes of a file's text. A field of any length
up to the file limit is read whole and no row after it is lost; a file that is not valid
in its encoding is refused with its line and the way to say the encoding, never read as
mojibake. Real subprocesses, as a user runs it."""

from __future__ import annotations

from pathlib import Path

from conftest import RunCli
from pursuit.store.context import Ctx
from pursuit.store.database import Database
from pursuit.store.exporter import export_json


def _apps(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as conn:
        return [
            (str(c), str(t), str(n))
            for c, t, n in conn.execute(
                "SELECT c.name, a.title, coalesce(a.notes, '')"
                " FROM application a JOIN company c ON c.id = a.company_id ORDER BY a.id"
            ).fetchall()
        ]


def contents(db: Database) -> bytes:
    """What the search holds, on either engine: its lossless export."""
    return export_json(db)


def test_a_field_of_200000_characters_is_read_whole_with_every_row_after_it(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path
) -> None:
    ctx.db.close()
    # Over the csv module's default limit of 131,072, with the quoting a note gets.
    note = ("Long notes, with commas; " * 8000)[:199_999] + "!"
    sheet = tmp_path / "long.csv"
    sheet.write_text(
        "Company,Role,Notes\n"
        f'Acme,Engineer,"{note}"\n'
        "Globex,Data Engineer,\n"
        "Initech,SRE,short\n"
        "Hooli,Backend Engineer,\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(sheet))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[-1] == (
        "4 applications imported from long.csv; 0 already there"
    )
    apps = _apps(ctx.db)
    assert [(c, r) for c, r, _ in apps] == [
        ("Acme", "Engineer"),
        ("Globex", "Data Engineer"),
        ("Initech", "SRE"),
        ("Hooli", "Backend Engineer"),
    ]
    assert len(apps[0][2]) == 200_000 and apps[0][2] == note
    assert apps[2][2] == "short"


_ROWS = "Company,Role,Notes\nAcme,Engineer,\nCafé Società,Barista,crème brûlée\n"


def test_one_byte_that_is_not_utf8_refuses_the_file_naming_its_line(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path
) -> None:
    ctx.db.close()
    digest = contents(ctx.db)
    sheet = tmp_path / "mixed.csv"
    # UTF-8 throughout but for one "é" saved by another program in Latin-1 / cp1252.
    sheet.write_bytes(_ROWS.encode() + "Zoë Ltd,Engineer,\n".encode("cp1252"))
    done = run_cli("import", str(sheet))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        'pursuit: line 4 of mixed.csv is not UTF-8 (byte 0xEB after "Zo"); '
        "nothing was imported; if the file is in another encoding, say which, "
        "e.g. --encoding cp1252 (Excel on Windows)\n"
    )
    assert contents(ctx.db) == digest


def test_a_file_in_cp1252_is_read_when_told_and_only_then(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path
) -> None:
    ctx.db.close()
    digest = contents(ctx.db)
    sheet = tmp_path / "excel.csv"
    sheet.write_bytes(_ROWS.replace("\n", "\r\n").encode("cp1252"))
    refused = run_cli("import", str(sheet))
    assert refused.returncode == 2
    assert refused.stderr.startswith("pursuit: line 3 of excel.csv is not UTF-8 (byte 0xE9")
    assert contents(ctx.db) == digest

    done = run_cli("import", str(sheet), "--encoding", "cp1252")
    assert (done.returncode, done.stderr) == (0, "")
    assert _apps(ctx.db) == [
        ("Acme", "Engineer", ""),
        ("Café Società", "Barista", "crème brûlée"),
    ]


def test_a_byte_order_mark_says_the_encoding(ctx: Ctx, run_cli: RunCli, tmp_path: Path) -> None:
    ctx.db.close()
    bom8 = tmp_path / "bom8.csv"
    bom8.write_bytes(_ROWS.encode("utf-8-sig"))
    # Excel's "Unicode text": UTF-16 with its mark, tab-separated.
    bom16 = tmp_path / "bom16.csv"
    bom16.write_bytes(_ROWS.replace(",", "\t").replace("Acme", "Globex").encode("utf-16"))
    for sheet in (bom8, bom16):
        done = run_cli("import", str(sheet))
        assert (done.returncode, done.stderr) == (0, ""), sheet.name
    assert _apps(ctx.db) == [
        ("Acme", "Engineer", ""),
        ("Café Società", "Barista", "crème brûlée"),
        ("Globex", "Engineer", ""),
    ]


def test_a_wrong_or_unknown_encoding_is_one_line_and_changes_nothing(
    ctx: Ctx, run_cli: RunCli, tmp_path: Path
) -> None:
    ctx.db.close()
    digest = contents(ctx.db)
    sheet = tmp_path / "t.csv"
    # 0x81 is a byte cp1252 leaves undefined.
    sheet.write_bytes(b"Company,Role\nAcme,Engineer\nAc\x81me,SRE\n")
    marked = tmp_path / "marked.csv"
    marked.write_bytes(_ROWS.encode("utf-8-sig"))
    cases = [
        (
            (str(sheet), "--encoding", "klingon"),
            'pursuit: unknown encoding "klingon"; try utf-8, cp1252, latin-1 or utf-16',
        ),
        (
            (str(sheet), "--encoding", "cp1252"),
            'pursuit: line 3 of t.csv is not cp1252 (byte 0x81 after "Ac"); nothing was '
            "imported; if the file is in another encoding, say which with --encoding",
        ),
        (
            (str(marked), "--encoding", "cp1252"),
            "pursuit: marked.csv starts with the mark of UTF-8, not cp1252; "
            "leave out --encoding or give --encoding utf-8",
        ),
    ]
    for args, line in cases:
        done = run_cli("import", *args)
        assert (done.returncode, done.stdout) == (2, ""), args
        assert done.stderr == line + "\n", args
    assert contents(ctx.db) == digest
