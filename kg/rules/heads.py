"""Organizations and places named by a head noun: a capitalised name before it (Льеж провинциясы,
Көлік министрлігі), a quoted name before it («Қоғамдық келісім» КММ), and several names before a
plural head (Kawasaki and Marubeni companies), one body each.

The walk back from a head noun (``_name_start``) reads what a body's name may hold besides
capitalised words: modifiers, a place or state, a region in the genitive, the person it is named after.
"""

from __future__ import annotations

import re

from kg.lang import Case, profile
from kg.lexicon import Head
from kg.matching import Match
from kg.model import Mention, MentionKind
from kg.morphology import word_matches
from kg.rules.state import (
    CAPITAL_LETTER,
    CAPITALISED_ANY,
    HYPHEN,
    LANDMARK,
    LATIN_CAPITALISED,
    LATIN_LINKS,
    MAX_NAME_TOKENS,
    MIXED_ACRONYM,
    ORG_LINKS,
    ROMAN,
    SURNAME_ENDINGS,
    WATER,
    State,
)
from kg.text import fold

# Tokens a walk back from an organization's head noun reads at most.
MAX_NAME_STEPS = 8
MAX_PLACE_STEPS = 5
# Kazakh finite verbs and participles: past (-ды, -ті), present and future (-ады, -йді), participles (-ған, -атын).
VERB_ENDING = re.compile(r"(?:ды|ді|ты|ті|ады|еді|йды|йді|ған|ген|қан|кен|атын|етін|йтын|йтін|уда|уде|мақ|мек)$")
# Words that join several names before one plural head: X and Y companies.
COORDINATORS = ORG_LINKS - {"of"} | {","}
# Lower-case words of a body's class that may stand between its quoted name and its head noun.
QUOTE_HEAD_REACH = 3
# A legal form written as an abbreviation in capitals right before or after a quoted name (ГКП «X», «X» МКК), which
# the heads need not list.
LEGAL_ABBREVIATION = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,5}$")
# The dashes that join two states' names in a body's name (Қазақстан – Венгрия үкіметаралық комиссиясы).
STATE_DASHES = frozenset({"-", "–", "—"})
# The bodies of a state, whose names may be one common word and the head (Сауда министрлігі: Ministry of Trade).
STATE_BODIES = frozenset({"government"})
# The bodies a town or state named right before their head noun names (Moscow University), where for other bodies it
# is only their place or state (Қытай компаниясы: a Chinese company); where heads are written in capitals, companies
# too (Uzbekistan Airways). (A state body is named by its state or place where heads are in lower case: state_named.)
TOWN_NAMED = frozenset({"university"})
TOWN_NAMED_IN_CAPITALS = frozenset({"company"})
# A landmark named after a person (мавзолей Ходжи Ахмеда Ясави, Mausoleum of Khoja Ahmed Yasawi): the person's name
# after its head noun is the place's, and an "of" may join them.
LANDMARK_LINKS = frozenset({"of"})


