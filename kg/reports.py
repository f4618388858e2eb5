"""Report text → ``Report`` values: the header line, the language, the publication date.

Which files hold reports, and in which format, is ``kg.inputs``'s business."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from email.utils import parsedate_to_datetime
from itertools import islice, pairwise
from pathlib import Path

from kg.encodings import decode
from kg.errors import DipkgError
from kg.html_text import looks_like_html, read_page
from kg.model import Report
from kg.text import abbreviations, clean

# A text wrapped at a fixed width has no line longer than this; a line this long or longer that ends with no stop
# runs on in the next one (a sentence wrapped over lines).
WRAP_WIDTH = 120
WRAPPED_LINE = 50
LINE_STOP = re.compile(r"[.!?:;…»\"”)]$")
# The last word of a line and the full stop after it (Mr.).
LAST_WORD = re.compile(r"(?:^|\s)([^\W\d_]+)\.$")
LINE_GOES_ON = re.compile(r"^\s*[^\W_]")
# Two or more spaces, tabs or no-break spaces in a row within a line.
SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}")
HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})[ \t]*(.*)$")
# Runs of letters of each script, counted by their lengths (a match per word rather than per letter).
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]+")
CYRILLIC_LETTERS = re.compile(r"[а-яёА-ЯЁ]+")
LATIN_LETTERS = re.compile(r"[A-Za-z]+")
# Datelines a news site prints near the top: 21.12.2023, 21/12/2023 or "15 Шілде 2009" or "12 Қараша 2019".
NUMERIC_DATE = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
WORD_DATE = re.compile(r"\b(\d{1,2})\s+([^\W\d_]+),?\s+(\d{4})\b")
# October 20, 2025 / Oct. 20, 2025
MONTH_FIRST_DATE = re.compile(r"\b([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")
# 2025 жылғы 20 қазан: the year, its word, the day, the month
YEAR_FIRST_DATE = re.compile(r"\b(\d{4})\s+[^\W\d_]+\s+(\d{1,2})\s+([^\W\d_]+)")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# The place a dateline opens with before its comma, one or two capitalised words (Бишкек, Addis Ababa, Аддис-Абеба): the
# pattern the rules' clutter test and the places pass both read datelines with.
DATELINE_PLACE = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+(?:[ -][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\W\d_]+)?"
# A metadata field's date: ISO 8601, a time of day after it allowed (2024-03-01T10:00:00+05:00).
ISO_START = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
# The top lines of a page, blank ones not counted, where a publication date is looked for.
DATELINE_LINES = 12
# Each written form of a dateline with the groups of its year, month and day.
DATELINE_FORMS = ((WORD_DATE, (3, 2, 1)), (MONTH_FIRST_DATE, (3, 1, 2)), (YEAR_FIRST_DATE, (1, 3, 2)))
# A news report is a few thousand characters; a file of millions is many pasted together, and the
# relation passes still have steps that grow faster than the length (benchmarks/bench_long_report.py).
MAX_CHARS = 2_000_000


def read_report(path: Path, *, month: Callable[[str], int | None] | None = None, identity: str = "") -> Report:
    """Read one report file (plain text, or an HTML page); a file that is not text raises
    ``DipkgError`` naming it. The encoding is UTF-8, that of a byte-order mark, or a guess.

    ``identity`` tells the report from others with the same base name (see ``kg.inputs.locate``)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DipkgError(f"{path}: cannot read the report: {exc.strerror or exc}") from exc
    text = decode(raw, str(path)).text
    if len(text) > MAX_CHARS:
        raise DipkgError(f"{path}: {len(text):,} characters, more than the {MAX_CHARS:,} a report may have; "
                         f"split it into several files")
    report = parse_report(printable(path.name), text, month=month)
    return replace(report, identity=identity) if identity else report


def printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) shown as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def parse_report(source_file: str, text: str, *, month: Callable[[str], int | None] | None = None) -> Report:
    """A report from its text: NFC, LF line ends; the optional first line ` date YYYY-MM-DD title`.

    An HTML page saved as text is read as the text of its article, with the title, date and
    address its metadata give (``kg.html_text``)."""
    text = normalize(text)
    page = read_page(text) if looks_like_html(text) else None
    if page is not None:
        text = page.text
    if not text.strip():
        raise DipkgError(f"{source_file}: the report is empty")
    first_end = text.find("\n") if "\n" in text else len(text)
    header = HEADER.match(text[:first_end])
    published: date | None = None
    title: str | None = None
    body_start = 0
    if header:
        try:
            published = date(int(header.group(1)), int(header.group(2)), int(header.group(3)))
        except ValueError as exc:
            raise DipkgError(f"{source_file}: bad date in the header line: {exc}") from exc
        title = header.group(4).strip() or None
        body_start = header.start(4)
    else:
        published = parse_date(page.date, month) if page is not None and page.date else None
        published = published or _dateline(text, month or (lambda _w: None))
    if page is not None:
        title = title or page.title
    return Report(source_file=source_file, text=text, language=detect_language(text),
                  published=published, title=title, body_start=body_start,
                  source_url=page.url if page is not None else None)


