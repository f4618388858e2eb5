"""What an input format gives: ``Item`` values (a report's text and the metadata its record or page
has) or ``Skip`` values (a record that cannot be read), one ``Reader`` per format."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Fields:
    """The names of a record's fields (JSON keys, CSV columns) that hold each part of a report."""

    text: str = "text"
    url: str = "url"
    date: str = "date"
    title: str = "title"
    language: str = "language"


@dataclass(frozen=True)
class Item:
    """One report's text as its file holds it, and the metadata given beside it (as written there)."""

    text: str
    record: int | None = None
    url: str | None = None
    date: str | None = None
    title: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Skip:
    """A record that cannot be read: its number and the problem, in a few words (record 0: the
    whole file, as when a CSV file has no text column)."""

    record: int
    problem: str


@dataclass(frozen=True)
class Reader:
    """An input format: the suffixes its files have, and how its text becomes items.

    ``declared`` finds the encoding a file names itself (an HTML page's ``<meta charset>``)."""

    name: str
    suffixes: tuple[str, ...]
    reports: str
    metadata: str
    items: Callable[[str, Fields], Iterator[Item | Skip]]
    declared: Callable[[bytes], str | None] | None = None


def value(record: dict[str, object], name: str) -> str | None:
    """A field of a record as text; absent, null and blank fields are None."""
    found = record.get(name)
    if found is None or isinstance(found, (dict, list)):
        return None
    text = str(found)
    return text if text.strip() else None


# What a JSON value that is no text is, by its Python type, for the line that skips its record.
NOT_TEXT = {bool: "true or false", int: "a number", float: "a number", dict: "a JSON object", list: "a JSON list"}


def record_item(record: dict[str, object], number: int, fields: Fields, field_word: str) -> Item | Skip:
    """One record of a file of many (a CSV row, a JSON object) as a report's item, or why it is skipped."""
    held = NOT_TEXT.get(type(record.get(fields.text)))
    if held is not None:  # {"text": 5} is a broken record, not a report of one word
        return Skip(number, f"the {field_word} {fields.text!r} holds {held}, not text")
    body = value(record, fields.text)
    if body is None:
        return Skip(number, f"no text in the {field_word} {fields.text!r}")
    return Item(body, record=number, url=value(record, fields.url), date=value(record, fields.date),
                title=value(record, fields.title), language=value(record, fields.language))