def quoted_organizations(s: State) -> None:
    """«Name» with an organization head noun after it (a legal form before it in Russian): «Қоғамдық келісім»
    КММ, АО «Казахстанские железные дороги»."""
    heads = s.match.heads
    for i, t in enumerate(s.texts):
        if t != "»":
            continue
        j = i - 1
        while j >= 0 and s.texts[j] not in "«»" and i - j < 8:
            j -= 1
        if j < 0 or s.texts[j] != "«" or j + 1 >= i:
            continue  # (the outer quote of «X» ҰК» АҚ, whose inner one names the body with its head noun)
        name = " ".join(s.texts[j + 1:i])
        after: list[Match[Head]] = []
        # the head right after the quote, or past lower-case words of its class («Қазақ Инвест» ұлттық компаниясы)
        for k in range(i + 1, min(len(s.texts), i + 1 + QUOTE_HEAD_REACH)):
            after = [m for m in heads.match_at(s.texts, k) if m.payload.kind == "organization"
                     and m.payload.position == "after"]
            if after or not s.texts[k].islower():
                break
        # a legal form (АО «X») or the head noun of its class (университета «X») before it
        before = [h for k in range(max(0, j - 2), j) for h in heads.match_at(s.texts, k)
                  if h.last == j - 1 and h.payload.kind == "organization" and h.payload.position == "before"]
        if after:
            head = after[0]
            s.emit(MentionKind.ORGANIZATION, j, head.last, f"{name}\t{name} {_head_form(s, head)}",
                   head.payload.subtype)  # its own name, and with its head noun: «Қазақ Инвест» компаниясы
        elif before:
            head = before[0]
            legal = s.texts[j - 1].isupper()
            named = s.texts[j - 1] if legal else head.payload.word.capitalize()
            s.emit(MentionKind.ORGANIZATION, _outer_form(s, j) if legal else head.first, i,
                   f"{name}\t{named} «{name}»", head.payload.subtype)
        elif j > 0 and _legal_abbreviation(s, j - 1):
            s.emit(MentionKind.ORGANIZATION, _outer_form(s, j), i, f"{name}\t{s.texts[j - 1]} «{name}»")
        elif i + 1 < len(s.texts) and _legal_abbreviation(s, i + 1):
            s.emit(MentionKind.ORGANIZATION, j, i + 1, f"{name}\t«{name}» {s.texts[i + 1]}")


def _outer_form(s: State, j: int) -> int:
    """Where a body's name opens whose quote is at ``j`` after its legal form: at that form, or at the legal form
    and quote before it (АО «НК «X», the closing quote they share written once)."""
    nested = j >= 3 and s.texts[j - 2] == "«" and _legal_abbreviation(s, j - 3)
    return j - 3 if nested else j - 1


def _legal_abbreviation(s: State, k: int) -> bool:
    """An abbreviation in capitals that no state or known body is called by, and no Roman number (II): a legal form
    (ГКП, МКК)."""
    t = s.texts[k]
    return bool(LEGAL_ABBREVIATION.match(t)) and not ROMAN.match(t) and not s.covered[k] \
        and s.lex.country_named(t) is None and not s.lex.entry_labels(t)


def _head_form(s: State, m: Match[Head]) -> str:
    written = s.texts[m.last]
    form = m.payload.word
    return form[:1].upper() + form[1:] if written[:1].isupper() else form


