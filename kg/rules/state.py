"""The state the rule passes share: one report's tokens, the mentions emitted so far, and the word
shapes and helpers every pass asks about (is a word capitalised, a sentence's first, a common word)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property
from typing import NamedTuple

from kg.lang import Case, profile, word_key
from kg.letters import DIGRAPHS
from kg.letters import HYPHEN as HYPHEN
from kg.lexicon import Head, Lexicon
from kg.matching import Match
from kg.model import EPONYM, Mention, MentionKind, Report
from kg.reports import DATELINE_PLACE, line_date
from kg.rules.matchers import Matchers, matchers
from kg.text import Token, abbreviations, clean, fold, visible_tokens

CAPITALISED = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+(?:[-‐][A-ZА-ЯЁӘҒҚҢӨҰҮҺІa-zа-яёәғқңөұүһі]+)*$")
# A name whose prefix an apostrophe joins to a capitalised word (O'Connor, О'Коннор, D'Amato).
APOSTROPHE_NAME = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яё]{0,2}['’][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+"
                             r"(?:[-‐][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+)*$")
# The same in any alphabet (Şahin, Nişangül, Žilina): letters, apostrophes and hyphens; the case is checked apart.
CAPITALISED_ANY = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’])+(?:[-‐][^\W\d_]+)*$")
# An initial: one capital, a Latin digraph for one Cyrillic letter (Zh. Adilbaev), or the Cyrillic one for a Latin J
# (Дж. Хендерсон: James Henderson).
CAPITAL_LETTER = re.compile(rf"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|{DIGRAPHS})$")
LATIN_CAPITALISED = re.compile(r"^(?:[A-Z][A-Za-z0-9&'’-]*|[A-Z]{2,}[0-9]*)$")
# The same with the letters of other Latin alphabets (Universidad Católica del Norte in Cyrillic text).
LATIN_CAPITALISED_ANY = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][A-Za-z0-9&'’\-À-ÖØ-öø-ɏ]*|[A-Z]{2,}[0-9]*)$")
LATIN_LINKS = frozenset({"do", "da", "de", "di", "del", "of", "and", "&", "la", "le", "du", "von", "van", "für"})
# A Roman numeral (II, XXI): a degree, a century or an ordinal, never a name.
ROMAN = re.compile(r"^[IVXLCDM]+$")
DOMAIN = re.compile(r"\.(?:kz|ru|com|org|net|gov|info)\b", re.IGNORECASE)
# Quotation marks around a one-word name: a body or a brand («Атамекен»), not a town.
QUOTES_OPEN = frozenset({"«", '"', "“", "„"})
QUOTES_CLOSE = frozenset({"»", '"', "”", "“"})
# Surnames and patronymic-style names the rules recognise without a post before them.
# A patronymic: the surname follows it in a full name (Серік Әлиұлы Жұмабеков, Иван Петрович Сидоров).
PATRONYMIC = re.compile(r"(?:ұлы|улы|қызы|кызы|ович|евич|ьич|овна|евна|ична|инична)$", re.IGNORECASE)
# The prepositions of a post's complement, whose capitalised common words are no name's (Minister for Foreign Affairs
# and Trade X, Commissioner for Trade X, Director of Cultural Affairs X), and the links that go on with them.
SCOPE_PREPOSITIONS = frozenset({"for", "of"})
SCOPE_LINKS = frozenset({"and", "&", ","})
# A headline in title case: the share of its long words (of this many letters) that open with a capital, and their
# least count (``State.headline``).
HEADLINE_SHARE = 0.75
HEADLINE_LETTERS = 4
HEADLINE_WORDS = 3
# The categories of the words (lexicons/words.tsv) that say a meeting, a visit or a group's talks took place.
MEETING_CATEGORIES = frozenset({"meeting", "visit", "group"})
# The letters a surname-shaped word holds before its ending at least (Сапаров; Ян, Мин are given names).
SURNAME_ROOT = 2
SURNAME_ENDINGS = re.compile(
    r"(?:ов|ев|ёв|ова|ева|ин|ина|ын|ына|ұлы|қызы|улы|кызы|енко|дзе|швили|ян|янц|ский|ская|цкий|цкая|ұлы)$")

LOWER_MODIFIER = re.compile(
    r"^[а-яёәғқңөұүһі-]+(?:лық|лік|дық|дік|тық|тік|ғы|гі|қы|кі|лы|лі|ды|ді|ты|ті|ық|ік|ал|ел|и)$")
# Clutter lines: a picture's file name, a temperature, a short line of figures with no word in it.
PICTURE_FILE = re.compile(r"\.(?:jpe?g|png)\b", re.IGNORECASE)
TEMPERATURE = re.compile(r"^[-+]?\d+°")
DIGIT = re.compile(r"\d")
# A name that opens with an Arabic article in lower case (аль-Фараби, al-Farabi).
ARTICLE_NAME = re.compile(r"^[^\W\d_]{2,4}[-‐][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
# A first line at most this long that writes a full date is the site's line of the publication date, its source and
# its section (Sep 25, 2024 / The Astana Times; 18.05.2023 | 09:47 | Kazinform): clutter, as no fact is stated there;
# but not one that opens with a place and a comma, the dateline of where the report was filed (Бишкек, 24 января), nor
# a sentence (Елші 15 қазанда әкіммен кездесті.).
DATE_LINE_CHARS = 60
SENTENCE_ENDS = (".", "!", "?")
FILED_AT = re.compile(rf"^{DATELINE_PLACE},\s")
LOWER_WORD = re.compile(r"[a-zа-яәғқңөұүһі]{4,}")
# Words sites put next to a dateline or credit that are never names.
NOT_NAMES = frozenset(fold(w) for w in (
    "GMT", "UTC", "PHOTO", "Фото", "Сурет", "KZ", "Тараптар", "Кездесу", "Елші", "Сонымен", "Сондай-ақ",
    "Бүгін", "Кеше", "Новости", "Жоғарғы", "Облыс", "Қала", "Мемлекет", "Үкімет", "Парламент",
))
MAX_NAME_TOKENS = 4
# An acronym written in mixed case: ҚазҰУ, КазНУ, KazNU.
MIXED_ACRONYM = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{0,3}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]+[a-zа-яёәғқңөұүһі]?$")
# A short name in capitals, all (TURKSOY, ТЮРКСОЙ) or mixed (ҚазҰУ, KazNU).
ACRONYM = re.compile(rf"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{2,}}$|{MIXED_ACRONYM.pattern}")
# Words after which a capitalised word is a place or part of an office's name, not a person's name.
PLACE_PREPOSITIONS = frozenset({"в", "во", "из", "in", "to", "at", "from"})
# The type of a building, a monument, a park or a desert in heads.tsv (Қожа Ахмет Ясауи кесенесі, Атакама шөлі):
# a place of its own, whose name may be a person's or another place's.
LANDMARK = "landmark"
# The type of a water body's head noun (Caspian Sea, Каспий теңізі, реки Тобол): no word in a longer name's middle.
WATER = "water"
# Words that open a post's or a place's complement: the capitalised word after them is no given name.
COMPLEMENT_OPENERS = PLACE_PREPOSITIONS | {"of"}
TITLE_LINKS = frozenset({"of", "and", "for", "&", "и", "по"})
# Words that join the parts of an organization's name.
ORG_LINKS = frozenset({"және", "мен", "бен", "пен", "и", "and", "of"})


def surname_shaped(word: str) -> bool:
    """A surname's ending after a root of ``SURNAME_ROOT`` letters or more: Сапаров, Жұмағалиева; not Ян, Мин."""
    ending = SURNAME_ENDINGS.search(word.lower())
    return ending is not None and ending.start() >= SURNAME_ROOT


