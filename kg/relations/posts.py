"""Posts: the role word before a person's name, and the names of its phrase.

A language that marks case reads the parts of a post phrase off the endings before the role:
in ``Жапонияның Қазақстандағы Елшісі Джун Ямада`` the genitive names the state the ambassador
serves and the locative the state he is accredited to; in ``Льеж провинциясының губернаторы`` the
genitive names what the governor governs. Elsewhere the names between the post and the holder
are read by the preposition before them (``Ambassador of France to Kazakhstan``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.lang import Case
from kg.model import Mention, MentionKind
from kg.morphology import word_matches
from kg.relations.anaphors import (
    ANAPHOR_LINKS,
    MINISTRY,
    POSSESSIVE_REACH,
    body_anaphor,
    delegation_place,
    head_anaphor,
    inner_country,
    main_place,
    ministry_before,
    office_anaphor,
    place_anaphor,
    possessor_anaphor,
    sentence_place,
    state_of,
    titled_place,
    university_before,
)
from kg.relations.sides import person_sides
from kg.relations.state import DIPLOMATS, HEADS, NAME_KINDS, WORD_EDGES, PostDraft, State
from kg.text import fold

if TYPE_CHECKING:
    from kg.lexicon import Word

PARLIAMENT = re.compile(
    r"парламент|мәжіліс|мажилис|сенат|хурал|меджлис|мәслихат|жиналыс|kurultai|parliament|senate|mazhilis|majilis",
    re.IGNORECASE)
# Parliaments named by more than their head noun (National Assembly, Национальное собрание, Bundestag, Палата
# представителей: a chamber alone may be of commerce).
PARLIAMENT_NAMES = re.compile(
    r"(?:national|state|federal) assembly|(?:национальн|государственн|федеральн)\w* собрани|ұлттық жиналыс"
    r"|национальн\w* ассамбле|ұлттық ассамблея"
    r"|bundestag|бундестаг|\bсейм|\bsejm|государственн\w* дум|state duma|knesset|кнессет"
    r"|палат\w* (?:представителей|депутатов|общин|лордов|советников)"
    r"|house of (?:representatives|commons|lords|councillors)"
    r"|federation council|совет\w* федерации|федерация кеңесі|bundesrat|бундесрат"
    r"|chamber of deputies|(?:өкілдер|депутаттар|лордтар|қауымдар|кеңесшілер|жоғарғы|төменгі) палатасы"
    r"|(?:верхн|нижн)\w* палат"
    r"|(?:upper|lower) (?:house|chamber)", re.IGNORECASE)
# A parliament's friendship group (парламенттік достық тобы, группа дружбы, Parliamentary Friendship League): its
# chair and members are parliamentarians.
PARLIAMENT_GROUP = re.compile(
    r"достық тоб|групп\w* дружбы|депутатск\w* групп|friendship (?:group|league)|parliamentary group", re.IGNORECASE)
# Mentions that close a post's phrase where they stand between its word and a name: someone else, a meeting, a date.
CLOSING_KINDS = (MentionKind.PERSON, MentionKind.MEETING, MentionKind.DATE)
# Characters on either side of a post's word within which its title may name such a group.
GROUP_REACH = 60
# The posts a word of chairing or membership gives, which a parliament's group makes a parliamentarian's.
GROUP_POSTS = frozenset({"official", "head-of-state"})
# Kinds of organizations whose director is an official, not a company's executive: a government body, an international
# one, a university or college, a museum, a centre, a foundation, an association.
NO_COMPANIES = frozenset({"government", "international", "university", "organization"})
MUNICIPAL = re.compile(r"муниципал|municipal|мэри|қаласы әкімдігі|city council|городск", re.IGNORECASE)
# Where case endings mark the phrase: at most this much between the role and the name, with no punctuation.
CASE_GAP = 12
CASE_GAP_PUNCTUATION = re.compile(r"[,;:()«»]")
# The titles a university's posts are named by, each with the number of deputy's words its head's title has: a
# president heads it, a vice-chancellor (a chancellor's deputy by name) too.
UNIVERSITY_TITLES = (("head-of-state", 0), ("head-of-government", 1))
# Where a post's words part (вице-президент: вице, президент).
DEPUTY_PARTS = re.compile(r"[\s-]+")
# Words at most in a second title after a post's word and a comma (депутаты, ... тобының жетекшісі X).
TITLE_WORDS = 8
TITLE_PUNCTUATION = re.compile(r"[,;:()]")
HONORIFIC_GAP = frozenset({"мырза", "ханым", "господин", "mr", "mrs"})
# Where prepositions mark it: at most this many words between a post and the name (of X to Y, в Z).
PHRASE_WORDS = 20
PHRASE_PUNCTUATION = re.compile(r"[;:«»]")
QUOTES = frozenset("«»\"“”„")
# Words of the post itself between a state's adjective and the post word (Hungarian Foreign Minister).
POST_WORDS = 2
PUNCTUATION = re.compile(r"[^\w\s-]")
# How far before a name its preposition is looked for.
VIA_REACH = 16
# A possessive word in apposition before a post (X, the country's Minister of ...).
POSSESSOR = re.compile(r"^(?:\w+['’]s|its|his|her|their)$", re.IGNORECASE)
# The post of a diplomat of no named rank (counsellor, кеңесші, советник посольства): said of a region, an official's.
GENERIC_DIPLOMAT = "diplomat"
# Characters read around a post for the noun of a diplomatic mission beside it.
MISSION_REACH = 40
# The words between two post words that make the second the first one's complement: Representative of the
# President, Adviser to the President.
COMPLEMENT_GAPS = (["of"], ["of", "the"], ["to"], ["to", "the"])
WINDOW_BREAK = re.compile(r"[,;:—–]|\s-\s")
# What a post's title may name between a state and the post's word: a body, a sector (Kazakh Trade Minister).
TITLE_KINDS = (MentionKind.ORGANIZATION, MentionKind.SECTOR)


def read_posts(s: State) -> None:
    out: list[PostDraft] = []
    sides = person_sides(s)
    for p in (m for m in s.mentions if m.kind == MentionKind.PERSON and m not in s.eponyms):
        role = role_before(s, p)
        if role is not None:
            window = case_window(s, role) if s.language.marks_case else phrase_window(s, role, p)
        else:
            role = role_after(s, p)
            if role is None:
                continue
            window = case_window(s, role) if s.language.marks_case else apposition_window(s, role, p)
        draft = PostDraft(s.key_of[p], role.value, s.evidence(role, end=p.end), cue=role.value)
        boss = _whose_deputy(s, role, out)
        if boss is not None:  # оның орынбасары, его заместитель, his deputy: the deputy of the post named before
            draft.role = s.lex.deputy_role(boss.role) or "official"
            draft.country, draft.jurisdiction = boss.country, boss.jurisdiction
            out.append(draft)
            continue
        if any(s.lex.is_word(w.strip(WORD_EDGES), "counterpart", s.report.language) for w in role.text.split()):
            draft.role = _counterpart_role(s, p, out) or draft.role
        if role.value == GENERIC_DIPLOMAT and (_of_a_place(s, window) or place_anaphor(s, role)):
            draft.role = "official"  # a region's counsellor (өңірдің кеңесшісі) serves the region, not a state abroad
        if draft.role == "official" and _mission_staff(s, role):
            draft.role = GENERIC_DIPLOMAT
        if s.home is not None and s.language.has_case(role.text.split()[-1], Case.OURS):
            draft.country = s.home  # Елшіміз: our ambassador, the home state's
        if draft.role in DIPLOMATS:
            _diplomat(s, draft, window, sides.get(p))
        else:
            _official(s, draft, window, role, sides.get(p), out)
        out.append(draft)
    s.posts = _dedupe(out)


def _counterpart_role(s: State, p: Mention, posts: list[PostDraft]) -> str | None:
    """One's counterpart (his Hungarian counterpart X, венгерским коллегой X, венгриялық әріптесі X) holds the post
    of the one named before him in the sentence: a minister's counterpart is a minister."""
    idx = s.sentence_of[p]
    earlier = {s.key_of[m] for m in s.in_sentence(idx, MentionKind.PERSON) if m.end <= p.start}
    return next((d.role for d in reversed(posts) if d.holder in earlier and d.holder != s.key_of[p]), None)


