"""Russian: ``министр сельского хозяйства`` names the Министерство сельского хозяйства."""

from __future__ import annotations

import re

from kg.lang import TokenView
from kg.lang.ru.bodies import place_words
from kg.lang.ru.morph import genitive_word
from kg.lang.ru.words import lemmas

# The word of a minister or a vice-minister (вице-министр, замминистра), in any case.
MINISTER = re.compile(r"^(?:вице-|зам)?министр(?:а|ом|у|е)?$", re.IGNORECASE)
# At most this many genitive words name the ministry's field.
MAX_WORDS = 3


def ministry(view: TokenView, i: int) -> tuple[int, int, str] | None:
    """The ministry a minister at token ``i`` heads, read from the lower-case genitive words after it; a place's class
    noun is no field (главным министром штата Гуджарат: the chief minister of a state)."""
    texts = view.texts
    if not MINISTER.match(texts[i]):
        return None
    j = i + 1
    while j < len(texts) and j - i <= MAX_WORDS + 1 and not view.covered[j] and texts[j].islower() \
            and genitive_word(texts[j]) and not set(lemmas(texts[j])) & place_words():
        j += 1
    return (i + 1, j - 1, f"Министерство {' '.join(texts[i + 1:j])}") if j > i + 1 else None
