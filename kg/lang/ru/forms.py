"""Russian word forms: Snowball stems, pymorphy3 lemmas, derived adjectives of sector words, and the
case endings of place nouns."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.lang.forms import StemForms, comparable

# Case endings of a Russian place noun by its last letter (Москва → Москве, Омск → Омске, Тверь → Твери);
# a final vowel, ь or й gives way to the ending. Not adjective endings: Омской is a region's, not Омск.
NOUN_ENDINGS = {"а": ("ы", "и", "е", "у", "ой", "ою", "ей", "ею"), "я": ("и", "е", "ю", "ей", "ею"),
                "ь": ("и", "ью", "я", "ю", "ем", "е"), "й": ("я", "ю", "ем", "е")}
CONSONANT_ENDINGS = ("а", "у", "е", "ом", "ем")
CONSONANT = re.compile(r"[бвгджзклмнпрстфхцчшщй]$", re.IGNORECASE)
ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$", re.IGNORECASE)
# A derived word keeps the stem and adds at most this many letters (торговля / торгово-).
DERIVED_EXTRA = 2
# The shortest joining form of an adjective, its -о included (узбекско-).
JOINED_STEM = 4
DERIVED_STEM = 5


class RussianForms(StemForms):
    def matches(self, token: str, cue: str, derivation: bool = False) -> bool:
        if super().matches(token, cue):
            return True
        if not derivation:
            return False
        short, long_ = sorted((self.stem(token), self.stem(cue)), key=len)
        return len(short) >= DERIVED_STEM and long_.startswith(short) and len(long_) - len(short) <= DERIVED_EXTRA

    def whole_form(self, token: str, cue: str) -> bool:
        """Акимом is аким with an ending; Аком (a name) only shares its stem with it."""
        if not self.matches(token, cue):
            return False
        from kg.lang.ru.morph import form_of  # (the dictionary, loaded where a capitalised word looks like a post)

        return form_of(token, cue) is not False

    def joined_forms(self, part: str) -> tuple[str, ...]:
        """An adjective's joining form stands for the adjective: казахстанско- for казахстанский."""
        if len(part) > JOINED_STEM and part.endswith("о"):
            return part, part[:-1] + "ий", part[:-1] + "ый"
        return (part,)

    def adjective(self, token: str, after: str) -> bool:
        from kg.lang.ru.morph import adjective_of

        return adjective_of(token, after)

    def name_after_head(self, words: Sequence[str]) -> int | None:
        from kg.lang.ru.morph import name_after_head

        return name_after_head(words)

    def plural_head(self, token: str, head: str, before: str = "") -> bool:
        from kg.lang.ru.morph import plural_of

        return plural_of(token, head, before)

    def singular(self, token: str, head: str) -> str:
        from kg.lang.ru.morph import singular_of

        return singular_of(token)

    def name_matches(self, token: str, name: str) -> bool | None:
        """A noun name takes noun endings only (Омской is a region's adjective, not Омск)."""
        if noun_form(token, name) or not ADJECTIVE.search(name):
            return noun_form(token, name)
        return None


def noun_form(token: str, name: str) -> bool:
    """Is a token a case form of a Russian (or Russian-written) place noun: Омске, Туркестане, Сиане?"""
    t, n = comparable(token), comparable(name)
    if t == n:
        return True
    head, dash, tail = n.partition("-")
    if dash and name.partition("-")[2][:1].islower() and t.endswith(dash + tail) and "-" not in t[:-len(dash + tail)]:
        # a name with a particle declines its first part: Ростове-на-Дону, Франкфурта-на-Майне
        return noun_form(t[:-len(dash + tail)], head)
    last = n[-1:]
    if last in NOUN_ENDINGS:
        base, endings = n[:-1], NOUN_ENDINGS[last]
    elif CONSONANT.search(n):
        base, endings = n, CONSONANT_ENDINGS
    else:
        return False
    return len(base) >= 3 and t.startswith(base) and t[len(base):] in endings