def head_patterns(s: State) -> None:
    """A capitalised name before a head noun: Льеж провинциясы, Көлік министрлігі."""
    matches = [m for m in s.head_matches if m.payload.position == "after"
               and (profile(s.language).forms.head_fits(s.texts[m.last], m.payload.word)
                    or _plural_head(s, m))]
    # Organizations first: Гимарайнш қаласы әкімдігі is one body, not a city and a stray head.
    for m in sorted(matches, key=lambda m: (m.payload.kind != "organization", m.first)):
        if s.covered[m.first]:
            if (named := _named_with_head(s, m)) is not None:
                _coordinated(s, m, named)
            continue
        if _plural_head(s, m) and (_coordinated(s, m) or m.payload.kind == "organization"):
            continue
        if m.payload.kind == "place" and any(r.last > m.last for r in s.match.roles.match_at(s.texts, m.last)):
            continue  # a word that opens a post's name (Saxony's State Minister, the State Secretary)
        if m.payload.kind == "place" and profile(s.language).title_case_heads and m.last + 1 < len(s.texts) \
                and s.texts[m.last + 1][:1].isupper() and s.is_head(m.last + 1, kind="organization"):
            continue  # a word of a body's name, whose head follows it (the Bavarian State Ministry of ...)
        if m.payload.subtype == WATER and ((m.last + 1 < len(s.texts) and s.is_capitalised(m.last + 1)) or (
                not profile(s.language).title_case_heads and not s.texts[m.last].islower())):
            continue  # a sea's word inside a longer name (Aktau International Sea Trade Port), or a name (Жаном Моро)
        first = _name_start(s, m.first, organization=m.payload.kind == "organization" or m.payload.subtype == LANDMARK,
                            town_named=m.payload.subtype in TOWN_NAMED or (
                                m.payload.subtype in TOWN_NAMED_IN_CAPITALS and profile(s.language).title_case_heads),
                            state_named=m.payload.kind == "organization" and m.payload.subtype in STATE_BODIES
                            and not profile(s.language).title_case_heads)
        if first is None or _common_opening(s, m, first):
            continue
        if first < m.first - 1 and s.sentence_initial(first) and not s.covered[first] and (
                s.common_word(s.texts[first], inflected=True) or any(w.first == first for w in s.function_words)):
            first += 1  # Делегацияны Кёнсан-Пукто провинциясы: a common or function word with an ending opens no name
        name_words = s.texts[first:m.first]
        head = m.payload
        if head.kind == "organization" and s.lex.is_word(s.texts[m.last], "hub", s.language) \
                and _of_a_place(s, first, m.first):
            continue  # Мату-Гросу штатының әкімшілік орталығы: the state's seat, no body
        if head.kind == "place":
            _emit_place(s, first, m.last, name_words, s.texts[m.last], _head_form(s, m), head)
        else:
            last = m.first - 1
            if _class_noun(s, m):
                # MOL компаниясы, Kazakh Invest ұлттық компаниясы: the (national) company MOL, named by its own name
                while last > first and s.texts[last].islower():
                    last -= 1
                if s.covered[last]:
                    continue  # a body read already by its name (Kazakh Invest ұлттық компаниясы)
                name = s.span(first, last)
            else:
                name = f"{s.span(first, last)} {_head_form(s, m)}"
            s.emit(MentionKind.ORGANIZATION, first, m.last, name, head.subtype)
            s.name_eponym(first, m.last)


def _class_noun(s: State, m: Match[Head]) -> bool:
    """Is a body's head after its name the noun of its class that may also stand before a name (компаниясы, as
    компания Aksa Energy), which names the body as the word "company" does, no word of its name? Not where heads
    are capitalised as words of the name (Orlen Trading Corporation)."""
    return not profile(s.language).title_case_heads and s.lex.is_word(s.texts[m.last], "apposition", s.language)


def names_after_heads(s: State) -> None:
    """A place's head noun before its name: провинции Гелдерланд, штата Мату-Гросу, провинции Британская Колумбия.
    The name is the longer of the place the recogniser proposes after the head (провинции Красное море) and the
    words the language reads as a name kept in the nominative after it; a person's name that follows is no word
    of it (провинции Гелдерланд Маартеном ван дер Линденом), and a person's whole name after it leaves the place
    unnamed (провинции Чан Ван Хоа)."""
    language = profile(s.language)
    for m in s.head_matches:
        head, i = m.payload, m.last + 1
        landmark = head.subtype == LANDMARK
        if landmark and i + 1 < len(s.texts) and fold(s.texts[i]) in LANDMARK_LINKS:
            i += 1  # Mausoleum of Khoja Ahmed Yasawi
        if head.kind != "place" or head.position != "before" or i >= len(s.texts) or s.covered[m.first] \
                or s.covered[i] or not s.is_capitalised(i) or "\n" in s.view[s.toks[m.last].end:s.toks[i].start]:
            continue
        if _person_from(s, i) and not landmark:
            continue  # a person's whole name after the head (провинции Чан Ван Хоа: the province's chairman)
        proposed = max((last for kind, first, last in s.proposals if kind == MentionKind.PLACE and first == i),
                       default=i - 1)
        words: list[str] = []
        for k in range(i, min(len(s.texts), i + 3)):
            if s.covered[k] or not s.is_capitalised(k):
                break
            words.append(s.texts[k])
        # a landmark's name is a person's, in whatever case the head governs (мавзолей Ходжи Ахмеда Ясави)
        named = None if landmark else language.forms.name_after_head(words)
        if named == 0:
            continue  # no word after the head can be the place's name (города Эльманом Рзаевым): a person's
        last = i + len(words) - 1 if landmark else max(proposed, i + (named or 0) - 1)
        if last < i or any(s.covered[k] for k in range(i, last + 1)):
            continue
        name = s.span(i, last)
        # a landmark is named by the head and the name together (the name alone is a person's)
        value = s.span(m.first, last) if landmark else f"{name}\t{head.word} {name}"
        s.emit(MentionKind.PLACE, m.first, last, value, head.place_type)


