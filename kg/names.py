"""Person names as keys that survive script and language.

``Ермек Көшербаев`` (Kazakh), ``Ермек Кошербаев`` (Russian), ``Yermek Kosherbayev`` and
``Yermek Köşerbayev`` (English) are one name. Each word is transliterated to ASCII (as anyascii spells
it: ``kg.ascii_letters``), the letters one sound is spelt with are folded (``lexicons/name_spelling.tsv``),
and what varies most between spellings is dropped: vowels after the first letter, ``h``, doubled letters
(``ermk ksrbv``). The first letter keeps a coarse vowel class (Ө/U, Е/Ye), so that an initial can
be checked against a given name, and a final ``a`` is kept (Каратаева is not Каратаев). The vowels
a Cyrillic spelling writes are kept beside the key (``vowel_gaps``): two Cyrillic names of one key
whose vowels differ between the same consonants are two persons (Марат, Мұрат), while a Latin
spelling, whose vowels say less (David, Дэвид), agrees with either.

A name is parsed into its full words, its initials and its patronymic (Естайұлы, Ивановна), keyed
by the father's name, so that the Kazakh and the Russian form agree (Кемелұлы, Кемелович).
Two full names are one when their words are (in any order: Шөкеев Өмірзақ); a short form
(``Е. Көшербаев``, ``Köşerbayev``) fits a full name that holds its surname and whose given name
starts as its initial does.
"""

from __future__ import annotations

import re
from collections import namedtuple
from functools import cache, lru_cache

from kg.ascii_letters import spell
from kg.files import package_path, read_tsv
from kg.letters import DIGRAPHS, HYPHEN
from kg.written import as_written, form_list, label_words, without_possessive

