"""The places and organizations the recogniser proposes, where no rule mention lies.

A proposal that overlaps a rule mention is left out whole, but for a state's or place's name inside
a body's name the recogniser read from its head noun; a proposed organization with more name words
before a rule one that ends where it does lends them to the rule one.
"""

from __future__ import annotations

import re

from kg.lang import Case, profile
from kg.lexicon import Head
from kg.matching import PhraseMatcher
from kg.model import MentionKind
from kg.morphology import word_matches
from kg.rules.places import state_named
from kg.rules.state import (
    DOMAIN,
    HYPHEN,
    LATIN_CAPITALISED,
    ORG_LINKS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    ROMAN,
    TITLE_LINKS,
    State,
)
from kg.text import fold

SPACE_BEFORE_COMMA = re.compile(r"\s+,")
# Mentions that cue a fact without holding their words (a sector cue inside a name: Financial Centre).
UNCOVERING_KINDS = frozenset({MentionKind.SECTOR, MentionKind.MEETING, MentionKind.DATE})


def read_proposals(s: State) -> None:
    """Tagged places and organizations that no rule mention touches: Токиода, Сенаттың.

    A proposal that overlaps a rule mention is left out whole: the rules read that stretch
    already, and what the tagger adds around it is a fragment (ЮНЕСКО Әлемдік мұра).
    """
    heads = s.match.heads
    for kind, first, last in s.proposals:
        proposed_type = s.headed.get((first, last))
        if kind == MentionKind.ORGANIZATION:
            _extend_organization(s, first, last)
            _extend_organization_right(s, first, last)
        if kind == MentionKind.PERSON or _overlaps_rules(s, first, last) or _states_pair(s, kind, first, last):
            continue
        lead_head = _leading_head(s, heads, first) if kind == MentionKind.ORGANIZATION and first < last else None
        while first <= last and (s.barrier[first] or (lead_head is None and
                s.sentence_initial(first) and s.common_word(s.texts[first]))):
            first += 1
        while first <= last and s.barrier[last]:
            last -= 1
        if "(" in s.texts[first + 1:last + 1]:
            last = s.texts.index("(", first + 1) - 1  # a short name in brackets is read apart (kg.organizations)
        if kind == MentionKind.PLACE:
            # A genitive ends a place name: Еуропаның Жасыл астанасы is Europe's green capital.
            last = next((k for k in range(first, last)
                         if profile(s.language).has_case(s.texts[k], Case.GENITIVE)), last)
        if first > last or any(s.barrier[k] for k in range(first, last + 1)):
            continue
        lead = s.texts[first]
        if not (s.is_capitalised(first) or LATIN_CAPITALISED.match(lead) or (lead.isupper() and len(lead) > 1)):
            continue
        if DOMAIN.search(s.view[s.toks[first].start:s.toks[last].end + 4]):
            continue
        if s.lex.month(lead) is not None or (first == last and ROMAN.match(lead)):
            continue
        words = s.texts[first:last + 1]
        quoted = first > 0 and last + 1 < len(s.texts) and s.texts[first - 1] in QUOTES_OPEN \
            and s.texts[last + 1] in QUOTES_CLOSE
        # A name in quotation marks is written in its dictionary form: the case ending follows the quote.
        value = s.span(first, last) if quoted else SPACE_BEFORE_COMMA.sub(",", s.dictionary_form(words))
        if len(words) == 1 and s.common_word(words[0]):
            continue
        if kind == MentionKind.PLACE and (code := s.lex.country_named(value)):
            s.emit(MentionKind.COUNTRY, first, last, code)  # a state's name in a form the names missed: Египта
        elif kind == MentionKind.PLACE:
            s.emit(MentionKind.PLACE, first, last, value, _class_beside(s, first, last))
        else:
            head = [m.payload for m in heads.match_at(s.texts, last) if m.payload.kind == "organization"]
            head = head or ([lead_head] if lead_head else [])
            s.emit(MentionKind.ORGANIZATION, first, last, value, head[0].subtype if head else proposed_type)


def _class_beside(s: State, first: int, last: int) -> str | None:
    """The type a place's class noun right beside its name gives it: региона Ломбардия, the Lombardy Region."""
    for j in (first - 1, last + 1):
        if 0 <= j < len(s.texts):
            for h in s.lex.heads_for(s.language):
                if h.kind == "place" and word_matches(s.texts[j], h.word, s.language):
                    return h.place_type
    return None


def _states_pair(s: State, kind: MentionKind, first: int, last: int) -> bool:
    """``Қазақстан-Ресей``, ``Kazakh-Turkish``: two states joined by a hyphen qualify a relation, they
    name no place or body; but a body's name may open with them (the German-Kazakh Friendship Group)."""
    for k in range(first if kind != MentionKind.ORGANIZATION else last, last + 1):
        parts = [p for p in HYPHEN.split(s.texts[k]) if p]
        if len(parts) > 1 and any(state_named(s.match.names, (p,)) for p in parts):
            return True
    return False


