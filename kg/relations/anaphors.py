"""What a post's bare words point back to: the body or place named before (университеттің проректоры, its
President, аймақ президенті, председателем палаты), the ministry of a field word, the place of a delegation, and
the state named inside a body's name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from weakref import WeakKeyDictionary

from kg.lang import Case
from kg.model import Mention, MentionKind
from kg.morphology import word_matches
from kg.relations.state import WORD_EDGES, PostDraft, State
from kg.text import fold

# A ministry by name or by the usual short name of the foreign ministry (МИД, СІМ, MFA).
MINISTRY = re.compile(r"министрлі|министерств|ministry|\bмид\b|\bсім\b|\bmfa\b", re.IGNORECASE)
# Words read on each side of a post for a place's head noun standing for the place (аймақ президенті).
ANAPHOR_REACH = 3
# Characters read back from a post for a possessive pronoun before it (its President, оның төрағасы).
POSSESSIVE_REACH = 12
# Letters of a bare post word that begin a word of the office it heads (мэр: мэриясы, әкім: әкімдігі).
OFFICE_STEM = 4
# Words between a post and the head noun that stands for a place: the President of the region.
ANAPHOR_LINKS = frozenset({"of"})
# An English possessive ending: the university's President.
POSSESSIVE_S = re.compile(r"['’]s$")
# Sentences read back from a post for the body a head noun of its class stands for (вице-президент компании).
CLASS_REACH = 2
# Words after a post read for a body's head noun in lower case that the post heads (the head of the regional tourism
# department).
BODY_WORDS = 8
# Words of a post's field read past, back to a place's head noun before them (өңірдің экономикалық даму жөніндегі
# кеңесшісі: the region's adviser on economic development).
FIELD_WORDS = 4


def inner_country(s: State, body: Mention) -> str | None:
    """The state of a place or state named inside a body's name: Управление культуры Мангистауской области. None
    for a body of two states (Қазақстан – Венгрия үкіметаралық комиссиясы, Казахстанско-венгерский деловой совет),
    whose members may be of either."""
    states: list[str] = []
    for m in s.in_sentence(s.sentence_of[body]):
        if m is not body and body.start <= m.start and m.end <= body.end and m.kind in (
                MentionKind.PLACE, MentionKind.COUNTRY):
            found = m.value if m.kind == MentionKind.COUNTRY else s.country_of(s.key_of.get(m))
            if found and found not in states:
                states.append(found)
    if not states:  # a town the name holds that no mention of a place reads (Karaganda Technical University)
        for word in body.text.split():
            key = s.lex.place_named(word) if word[:1].isupper() else None
            found = s.lex.entry_country(key) if key else None
            if found and found not in states:
                states.append(found)
    return states[0] if len(states) == 1 else None


def state_of(s: State, key: str | None) -> str | None:
    """The state of a place or body: the lexicon's, else the one a place named inside the body's name gives
    (Федерация промышленности штата Парана: Brazil's)."""
    e = s.entity(key)
    if e is None or e.country_code or e.kind != MentionKind.ORGANIZATION:
        return e.country_code if e else None
    return next((c for m in e.mentions if m in s.sentence_of and (c := inner_country(s, m))), None)


def head_anaphor(s: State, role: Mention) -> str | None:
    """``Университеттің ... проректоры``: a bare head noun points back to the last body of its kind."""
    sentence = s.sentences[s.sentence_of[role]]
    words = s.text[sentence.start:role.start].split()
    heads = [h for h in s.lex.heads_for(s.report.language) if h.kind == "organization"]
    for w in words[:3]:
        folded = fold(w)
        head = next((h for h in heads if folded.startswith(fold(h.word)[:-1]) and len(h.word) > 4), None)
        if head is None:
            continue
        earlier = [m for m in s.mentions if m.kind == MentionKind.ORGANIZATION and m.end <= sentence.start
                   and _of_type(s, m, head.subtype) and m in s.key_of]
        if earlier:
            return s.key_of[earlier[-1]]
    return None


def university_before(s: State, role: Mention, *, sentence: bool = False) -> str | None:
    """A rector whose university no word names heads the one university the report named before him; with
    ``sentence``, the one his sentence named before him (visited Curtin University, where she was received by
    Vice-Chancellor X)."""
    since = s.sentences[s.sentence_of[role]].start if sentence else 0
    found = {s.key_of[m] for m in s.mentions if m.kind == MentionKind.ORGANIZATION and since <= m.start
             and m.end <= role.start and m in s.key_of and _of_type(s, m, "university")}
    return found.pop() if len(found) == 1 else None


def _of_type(s: State, body: Mention, subtype: str) -> bool:
    """Is a body of this type, or named after one: by its mention's type, or by a head noun of the type in its
    name (University of Debrecen, Дебреценский университет; a university's branch, университетінің филиалы)?"""
    if body.subtype == subtype:
        return True
    name = fold(body.value)
    return any(fold(h.word)[:-1] in name for h in s.lex.heads_for(s.report.language) if h.subtype == subtype)


def possessor_anaphor(s: State, role: Mention) -> str | None:
    """``its President``, ``оның төрағасы``, ``её председатель``: the body named last before the post, in its sentence
    or the one before."""
    if not s.lex.is_word(s.word_before(role.start, POSSESSIVE_REACH) or "", "its", s.report.language):
        return None
    idx = s.sentence_of[role]
    bodies = [m for i in (idx - 1, idx) if i >= 0 for m in s.in_sentence(i, MentionKind.ORGANIZATION)
              if m.end <= role.start and m in s.key_of]
    return s.key_of[bodies[-1]] if bodies else None


def place_anaphor(s: State, role: Mention) -> str | None:
    """``аймақ президенті``, ``президентом региона``, ``the President of the region``: a place's head noun
    in lower case beside the post stands for the last place of its type the report named before."""
    subtype = place_head_type(s, role)
    if subtype is None:
        return None
    earlier = [m for m in s.mentions if m.kind == MentionKind.PLACE and m.subtype == subtype
               and m.end <= role.start and m in s.key_of]
    return s.key_of[earlier[-1]] if earlier else None


def titled_place(s: State, role: Mention, title: str, earlier: Sequence[PostDraft]) -> str | None:
    """``облыс әкімінің орынбасары``, ``заместитель акима области``, ``Deputy Akim``: a local head's title with no
    place named beside it stands for the one place (of the type a head noun beside it says) whose local head of that
    title the report named before with his place, not for the last place named (the guests' region)."""
    subtype = place_head_type(s, role)
    places = {d.jurisdiction for d in earlier if d.title == title and (e := s.entity(d.jurisdiction)) is not None
              and e.kind == MentionKind.PLACE and (subtype is None or e.subtype == subtype)}
    return places.pop() if len(places) == 1 else None


def place_head_type(s: State, role: Mention) -> str | None:
    """The type of place a place's head noun in lower case right beside the post names (аймақ президенті: a region)."""
    words = s.text[s.sentences[s.sentence_of[role]].start:role.start].split()
    before = words[-1:]
    if before and s.lex.is_word(before[0].strip(WORD_EDGES), "field", s.report.language):
        # өңірдің экономикалық даму жөніндегі кеңесшісі: the head noun before the words of the post's field
        before = [w for w in words[-FIELD_WORDS - 1:-1] if s.language.has_case(w.strip(WORD_EDGES), Case.GENITIVE)][-1:]
    after = [w for w in s.text[role.end:].split()[:ANAPHOR_REACH]
             if fold(w) not in s.language.determiners and fold(w) not in ANAPHOR_LINKS][:1]
    if after and _body_head_follows(s, role):
        after = []  # the head of the regional tourism department: the department's, not the region's
    heads = [h for h in s.lex.heads_for(s.report.language) if h.kind == "place"]
    for word in (w.strip(WORD_EDGES) for w in before + after):
        if not word[:1].islower():
            continue
        head = next((h for h in heads if s.language.forms.matches(word, h.word)), None)
        if head is not None:
            return head.place_type
    return None


def _body_head_follows(s: State, role: Mention) -> bool:
    """Does a body's head noun in lower case close the words right after a post, before any capitalised word or
    punctuation (the head of the regional tourism department, руководитель областного управления туризма)?"""
    language = s.report.language
    for w in s.text[role.end:].split()[:BODY_WORDS]:
        word = w.strip(WORD_EDGES)
        if not word or not word.islower():
            return False
        if s.lex.is_head(word, language, kind="organization"):
            return True
        if word != w:
            return False  # punctuation ends the phrase
    return False


def office_anaphor(s: State, role: Mention) -> str | None:
    """``Венеция мэриясында болды. Мэр ...``: a bare post word heads the office named just before it whose name
    has a word the post's word begins (мэр: мэриясы, мэрия; әкім: әкімдігі; аким: акимат; министр: министрлігі)."""
    word = fold(role.text.strip())
    stem = word[:OFFICE_STEM]
    if " " in word or len(stem) < OFFICE_STEM - 1:
        return None
    return _body_with_stem(s, stem, role, since=s.sentence_of[role] - 1)


def body_anaphor(s: State, role: Mention) -> str | None:
    """``... Торгово-промышленной палатой Стамбула. ... с председателем палаты X``, ``the chairman of the chamber``: a
    common noun in lower case after the post stands for the body named before it whose name has a word of its stem;
    so does a body's head noun right before the post (the university's President, федерация президенті) or, in
    capitals, after it (the President of the University)."""
    after = [w.strip(WORD_EDGES) for w in s.text[role.end:].split()[:ANAPHOR_REACH]
             if fold(w) not in s.language.determiners and fold(w) not in ANAPHOR_LINKS][:1]
    sentence = s.sentences[s.sentence_of[role]]
    before = [POSSESSIVE_S.sub("", w.strip(WORD_EDGES)) for w in s.text[sentence.start:role.start].split()[-1:]]
    language = s.report.language
    words = [w for w in after if w.islower() or s.lex.is_head(w, language, kind="organization")] + [
        w for w in before if w.islower() and s.lex.is_head(w, language, kind="organization")]
    for word in words:
        if len(word) > OFFICE_STEM and (found := _body_with_stem(s, fold(word)[:OFFICE_STEM], role)
                                        or _body_of_class(s, word, role)):
            return found
    return None


def _body_of_class(s: State, word: str, role: Mention) -> str | None:
    """A body's head noun whose name the body's own need not hold (компании, the company: Cameco) stands for the last
    body of its type named in the sentences before the post."""
    language = s.report.language
    types = {h.subtype for h in s.lex.heads_for(language) if h.kind == "organization"
             and word_matches(word, h.word, language)}
    since = s.sentence_of[role] - CLASS_REACH
    earlier = [m for m in s.mentions if m.kind == MentionKind.ORGANIZATION and m.end <= role.start and m in s.key_of
               and s.sentence_of[m] >= since and (e := s.entity(s.key_of[m])) is not None and e.subtype in types]
    return s.key_of[earlier[-1]] if earlier else None


def _body_with_stem(s: State, stem: str, role: Mention, since: int = 0) -> str | None:
    """The last body named before the post, from sentence ``since`` on, whose name has a word that begins with
    ``stem``."""
    earlier = [m for m in s.mentions if m.kind == MentionKind.ORGANIZATION and m.end <= role.start and m in s.key_of
               and s.sentence_of[m] >= since and any(w.startswith(stem) for w in fold(m.value).split())]
    return s.key_of[earlier[-1]] if earlier else None


def ministry_before(s: State, role: Mention) -> str | None:
    """``Көлік вице-министрі``: the ministry whose name starts with the word before the role."""
    before = s.text[max(0, role.start - 40):role.start].split()
    if not before:
        return None
    word = fold(before[-1])
    if len(word) < OFFICE_STEM:
        return None  # a dash or a short word before the post names no ministry
    for m in s.mentions:
        if m.kind == MentionKind.ORGANIZATION and MINISTRY.search(m.value) and fold(m.value).startswith(word[:4]):
            return s.key_of.get(m)
    return None


def delegation_place(s: State, role: Mention, subtype: str) -> str | None:
    """``делегацию провинции Цзянсу во главе с вице-губернатором X``: the place whose delegation the post's holder
    heads or joins, named before the post in its sentence and in no other post's phrase."""
    idx = s.sentence_of[role]
    if not s.has_word(idx, "group"):
        return None
    roles = [r for r in s.in_sentence(idx, MentionKind.ROLE) if r is not role]
    # a place in another post's phrase: right after its post (Аким Алматинской области) or right before it
    # (Алматы облысының әкімі)
    places = [m for m in s.in_sentence(idx, MentionKind.PLACE) if m.end <= role.start and m.subtype == subtype
              and m in s.key_of and not any(
                  (r.end <= m.start and len(s.text[r.end:m.start].split()) <= 1)
                  or (m.end <= r.start and not s.text[m.end:r.start].strip()) for r in roles)]
    return s.key_of[places[-1]] if places else None


def sentence_place(s: State, role: Mention, subtype: str) -> str | None:
    """``was received in Nuremberg by Lord Mayor X``: the one place of the subtype the post's sentence names, where
    no other post of that sentence has it in its phrase."""
    idx = s.sentence_of[role]
    roles = [r for r in s.in_sentence(idx, MentionKind.ROLE) if r is not role]
    places = {s.key_of[m] for m in s.in_sentence(idx, MentionKind.PLACE) if m.subtype == subtype and m in s.key_of
              and not any((r.end <= m.start and len(s.text[r.end:m.start].split()) <= 1)
                          or (m.end <= r.start and not s.text[m.end:r.start].strip()) for r in roles)}
    return places.pop() if len(places) == 1 else None


def main_place(s: State, subtype: str) -> str | None:
    """The place of the subtype a report names most often; counted once per report, not per post."""
    known = _MAIN_PLACES.setdefault(s, {})
    if subtype not in known:
        counts = Counter(s.key_of[m] for m in s.mentions
                         if m.kind == MentionKind.PLACE and m.subtype == subtype and m in s.key_of)
        known[subtype] = counts.most_common(1)[0][0] if counts else None
    return known[subtype]


_MAIN_PLACES: WeakKeyDictionary[State, dict[str, str | None]] = WeakKeyDictionary()