DATA = package_path("lexicons", "name_spelling.tsv")
# A name's tokens: letters with inner hyphens or apostrophes, and the dot after an initial.
NAME_TOKEN = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*\.?")
NOT_LETTER = re.compile(r"[^a-z]")
DROPPED = re.compile(r"[aeiouyh]")
DOUBLE = re.compile(r"(.)\1+")
VOWELS = frozenset("aeiouy")
# The first letter keeps a vowel class: Өмірзақ/Umirzak, Ерлан/Yerlan, Ілияс/Ilyas.
FIRST_VOWEL = {"a": "a", "e": "e", "i": "i", "y": "i", "o": "u", "u": "u"}
PATRONYMIC_ALWAYS = "always"
ARTICLE_ALWAYS = "always"
# Consonants that Kazakh, Russian and Latin spellings of one name voice differently (Нышангүл/Нышанкуль;
# the Turkish c of Cevdet is Дж, j in a key, beside the ч of Latin c).
VOICING = str.maketrans("gdbzvj", "ktpsfc")
LOOSE_NK = re.compile(r"nk")
# A Kazakh Қ that Russian spells Х and English kh, a sound the key drops (Бақытжан, Бахытжан, Bakhytzhan).
LOOSE_K = re.compile(r"(?<=.)k")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Vowels a Cyrillic spelling tells apart, after transliteration: a (а, ә, я), a rounded u (о, ө, у, ү, ұ,
# ю) and a front i (е, э, и, і, ы, й). A word key drops them (Latin spellings of foreign names do not keep
# them: David, Дэвид), but two Cyrillic names with a where the other has u or i between the same
# consonants are two (Марат, Мұрат; Дана, Дина).
VOWEL_CLASSES = {"a": "a", "o": "u", "u": "u", "e": "i", "i": "i", "y": "i"}
CONSONANT = re.compile(r"[^aeiouyh]")
# A Ю at the start of a word as the ICAO passport transliteration spells it (Iurii, Юрий).
PASSPORT_YU = "iu"


class Row:
    """Kinds of row in ``name_spelling.tsv``."""

    LETTER = "letter"
    FOLD = "fold"
    ARTICLE = "article"
    PATRONYMIC = "patronymic"


@cache
def _rows(kind: str) -> tuple[tuple[str, str], ...]:
    return tuple((source, target) for row_kind, source, target in read_tsv(DATA) if row_kind == kind)


@cache
def _letters() -> dict[int, str]:
    return str.maketrans(dict(_rows(Row.LETTER)))


@cache
def _articles() -> dict[str, str]:
    return dict(_rows(Row.ARTICLE))


def _article(first: str, rest: str) -> bool:
    """Is ``first``, before a hyphen, an Arabic article (al-Farabi, as-Sisi, not An-Li)?"""
    where = _articles().get(spelled(first))
    return where == ARTICLE_ALWAYS or (where is not None and spelled(rest).startswith(spelled(first)[1:]))


@lru_cache(maxsize=65536)
def spelled(word: str) -> str:
    """A word in ASCII lower case with every spelling of one sound folded: Жомарт → jomart."""
    text = NOT_LETTER.sub("", spell(word.translate(_letters())).lower())
    for source, target in _rows(Row.FOLD):
        text = text.replace(source, target)
    if len(text) > 1 and text[0] == "y" and text[1] in VOWELS:
        text = text[1:]  # Yermek, Yuriy: the y of a Cyrillic Е, Ю, Я
    elif text.startswith(PASSPORT_YU):
        text = text[1:]  # Iurii, Iuliia: Ю as a passport spells it
    return text


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The spelling-blind key of one name word: ``Көшербаев``, ``Kosherbayev``, ``Köşerbayev`` → ``ksrbv``."""
    parts = []
    split = HYPHEN.split(word)
    if len(split) > 1 and _article(split[0], split[1]):
        split = split[1:]  # the Arabic article: Әл-Фараби, аль-Фараби, al-Farabi are Farabi
    for part in split:
        text = spelled(part)
        if not text:
            continue
        key = DOUBLE.sub(r"\1", FIRST_VOWEL.get(text[0], text[0]) + DROPPED.sub("", text[1:]))
        parts.append(key + ("a" if len(text) > 1 and text.endswith("a") else ""))
    return "-".join(parts)


@lru_cache(maxsize=65536)
def vowel_gaps(word: str, *, any_script: bool = False) -> tuple[str, ...]:
    """The vowel classes (``VOWEL_CLASSES``) of a Cyrillic name word between the consonants its word key
    keeps, one string a gap (``Марат`` → ``("a", "a", "")``, ``Мұрат`` → ``("u", "a", "")``); nothing for
    a word in another script, whose vowels say less, unless ``any_script``."""
    if not any_script and not CYRILLIC.search(word):
        return ()
    gaps: list[str] = []
    split = HYPHEN.split(word)
    if len(split) > 1 and _article(split[0], split[1]):
        split = split[1:]
    for n, part in enumerate(split):
        text = spelled(part)
        if not text:
            continue
        if n:
            gaps.append("-")
        gaps.append("")
        last = text[0] if CONSONANT.match(text[0]) else ""
        for letter in text[1:]:
            if not CONSONANT.match(letter):
                gaps[-1] += VOWEL_CLASSES.get(letter, "")
            elif letter != last:  # a doubled consonant, also across a dropped vowel, is one (word_key)
                gaps.append("")
                last = letter
    return tuple("".join(sorted(set(g))) for g in gaps)


def gaps_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Can two words of one word key be one name: no gap of one shares no vowel class with the other's?
    (An empty gap, a vowel one spelling leaves out, agrees with any: Тлеген, Тілеген.)"""
    if not a or not b or len(a) != len(b):
        return True
    return all(not x or not y or bool(set(x) & set(y)) for x, y in zip(a, b, strict=True))


def _rounded(gaps: tuple[str, ...]) -> tuple[str, ...]:
    """Vowel gaps with a and u only."""
    return tuple(g.replace("i", "") for g in gaps)


def loose_word(key: str) -> str:
    """A word key with voiced consonants as voiceless ones, a k after n dropped (``nsnkl`` → ``nsnl``) and
    a k after the first letter (``bktjn`` → ``btjn``)."""
    return LOOSE_NK.sub("n", LOOSE_K.sub("", key).translate(VOICING))


@cache
def _digraph_openers() -> dict[str, str]:
    """The Latin letters that open a digraph of one letter, and the keys of the letters they may then stand for:
    ``{"Z": "zj", "Y": "iuae", ...}``."""
    opens: dict[str, str] = {}
    for digraph in DIGRAPHS.split("|"):
        first = digraph[0]
        if first.isascii():
            opens[first] = "".join(dict.fromkeys(opens.get(first, initial_key(first)) + initial_key(digraph)))
    return opens


def initial_key(word: str) -> str:
    """The class of a word's first letter, comparable with an initial: Ермек, Ye., Е. → ``e``."""
    key = word_key(word)
    return key[:1]


def is_patronymic(word: str, words_in_name: int) -> bool:
    text = NOT_LETTER.sub("", spell(word).lower())
    for ending, where in _rows(Row.PATRONYMIC):
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return where == PATRONYMIC_ALWAYS or words_in_name >= 3
    return False


def patronymic_key(word: str) -> str:
    """The key of a patronymic's father's name, its ending off, so that the Kazakh and the Russian
    patronymic of one father are one: Кемелұлы, Кемелулы, Kemeluly, Кемелович → ``kml``."""
    text = NOT_LETTER.sub("", spell(word.translate(_letters())).lower())
    for ending, _ in _rows(Row.PATRONYMIC):
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return word_key(text[:-len(ending)]).removesuffix("a")  # Естай: Естайұлы, Естаевич
    return word_key(word)


class PersonName(namedtuple("PersonName", ("words", "initials", "patronymic", "vowels", "spelt", "opens"),
                            defaults=((), "", (), (), ""))):
    """A name parsed for matching: word keys of its full words, initials and patronymic. (A named tuple rather than
    a frozen dataclass: a query call keys a name without importing dataclasses, nor typing.)"""

    __slots__ = ()
    words: tuple[str, ...]
    initials: tuple[str, ...]
    patronymic: str
    vowels: tuple[tuple[str, ...], ...]  # each word's ``vowel_gaps``, in the order of ``words``
    spelt: tuple[tuple[str, ...], ...]  # each word's vowel gaps in any script (Marat, Murat)
    opens: str  # the first letters (keys) of the words the first initial may stand for (``initial_fits``)

    @property
    def full(self) -> bool:
        """A given name and a surname written out (Ермек Көшербаев, Көшербаев Ермек)."""
        return len(self.words) >= 2

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""

    @property
    def key(self) -> str:
        """One key for every spelling of the name, in any word order."""
        if self.full:
            return " ".join(sorted(self.words))
        if self.patronymic and self.words:
            return f"{self.words[0]} +{self.patronymic}"
        prefix = "".join(f"{i}." for i in self.initials)
        return f"{prefix} {self.surname}".strip()

    @property
    def loose_key(self) -> str:
        """The key with voiced and voiceless consonants alike and a k or g after n dropped: Нышангүл,
        Нышанкуль and Nişangül have one loose key; so do Бақытжан and Bakhytzhan (``loose_word``)."""
        return " ".join(sorted(loose_word(w) for w in self.words)) if self.full else self.key

    @property
    def caseless(self) -> tuple[str, ...]:
        """The words without a final -a, sorted: a masculine genitive read as a feminine nominative (Султана Раева)
        has the caseless words of the name (Султан Раев)."""
        return tuple(sorted(w[:-1] if _a_ending(w) else w for w in self.words))

    @property
    def a_endings(self) -> int:
        """How many of the words end in the -a ``caseless`` leaves out."""
        return sum(map(_a_ending, self.words))

    @property
    def vowel_suffix(self) -> str:
        """The vowels a full name writes, to tell apart two persons of one key (Марат, Мұрат Тажин; Marat,
        Murat Tazhin): ``~`` and each word's gaps, in the order of the key's words."""
        if not self.full or not any(self.spelt):
            return ""
        by_word = sorted(zip(self.words, self.spelt, strict=True))
        return "~" + " ".join(".".join(gaps) for _, gaps in by_word)

    def vowels_agree(self, other: PersonName) -> bool:
        """Do two full names of one key agree in the vowels their Cyrillic spellings tell apart?"""
        if not (self.full and other.full) or not self.vowels or not other.vowels:
            return True
        theirs = dict(zip(other.words, other.vowels, strict=True))
        return all(gaps_agree(gaps, theirs[w]) for w, gaps in zip(self.words, self.vowels, strict=True)
                   if w in theirs)

    def rounded_like(self, other: PersonName) -> bool:
        """Do two names in Latin letters agree in a and u between the same consonants (Marat is not Murat;
        Mohammed and Muhammad may be one: e and i say little in Latin letters)?"""
        theirs = dict(zip(other.words, other.spelt, strict=True))
        return all(gaps_agree(_rounded(gaps), _rounded(theirs[w]))
                   for w, gaps in zip(self.words, self.spelt, strict=True) if w in theirs)

    def spelt_like(self, other: PersonName) -> bool:
        """Does a name in Latin letters write the vowels of a Cyrillic one (Marat: Марат, not Мұрат)?"""
        theirs = dict(zip(other.words, other.vowels, strict=True)) if other.vowels else {}
        return all(gaps_agree(gaps, theirs[w]) for w, gaps in zip(self.words, self.spelt, strict=True)
                   if w in theirs)

    def close_to(self, other: PersonName) -> bool:
        """Full names of one loose key that share every word but one, the other at least four letters
        long and differing in a voiced or voiceless consonant or a k only (not Нурлан and Нуржан)."""
        if not (self.full and other.full) or self.key == other.key or self.loose_key != other.loose_key:
            return False
        if len(self.words) != len(other.words) or (self.patronymic and other.patronymic
                                                   and self.patronymic != other.patronymic):
            return False
        mine, theirs = set(self.words) - set(other.words), set(other.words) - set(self.words)
        return len(mine) == len(theirs) == 1 and min(len(next(iter(mine))), len(next(iter(theirs)))) >= 4

    def fits(self, other: PersonName) -> bool:
        """Can this short form (initials, a bare surname, a given name and patronymic) stand for
        the full name ``other``? The surname must be one of its words and an initial must agree
        with another word's first letter; a patronymic must be the same where both have one."""
        if self.full or not other.full:
            return False
        if self.patronymic and not self.initials and len(self.words) == 1:
            return self.words[0] in other.words and self.patronymic == other.patronymic
        if self.surname not in other.words:
            return False
        if self.patronymic and other.patronymic and self.patronymic != other.patronymic:
            return False
        rest = list(other.words)
        rest.remove(self.surname)
        return not self.initials or any(self.initial_fits(w) for w in rest)

    def initial_fits(self, word: str) -> bool:
        """Can the first initial stand for a word (its key): by its first letter, or, a Latin letter that opens a
        digraph, by the letter the digraph spells (Z. for Zhandos, Y. for Yerbol, as well as Zh. and Ye.)?"""
        return word[:1] in self.opens if self.opens else word.startswith(self.initials[0])


@lru_cache(maxsize=65536)
def parse(name: str) -> PersonName:
    """``Е. Көшербаев`` → initials ("e",), words ("ksrbv",); ``Өмірзақ Естайұлы Шөкеев`` → words
    ("umrzk", "skv"), patronymic "stjl"."""
    tokens = NAME_TOKEN.findall(name)
    initials: list[str] = []
    words: list[str] = []
    first_initial = ""
    for n, token in enumerate(tokens):
        bare = token.rstrip(".")
        letters = len(spelled(bare))
        if (token.endswith(".") and len(bare) <= 3 and letters <= 3) or (len(bare) == 1 and n < len(tokens) - 1):
            if not initials:
                first_initial = bare
            initials.append(initial_key(bare))
            continue
        words.append(bare)
    patronymic = ""
    if len(words) >= 2:
        for n, word in enumerate(words):
            if n > 0 and is_patronymic(word, len(words)):
                patronymic = patronymic_key(word)
                del words[n]
                break
    keyed = [(k, w) for k, w in ((word_key(w), w) for w in words) if k]
    vowels = tuple(vowel_gaps(w) for _, w in keyed)
    return PersonName(tuple(k for k, _ in keyed), tuple(i for i in initials if i), patronymic,
                      vowels if any(vowels) else (), tuple(vowel_gaps(w, any_script=True) for _, w in keyed),
                      _digraph_openers().get(first_initial, ""))


def search_keys(name: str) -> frozenset[str]:
    """The keys a query may name a person by: the whole name's, the surname's, and an initial
    with the surname (``ermk ksrbv``, ``ksrbv``, ``e. ksrbv``)."""
    parsed = parse(name)
    keys = {parsed.key, parsed.surname}
    if parsed.full:
        keys |= {f"{w[0]}. {parsed.surname}" for w in parsed.words[:-1]}
        keys |= {f"{w[0]}. {parsed.words[0]}" for w in parsed.words[1:]}  # the surname written first
    return frozenset(k for k in keys if k)


# What a name asked for may hold: letters, spaces, the dots of initials, hyphens, apostrophes.
NAME_TEXT = re.compile(r"^[^\W\d_]+(?:[\s.\-‐'’]+[^\W\d_]*)*$")


def _a_ending(word: str) -> bool:
    """Does a word key end in an -a that may be a case ending (of three letters or more)?"""
    return len(word) > 2 and word.endswith("a")


def query_keys(name: str, *, forms: bool = True) -> str:
    """The keys a name asked for in a query may match (see ``search_keys``), as ``|key|key|``: the name as written and
    with a case ending taken off its last word (Көшербаевпен, Кошербаевым, Kosherbayev's); with ``forms`` false,
    only as written (and without an English possessive), with no language's word forms loaded.
    A value that is not a name (quotes, digits, brackets) has no keys."""
    tokens = NAME_TOKEN.findall(name) if NAME_TEXT.match(name.strip()) else []
    if not tokens:
        return ""
    *given, last = tokens
    written = {last, without_possessive(last)}
    if forms:
        from kg.lang import languages

        # The name may be written in any language: each one's dictionary forms of the surname.
        written = written.union(*(lang.forms.name_candidates(last) for lang in languages().values()))
    keys = {parse(" ".join([*given, form])).key for form in written}
    return "|" + "|".join(sorted(keys)) + "|" if keys else ""


# Kinds of name a place or organization may be read as, for its dictionary forms.
LABEL_KINDS = ("place", "organization", "country")


def label_forms(value: str, *, forms: bool = True) -> str:
    """The forms a place's or organization's name asked for in a query may have in the graph's labels, as
    ``|form|form|`` in lower case: the name as written, and every language's dictionary form of it
    (``Северо-Казахстанской области`` → ``северо-казахстанская область``, ``Льеж провинциясында`` →
    ``льеж провинциясы``, ``Toyota's`` → ``toyota``); with ``forms`` false, only as written (and without an
    English possessive), with no language's word forms loaded. A query compares a label (``LCASE``) or a quote
    of the node in a report with these forms."""
    words = label_words(value)
    if not words:
        return ""
    *given, last = words
    found = as_written(words)
    if forms:
        from kg.lang import languages

        for lang in languages().values():
            for kind in LABEL_KINDS:
                form = lang.name_form(words, kind)
                if form:
                    found.add(form)
            found |= {" ".join([*given, c]) for c in lang.forms.name_candidates(last)}
    return form_list(found)