def _of_a_place(s: State, window: list[Mention]) -> bool:
    """Does the post phrase name a region or town whose post it is, and no state or body?"""
    return any(m.kind == MentionKind.PLACE and via(s, m) == "of" for m in window) and not any(
        m.kind in (MentionKind.COUNTRY, MentionKind.ORGANIZATION) for m in window)


def role_before(s: State, p: Mention) -> Mention | None:
    """The role word that names ``p``'s post: the last one before the name in its sentence."""
    roles = [m for m in s.in_sentence(s.sentence_of[p], MentionKind.ROLE) if m.end <= p.start]
    roles = [m for k, m in enumerate(roles) if not (k and _gloss(s, roles[k - 1], m))]
    if not roles:
        return None
    r = roles[-1]
    if not s.language.marks_case:
        r = _governing_role(s, roles)
    gap = s.text[r.end:p.start]
    if not s.language.marks_case:
        between = [m for m in s.in_sentence(s.sentence_of[p]) if r.end <= m.start and m.end <= p.start
                   and m.kind in CLOSING_KINDS and m not in s.eponyms and not _headed_group(s, r, m)]
        if between and _coordinated(s, between, p):
            # Mayor A and B, Rector of C: B's own post in apposition wins over the shared one
            return None if role_after(s, p) is not None else r
        tail = gap.replace(",", " , ").split()[-2:]
        if ((len(tail) == 2 and tail[0] == "," and s.lex.is_word(tail[1], "and", s.report.language))
                or (r.end < p.start and "," in _unnamed(s, s.sentence_of[p], r.end, p.start))) \
                and role_after(s, p) is not None:
            # A, the Mayor of X, and B, the Ambassador of Y: B's post follows B; so does C's in representatives of
            # companies, among them C, the Chairman of Z
            return None
        if between or len(gap.split()) > PHRASE_WORDS or PHRASE_PUNCTUATION.search(
                _unnamed(s, s.sentence_of[p], r.end, p.start)):
            return None
        return _first_title(s, roles, r)
    between = [m for m in s.in_sentence(s.sentence_of[p]) if r.end <= m.start and m.end <= p.start
               and m not in s.eponyms]
    if between and _coordinated(s, between, p) and s.language.is_plural(s.last_word(r), ""):
        return r  # орынбасарлары A мен B: a post in the plural is each coordinated name's
    if _second_title(s, gap, between):
        return r  # Мәжіліс депутаты, достық тобының жетекшісі X: a post, then a title of no post's word
    if r.value == GENERIC_DIPLOMAT and len(roles) > 1 and not between and len(gap) <= CASE_GAP \
            and not CASE_GAP_PUNCTUATION.search(gap):
        return _envoy_first(s, roles[-2], r)
    return r if len(gap) <= CASE_GAP and not CASE_GAP_PUNCTUATION.search(gap) and (
        not gap.strip() or all(w.lower() in HONORIFIC_GAP for w in gap.split())) else None


