"""Reports → mentions: the registry of extractors, each a function from a report to mentions."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import replace

from kg.errors import DipkgError
from kg.model import Mention, Report

Extractor = Callable[[Report], Iterable[Mention]]

EXTRACTORS: dict[str, Extractor] = {}
# Longer reports are read in pieces: some rule steps compare each match with the others.
PIECE_CHARS = 50_000
# Modules whose import registers extractors; loaded on first use.
EXTRACTOR_MODULES = ("kg.rules", "kg.ner")


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Register ``func`` under ``name``: ``@extractor("rules") def f(report): ...``."""

    def register(func: Extractor) -> Extractor:
        EXTRACTORS[name] = func
        return func

    return register


def available() -> list[str]:
    _load()
    return sorted(EXTRACTORS)


def described() -> dict[str, str]:
    """Each extractor's name and the first line of its description."""
    _load()
    return {name: (EXTRACTORS[name].__doc__ or "").strip().splitlines()[0] for name in sorted(EXTRACTORS)}


def extract_mentions(report: Report, *, names: Iterable[str] | None = None) -> tuple[Mention, ...]:
    """Run the named extractors (all registered ones by default), mentions sorted by offset.

    A report longer than ``PIECE_CHARS`` is read in pieces that end at a line break, so that
    the time grows with the length of the report and not faster; offsets still index its text.
    """
    _load()
    chosen = list(names) if names is not None else sorted(EXTRACTORS)
    out: list[Mention] = []
    for name in chosen:
        if name not in EXTRACTORS:
            raise DipkgError(f"no extractor named {name!r}; known: {', '.join(sorted(EXTRACTORS))}")
        for offset, piece in pieces(report):
            found = EXTRACTORS[name](piece)
            out.extend(found if not offset else (replace(m, start=m.start + offset, end=m.end + offset)
                                                 for m in found))
    return tuple(sorted(out, key=lambda m: (m.start, -m.end, m.kind)))


def pieces(report: Report, size: int | None = None) -> list[tuple[int, Report]]:
    """The report in pieces of at most about ``size`` (``PIECE_CHARS``) characters, each with its
    offset; a piece ends after a line break where there is one in its second half, else after a space."""
    size = size or PIECE_CHARS
    text = report.text
    if len(text) <= size:
        return [(0, report)]
    out: list[tuple[int, Report]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            if cut >= 0:
                end = cut + 1
        out.append((start, replace(report, text=text[start:end], body_start=report.body_start if not start else 0)))
        start = end
    return out


def _load() -> None:
    for module in EXTRACTOR_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
