"""Russian names in the nominative, from pymorphy3 and its OpenCorpora dictionary.

``name_nominative`` puts a person's name words in the nominative together: the words of one
name agree in case and gender, so ``Алексея Орлова`` (genitive, masculine) becomes ``Алексей
Орлов`` while ``Анна Орлова`` stays as it is. ``phrase_nominative`` does the same for place and
organization names: the head noun and the adjectives before it go to the nominative, the words
after the head (genitive complements) stay: ``Министерства иностранных дел`` → ``Министерство
иностранных дел``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from kg.letters import HYPHEN
from kg.model import MentionKind

if TYPE_CHECKING:
    import pymorphy3

CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁё]+(?:[-‐][А-Яа-яЁё]+)*$")
# Grammemes of proper names in the dictionary: given names, surnames, patronymics, places, organizations.
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
PERSON_NAME = frozenset({"Name", "Surn", "Patr"})
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
GENDERS = ("masc", "femn")
ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})
# The words an adjective agrees with.
AGREEING_POS = frozenset({"NOUN", "ADJF", "PRTF"})
NAME_POS = frozenset({"NOUN", "ADJF"})
VERB_POS = frozenset({"VERB", "INFN", "PRTS"})
# Prepositions that govern the case of the name after them: с губернатором, с Хирофуми Ёсимурой.
# The cases a name after a preposition, or after имени (named after), stands in.
PREPOSITION_CASES = {"с": frozenset({"ablt"}), "со": frozenset({"ablt"}), "имени": frozenset({"gent"})}
GOVERNED = frozenset({"ablt"})
# Endings of Kazakh, Turkic and foreign names in the nominative that the dictionary guesses as oblique cases
# of names in -а, -я, -ь (Сатыбалды, Бьянки, Россини).
GUESSED_ENDING = re.compile(r"[ыи]$", re.IGNORECASE)
# The accusative ending of a name in -а, -я (Фонтану, Рокку: of Фонтана, Рокка), which the dictionary guesses as
# the dative of a name in a consonant; and the nominative ending it stands for.
ACCUSATIVE_A = {"у": "а", "ю": "я"}
# The cases in which a man's name takes -а after a consonant: the genitive, and the accusative of a person.
OBJECT_CASES = frozenset({"gent", "accs"})
# The vowels a Russian word may end in: an indeclinable given name ends in one (Серджо, Аттилио).
RU_VOWELS = frozenset("аеёиоуыэюя")
# A name word in -а after a consonant: the genitive of a man's name in that consonant (Тангала: Тангал).
CONSONANT_A = re.compile(r"^[А-ЯЁ][а-яё]+[бвгджзклмнпрстфхцчшщ]а$")
GUESSED_INDECLINABLE = 5
# A woman's surname in -ова, -ева, -ина, -ына in an oblique case (Травниковой, Травникову), which the dictionary may
# read as an adjective's (Травниковая).
WOMANS_SURNAME = re.compile(r"^([А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын))(?:ой|у)$")
# A short name in -й after a vowel (Вэй, Лэй, Цуй) in the genitive or accusative (-я) or the dative (-ю), which the
# dictionary neither knows nor guesses at.
SHORT_J_NAME = re.compile(r"^[А-ЯЁ][а-яё]?[аеёиоуыэ]([яю])$")
SHORT_J_CASES = {"я": OBJECT_CASES, "ю": frozenset({"datv"})}
# The instrumental ending of a man's name in a consonant (Дучем, Озтюрком), where the dictionary reads none.
INSTRUMENTAL_CONSONANT = re.compile(r"^(\w+[бвгджзклмнпрстфхцчшщ])(?:ом|ем|ём)$")
# The endings of foreign place names the dictionary does not know and guesses as oblique cases: datives (Бейоглу,
# Ганьсу), genitives of names in -ь (Шэньси, Шаньси), forms of names in -я (Хэбэй).
INDECLINABLE_ENDING = re.compile(r"[уюий]$", re.IGNORECASE)
# A hyphen, kept when a word is split at it.
HYPHEN_KEPT = re.compile(r"([-‐])")
NOMINATIVE_ENDINGS = frozenset("аяь")
# The cases a place's name after its head noun is read in (an inanimate noun's accusative is its nominative), and no
# case at all (an indeclinable word).
NAME_CASES = frozenset({None, "nomn", "accs"})
# Shorter words are conjunctions and prepositions, not genitive complements.
MIN_GENITIVE = 3


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    # Imported here: a word outside the Russian alphabet never needs the dictionary, nor its import (about 15 ms).
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[pymorphy3.analyzer.Parse, ...]:
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=65536)
def common_word(word: str, *, inflected: bool = False) -> bool:
    """A word the dictionary knows with no proper-name reading: Вчера, Сегодня, Встреча."""
    if not CYRILLIC_WORD.match(word):
        return False
    parses = _parses(word)
    return analyzer().word_is_known(word.lower()) and not any(PROPER & p.tag.grammemes for p in parses)


@lru_cache(maxsize=8192)
def form_of(word: str, lemma: str) -> bool | None:
    """Is ``word`` a form of the dictionary word ``lemma`` (Акимом of аким; not Аком, which only shares its
    stem)? None where the dictionary does not know ``lemma``."""
    low = lemma.lower().replace("ё", "е")
    if not CYRILLIC_WORD.match(word) or not analyzer().word_is_known(low):
        return None
    return any(p.normal_form.replace("ё", "е") == low for p in _parses(word.lower()))


def plural_of(word: str, lemma: str, before: str = "") -> bool:
    """Is ``word`` a plural form of the noun ``lemma`` (областях, провинций of область, провинция)? After the
    word ``before`` it, not where a singular form agrees with it: Западно-Казахстанскую области are regions,
    Жамбылской области one region's."""
    low = lemma.lower().replace("ё", "е")
    if CYRILLIC_WORD.match(word) is None:
        return False
    forms = [p for p in _parses(word.lower()) if p.normal_form.replace("ё", "е") == low]
    if not any("plur" in p.tag for p in forms):
        return False
    return not before or not any(
        "sing" in p.tag and q.tag.case == p.tag.case and q.tag.number == "sing" and q.tag.gender in (None, p.tag.gender)
        for p in forms for q in _parses(before.lower()) if q.tag.POS in ADJECTIVE_POS)


