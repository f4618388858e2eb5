"""Names the lexicon knows: countries (with a state's long form before them), places (with the head
noun after a town's name) and organizations; a town's name that belongs to a longer name, a person's
or a body's, is left to the passes that read those. And regions named by a word of direction or size
before a name the lexicon does not know (Батыс Ява)."""

from __future__ import annotations

from kg.lang import Case, profile, word_key
from kg.letters import HYPHEN
from kg.lexicon import Entry
from kg.matching import PhraseMatcher
from kg.model import MentionKind
from kg.morphology import word_matches
from kg.rules.state import (
    CAPITAL_LETTER,
    COMPLEMENT_OPENERS,
    LANDMARK,
    LATIN_CAPITALISED,
    LATIN_CAPITALISED_ANY,
    MEETING_CATEGORIES,
    PATRONYMIC,
    PLACE_PREPOSITIONS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    SURNAME_ENDINGS,
    WATER,
    State,
    surname_shaped,
)
from kg.text import fold

# "долларов США", "US dollars" name a currency, not the state.
CURRENCY_WORDS = frozenset({"долл", "doll"})
# Tokens after a state's name within which a post's word makes it the post's state (Қытай Коммерция министрі).
POST_REACH = 3
CLAUSE_MARKS = frozenset({",", ".", ";", ":", "(", ")", "—", "–"})
# The most parts of a word that joins states' names (Қазақстан-Венгрия, российско-казахстанско-китайский).
MAX_JOINED = 3
# Lower-case words a landmark's name may hold between a place's name and its head (Ақтау халықаралық теңіз сауда
# порты, Катонқарағай ұлттық табиғи паркі).
LANDMARK_WORDS = 4


def mark_areas(s: State) -> None:
    """Continents and regions of the world (Central Asia, Орталық Азия, Ближний Восток) are no person's name and no
    place a meeting is held: their words are read, and nothing else reads them. A one-word one before a capitalised
    word may be a given name (Азия Сапарова), and is left to the other passes."""
    for m in s.function_words:
        if m.payload[0] != "area" or any(s.covered[k] for k in range(m.first, m.last + 1)):
            continue
        after = m.last + 1
        if m.first == m.last and after < len(s.texts) and s.is_capitalised(after) and not s.covered[after]:
            continue
        for k in range(m.first, m.last + 1):
            s.covered[k] = True


def qualified_places(s: State) -> None:
    """A word of direction or size before a place's name the lexicon does not know (Батыс Ява, Төменгі Силезия):
    a region, no person's name; before a place's head noun, the heads pass reads the two with it (Оңтүстік Моравия
    өлкесі)."""
    if not s.lex.words_of("qualifier", s.language):
        return
    n = len(s.texts)
    bare: list[tuple[int, str]] = []
    headed: dict[str, str] = {}  # a name read with a place's head noun somewhere: its form with the head
    for j in range(n - 1):
        k = j + 1
        if s.covered[j] or s.covered[k] or not s.texts[j][:1].isupper() or not s.is_capitalised(k) \
                or not s.lex.is_word(s.texts[j], "qualifier", s.language) \
                or s.toks[k].start - s.toks[j].end > 1:
            continue
        name = s.dictionary_form([s.texts[j], s.texts[k]])
        if k + 1 < n and s.is_head(k + 1, position="after", kind="place"):
            headed.setdefault(name, s.dictionary_form([s.texts[j], s.texts[k], s.texts[k + 1]]))
        elif not (k + 1 < n and s.is_capitalised(k + 1)):  # (not a longer name)
            bare.append((j, name))
    for j, name in bare:  # the same region as where its head noun names it (Оңтүстік Моравия кәсіпорындары)
        s.emit(MentionKind.PLACE, j, j + 1, headed.get(name, name), "region")