def _headed_group(s: State, role: Mention, m: Mention) -> bool:
    """Is ``m`` the word of a group the post heads, lower-case words at most between them (главой региональной
    делегации X, head of the delegation X): the post's complement, not the close of its phrase?"""
    gap = s.text[role.end:m.start].split()
    return m.kind == MentionKind.MEETING and m.value == "group" and all(w.isalpha() and w.islower() for w in gap)


def _gloss(s: State, before: Mention, role: Mention) -> bool:
    """Is ``role`` in brackets right after the post ``before`` (Deputy Akim (Governor), акима (губернатора)): a
    gloss of its word, no post of its own?"""
    opened = s.text[before.end:role.start].strip()
    return opened == "(" and s.text[role.end:].lstrip().startswith(")")


def _second_title(s: State, gap: str, between: list[Mention]) -> bool:
    """Where case endings mark the phrase, is ``gap`` (between a post's word and the name) a comma and a title of
    a few words that ends in a common noun right before the name (депутаты, ... тобының жетекшісі X), naming no one,
    no meeting and no date?"""
    words = gap.split()
    if not gap.startswith(",") or len(words) > TITLE_WORDS or TITLE_PUNCTUATION.search(gap[1:]) or not words:
        return False
    return words[-1].islower() and not any(
        m.kind in CLOSING_KINDS for m in between)