def singular_of(word: str) -> str:
    """A plural noun in the singular, in its case (областях: области), or the word as it is."""
    for p in _parses(word.lower()):
        if "plur" in p.tag and (one := p.inflect({"sing"})) is not None:
            return one.word
    return word


def name_after_head(words: Sequence[str]) -> int | None:
    """How many of ``words``, after a place's head noun that stands before its name, are that name: the name stays
    in the nominative (провинции Гелдерланд, кантона Во, штата Мату-Гросу), one word, or an adjective in the
    nominative and the word it qualifies (провинции Британская Колумбия). A word with no nominative reading
    (Маартеном) or that the dictionary knows as a person's name alone (Дэвид, Сеитов) is no word of it, nor one
    that may share an oblique case with the word after it: a given name before a surname (города Едилем
    Жанбыршиным, префектуры Хирофуми Ёсимурой: 0, no place's name there). Of a name in Latin letters (штата Mato
    Grosso), or of one word with no nominative reading (провинцию Куангнам), it cannot tell (None)."""
    if words and not CYRILLIC_WORD.match(words[0]):
        return None
    count = 0
    for word in words[:2]:
        low = word.lower()
        parses = _parses(low)
        if not CYRILLIC_WORD.match(word) or not any(p.tag.case in (None, "nomn") for p in parses) or (
                analyzer().word_is_known(low) and all(PERSON_NAME & p.tag.grammemes for p in parses)):
            break
        count += 1
        if not any(p.tag.POS in ADJECTIVE_POS and p.tag.case == "nomn" for p in parses):
            break
    # a given name and a surname in one oblique case (города Эльманом Рзаевым): the pair after the name's words
    after = max(count, 1)
    if after < len(words) and CYRILLIC_WORD.match(words[after]) and _shared_oblique(words[after - 1], words[after]):
        return 0
    return count or None


def _shared_oblique(word: str, after: str) -> bool:
    """May two words stand in one case other than the nominative and the accusative (Едилем Жанбыршиным)?"""
    cases = {p.tag.case for p in _parses(after.lower())}
    return bool(cases & {p.tag.case for p in _parses(word.lower())} - NAME_CASES)