def read_names(s: State) -> None:
    names = s.match.names
    found = list(names.find(s.texts, skip=s.covered))
    # Of the states one word may be a form of, the one whose whole name it holds the more of (түрікмен: Turkmen,
    # not түрік with the ending -мен; Түрік is no form of түрікмен).
    fullest: dict[int, int] = {}
    for m in found:
        if m.first == m.last and m.payload.kind == "country":
            fullest[m.first] = max(fullest.get(m.first, 0), _held(s.texts[m.first], m.payload))
    # the names of the states read at each word: a town that word may also be a form of is the state's
    states_at: dict[int, set[str]] = {}
    for m in found:
        if m.first == m.last and m.payload.kind == "country" and m.payload.form in ("name", "variant"):
            states_at.setdefault(m.first, set()).add(fold(m.payload.name))
    placed: set[tuple[int, str]] = set()
    claimed: set[int] = set()  # the first tokens of places read as a region's or a landmark's name
    # the states the report names: a place whose name a larger place elsewhere took is theirs (Valencia in a report
    # on Spain), where its own state is not named
    states = sorted({m.payload.key for m in found if m.payload.kind == "country"})
    latin_brands = profile(s.language).script != "latin"
    for m in found:
        e = m.payload
        if m.first == m.last and e.kind == "country" and _held(s.texts[m.first], e) < fullest[m.first]:
            continue
        if latin_brands and e.kind in ("place", "country") and _opens_latin_name(s, m.first, m.last):
            continue  # Astana Hub, Tashkent City: a brand's first word, which the Latin names' pass reads whole
        first_tok = s.texts[m.first]
        # a name is capitalised, unless it opens with its head noun (область Абай)
        if e.form in ("name", "variant") and not (first_tok[:1].isupper() or first_tok[:1].isdigit()
                                                  or e.name[:1].islower()):
            continue
        if e.kind == "place" and m.first == m.last and m.first in states_at \
                and fold(e.name) not in states_at[m.first] and fold(first_tok) != fold(e.name):
            continue  # Бразилии: Brazil's, not Brasília's (Бразилиа, as written); Сингапур names both
        if m.first in claimed:
            continue  # the town of a region or the place of a landmark, read already
        after = m.last + 1
        if e.kind == "place" and after < len(s.texts) and not s.covered[after] \
                and s.lex.is_word(s.texts[after], "district", s.language) and s.is_head(after, position="after"):
            # Қостанай ауданы, Kostanay district: the district named after the town or the region, neither of them
            s.emit(MentionKind.PLACE, m.first, after, _district_name(s, m.first, after), "region")
            claimed.add(m.first)
            continue
        if (region := _region_of_town(s, m.first, m.last, e)) is not None:
            s.emit(MentionKind.PLACE, m.first, m.last + 1, region, "region")
            claimed.add(m.first)
            continue
        if (landmark := _landmark_head(s, m.last, e)) is not None:
            # a place's name and a landmark's head after it, a word between or none: the landmark, named with the
            # head as listed (Атакама шөлі, Катонқарағай ұлттық табиғи паркі)
            at, word = landmark
            s.emit(MentionKind.PLACE, m.first, at, " ".join([*s.texts[m.first:at], word]), LANDMARK)
            claimed.add(m.first)
            continue
        names_place = e.kind == "place" and m.first == m.last and _names_place(s, m.first, e, names)
        # A one-word country or town inside a proposed person's name is a word of that name (Чжао Ганом),
        # unless the grammar says it names a place, or a post's word follows (Үндістан Елшісі: its state), or a
        # country ends a proposed name of three words or more (Анджей Лоранот Үндістанның компаниялары), or a
        # surname, which ends a name, stands before it (Ерлан Сапаров Өзбекстанның Инвестициялар ... министрі).
        if m.first == m.last and m.first in s.in_proposed_name and e.kind in ("country", "place") \
                and not (e.kind == "place" and names_place) and not (e.kind == "country" and _before_post(s, m.last)) \
                and not (e.kind == "country" and m.first in s.proposed_name_tails) and not _after_surname(s, m.first) \
                and not _after_initials_and_word(s, m.first):
            continue
        if e.kind == "place" and m.first == m.last and not names_place and _first_name_of_person(s, m.last):
            continue
        if e.kind == "country" and m.first == m.last and _given_name(s, m.first, e):
            continue
        if e.kind == "place" and m.first == m.last and not names_place and _modifies_next(s, m.first):
            continue
        if e.kind == "place" and _after_other_head(s, m.first, e):
            continue
        if e.kind == "place" and m.first == m.last and _after_name_particle(s, m.first):
            continue
        if e.kind == "place" and m.first == m.last and _surname_after_initial(s, m.first):
            continue
        if e.derived and m.first == m.last and not names_place and _inside_longer_name(s, m.first, names):
            continue
        if e.kind == "place" and e.derived and m.first == m.last and s.is_head(m.first) \
                and not s.texts[m.first].isupper():
            continue  # a head noun that reads as a town with an ending (Палата: Пала+та) names a body's class
        if e.kind == "place" and m.first == m.last and not names_place and _repeated_surname(s, m.first):
            continue
        if e.kind == "country" and (_currency_word(s, m.first - 1) or _currency_word(s, m.last + 1)):
            # долларов США, US dollars, АҚШ доллары: a currency, no state the report names
            for k in range(m.first, m.last + 1):
                s.barrier[k] = True  # nor a place the recogniser proposes
            continue
        if e.kind == "country":
            if e.form == "adjective" and m.last + 1 < len(s.texts) and s.is_head(m.last + 1, "water", "after"):
                continue  # a sea's or an ocean's name (Indian Ocean, Индийский океан, Үнді мұхиты), no state's
            if (m.first, e.key) in placed:
                continue  # the state read already, by another of its names there
            placed.add((m.first, e.key))
            first, last = (_state_form_start(s, m.first), _state_form_end(s, m.last)) if e.form != "adjective" \
                else (m.first, m.last)  # not Federation of Indian
            s.emit(MentionKind.COUNTRY, first, last, e.key, e.form)
        elif e.kind == "place":
            state = _state_before(s, names, m.first)
            if state != e.country:
                # Испанияның Валенсия өңірі: Spain's, not Venezuela's; else the one of a state the report names
                own = s.lex.homonym(e.name, state) if state is not None else None
                e = own or (e if e.country in states else next(
                    (h for c in states if (h := s.lex.homonym(e.name, c)) is not None), e))
            if (m.first, e.key) in placed:
                continue  # the place read already, with its head noun (the name matched in two spellings)
            placed.add((m.first, e.key))
            # The head noun after a known place's name is part of the mention (Павлодар қаласында): its
            # case ending says where.
            head = m.last + 1 < len(s.texts) and not s.covered[m.last + 1]
            last = m.last + 1 if head and s.is_head(m.last + 1, e.subtype, "after") else m.last
            s.emit(MentionKind.PLACE, m.first, last, e.key, e.subtype)
        elif not (e.country and _other_state_before(s, names, m.first, e.country)):
            # Италия Сыртқы істер министрлігі is Italy's ministry, not Kazakhstan's of the same name
            s.emit(MentionKind.ORGANIZATION, m.first, m.last, e.key, e.subtype)
            s.name_eponym(m.first, m.last)


