"""English: ``Minister of Agriculture`` names the Ministry of Agriculture."""

from __future__ import annotations

from functools import cache

from kg.lang import TokenView
from kg.lang.en.frequency import zipf
from kg.lang.en.ner import given_names

LINKS = frozenset({"and", "&"})
# A ministry's field is an English word of some frequency (Ecology, Fisheries); a name after it is not
# (Minister of Commerce Faisal bin Thani): Zipf frequency in wordfreq's English lists.
FIELD_ZIPF = 3.3


@cache
def _field_word(word: str) -> bool:
    return zipf(word.casefold()) >= FIELD_ZIPF


def ministry(view: TokenView, i: int) -> tuple[int, int, str] | None:
    """The ministry a ``Minister of ...`` at token ``i`` names: (first, last token, name)."""
    texts = view.texts
    if texts[i].lower() != "minister" or i + 1 >= len(texts) or texts[i + 1] != "of":
        return None
    j = i + 2
    words: list[str] = []
    while j < len(texts) and not view.covered[j] and (
            (view.is_name_word(j) and _field_word(texts[j])) or (texts[j] in LINKS and words)):
        if words and texts[j].casefold() in given_names() and j + 1 < len(texts) and texts[j + 1][:1].isupper():
            break  # Foreign Affairs Peter Szijjarto: a name's first word (Peter) is frequent too
        words.append(texts[j])
        j += 1
    while words and words[-1] in LINKS:
        words.pop()
        j -= 1
    return (i + 2, j - 1, f"Ministry of {' '.join(words)}") if words else None
