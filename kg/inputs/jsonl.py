"""JSON Lines: one report per line, a JSON object whose fields hold the text and its metadata.

A record's number is its line number, so that ``sed -n 12p feed.jsonl`` shows record 12."""

from __future__ import annotations

import json
from collections.abc import Iterator

from kg.inputs.base import Fields, Item, Reader, Skip, record_item


def items(text: str, fields: Fields) -> Iterator[Item | Skip]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(number, f"not JSON ({exc.msg}, column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield Skip(number, f"a JSON {type(record).__name__}, not an object")
            continue
        yield record_item(record, number, fields, "field")


READER = Reader(
    name="jsonl", suffixes=(".jsonl", ".ndjson"), reports="one per line (a JSON object)",
    metadata="the fields `text`, `url`, `date`, `title`, `language` (names set by `--text-field` ...)",
    items=items)
