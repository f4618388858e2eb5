"""Input formats: one module per format, each a ``Reader``. ``READERS`` is the registry that the
folder search, ``kg build --help`` and the README's table of inputs are made from.

``kg.inputs.locate`` finds the input files among paths, folders and globs (a file compressed with gzip
counts as the file inside it: ``kg.inputs.gzipped``); ``kg.inputs.collect`` reads them into ``Report``
values that keep where they came from; ``kg.inputs.memo`` keeps what each file gave, for the next build."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import DipkgError
from kg.inputs import csv, gzipped, html, jsonl, text
from kg.inputs.base import Fields, Item, Reader, Skip

READERS: tuple[Reader, ...] = (text.READER, html.READER, jsonl.READER, csv.READER)
DEFAULT = text.READER

__all__ = ["DEFAULT", "READERS", "Fields", "Item", "Reader", "Skip", "markdown_table", "reader_for",
           "reader_named", "suffix_of", "suffixes"]


def suffixes() -> frozenset[str]:
    """The file name suffixes a folder search picks up (lower case, with the dot)."""
    return frozenset(s for r in READERS for s in r.suffixes)


def suffix_of(name: str) -> str:
    """The suffix that tells a file's format (lower case, with the dot): that of the file inside a compressed
    one (``.jsonl`` of ``feed.jsonl.gz``)."""
    return os.path.splitext(gzipped.inner_name(name))[1].lower()


def reader_named(name: str) -> Reader:
    for reader in READERS:
        if reader.name == name:
            return reader
    raise DipkgError(f"{name}: no such input format; the formats are {', '.join(r.name for r in READERS)}")


def reader_for(path: str | Path | None) -> Reader:
    """The reader of a file by its suffix; plain text for any other name (and standard input)."""
    suffix = suffix_of(os.path.basename(path)) if path is not None else ""
    return next((r for r in READERS if suffix in r.suffixes), DEFAULT)


def markdown_table() -> str:
    """The README's table of input formats."""
    rows = ["| format | files | reports | metadata |", "| --- | --- | --- | --- |"]
    rows += [f"| `{r.name}` | {', '.join(f'`{s}`' for s in r.suffixes)} | {r.reports} | {r.metadata} |"
             for r in READERS]
    return "\n".join(rows)


def help_text() -> str:
    """One line per format for ``kg build --help``."""
    return ("; ".join(f"{r.name} ({' '.join(r.suffixes)}): {r.reports}" for r in READERS)
            + f"; each also compressed with gzip ({gzipped.SUFFIX} after its suffix)")