def _leading_head(s: State, heads: PhraseMatcher[Head], i: int) -> Head | None:
    """An organization's head noun standing first in its name (Министерство энергетики): never trimmed."""
    return next((m.payload for m in heads.match_at(s.texts, i)
                 if m.payload.kind == "organization" and m.payload.position in ("before", "opens")), None)


def _overlaps_rules(s: State, first: int, last: int) -> bool:
    """A rule mention lies in the proposal; ``Government of Kazakhstan`` and a name the recogniser read from
    its head noun (Astana International Financial Centre, Kazakh Foreign Ministry) may hold a country or place."""
    if not any(s.covered[k] for k in range(first, last + 1)):
        return False
    headed = (first, last) in s.headed and (not s.covered[last] or _of_place_end(s, first, last))
    if not headed and (s.covered[first] or first + 1 > last or fold(s.texts[first + 1]) not in TITLE_LINKS):
        return True
    start, end = s.toks[first].start, s.toks[last].end
    inner = [m for m in s.out if m.start < end and m.end > start and m.kind not in UNCOVERING_KINDS]
    return any(m.kind not in (MentionKind.COUNTRY, MentionKind.PLACE) or m.start < start or m.end > end
               for m in inner)


def _of_place_end(s: State, first: int, last: int) -> bool:
    """Does the proposal end in an of-phrase whose last words a state's or place's name holds (the National
    Assembly of Hungary)?"""
    end = s.toks[last].end
    place = next((m for m in s.out if m.end == end and m.kind in (MentionKind.COUNTRY, MentionKind.PLACE)), None)
    return place is not None and any(fold(s.texts[k]) in TITLE_LINKS and s.toks[k].end <= place.start
                                     for k in range(first + 1, last))


def _extend_organization_right(s: State, first: int, last: int) -> None:
    """A tagged organization that starts where a rule one does and goes on with an of-phrase.

    ``Polytechnic University of Milan``, ``Italy-Kazakhstan Chamber of Commerce``: the head-noun rule stops at
    the head; the words after it join the name when no mention but a place's or a state's holds them.
    """
    start, end = s.toks[first].start, s.toks[last].end
    rule = next((m for m in s.out if m.kind == MentionKind.ORGANIZATION and m.start == start and m.end < end
                 and "\t" not in m.value and not s.lex.entry_labels(m.value)), None)
    if rule is None:
        return
    after = next(k for k in range(first, last + 1) if s.toks[k].start >= rule.end)
    if fold(s.texts[after]) not in TITLE_LINKS or any(s.barrier[k] or s.toks[k].clutter
                                                      for k in range(after, last + 1)):
        return
    inner = [m for m in s.out if m.start >= rule.end and m.end <= end and m.kind not in UNCOVERING_KINDS]
    if any(m.kind not in (MentionKind.COUNTRY, MentionKind.PLACE) for m in inner) or any(
            m.start < end < m.end for m in s.out):
        return
    s.out.remove(rule)
    # in its dictionary form: Национального агентства по экспорту → Национальное агентство по экспорту
    value = SPACE_BEFORE_COMMA.sub(",", s.dictionary_form(s.texts[first:last + 1]))
    s.emit(MentionKind.ORGANIZATION, first, last, value, rule.subtype)


def _extend_organization(s: State, first: int, last: int) -> None:
    """A tagged organization that ends where a rule one does, with more name words before it.

    ``Еуропалық Қайта Құру және Даму Банкінің``: the head-noun rule stops at ``Даму Банкі``;
    the tagged words before it join the name when no other mention holds them.
    """
    rule = next((m for m in s.out if m.kind == MentionKind.ORGANIZATION and m.end == s.toks[last].end
                 and m.start > s.toks[first].start and "\t" not in m.value
                 and not s.lex.entry_labels(m.value)), None)
    if rule is None:
        return
    inner = next(k for k in range(first, last + 1) if s.toks[k].start == rule.start)
    while first < inner and s.sentence_initial(first) and s.common_word(s.texts[first]):
        first += 1
    extra = range(first, inner)
    if not extra or not s.is_capitalised(first) or any(
            s.covered[k] or s.barrier[k] or s.toks[k].clutter for k in extra):
        return
    if any(not (s.is_capitalised(k) or s.modifier(k) or fold(s.texts[k]) in ORG_LINKS) for k in extra):
        return
    s.out.remove(rule)
    words = " ".join(s.texts[k] for k in extra)
    s.emit(MentionKind.ORGANIZATION, first, last, f"{words} {rule.value}", rule.subtype)


