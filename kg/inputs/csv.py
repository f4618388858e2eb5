"""CSV and tab-separated values: one report per row after the header row, whose column names say
which cell holds what.

The delimiter (comma, semicolon, tab or bar) is found from the header row. A record's number is
its row number after the header (1 for the first), whatever line breaks its cells hold."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from kg.inputs.base import Fields, Item, Reader, Skip, record_item

DELIMITERS = ",;\t|"
MAX_CELL = 4_000_000


def items(text: str, fields: Fields) -> Iterator[Item | Skip]:
    header = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=header.count) if any(d in header for d in DELIMITERS) else ","
    if csv.field_size_limit() < MAX_CELL:
        csv.field_size_limit(MAX_CELL)
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if fields.text not in (rows.fieldnames or []):
        columns = ", ".join(repr(c) for c in rows.fieldnames or [])
        yield Skip(0, f"no column {fields.text!r} in the header row ({columns or 'empty'})")
        return
    number = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skip(number + 1, f"not CSV: {exc}")
            return
        number += 1
        yield record_item(row, number, fields, "column")


READER = Reader(
    name="csv", suffixes=(".csv", ".tsv"), reports="one per row after the header row",
    metadata="the columns `text`, `url`, `date`, `title`, `language` (names set by `--text-field` ...)",
    items=items)