@lru_cache(maxsize=8192)
def adjective_of(word: str, after: str) -> bool:
    """Does the dictionary know ``word`` as an adjective's or participle's form only (Центральной; not Омске,
    Ростов), in a form that agrees with a reading of the word ``after`` it as a noun or an adjective (Центральной
    избирательной, Центральный банк; not Южный и)?"""
    low = word.lower()
    if not CYRILLIC_WORD.match(word) or not analyzer().word_is_known(low):
        return False
    parses = _parses(low)
    if not parses or any(p.tag.POS not in ADJECTIVE_POS for p in parses):
        return False
    return any(q.tag.POS in AGREEING_POS and p.tag.case == q.tag.case and p.tag.number == q.tag.number
               and (p.tag.number == "plur" or q.tag.gender in (None, p.tag.gender))
               for p in parses for q in _parses(after.lower()))


def _written_like(new: str, old: str) -> str:
    """``new`` with the capitals of ``old``: Омск for Омске, МИД stays as it is written."""
    if old.isupper() and len(old) > 1:
        return old
    # The dictionary's ё where the text wrote е (Зёдером → Зёдер, not Зёдёр).
    new = "".join("е" if c == "ё" and i < len(old) and old[i] in "еЕ" else c for i, c in enumerate(new))
    parts, olds = HYPHEN_KEPT.split(new), HYPHEN_KEPT.split(old)
    if len(parts) != len(olds):
        return new[:1].upper() + new[1:] if old[:1].isupper() else new
    return "".join(p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(parts, olds, strict=True))


def _inflected(parse: pymorphy3.analyzer.Parse, grammemes: set[str], old: str) -> str:
    form = parse.inflect(grammemes)
    return _written_like(form.word, old) if form is not None else old


def _person_parses(word: str) -> list[pymorphy3.analyzer.Parse]:
    """Singular noun readings (``_noun_parses``), the name readings (Name, Surn, Patr) alone where the word has any.

    A hyphenated given name declines in its last part, and its first part tells the gender
    (Касым-Жомарта: the genitive of a man's name, not a woman's Жомарта).
    """
    nouns = _noun_parses(word)
    names = [p for p in nouns if PERSON_NAME & p.tag.grammemes]
    first = HYPHEN.split(word)[:-1]
    if names and first:
        genders = {p.tag.gender for p in _parses(first[0]) if "Name" in p.tag and p.tag.case == "nomn"}
        if len(genders) == 1:
            names = [p for p in names if p.tag.gender in genders]
    return names or nouns


def _noun_parses(word: str) -> list[pymorphy3.analyzer.Parse]:
    """Every singular noun or adjective reading of a name word's last part (adjective readings count: the dictionary
    knows some surnames only as possessives, Бабушкиным)."""
    if not CYRILLIC_WORD.match(word) or (word.isupper() and len(word) > 1):
        return []
    last = HYPHEN.split(word)[-1]
    return [p for p in _parses(last) if p.tag.POS in NAME_POS and "plur" not in p.tag and p.tag.case in CASES
            and not _guessed_oblique(p, last)]


def _likelier(parse: pymorphy3.analyzer.Parse) -> tuple[float, float]:
    """Which reading is likelier: of a word the dictionary knows, by its score; of one it only guesses at, first the
    one whose dictionary form adds fewer letters after those it shares with the word: Вэнем is Вэнь's, not a
    Вэень's with a vowel put in, as the ремнём of a ремень has lost one (a guess's score only counts the words it
    is guessed from)."""
    word, normal = parse.word, parse.normal_form
    kept = next((k for k, (a, b) in enumerate(zip(word, normal, strict=False)) if a != b), min(len(word), len(normal)))
    return (parse.score, 0) if analyzer().word_is_known(word) else (kept - len(normal), parse.score)


def _guessed_oblique(parse: pymorphy3.analyzer.Parse, word: str) -> bool:
    """A guess the dictionary cannot back: a word it does not know, ending in -ы or -и, read as a case of a
    name in -а or -я (Сатыбалды, Керимли, Бьянки are nominatives, not genitives of Сатыбалда, Керимля)."""
    return (parse.tag.case != "nomn" and GUESSED_ENDING.search(word) is not None
            and parse.normal_form[-1:] in NOMINATIVE_ENDINGS and not analyzer().word_is_known(word.lower()))