def _person_from(s: State, i: int) -> bool:
    """Does the recogniser read a person's name of several words from token ``i`` on, and no place there, whose
    words after the first stand in the dictionary form as the first does (Чан Ван Хоа; not Гелдерланд Маартеном ван
    дер Линденом, where the name declines and the place's word does not)?"""
    if any(kind == MentionKind.PLACE and first == i for kind, first, last in s.proposals):
        return False
    last = next((last for kind, first, last in s.proposals if kind == MentionKind.PERSON and first == i and last > i),
                None)
    if last is None:
        return False
    rest = s.texts[i + 1:last + 1]
    return s.dictionary_form(rest, person=True) == " ".join(rest)


def _plural_head(s: State, m: Match[Head], before: str = "") -> bool:
    """``universities``, ``университеттері``, ``областях``: a head noun in the plural names a class, or several
    bodies or places (after the word ``before``, where agreement tells: Жамбылской области is singular)."""
    return profile(s.language).forms.plural_head(s.texts[m.last], m.payload.word, before)


def _named_with_head(s: State, m: Match[Head]) -> Mention | None:
    """The place the lexicon knows by a name and this plural head noun (Западно-Казахстанскую области, Zhambyl
    regions), which may be the last of several names before it."""
    if m.payload.kind != "place" or m.first == 0 or not _plural_head(s, m, s.texts[m.first - 1]):
        return None
    start, end = s.toks[m.first].start, s.toks[m.last].end
    return next((g for g in s.out if g.kind == MentionKind.PLACE and g.end == end and g.start < start), None)


def _coordinated(s: State, m: Match[Head], named: Mention | None = None) -> bool:
    """``Kawasaki and Marubeni companies``, ``Х және Y университеттері``, ``Кызылординской и Жамбылской
    областях``: one body or place per name before a plural head; one name alone before it (Lithuanian
    universities) is a class, not a body. Was there more than one? A place the lexicon read with the head
    (``named``) is the last name, and stays as it was read."""
    parts: list[tuple[int, int]] = []
    end: int | None = None
    j = m.first - 1
    if named is not None:
        start = next(k for k in range(m.first) if s.toks[k].start == named.start)
        end, j = m.first - 1, start - 1
    towns: list[Mention] = []
    while j >= 0 and not s.barrier[j]:
        t = s.texts[j]
        if s.covered[j]:
            # a town's name, or a state's in a place's name (Батыс Қазақстан облыстары)
            town = _town_at(s, j, MentionKind.PLACE, *((MentionKind.COUNTRY,) if m.payload.kind == "place" else ()))
            if town is None:
                break
            towns.append(town)
        if end is not None and s.is_capitalised(j) \
                and SURNAME_ENDINGS.search(s.dictionary_form([t], person=True).lower()):
            break  # a person's surname before the first name (Р. Исатаев Қостанай және ... облыстарының)
        if s.is_capitalised(j) or LATIN_CAPITALISED.match(t):
            end = j if end is None else end
            start = j
        elif end is not None and (t in COORDINATORS or fold(t) in COORDINATORS):
            parts.append((start, end))
            end = None
        else:
            break
        if j > 0 and "\n" in s.view[s.toks[j - 1].end:s.toks[j].start]:
            break
        j -= 1
    if end is not None:
        if s.sentence_initial(start) and s.common_word(s.texts[start]):
            start += 1
        if start <= end:
            parts.append((start, end))
    if len(parts) < 2 or any(t.kind == MentionKind.COUNTRY and t.start == s.toks[first].start
                             for t in towns for first, _ in parts):
        return False  # a state's name alone is no place's: Қазақстан мен Ресей облыстары are the states' regions
    for town in towns:
        s.out.remove(town)
    head = m.payload
    language = profile(s.language)
    form = head.word[:1].upper() + head.word[1:] if language.title_case_heads else head.word
    # the head a place's name is declined with, in the singular: Жамбылской областях, Жамбылская область
    singular = language.forms.singular(s.texts[m.last], head.word) if head.kind == "place" else head.word
    town_at = {town.start: town for town in towns}
    for first, last in parts[1:] if named is not None else parts:
        end = m.last if first == parts[0][0] else last
        town = town_at.get(s.toks[first].start) if first == last else None
        region = s.lex.region_named_after(town.value) if town is not None and head.subtype == "region" else None
        if region is not None:
            # a town's name before a plural head of regions: the region named after it (Самарқанд және Бұхара
            # облыстары)
            s.emit(MentionKind.PLACE, first, end, region, "region")
        elif head.kind == "organization":
            s.emit(MentionKind.ORGANIZATION, first, end, f"{' '.join(s.texts[first:last + 1])} {form}", head.subtype)
        else:
            _emit_place(s, first, end, s.texts[first:last + 1], singular, form, head)
    return True