def _first_title(s: State, roles: list[Mention], r: Mention) -> Mention:
    """Of a post and a second title of any other post after a comma (депутат Мажилиса, руководитель группы ... X; a
    Member of Parliament, head of the friendship group, X), the first: the second's names no post of its own; so too
    of an envoy's post and a diplomat's title joined to it (Ambassador to Austria and Permanent Representative to the
    International Organizations in Vienna X: an ambassador)."""
    k = roles.index(r)
    if k == 0 or r.value not in ("official", GENERIC_DIPLOMAT):
        return r
    q = roles[k - 1]
    gap = s.text[q.end:r.start]
    if r.value == GENERIC_DIPLOMAT:
        return _envoy_first(s, q, r)
    named = any(m.kind in CLOSING_KINDS
                for m in s.in_sentence(s.sentence_of[r]) if q.end <= m.start and m.end <= r.start)
    if q.value == "official" or gap.count(",") != 1 or not gap.rstrip().endswith(",") or named \
            or len(gap.split()) > TITLE_WORDS or PHRASE_PUNCTUATION.search(gap):
        return r
    return q


def _envoy_first(s: State, q: Mention, r: Mention) -> Mention:
    """Of an envoy's post ``q`` and a diplomat's title ``r`` joined to it by "and" or a comma (Ambassador to France and
    Permanent Representative to UNESCO X; Франциядағы Елшісі, ЮНЕСКО жанындағы Тұрақты өкілі X), the envoy's, where
    no one is named between them."""
    gap = s.text[q.end:r.start]
    # the comma right before the title, or where case endings mark the phrase, before the title's own complement
    after = gap.rpartition(",")[2].split()
    comma = gap.count(",") == 1 and (not after or (s.language.marks_case and len(after) <= TITLE_WORDS))
    joined = comma or any(s.lex.is_word(w, "and", s.report.language) for w in gap.split())
    persons = any(q.end <= m.start < r.start for m in s.in_sentence(s.sentence_of[r], MentionKind.PERSON))
    return q if q.value in DIPLOMATS and q.value != GENERIC_DIPLOMAT and joined and not persons \
        and not PHRASE_PUNCTUATION.search(gap) else r


def _unnamed(s: State, idx: int, start: int, end: int) -> str:
    """The text from ``start`` to ``end`` (in sentence ``idx``) without the organizations named there and the
    quotes around their names: a body's name in quotes stands inside a post's phrase (директором компании «Газпром»
    X), other quotes end it."""
    out, at = [], start
    for m in s.in_sentence(idx, MentionKind.ORGANIZATION):
        if start <= m.start and m.end <= end:
            first = m.start - 1 if s.text[m.start - 1:m.start] in QUOTES else m.start
            out.append(s.text[at:max(at, first)])
            at = m.end + 1 if s.text[m.end:m.end + 1] in QUOTES else m.end
    return "".join(out) + s.text[at:end]


def _governing_role(s: State, roles: list[Mention]) -> Mention:
    """The post of a chain of post words where each after the first is its complement, of or to the one before it
    or in its genitive: Special Representative of the President, Adviser to the President, представитель
    Президента, советник министра (not the President's post, nor the minister's)."""
    k = len(roles) - 1
    while k > 0:
        before, r = roles[k - 1], roles[k]
        gap = s.text[before.end:r.start].split()
        word = s.text[r.start:r.end].split()[0]
        if not ((not gap and s.language.is_genitive_post(word)) or gap in COMPLEMENT_GAPS):
            break
        k -= 1
    return roles[k]


def _coordinated(s: State, between: list[Mention], p: Mention) -> bool:
    """``Members Aliya Sadykova and Ruslan Bekov``: names joined by commas and a conjunction share the post."""
    if any(m.kind != MentionKind.PERSON for m in between):
        return False
    ends = [m.end for m in between]
    starts = [m.start for m in between[1:]] + [p.start]
    for end, start in zip(ends, starts, strict=True):
        words = s.text[end:start].replace(",", " , ").split()
        if not words or len(words) > 2 or not all(w == "," or s.lex.is_word(w, "and", s.report.language)
                                                  for w in words):
            return False
    return True


def role_after(s: State, p: Mention) -> Mention | None:
    """A post in apposition after the name: ``Jean Dupont, Ambassador of France, said``."""
    sentence = s.in_sentence(s.sentence_of[p])
    if s.language.marks_case:
        return _closed_apposition(s, p, sentence)
    for r in (m for m in sentence if m.kind == MentionKind.ROLE):
        if r.start < p.end:
            continue
        gap = s.text[p.end:r.start]
        # the states and places of the post may stand before it: Jean Dupont, France's Ambassador, ...
        for m in sorted((m for m in sentence if m.kind in (MentionKind.COUNTRY, MentionKind.PLACE)
                         and p.end <= m.start and m.end <= r.start), key=lambda m: -m.start):
            gap = gap[:m.start - p.end] + " " + gap[m.end - p.end:]
        words = gap.split()
        if words[:1] == [","] or (words and words[0].startswith(",")):
            rest = [w.strip(",") for w in words]
            # ... or capitalised words of the post's title (Jean Dupont, Regional Minister for ...)
            title = [w for w in rest if w and w.lower() not in s.language.determiners
                     and not POSSESSOR.search(w)]  # the country's, its: the state the post serves, said again
            if all(w[:1].isupper() and w.isalpha() for w in title) and len(title) <= POST_WORDS and not any(
                    m.kind == MentionKind.PERSON and p.end <= m.start < r.start for m in sentence):
                return r
        return None
    return None