def _district_name(s: State, first: int, last: int) -> str:
    """A district's name, its head noun in its dictionary form (Қостанай ауданы, Kostanay District)."""
    if profile(s.language).name_words_decline:
        return s.dictionary_form(s.texts[first:last + 1])
    head = next(h.word for h in s.lex.heads_for(s.language) if word_matches(s.texts[last], h.word, s.language))
    return " ".join([*s.texts[first:last], head])


def _after_other_head(s: State, first: int, e: Entry) -> bool:
    """Does the head noun of another kind of place stand before a known place's name: a river's or a lake's (реки
    Тобол, Lake Balkhash), or a region's before a town's (провинции Бурса, префектуры Осака)? The name is that
    place's, read with its head, no town's of that name."""
    return first > 0 and (s.is_head(first - 1, WATER, "before")
                          or (e.subtype == "city" and s.is_head(first - 1, "region", "before")))


def _region_of_town(s: State, first: int, last: int, e: Entry) -> str | None:
    """The region a town's name and a region's head after it name: the one named after the town (Ташкент облысы,
    Tashkent Region: Ташкентская область), where the lexicon knows it."""
    if e.kind != "place" or e.subtype != "city" or last + 1 >= len(s.texts) or s.covered[last + 1] \
            or not s.is_head(last + 1, "region", "after"):
        return None
    return s.lex.region_named_after(e.key)


