"""Plain text: one report per file, an optional first line ` date YYYY-MM-DD title`."""

from __future__ import annotations

from collections.abc import Iterator

from kg.inputs.base import Fields, Item, Reader, Skip


def items(text: str, fields: Fields) -> Iterator[Item | Skip]:
    yield Item(text)


READER = Reader(
    name="text", suffixes=(".txt", ".text", ".md"), reports="one per file",
    metadata="the first line ` date YYYY-MM-DD title`, else a date printed near the top; "
             "an HTML page saved as text is read as a page",
    items=items)
