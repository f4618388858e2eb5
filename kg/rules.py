"""The rule extractor: lexicon lookups and patterns over tokens, in every language the profiles know.

It finds countries, places and organizations (lexicon names and head-noun patterns), persons
(names after a post, initials with a surname, surname-shaped pairs, and later repeats),
roles, sectors, dates, and the words that say a meeting took place. Relations between them
are the next stage's work (``kg.relations``).

Two extractors share the reader: ``rules`` alone, and ``rules+ner``, where the report language's
recogniser (``kg.lang``; the KazNERD tagger for Kazakh) proposes persons, organizations and places
the lexicons and patterns do not know. The rules keep the last word: a proposal is taken only
where no rule mention lies, after trimming the words a name cannot hold (posts, sentence-initial
common words), and its value is the dictionary form the language's profile gives it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from kg.lang import Case, profile
from kg.lexicon import Entry, Head, Lexicon, load_lexicon
from kg.matching import LemmaMatcher, Match, PhraseMatcher
from kg.mentions import extractor
from kg.model import Mention, MentionKind, Report
from kg.morphology import word_matches
from kg.text import abbreviations, clean, fold, tokens, visible_tokens

CAPITALISED = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+(?:[-‐][A-ZА-ЯЁӘҒҚҢӨҰҮҺІa-zа-яёәғқңөұүһі]+)*$")
# The same in any alphabet (Şahin, Nişangül, Žilina): letters, apostrophes and hyphens; the case is checked apart.
CAPITALISED_ANY = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’])+(?:[-‐][^\W\d_]+)*$")
# An initial: one capital, or a Latin digraph for one Cyrillic letter (Zh. Adilbaev).
CAPITAL_LETTER = re.compile(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|Zh|Sh|Ch|Kh|Ts|Yu|Ya|Dzh)$")
LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9&'’-]*$")
LATIN_CAPITALISED = re.compile(r"^(?:[A-Z][A-Za-z0-9&'’-]*|[A-Z]{2,}[0-9]*)$")
LATIN_LINKS = frozenset({"do", "da", "de", "di", "del", "of", "and", "&", "la", "le", "du", "von", "van", "für"})
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# A Roman numeral (II, XXI): a degree, a century or an ordinal, never a name.
ROMAN = re.compile(r"^[IVXLCDM]+$")
DOMAIN = re.compile(r"\.(?:kz|ru|com|org|net|gov|info)\b", re.IGNORECASE)
# Quotation marks around a one-word name: a body or a brand («Атамекен»), not a town.
QUOTES_OPEN = frozenset({"«", '"', "“", "„"})
QUOTES_CLOSE = frozenset({"»", '"', "”", "“"})
# Surnames and patronymic-style names the rules recognise without a post before them.
SURNAME_ENDINGS = re.compile(
    r"(?:ов|ев|ёв|ова|ева|ин|ина|ын|ына|ұлы|қызы|улы|кызы|енко|дзе|швили|ян|янц|ский|ская|цкий|цкая|ұлы)$")
LOWER_MODIFIER = re.compile(
    r"^[а-яёәғқңөұүһі-]+(?:лық|лік|дық|дік|тық|тік|ғы|гі|қы|кі|лы|лі|ды|ді|ты|ті|ық|ік|ал|ел|и)$")
# A day, or the first of a range (20-21), with an English ordinal ending if any (15th).
DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|[-‐]о?го)?(?:[-–](\d{1,2})(?:st|nd|rd|th)?)?$")
# A day joined to its month by a hyphen: 15-қазан, 15-қазанда.
DAY_HYPHEN_MONTH = re.compile(r"^(\d{1,2})[-‐](\w+)$")
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
ISO_DATE = re.compile(r"^(1[89]\d\d|20\d\d)-(\d\d)-(\d\d)$")
NUMBER = re.compile(r"^\d{1,2}$")
DATE_SEPARATORS = frozenset({".", "/"})
ORDINAL_DAY = re.compile(r"^(\d{1,2})[-‐](?:і|сі|ы|сы|інде|сінде|ында|сында|нде|нда|де|да|ші|шы|інші|ншы)$")
# Words sites put next to a dateline or credit that are never names.
NOT_NAMES = frozenset(fold(w) for w in (
    "GMT", "UTC", "PHOTO", "Фото", "Сурет", "KZ", "Тараптар", "Кездесу", "Елші", "Сонымен", "Сондай-ақ",
    "Бүгін", "Кеше", "Новости", "Жоғарғы", "Облыс", "Қала", "Мемлекет", "Үкімет", "Парламент",
))
HONORIFICS = frozenset(fold(w) for w in ("мырза", "ханым", "господин", "госпожа", "г-н", "г-жа", "Mr", "Mrs", "Ms",
                                         "Dr", "Sir", "Madam"))
# His or Her Excellency, as tokens: H . E .
EXCELLENCY = ("H", ".", "E", ".")
MAX_NAME_TOKENS = 3
# Tokens a walk back from an organization's head noun reads at most.
MAX_NAME_STEPS = 8
MAX_PLACE_STEPS = 5
# Kazakh finite verbs and participles: past (-ды, -ті), present and future (-ады, -йді), participles (-ған, -атын).
VERB_ENDING = re.compile(r"(?:ды|ді|ты|ті|ады|еді|йды|йді|ған|ген|қан|кен|атын|етін|йтын|йтін|уда|уде|мақ|мек)$")
SPACE_BEFORE_COMMA = re.compile(r"\s+,")
# An acronym written in mixed case: ҚазҰУ, КазНУ, KazNU.
MIXED_ACRONYM = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{0,3}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]+[a-zа-яёәғқңөұүһі]?$")
# A short name in capitals, all (TURKSOY, ТЮРКСОЙ) or mixed (ҚазҰУ, KazNU).
ACRONYM = re.compile(rf"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{2,}}$|{MIXED_ACRONYM.pattern}")
# "долларов США", "US dollars" name a currency, not the state.
CURRENCY_WORDS = frozenset({"долл", "doll"})
# Words a Russian or English post phrase holds between the post and the name.
PHRASE_WORDS = frozenset({"of", "the", "to", "in", "at", "for", "and", "в", "во", "при", "по", "и", "г", "города",
                          "городе", ",", "(", ")", "-", "–"})
PHRASE_REACH = 24
# Words after which a capitalised word is a place or part of an office's name, not a person's name.
PLACE_PREPOSITIONS = frozenset({"в", "во", "из", "in", "to", "at", "from"})
# Words that open a post's or a place's complement: the capitalised word after them is no given name.
COMPLEMENT_OPENERS = PLACE_PREPOSITIONS | {"of"}
TITLE_LINKS = frozenset({"of", "and", "for", "&", "и", "по"})
# Words that join the parts of an organization's name.
ORG_LINKS = frozenset({"және", "мен", "бен", "пен", "и", "and", "of"})
# Words that join several names before one plural head: X and Y companies.
COORDINATORS = ORG_LINKS - {"of"} | {","}
# The kinds of mention a tagger may propose to the rules.
PROPOSED_KINDS = frozenset({MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.PLACE})
# Mentions that cue a fact without holding their words (a sector cue inside a name: Financial Centre).
UNCOVERING_KINDS = frozenset({MentionKind.SECTOR, MentionKind.MEETING, MentionKind.DATE})


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str
    clutter: bool


@extractor("rules")
def rule_mentions(report: Report, *, proposals: Sequence[Mention] = ()) -> list[Mention]:
    """Report in, mentions out: see the module docstring.

    ``proposals`` are another extractor's person, place and organization mentions for the rules
    to check and take where they found nothing.
    """
    return _Reader(report, load_lexicon(), proposals=[m for m in proposals if m.kind in PROPOSED_KINDS]).read()


@extractor("rules+ner")
@extractor("rules+kaznerd")
def tagged_rule_mentions(report: Report) -> list[Mention]:
    """The rules, checking the names the report language's recogniser proposes (the default).

    The recognisers are the languages' (``kg.lang``): KazNERD for Kazakh, natasha for Russian, the
    written one of ``kg.lang.en.ner`` for English. ``rules+kaznerd`` is this extractor's former name.
    """
    from kg.lang import proposals

    return rule_mentions(report, proposals=proposals(report))


@cache
def _matchers(language: str) -> tuple[PhraseMatcher, PhraseMatcher, LemmaMatcher, PhraseMatcher, PhraseMatcher]:
    lex = load_lexicon()
    names: PhraseMatcher[Entry] = PhraseMatcher(language)
    for e in lex.entries:
        # Latin names count in every language (a kk or ru text may write Astana Hub), but not the
        # gazetteer's: a Latin word in a Cyrillic text is a brand far more often than a foreign town.
        if e.language == language or (e.language == "en" and not e.derived
                                      and all(LATIN_WORD.match(w) for w in e.words)):
            exact = e.form == "abbreviation" or (len(e.words) == 1 and e.words[0].isupper() and len(e.words[0]) <= 6)
            names.add(e.words, e, exact=exact, prefix=e.kind == "place")
    roles: PhraseMatcher[str] = PhraseMatcher(language, derivation=profile(language).derived_cues)
    for c in lex.roles:
        for cue in c.cues:
            if cue.language == language:
                words = tuple(t.text for t in tokens(cue.text))
                roles.add(words, c.notation, exact=cue.text.isupper() and len(cue.text) <= 4)
    sectors: LemmaMatcher[str] = LemmaMatcher(profile(language))
    for c in lex.sectors:
        for cue in c.cues:
            if cue.language == language:
                words = tuple(t.text for t in tokens(cue.text))
                sectors.add(words, c.notation, exact=cue.text.isupper() and len(cue.text) <= 4)
    words: PhraseMatcher[tuple[str, str]] = PhraseMatcher(language, derivation=profile(language).derived_cues)
    for w in lex.words:
        if w.language == language and w.category in ("meeting", "visit", "group", "discussion", "deputy", "home"):
            words.add(tuple(t.text for t in tokens(w.word)), (w.category, w.value))
    heads: PhraseMatcher[Head] = PhraseMatcher(language)
    for h in lex.heads_for(language):
        heads.add((h.word,), h, exact=h.word.isupper())
    return names, roles, sectors, words, heads


class _Reader:
    """One pass over one report; state lives here only while ``read`` runs."""

    def __init__(self, report: Report, lexicon: Lexicon, *, proposals: Sequence[Mention] = ()) -> None:
        self.report = report
        self.lex = lexicon
        self.language = report.language
        self.view = clean(report.text)
        self.toks = self._tokens()
        self.texts = [t.text for t in self.toks]
        self.covered = [t.clutter for t in self.toks]
        self.out: list[Mention] = []
        self._emitted: set[tuple[str, int, int, str]] = set()
        self.barrier = [False] * len(self.toks)
        # Proposed organizations the recogniser read from a head noun (Astana International Financial Centre).
        self.headed: set[tuple[int, int]] = set()
        self.proposals = self._token_ranges(proposals)
        # Tokens after the first of a proposed person's name of several words (Чжао Ганом).
        self.in_proposed_name = {k for kind, first, last in self.proposals if kind == MentionKind.PERSON
                                 for k in range(first + 1, last + 1)}

    def _tokens(self) -> list[_Tok]:
        clutter_words = [w.word for w in self.lex.words_of("clutter")]
        out: list[_Tok] = []
        pos = self.report.body_start
        for line in self.view[self.report.body_start:].split("\n"):
            line_start, line_end = pos, pos + len(line)
            pos = line_end + 1
            stripped = line.strip()
            # Clutter (a caption, a file name, a weather line) is a short line; a long line is text
            # even when it starts with "Photo:" or names a .jpg.
            is_clutter = len(stripped) <= 120 and (
                any(stripped.startswith(w) for w in clutter_words)
                or re.search(r"\.(?:jpe?g|png)\b", stripped, re.IGNORECASE) is not None
                or re.match(r"^[-+]?\d+°", stripped) is not None
                or (len(stripped) < 40 and re.search(r"\d", stripped) is not None
                    and not re.search(r"[a-zа-яәғқңөұүһі]{4,}", stripped)))
            for t in visible_tokens(self.view, start=line_start, end=line_end):
                out.append(_Tok(t.start, t.end, t.text, is_clutter))
        return out

    # ------------------------------------------------------------ helpers

    def _token_ranges(self, proposals: Sequence[Mention]) -> list[tuple[str, int, int]]:
        """Each proposal as (kind, first token, last token), over whole tokens only."""
        starts = [t.start for t in self.toks]
        ends = [t.end for t in self.toks]
        out: list[tuple[str, int, int]] = []
        for m in proposals:
            first, last = bisect_left(starts, m.start), bisect_right(ends, m.end) - 1
            if first <= last and not any(self.toks[k].clutter for k in range(first, last + 1)):
                out.append((m.kind, first, last))
                if m.kind == MentionKind.ORGANIZATION and m.subtype:
                    self.headed.add((first, last))
        return out

    def _span_text(self, first: int, last: int) -> tuple[int, int, str]:
        start, end = self.toks[first].start, self.toks[last].end
        return start, end, self.report.text[start:end]

    def _emit(self, kind: str, first: int, last: int, value: str, subtype: str | None = None,
              *, cover: bool = True) -> None:
        start, end, text = self._span_text(first, last)
        if (kind, start, end, value) in self._emitted:
            return
        self._emitted.add((kind, start, end, value))
        self.out.append(Mention(kind, start, end, text, value, subtype, "rules"))
        if cover:
            for k in range(first, last + 1):
                self.covered[k] = True

    def _is_capitalised(self, i: int) -> bool:
        t = self.texts[i]
        shaped = bool(CAPITALISED.match(t)) or (
            bool(CAPITALISED_ANY.match(t)) and t[0].isupper() and re.split(r"[-‐]", t)[0][1:].islower())
        return shaped and fold(t) not in NOT_NAMES and not self._honorific(t)

    def _honorific(self, word: str) -> bool:
        """господин, г-жа, Mr, and their inflected forms where the language has lemmas: господином, г-ном."""
        return fold(word) in HONORIFICS or any(fold(x) in HONORIFICS for x in profile(self.language).lemmas(word))

    def _dictionary_form(self, words: Sequence[str], *, person: bool = False) -> str:
        """The language's dictionary form of a name (nominative, case ending off), or the words as written."""
        named = profile(self.language).name_form(words, MentionKind.PERSON if person else MentionKind.PLACE) \
            if words else None
        return named if named is not None else " ".join(words)

    # ------------------------------------------------------------ passes

    def read(self) -> list[Mention]:
        from kg import organizations  # its passes read this module's word shapes

        names, roles, sectors, words, heads = _matchers(self.language)
        opening = self._proposed_openings()
        for m in roles.find(self.texts):
            if m.first in opening:
                continue
            for k in range(m.first, m.last + 1):
                self.barrier[k] = True
        self._quoted_organizations(heads)
        self._names(names)
        self._head_patterns(heads)
        self._latin_organizations()
        self._ministries()
        organizations.appositions(self)
        role_matches = [m for m in roles.find(self.texts, skip=self.covered) if m.first not in opening]
        for m in role_matches:
            self._emit(MentionKind.ROLE, m.first, m.last, m.payload)
        self._persons(role_matches)
        self._sectors(sectors)
        for m in words.find(self.texts):
            category, value = m.payload
            if category in ("meeting", "visit", "group"):
                self._emit(MentionKind.MEETING, m.first, m.last, category, cover=False)
            elif category == "home" and not self.covered[m.first]:
                self._emit(MentionKind.COUNTRY, m.first, m.last, value, "home")
        self._dates()
        self._proposed_places_and_organizations(heads)
        organizations.short_names(self)
        organizations.drop_sources(self)
        return sorted(self.out, key=lambda m: (m.start, -m.end, m.kind))

    def _proposed_openings(self) -> frozenset[int]:
        """First words of proposed organizations of the form ``X of Y`` (Governorate of Ankara): not posts."""
        return frozenset(first for kind, first, last in self.proposals if kind == MentionKind.ORGANIZATION
                         and last > first + 1 and fold(self.texts[first + 1]) in TITLE_LINKS)

    def _names(self, names: PhraseMatcher[Entry]) -> None:
        for m in names.find(self.texts, skip=self.covered):
            e = m.payload
            first_tok = self.texts[m.first]
            if e.form in ("name", "variant") and not (first_tok[:1].isupper() or first_tok[:1].isdigit()):
                continue
            names_place = e.kind == "place" and m.first == m.last and self._names_place(m.first, e)
            # A one-word country or town inside a proposed person's name is a word of that name (Чжао Ганом),
            # unless the grammar says it names a place.
            if m.first == m.last and m.first in self.in_proposed_name and e.kind in ("country", "place") \
                    and not (e.kind == "place" and names_place):
                continue
            if e.kind == "place" and m.first == m.last and not names_place and self._first_name_of_person(m.last):
                continue
            if e.derived and m.first == m.last and not names_place and self._inside_longer_name(m.first, names):
                continue
            if e.kind == "country" and m.first > 0 and fold(self.texts[m.first - 1])[:4] in CURRENCY_WORDS:
                continue
            if e.kind == "country":
                self._emit(MentionKind.COUNTRY, self._state_form_start(m.first), m.last, e.key, e.form)
            elif e.kind == "place":
                # The head noun after a known place's name is part of the mention (Павлодар қаласында): its
                # case ending says where.
                last = m.last + 1 if m.last + 1 < len(self.texts) and not self.covered[m.last + 1] and \
                    self._is_head(m.last + 1, e.subtype, "after") else m.last
                self._emit(MentionKind.PLACE, m.first, last, e.key, e.subtype)
            else:
                self._emit(MentionKind.ORGANIZATION, m.first, m.last, e.key, e.subtype)

    def _state_form_start(self, first: int) -> int:
        """Where a state's long form starts before its name: ``Republic of Turkey``, ``Королевства Бельгия``."""
        start = first
        k = first - 1
        while k >= 0 and not self.covered[k] and self.lex.is_word(self.texts[k], "state-form", self.language):
            k -= 1
            if self.texts[k + 1][:1].isupper():
                start = k + 1
        return start

    def _ministries(self) -> None:
        """``Minister of Agriculture`` / ``Министр сельского хозяйства``: the post names its ministry."""
        lang = profile(self.language)
        for i in range(len(self.texts) - 1):
            found = lang.ministry_at(self, i)
            if found:
                first, last, name = found
                self._emit(MentionKind.ORGANIZATION, first, last, name, "government")
            body = lang.body_at(self, i)
            if body:
                first, last, name, subtype = body
                self._emit(MentionKind.ORGANIZATION, first, last, name, subtype)

    def span(self, first: int, last: int) -> str:
        """Tokens ``first``..``last`` as the report writes them, spaces collapsed."""
        return " ".join(self.view[self.toks[first].start:self.toks[last].end].split())

    def is_name_word(self, i: int) -> bool:
        return self._is_capitalised(i)

    def _names_place(self, i: int, e: Entry) -> bool:
        """A town's one-word name that opens a post's complement (Mayor of Debrecen Laszlo Papp), stands
        right before a post (Бурса губернаторы) or carries a case ending of place (Мюнхенде: in Munich)
        names the place, whatever capitalised words stand beside it."""
        if i + 1 < len(self.texts) and self._is_head(i + 1, position="after"):
            return False  # Shaanxi Province: the head patterns read the place with its head
        if i > 0 and fold(self.texts[i - 1]) in COMPLEMENT_OPENERS and i + 2 < len(self.texts) \
                and self._is_capitalised(i + 1) and self._is_capitalised(i + 2):
            return True  # a full name follows the town: Mayor of Debrecen Laszlo Papp
        if i + 1 < len(self.texts) and self.barrier[i + 1]:
            return True
        inflected = fold(self.texts[i]) != fold(e.name)
        return inflected and profile(self.language).has_case(
            self.texts[i], Case.LOCATIVE, Case.LOCATIVE_ATTRIBUTE, Case.DATIVE)

    def _inside_longer_name(self, i: int, names: PhraseMatcher[Entry]) -> bool:
        """``Tatsuhiko Kasai``, ``Игорь Бабушкин``, ``Toyota Motor``: a gazetteer town's one-word name
        next to a capitalised word that names nothing known (no place, country, head noun) is part of
        a person's or an organization's name; before a region's head noun (Turkestan region) it is the
        region's, which the head patterns find; beside a company's head noun (Тойота компаниясы,
        компания Тойота) it is the company's; in quotation marks («Атамекен») it names a body or a brand."""
        if 0 < i < len(self.texts) - 1 and self.texts[i - 1] in QUOTES_OPEN and self.texts[i + 1] in QUOTES_CLOSE:
            return True
        if i + 1 < len(self.texts) and (self._is_head(i + 1, "region", "after") or
                                        self._is_head(i + 1, "company", "after")):
            return True
        if i > 0 and self._is_head(i - 1, "company", "before"):
            return True
        surname_like = bool(SURNAME_ENDINGS.search(self.texts[i].lower()))
        for j in (i - 1, i + 1):
            # A sentence's first word is capitalised anyway: it counts before a surname-like town
            # (Игорь Бабушкин), when it is a word long enough to be a given name.
            if 0 <= j < len(self.texts) and self._sentence_initial(j) and not (
                    surname_like and j < i and len(self.texts[j]) >= 4):
                continue
            if not 0 <= j < len(self.texts) or not self._is_capitalised(j) or \
                    (j < i and self.toks[i].start - self.toks[j].end > 1) or \
                    (j > i and self.toks[j].start - self.toks[i].end > 1):
                continue
            if not names.match_at(self.texts, j) and not self._is_head(j):
                return True
        return False

    def _is_head(self, j: int, subtype: str | None = None, position: str | None = None) -> bool:
        """Is token ``j`` a head noun (of this type, standing on this side of its name)?"""
        return any(word_matches(self.texts[j], h.word, self.language) for h in self.lex.heads_for(self.language)
                   if subtype is None or (h.subtype == subtype and h.position == position))

    def _first_name_of_person(self, i: int) -> bool:
        """``Орал Мұхамеджанов``: a city's name standing before a surname is a given name."""
        nxt = i + 1
        if nxt >= len(self.texts) or not self._is_capitalised(nxt) or fold(self.texts[i]) != fold(
                self._dictionary_form([self.texts[i]], person=True)):
            return False
        surname = self._dictionary_form([self.texts[nxt]], person=True).lower()
        return bool(SURNAME_ENDINGS.search(surname)) and self.toks[nxt].start - self.toks[i].end <= 1

    def _quoted_organizations(self, heads: PhraseMatcher[Head]) -> None:
        """«Name» followed by an organization head noun: «Қоғамдық келісім» КММ."""
        for i, t in enumerate(self.texts):
            if t != "»" or i + 1 >= len(self.texts):
                continue
            found = [m for m in heads.match_at(self.texts, i + 1) if m.payload.kind == "organization"]
            if not found:
                continue
            j = i - 1
            while j >= 0 and self.texts[j] != "«" and i - j < 8:
                j -= 1
            if j < 0 or self.texts[j] != "«" or j + 1 >= i:
                continue
            name = " ".join(self.texts[j + 1:i])
            head = found[0]
            self._emit(MentionKind.ORGANIZATION, j, head.last, f"{name}\t{self._head_form(head)}", head.payload.subtype)

    def _head_form(self, m: Match[Head]) -> str:
        written = self.texts[m.last]
        form = m.payload.word
        return form[:1].upper() + form[1:] if written[:1].isupper() else form

    def _head_patterns(self, heads: PhraseMatcher[Head]) -> None:
        """A capitalised name before a head noun: Льеж провинциясы, Көлік министрлігі."""
        matches = [m for m in heads.find(self.texts) if m.payload.position == "after"
                   and (profile(self.language).forms.head_fits(self.texts[m.last], m.payload.word)
                        or self._plural_head(m))]
        # A place head in the plural (Almaty and Semey cities) leaves the towns to the gazetteer.
        matches = [m for m in matches if m.payload.kind == "organization" or not self._plural_head(m)]
        # Organizations first: Гимарайнш қаласы әкімдігі is one body, not a city and a stray head.
        for m in sorted(matches, key=lambda m: (m.payload.kind != "organization", m.first)):
            if self.covered[m.first]:
                continue
            if self._plural_head(m):
                self._coordinated_organizations(m)
                continue
            first = self._name_start(m.first, organization=m.payload.kind == "organization",
                                     town_named=m.payload.subtype == "university")
            if first is None or (first == m.first - 1 and self._sentence_initial(first) and self._common_word(
                    self.texts[first]) and profile(self.language).title_case_heads and self.texts[m.last].islower()):
                continue  # The company ...: where names write their heads in capitals, a common word heads nothing
            name_words = self.texts[first:m.first]
            head = m.payload
            if head.kind == "place":
                if head.subtype in ("city", "area"):
                    value = " ".join(name_words)
                    subtype = "city" if head.subtype == "city" else "region"
                    self._emit(MentionKind.PLACE, first, m.last, f"{value}\t{value} {self._head_form(m)}", subtype)
                elif profile(self.language).name_words_decline:
                    self._emit(MentionKind.PLACE, first, m.last,
                               self._dictionary_form([*name_words, self.texts[m.last]]), head.subtype)
                else:
                    self._emit(MentionKind.PLACE, first, m.last, f"{' '.join(name_words)} {self._head_form(m)}",
                               head.subtype)
            else:
                name = f"{self.span(first, m.first - 1)} {self._head_form(m)}"
                self._emit(MentionKind.ORGANIZATION, first, m.last, name, head.subtype)

    def _plural_head(self, m: Match[Head]) -> bool:
        """``universities``, ``университеттері``: a head noun in the plural names a class or several bodies."""
        written, head = self.texts[m.last], m.payload.word
        return m.payload.kind == "organization" and profile(self.language).forms.plural_head(written, head)

    def _coordinated_organizations(self, m: Match[Head]) -> None:
        """``Kawasaki and Marubeni companies``, ``Х және Y университеттері``: one body per name before a
        plural head; one name alone before it (Lithuanian universities) is a class, not a body."""
        parts: list[tuple[int, int]] = []
        end: int | None = None
        j = m.first - 1
        towns: list[Mention] = []
        while j >= 0 and not self.barrier[j]:
            t = self.texts[j]
            if self.covered[j]:
                town = self._town_at(j)
                if town is None:
                    break
                towns.append(town)
            if self._is_capitalised(j) or LATIN_CAPITALISED.match(t):
                end = j if end is None else end
                start = j
            elif end is not None and fold(t) in COORDINATORS:
                parts.append((start, end))
                end = None
            else:
                break
            if j > 0 and "\n" in self.view[self.toks[j - 1].end:self.toks[j].start]:
                break
            j -= 1
        if end is not None:
            if self._sentence_initial(start) and self._common_word(self.texts[start]):
                start += 1
            if start <= end:
                parts.append((start, end))
        if len(parts) < 2:
            return
        for town in towns:
            self.out.remove(town)
        head = m.payload
        form = head.word[:1].upper() + head.word[1:] if profile(self.language).title_case_heads else head.word
        for first, last in parts:
            value = f"{' '.join(self.texts[first:last + 1])} {form}"
            self._emit(MentionKind.ORGANIZATION, first, m.last if first == parts[0][0] else last, value,
                       head.subtype)

    def _town_at(self, j: int) -> Mention | None:
        """The one-word place mention at token ``j``, if any (Kawasaki, Сәтбаев: a town's name is a body's too)."""
        t = self.toks[j]
        return next((m for m in self.out if m.kind == MentionKind.PLACE and m.start == t.start and m.end == t.end),
                    None)

    def _name_start(self, head_index: int, *, organization: bool = False, town_named: bool = False) -> int | None:
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
        place = not organization and any(self._is_head(head_index, subtype, "after") for subtype in ("city", "region"))
        while j >= 0 and steps < limit and not self.barrier[j]:
            if place and j < head_index - 1 and j in self.in_proposed_name:
                break
            if self.covered[j]:
                inner = self._mention_ending_at(j)
                if inner is None:
                    break
                mention, start = inner
                if mention.kind == MentionKind.ORGANIZATION:
                    if self._is_nominative_head(j) or (organization and self._has_case(j, Case.GENITIVE)):
                        first = start
                    break
                if not (organization and mention.kind in (MentionKind.PLACE, MentionKind.COUNTRY)
                        and self._place_in_name(start, j, head_index, town_named)):
                    break
                first, capitals = start, capitals + 1
                steps += j - start + 1
                j = start - 1
                if j >= 0 and "\n" in self.view[self.toks[j].end:self.toks[start].start]:
                    break
                continue
            t = self.texts[j]
            if organization and first is not None and self.lex.is_word(t, "named-after", self.language):
                named = self._named_after(j)
                if named is not None:
                    first = named
                break
            if self._is_capitalised(j) and capitals and SURNAME_ENDINGS.search(
                    self._dictionary_form([t], person=True).lower()):
                break
            if organization and self._has_case(j, Case.GENITIVE) and t[:1].isupper():
                break  # a possessor, not a word of the name: Компанияның филиалы
            if self._is_capitalised(j) or LATIN_CAPITALISED.match(t) or (t.isupper() and len(t) >= 2) or (
                    organization and MIXED_ACRONYM.match(t)):
                first = j
                capitals += 1
            elif not (self._modifier(j) or (t in LATIN_LINKS and first is not None) or (
                    organization and (self._genitive_place_head(j) or self._bare_name_word(j)))):
                break
            if j > 0 and "\n" in self.view[self.toks[j - 1].end:self.toks[j].start]:
                break
            j -= 1
            steps += 1
        if first is None:
            return None
        # A sentence's first word is capitalised anyway: a common word there is not part of the name.
        if first < head_index - 1 and self._sentence_initial(first) and self._common_word(self.texts[first]) \
                and not CAPITAL_LETTER.match(self.texts[first]):
            first += 1
            # and the lower-case words after it (Бұл туралы ...) open no name either
            while first < head_index - 1 and self.texts[first].islower() and not self.covered[first]:
                first += 1
            if organization and self.texts[first].islower():
                return None  # Бүгін білім министрлігі: no capitalised word is left to open the name
        return first

    def _bare_name_word(self, j: int) -> bool:
        """A lower-case word inside a body's name where case endings mark a phrase: a noun as written, with no
        case ending (Денсаулық сақтау министрлігі, Сауда және интеграция министрлігі), or a word joining two."""
        lang = profile(self.language)
        t = self.texts[j]
        if not lang.marks_case or not t.isalpha() or not t.islower() or self.covered[j]:
            return False
        if fold(t) in ORG_LINKS:  # between two lower-case words: Сауда және интеграция, not Kawasaki мен Marubeni
            return 0 < j < len(self.texts) - 1 and self.texts[j - 1][:1].isalpha() and self.texts[j + 1].islower()
        return not any(ending.search(t) for _case, ending in lang.case_endings) and not self._common_verb(t)

    def _common_verb(self, word: str) -> bool:
        """A verb form that ends a clause (өтті, келді, болады): never inside a name."""
        return bool(VERB_ENDING.search(word))

    def _has_case(self, j: int, case: Case) -> bool:
        return profile(self.language).has_case(self.texts[j], case)

    def _place_in_name(self, start: int, last: int, head_index: int, town_named: bool = False) -> bool:
        """May the place or state at tokens ``start``..``last`` be a word of the name the head at ``head_index``
        closes? As written (Көкшетау, Moscow), in the genitive (Қазақстанның), or in the locative with more
        name before it (университетінің Нұр-Сұлтандағы); where heads are written in capitals, only before one."""
        lang = profile(self.language)
        if lang.title_case_heads and not self.texts[head_index][:1].isupper():
            return False
        t = self.texts[last]
        if fold(self._dictionary_form([t])) == fold(t) or self._has_case(last, Case.GENITIVE):
            # A place right before the head is its own (Жапония үкіметі), but a university is named by its town.
            return last < head_index - 1 or town_named
        return self._has_case(last, Case.LOCATIVE_ATTRIBUTE) and start > 0 and self.covered[start - 1] \
            and self._has_case(start - 1, Case.GENITIVE)

    def _genitive_place_head(self, j: int) -> bool:
        """A region's or city's head noun in the genitive inside a body's name: Ақмола облысының әкімдігі."""
        t = self.texts[j]
        return self._has_case(j, Case.GENITIVE) and j > 0 and self._is_capitalised(j - 1) and any(
            h.kind == "place" and word_matches(t, h.word, self.language)
            and profile(self.language).forms.head_fits(t, h.word) for h in self.lex.heads_for(self.language))

    def _named_after(self, j: int) -> int | None:
        """First token of the person's name before ``атындағы`` at ``j``: initials and capitalised words."""
        k, first = j - 1, None
        while k >= 0 and j - k <= MAX_NAME_TOKENS + 3 and not self.covered[k] and not self.barrier[k]:
            t = self.texts[k]
            if self._sentence_initial(k) and not CAPITAL_LETTER.match(t) and (
                    self._common_word(t) or first is not None):
                break  # a sentence's first word is capitalised anyway: before another name word it is not one
            if self._is_capitalised(k) or CAPITAL_LETTER.match(t) or (CAPITALISED_ANY.match(t) and t[:1].isupper()):
                first = k
            elif not (t == "." and k > 0 and CAPITAL_LETTER.match(self.texts[k - 1])):
                break
            k -= 1
        return first

    def _sentence_initial(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.view[self.toks[i - 1].end:self.toks[i].start]
        if self.texts[i - 1] == "." and i > 1 and (self.texts[i - 2] in abbreviations() or CAPITAL_LETTER.match(
                self.texts[i - 2])):
            return "\n" in gap  # Mr. Smith, Р. Василенко: the full stop of an abbreviation or an initial
        return "\n" in gap or self.texts[i - 1] in (".", "!", "?", "«", '"', "—", "–", "-")

    def _mention_ending_at(self, j: int) -> tuple[Mention, int] | None:
        """The organization, place or country mention that ends at token ``j`` and its first token, if one does."""
        end = self.toks[j].end
        for m in reversed(self.out):
            if m.kind in (MentionKind.ORGANIZATION, MentionKind.PLACE, MentionKind.COUNTRY) and m.end == end:
                return m, next(k for k, t in enumerate(self.toks) if t.start == m.start)
        return None

    def _is_nominative_head(self, j: int) -> bool:
        """An organization name that another head extends stays in its dictionary form (Сенаты Аппараты)."""
        t = self.texts[j]
        return any(fold(h.word) == fold(t) for h in self.lex.heads_for(self.language)) or fold(t) in {
            fold(e.words[-1]) for e in self.lex.entries if e.kind == "organization"}

    def _modifier(self, j: int) -> bool:
        """A lowercase word inside a name: an adjective, or another head in its dictionary form."""
        t = self.texts[j]
        if not t.islower():
            return False
        return bool(LOWER_MODIFIER.match(t) and j > 0) or any(h.word == t for h in self.lex.heads_for(self.language))

    def _latin_organizations(self) -> None:
        """Runs of capitalised Latin words inside Cyrillic text: company and university names."""
        if profile(self.language).script == "latin":
            return
        i = 0
        n = len(self.texts)
        while i < n:
            t = self._latin_base(i)
            near = self.view[self.toks[i].start:self.toks[i].end + 4]
            if self.covered[i] or not LATIN_CAPITALISED.match(t) or fold(t) in NOT_NAMES or DOMAIN.search(near) \
                    or ROMAN.match(t):
                i += 1
                continue
            j = i
            while j + 1 < n and not self.covered[j + 1] and (
                    LATIN_CAPITALISED.match(self._latin_base(j + 1)) or (
                    self.texts[j + 1] in LATIN_LINKS and j + 2 < n and LATIN_CAPITALISED.match(self.texts[j + 2]))) \
                    and self.toks[j + 1].start - self.toks[j].end <= 1 and self._latin_base(j) == self.texts[j]:
                j += 1
            words = [self._latin_base(k) for k in range(i, j + 1)]
            subtype = "university" if any(w.lower().startswith("univers") for w in words) else "company"
            self._emit(MentionKind.ORGANIZATION, i, j, " ".join(words), subtype)
            i = j + 1

    def _latin_base(self, i: int) -> str:
        t = self.texts[i]
        m = re.match(r"^([A-Za-z0-9&]+(?:[-‐][A-Za-z0-9&]+)*)[-‐][\u0400-\u04FF]+$", t)
        return m.group(1) if m else t

    # ------------------------------------------------------------ persons

    def _persons(self, role_matches: list[Match[str]]) -> None:
        found: list[tuple[int, int]] = []
        # Where case endings mark the post phrase the name follows the post; elsewhere its complements may.
        name_after = self._name_after if profile(self.language).marks_case else self._name_after_phrase
        for m in role_matches:
            span = name_after(m.last + 1)
            if span:
                found.append(span)
        for i in range(len(self.texts)):
            span = self._initials_name(i)
            if span:
                found.append(span)
        for i in range(len(self.texts) - 1):
            if self.covered[i] or self.covered[i + 1]:
                continue
            if self._is_capitalised(i) and self._is_capitalised(i + 1) and not self.toks[i].clutter and not (
                    self._sentence_initial(i) and self._common_word(self.texts[i], inflected=True)):
                surname = self._dictionary_form([self.texts[i + 1]], person=True)
                if SURNAME_ENDINGS.search(surname.lower()) and CYRILLIC.search(surname):
                    found.append((i, i + 1))
        for kind, first, last in self.proposals:
            if kind == MentionKind.PERSON:
                span = self._proposed_name(first, last)
                if span:
                    # A post's name that runs in from the left (General Sultan Raev) yields to the proposal.
                    if span[1] > span[0]:
                        found = [f for f in found if not f[0] < span[0] <= f[1] <= span[1]]
                    found.append(span)
        accepted: list[tuple[int, int]] = []
        for first, last in sorted(set(found)):
            if any(self.covered[k] for k in range(first, last + 1)):
                continue
            self._emit_person(first, last)
            accepted.append((first, last))
        self._repeats(accepted)

    def _proposed_name(self, first: int, last: int) -> tuple[int, int] | None:
        """A tagged person, trimmed to its name words: initials and two or three capitalised words."""
        while first <= last and self._sentence_initial(first) and self._common_word(self.texts[first], inflected=True):
            first += 1
        while first <= last and (self.barrier[last] or not self._is_capitalised(last)):
            last -= 1
        if first > last:
            return None
        initials = self._initials_at(first)
        words = range(initials if initials is not None else first, last + 1)
        if not words or any(self.barrier[k] or not self._is_capitalised(k) for k in words):
            return None
        if len(words) < 2 and initials is None:
            return None
        return first, last

    def _emit_person(self, first: int, last: int) -> None:
        words = [w for w in self.texts[first:last + 1]]
        value = self._person_value(words)
        self._emit(MentionKind.PERSON, first, last, value)

    def _person_value(self, words: list[str]) -> str:
        """``Р . Василенко`` → ``Р. Василенко``; case ending off the last word."""
        parts: list[str] = []
        for w in words:
            if w == "." and parts:
                parts[-1] += "."
            else:
                parts.append(w)
        named = profile(self.language).name_form(parts, MentionKind.PERSON)
        return named if named is not None else " ".join(parts)

    def _name_after(self, i: int) -> tuple[int, int] | None:
        """The name right after a post: optional initials, then up to three capitalised words."""
        honorific = self._after_honorifics(i) > i
        i = self._after_honorifics(i)
        start = i
        initials = self._initials_at(i)
        if initials is not None:
            i = initials
        first = i
        count = 0
        while i < len(self.texts) and count < MAX_NAME_TOKENS and not self.covered[i] \
                and (self._is_capitalised(i) or (LATIN_CAPITALISED.match(self.texts[i]) and len(self.texts[i]) > 1
                                                 and not self._honorific(self.texts[i]))):
            if count and self.toks[i].start - self.toks[i - 1].end > 1:
                break
            i += 1
            count += 1
            middle = self._initials_at(i) if count == 1 and i < len(self.texts) else None
            if middle is not None and middle < len(self.texts) and self._is_capitalised(middle):
                i = middle
        if count == 0 or (count == 1 and initials is None and not self._looks_like_single_name(first)):
            return None
        # Director of Cultural Affairs: where titles capitalise their words, capitalised common words
        # after a post are a title, not a name (Mr. Grace Young is one); elsewhere (Берік Арын) a name.
        if not honorific and initials is None and count > 1 and profile(self.language).title_case_heads and all(
                self._common_word(self.texts[k]) for k in range(first, i)):
            return None
        return start, i - 1

    def _after_honorifics(self, i: int) -> int:
        """The index after any honorifics at ``i``: ``H.E. Mr.``, ``господин``, ``г-жа``."""
        while i < len(self.texts):
            if tuple(self.texts[i:i + len(EXCELLENCY)]) == EXCELLENCY:
                i += len(EXCELLENCY)
            elif self._honorific(self.texts[i]):
                i += 2 if i + 1 < len(self.texts) and self.texts[i + 1] == "." else 1
            else:
                return i
        return i

    def _name_after_phrase(self, i: int) -> tuple[int, int] | None:
        """Russian and English: the name after the post's complements (of X, to Y, в Z), in one sentence."""
        limit = min(len(self.texts), i + PHRASE_REACH)
        j = i
        depth = 0
        while j < limit:
            t = self.texts[j]
            if t == "(":
                depth += 1
            elif t == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and self._after_honorifics(j) > j:
                span = self._name_after(j)
                if span:
                    return span
                j = self._after_honorifics(j)
                continue
            elif depth == 0 and not self.covered[j] and (self._is_capitalised(j) or self._initials_at(j) is not None):
                if j > 0 and fold(self.texts[j - 1]) in PLACE_PREPOSITIONS and self._initials_at(j) is None:
                    j += 1
                    continue
                span = self._name_after(j)
                if span and (span[1] > span[0] or self._initials_at(j) is not None):
                    nxt = span[1] + 1
                    if nxt + 1 < len(self.texts) and fold(self.texts[nxt]) in TITLE_LINKS \
                            and not self.texts[nxt + 1].islower():
                        j = nxt
                        continue
                    return span
                j = (span[1] if span else j) + 1
                continue
            elif depth == 0 and not self.covered[j] and fold(t) not in PHRASE_WORDS and not self.barrier[j] \
                    and (t in ".;:!?" or t.islower()):
                return None
            j += 1
        return None

    def _looks_like_single_name(self, i: int) -> bool:
        """A lone word after a post is a name only if it is surname-shaped."""
        form = self._dictionary_form([self.texts[i]], person=True).lower()
        return bool(SURNAME_ENDINGS.search(form))

    def _initials_at(self, i: int) -> int | None:
        """Index after ``Р.`` or ``Е. Б.`` at ``i``, or None; ``H.E.`` (His Excellency) is no initials."""
        if tuple(self.texts[i:i + len(EXCELLENCY)]) == EXCELLENCY:
            return None
        j = i
        seen = 0
        while j + 1 < len(self.texts) and CAPITAL_LETTER.match(self.texts[j]) and self.texts[j + 1] == "." and seen < 3:
            j += 2
            seen += 1
        return j if seen else None

    def _initials_name(self, i: int) -> tuple[int, int] | None:
        if self.covered[i] or self.toks[i].clutter:
            return None
        after = self._initials_at(i)
        if after is None or after >= len(self.texts) or self.covered[after] or not self._is_capitalised(after):
            return None
        if i > 0 and self.texts[i - 1] == "." and CAPITAL_LETTER.match(self.texts[max(i - 2, 0)]):
            return None
        return i, after

    def _repeats(self, accepted: list[tuple[int, int]]) -> None:
        """Later (or earlier) bare surnames of a person already found: Жамармен, Ахметов."""
        surnames = {fold(self._dictionary_form([self.texts[last]], person=True)) for _, last in accepted}
        firsts = {fold(self.texts[first]): last for first, last in accepted if self._is_capitalised(first)}
        for i in range(len(self.texts)):
            if self.covered[i] or self.toks[i].clutter or not self._is_capitalised(i):
                continue
            form = fold(self._dictionary_form([self.texts[i]], person=True))
            if form in surnames and len(form) >= 3:
                first = i - 1 if i > 0 and fold(self.texts[i - 1]) in firsts and not self.covered[i - 1] else i
                self._emit_person(first, i)

    def _proposed_places_and_organizations(self, heads: PhraseMatcher[Head]) -> None:
        """Tagged places and organizations that no rule mention touches: Токиода, Сенаттың.

        A proposal that overlaps a rule mention is left out whole: the rules read that stretch
        already, and what the tagger adds around it is a fragment (ЮНЕСКО Әлемдік мұра).
        """
        for kind, first, last in self.proposals:
            if kind == MentionKind.ORGANIZATION:
                self._extend_organization(first, last)
            if kind == MentionKind.PERSON or self._overlaps_rules(first, last) or self._states_pair(first, last):
                continue
            lead_head = self._leading_head(heads, first) if kind == MentionKind.ORGANIZATION and first < last else None
            while first <= last and (self.barrier[first] or (lead_head is None and
                    self._sentence_initial(first) and self._common_word(self.texts[first]))):
                first += 1
            while first <= last and self.barrier[last]:
                last -= 1
            if "(" in self.texts[first + 1:last + 1]:
                last = self.texts.index("(", first + 1) - 1  # a short name in brackets is read apart (kg.organizations)
            if kind == MentionKind.PLACE:
                # A genitive ends a place name: Еуропаның Жасыл астанасы is Europe's green capital.
                last = next((k for k in range(first, last)
                             if profile(self.language).has_case(self.texts[k], Case.GENITIVE)), last)
            if first > last or any(self.barrier[k] for k in range(first, last + 1)):
                continue
            lead = self.texts[first]
            if not (self._is_capitalised(first) or LATIN_CAPITALISED.match(lead) or (lead.isupper() and len(lead) > 1)):
                continue
            if DOMAIN.search(self.view[self.toks[first].start:self.toks[last].end + 4]):
                continue
            if self.lex.month(lead) is not None or (first == last and ROMAN.match(lead)):
                continue
            words = self.texts[first:last + 1]
            quoted = first > 0 and last + 1 < len(self.texts) and self.texts[first - 1] in QUOTES_OPEN \
                and self.texts[last + 1] in QUOTES_CLOSE
            # A name in quotation marks is written in its dictionary form: the case ending follows the quote.
            value = self.span(first, last) if quoted else SPACE_BEFORE_COMMA.sub(",", self._dictionary_form(words))
            if len(words) == 1 and self._common_word(words[0]):
                continue
            if kind == MentionKind.PLACE:
                self._emit(MentionKind.PLACE, first, last, value)
            else:
                head = [m.payload for m in heads.match_at(self.texts, last) if m.payload.kind == "organization"]
                head = head or ([lead_head] if lead_head else [])
                self._emit(MentionKind.ORGANIZATION, first, last, value, head[0].subtype if head else None)

    def _states_pair(self, first: int, last: int) -> bool:
        """``Қазақстан-Ресей``, ``Kazakh-Turkish``: two states joined by a hyphen qualify a relation, they
        name no place or body."""
        names = _matchers(self.language)[0]
        for k in range(first, last + 1):
            parts = [p for p in re.split(r"[-‐]", self.texts[k]) if p]
            if len(parts) > 1 and any(m.payload.kind == "country" for p in parts for m in names.match_at([p], 0)):
                return True
        return False

    def _leading_head(self, heads: PhraseMatcher[Head], i: int) -> Head | None:
        """An organization's head noun standing first in its name (Министерство энергетики): never trimmed."""
        return next((m.payload for m in heads.match_at(self.texts, i)
                     if m.payload.kind == "organization" and m.payload.position == "before"), None)

    def _overlaps_rules(self, first: int, last: int) -> bool:
        """A rule mention lies in the proposal; ``Government of Kazakhstan`` and a name the recogniser read from
        its head noun (Astana International Financial Centre, Kazakh Foreign Ministry) may hold a country or place."""
        if not any(self.covered[k] for k in range(first, last + 1)):
            return False
        headed = (first, last) in self.headed and not self.covered[last]
        if not headed and (self.covered[first] or first + 1 > last or fold(self.texts[first + 1]) not in TITLE_LINKS):
            return True
        start, end = self.toks[first].start, self.toks[last].end
        inner = [m for m in self.out if m.start < end and m.end > start and m.kind not in UNCOVERING_KINDS]
        return any(m.kind not in (MentionKind.COUNTRY, MentionKind.PLACE) or m.start < start or m.end > end
                   for m in inner)

    def _extend_organization(self, first: int, last: int) -> None:
        """A tagged organization that ends where a rule one does, with more name words before it.

        ``Еуропалық Қайта Құру және Даму Банкінің``: the head-noun rule stops at ``Даму Банкі``;
        the tagged words before it join the name when no other mention holds them.
        """
        rule = next((m for m in self.out if m.kind == MentionKind.ORGANIZATION and m.end == self.toks[last].end
                     and m.start > self.toks[first].start and "\t" not in m.value
                     and not self.lex.entry_labels(m.value)), None)
        if rule is None:
            return
        inner = next(k for k in range(first, last + 1) if self.toks[k].start == rule.start)
        while first < inner and self._sentence_initial(first) and self._common_word(self.texts[first]):
            first += 1
        extra = range(first, inner)
        if not extra or not self._is_capitalised(first) or any(
                self.covered[k] or self.barrier[k] or self.toks[k].clutter for k in extra):
            return
        if any(not (self._is_capitalised(k) or self._modifier(k) or fold(self.texts[k]) in ORG_LINKS) for k in extra):
            return
        self.out.remove(rule)
        words = " ".join(self.texts[k] for k in extra)
        self._emit(MentionKind.ORGANIZATION, first, last, f"{words} {rule.value}", rule.subtype)

    def _common_word(self, word: str, *, inflected: bool = False) -> bool:
        """A capitalised word that is a common word of the language, never a name's (Қазақша, Вчера).

        With ``inflected``, only a common word with an ending (Кездесуде): a given name before
        a surname takes no ending, but may be a common word too (Бақыт, Ерік).
        """
        return bool(profile(self.language).is_common_word(word, inflected=inflected))

    # ------------------------------------------------------------ sectors and dates

    def _sectors(self, sectors: LemmaMatcher[str]) -> None:
        """Cue words of sectors, whole words in the language's inflection; the parts of a hyphenated
        word count too (сауда-экономикалық). A cue inside a name (a person, place or organization
        found so far) is part of that name, not a topic."""
        parts: list[tuple[int, str]] = []
        for i, t in enumerate(self.texts):
            parts.append((i, t))
            if re.search(r"[-‐]", t):
                parts.extend((i, p) for p in re.split(r"[-‐]", t) if p)
        texts = [p for _, p in parts]
        named = self._named_tokens()
        seen: set[tuple[int, int, str]] = set()
        found = sectors.find_all(texts)
        ends: dict[int, set[str]] = {}
        for m in found:
            ends.setdefault(parts[m.last][0], set()).add(m.payload)
        for m in found:
            first, last = parts[m.first][0], parts[m.last][0]
            if first == last and first > 0 and ends.get(first - 1, set()) - {m.payload} \
                    and self.toks[first].start - self.toks[first - 1].end <= 1 and self.texts[first][:1].islower():
                continue
            if any(self.toks[k].clutter or k in named for k in range(first, last + 1)):
                continue
            key = (first, last, m.payload)
            if key in seen:
                continue
            seen.add(key)
            self._emit(MentionKind.SECTOR, first, last, m.payload, cover=False)

    def _named_tokens(self) -> set[int]:
        """Tokens inside a person, place or organization mention found so far."""
        starts = [t.start for t in self.toks]
        out: set[int] = set()
        for m in self.out:
            if m.kind in (MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORGANIZATION):
                out.update(range(bisect_left(starts, m.start), bisect_left(starts, m.end)))
        return out

    def _dates(self) -> None:
        """Written dates as ``YYYY-MM-DD``, or ``--MM-DD`` without a year (the context gives it).

        15 October 2025, October 15, 2025 and Oct. 15 (where the language puts the day after the
        month), 15 октября 2025 года, 2025 жылғы 15 қазан, 15-қазанда, қазанның 15-і, 15.10.2025
        and 2025-10-15; a range (20-21 September) gives its first day.
        """
        i = 0
        while i < len(self.texts):
            found = None if self.toks[i].clutter else (self._numeric_date(i) or self._month_date(i))
            if found is None:
                i += 1
                continue
            first, last, year, month, day = found
            value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
            self._emit(MentionKind.DATE, first, last, value, cover=False)
            i = last + 1

    def _month_of(self, token: str) -> int | None:
        if not (token[:1].isalpha() and len(token) >= 3):
            return None
        month = self.lex.month(token)
        if month is None:
            month = next((int(w.value) for w in self.lex.words_of("month-short", self.language)
                          if w.word == token), None)
        return month

    def _joined(self, first: int, last: int) -> bool:
        """Tokens ``first``..``last`` written with no space between them."""
        return all(self.toks[k + 1].start == self.toks[k].end for k in range(first, last))

    def _numeric_date(self, i: int) -> tuple[int, int, int | None, int, int] | None:
        """15.10.2025, 15/10/2025 or 2025-10-15."""
        texts = self.texts
        iso = ISO_DATE.match(texts[i])
        if iso:
            return _valid_date(i, i, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if i + 4 >= len(texts) or not NUMBER.match(texts[i]) or texts[i + 1] not in DATE_SEPARATORS \
                or not NUMBER.match(texts[i + 2]) or texts[i + 3] != texts[i + 1] or not YEAR.match(texts[i + 4]) \
                or not self._joined(i, i + 4) or (i > 0 and self._joined(i - 1, i) and texts[i - 1] not in "(«\"'"):
            return None
        return _valid_date(i, i + 4, int(texts[i + 4]), int(texts[i + 2]), int(texts[i]))

    def _month_date(self, i: int) -> tuple[int, int, int | None, int, int] | None:
        """A date around the month word at ``i``: the day before or after it, the year after or before."""
        texts = self.texts
        joined = DAY_HYPHEN_MONTH.match(texts[i])
        month = self._month_of(joined.group(2)) if joined else self._month_of(texts[i])
        if month is None:
            return None
        day: int | None = None
        first = last = i
        if joined:
            day = int(joined.group(1))
        elif i >= 3 and texts[i - 2] in "-–" and DAY_MONTH.match(texts[i - 3]) and DAY_MONTH.match(texts[i - 1]):
            day, first = int(DAY_MONTH.match(texts[i - 3]).group(1)), i - 3
        elif i > 0 and DAY_MONTH.match(texts[i - 1]):
            day, first = int(DAY_MONTH.match(texts[i - 1]).group(1)), i - 1
        elif i > 1 and texts[i - 1].lower() == "of" and DAY_MONTH.match(texts[i - 2]):
            day, first = int(DAY_MONTH.match(texts[i - 2]).group(1)), i - 2  # the 15th of October
            if first > 1 and texts[first - 1].lower() == "and" and DAY_MONTH.match(texts[first - 2]):
                day, first = int(DAY_MONTH.match(texts[first - 2]).group(1)), first - 2  # the 20th and 21st of
        elif profile(self.language).day_after_month:
            j = i + 2 if i + 2 < len(texts) and texts[i + 1] == "." else i + 1
            if j < len(texts) and DAY_MONTH.match(texts[j]):
                day, last = int(DAY_MONTH.match(texts[j]).group(1)), j
                if last + 2 < len(texts) and texts[last + 1] in "-–" and DAY_MONTH.match(texts[last + 2]):
                    last += 2
                if last + 2 < len(texts) and texts[last + 1] == "," and YEAR.match(texts[last + 2]):
                    last += 1
        elif i + 1 < len(texts):
            om = ORDINAL_DAY.match(texts[i + 1]) or (
                DAY_MONTH.match(texts[i + 1]) if i + 2 < len(texts) and texts[i + 2] in "-‐" else None)
            if om:
                day = int(om.group(1))
                last = min(i + 1 if ORDINAL_DAY.match(texts[i + 1]) else i + 3, len(texts) - 1)
        if day is None:
            return None
        year = None
        if last + 1 < len(texts) and YEAR.match(texts[last + 1]):
            year, last = int(texts[last + 1]), last + 1
        else:
            before = first - 1
            if before >= 1 and texts[before] == ".":
                before -= 1
            if before >= 1 and self._year_word(texts[before]) and YEAR.match(texts[before - 1]):
                year, first = int(texts[before - 1]), before - 1
        return _valid_date(first, last, year, month, day)

    def _year_word(self, token: str) -> bool:
        lang = profile(self.language)
        return any(lang.word_is(token, w.word) for w in self.lex.words_of("year", self.language))


def _valid_date(first: int, last: int, year: int | None, month: int, day: int
                ) -> tuple[int, int, int | None, int, int] | None:
    """The date if the calendar has it (29 February in any leap year when no year is written)."""
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return first, last, year, month, day