def _emit_place(s: State, first: int, end: int, name_words: list[str], head_word: str, form: str, head: Head) -> None:
    """A place of the name's words and its head noun (``head_word`` as the name is declined with it, ``form`` as
    the name is shown with it): a town by its name alone and with the head, else the name with the head, in its
    dictionary form where the name's words decline."""
    name = " ".join(name_words)
    if head.subtype in ("city", "area"):
        s.emit(MentionKind.PLACE, first, end, f"{name}\t{name} {form}", head.place_type)
    elif profile(s.language).name_words_decline:
        s.emit(MentionKind.PLACE, first, end, s.dictionary_form([*name_words, head_word]), head.subtype)
    else:
        s.emit(MentionKind.PLACE, first, end, f"{name} {form}", head.subtype)


def _town_at(s: State, j: int, *kinds: MentionKind) -> Mention | None:
    """The one-word mention of one of these kinds at token ``j``, if any (Kawasaki, Сәтбаев: a town's name is a
    body's too)."""
    t = s.toks[j]
    return next((m for m in s.out if m.kind in kinds and m.start == t.start and m.end == t.end), None)


def _place_before(s: State, j: int) -> bool:
    """``Мумбайда Махараштра штатының``: a place the recogniser proposes that ends at token ``j`` with a case
    ending of place is where something happens, not a word of the next place's name (a place the gazetteer
    knows is read before the head nouns)."""
    return any(kind == MentionKind.PLACE and last == j for kind, first, last in s.proposals) and profile(
        s.language).has_case(s.texts[j], Case.LOCATIVE, Case.LOCATIVE_ATTRIBUTE, Case.DATIVE)


def _common_opening(s: State, m: Match[Head], first: int) -> bool:
    """Is the name before a head one common word that opens a sentence? Where names write their heads in
    capitals, such a word heads nothing (The company ...); nor does it open the name of a body other than a
    state's (Талқылау орталығында: at the centre of the talks), as it may a ministry's (Сауда министрлігі)."""
    if first != m.first - 1 or not s.sentence_initial(first) or not s.common_word(s.texts[first]):
        return False
    lower_head = profile(s.language).title_case_heads and s.texts[m.last].islower()
    return lower_head or (m.payload.kind == "organization" and m.payload.subtype not in STATE_BODIES)


