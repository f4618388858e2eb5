"""Bytes of an input file → text: UTF-8 when it is, a byte-order mark when there is one, a declared
charset when the format has one (an HTML page's ``<meta charset>``), else charset-normalizer's guess.

A guess is said so (``Decoded.guessed``), so that the build can report it: a Windows-1251 file
read as KOI8-R would give a graph of nonsense names without any error.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from kg.errors import DipkgError

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Characters no text file has: C0 controls other than tab, line feed, form feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.001
WORD = re.compile(r"[^\W\d_]{2}")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False


def decode(raw: bytes, name: str, *, declared: str | None = None) -> Decoded:
    """The text of ``raw``; a file that is no text in any encoding raises ``DipkgError`` naming it.

    ``declared`` is the encoding the file itself names (used when it decodes without error)."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return _checked(_decode(raw, encoding, name), encoding, name)
    try:
        return _checked(raw.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(raw.decode(declared), codecs.lookup(declared).name, name)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise DipkgError(f"{name}: not text in any encoding (a binary file?)")
    return _checked(str(best), codecs.lookup(best.encoding).name, name, guessed=True)


def _decode(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DipkgError(f"{name}: not {encoding} text although it starts with its byte-order mark "
                         f"(byte {exc.start})") from exc


def _checked(text: str, encoding: str, name: str, *, guessed: bool = False) -> Decoded:
    """Text, not a binary file that happens to decode: few control characters and at least one word."""
    text = text.removeprefix("\ufeff")
    controls = len(CONTROL.findall(text, 0, 1_000_000))
    if "\x00" in text or controls > MAX_CONTROL_SHARE * min(len(text), 1_000_000):
        raise DipkgError(f"{name}: a binary file, not text")
    if text.strip() and not WORD.search(text):
        raise DipkgError(f"{name}: no words in it, not a text report")
    return Decoded(text, encoding, guessed)
