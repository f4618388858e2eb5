"""The text of an HTML page saved as a report: what a reader sees in the article, line by line.

A page saved with a ``.txt`` name still has its tags, scripts and the site's menus and sidebars,
whose headlines would read as meetings. ``html_text`` keeps the text of the page's ``<article>``
(or ``<main>``, or the body), drops scripts, styles, navigation, headers, footers, asides and
forms, ends a line at every block element and decodes character references. The result is the
report's text: evidence offsets index it, not the markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

LOOKS_LIKE_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)
HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|td|tr|h[1-6]|img|script|meta|link)\b[^<>]*>", re.IGNORECASE)
MIN_TAGS = 10
SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                     "iframe", "svg", "button", "select", "head"})
BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                    "section", "article", "main", "blockquote", "figcaption", "figure", "table", "hr", "dd", "dt"})
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col", "embed"})
PREFERRED = ("article", "main", "body")


def looks_like_html(text: str) -> bool:
    """A page rather than text: it starts like one, or has many tags."""
    return bool(LOOKS_LIKE_HTML.match(text)) or len(HTML_TAG.findall(text, 0, 200_000)) >= MIN_TAGS


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {name: [] for name in (*PREFERRED, "all")}
        self.open: list[str] = []
        self.skipping = 0
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag in BLOCKS:
                self._add("\n")
            return
        self.open.append(tag)
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return
        while self.open:
            closed = self.open.pop()
            if closed in SKIPPED:
                self.skipping -= 1
            if closed == tag:
                break
        if tag in BLOCKS:
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "title":
            self.title.append(data)
        if not self.skipping:
            self._add(data)

    def _add(self, text: str) -> None:
        self.parts["all"].append(text)
        for name in PREFERRED:
            if name in self.open:
                self.parts[name].append(text)


def html_text(page: str) -> str:
    """The readable text of an HTML page: one line per block, blank lines squeezed."""
    parser = _Text()
    parser.feed(page)
    parser.close()
    chosen = next((parser.parts[n] for n in (*PREFERRED, "all") if "".join(parser.parts[n]).strip()), [])
    lines = (" ".join(line.split()) for line in "".join(chosen).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