def _name_start(s: State, head_index: int, *, organization: bool = False, town_named: bool = False,
                state_named: bool = False) -> int | None:
    """Walk back from a head noun over the name: capitalised words, a few modifiers, other heads.

    An organization's name may also hold (the dependants of its head noun): a place or state
    named in it (Көкшетау мемлекеттік университеті, Moscow State University), a body in the
    genitive with a place in the locative before the head (университетінің Нұр-Сұлтандағы
    филиалы), a region whose head is in the genitive (Ақмола облысының әкімдігі), and the
    person it is named after (Ш. Уәлиханов атындағы ...).
    """
    j = head_index - 1
    first: int | None = None
    steps = 0
    capitals = 0
    limit = MAX_NAME_STEPS if organization else MAX_PLACE_STEPS
    # A proposed person's name before a town's name (Чжао Ганмен Сиань қаласында) is no part of it.
    place = not organization and any(s.is_head(head_index, subtype, "after") for subtype in ("city", "region"))
    while j >= 0 and steps < limit and not s.barrier[j]:
        if place and j < head_index - 1 and (j in s.in_proposed_name or _place_before(s, j)):
            break
        if s.covered[j]:
            inner = _mention_ending_at(s, j)
            if inner is None:
                break
            mention, start = inner
            if mention.kind == MentionKind.ORGANIZATION:
                # (a body before a place's head names no place: «X» компаниясы Алтай ауданында)
                if organization and (_is_nominative_head(s, j) or s.has_case(j, Case.GENITIVE)) \
                        and fold(s.texts[j + 1]) not in COORDINATORS:
                    first = start  # (not a body joined to this one: Curtin University and Karaganda University)
                break
            if not (organization and mention.kind in (MentionKind.PLACE, MentionKind.COUNTRY)
                    and (_place_in_name(s, start, j, head_index, town_named)
                         or (state_named and j == head_index - 1
                             and not _name_goes_on(s, head_index)))):
                break  # (a state's or place's name right before a state body's head is the body's: Жапония
                # Парламенті, Ақмола облысының әкімдігі)
            first, capitals = start, capitals + 1
            steps += j - start + 1
            j = start - 1
            pair = _state_pair(s, j) if organization and mention.kind == MentionKind.COUNTRY else None
            if pair is not None:  # Қазақстан – Венгрия үкіметаралық комиссиясы: the two states it joins
                first = pair
                break
            if j >= 0 and "\n" in s.view[s.toks[j].end:s.toks[start].start]:
                break
            continue
        t = s.texts[j]
        if organization and first is not None and s.lex.is_word(t, "named-after", s.language):
            named = _named_after(s, j)
            if named is not None:
                first = named
            break
        if s.is_capitalised(j) and capitals and SURNAME_ENDINGS.search(
                s.dictionary_form([t], person=True).lower()):
            break
        if organization and s.has_case(j, Case.GENITIVE) and t[:1].isupper():
            break  # a possessor, not a word of the name: Компанияның филиалы
        if s.is_capitalised(j) or LATIN_CAPITALISED.match(t) or (t.isupper() and len(t) >= 2) or (
                organization and MIXED_ACRONYM.match(t)):
            first = j
            capitals += 1
        elif not (s.modifier(j) or (t in LATIN_LINKS and first is not None) or (
                organization and (_genitive_place_head(s, j) or bare_name_word(s, j)))):
            break
        if j > 0 and "\n" in s.view[s.toks[j - 1].end:s.toks[j].start]:
            break
        j -= 1
        steps += 1
    if first is None:
        return None
    if place and j >= 0 and s.barrier[j] and j == first - 1 and first < head_index - 1 \
            and not s.lex.is_word(s.texts[first], "qualifier", s.language):
        # Елші Ербол Сарыбай Измир қаласына: right after a post stands its holder's name, not the town's
        first = head_index - 1
    holder = s.holder_name_end(first, head_index) if organization and j == first - 1 else None
    if holder is not None and holder < head_index:
        # Елші Марко Мартин облыс әкімдігінде: the post's holder, and the body's name is what follows the holder's
        # name, if any word of it is capitalised
        if all(not s.is_capitalised(k) and not s.covered[k] for k in range(holder, head_index)):
            return None
        first = holder
        while first < head_index - 1 and s.texts[first] in LATIN_LINKS:
            first += 1  # Rector A and Tashkent State University's rector B: the word joining the two opens no name
    # A sentence's first word is capitalised anyway: a common word there is not part of the name.
    if first < head_index - 1 and s.sentence_initial(first) and not s.covered[first] and s.common_word(s.texts[first]) \
            and not CAPITAL_LETTER.match(s.texts[first]) and not s.lex.is_word(s.texts[first], "qualifier", s.language):
        first += 1
        # and the lower-case words after it (Бұл туралы ...) open no name either
        while first < head_index - 1 and s.texts[first].islower() and not s.covered[first]:
            first += 1
        if organization and s.texts[first].islower():
            return None  # Бүгін білім министрлігі: no capitalised word is left to open the name
    return first


