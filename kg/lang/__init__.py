"""Languages: one package per language, ``kg/lang/<code>/``, each exporting a ``PROFILE``.

A profile says what the extraction passes need to know about a language and nothing else
does: the state a report in it is presumed to come from, how its post phrases mark their parts
(case endings or prepositions), its words for today and yesterday, and the recogniser that
proposes names. Adding a language is one new folder here and its labels in ``ontology/``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.model import Mention, Report


class Case(Enum):
    """The grammatical cases a post or meeting phrase reads off a word's ending."""

    GENITIVE = "genitive"          # the state or body a post belongs to: Жапонияның
    LOCATIVE = "locative"          # where: Астанада
    LOCATIVE_ATTRIBUTE = "locative attribute"  # the host of a post: Қазақстандағы
    DATIVE = "dative"              # whither: Токиоға
    INSTRUMENTAL = "instrumental"  # with whom: Жамармен


@dataclass(frozen=True)
class Language:
    """What the extraction passes ask of a language."""

    code: str
    # The state a report in this language is presumed to come from, for posts that name none.
    home_country: str | None = None
    # (case, ending) pairs, tried in order; empty when the language marks relations with prepositions.
    case_endings: tuple[tuple[Case, re.Pattern[str]], ...] = ()
    # Prepositions after which a name is where a post is held: "Ambassador to Belgium", "посол в Бельгии".
    in_prepositions: frozenset[str] = frozenset()
    # Words that may stand between such a preposition and the name: "to the Kingdom of ...".
    determiners: frozenset[str] = frozenset()
    today: frozenset[str] = frozenset()
    yesterday: frozenset[str] = frozenset()
    # "module:function" of the recogniser whose persons, places and organizations the rules check.
    tagger: str | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def marks_case(self) -> bool:
        return bool(self.case_endings)

    def case(self, word: str) -> Case | None:
        """The case a word's ending marks, the first that fits; None where nothing fits."""
        for case, ending in self.case_endings:
            if ending.search(word):
                return case
        return None

    def has_case(self, word: str, *cases: Case) -> bool:
        return any(ending.search(word) for case, ending in self.case_endings if case in cases)

    def recogniser(self) -> Callable[[Report], Iterable[Mention]] | None:
        if self.tagger is None:
            return None
        module, _, name = self.tagger.partition(":")
        return getattr(importlib.import_module(module), name)


@cache
def languages() -> dict[str, Language]:
    """Every language package's profile, by code."""
    out: dict[str, Language] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.ispkg:
            module = importlib.import_module(f"{__name__}.{info.name}")
            out[module.PROFILE.code] = module.PROFILE
    return out


def profile(code: str) -> Language:
    """The profile of ``code``; a neutral one for a language without a package."""
    return languages().get(code) or Language(code)
