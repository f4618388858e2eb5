"""Report files → ``Report`` values: the header line, the language, the publication date."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from kg.errors import DipkgError
from kg.html_text import html_text, looks_like_html
from kg.model import Report

HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})[ \t]*(.*)$")
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC_LETTERS = re.compile(r"[а-яёА-ЯЁ]")
LATIN_LETTERS = re.compile(r"[A-Za-z]")
# Datelines a news site prints near the top: 21.12.2023 or "15 Шілде 2009" or "12 Қараша 2019".
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
WORD_DATE = re.compile(r"\b(\d{1,2})\s+([^\W\d_]+)\s+(\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DATELINE_LINES = 12
SUFFIXES = (".txt", ".text", ".md")
# A news report is a few thousand characters; a file of millions is many pasted together, and the
# relation passes still have steps that grow faster than the length (benchmarks/bench_long_report.py).
MAX_CHARS = 2_000_000


def read_report(path: Path, *, month: Callable[[str], int | None] | None = None, identity: str = "") -> Report:
    """Read one report file; a file that is not UTF-8 text raises ``DipkgError`` naming it.

    ``identity`` tells the report from others with the same base name (see ``locate``)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DipkgError(f"{path}: cannot read the report: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DipkgError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    if "\x00" in text:
        raise DipkgError(f"{path}: a binary file, not a text report")
    if len(text) > MAX_CHARS:
        raise DipkgError(f"{path}: {len(text):,} characters, more than the {MAX_CHARS:,} a report may have; "
                         f"split it into several files")
    report = parse_report(_printable(path.name), text, month=month)
    return replace(report, identity=identity) if identity else report


def _printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) shown as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def parse_report(source_file: str, text: str, *, month: Callable[[str], int | None] | None = None) -> Report:
    """A report from its text: NFC, LF line ends; the optional first line ` date YYYY-MM-DD title`.

    An HTML page saved as text is read as the text of its article (``kg.html_text``)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if looks_like_html(text):
        text = html_text(text)
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
        published = _dateline(text, month or (lambda _w: None))
    return Report(source_file=source_file, text=text, language=detect_language(text),
                  published=published, title=title, body_start=body_start)


def detect_language(text: str) -> str:
    """kk when Kazakh letters are frequent, ru for other Cyrillic, en for Latin text."""
    kazakh = len(KAZAKH_LETTERS.findall(text))
    cyrillic = len(CYRILLIC_LETTERS.findall(text))
    latin = len(LATIN_LETTERS.findall(text))
    if cyrillic + kazakh >= latin:
        return "kk" if kazakh >= max(1, 0.01 * (cyrillic + kazakh)) else "ru"
    return "en"


def _dateline(text: str, month: Callable[[str], int | None]) -> date | None:
    """The first full date in the top lines of a page, where sites print the publication date."""
    for line in text.split("\n")[:DATELINE_LINES]:
        for m in ISO_DATE.finditer(line):
            d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return d
        for m in NUMERIC_DATE.finditer(line):
            d = _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if d:
                return d
        for m in WORD_DATE.finditer(line):
            number = month(m.group(2))
            if number:
                d = _date(int(m.group(3)), number, int(m.group(1)))
                if d:
                    return d
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if 1900 < year < 2100 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ReportFile:
    path: Path
    identity: str


def report_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The report files among ``paths``: files as given, folders searched for text files, sorted."""
    return (f.path for f in locate(paths))


def locate(paths: Iterable[Path]) -> list[ReportFile]:
    """The report files among ``paths``, each once, with its identity.

    A folder is searched for text files, skipping hidden files and folders (``.git``) below it; a
    file named on the command line is read whatever its name. A file's identity is its path
    relative to the folder given (its name when given itself); one reached twice counts once.
    """
    out: list[ReportFile] = []
    seen: set[Path] = set()

    def add(path: Path, identity: str) -> None:
        real = path.resolve()
        if real not in seen:
            seen.add(real)
            out.append(ReportFile(path, _printable(identity)))

    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if found.suffix.lower() in SUFFIXES and found.is_file():
                    add(found, relative.as_posix())
        elif path.is_file():
            add(path, path.name)
        else:
            raise DipkgError(f"{path}: no such file or folder")
    return out