def _name_goes_on(s: State, head_index: int) -> bool:
    """Does a capitalised word follow the head, a longer body's name going on (Жапония Парламенті Кеңесшілер
    палатасы: the parliament's chamber, one body)?"""
    return head_index + 1 < len(s.texts) and s.is_capitalised(head_index + 1)


def _state_pair(s: State, j: int) -> int | None:
    """Where the state's name starts that a dash at token ``j`` joins to the state after it (Қазақстан – Венгрия,
    Kazakhstan-Hungary), if one does."""
    if j < 1 or s.texts[j] not in STATE_DASHES or not s.covered[j - 1]:
        return None
    inner = _mention_ending_at(s, j - 1)
    return inner[1] if inner is not None and inner[0].kind == MentionKind.COUNTRY else None


def bare_name_word(s: State, j: int) -> bool:
    """A lower-case word inside a body's name where case endings mark a phrase: a noun as written, with no
    case ending (Денсаулық сақтау министрлігі, Сауда және интеграция министрлігі), or a word joining two."""
    lang = profile(s.language)
    t = s.texts[j]
    parts = HYPHEN.split(t)  # сауда-өнеркәсіп: each part a noun as written
    if not lang.marks_case or not all(p.isalpha() for p in parts) or not t.islower() or s.covered[j]:
        return False
    if fold(t) in ORG_LINKS:  # between two lower-case words: Сауда және интеграция, not Kawasaki мен Marubeni
        # the word before a common one (Сауда), not a name's (Пак Мин Джи және облыстық ... басқармасы)
        return 0 < j < len(s.texts) - 1 and s.texts[j - 1][:1].isalpha() and s.texts[j + 1].islower() and (
            s.texts[j - 1].islower() or s.common_word(s.texts[j - 1]))
    # a sector's name in its dictionary form (сауда) is no stem with an ending (сау+да, a verb's -уда)
    nouns = s.lex.sector_nouns(s.language)
    return all(fold(p) in nouns or (not any(ending.search(p) for _case, ending in lang.case_endings)
                                    and not _common_verb(p)) for p in parts)


def _common_verb(word: str) -> bool:
    """A verb form that ends a clause (өтті, келді, болады): never inside a name."""
    return bool(VERB_ENDING.search(word))


def _place_in_name(s: State, start: int, last: int, head_index: int, town_named: bool = False) -> bool:
    """May the place or state at tokens ``start``..``last`` be a word of the name the head at ``head_index``
    closes? As written (Көкшетау, Moscow), in the genitive (Қазақстанның), or in the locative with more
    name before it (университетінің Нұр-Сұлтандағы); where heads are written in capitals, only before one."""
    lang = profile(s.language)
    if lang.title_case_heads and not s.texts[head_index][:1].isupper():
        return False
    if s.texts[start].islower():
        return False  # a state's adjective (венгриялық MOL компаниясы): whose the body is, no word of its name
    t = s.texts[last]
    if fold(s.dictionary_form([t])) == fold(t) or _as_named(s, start, last) or s.has_case(last, Case.GENITIVE):
        # A place right before the head is its own (Қытай компаниясы), but a university is named by its town (and
        # ``town_named`` says where a company is too: Uzbekistan Airways).
        return last < head_index - 1 or town_named
    return s.has_case(last, Case.LOCATIVE_ATTRIBUTE) and start > 0 and s.covered[start - 1] \
        and s.has_case(start - 1, Case.GENITIVE)


