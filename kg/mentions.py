"""Reports → mentions: the registry of extractors, each a function from a report to mentions."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from kg.errors import DipkgError
from kg.model import Mention, Report

Extractor = Callable[[Report], Iterable[Mention]]

EXTRACTORS: dict[str, Extractor] = {}
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
    """Run the named extractors (all registered ones by default), mentions sorted by offset."""
    _load()
    chosen = list(names) if names is not None else sorted(EXTRACTORS)
    out: list[Mention] = []
    for name in chosen:
        if name not in EXTRACTORS:
            raise DipkgError(f"no extractor named {name!r}; known: {', '.join(sorted(EXTRACTORS))}")
        out.extend(EXTRACTORS[name](report))
    return tuple(sorted(out, key=lambda m: (m.start, -m.end, m.kind)))


def _load() -> None:
    for module in EXTRACTOR_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