def _closed_apposition(s: State, p: Mention, sentence: list[Mention]) -> Mention | None:
    """Where a post's phrase ends in its word, a post in apposition is closed by commas on both sides: Рахат
    Сейітжанов, Қазақстанның Қырғызстандағы елшісі, ... (a post's word before a name is that name's)."""
    r = next((m for m in sentence if m.kind == MentionKind.ROLE and m.start >= p.end), None)
    if r is None or not s.text[p.end:r.start].lstrip().startswith(",") or \
            not s.text[r.end:].lstrip().startswith(","):
        return None
    gap = s.text[p.end:r.start].lstrip()[1:]
    if CASE_GAP_PUNCTUATION.search(gap) or len(gap.split()) > CASE_GAP or any(
            m.kind in CLOSING_KINDS and p.end <= m.start < r.start
            for m in sentence):
        return None
    return r


def apposition_window(s: State, role: Mention, person: Mention) -> list[Mention]:
    """The names of a post in apposition, up to the comma, person or verb of meeting that closes it, and a
    state named between the person and the post (Jean Dupont, France's Ambassador)."""
    before = [m for m in s.in_sentence(s.sentence_of[role], MentionKind.COUNTRY)
              if person.end <= m.start and m.end <= role.start and m in s.key_of]
    out: list[Mention] = []
    for m in s.in_sentence(s.sentence_of[role]):
        if m.start < role.end:
            continue
        if m.kind in (MentionKind.PERSON, MentionKind.MEETING, MentionKind.ROLE, MentionKind.DATE) or \
                "," in s.text[(out[-1].end if out else role.end):m.start]:
            break
        if m.kind in NAME_KINDS and m in s.key_of and not s.nested(m):
            out.append(m)
    return before + out


def case_window(s: State, role: Mention) -> list[Mention]:
    """Name mentions in the post phrase before the role word, back to the previous name or comma."""
    idx = s.sentence_of[role]
    before = [m for m in s.in_sentence(idx) if m.end <= role.start and not s.nested(m)]
    # a sector's words in the post's title are the field it serves, whatever their endings look like (Қоршаған орта
    # ... министрі: орта is no locative)
    fields = [(m.start, m.end) for m in before if m.kind == MentionKind.SECTOR]
    base = s.sentences[idx].start
    words = [(base + t.start, t.text) for t in s.sentence_tokens(idx)
             if not any(a <= base + t.start < b for a, b in fields)]
    out: list[Mention] = []
    for m in reversed(before):
        end = out[-1].start if out else role.start
        gap_text = s.text[m.end:end]
        if m.kind == MentionKind.PERSON or WINDOW_BREAK.search(gap_text) or len(out) >= 4:
            break
        if any(s.language.has_case(w, Case.LOCATIVE) for at, w in words if m.end <= at < end):
            break  # a venue in the locative ends the phrase before it (Токиодағы Қазақстан елшілігінде | Елші)
        if m.kind in (MentionKind.PLACE, MentionKind.ORGANIZATION) and s.language.has_case(
                s.last_word(m), Case.DATIVE, Case.LOCATIVE) and s.last_word(m) not in m.value.split():
            break  # in or to a place or body (Алматыда), not a word its name keeps as it is (Сауда министрлігі)
        if m.kind in NAME_KINDS and m in s.key_of:
            out.append(m)
        elif m.kind in (MentionKind.MEETING, MentionKind.DATE):
            break
    return out