def normalize(text: str) -> str:
    """The text every offset of the graph indexes: NFC with LF line ends; a Cyrillic word typed with Latin look-alike
    letters in Cyrillic ones; text wrapped at a fixed width run on over its line ends; and a run of spaces within a
    line as one (text copied from a page often doubles them: Mr.  John  Smith is one name)."""
    text = clean(unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")))
    return SPACE_RUN.sub(" ", _unwrapped(text))


def _unwrapped(text: str) -> str:
    """Text wrapped at a fixed width (no line past the first longer than ``WRAP_WIDTH``), with its sentences run on
    over the line ends: a line of ``WRAPPED_LINE`` characters or more that ends with no stop goes on in the next
    line, so its line end is a space. The first line (a header or a title, of any length) stays a line of its own."""
    lines = text.split("\n")
    if len(lines) < 3 or max(len(line) for line in lines[1:]) > WRAP_WIDTH:
        return text
    parts = [lines[0], "\n", lines[1]]
    for before, line in pairwise(lines[1:]):
        end = before.rstrip()
        runs_on = len(end) >= WRAPPED_LINE and (not LINE_STOP.search(end) or _abbreviation_end(end)) \
            and LINE_GOES_ON.match(line)
        parts += [" " if runs_on else "\n", line]
    return "".join(parts)


def _abbreviation_end(line: str) -> bool:
    """Does the line end with an abbreviation's full stop (Mr., H.E., г.), which ends no sentence?"""
    word = LAST_WORD.search(line)
    return bool(word) and word.group(1) in abbreviations()


def parse_date(value: str, month: Callable[[str], int | None] | None = None) -> date | None:
    """The date a metadata field gives: ISO (``2024-03-01``, ``2024-03-01T10:00:00+05:00``),
    ``01.03.2024`` or ``1 March 2024`` in a language the lexicon knows; None when it gives none."""
    value = value.strip()[:200]
    m = ISO_START.match(value)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        d = parsedate_to_datetime(value)
        return _date(d.year, d.month, d.day)
    except (TypeError, ValueError, IndexError):
        return _dateline(value, month or (lambda _w: None))


def detect_language(text: str) -> str:
    """kk when Kazakh letters are frequent, ru for other Cyrillic, en for Latin text."""
    kazakh = sum(map(len, KAZAKH_LETTERS.findall(text)))
    cyrillic = sum(map(len, CYRILLIC_LETTERS.findall(text)))
    latin = sum(map(len, LATIN_LETTERS.findall(text)))
    if cyrillic + kazakh >= latin:
        return "kk" if kazakh >= max(1, 0.01 * (cyrillic + kazakh)) else "ru"
    return "en"


def _dateline(text: str, month: Callable[[str], int | None]) -> date | None:
    """The first full date in the top lines of a page (blank lines not counted), where sites print the publication
    date."""
    for line in islice((line for line in text.split("\n") if line.strip()), DATELINE_LINES):
        found = line_date(line, month)
        if found:
            return found
    return None


def line_date(line: str, month: Callable[[str], int | None]) -> date | None:
    """The first full date a line writes (2025-10-15, 15.10.2025, 15 October 2025, October 15, 2025)."""
    for m in ISO_DATE.finditer(line):
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
    for m in NUMERIC_DATE.finditer(line):
        year, first, second = int(m.group(4)), int(m.group(1)), int(m.group(3))
        # the day first; with slashes, the month first where the day cannot be (01/31/2025)
        d = _date(year, second, first) or (_date(year, first, second) if m.group(2) == "/" else None)
        if d:
            return d
    for pattern, (y, mo, dy) in DATELINE_FORMS:
        for m in pattern.finditer(line):
            number = month(m.group(mo))
            d = _date(int(m.group(y)), number, int(m.group(dy))) if number else None
            if d:
                return d
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1900 < year < 2100 else None
    except ValueError:
        return None
