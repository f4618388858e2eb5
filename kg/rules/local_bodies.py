"""A local administration's department named in lower case: ``облыстық денсаулық сақтау басқармасы``,
``облыстың ауыл шаруашылығы басқармасының`` (the region's health, agriculture department).

Where case endings mark a phrase, a state body's head noun may follow lower-case words of its field only, after the
word of a place's class (облыстық: regional, облыстың: the region's, қалалық: the city's). The place is the last one
of that class the report named before; the department is named after it in the genitive (Қостанай облысының ауыл
шаруашылығы басқармасы), so that two regions' departments stay two bodies. No such place, no body.
"""

from __future__ import annotations

from kg.lang import Case, profile
from kg.lexicon import Head
from kg.matching import Match
from kg.model import Mention, MentionKind
from kg.rules.heads import MAX_NAME_STEPS, STATE_BODIES, bare_name_word
from kg.rules.state import State
from kg.text import fold

# The letters a word of a place's class shares with the class noun at least (облыстық, облыстың: облысы).
CLASS_PREFIX = 3
# The types of place whose administration has departments.
ADMINISTERED = frozenset({"region", "city"})
# Characters read after a place's name for its local head's title (облысының әкімі).
HEAD_REACH = 24


def local_bodies(s: State) -> None:
    lang = profile(s.language)
    if not lang.marks_case or lang.genitive is None:
        return
    # (a local administration's: a region's, a district's or a town's, not a lake's: көлігі is transport's, not көлі's)
    classes = [h for h in s.lex.heads_for(s.language) if h.kind == "place" and h.place_type in ADMINISTERED]
    openings = {fold(h.word)[:CLASS_PREFIX] for h in classes}  # (a cheap test before the forms': облыстық, облысы)
    for m in s.head_matches:
        if m.payload.kind != "organization" or m.payload.subtype not in STATE_BODIES \
                or m.payload.position != "after" or any(s.covered[k] for k in range(m.first, m.last + 1)):
            continue
        j, head = m.first - 1, None
        while j >= 0 and m.first - j <= MAX_NAME_STEPS and s.texts[j].islower() and not s.covered[j]:
            head = next((h for h in classes if _of_class(s, s.texts[j], h)), None) \
                if fold(s.texts[j])[:CLASS_PREFIX] in openings else None
            if head is not None or not bare_name_word(s, j):
                break
            j -= 1
        if head is None or j == m.first - 1:
            continue
        place = _named_before(s, head, s.toks[j].start)
        name = lang.genitive_of(place) if place is not None else None
        if name is not None:
            s.emit(MentionKind.ORGANIZATION, j, m.last, f"{name} {_name(s, j + 1, m)}", m.payload.subtype)


def _of_class(s: State, word: str, head: Head) -> bool:
    """Is a word the genitive of a place's class noun (облыстың) or an adjective derived from it (облыстық), not the
    noun as written, which may be a word of the field (ауыл шаруашылығы: agriculture)?"""
    lang = profile(s.language)
    as_noun = lang.forms.matches(word, head.word)
    if lang.has_case(word, Case.GENITIVE):
        return as_noun
    return not as_noun and lang.forms.matches(word, head.word, derivation=True)


def _named_before(s: State, head: Head, before: int) -> str | None:
    """The name, in its dictionary form, of the last place named before offset ``before`` by a name that ends in the
    word of the class ``head`` names (Қостанай облысының: облысы); of those, the last one its local head's title
    follows (Солтүстік Қазақстан облысының әкімі ... облыстың ... басқармасы: the host's region, not the guests' named
    after it)."""
    lang = profile(s.language)
    places = [p for p in s.out if p.kind == MentionKind.PLACE and p.end <= before
              and lang.forms.matches(p.text.split()[-1], head.word)]
    headed = [p for p in places if _local_head_after(s, p)]
    chosen = (headed or places)[-1:]
    return _dictionary_name(s, chosen[0]) if chosen else None


def _local_head_after(s: State, place: Mention) -> bool:
    """Does a local head's title follow the place's name right away (облысының әкімі)?"""
    words = s.report.text[place.end:place.end + HEAD_REACH].split()[:1]
    return bool(words) and s.lex.is_word(words[0], "local-head", s.language)


def _dictionary_name(s: State, place: Mention) -> str:
    """A place's name as the lexicon gives it in the report's language, else as read."""
    labels = [lb.text for lb in s.lex.entry_labels(place.value) if lb.language == s.language]
    return labels[0] if labels else place.value


def _name(s: State, first: int, m: Match[Head]) -> str:
    """The words of the department's field and its head noun in its dictionary form (басқармасы)."""
    return " ".join([*s.texts[first:m.first], m.payload.word])
