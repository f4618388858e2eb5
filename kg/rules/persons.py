"""Persons: the name after a post (or after the post's complements, where case endings do not mark
the phrase), names with initials (Р. Василенко), surname-shaped pairs, the persons the recogniser
proposes, trimmed to their name words, and later bare repeats of a surname already found."""

from __future__ import annotations

import itertools
import re

from kg.lang import profile, word_key
from kg.letters import HYPHEN
from kg.model import MentionKind
from kg.morphology import syllable_letter
from kg.rules.state import (
    CAPITAL_LETTER,
    COMPLEMENT_OPENERS,
    LATIN_CAPITALISED,
    MAX_NAME_TOKENS,
    PATRONYMIC,
    PLACE_PREPOSITIONS,
    SCOPE_LINKS,
    SCOPE_PREPOSITIONS,
    SURNAME_ENDINGS,
    TITLE_LINKS,
    State,
    surname_shaped,
)
from kg.text import abbreviations, fold

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# His or Her Excellency, as tokens: H . E .
EXCELLENCY = ("H", ".", "E", ".")
# Words a Russian or English post phrase holds between the post and the name.
PHRASE_WORDS = frozenset({"of", "the", "to", "in", "at", "for", "and", "в", "во", "при", "по", "и", "г", "города",
                          "городе", ",", "(", ")", "-", "–"})
PHRASE_REACH = 24
# Tokens from a post word to the name whose case it governs, and the tokens that end a sentence on the way.
GOVERNOR_REACH = 8
# Capitalised words read after "and" for the post they may open (and Bavarian Economy Minister B).
POST_AHEAD = 3
# Words of a name read right after a post where titles capitalise their words: more are a body's name before it
# (of Confindustria Lombardia Francesco Buzzella).
TITLED_NAME_TOKENS = 3
# Capitalised words read back from an honorific that follows a name (Асқар Бекмұратов Анна Новак ханыммен).
HONORIFIC_NAME_TOKENS = 3
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
# An initial and the hyphen that joins it to the next (Ж.-П. Дюпон: Жан-Пьер), as a name's value writes them.
INITIAL_HYPHENS = (".-", ".‐")


def read_persons(s: State) -> None:
    """Names after the posts, names with initials, surname-shaped pairs, proposed persons, and their repeats."""
    found: list[tuple[int, int]] = []
    # Where case endings mark the post phrase the name follows the post; elsewhere its complements may.
    marks_case = profile(s.language).marks_case
    name_after = _name_after if marks_case else _name_after_phrase
    for m in s.role_matches:
        if not marks_case and _apposed_to_person(s, m.first):
            continue  # Peter Jansen, director of Delta Aqua: the post is his; the name after it a body's
        span = name_after(s, m.last + 1, single=_monarch(s, m.first, m.last))
        if span:
            found.append(span)
    for i in range(len(s.texts) - 1):
        if s.texts[i + 1] == ".":  # initials have their full stop after them; most tokens do not
            span = _initials_name(s, i)
            if span:
                found.append(span)
    if profile(s.language).honorific_after_name:
        # The honorific ends the name: a name read on into it (Асқар Бекмұратов Анна) stops before it.
        for first, last in [span for i in range(len(s.texts)) if (span := _name_before_honorific(s, i))]:
            found = [(a, min(b, first - 1) if a < first else b) for a, b in found if not first <= a <= last]
            found.append((first, last))
    covered, capitalised = s.covered, s.capitalised
    for i in range(len(s.texts) - 1):
        if covered[i] or covered[i + 1]:
            continue
        if capitalised[i] and capitalised[i + 1] and not s.toks[i].clutter and not (
                s.sentence_initial(i) and s.common_word(s.texts[i], inflected=True)) and not _paragraph_between(
                s, i, i + 1):  # a title's last word and the next paragraph's first are no name
            surname = s.dictionary_form([s.texts[i + 1]], person=True)
            if surname_shaped(surname) and CYRILLIC.search(surname):
                found.append((i, i + 1))
    trimmed: set[tuple[int, int]] = set()  # the proposed names, as trimmed
    for kind, first, last in s.proposals:
        if kind == MentionKind.PERSON:
            span = _proposed_name(s, first, last)
            span = _agreeing(s, span) if span else None
            if span:
                # A post's name that runs in from the left (General Sultan Raev, губернатором Бурсы Махмутом)
                # yields to the proposal, one that can stand (no word of it read as something else: Сарыбай Измир
                # қаласына); not where case endings mark the post phrase, all of whose words precede the post
                # (елшісі Мехмет Сами Өзтүркпен).
                if span[1] > span[0] and not any(s.covered[k] for k in range(span[0], span[1] + 1)):
                    found = [f for f in found if not f[0] < span[0] <= f[1] <= span[1] or marks_case]
                if marks_case:  # the post tells where the name starts, the recogniser where it ends
                    found = [_joined_name(s, f, span) for f in found]
                found.append(span)
                trimmed.add(span)
    if marks_case:
        found.extend(_unknown_names(s, found))
    accepted: list[tuple[int, int]] = []
    for first, last in _ordered(s, found):
        if any(_paragraph_between(s, k, k + 1) for k in range(first, last)):
            continue  # no name runs over a blank line (Tecnopack S.p.A. | The Ambassador)
        if any(s.covered[k] for k in range(first, last + 1)):
            rest = _second_name(s, first, last, accepted) if (first, last) in trimmed else None
            if rest is None:
                continue
            first, last = rest
        if (first, last) in trimmed and _repeated_surname_first(s, first, last, accepted):
            last = first  # Клаудия Хофман ... Министр Хофман Фрайберг тау-кен академиясы: the surname again
        last = _initials_end(s, first, last)
        _emit_person(s, first, last)
        accepted.append((first, last))
    accepted.extend(_coordinated_names(s, accepted))
    _repeats(s, accepted)


