"""What people type is cleaned before it is stored: no terminal escapes, no hidden text."""

from __future__ import annotations

import pytest

from pursuit.domain.text import clean_name, clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Acme", "Acme"),
        # CSI colour codes go whole, with no "[31m" residue.
        ("\x1b[31mAcme\x1b[0m", "Acme"),
        ("\x1b[2J\x1b[HAcme", "Acme"),
        # OSC 52 would write the clipboard; OSC 8 a hidden hyperlink. Both BEL- and ST-ended.
        ("Acme\x1b]52;c;ZXZpbA==\x07", "Acme"),
        ("\x1b]8;;https://evil.example\x1b\\Acme\x1b]8;;\x1b\\", "Acme"),
        ("Ac\x00me", "Acme"),
        ("Ac\x7fme\x9b", "Acme"),
        # Bidi overrides and isolates (Trojan Source) and invisible marks.
        ("\u202eemcA", "emcA"),
        ("Ac\u2066me\u2069\u200f", "Acme"),
        # Real text stays: CJK, accents, emoji (with ZWJ sequences), RTL letters themselves.
        ("株式会社アクメ", "株式会社アクメ"),
        ("Zoë Ångström", "Zoë Ångström"),
        ("🚀 Rocket Co 👩‍💻", "🚀 Rocket Co 👩‍💻"),
        ("شركة", "شركة"),
        # Markup-looking text is plain text and kept as typed.
        ("Engineer [remote] [/]", "Engineer [remote] [/]"),
        # Decomposed accents are composed, so "é" typed two ways is one name.
        ("Cafe\u0301", "Café"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_single_line_loses_newlines_multiline_keeps_them() -> None:
    assert clean_text("line one\nline two\r\nthree\tfour") == "line one line two three four"
    assert clean_text("Dear Jane,\n\nThanks!\x1b[1m", multiline=True) == "Dear Jane,\n\nThanks!"
    assert clean_text("a\tb", multiline=True) == "a\tb"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Acme   Robotics \n", "Acme Robotics"),
        ("\x1b[31m \x1b[0m", ""),
        ("\u202e", ""),
        ("Jane\tDoe", "Jane Doe"),
    ],
)
def test_clean_name(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


def test_no_control_character_survives() -> None:
    hostile = "".join(chr(c) for c in range(0x00, 0xA0)) + "\u202a\u202b\u202c\u202d\u202e"
    cleaned = clean_text(hostile, multiline=True)
    assert not any(ord(ch) < 0x20 and ch not in "\t\n" for ch in cleaned)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in cleaned)
    assert not any(0x202A <= ord(ch) <= 0x202E for ch in cleaned)
