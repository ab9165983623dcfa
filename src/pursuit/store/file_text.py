"""The text of an imported file: UTF-8 unless a byte order mark or the user says otherwise,
and never a guess. A file with a byte that is not valid in its encoding is refused with
the line it is on and how to name the right encoding: read in the wrong one, every
accented name would be stored as mojibake without a word."""

from __future__ import annotations

import codecs
import re

from pursuit.store.errors import InputError

# Longest first: UTF-32's little-endian mark begins with UTF-16's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_CONTEXT = 20


def decode_file(raw: bytes, name: str, encoding: str | None = None) -> str:
    """`raw` as text: by its byte order mark, else in `encoding`, else as UTF-8. InputError
    (one line) for an unknown encoding, a mark that contradicts it, or a byte the
    encoding cannot read."""
    given = _codec(encoding) if encoding else None
    mark = next((m for m in _MARKS if raw.startswith(m[0])), None)
    if mark is not None:
        bom, codec, shown = mark
        if given is not None and not given.startswith(shown.lower()):
            raise InputError(
                f"{name} starts with the mark of {shown}, not {encoding}; leave out "
                f"--encoding or give --encoding {shown.lower()}"
            )
        start = len(bom)
    elif given is not None:
        assert encoding is not None
        codec, shown, start = given, encoding, 0
    else:
        codec, shown, start = "utf-8", "UTF-8", 0
    try:
        return raw[start:].decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(_where(raw[start:], exc, codec, name, shown, given is None)) from None


def _codec(encoding: str) -> str:
    """The codec's own name ("cp1252" for "windows-1252"), for text encodings only."""
    try:
        info = codecs.lookup(encoding)
        b"".decode(info.name)  # a bytes-to-bytes codec such as base64 is not a text one
    except LookupError:
        raise InputError(
            f'unknown encoding "{encoding}"; try utf-8, cp1252, latin-1 or utf-16'
        ) from None
    return info.name


def _where(
    body: bytes, exc: UnicodeDecodeError, codec: str, name: str, shown: str, guessed: bool
) -> str:
    before = body[: exc.start].decode(codec)  # valid: the error is the first bad byte
    line = len(_LINE_END.findall(before)) + 1
    tail = _LINE_END.split(before)[-1]
    tail = tail if len(tail) <= _CONTEXT else "…" + tail[-_CONTEXT:]
    bad = body[exc.start : exc.end][:4]
    what = ("byte " if len(bad) == 1 else "bytes ") + " ".join(f"0x{b:02X}" for b in bad)
    where = f'{what} after "{tail}"' if tail else f"{what} at the start of the line"
    # Without a word from the user the file was read as UTF-8; the usual other is the
    # Windows code page Excel saves in. Told the encoding, the user knows the option.
    hint = ", e.g. --encoding cp1252 (Excel on Windows)" if guessed else " with --encoding"
    return (
        f"line {line} of {name} is not {shown} ({where}); nothing was imported; "
        f"if the file is in another encoding, say which{hint}"
    )