def phrase_window(s: State, role: Mention, person: Mention) -> list[Mention]:
    """Names between the post and the holder, and a name right before the post that qualifies it: a country
    (Hungarian Foreign Minister) or, where titles are written in capitals, a place or a body (Lombardy Region
    President, Confindustria Vice President) not after a preposition (in Milan), with a country that qualifies them
    both (Hungarian Agriculture Minister: Hungary's, the Agriculture Ministry)."""
    idx = s.sentence_of[role]
    inside = [m for m in s.in_sentence(idx) if role.end <= m.start and m.end <= person.start
              and not s.nested(m) and m in s.key_of and m.kind in NAME_KINDS]
    before = [m for m in s.in_sentence(idx) if m.end <= role.start and m.kind in NAME_KINDS and m in s.key_of
              and not s.nested(m) and modifies(s, m, role) and (
                  m.kind == MentionKind.COUNTRY or (s.language.title_case_heads and s.word_before(
                      m.start, VIA_REACH) not in s.language.in_prepositions))]
    last_named = bool(before) and before[-1].kind != MentionKind.COUNTRY
    states = [m for m in before[:-1] if m.kind == MentionKind.COUNTRY] if last_named else []
    return states[-1:] + before[-1:] + inside


def modifies(s: State, country: Mention, role: Mention) -> bool:
    """Is the state (or place, or body) right before the post, or with a few capitalised words of the post's
    title between (Hungarian Foreign Minister, Bavarian Economy Minister, Kazakh Trade Minister), no other name or
    punctuation?"""
    gap = s.text[country.end:role.start]
    words = gap.split()
    return len(words) <= POST_WORDS and all(w[:1].isupper() for w in words) and not PUNCTUATION.search(gap) and not any(
        country.end <= m.start and m.end <= role.start and m.kind not in TITLE_KINDS
        for m in s.in_sentence(s.sentence_of[role]))


def via(s: State, m: Mention) -> str:
    """How a name attaches to a post: ``in`` (locative, or after to/in/в) or ``of``."""
    if s.language.marks_case:
        locative = s.language.has_case(s.last_word(m), Case.LOCATIVE, Case.LOCATIVE_ATTRIBUTE)
        return "in" if m.subtype == "home" or locative else "of"
    return "in" if s.word_before(m.start, VIA_REACH) in s.language.in_prepositions else "of"


def _diplomat(s: State, d: PostDraft, window: list[Mention], side: str | None = None) -> None:
    """A diplomat's states from his post's phrase; the side he is from where it names none of his own."""
    for m in window:
        key = s.key_of[m]
        where = via(s, m)
        if m.kind == MentionKind.COUNTRY:
            if where == "in":
                d.accredited_to = d.accredited_to or m.value
            else:
                d.country = d.country or m.value
        elif where == "in" and s.country_of(key):
            d.accredited_to = d.accredited_to or s.country_of(key)
        elif m.kind == MentionKind.ORGANIZATION and where == "of":
            d.country = d.country or s.country_of(key) or inner_country(s, m)  # of the Italian Embassy: Italy's
    d.country = d.country or side


def _official(s: State, d: PostDraft, window: list[Mention], role: Mention, side: str | None = None,
              earlier: Sequence[PostDraft] = ()) -> None:
    """An official's state and jurisdiction from his post's phrase, then from what it leaves to the sentence: the
    side he is from, the place of the local head of his title named before, the body or place a bare head noun
    points to, and last the home state of a head."""
    for i, m in enumerate(window):
        key = s.key_of[m]
        if m.kind == MentionKind.COUNTRY:
            d.country = d.country or m.value
        elif d.jurisdiction is None and (i == 0 or not s.language.marks_case
                                         or s.language.has_case(m.text, Case.GENITIVE)):
            d.jurisdiction = key
            d.country = d.country or s.country_of(key) or inner_country(s, m)
    d.country = d.country or side
    title = _local_title(s, role)
    titled = d.jurisdiction is not None
    if not titled:
        d.jurisdiction, titled = _jurisdiction_beside(s, d.role, role, title, bool(window), earlier)
        d.country = d.country or state_of(s, d.jurisdiction)
    d.title = title if titled else None  # read from the phrase or the words beside the post
    d.role = _refine_role(s, d.role, d.jurisdiction, role)
    if d.country is None and d.role in HEADS and d.jurisdiction is None:
        d.country, d.assumed = s.home, True
    if d.country is None and d.jurisdiction is None and any(
            s.lex.is_word(w, "local-head", s.report.language) for w in role.text.split()):
        # облыс әкімі, аким области: the home state's local head, where no place says otherwise; a title one state
        # gives its local heads, that state's (хоким: Uzbekistan's)
        d.country, d.assumed = _local_head_state(s, role) or s.home, True


