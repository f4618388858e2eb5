"""Russian: ``министр сельского хозяйства`` names the Министерство сельского хозяйства; another state's ministry
carries the state's name after it (министр иностранных дел Узбекистана: the Министерство иностранных дел
Узбекистана), so that it is never taken for Kazakhstan's of the same name. A ministry's short name before another
state's (МИД Японии) names that state's ministry in full (``ministry_abbreviations.tsv``)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kg.files import read_tsv_records
from kg.lang import TokenView
from kg.lang.ru.bodies import place_words
from kg.lang.ru.morph import genitive_word
from kg.lang.ru.words import lemmas

# The word of a minister or a vice-minister (вице-министр, замминистра), in any case.
MINISTER = re.compile(r"^(?:вице-|зам)?министр(?:а|ом|у|е)?$", re.IGNORECASE)
# The case ending of a ministry's short name (Минфина, Минздраву, Минсельхозом).
CASE_ENDING = re.compile(r"(?:а|у|ом|е)$")
# At most this many genitive words name the ministry's field.
MAX_WORDS = 3
# At most this many words name the state after the field (Республики Узбекистан).
STATE_WORDS = 3


@cache
def abbreviations() -> dict[str, str]:
    """A ministry's short name → its full name."""
    return {r["abbreviation"]: r["ministry"]
            for r in read_tsv_records(Path(__file__).parent / "ministry_abbreviations.tsv")}


def _short_name(word: str) -> str | None:
    """The ministry's short name ``word`` is, in any case (Минфина: Минфин)."""
    if word in abbreviations():
        return word
    stem = CASE_ENDING.sub("", word)
    return stem if stem != word and stem in abbreviations() else None


def ministry(view: TokenView, i: int) -> tuple[int, int, str] | None:
    """The ministry a minister at token ``i`` heads, read from the lower-case genitive words after it; a place's class
    noun is no field (главным министром штата Гуджарат: the chief minister of a state). Or the ministry whose short
    name token ``i`` is, of the state other than the home state named right after it."""
    texts = view.texts
    short = _short_name(texts[i])
    if short is not None:
        state = _other_state(view, i + 1)
        return (i, i, f"{abbreviations()[short]}{state}\t{short}{state}") if state else None
    if not MINISTER.match(texts[i]):
        return None
    j = i + 1
    while j < len(texts) and j - i <= MAX_WORDS + 1 and not view.covered[j] and texts[j].islower() \
            and genitive_word(texts[j]) and not set(lemmas(texts[j])) & place_words():
        j += 1
    if j == i + 1:
        return None
    return i + 1, j - 1, f"Министерство {' '.join(texts[i + 1:j])}{_other_state(view, j)}"


def _other_state(view: TokenView, j: int) -> str:
    """The name of a state other than the home state read right at token ``j`` (Узбекистана, Республики Узбекистан),
    as written and after a space; else nothing."""
    from kg.lang.ru import PROFILE

    end = PROFILE.other_state_after(view, j, STATE_WORDS)
    return f" {' '.join(view.texts[j:end])}" if end else ""