def _opens_latin_name(s: State, first: int, last: int) -> bool:
    """In a Cyrillic text, is a name in Latin letters followed right away by a capitalised Latin word (Astana Hub,
    Tashkent City), which makes it a word of a brand's name: a Cyrillic text writes its places in Cyrillic."""
    after = last + 1
    return after < len(s.texts) and LATIN_CAPITALISED.match(s.texts[first]) is not None \
        and LATIN_CAPITALISED_ANY.match(HYPHEN.split(s.texts[after])[0]) is not None \
        and s.toks[after].start - s.toks[last].end <= 1


def _landmark_head(s: State, last: int, e: Entry) -> tuple[int, str] | None:
    """The token of a landmark's head after a place's name ending at ``last``, right after it or past a few words in
    lower case (a park's ұлттық табиғи, a port's халықаралық теңіз сауда), and the head as listed."""
    if e.kind != "place":
        return None
    for k in range(last + 1, min(len(s.texts), last + 2 + LANDMARK_WORDS)):
        if s.covered[k] or (k > last + 1 and not s.texts[k - 1].islower()):
            return None
        if s.is_head(k, LANDMARK, "after"):  # (answered once per token; the head as listed only then)
            if k + 1 < len(s.texts) and s.is_head(k + 1, kind="organization"):
                return None  # Александрия порты басқармасы: the port's authority, a body named after the landmark
            return k, next(h.word for h in s.lex.heads_for(s.language) if h.kind == "place" and h.subtype == LANDMARK
                           and h.position == "after" and word_matches(s.texts[k], h.word, s.language))
    return None


def joined_states(s: State) -> None:
    """Each part of a word that joins states' names or adjectives with hyphens names its state: Қазақстан-Венгрия,
    казахстанско-венгерского, Kazakh-Hungarian; the word itself stays free for a body's name it may open."""
    names = s.match.names
    forms = profile(s.language).forms
    for k, t in enumerate(s.texts):
        if s.covered[k] or not HYPHEN.search(t):
            continue
        parts = HYPHEN.split(t)
        if not 2 <= len(parts) <= MAX_JOINED or not all(p.isalpha() for p in parts):
            continue
        states = [state_named(names, forms.joined_forms(p) if n < len(parts) - 1 else (p,))
                  for n, p in enumerate(parts)]
        if None in states or len({e.key for e in states if e is not None}) < 2:
            continue
        at = s.toks[k].start
        for part, e in zip(parts, states, strict=True):
            if e is not None:
                s.emit_chars(MentionKind.COUNTRY, at, at + len(part), e.key, e.form)
            at += len(part) + 1


def state_named(names: PhraseMatcher[Entry], forms: tuple[str, ...]) -> Entry | None:
    """The state one of ``forms`` names alone, as a name or an adjective."""
    for form in forms:
        for m in names.match_at([form], 0):
            if m.payload.kind == "country" and m.last == 0:
                return m.payload
    return None


def _held(token: str, e: Entry) -> int:
    """How many letters of a one-word name the token holds whole, at its start (0 for a form that changes it)."""
    return len(e.words[0]) if fold(token).startswith(fold(e.words[0])) else 0


def _after_surname(s: State, i: int) -> bool:
    """Does a capitalised word with a surname's ending after a root of two letters or more stand right before token
    ``i`` (Сапаров; not Ян, Ин)?"""
    return i > 0 and s.is_capitalised(i - 1) and surname_shaped(s.texts[i - 1])


def _after_initials_and_word(s: State, i: int) -> bool:
    """Do initials and one capitalised word, a whole name, stand right before token ``i`` (М. Эррера | Аргентина,
    Боливия және Чили; М. Ньороге | Кенияның шайы)?"""
    return i > 2 and s.is_capitalised(i - 1) and s.texts[i - 2] == "." and CAPITAL_LETTER.fullmatch(s.texts[i - 3]) \
        is not None