def _whose_deputy(s: State, role: Mention, drafts: list[PostDraft]) -> PostDraft | None:
    """The post whose deputy ``role`` names by a possessive pronoun and the word for a deputy alone (оның
    орынбасары, его заместитель, his deputy): the last post read before it, in its sentence or the one before."""
    language = s.report.language
    if len(role.text.split()) != 1 or not s.lex.is_word(role.text.strip(WORD_EDGES), "deputy", language) \
            or not s.lex.is_word(s.word_before(role.start, POSSESSIVE_REACH) or "", "its", language):
        return None
    since = s.sentences[max(0, s.sentence_of[role] - 1)].start
    earlier = [d for d in drafts if since <= d.evidence.quote.start and d.evidence.quote.end <= role.start]
    return earlier[-1] if earlier else None


def _mission_staff(s: State, role: Mention) -> bool:
    """A post's word named right beside a diplomatic mission's noun, an ordinal between or not: its staff, a
    diplomat (Елшіліктің бірінші хатшысы, the Embassy's Second Secretary, First Secretary of the Embassy)."""
    language = s.report.language
    before = [w.strip(WORD_EDGES) for w in s.words_before(role.start, MISSION_REACH)][-2:]
    after = [w.strip(WORD_EDGES) for w in s.text[role.end:role.end + MISSION_REACH].split()][:3]
    if before and s.lex.is_word(before[-1], "ordinal", language):
        before = before[:-1]
    near = before[-1:] + after[:1]
    if after and after[0].lower() in ANAPHOR_LINKS:  # of (the) Embassy
        near += [w for w in after[1:] if fold(w) not in s.language.determiners][:1]
    return any(s.lex.is_word(w, "mission", language) for w in near)


def _jurisdiction_beside(s: State, post: str, role: Mention, title: str | None, phrase: bool,
                         earlier: Sequence[PostDraft]) -> tuple[str | None, bool]:
    """What an official of ``post`` governs where his post's phrase names nothing: the place of the local head of his
    title named before, the body or place a bare head noun points to, a body his phrase's place names, the ministry or
    university told before, a local head's place; and whether the words beside the post name it (its local head's
    ``title`` is then his)."""
    found = (titled_place(s, role, title, earlier) if title is not None else None) or head_anaphor(s, role) \
        or possessor_anaphor(s, role) or place_anaphor(s, role)
    if found is not None:
        return found, True
    if not phrase:
        found = office_anaphor(s, role) or body_anaphor(s, role)
    if found is None and post in ("minister", "deputy-minister"):
        found = ministry_before(s, role)
    if found is None and post in ("rector", "vice-rector"):
        found = university_before(s, role)
    if found is None and _university_post(s, role):
        # a title a university's head or deputy may bear (Vice-Chancellor, вице-президент), right after the
        # university its sentence names: its post there
        found = university_before(s, role, sentence=True)
    if found is None and post in ("governor", "deputy-governor", "mayor", "deputy-mayor"):
        subtype = "city" if "mayor" in post else "region"
        found = delegation_place(s, role, subtype)
        if found is not None:
            return found, True
        found = sentence_place(s, role, subtype) or main_place(s, subtype)
    return found, False


def _parliament_group(s: State, cue: Mention) -> bool:
    """Does the post's title, within ``GROUP_REACH`` characters of its word in its sentence, name a parliament's
    friendship group (Қазақстан – Египет парламентаралық достық тобының жетекшісі, председатель группы дружбы)?"""
    sentence = s.sentences[s.sentence_of[cue]]
    text = s.text[max(sentence.start, cue.start - GROUP_REACH):min(sentence.end, cue.end + GROUP_REACH)]
    return bool(PARLIAMENT_GROUP.search(text))


def _local_heads(s: State, role: Mention) -> list[Word]:
    """The lexicon's words of a local head's title among ``role``'s words (әкімінің орынбасары: әкім)."""
    language = s.report.language
    return [w for w in s.lex.words_of("local-head", language)
            if any(word_matches(token, w.word, language) for token in role.text.split())]


def _local_title(s: State, role: Mention) -> str | None:
    """The local head's title among ``role``'s words, as the lexicon writes it."""
    return next((w.word for w in _local_heads(s, role)), None)