def _inflected_name(parse: pymorphy3.analyzer.Parse, word: str) -> str:
    """A name word in the nominative; a hyphenated one changes its last part, and a first part that is a given name
    in the same case (Жаном-Пьером: Жан-Пьер; Касым-Жомарта: Касым-Жомарт)."""
    *first, last = HYPHEN.split(word)
    parts = []
    for part in first:
        same = [p for p in _parses(part) if "Name" in p.tag and p.tag.case == parse.tag.case
                and p.tag.case != "nomn" and "Fixd" not in p.tag] if part.lower() not in _prefixes() else []
        parts.append(_inflected(max(same, key=lambda p: p.score), {"nomn"}, part) if same else part)
    return "-".join([*parts, _inflected(parse, {"nomn"}, last)])


@cache
def _prefixes() -> frozenset[str]:
    """The name particles written with a hyphen before a name (аль-Ганима: аль-Ганим, not Али-Ганим)."""
    from pathlib import Path

    from kg.lang import read_particles

    return read_particles(Path(__file__).parent / "particles.tsv", "prefix")


def _agrees(parse: pymorphy3.analyzer.Parse, case: str, gender: str) -> bool:
    """Does the reading stand in ``case`` and ``gender``? A name in -а read as a woman's in the nominative is a man's
    too (Фумио Кисида, Хироси Ямада: a man's surname in -а declines as such a noun does)."""
    tag = parse.tag
    return tag.case == case and (gender in tag or "ms-f" in tag or tag.gender is None or (
        case == "nomn" and gender == "masc" and "Name" in tag and parse.word.endswith(("а", "я"))))


