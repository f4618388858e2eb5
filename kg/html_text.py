"""The text of an HTML page: what a reader sees in the article, line by line, and what the page's
metadata says about it (title, publication date, canonical URL).

A saved page still has its scripts and the site's menus, sidebars and comments, whose headlines
would read as meetings. trafilatura finds the main text (and drops the rest); its metadata comes
from the page's ``<meta>`` tags, JSON-LD and ``<time>`` elements, never from the network. A date
is taken only from such markup (htmldate's ``extensive_search`` is off: a copyright year in the
footer is no publication date). The text is the report's text: evidence offsets index it, not the
markup.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

LOOKS_LIKE_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|td|tr|h[1-6]|img|script|meta|link)\b[^<>]*>", re.IGNORECASE)
MIN_TAGS = 10
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">, in the bytes.
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
CHARSET_BYTES = 4096
DATE_SEARCH = {"extensive_search": False, "original_date": True}
# Their warnings go to the application's logging set-up, if it has one, never straight to stderr.
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")
for _name in QUIET_LOGGERS:
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Page:
    """An HTML page read: its main text (one line per block) and its metadata, where it has them."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """A page rather than text: it starts like one, or has many tags."""
    return bool(LOOKS_LIKE_HTML.match(text)) or len(HTML_TAG.findall(text, 0, 200_000)) >= MIN_TAGS


def declared_charset(raw: bytes) -> str | None:
    """The encoding a page's ``<meta>`` declares near its top."""
    m = META_CHARSET.search(raw, 0, CHARSET_BYTES)
    return m.group(1).decode("ascii") if m else None


def read_page(markup: str) -> Page:
    """The main text and metadata of an HTML page; a page without a recognisable article gives all
    of its visible text."""
    import trafilatura

    if "<" not in markup:  # no markup at all: the file is its text
        return Page(_lines(markup))
    doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                      date_extraction_params=DATE_SEARCH)
    text = _lines(doc.text if doc is not None and doc.text else trafilatura.html2txt(markup))
    if doc is None:
        return Page(text)
    return Page(text, title=_one_line(doc.title), date=doc.date or None, url=_one_line(doc.url))


def html_text(markup: str) -> str:
    """The readable text of an HTML page: one line per block, blank lines squeezed."""
    return read_page(markup).text


def _lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    kept = "\n".join(line for line in lines if line)
    return kept + "\n" if kept else ""


def _one_line(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None
