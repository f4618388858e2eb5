"""Russian: a body named by its head noun and the genitive complements after it.

``Управление культуры, развития языков и архивного дела Мангистауской области``, ``Министерства
здравоохранения Республики Казахстан``, ``Международный фонд тюркской культуры``: the head noun
(``bodies.tsv``) in any case, the adjectives that agree with it before it, then nouns and
adjectives that may stand in the genitive, joined by commas and ``и`` where another genitive word
follows, a state's long form with its name (Республики Казахстан), and the person it is named after
(имени Л. Н. Гумилева). A head written in lower
case, or first in its sentence, names a body only with both a field (культуры) and a place or
state (Мангистауской области) after it: ``центр города`` or ``управление культуры`` alone is not a name.
"""

from __future__ import annotations

import re
from functools import cache

from kg.files import read_tsv
from kg.lang import TokenView
from kg.lang.ru.morph import ADJECTIVE_POS, CYRILLIC_WORD, _parses, genitive_word, phrase_nominative, plural
from kg.lang.ru.words import lemmas

HEADS_FILE = "bodies.tsv"
INITIAL = re.compile(r"^[А-ЯЁA-Z]$")
# A name particle written in lower case before a capital: аль-Фараби, ибн-Сина.
EPONYM_PREFIX = re.compile(r"^[а-яё]{2,4}-[А-ЯЁ]")
# The words of a name after ``имени`` at most, without initials (имени Ходжи Ахмеда Ясави).
EPONYM_WORDS = 3
# Words that join two genitive complements: культуры, развития языков и архивного дела.
JOINS = frozenset({",", "и"})
MAX_COMPLEMENTS = 10
SENTENCE_ENDS = frozenset({".", "!", "?", "«", "\"", "—", "–"})


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    from pathlib import Path

    return tuple((head, kind, by_place) for head, kind, by_place in read_tsv(Path(__file__).parent / HEADS_FILE))


@cache
def heads() -> dict[str, str]:
    return {head: kind for head, kind, _by_place in _rows()}


@cache
def place_bodies() -> frozenset[str]:
    """The heads of bodies a place's name alone names (``bodies.tsv``: акимат, правительство)."""
    return frozenset(head for head, _kind, by_place in _rows() if by_place)


@cache
def place_words() -> frozenset[str]:
    """Head nouns of places (области, города): a complement of place, not a body's field."""
    from kg.lexicon import load_lexicon

    return frozenset(h.word for h in load_lexicon().heads_for("ru") if h.kind == "place") | {
        "область", "город", "район", "край", "республика", "регион", "провинция", "штат"}


def _state_form(word: str) -> bool:
    from kg.lexicon import load_lexicon

    return load_lexicon().is_word(word, "state-form", "ru")


def _adjective_of(word: str, head: str) -> bool:
    """An adjective or participle agreeing in case with some reading of the head noun."""
    if not CYRILLIC_WORD.match(word):
        return False
    cases = {p.tag.case for p in _parses(head) if p.tag.POS == "NOUN"}
    return any(p.tag.POS in ADJECTIVE_POS and p.tag.case in cases for p in _parses(word))


def _named_after(word: str) -> bool:
    from kg.lexicon import load_lexicon

    return load_lexicon().is_word(word, "named-after", "ru")


def _eponym_end(view: TokenView, j: int) -> int | None:
    """Last token of the person's name after ``имени`` at ``j``: initials and a surname, or a name of up to
    ``EPONYM_WORDS`` words in the genitive (Абая, аль-Фараби, Льва Гумилева, Ходжи Ахмеда Ясави); a name after it
    in another case is a person's (имени Абая Иван Петров)."""
    texts = view.texts
    start = j
    while j + 1 < len(texts) and INITIAL.match(texts[j]) and texts[j + 1] == "." and not view.barrier[j]:
        j += 2
    if j < len(texts) and not view.barrier[j] and (texts[j][:1].isupper() or EPONYM_PREFIX.match(texts[j])):
        if j == start:
            while j + 1 < len(texts) and j + 1 - start < EPONYM_WORDS and not view.barrier[j + 1] \
                    and texts[j + 1][:1].isupper() and genitive_word(texts[j + 1]):
                j += 1
        return j
    return None