def _as_named(s: State, start: int, last: int) -> bool:
    """Are tokens ``start``..``last`` a town's or region's name as the gazetteer writes it (Қызылорда, whose -да is
    no ending)?"""
    written = fold(" ".join(s.texts[start:last + 1]))
    return any(m.last == last and m.payload.kind == "place" and fold(m.payload.name) == written
               for m in s.match.names.match_at(s.texts, start))


def _genitive_place_head(s: State, j: int) -> bool:
    """A region's or city's head noun in the genitive inside a body's name: Ақмола облысының әкімдігі."""
    t = s.texts[j]
    return s.has_case(j, Case.GENITIVE) and j > 0 and s.is_capitalised(j - 1) and any(
        h.kind == "place" and word_matches(t, h.word, s.language)
        and profile(s.language).forms.head_fits(t, h.word) for h in s.lex.heads_for(s.language))


def _named_after(s: State, j: int) -> int | None:
    """First token of the person's name before ``атындағы`` at ``j``: initials and capitalised words."""
    k, first = j - 1, None
    while k >= 0 and j - k <= MAX_NAME_TOKENS + 3 and not s.covered[k] and not s.barrier[k]:
        t = s.texts[k]
        if s.sentence_initial(k) and not CAPITAL_LETTER.match(t) and (
                s.common_word(t) or first is not None):
            break  # a sentence's first word is capitalised anyway: before another name word it is not one
        if first is not None and CAPITAL_LETTER.match(s.texts[first]) and s.texts[first + 1] == "." \
                and not CAPITAL_LETTER.match(t):
            break  # a name opens with its initials: a word before them is another's (Т. Варга | А. Байтұрсынұлы)
        if s.is_capitalised(k) or CAPITAL_LETTER.match(t) or (CAPITALISED_ANY.match(t) and t[:1].isupper()):
            first = k
        elif not (t == "." and k > 0 and CAPITAL_LETTER.match(s.texts[k - 1])):
            break
        k -= 1
    if first is not None and k >= 0 and s.barrier[k]:
        # Елші Ербол Сарыбай Әл-Фараби атындағы: right after a post stands its holder; the body's namesake
        # is the last word, with its initials
        first = j - 1
        while first >= 2 and s.texts[first - 1] == "." and CAPITAL_LETTER.match(s.texts[first - 2]):
            first -= 2
    return first


def _of_a_place(s: State, first: int, head: int) -> bool:
    """Does a name or a place's head in the genitive or the locative stand in a name or right before it (Мату-Гросу
    штатының, Мысырдың, Батыс Африкадағы): the head is that place's?"""
    return any((s.is_capitalised(j) or s.is_head(j, kind="place")) and s.has_case(j, Case.GENITIVE, Case.LOCATIVE)
               for j in range(max(0, first - 1), head))


def _mention_ending_at(s: State, j: int) -> tuple[Mention, int] | None:
    """The organization, place or country mention that ends at token ``j`` and its first token, if one does."""
    end = s.toks[j].end
    for m in reversed(s.out):
        if m.kind in (MentionKind.ORGANIZATION, MentionKind.PLACE, MentionKind.COUNTRY) and m.end == end:
            return m, next(k for k, t in enumerate(s.toks) if t.start == m.start)
    return None


def _is_nominative_head(s: State, j: int) -> bool:
    """An organization name that another head extends stays in its dictionary form (Сенаты Аппараты)."""
    t = fold(s.texts[j])
    return t in s.lex.folded_heads(s.language) or t in s.lex.organization_last_words()