def _before_post(s: State, i: int) -> bool:
    """Does a post's word follow token ``i`` within ``POST_REACH`` tokens of its clause, right after it or past a
    body's words (Үндістан Елшісі, Әзірбайжан Сыртқы істер министрі), with no word of meeting between (Синиша Мали
    встретился с послом: a surname before the verb, not a state before the post)?"""
    ahead = range(i + 1, min(len(s.texts), i + 1 + POST_REACH))
    post = next((k for k in ahead if s.barrier[k]), None)
    return post is not None and not any(s.texts[k] in CLAUSE_MARKS for k in ahead) and not any(
        m.payload[0] in MEETING_CATEGORIES and i < m.first < post for m in s.function_words)


def _other_state_before(s: State, names: PhraseMatcher[Entry], first: int, country: str) -> bool:
    """Does the name of a state other than ``country`` end right before token ``first``?"""
    return _state_before(s, names, first) not in (None, country)


def _state_before(s: State, names: PhraseMatcher[Entry], first: int) -> str | None:
    """The state whose name ends right before token ``first``, if one does."""
    return next((m.payload.key for k in range(max(0, first - 3), first) for m in names.match_at(s.texts, k)
                 if m.last == first - 1 and m.payload.kind == "country"), None)


def _state_form_start(s: State, first: int) -> int:
    """Where a state's long form starts before its name: ``Republic of Turkey``, ``Королевства Бельгия``."""
    start = first
    k = first - 1
    while k >= 0 and not s.covered[k] and _state_form_word(s, s.texts[k]):
        k -= 1
        if s.texts[k + 1][:1].isupper():
            start = k + 1
    return start


def _state_form_end(s: State, last: int) -> int:
    """Where a state's long form ends after its name: ``Испания Корольдігіндегі`` (the case ending on its last
    word says the state's part: a diplomat's host)."""
    k = last + 1
    while k < len(s.texts) and not s.covered[k] and s.is_capitalised(k) and _state_form_word(s, s.texts[k], "after"):
        k += 1
    return k - 1


def _state_form_word(s: State, token: str, position: str = "") -> bool:
    """A word of a state's long form (Republic, Королевства; after the name where ``position`` is "after":
    Корольдігі), in a form its head noun may take (the Emir of Qatar is no Emirates: an English stem says too
    little)."""
    forms = profile(s.language).forms
    return s.lex.is_word(token, "state-form", s.language) and any(
        fold(token) == fold(w.word) or forms.head_fits(token, w.word) for w in s.lex.words_of("state-form", s.language)
        if w.value == position and word_matches(token, w.word, s.language))


def _names_place(s: State, i: int, e: Entry, names: PhraseMatcher[Entry]) -> bool:
    """A town's one-word name that opens a post's complement (Mayor of Debrecen Laszlo Papp), stands
    right before a post (Бурса губернаторы) or carries a case ending of place (Мюнхенде: in Munich)
    names the place, whatever capitalised words stand beside it."""
    if i + 1 < len(s.texts) and s.is_head(i + 1, position="after"):
        return False  # Shaanxi Province: the head patterns read the place with its head
    if i > 0 and (fold(s.texts[i - 1]) in COMPLEMENT_OPENERS or (s.barrier[i - 1] and (
            e.subtype == "region" or (i + 2 < len(s.texts) and surname_shaped(s.texts[i + 2])
                                      and not PATRONYMIC.search(s.texts[i + 1]))))) \
            and i + 2 < len(s.texts) \
            and s.is_capitalised(i + 1) and s.is_capitalised(i + 2):
        # a full name follows the town: Mayor of Debrecen Laszlo Papp, губернатора Лацио Франческо Рокку; right after
        # a post, a town too where the name ends in a surname (Аким Караганды Ерлан Кусаинов; not Посол Мадина
        # Ерлановна Жунусова)
        return True
    if i > 0 and s.barrier[i - 1] and fold(s.texts[i]) != fold(e.name) and i + 1 < len(s.texts) \
            and s.is_capitalised(i + 1) and profile(s.language).words_outside_name(s.texts[i:i + 4], s.texts[i - 1]):
        return True  # a town right after a post, in another case than the name after it: бургомистром Гааги Яном ...
    if i > 0 and (any(s.is_head(i - 1, e.subtype, side) for side in ("before", "after")) or (
            s.is_head(i - 1, kind="place") and not s.is_capitalised(i - 1) and not (
                i > 1 and (s.is_capitalised(i - 2) or s.covered[i - 2])))):
        # its class noun before it: области Лацио, префектуры Осака (a city's name, a prefecture's too); not where
        # that noun is the head of a name before it (Туркестанской области Дарханом)
        return True
    if i + 1 < len(s.texts) and s.barrier[i + 1]:
        return True
    inflected = fold(s.texts[i]) != fold(e.name)
    if inflected and (_opens_name_after_post(s, i, names) or _ends_name_after_post(s, i, names)):
        return False
    return inflected and profile(s.language).has_case(
        s.texts[i], Case.LOCATIVE, Case.LOCATIVE_ATTRIBUTE, Case.DATIVE)


