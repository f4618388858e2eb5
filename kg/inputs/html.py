"""HTML pages: one report per page, its main text found by trafilatura (``kg.html_text``)."""

from __future__ import annotations

from collections.abc import Iterator

from kg.html_text import declared_charset, read_page
from kg.inputs.base import Fields, Item, Reader, Skip


def items(text: str, fields: Fields) -> Iterator[Item | Skip]:
    page = read_page(text)
    yield Item(page.text, url=page.url, date=page.date, title=page.title)


READER = Reader(
    name="html", suffixes=(".html", ".htm"), reports="one per page (its main text)",
    metadata="title, publication date and canonical URL from the page's `<meta>` tags, JSON-LD and `<time>`",
    items=items, declared=declared_charset)