def _possessives_apart(toks: Sequence[Token], endings: frozenset[str]) -> list[tuple[int, int, str]]:
    """The tokens of a line as (start, end, text), a possessive ending (``endings``) apart from the word it ends where
    a lower-case word follows (the Organisation's office); before a capitalised word it stays inside, as in a name
    (Dr. Reddy's Laboratories)."""
    out: list[tuple[int, int, str]] = []
    for k, t in enumerate(toks):
        ending = next((e for e in endings if t.text.endswith(e) and len(t.text) > len(e)), None)
        if ending is None or (k + 1 < len(toks) and toks[k + 1].text[:1].isupper()):
            out.append((t.start, t.end, t.text))
        else:
            cut = t.end - len(ending)
            out.extend(((t.start, cut, t.text[:-len(ending)]), (cut, t.end, ending)))
    return out


class _Tok(NamedTuple):
    """A token of the report with whether its line is clutter (a tuple: a report makes hundreds)."""

    start: int
    end: int
    text: str
    clutter: bool


class State:
    """One report's tokens and the mentions the passes emit; it lives while the passes run."""

    def __init__(self, report: Report, lexicon: Lexicon, *, proposals: Sequence[Mention] = ()) -> None:
        self.report = report
        self.lex = lexicon
        self.language = report.language
        self.match: Matchers = matchers(report.language)
        self.view = clean(report.text)
        self.toks = self._tokens()
        self.texts = [t.text for t in self.toks]
        self.covered = [t.clutter for t in self.toks]
        self.out: list[Mention] = []
        self._emitted: set[tuple[str, int, int, str]] = set()
        self.barrier = [False] * len(self.toks)
        # Proposed organizations the recogniser read from a head noun (Astana International Financial Centre), with the
        # type the head gave (Gansu Reclamation Group: a company).
        self.headed: dict[tuple[int, int], str] = {}
        self.proposals = self._token_ranges(proposals)
        # Tokens after the first of a proposed person's name of several words (Чжао Ганом).
        self.in_proposed_name = {k for kind, first, last in self.proposals if kind == MentionKind.PERSON
                                 for k in range(first + 1, last + 1)}
        # Last tokens of proposed persons' names of three words or more: a country there follows a whole name, and is
        # no word of it (Елші Анджей Лоранот Үндістанның компаниялары: India's companies).
        self.proposed_name_tails = {last for kind, first, last in self.proposals
                                    if kind == MentionKind.PERSON and last - first >= 2}
        # First tokens of proposed persons' names of several words.
        self.proposed_name_starts = {first for kind, first, last in self.proposals
                                     if kind == MentionKind.PERSON and last > first}
        # First tokens of proposed names of several words, of any kind.
        self.proposed_starts = {first for kind, first, last in self.proposals if last > first}
        # Tokens of the organizations the recogniser read from a head noun: no person's name starts there.
        self.in_headed_body = {k for first, last in self.headed for k in range(first, last + 1)}
        # First tokens of proposed names that are no posts, and the posts found (the posts pass fills them in).
        self.openings: frozenset[int] = frozenset()
        self.role_matches: list[Match[str]] = []
        # Every match of a post's words, whatever covers them (the posts pass marks them first).
        self.post_matches: list[Match[str]] = []
        self._capitalised: dict[str, bool] = lexicon.answers("capitalised", report.language)  # by word

    def _tokens(self) -> list[_Tok]:
        clutter_words = tuple(w.word for w in self.lex.words_of("clutter"))
        possessives = profile(self.language).possessive_endings
        out: list[_Tok] = []
        pos = self.report.body_start
        first = True  # the first line that holds anything
        for line in self.view[self.report.body_start:].split("\n"):
            line_start, line_end = pos, pos + len(line)
            pos = line_end + 1
            stripped = line.strip()
            date_line = first and self._date_line(stripped)
            first = first and not stripped
            # Clutter (a caption, a file name, a weather line) is a short line; a long line is text
            # even when it starts with "Photo:" or names a .jpg.
            is_clutter = date_line or (len(stripped) <= 120 and (
                stripped.startswith(clutter_words)
                or PICTURE_FILE.search(stripped) is not None
                or TEMPERATURE.match(stripped) is not None
                or (len(stripped) < 40 and DIGIT.search(stripped) is not None
                    and not LOWER_WORD.search(stripped))))
            out.extend(_Tok(start, end, text, is_clutter) for start, end, text in
                       _possessives_apart(visible_tokens(self.view, start=line_start, end=line_end), possessives))
        return out

    def _date_line(self, line: str) -> bool:
        """Is the (first, stripped) line the site's line of the publication date (``DATE_LINE_CHARS``)?"""
        return bool(line) and len(line) <= DATE_LINE_CHARS and not line.endswith(SENTENCE_ENDS) \
            and FILED_AT.match(line) is None and line_date(line, self.lex.month) is not None

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
                    self.headed[first, last] = m.subtype
        return out

    # ------------------------------------------------------------ mentions

    def emit(self, kind: str, first: int, last: int, value: str, subtype: str | None = None,
             *, cover: bool = True) -> None:
        if self.emit_chars(kind, self.toks[first].start, self.toks[last].end, value, subtype) and cover:
            for k in range(first, last + 1):
                self.covered[k] = True

    def emit_chars(self, kind: str, start: int, end: int, value: str, subtype: str | None = None) -> bool:
        """A mention of characters ``start``..``end``, which covers no token (a part of a hyphenated word); False
        where it was emitted already."""
        key = (kind, start, end, value)
        if key in self._emitted:
            return False
        self._emitted.add(key)
        self.out.append(Mention(kind, start, end, self.report.text[start:end], value, subtype, "rules"))
        return True

    def name_eponym(self, first: int, last: int) -> None:
        """The person a body named at tokens ``first``..``last`` bears the name of is named too, uncovered:
        before ``атындағы`` (Әл-Фараби атындағы ...) or after ``имени`` (... имени аль-Фараби)."""
        for k in range(first + 1, last):
            if self.lex.is_word(self.texts[k], "named-after", self.language):
                if self.texts[k - 1][:1].isupper() or self._prefixed_name(self.texts[k - 1]):
                    self.eponym(first, k - 1)
                elif self.texts[k + 1][:1].isupper() or ARTICLE_NAME.match(self.texts[k + 1]):
                    self.eponym(k + 1, last, self.texts[k])
                return

    def eponym(self, first: int, last: int, governor: str = "", *, cover: bool = False) -> None:
        """Tokens ``first``..``last`` name the person a body bears the name of; after a word that governs its case
        (имени Абая, Л. Н. Гумилева) in the dictionary form. Inside the body's name they stay uncovered."""
        words: list[str] = []
        for t in self.texts[first:last + 1]:
            if t == "." and words:
                words[-1] += "."
            else:
                words.append(t)
        named = profile(self.language).name_form(words, MentionKind.PERSON, governor) if governor else None
        self.emit(MentionKind.PERSON, first, last, named or " ".join(words), EPONYM, cover=cover)

    def span(self, first: int, last: int) -> str:
        """Tokens ``first``..``last`` as the report writes them, spaces collapsed."""
        return " ".join(self.view[self.toks[first].start:self.toks[last].end].split())

    # ------------------------------------------------------------ words

    def is_capitalised(self, i: int) -> bool:
        t = self.texts[i]
        known = self._capitalised.get(t)
        if known is None:
            shaped = bool(CAPITALISED.match(t)) or bool(APOSTROPHE_NAME.match(t)) or (
                bool(CAPITALISED_ANY.match(t)) and t[0].isupper() and HYPHEN.split(t)[0][1:].islower()) or (
                t[0].islower() and self._prefixed_name(t))
            known = self._capitalised[t] = shaped and fold(t) not in NOT_NAMES and not self.honorific(t)
        return known

    @cached_property
    def headline(self) -> list[bool]:
        """Whether each token stands in a line written in title case (a headline: Kazakh Ambassador Discusses
        Industrial Cooperation), where capitals mark no name: a line without a closing full stop of which
        ``HEADLINE_SHARE`` of the words of ``HEADLINE_LETTERS`` letters or more, and ``HEADLINE_WORDS`` at least,
        open with a capital."""
        out = [False] * len(self.texts)
        line_start = 0
        while line_start < len(self.toks):
            gap_break = next((k for k in range(line_start + 1, len(self.toks)) if "\n" in self.view[
                self.toks[k - 1].end:self.toks[k].start]), len(self.toks))
            words = [t for t in self.texts[line_start:gap_break] if len(t) >= HEADLINE_LETTERS and t.isalpha()]
            upper = sum(t[0].isupper() for t in words)
            if self.texts[gap_break - 1] not in (".", "!", "?") and upper >= HEADLINE_WORDS and (
                    upper >= HEADLINE_SHARE * len(words)):
                out[line_start:gap_break] = [True] * (gap_break - line_start)
            line_start = gap_break
        return out

    @cached_property
    def capitalised(self) -> list[bool]:
        """``is_capitalised`` of every token, for the passes that ask it of each."""
        return [self.is_capitalised(i) for i in range(len(self.texts))]

    @cached_property
    def head_matches(self) -> list[Match[Head]]:
        """The head nouns of the lexicon (``heads.tsv``) in the text, for the passes that read names beside them."""
        return self.match.heads.find(self.texts)

    @cached_property
    def function_words(self) -> list[Match[tuple[str, str]]]:
        """The function words of the lexicon (``words.tsv``) in the text, leftmost then longest."""
        return self.match.words.find(self.texts)

    def _prefixed_name(self, word: str) -> bool:
        """``әл-Фараби``, ``аль-Фараби``, ``al-Sabah``: a name particle hyphenated to a capitalised word."""
        prefix, _, rest = word.partition("-")
        return bool(rest) and bool(CAPITALISED.match(rest)) and word_key(prefix) in profile(self.language).name_prefixes

    def is_name_word(self, i: int) -> bool:
        return self.is_capitalised(i)

    def is_sector_word(self, i: int) -> bool:
        """Does a sector's cue word start at token ``i`` (Agriculture, сауда)?"""
        return bool(self.match.sectors.match_at(self.texts, i))

    def honorific(self, word: str) -> bool:
        """господин, г-жа, Mr, and their inflected forms where the language has lemmas: господином, г-ном."""
        return self.lex.is_honorific(word, self.language)

    def dictionary_form(self, words: Sequence[str], *, person: bool = False) -> str:
        """The language's dictionary form of a name (nominative, case ending off), or the words as written."""
        named = profile(self.language).name_form(words, MentionKind.PERSON if person else MentionKind.PLACE) \
            if words else None
        return named if named is not None else " ".join(words)

    def is_head(self, j: int, subtype: str | None = None, position: str | None = None, *,
                kind: str | None = None) -> bool:
        """Is token ``j`` a head noun (of this type, standing on this side of its name; of a place or a body)?"""
        return self.lex.is_head(self.texts[j], self.language, subtype, position, kind)

    def has_case(self, j: int, *cases: Case) -> bool:
        """Does token ``j`` end in an ending of one of ``cases``?"""
        return profile(self.language).has_case(self.texts[j], *cases)

    def modifier(self, j: int) -> bool:
        """A lowercase word inside a name: an adjective, or another head in its dictionary form."""
        t = self.texts[j]
        if not t.islower():
            return False
        return bool(LOWER_MODIFIER.match(t) and j > 0) or any(h.word == t for h in self.lex.heads_for(self.language))

    @cached_property
    def sentence_numbers(self) -> list[int]:
        """Each token's sentence, counted from 0: a sentence ends at its final stop (not an initial's or an
        abbreviation's) or at the end of a line."""
        out: list[int] = []
        n = 0
        for k in range(len(self.texts)):
            if k and ("\n" in self.view[self.toks[k - 1].end:self.toks[k].start] or (
                    self.texts[k - 1] in (".", "!", "?") and not (
                        self.texts[k - 1] == "." and k > 1 and (self.texts[k - 2] in abbreviations()
                                                                or CAPITAL_LETTER.match(self.texts[k - 2]))))):
                n += 1
            out.append(n)
        return out

    def holder_name_end(self, i: int, limit: int) -> int | None:
        """Where two or three capitalised words right after a post word end (Елші Марко Мартин ...: its holder's
        name), reading no further than ``limit``; None if no such run starts at ``i``."""
        if i == 0 or not self.barrier[i - 1]:
            return None
        end = i
        while end < limit and self.is_capitalised(end) and not self.covered[end]:
            end += 1
        return end if 2 <= end - i <= MAX_NAME_TOKENS else None

    def sentence_initial(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.view[self.toks[i - 1].end:self.toks[i].start]
        if self.texts[i - 1] == "." and i > 1 and (self.texts[i - 2] in abbreviations() or CAPITAL_LETTER.match(
                self.texts[i - 2])):
            return "\n" in gap  # Mr. Smith, Р. Василенко: the full stop of an abbreviation or an initial
        return "\n" in gap or self.texts[i - 1] in (".", "!", "?", "«", '"', "—", "–", "-")

    def common_word(self, word: str, *, inflected: bool = False) -> bool:
        """A capitalised word that is a common word of the language, never a name's (Қазақша, Вчера).

        With ``inflected``, only a common word with an ending (Кездесуде): a given name before
        a surname takes no ending, but may be a common word too (Бақыт, Ерік).
        """
        return bool(profile(self.language).is_common_word(word, inflected=inflected))