def _members(word: str, distance: int) -> bool:
    """A post's word in the plural genitive right after the head is the body's members, a word of its name, not a
    post: Палата представителей, Совет министров."""
    return distance == 1 and genitive_word(word) and plural(word)


def body(view: TokenView, i: int) -> tuple[int, int, str, str] | None:
    """The body whose head noun is at token ``i``: (first, last token, name in the nominative, type)."""
    texts = view.texts
    word = texts[i]
    if view.covered[i] or view.barrier[i] or not CYRILLIC_WORD.match(word):
        return None
    kind = next((heads()[lemma] for lemma in lemmas(word) if lemma in heads()), None)
    if kind is None:
        return None
    first = i
    # the adjectives before it, a state's one too (Японского агентства: the state's mention stays as well)
    while first > 0 and (not view.covered[first - 1] or texts[first - 1][:1].isupper()) \
            and not view.barrier[first - 1] and _adjective_of(texts[first - 1], word):
        first -= 1
    last, j, field, place = i, i + 1, False, False
    named = False  # the words of a place's name after its class noun are being read
    # ректором Миланского университета Паоло Бьянки: the person is no complement; after a post, neither is any name
    # the recogniser proposes that no rule has read as a place (it may take the post's holder for one)
    names = view.proposed_starts if first > 0 and view.barrier[first - 1] else set()
    while j < len(texts) and j - i <= MAX_COMPLEMENTS and (not view.barrier[j] or _members(texts[j], j - i)) \
            and j not in view.proposed_name_starts and (j not in names or view.covered[j]):
        t = texts[j]
        # Республики Казахстан: the state's name after its form; not after Российской Федерации, a name it ends, nor
        # a person's the recogniser reads there (Совета Республики Анатолием Исаченко)
        if _state_form(t) and j + 1 < len(texts) and texts[j + 1][:1].isupper() and not view.barrier[j + 1] \
                and not (view.covered[j] and view.covered[j - 1] and texts[j - 1][:1].isupper()) \
                and j + 1 not in view.proposed_name_starts:
            last, j, place = j + 1, j + 2, True
            continue
        if t in JOINS and last == j - 1 and field and j + 1 < len(texts) and texts[j + 1].islower() \
                and not view.covered[j + 1] and genitive_word(texts[j + 1]):
            j += 1
            continue
        if _named_after(t):
            end = _eponym_end(view, j + 1)
            if end is not None:
                last = end
            break
        if t[:1].isupper() and view.covered[j] and last == j - 1 and (
                named or set(lemmas(texts[j - 1])) & place_words()):
            # штата Парана, штата Западная Австралия: a place's name after its class noun stays in the nominative
            last, j, place, named = j, j + 1, True, True
            continue
        named = False
        if t in JOINS or not genitive_word(t):
            break
        if t[:1].isupper() or view.covered[j] or set(lemmas(t)) & place_words():
            place = True
        else:
            field = True
        last, j = j, j + 1
    if last == i and first == i:
        return None
    opening = texts[first]
    initial = first == 0 or texts[first - 1] in SENTENCE_ENDS
    named = opening[:1].isupper() and not initial
    # (an administration by its place alone: акимат Мангистауской области, правительство Омской области)
    if not named and not (field and place) and not (place and set(lemmas(word)) & place_bodies()):
        return None
    words = phrase_nominative(tuple(texts[first:i + 1]))
    name = " ".join(words)
    name = name[:1].upper() + name[1:]
    if last > i:
        name = f"{name} {view.span(i + 1, last)}"
    return first, last, name, kind