def _local_head_state(s: State, role: Mention) -> str | None:
    """The state whose local heads alone bear the title of ``role``'s words, where the lexicon names one."""
    return next((w.value for w in _local_heads(s, role) if w.value), None)


def _refine_role(s: State, role: str, jurisdiction: str | None, cue: Mention) -> str:
    """The same word names different posts: an akim of a city or a president of a municipal chamber is a
    mayor. A word that names one post (governor, губернатор) keeps it: a governor of a province named
    after its capital is no mayor."""
    if role in GROUP_POSTS and _parliament_group(s, cue):
        return "parliamentarian"  # the chair of a parliamentary friendship group
    e = s.entity(jurisdiction)
    if e is None:
        return role
    label = " ".join(lb.text for lb in e.labels)
    is_city = (e.kind == MentionKind.PLACE and e.subtype == "city") or bool(MUNICIPAL.search(label))
    generic = any(s.lex.is_word(w, "local-head", s.report.language) for w in cue.text.split())
    if is_city and (role in ("head-of-state", "official") or (role == "governor" and generic)):
        return "mayor"
    if role == "official" and e.kind == MentionKind.PLACE and e.subtype == "region" and generic:
        return "governor"
    if role == "official" and e.kind == MentionKind.ORGANIZATION and generic and MINISTRY.search(label):
        return "minister"  # the head of a ministry (глава МИД, head of the Ministry)
    if role == "executive" and (e.kind == MentionKind.PLACE or MINISTRY.search(label) or (
            e.kind == MentionKind.ORGANIZATION and e.subtype in NO_COMPANIES)):
        # a director in a region's administration or a ministry heads no company, nor does the director-general
        # of an international organization (ЮНЕСКО, UNESCO), a college's or a centre's director
        return "official"
    if role == "deputy-governor" and is_city and generic:
        return "deputy-mayor"
    if role == "head-of-state" and e.kind == MentionKind.PLACE and e.subtype == "region":
        return "governor"  # the president of a region heads no state
    if role == "head-of-state" and e.kind == MentionKind.ORGANIZATION:
        return {"university": "rector", "company": "executive"}.get(e.subtype or "", "official")
    if role == "official" and e.kind == MentionKind.ORGANIZATION and e.subtype == "university":
        return _university_post(s, cue) or role
    # the head noun ends a name or, in English, may open it (Mazhilis of the Parliament of Kazakhstan)
    words = e.labels[0].text.split() if e.labels else [""]
    if role == "official" and e.kind == MentionKind.ORGANIZATION and (
            PARLIAMENT.search(words[-1]) or PARLIAMENT.search(words[0]) or PARLIAMENT_NAMES.search(label)):
        return "parliamentarian"
    if role == "official" and e.kind == MentionKind.ORGANIZATION and e.subtype == "company":
        return "executive"
    if role == "head-of-state" and e.kind != MentionKind.COUNTRY:
        return "official"  # the president of what is no state (президентом Конфиндустрии) heads no state
    return role


def _university_post(s: State, cue: Mention) -> str | None:
    """A university's post named by a head's title and words for a deputy: its vice-president (вице-президенті) is a
    vice-rector; its chancellor is a titular head, so its vice-chancellor heads it as a rector, and a deputy
    vice-chancellor is a vice-rector."""
    language = s.report.language
    parts = [w for w in DEPUTY_PARTS.split(cue.text) if w]
    rest = [w for w in parts if not s.lex.is_word(w, "deputy", language)]
    if len(rest) != 1:
        return None
    level = len(parts) - 1
    for title, above in UNIVERSITY_TITLES:
        concept = s.lex.role(title)
        if any(lb.language == language and " " not in lb.text and word_matches(rest[0], lb.text, language)
               for lb in (*concept.labels, *concept.cues)):
            return {0: "rector", 1: s.lex.deputy_role("rector")}.get(level - above) if level else None
    return None


def _dedupe(drafts: list[PostDraft]) -> list[PostDraft]:
    """One post per holder and role, the fields of all its statements filled in."""
    merged: dict[tuple[str, str], PostDraft] = {}
    for d in drafts:
        key = (d.holder, d.role)
        if key not in merged:
            merged[key] = d
        else:
            m = merged[key]
            m.country = m.country or d.country
            m.accredited_to = m.accredited_to or d.accredited_to
            m.jurisdiction = m.jurisdiction or d.jurisdiction
    return list(merged.values())