@lru_cache(maxsize=16384)
def name_nominative(words: tuple[str, ...], cases: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """See ``_name_nominative``; a word only the governing word's accusative reads (Фонтану) is its -а name."""
    found = _name_nominative(words, cases)
    accusative = [_short_j(w, cases) or _accusative_a(w, cases) for w in words]
    if (genitive := _genitive_y(words, cases)) is not None:
        accusative[-1] = genitive
    return tuple(a if a != w else f for w, a, f in zip(words, accusative, found, strict=True))


def _short_j(word: str, cases: frozenset[str]) -> str | None:
    """Чжан Вэя, послу Ли Лэю: a short name word the dictionary cannot read, in the case the governing word asks
    for, whose ending is that case of a name in -й (Вэй, Лэй)."""
    found = SHORT_J_NAME.match(word)
    if found is None or not cases & SHORT_J_CASES[found.group(1)] or any(p.tag.POS for p in _parses(word)):
        return None
    return word[:-1] + "й"


def _name_nominative(words: tuple[str, ...], cases: frozenset[str]) -> tuple[str, ...]:
    """A person's name words in the nominative: Игорем Смирновым → Игорь Смирнов, Анной Петровой → Анна Петрова.

    The words of one name agree in case and gender: the case and gender in which every word that the
    dictionary reads has a reading win, the likelier readings first, the nominative on a tie. Where no
    case fits every word (Марко Бьянки, Алексея Орлов), the given name tells the gender and each word
    of that gender goes to the nominative alone; the others stay as written. Initials and Latin words stay.

    Where the words' own agreement gives none of the ``cases`` the governing word asks for, that word
    decides: for the instrumental, each word with a singular noun reading in it goes to the nominative (a
    foreign name the dictionary only guesses at: Ёсимурой, Мином), the rest stay as written (Хирофуми); for
    another case, the reading in it that every word has wins (посла Нурлана Жалгасбаева: Нурлан Жалгасбаев,
    not a woman Нурлана Жалгасбаева), if there is one.
    """
    readings = [_person_parses(w) for w in words]
    sure = cases & GOVERNED
    if not any(readings):
        return _governed(words, sure) if sure else words
    agreed = _agreed(words, readings)
    if cases and (agreed is None or agreed[0] not in cases):
        if sure:
            return _governed(words, sure)
        # посла Нурлана Жалгасбаева: of the readings every word has, the governing word's case
        within = _agreed(words, readings, cases)
        if within is not None:
            return _nominative_in(words, readings, *within)
        # министру Альфонсо Дастису: a surname the dictionary only guesses at, whose guessed name reading is
        # another case (the accusative of a Дастиса), is the governing word's case of a noun (Дастис)
        nouns = [_noun_parses(w) for w in words]
        within = _agreed(words, nouns, cases) if nouns != readings else None
        if within is not None:
            return _nominative_in(words, nouns, *within)
        genitive = _genitive_a(words, readings, cases)
        if genitive is not None:
            return genitive
    if agreed is None:
        return _each_nominative(words, readings)
    return _nominative_in(words, readings, *agreed)


def _genitive_y(words: tuple[str, ...], cases: frozenset[str]) -> str | None:
    """A surname the governing word puts in the genitive (губернатора, Президента) in -ы, which the dictionary reads as
    no singular noun (Фонтаны: fountains; Маттареллы: a guess), after an indeclinable given name (Серджо, Аттилио): in
    the nominative of its -а name (Фонтана, Маттарелла). None for any other name: not after a given name that declines
    (Дархана Сатыбалды, whose Kazakh surname is indeclinable too), nor for a surname alone."""
    word = words[-1]
    if "gent" not in cases or len(words) < 2 or not word.endswith("ы") or len(word) < GUESSED_INDECLINABLE \
            or not CYRILLIC_WORD.match(word) or not word[:1].isupper():
        return None
    if not all(w[-1:].lower() in RU_VOWELS and all("Fixd" in p.tag for p in _person_parses(w)) for w in words[:-1]):
        return None
    return None if _noun_parses(word) else word[:-1] + "а"


def _accusative_a(word: str, cases: frozenset[str]) -> str:
    """A name word the governing word puts in the accusative (принял, губернатора), read only as a dative of a
    consonant name (Фонтану, Рокку: the dictionary does not know them), in the nominative of its -а name."""
    ending = ACCUSATIVE_A.get(word[-1:].lower())
    if ending is None or "accs" not in cases or "datv" in cases or not CYRILLIC_WORD.match(word):
        return word
    nouns = [p for p in _parses(word) if p.tag.POS == "NOUN"]
    dative = all(p.tag.case == "datv" and "Fixd" not in p.tag for p in nouns) and not PERSON_NAME & set().union(
        *(p.tag.grammemes for p in nouns))
    # or read as the accusative of the -а name among others (Ямаду: Ямада), long enough to be no Chinese syllable
    candidate = (word[:-1] + ending).lower()
    named = len(word) >= GUESSED_INDECLINABLE and any(p.tag.case == "accs" and p.normal_form == candidate
                                                       for p in nouns)
    if nouns and (dative or named):
        return word[:-1] + (ending.upper() if word[-1].isupper() else ending)
    return word


def _governed(words: tuple[str, ...], cases: frozenset[str]) -> tuple[str, ...]:
    """Each word with a singular noun reading in one of ``cases`` in the nominative (a name's reading first), the
    others as written."""
    out = []
    for word in words:
        # a hyphenated word declines in its last part (Анн-Мари, Жан-Пьером)
        nouns = [p for p in _parses(HYPHEN.split(word)[-1]) if CYRILLIC_WORD.match(word) and p.tag.POS == "NOUN"
                 and word[:1].isupper()
                 and "sing" in p.tag and p.tag.case in cases and not (word.isupper() and len(word) > 1)]
        names = [p for p in nouns if PERSON_NAME & p.tag.grammemes]  # Ниндертом: Ниндерт, not Ниндерот
        fit = max(names or nouns, key=_likelier, default=None)
        bare = INSTRUMENTAL_CONSONANT.match(word) if fit is None and "ablt" in cases else None
        out.append(_inflected_name(fit, word) if fit is not None and fit.tag.case != "nomn"
                   else bare.group(1) if bare else word)  # с Жауме Дучем: Дуч
    return tuple(out)


def _agreed(words: tuple[str, ...], readings: list[list[pymorphy3.analyzer.Parse]],
            within: frozenset[str] | None = None) -> tuple[str, str] | None:
    """The case (of ``within``, if given) and gender every read word of the name has a reading in, the likelier
    first."""
    read = sum(1 for ps in readings if ps)
    best: tuple[float, bool] | None = None
    choice: tuple[str, str] | None = None
    for case in (c for c in CASES if within is None or c in within):
        for gender in GENDERS:
            fits = [max((p.score for p in ps if _agrees(p, case, gender)), default=None) for ps in readings]
            matched = [s for s in fits if s is not None]
            if len(matched) < read:
                continue
            key = (sum(matched), case == "nomn")
            if best is None or key > best:
                best, choice = key, (case, gender)
    return choice


def _genitive_a(words: tuple[str, ...], readings: list[list[pymorphy3.analyzer.Parse]],
                cases: frozenset[str]) -> tuple[str, ...] | None:
    """посла Сайласа Тангала, принял Мехмета Озтюрка: where the governing word asks for the genitive or the
    accusative and the given name is a man's in it, a word the dictionary reads in -а after a consonant only as a
    nominative is that case of a name in the consonant (Тангал, Озтюрк); the given name goes to its nominative."""
    asked = cases & OBJECT_CASES
    if not asked or len(words) < 2:
        return None
    given = max((p for p in readings[0] if p.tag.case in asked and "masc" in p.tag and (
        "Name" in p.tag or p.normal_form == words[0][:-1].lower())), key=lambda p: p.score, default=None)
    if given is None:
        return None
    out = [_inflected_name(given, words[0])]
    changed = False
    for word, ps in zip(words[1:], readings[1:], strict=True):
        if CONSONANT_A.match(word) and not any(p.tag.case in asked for p in ps):
            out.append(word[:-1])
            changed = True
        else:
            out.append(word)
    return tuple(out) if changed else None


def _nominative_in(words: tuple[str, ...], readings: list[list[pymorphy3.analyzer.Parse]], case: str,
                   gender: str) -> tuple[str, ...]:
    if case == "nomn":
        return words
    # An indeclinable surname (Сато) shows no case: a given name the dictionary does not know
    # (Хироси) is then taken as written, not as a guessed form of another (Хирося).
    fixed = bool(readings[-1]) and all("Fixd" in p.tag for p in readings[-1])
    out = []
    for word, ps in zip(words, readings, strict=True):
        fit = max((p for p in ps if _agrees(p, case, gender)), key=_likelier, default=None)
        # (but an instrumental ending after a consonant is no given name's own: губернатором Ваяном Сударто)
        guessed = fixed and not analyzer().word_is_known(word.lower()) and not (
            case == "ablt" and INSTRUMENTAL_CONSONANT.match(word))
        if not ps and case in OBJECT_CASES and gender == "masc" and CONSONANT_A.match(word):
            out.append(word[:-1])  # Андрея Травникова: a man's surname the dictionary reads as no noun
            continue
        woman = WOMANS_SURNAME.match(word) if gender == "femn" else None
        if woman and not any("Surn" in p.tag for p in ps):
            out.append(woman.group(1) + "а")  # Анны Травниковой: Травникова, not an adjective's Травниковая
            continue
        out.append(_inflected_name(fit, word) if fit is not None and not guessed else word)
    return tuple(out)


def _each_nominative(words: tuple[str, ...], readings: list[list[pymorphy3.analyzer.Parse]]) -> tuple[str, ...]:
    """Words that do not agree: the gender of the given name (or else of the surname), each word alone."""
    given = [p for p in readings[0] if "Name" in p.tag] if len(words) > 1 else []
    if len(words) > 1 and readings[0] and analyzer().word_is_known(words[0].lower()) and \
            max(readings[0], key=lambda p: p.score).tag.case == "nomn":
        return words  # a known given name as written is the nominative: so is the rest (Дархан Сатыбалды)
    surname = {p.tag.gender for p in readings[-1]} if all(p.tag.case == "nomn" for p in readings[-1]) \
        and analyzer().word_is_known(words[-1].lower()) else set()
    if len(words) > 1 and surname and not any(p.tag.gender in surname for p in readings[0]):
        # a surname the dictionary reads in the nominative alone, and a given name of no gender it has (Левенте
        # Мадьяр); not a surname it only guesses at (Юттой Куусилайнен: Ютта)
        return words
    lead = max(given or readings[-1] or readings[0], key=lambda p: p.score)
    gender = lead.tag.gender
    # a given name read in one oblique case only sets the name's case: a word with no reading in it does not
    # decline (Евой Линде: Ева Линде, not Линда)
    cases = {p.tag.case for p in given}
    case = next(iter(cases)) if len(cases) == 1 and "nomn" not in cases else None
    out = []
    for word, ps in zip(words, readings, strict=True):
        fit = max((p for p in ps if p.tag.gender == gender and case in (None, p.tag.case)), key=_likelier,
                  default=None)
        out.append(_inflected_name(fit, word) if fit is not None and fit.tag.case != "nomn" else word)
    return tuple(out)


def _head(words: tuple[str, ...]) -> int | None:
    """Index of the phrase's head noun: the first noun after words that may be adjectives."""
    for i, w in enumerate(words):
        if not CYRILLIC_WORD.match(w) or (w.isupper() and len(w) > 1):
            return None
        tags = {p.tag.POS for p in _parses(w)}
        if tags & ADJECTIVE_POS and i < len(words) - 1:
            continue
        return i if "NOUN" in tags else None
    return None


@lru_cache(maxsize=16384)
def phrase_nominative(words: tuple[str, ...]) -> tuple[str, ...]:
    """A place or organization name in the nominative: Карагандинской области → Карагандинская область.

    The head noun and the adjectives that agree with it before it change; words after the head
    (Министерства иностранных дел, Республики Казахстан) stay as written.
    """
    head = _head(words)
    if head is None or (INDECLINABLE_ENDING.search(words[head]) and not analyzer().word_is_known(words[head].lower())):
        return words  # Бейоглу, Ганьсу, Шэньси: a foreign name in -у or -и is no guessed case of another
    # no vocative, nor a person's name in the plural (Алтынколь: the border station, not Алтынколя's)
    for noun in sorted((p for p in _parses(words[head]) if p.tag.POS == "NOUN" and p.tag.case in CASES
                        and not (PERSON_NAME & p.tag.grammemes and "plur" in p.tag)), key=lambda p: -p.score):
        tag = noun.tag
        adjectives = []
        for w in words[:head]:
            fit = next((p for p in _parses(w) if p.tag.POS in ADJECTIVE_POS and p.tag.case == tag.case
                        and p.tag.number == tag.number and (tag.number == "plur" or p.tag.gender == tag.gender)),
                       None)
            if fit is None:
                break
            adjectives.append(fit)
        if len(adjectives) < head:
            continue
        if tag.case == "nomn" or "Fixd" in tag:
            return words
        agree = {"nomn", tag.number} | ({tag.gender} if tag.number == "sing" and tag.gender else set())
        out = [_inflected(p, agree, w) for p, w in zip(adjectives, words, strict=False)]
        out.append(_inflected(noun, {"nomn"}, words[head]))
        return (*out, *words[head + 1:])
    return words


def nominative(words: Sequence[str], kind: str = MentionKind.PLACE, governor: str = "") -> str:
    """A mention's value: its words in the nominative, as a person's name or as a place or organization.

    A person's name takes the case its ``governor`` (the post word before it, or a preposition) asks for
    where the name's own words leave it open: губернатором Хирофуми Ёсимурой → Хирофуми Ёсимура."""
    key = tuple(words)
    form = name_nominative(key, governed_cases(governor)) if kind == MentionKind.PERSON else phrase_nominative(key)
    return " ".join(form)


@lru_cache(maxsize=16384)
def governed_cases(word: str) -> frozenset[str]:
    """The cases a name after ``word`` may stand in: those of a known noun's singular readings (посла:
    genitive, accusative), the accusative after a transitive verb (принял), or the case a preposition
    governs (с). Only the instrumental tells a name's case for sure (``GOVERNED``); the others share endings
    with nominatives of names (Сатыбалды is no genitive of Сатыбалда), so they only choose among the readings
    every word of the name has."""
    if not word:
        return frozenset()
    if " " in word:  # a post of several words (советником посольства): any of its words may govern
        return frozenset().union(*(governed_cases(w) for w in word.split()))
    low = word.lower()
    if low in PREPOSITION_CASES:
        return PREPOSITION_CASES[low]
    if not analyzer().word_is_known(low):
        return frozenset()
    if any(p.tag.POS == "VERB" and "tran" in p.tag for p in _parses(low)):
        return frozenset({"accs"})  # принял Нурлана Жалгасбаева: the object of a transitive verb
    # an indeclinable noun (и, the letter's name, in Чрезвычайного и Полномочного Посла) has every case: it tells none
    readings = [p for p in _parses(low)
                if p.tag.POS == "NOUN" and "sing" in p.tag and "Fixd" not in p.tag and p.tag.case in CASES]
    if readings and all(PERSON_NAME & p.tag.grammemes for p in readings):
        # a post's word the dictionary knows as given names only (акима: Аким's, or a woman Акима): a man's
        readings = [p for p in readings if p.tag.gender != "femn"]
    return frozenset(p.tag.case for p in readings)


@lru_cache(maxsize=65536)
def genitive_word(word: str) -> bool:
    """A noun or adjective that may stand in the genitive: the words of ``Министр культуры`` after the post,
    never a preposition or conjunction (``Министра за поддержку``)."""
    if not CYRILLIC_WORD.match(word) or len(word) < MIN_GENITIVE:
        return False  # и, в: a letter's name is a noun to the dictionary, never a complement
    return any(p.tag.POS in ("NOUN", "ADJF", "PRTF") and "gent" in p.tag.grammemes for p in _parses(word))


def genitive_only(word: str) -> bool:
    """A noun that stands in the genitive and in no nominative reading (Президента, министра; not Посол)."""
    nouns = [p for p in _parses(word) if p.tag.POS == "NOUN"] if CYRILLIC_WORD.match(word) else []
    return any(p.tag.case == "gent" for p in nouns) and not any(p.tag.case == "nomn" for p in nouns)


def future(word: str) -> bool:
    """Is the word a verb in the future, in every reading (встретится, проведут, будет; not встреча, провёл)?"""
    parses = _parses(word.lower()) if CYRILLIC_WORD.match(word) else ()
    return bool(parses) and all(p.tag.POS == "VERB" and p.tag.tense == "futr" for p in parses)


def passive(word: str) -> bool:
    """Can the word be a past passive participle (достигнутых, подписанного; not достигли, nor уважаемым, a present
    one that is a word of address)?"""
    parses = _parses(word.lower()) if CYRILLIC_WORD.match(word) else ()
    return any(p.tag.POS in ("PRTF", "PRTS") and "pssv" in p.tag and p.tag.tense == "past" for p in parses)


def plural(word: str, before: str = "") -> bool:
    """Is the noun plural: only plural readings (встреч, встречах), or a plural one after a verb (провёл встречи)?"""
    nouns = [p for p in _parses(word.lower()) if p.tag.POS == "NOUN"]
    if not nouns or not any("plur" in p.tag for p in nouns):
        return False
    if all("plur" in p.tag for p in nouns):
        return True
    return bool(before) and any(p.tag.POS in VERB_POS for p in _parses(before.lower()))


@lru_cache(maxsize=16384)
def words_outside_name(words: tuple[str, ...], governor: str) -> int:
    """ректором университета Сапиенца Антонеллой Полимени, бургомистром Гааги Яном ван Зейненом: where the post
    governs the instrumental, which every word of a name that declines takes, a first word in -а, -я (or their
    genitive -и, -ы) without it before words with it is no part of the name."""
    if len(words) < 3 or not governed_cases(governor) & GOVERNED:
        return 0
    first, rest = words[0], words[1:]
    declines = first[-1:].lower() in ("а", "я", "и", "ы") and not any(
        p.tag.case in GOVERNED for p in _person_parses(first))
    return 1 if declines and any(p.tag.case in GOVERNED for p in _person_parses(rest[0])) else 0


def genitive_name(words: tuple[str, ...]) -> bool:
    """Do a person's name words agree in the genitive only, not in the nominative (Касым-Жомарта Токаева)?"""
    readings = [_person_parses(w) for w in words]
    if not any(readings) or name_nominative(words) == words:
        return False
    agreed = _agreed(words, readings)
    return agreed is not None and agreed[0] == "gent"
