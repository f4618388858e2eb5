"""The ASCII spelling of the letters of person names (``lexicons/ascii_letters.tsv``): anyascii's, for the
Latin and Cyrillic blocks, read without anyascii.

A name word is keyed in ASCII (``kg.names``). anyascii spells each character on its own, from tables it reads
through ``importlib.resources``, which imports pathlib, typing and zipfile: 16 ms of a ``kg query`` call that
names a person in Cyrillic letters. The file holds anyascii's spelling of every code point of ``BLOCKS``;
``spell`` uses it and asks anyascii only for a character outside them. Regenerate with
``python -m kg.ascii_letters`` after anyascii changes (``tests/test_ascii_letters.py`` compares the two).
"""

from __future__ import annotations

import sys
from functools import cache

from kg.files import package_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

TARGET = package_path("lexicons", "ascii_letters.tsv")
# Latin-1 Supplement and Latin Extended-A and -B (Turkish, Azerbaijani, Uzbek and European names), the IPA
# extensions and spacing modifiers, combining marks, Greek, Cyrillic and the Cyrillic Supplement.
BLOCKS = range(0x80, 0x530)
HEADER = """# The ASCII spelling of each code point from U+{first:04X} to U+{last:04X} (Latin-1 Supplement, Latin
# Extended-A and -B, IPA extensions, spacing modifiers, combining marks, Greek, Cyrillic and Cyrillic
# Supplement), as anyascii {version} spells it (https://github.com/anyascii/anyascii, ISC license); an empty
# spelling drops the character. Derived by kg.ascii_letters (regenerate: python -m kg.ascii_letters).
"""
COLUMNS = ("code point", "ascii")


def spell(text: str) -> str:
    """``text`` in ASCII as anyascii spells it."""
    if text.isascii():
        return text
    text = text.translate(_table())
    if text.isascii():
        return text
    from anyascii import anyascii

    return anyascii(text)


@cache
def _table() -> dict[int, str]:
    # Split on the tab by hand, not by kg.files.read_tsv: some spellings are a double quote (U+00A8 is "),
    # which the csv module would read as the start of a quoted field.
    with open(TARGET, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")][1:]
    return {int(code, 16): ascii_ for code, ascii_ in rows}


def contents() -> str:
    """The file as anyascii spells ``BLOCKS`` now."""
    from importlib.metadata import version

    from anyascii import anyascii

    spelt = [(cp, anyascii(chr(cp))) for cp in BLOCKS]
    if any("\t" in a or "\n" in a for _, a in spelt):
        raise ValueError("an ASCII spelling holds a tab or a line break")
    header = HEADER.format(first=BLOCKS[0], last=BLOCKS[-1], version=version("anyascii"))
    return header + "\t".join(COLUMNS) + "\n" + "".join(f"{cp:04X}\t{a}\n" for cp, a in spelt)


def write(target: str | Path = TARGET) -> str:
    """Write the file to ``target``; its path."""
    from pathlib import Path

    from kg.files import write_atomic

    text = contents()
    return str(write_atomic(Path(target), lambda tmp: Path(tmp).write_text(text, encoding="utf-8")))


if __name__ == "__main__":
    print(write(sys.argv[1] if len(sys.argv) > 1 else TARGET))
