"""Russian dictionary forms from pymorphy3 (OpenCorpora dictionary).

A word form stands for the lemmas of its likely readings only: стали is read as the verb стать,
not as the noun сталь, because the dictionary's frequency-based score puts the noun far behind.
Cue words are nouns and adjectives, so verbal readings never give a lemma.
"""

from __future__ import annotations

from functools import lru_cache

from kg.lang import word_key
from kg.lang.ru.morph import analyzer

# A reading this far behind the likeliest one is left out.
RIVAL_SHARE = 0.1
VERBAL = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


@lru_cache(maxsize=131072)
def lemmas(word: str) -> tuple[str, ...]:
    """The lemmas of the word's likely nominal readings; the word itself when it has none."""
    low = word_key(word)
    if not any(ch.isalpha() for ch in low):
        return (low,)
    parses = analyzer().parse(low)
    top = parses[0].score if parses else 0.0
    out = [word_key(p.normal_form) for p in parses
           if p.score >= top * RIVAL_SHARE and p.tag.POS not in VERBAL]
    if parses and parses[0].tag.POS in VERBAL:
        return (low,)
    return tuple(dict.fromkeys(out or [low]))