def _ends_name_after_post(s: State, i: int, names: PhraseMatcher[Entry]) -> bool:
    """``президенті Аттилио Фонтанаға``: where only a name's last word declines, a town's name that ends a proposed
    person's name right after a post, whose other words name nothing known, is the surname in its case; not after a
    surname, which ends a name (Елші Ерлан Сапаров Анкарада: in Ankara), nor in the locative, a case of places, not
    of those one meets (губернатор Хирофуми Ёсимура Осакада: in Osaka)."""
    return not profile(s.language).name_words_decline and not _after_surname(s, i) and not profile(
        s.language).has_case(s.texts[i], Case.LOCATIVE) and any(
        kind == MentionKind.PERSON and last == i and first < i and first > 0 and s.barrier[first - 1]
        and all(s.is_capitalised(k) and not names.match_at(s.texts, k) and not s.is_head(k) for k in range(first, i))
        for kind, first, last in s.proposals)


def _opens_name_after_post(s: State, i: int, names: PhraseMatcher[Entry]) -> bool:
    """``мэрі Маркета Ванковамен``: where only a name's last word declines, a word right after a post that opens a
    proposed person's name, before a capitalised word that names nothing known, takes no case ending: its
    likeness to an inflected town's name (Марке + -та) is chance."""
    return not profile(s.language).name_words_decline and i > 0 and s.barrier[i - 1] \
        and i in s.proposed_name_starts and i + 1 < len(s.texts) and s.is_capitalised(i + 1) \
        and not names.match_at(s.texts, i + 1) and not s.is_head(i + 1)


def _repeated_surname(s: State, i: int) -> bool:
    """``Governor Morioka noted``: a town's one-word name that a person's name the recogniser proposes ends in
    (Kenji Morioka) is that surname again, where no preposition of place stands before it (in Morioka)."""
    word = fold(s.texts[i])
    return not (i > 0 and s.texts[i - 1].lower() in PLACE_PREPOSITIONS) and any(
        kind == MentionKind.PERSON and first < last != i and fold(s.texts[last]) == word
        for kind, first, last in s.proposals)


def _modifies_next(s: State, i: int) -> bool:
    """Is token ``i`` an adjective's form before a lower-case word that is no place's head noun: the adjective of
    that word, not a town named by the adjective (Центральной избирательной комиссии, Центральный банк; not
    Центральном районе)?"""
    k = i + 1
    return k < len(s.texts) and s.texts[k].islower() and not s.is_head(k, kind="place") \
        and profile(s.language).forms.adjective(s.texts[i], s.texts[k])


def _of_post(s: State, i: int) -> bool:
    """Is token ``i`` the first word after a post and ``of`` (Governor of Texas Mike Brown, Mayor of Florence): the
    place the post governs, before its holder's name? Not the first word of a body's name the recogniser proposed
    (Director of Atameken Energo LLP)."""
    return i >= 2 and s.texts[i - 1] == "of" and s.barrier[i - 2] and not any(
        kind == MentionKind.ORGANIZATION and first <= i <= last for kind, first, last in s.proposals)


