"""Kazakh: ``Экономикалық даму министрі`` names the ministry ``Экономикалық даму министрлігі``.

The ministry's field stands before the post word: a capitalised word and the lower-case words after it, joined by
commas and және (Сыртқы істер, Ауыл шаруашылығы, Экономика, сауда және өнеркәсіп), or lower-case words right after
a state in the genitive (Италияның сыртқы істер министрі). Another state's ministry carries the state's name, in
the genitive or as a name before it (Италия Сыртқы істер министрлігі, Жапония Экономика, сауда және өнеркәсіп
министрлігі), so that it is never taken for Kazakhstan's of the same name.
"""

from __future__ import annotations

import re

from kg.lang import TokenView
from kg.morphology import KK_GENITIVE, dictionary_form_kk

# The post word of a minister or a vice-minister, in its possessive and case forms.
MINISTER = re.compile(r"^(?:вице-)?министр(?:і|інің|іне|ін|імен|інде|інен)$", re.IGNORECASE)
MINISTRY = "министрлігі"
LINKS = frozenset({"және", ","})
# At most this many words (and commas) name the field: Экономика, сауда және өнеркәсіп.
FIELD_WORDS = 6
# At most this many words name the state before the field (Қытай Халық Республикасының).
STATE_WORDS = 3


def ministry(view: TokenView, i: int) -> tuple[int, int, str] | None:
    """The ministry a ``... министрі`` at token ``i`` names: (first, last token of its field, name)."""
    texts = view.texts
    if not MINISTER.match(texts[i]):
        return None
    j = i - 1
    while j >= 0 and i - j <= FIELD_WORDS and not view.covered[j] and (texts[j].isalpha() or texts[j] in LINKS) and (
            (texts[j].islower() and not KK_GENITIVE.search(texts[j])) or texts[j] in LINKS):
        j -= 1
    capital = j >= 0 and i - j <= FIELD_WORDS and not view.covered[j] and not view.barrier[j] \
        and texts[j].isalpha() and texts[j][:1].isupper() and not KK_GENITIVE.search(texts[j])
    first = j if capital else j + 1
    if first >= i or texts[first] in LINKS:
        return None
    state = _state_before(view, first)
    if not capital and state is None:
        return None  # lower-case words open no ministry's name unless a state's name stands before them
    field = " ".join(texts[first:i]).replace(" ,", ",")
    field = field[:1].upper() + field[1:]
    prefix = f"{state} " if state and not _home(state) else ""
    return first, i - 1, f"{prefix}{field} {MINISTRY}"


def _state_before(view: TokenView, first: int) -> str | None:
    """The state named right before the field, in the genitive or as a name before a name (Италияның, Жапония,
    Қытай Халық Республикасының), in its dictionary form: the longest name of a state among the words before."""
    from kg.lexicon import load_lexicon

    k = first - 1
    if k < 0 or not view.covered[k]:
        return None
    last = dictionary_form_kk(view.texts[k]) if KK_GENITIVE.search(view.texts[k]) else view.texts[k]
    for start in range(max(0, first - STATE_WORDS), first):
        if all(view.covered[j] for j in range(start, k)):
            name = " ".join([*view.texts[start:k], last])
            if load_lexicon().country_named(name):
                return name
    return None


def _home(state: str) -> bool:
    """Is the state the home state of Kazakh reports (Қазақстан: its ministries need no state's name)?"""
    from kg.lang.kk import PROFILE
    from kg.lexicon import load_lexicon

    return load_lexicon().country_named(state) == PROFILE.home_country