def _apposed_to_person(s: State, first: int) -> bool:
    """Does a post starting at token ``first`` stand in apposition after a person's name the recogniser proposes
    (X, the director of Y)?"""
    k = first - 1
    while k >= 0 and fold(s.texts[k]) in profile(s.language).determiners:
        k -= 1
    return k > 0 and s.texts[k] == "," and any(
        kind == MentionKind.PERSON and last == k - 1 for kind, _, last in s.proposals)


def _repeated_surname_first(s: State, first: int, last: int, accepted: list[tuple[int, int]]) -> bool:
    """Does a proposed name of several words open with the surname of a name read before in full, and go on with
    other words than that name's given name (not the order surname, given name)?"""
    if last == first:
        return False
    surname = fold(s.dictionary_form([s.texts[first]], person=True))
    return any(b > a and fold(s.dictionary_form([s.texts[b]], person=True)) == surname
               and fold(s.texts[a]) != fold(s.texts[first + 1]) for a, b in accepted)


def _second_name(s: State, first: int, last: int, accepted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """``Асқар Мамин Марк Рюттемен``: a proposed name whose first words a name that ends in a surname has taken goes
    on with a second person's name, of two capitalised words or more that nothing else reads."""
    end = next((b for a, b in accepted if a == first and b < last and SURNAME_ENDINGS.search(
        s.dictionary_form([s.texts[b]], person=True).lower())), None)
    if end is None or last - end < 2 or any(s.covered[k] or not s.is_capitalised(k) for k in range(end + 1, last + 1)):
        return None
    return end + 1, last


def _agreeing(s: State, span: tuple[int, int]) -> tuple[int, int]:
    """A name without its first words that stand in another case than the rest (университета Сапиенца | Антонеллой
    Полимени: the body's name, in the genitive, before the rector's, in the instrumental)."""
    first, last = span
    cut = profile(s.language).words_outside_name(s.texts[first:last + 1], _governor(s, first))
    return (first + cut, last) if cut and last - first > cut else span


def _paragraph_between(s: State, a: int, b: int) -> bool:
    """Does a blank line stand between tokens ``a`` and ``b`` (a title and the text under it)?"""
    return s.view.count("\n", s.toks[a].end, s.toks[b].start) >= 2


def _ordered(s: State, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names found, in text order. Of two that start at one word, the longer comes first where the shorter ends
    in a patronymic (Серік Әлиұлы Жұмабеков, Иван Петрович Сидоров: the surname follows it), and where every word
    of a name declines (Russian: the name read after a post agrees in case, a recogniser's may stop a word short);
    in Kazakh, where only the last word takes the ending, the recogniser's end stands otherwise."""
    declines = profile(s.language).name_words_decline

    def key(span: tuple[int, int]) -> tuple[int, bool, int]:
        first, last = span
        cut = (declines or bool(PATRONYMIC.search(s.texts[last])) or _particle_next(s, last)) and any(
            f == first and end > last for f, end in found)
        return first, cut, last

    return sorted(set(found), key=key)


def _joined_name(s: State, after_post: tuple[int, int], proposed: tuple[int, int]) -> tuple[int, int]:
    """A name read after a post that a proposed name goes on from (Елшісі Луис Франсиско Мартинес | Франсиско
    Мартинес Монтеспен): one name from the post's start to the proposal's end, of four words at most, where no
    word it gains is read as something else (Ербол Сарыбай | Измир қаласына)."""
    first, last = after_post
    if first < proposed[0] <= last < proposed[1] and proposed[1] - first < MAX_NAME_TOKENS and not any(
            s.covered[k] for k in range(last + 1, proposed[1] + 1)):
        return first, proposed[1]
    return after_post


def _unknown_names(s: State, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In a sentence with a word of meeting, two or three capitalised words that nothing else has read and that
    are no common words are a person's name (Маджид Самадзаде Сабер облыс әкімімен кездесті): where case endings
    mark the phrase, a post, place or body around them would have been read."""
    cues = [m.first for m in s.function_words if m.payload[0] == "meeting"]
    if not cues:
        return []
    sentence = s.sentence_numbers
    told = {sentence[c] for c in cues}
    taken = {k for first, last in found for k in range(first, last + 1)}

    def name_word(j: int) -> bool:
        return sentence[j] in told and s.capitalised[j] and not (
            s.covered[j] or s.barrier[j] or s.toks[j].clutter or j in taken or s.common_word(s.texts[j]))

    out: list[tuple[int, int]] = []
    i = 0
    while i < len(s.texts):
        if not name_word(i):
            i += 1  # no name starts here
            continue
        j = i
        while j < len(s.texts) and j - i <= MAX_NAME_TOKENS and sentence[j] == sentence[i] and name_word(j):
            j += 1
        if 2 <= j - i <= MAX_NAME_TOKENS and (i == 0 or sentence[i - 1] != sentence[i] or not s.is_capitalised(
                i - 1)) and (j == len(s.texts) or sentence[j] != sentence[i] or not s.is_capitalised(j)):
            out.append((i, j - 1))
        i = max(j, i + 1)
    return out


def _coordinated_names(s: State, accepted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``Асқар Мұсабаев пен Лука Дзайа``: two or three capitalised words that nothing else has read, joined by
    "and" to a person's name, are a person too."""
    out: list[tuple[int, int]] = []
    for first, last in accepted:
        for conj, step in ((last + 1, 1), (first - 1, -1)):
            if not 0 <= conj < len(s.texts) or not s.texts[conj].islower() or not s.lex.is_word(
                    s.texts[conj], "and", s.language):
                continue
            run: list[int] = []
            k = conj + step
            while 0 <= k < len(s.texts) and len(run) <= MAX_NAME_TOKENS and not s.covered[k] and not s.barrier[k] \
                    and s.is_capitalised(k) and not s.toks[k].clutter and not (step < 0 and s.sentence_initial(k)):
                run.append(k)
                k += step
            words = sorted(run)
            title = 0 <= k < len(s.texts) and s.barrier[k]  # Bavarian Economy Minister: a post's title words
            if 2 <= len(words) <= MAX_NAME_TOKENS and not title and all(
                    s.toks[b].start - s.toks[a].end <= 1 for a, b in itertools.pairwise(words)):
                span = (min(run), max(run))
                _emit_person(s, *span)
                out.append(span)
    return out


def _proposed_name(s: State, first: int, last: int) -> tuple[int, int] | None:
    """A tagged person, trimmed to its name words: initials and two or three capitalised words."""
    while first <= last and (s.covered[first] or (
            s.sentence_initial(first) and s.common_word(s.texts[first], inflected=True))):
        first += 1  # a place the rules read at its start (области Лацио Франческо Рокку) is no part of it
    first = _after_honorifics(s, first)  # Академик Режеп ...: a title is no part of the name
    while first <= last and (s.barrier[last] or not (s.is_capitalised(last) or _syllable(s, first, last))):
        last -= 1
    if first > last:
        return None
    initials = _initials_at(s, first)
    surname = initials if initials is not None else first if _after_initials(s, first) else None
    if surname is not None and surname < last and surname_shaped(s.texts[surname]):
        last = surname  # Т. Исабеков Жиддада: initials and a surname are a whole name
    words = range(initials if initials is not None else first, last + 1)
    particles = profile(s.language).name_particles
    if not words or any(s.barrier[k] or not (s.is_capitalised(k) or (first < k < last and (
            word_key(s.texts[k]) in particles or _middle_initial(s, k))) or _syllable(s, first, k, last))
                        for k in words):
        return None
    if len(words) < 2 and initials is None:
        return None
    return first, last


def _middle_initial(s: State, k: int) -> bool:
    """Is token ``k`` an initial inside a name or its full stop (David K. Chen)?"""
    if s.texts[k] == ".":
        k -= 1
    return CAPITAL_LETTER.fullmatch(s.texts[k]) is not None and s.texts[k + 1] == "."


def _after_initials(s: State, i: int) -> bool:
    """Do initials (Т.) stand right before token ``i``?"""
    return i >= 2 and s.texts[i - 1] == "." and CAPITAL_LETTER.match(s.texts[i - 2]) is not None


def _syllable(s: State, first: int, k: int, last: int | None = None) -> bool:
    """A capital vowel alone in a proposed name, beside a capitalised word of it, with no full stop after it: a
    name's word of one syllable (Ван И: Wang Yi; У Вон Сик: Woo Won-shik), not an initial. ``last``: where the
    name ends, for a syllable that opens it."""
    if len(s.texts[k]) != 1 or not syllable_letter(s.texts[k]) or (k + 1 < len(s.texts) and s.texts[k + 1] == "."):
        return False
    return (k > first and s.is_capitalised(k - 1)) or (
        last is not None and k == first < last - 1 and s.is_capitalised(k + 1) and s.is_capitalised(k + 2))


def _name_before_honorific(s: State, i: int) -> tuple[int, int] | None:
    """Where honorifics follow the name, two or three capitalised words right before one (Анна Новак ханыммен);
    a surname-shaped first word of three after another name's word is that name's (Асқар Бекмұратов Анна Новак)."""
    if s.capitalised[i] or not s.honorific(s.texts[i]):
        return None
    first = i
    words = 0  # the name's words, not its particles (Салех бин Хамад әл-Кувари мырзамен)
    while first > 0 and words < HONORIFIC_NAME_TOKENS and not (
            s.covered[first - 1] or s.barrier[first - 1] or s.toks[first - 1].clutter
            or _paragraph_between(s, first - 1, first)):
        if s.is_capitalised(first - 1):
            words += 1
        elif not (first < i and first > 1 and _particle_next(s, first - 2) and s.is_capitalised(first - 2)):
            break
        first -= 1
    if words == HONORIFIC_NAME_TOKENS and first > 0 and s.is_capitalised(first - 1) and SURNAME_ENDINGS.search(
            s.texts[first].lower()):
        first += 1
    if first < i and s.sentence_initial(first) and s.common_word(s.texts[first], inflected=True):
        first += 1
    return (first, i - 1) if words >= 2 else None


def _emit_person(s: State, first: int, last: int) -> None:
    words = [w for w in s.texts[first:last + 1]]
    value = _person_value(s, words, _governor(s, first))
    s.emit(MentionKind.PERSON, first, last, value)


def _governor(s: State, first: int) -> str:
    """The words that govern the case of a name starting at ``first``: its post's words, complements between
    (губернатором провинции Осака Хирофуми Ёсимурой), or else the word right before it (с)."""
    role = max((m for m in s.role_matches if m.last < first and first - m.last <= GOVERNOR_REACH), default=None,
               key=lambda m: m.last)
    if role is not None and not any(t in SENTENCE_ENDS for t in s.texts[role.last + 1:first]):
        return " ".join(s.texts[role.first:role.last + 1])  # советником посольства: its head may come first
    return s.texts[first - 1] if first > 0 else ""


def _person_value(s: State, words: list[str], governor: str = "") -> str:
    """``Р . Василенко`` → ``Р. Василенко``, ``Ж . - П . Дюпон`` → ``Ж.-П. Дюпон``; case ending off the last word."""
    parts: list[str] = []
    for w in words:
        if parts and (w == "." or (HYPHEN.fullmatch(w) and parts[-1].endswith(".")) or parts[-1].endswith(
                INITIAL_HYPHENS)):
            parts[-1] += w
        else:
            parts.append(w)
    named = profile(s.language).name_form(parts, MentionKind.PERSON, governor)
    return named if named is not None else " ".join(parts)


def _name_after(s: State, i: int, *, single: bool = False) -> tuple[int, int] | None:
    """The name right after a post: optional initials, then up to three capitalised words; one word only if it is
    surname-shaped, or after a monarch's title (``single``)."""
    honorific = _after_honorifics(s, i) > i
    i = _after_honorifics(s, i)
    start = i
    initials = _initials_at(s, i)
    if initials is not None:
        i = initials
    elif i + 2 < len(s.texts) and _syllable(s, i, i, i + 2):
        initials = i = i + 1  # a family name of one syllable before the given name's two (У Вон Сик)
    first = i
    count = 0
    # where case endings mark the phrase, its end shows where the name ends: a name of four words (Луис Франсиско
    # Мартинес Монтеспен) is read whole; where titles capitalise their words, three words at most after a post
    most = MAX_NAME_TOKENS if profile(s.language).marks_case else TITLED_NAME_TOKENS
    while i < len(s.texts) and count < most and not s.covered[i]:
        if count:
            i = _past_particles(s, i, after_given_name=count == 1)  # Nicolaas van der Brugge, Faisal bin Thani
        if i >= len(s.texts) or s.covered[i] or not (
                s.is_capitalised(i) or (LATIN_CAPITALISED.match(s.texts[i]) and len(s.texts[i]) > 1
                                        and not s.honorific(s.texts[i]))):
            break
        if count and s.toks[i].start - s.toks[i - 1].end > 1:
            break
        i += 1
        count += 1
        middle = _initials_at(s, i) if count == 1 and i < len(s.texts) else None
        if middle is not None and middle < len(s.texts) and s.is_capitalised(middle):
            i = middle
    if count == 0 or (count == 1 and initials is None and not single and not _looks_like_single_name(s, first)):
        return None
    if count == most and initials is None and not honorific and profile(s.language).title_case_heads:
        tail = _run_end(s, i)
        if tail > i:  # of Confindustria Lombardia Francesco Buzzella: a body's name, then the person's two words
            return tail - 2, tail - 1
    # Director of Cultural Affairs, Председатель Сената Парламента: capitalised common words after a post are a title
    # or a body, not a name (Mr. Grace Young is one), where the common-word test knows names (not Берік Арын); in a
    # headline, in any form (Ambassador Discusses Industrial Cooperation), and one that opens with such a word
    # (Ambassador Visits Mangystau).
    lang = profile(s.language)
    if not honorific and initials is None and count > 1 and (
            (lang.common_words_unnamed and all(s.common_word(s.texts[k], inflected=s.headline[k])
                                               for k in range(first, i)))
            or (lang.common_words_unnamed and s.headline[first] and s.common_word(s.texts[first], inflected=True))
            or (lang.title_case_heads and _sector_word(s, i - 1))):
        return None  # ... and a name that ends in a sector's word is a company's (Siemens Energy)
    return start, i - 1


def _run_end(s: State, i: int) -> int:
    """The index after the capitalised words that go on from ``i`` in one stretch of text."""
    while i < len(s.texts) and not s.covered[i] and not s.barrier[i] and s.is_capitalised(i) \
            and s.toks[i].start - s.toks[i - 1].end <= 1:
        i += 1
    return i


def _sector_word(s: State, i: int) -> bool:
    """Is token ``i`` a sector's cue word of its own (Energy, Logistics)?"""
    return any(m.last == i for m in s.match.sectors.match_at(s.texts, i))


def _particle_next(s: State, i: int) -> bool:
    """Does a name particle follow token ``i`` (Ниек Ян | ван Бреда): the name goes on past it?"""
    return i + 1 < len(s.texts) and word_key(s.texts[i + 1]) in profile(s.language).name_particles


def _past_particles(s: State, i: int, *, after_given_name: bool = False) -> int:
    """The index after the name particles at ``i`` (van der, bin, Al; after a given name also those that are words
    of the language: Микеле де Паскале), where a name word that nothing else reads follows them; else ``i``."""
    lang = profile(s.language)
    particles = lang.name_particles | lang.name_inner_particles if after_given_name else lang.name_particles
    j = i
    while j < len(s.texts) and not s.covered[j] and word_key(s.texts[j]) in particles:
        j += 1
    return j if j > i and j < len(s.texts) and s.is_capitalised(j) and not s.covered[j] else i


def _after_honorifics(s: State, i: int) -> int:
    """The index after any honorifics at ``i``: ``H.E. Mr.``, ``господин``, ``г-жа``."""
    while i < len(s.texts):
        if tuple(s.texts[i:i + len(EXCELLENCY)]) == EXCELLENCY:
            i += len(EXCELLENCY)
        elif s.honorific(s.texts[i]):
            i += 2 if i + 1 < len(s.texts) and s.texts[i + 1] == "." else 1
        else:
            return i
    return i


def _monarch(s: State, first: int, last: int) -> bool:
    """Is the post at tokens ``first``..``last`` a monarch's title (король, King, эмир): a name of one word follows
    it (Королю Бельгии Филиппу)?"""
    return any(s.lex.is_word(s.texts[k], "monarch", s.language) for k in range(first, last + 1))


def _name_after_phrase(s: State, i: int, *, single: bool = False) -> tuple[int, int] | None:
    """Russian and English: the name after the post's complements (of X, to Y, в Z), in one sentence; of one word
    after a monarch's title (``single``)."""
    limit = min(len(s.texts), i + PHRASE_REACH)
    j = i
    depth = 0
    scope = False  # within the scope after "for" or "of"
    while j < limit:
        t = s.texts[j]
        scope = fold(t) in SCOPE_PREPOSITIONS or (scope and (fold(t) in SCOPE_LINKS or (
            s.is_capitalised(j) and s.common_word(t))))
        if scope and fold(t) not in SCOPE_PREPOSITIONS and fold(t) not in SCOPE_LINKS:
            j += 1
            continue
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and _after_honorifics(s, j) > j:
            span = _name_after(s, j, single=single)
            if span:
                return span
            j = _after_honorifics(s, j)
            continue
        elif depth == 0 and not s.covered[j] and (s.is_capitalised(j) or _initials_at(s, j) is not None):
            if (j > 0 and fold(s.texts[j - 1]) in PLACE_PREPOSITIONS and _initials_at(s, j) is None) \
                    or j in s.in_headed_body or (j > 0 and s.texts[j - 1] == "&"):
                # President of the Chamber of Commerce, to the Mining & Metallurgy Congress: the body's words
                j += 1
                continue
            span = _name_after(s, j, single=single)
            span = _agreeing(s, span) if span else None
            if span and span[1] > span[0] and s.common_word(s.texts[span[1]]) and (
                    fold(s.texts[j - 1]) in COMPLEMENT_OPENERS or s.common_word(s.texts[span[0]])):
                # the CEO of Hassad Food, the Director of Batumi Sea Port, the head of the X Special Economic Zone:
                # a body's name, no person's
                j = span[1] + 1
                continue
            if span and span[0] == j and span[1] - j + 1 == TITLED_NAME_TOKENS and fold(s.texts[j - 1]) in \
                    COMPLEMENT_OPENERS and _initials_at(s, j) is None:
                span = (j + 1, span[1])  # of Confindustria Emanuele Orsini: the word after "of" is the complement
            if span and span[1] + 2 < len(s.texts) and s.texts[span[1] + 1] == "," \
                    and _after_honorifics(s, span[1] + 2) > span[1] + 2:
                j = span[1] + 2  # of the Ministry of Agriculture and Livestock Development, Dr. X: the body's words
                continue
            if span and (span[1] > span[0] or single or _initials_at(s, j) is not None):
                nxt = span[1] + 1
                # Director of Cultural Affairs and Trade: the title goes on; but before another post
                # (Governor of Izmir A B and Consul General C) the name is complete.
                if nxt + 1 < len(s.texts) and fold(s.texts[nxt]) in TITLE_LINKS \
                        and not s.texts[nxt + 1].islower() and not _post_ahead(s, nxt + 1):
                    j = nxt
                    continue
                return span
            j = (span[1] if span else j) + 1
            continue
        # a lower-case word ends the phrase, but for the class noun of a place or a body (губернатором префектуры
        # Хирофуми Ёсимурой, the chairman of the chamber X) and a word of a body's name (the CEO of Linde plc X)
        elif depth == 0 and not s.covered[j] and fold(t) not in PHRASE_WORDS and not s.barrier[j] \
                and (t in ".;:!?" or t.islower()) and not (t.islower() and (s.is_head(j) or j in s.in_headed_body)) \
                and not (t == "." and s.texts[j - 1] in abbreviations()):  # the CEO of X Inc. Y
            return None
        j += 1
    return None


def _post_ahead(s: State, i: int) -> bool:
    """Does a post begin at ``i``, or after a few capitalised words of its own (Bavarian Economy Minister)?"""
    for k in range(i, min(len(s.texts), i + POST_AHEAD)):
        if s.barrier[k]:
            return True
        if not s.is_capitalised(k):
            return False
    return False


def _looks_like_single_name(s: State, i: int) -> bool:
    """A lone word after a post is a name only if it is surname-shaped: a stem and a surname's ending (not Ұлы
    alone, a word of Ұлы Мәртебелі: His Majesty)."""
    form = s.dictionary_form([s.texts[i]], person=True).lower()
    ending = SURNAME_ENDINGS.search(form)
    return ending is not None and ending.start() >= 2


def _initials_end(s: State, first: int, last: int) -> int:
    """The last token of a name from ``first`` to ``last`` that opens with initials: the one surname after them, where
    another capitalised word follows it (Премьер-министр М.Кречмер Саксония компанияларының: the state's word is no
    part of the name)."""
    after = _initials_at(s, first)
    if after is not None and after < last and s.is_capitalised(after) and s.is_capitalised(after + 1):
        return after
    return last


def _initials_at(s: State, i: int) -> int | None:
    """Index after ``Р.`` or ``Е. Б.`` at ``i``, or None; ``H.E.`` (His Excellency) is no initials."""
    if i + 1 >= len(s.texts) or s.texts[i + 1] != "." or tuple(s.texts[i:i + len(EXCELLENCY)]) == EXCELLENCY:
        return None  # most tokens: no full stop after them
    j = i
    seen = 0
    while j + 1 < len(s.texts) and CAPITAL_LETTER.match(s.texts[j]) and s.texts[j + 1] == "." and seen < 3:
        j += 2
        seen += 1
        if _hyphen_joins_initials(s, j):
            j += 1  # Ж.-П. Дюпон: the initials of a hyphenated given name (Жан-Пьер) are one
    return j if seen else None


def _hyphen_joins_initials(s: State, j: int) -> bool:
    """Is token ``j`` a hyphen written with no space between two initials (the full stop before it, the letter after
    it, and that letter's full stop)?"""
    return j + 2 < len(s.texts) and HYPHEN.fullmatch(s.texts[j]) is not None and s.texts[j + 2] == "." \
        and CAPITAL_LETTER.match(s.texts[j + 1]) is not None \
        and s.toks[j - 1].end == s.toks[j].start and s.toks[j].end == s.toks[j + 1].start


def _initials_name(s: State, i: int) -> tuple[int, int] | None:
    if s.covered[i] or s.toks[i].clutter:
        return None
    after = _initials_at(s, i)
    if after is None or after >= len(s.texts) or s.covered[after] or not s.is_capitalised(after):
        return None
    if i > 0 and s.texts[i - 1] == "." and CAPITAL_LETTER.match(s.texts[max(i - 2, 0)]):
        return None
    return i, after


def _repeats(s: State, accepted: list[tuple[int, int]]) -> None:
    """Later (or earlier) bare surnames of a person already found: Жамармен, Ахметов."""
    surnames = {fold(s.dictionary_form([s.texts[last]], person=True)) for _, last in accepted}
    if not surnames:
        return  # no person found: no surname to repeat
    firsts = {fold(s.texts[first]): last for first, last in accepted if s.is_capitalised(first)}
    forms: dict[str, str] = {}  # a word's dictionary form, worked out once per report
    for i in range(len(s.texts)):
        if s.covered[i] or s.toks[i].clutter or not s.capitalised[i]:
            continue
        t = s.texts[i]
        form = forms.get(t)
        if form is None:
            form = forms[t] = fold(s.dictionary_form([t], person=True))
        if form in surnames and len(form) >= 3:
            first = i - 1 if i > 0 and fold(s.texts[i - 1]) in firsts and not s.covered[i - 1] else i
            _emit_person(s, first, i)


