"""Kazakh dictionary forms: a word less its endings, read from the end in the order Kazakh puts them.

A Kazakh word is stem + derivation + plural + possessive + case (сала+лар+ы+нда). Each slot is
stripped at most once, from the end, so an ending is never taken out of a stem's middle: болатынын
(that it will be) is болатын+ы+н, never the noun болат (steel).
"""

from __future__ import annotations

from functools import lru_cache

from kg.lang import word_key
from kg.morphology import DERIVATION_SUFFIXES, VOWELS, case_candidates

POSSESSIVE = ("ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "ың", "ің", "сы", "сі", "ы", "і")
PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
# Final қ and к soften to ғ and г before a vowel ending: аймақ, аймағы.
SOFTENED = {"ғ": "қ", "г": "к"}


def _strip(forms: list[str], suffixes: tuple[str, ...]) -> list[str]:
    out = list(forms)
    for w in forms:
        for suffix in suffixes:
            stem = w[: len(w) - len(suffix)]
            if w.endswith(suffix) and len(stem) >= 2 and any(ch in VOWELS for ch in stem):
                out.append(stem)
                if stem[-1] in SOFTENED:
                    out.append(stem[:-1] + SOFTENED[stem[-1]])
    return list(dict.fromkeys(out))


# The third person's possessive, which marks the head of a compound noun (электр станциясы, ауыл шаруашылығы).
THIRD_POSSESSIVE = ("сы", "сі", "ы", "і")


def possessive_bases(word: str) -> tuple[str, ...]:
    """The stem of a word in the third person's possessive (станциясы: станция; шаруашылығы: шаруашылық): its plural
    (станциялары) and its other forms (станцияларын) hold that stem among their ``lemmas``, not the word."""
    low = word_key(word)
    return tuple(f for f in _strip([low], THIRD_POSSESSIVE) if f != low)


@lru_cache(maxsize=131072)
def lemmas(word: str) -> tuple[str, ...]:
    """The word, then its stems with its case, possessive, plural and derivational endings off."""
    low = word_key(word)
    forms = [low, *(word_key(c) for c in case_candidates(low)[:-1])]
    for slot in (POSSESSIVE, PLURAL, DERIVATION_SUFFIXES):
        forms = _strip(forms, slot)
    return tuple(forms)
