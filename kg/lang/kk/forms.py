"""Kazakh word forms: endings stripped in order, with consonant assimilation and vowel harmony checked."""

from __future__ import annotations

from kg.lang.forms import StemForms
from kg.morphology import kk_stems
from kg.text import fold

# Shared stems must be at least this long (or the whole cue), not a two-letter accident.
SHARED_STEM = 4


class KazakhForms(StemForms):
    def stem(self, word: str) -> str:  # type: ignore[override]
        return word.lower()

    def keys(self, word: str, derivation: bool = False) -> frozenset[str]:
        return frozenset({fold(s) for s in kk_stems(word, derivation=derivation)} | {fold(word)})

    def matches(self, token: str, cue: str, derivation: bool = False) -> bool:
        t, c = token.lower().replace("ё", "е"), cue.lower().replace("ё", "е")
        if t == c:
            return True
        shared = kk_stems(t, derivation=derivation) & kk_stems(c, derivation=derivation)
        common = max((len(s) for s in shared), default=0)
        return bool(shared) and (common >= min(len(c), SHARED_STEM) or common == len(c))

    def short_forms(self, word: str) -> frozenset[str]:
        return frozenset({fold(word)} | {fold(x) for x in kk_stems(word)})
