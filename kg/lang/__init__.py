"""Per-language packages: each language's named-entity recogniser, looked up by language code.

A recogniser is a function from a report to person, place and organization mentions; the rules
(``kg.rules``) take them as proposals. Modules are imported on first use only.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from kg.model import Mention, Report

Recogniser = Callable[[Report], Iterable[Mention]]

# language code -> "module:function"
RECOGNISERS: dict[str, str] = {
    "kk": "kg.ner:kaznerd_mentions",
    "en": "kg.lang.en.ner:mentions",
}


def recogniser(language: str) -> Recogniser | None:
    """The named-entity recogniser for ``language``, or None where there is none."""
    target = RECOGNISERS.get(language)
    if target is None:
        return None
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def proposals(report: Report) -> list[Mention]:
    """The report language's recogniser's mentions (none for a language without one)."""
    found = recogniser(report.language)
    return list(found(report)) if found else []
