"""Sides: the state a person speaks for at talks, told by the side he is from.

``Қазақстан тарапынан вице-министр X``, ``с японской стороны — заместитель министра Y``, ``Deputy Minister Z
from the Kazakh side``: a state's name or adjective next to the word for a side, which a word of source governs
(from, с; Kazakh says it by the side word's ablative), gives the state of the person named nearest to it in the
sentence. The posts pass reads it where the post's own phrase names no state.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.model import Mention, MentionKind
from kg.relations.state import WORD_EDGES, State

CLAUSE_BREAK = re.compile(r"[,;]")
# Words read back from a side phrase for its word of source (from the Kazakh side: the article between).
SOURCE_REACH = 2


def person_sides(s: State) -> dict[Mention, str]:
    """The state each person speaks for, where a side phrase of his sentence tells it."""
    language = s.report.language
    needs_source = bool(s.lex.words_of("side-from", language))
    best: dict[Mention, tuple[int, str]] = {}
    for index in range(len(s.sentences)):
        persons = s.in_sentence(index, MentionKind.PERSON)
        if not persons:
            continue
        countries = s.in_sentence(index, MentionKind.COUNTRY)
        for start, end in s.word_spans(index, "side"):
            state = _next_to(s, countries, start, end)
            if state is None:
                continue
            first = min(start, state.start)
            if needs_source and not _source_before(s, index, first):
                continue
            last = max(end, state.end)
            near = _in_clause(s, index, first, last, persons)
            if not near:
                continue
            gap, person = min(((max(p.start - last, first - p.end), p) for p in near), key=lambda g: g[0])
            if person not in best or gap < best[person][0]:
                best[person] = (gap, state.value)
    return {p: code for p, (_, code) in best.items()}


def _in_clause(s: State, index: int, first: int, last: int, persons: list[Mention]) -> list[Mention]:
    """The persons of the side phrase's clause (up to a comma or semicolon), else, where the phrase ends its clause,
    those of the clause after it (On the Kazakh side, Deputy Minister X)."""
    sentence = s.sentences[index]
    cuts = [sentence.start, *(m.end() + sentence.start for m in CLAUSE_BREAK.finditer(sentence.text)), sentence.end]
    for a, b in pairwise(cuts):
        if not a <= first < b:
            continue
        found = [p for p in persons if a <= p.start < b]
        if found or s.text[last:b].strip(" ,;"):
            return found
        return [p for p in persons if b <= p.start and not CLAUSE_BREAK.search(s.text[b:p.start])]
    return []


def _next_to(s: State, countries: list[Mention], start: int, end: int) -> Mention | None:
    """The state named right before the side word (the Kazakh side, казахстанской стороны) or right after it
    (со стороны Японии), with nothing but space between."""
    for c in countries:
        if c.end <= start and not s.text[c.end:start].strip():
            return c
        if c.start >= end and not s.text[end:c.start].strip():
            return c
    return None


def _source_before(s: State, index: int, first: int) -> bool:
    """Is a word of source (from, с) among the few words before the side phrase?"""
    sentence = s.sentences[index]
    words = s.text[sentence.start:first].split()[-SOURCE_REACH:]
    return any(s.lex.is_word(w.strip(WORD_EDGES), "side-from", s.report.language) for w in words)
