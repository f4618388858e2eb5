"""Russian dictionary forms from pymorphy3 (OpenCorpora dictionary).

A word form stands for the lemmas of its likely readings only: стали is read as the verb стать,
not as the noun сталь, because the dictionary's frequency-based score puts the noun far behind.
Cue words are nouns and adjectives, so verbal readings never give a lemma; a full participle is
an adjective to them (возобновляемой энергетики: возобновляемый, as a cue's возобновляемая), filed
under its own masculine nominative rather than under its verb.
"""

from __future__ import annotations

from functools import lru_cache

from kg.lang import word_key
from kg.lang.ru.morph import analyzer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

# A reading this far behind the likeliest one is left out.
RIVAL_SHARE = 0.1
VERBAL = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
# The full participle, declined like an adjective, and the form it is filed under.
PARTICIPLE = "PRTF"
ADJECTIVE_LEMMA = frozenset({"masc", "sing", "nomn"})


@lru_cache(maxsize=131072)
def lemmas(word: str) -> tuple[str, ...]:
    """The lemmas of the word's likely nominal readings; the word itself when it has none."""
    low = word_key(word)
    if not any(ch.isalpha() for ch in low):
        return (low,)
    parses = analyzer().parse(low)
    top = parses[0].score if parses else 0.0
    nominal = [_nominal_lemma(p) if p.score >= top * RIVAL_SHARE else None for p in parses]
    if nominal and nominal[0] is None:
        return (low,)
    return tuple(dict.fromkeys([lemma for lemma in nominal if lemma is not None] or [low]))


def _nominal_lemma(parse: Parse) -> str | None:
    """The dictionary form of a nominal reading (a participle's as an adjective's); None for a verbal one."""
    if parse.tag.POS == PARTICIPLE:
        adjective = parse.inflect(ADJECTIVE_LEMMA)
        return word_key(adjective.word) if adjective is not None else None
    return None if parse.tag.POS in VERBAL else word_key(parse.normal_form)