def _inside_longer_name(s: State, i: int, names: PhraseMatcher[Entry]) -> bool:
    """``Tatsuhiko Kasai``, ``Игорь Бабушкин``, ``Toyota Motor``: a gazetteer town's one-word name
    next to a capitalised word that names nothing known (no place, country, head noun) is part of
    a person's or an organization's name; before a region's head noun (Turkestan region) it is the
    region's, which the head patterns find; beside a company's head noun (Тойота компаниясы,
    компания Тойота) it is the company's; in quotation marks («Атамекен») it names a body or a brand."""
    if 0 < i < len(s.texts) - 1 and s.texts[i - 1] in QUOTES_OPEN and s.texts[i + 1] in QUOTES_CLOSE:
        return True
    if i + 1 < len(s.texts) and (s.is_head(i + 1, "region", "after") or s.is_head(i + 1, "water", "after") or
                                 s.is_head(i + 1, "company", "after")):
        return True
    if i > 0 and s.is_head(i - 1, "company", "before"):
        return True
    if _of_post(s, i):
        return False
    surname_like = bool(SURNAME_ENDINGS.search(s.texts[i].lower()))
    for j in (i - 1, i + 1):
        if j < i and (_after_surname(s, i) or (_after_initials_and_word(s, i) and _ends_proposed_name(s, i - 1))):
            # a surname ends the name before it (Нұрлан Оңжанов Бавария жерінің ...; Т. Моримото Фукуоканың after
            # Такаси Моримото, not Р. Гарса Вильярреаль after Родриго Гарсой Вильярреалем)
            continue
        # A sentence's first word is capitalised anyway: it counts before a surname-like town
        # (Игорь Бабушкин), when it is a word long enough to be a given name.
        if 0 <= j < len(s.texts) and s.sentence_initial(j) and not (
                surname_like and j < i and len(s.texts[j]) >= 4):
            continue
        if not 0 <= j < len(s.texts) or not s.is_capitalised(j) or \
                (j < i and s.toks[i].start - s.toks[j].end > 1) or \
                (j > i and s.toks[j].start - s.toks[i].end > 1):
            continue
        if not names.match_at(s.texts, j) and not s.is_head(j):
            return True
    return False


def _surname_after_initial(s: State, i: int) -> bool:
    """``А.Фонтана`` after ``Аттилио Фонтанаға``: a town's name right after an initial is a person's surname where
    the report's proposed persons end in it (in any case form)."""
    return i >= 2 and s.texts[i - 1] == "." and CAPITAL_LETTER.match(s.texts[i - 2]) is not None \
        and _ends_proposed_name(s, i)


def _ends_proposed_name(s: State, i: int) -> bool:
    """Does a person's name the recogniser proposes end in the word of token ``i`` (in any case form)?"""
    return any(kind == MentionKind.PERSON and last > first and word_matches(s.texts[last], s.texts[i], s.language)
               for kind, first, last in s.proposals)


def _after_name_particle(s: State, i: int) -> bool:
    """``Николаас ван дер Брюгге``: a town right after a name's particles, after a capitalised word, is the
    name's last word."""
    particles = profile(s.language).name_particles
    j = i - 1
    while j >= 0 and word_key(s.texts[j]) in particles:
        j -= 1
    return j < i - 1 and j >= 0 and s.is_capitalised(j)


def _given_name(s: State, i: int, e: Entry) -> bool:
    """``Сальвадором Иллой``: a state's name in a case other than the genitive (Посол Италии Марко ...), opening a
    proposed person's name where every word of a name declines, is the given name."""
    lang = profile(s.language)
    return lang.name_words_decline and i in s.proposed_name_starts and fold(s.texts[i]) != fold(e.name) \
        and not lang.is_genitive_name(s.texts[i]) and i + 1 < len(s.texts) and not s.barrier[i + 1] \
        and s.is_capitalised(i + 1)


def _first_name_of_person(s: State, i: int) -> bool:
    """``Орал Мұхамеджанов``: a city's name standing before a surname is a given name."""
    nxt = i + 1
    if nxt >= len(s.texts) or not s.is_capitalised(nxt) or fold(s.texts[i]) != fold(
            s.dictionary_form([s.texts[i]], person=True)):
        return False
    surname = s.dictionary_form([s.texts[nxt]], person=True).lower()
    return bool(SURNAME_ENDINGS.search(surname)) and s.toks[nxt].start - s.toks[i].end <= 1


def _currency_word(s: State, k: int) -> bool:
    """Is token ``k`` (perhaps out of the text) the word for a currency (доллар, dollar) in any of its forms?"""
    return 0 <= k < len(s.texts) and fold(s.texts[k])[:4] in CURRENCY_WORDS
