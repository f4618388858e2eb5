"""Languages: one package per language, ``kg/lang/<code>/``, each exporting a ``PROFILE``.

A profile says what the extraction passes need to know about a language and nothing else
does: the state a report in it is presumed to come from, how its post phrases mark their parts
(case endings or prepositions), its words for days relative to the publication date (``days.tsv``
in the package), the dictionary forms a word may stand for, and the recogniser that proposes
names. Adding a language is one new folder here and its labels in ``ontology/``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg.files import read_tsv
from kg.text import clean, tokens

if TYPE_CHECKING:
    from kg.lang.forms import StemForms
    from kg.model import Mention, Report


class Case(Enum):
    """The grammatical cases a post or meeting phrase reads off a word's ending."""

    GENITIVE = "genitive"          # the state or body a post belongs to: Жапонияның
    LOCATIVE = "locative"          # where: Астанада
    LOCATIVE_ATTRIBUTE = "locative attribute"  # the host of a post: Қазақстандағы
    DATIVE = "dative"              # whither: Токиоға
    INSTRUMENTAL = "instrumental"  # with whom: Жамармен
    OURS = "ours"                  # our (the home state's): Елшіміз, our ambassador


class DayKind(Enum):
    """How a day word gives a date from the publication date."""

    OFFSET = "offset"    # so many days from it: yesterday -1, today 0
    WEEKDAY = "weekday"  # the last such weekday on or before it: Monday 0 ... Sunday 6
    AFTER = "after"      # so many days after the date of the meeting told before: the next day 1
    TRIP = "trip"        # the day of a trip, counted from its first (the first day 1, the second day 2)


@dataclass(frozen=True)
class DayWord:
    """A word or phrase naming a day relative to the publication date, as ``word_key`` forms."""

    words: tuple[str, ...]
    kind: DayKind
    value: int


@cache
def word_key(word: str) -> str:
    """The form words are compared in: look-alike letters folded, lower case, ё as е."""
    return clean(word).casefold().replace("ё", "е")


def read_particles(path: Path, form: str = "word") -> frozenset[str]:
    """A language's ``particles.tsv``: the lower-case words that join a name's words (van der, бин), folded; with
    ``form="prefix"``, those written with a hyphen before a capitalised word (әл-Фараби, al-Sabah); with
    ``form="inner"``, those that are words of the language too and join only between a name's words."""
    return frozenset(word_key(particle) for particle, kind in read_tsv(path) if kind == form)


def read_pairs(path: Path) -> tuple[tuple[str, str], ...]:
    """A data file of two columns, each row a pair of word sequences (``state_names.tsv``)."""
    return tuple((first, second) for first, second in read_tsv(path))


def read_days(path: Path) -> tuple[DayWord, ...]:
    """A language's ``days.tsv``: ``#`` header comment, then columns phrase, kind, value."""
    rows = read_tsv(path)
    out = [DayWord(tuple(word_key(t.text) for t in tokens(phrase)), DayKind(kind), int(value))
           for phrase, kind, value in rows]
    # Longest first, so that "the day before yesterday" wins over "yesterday".
    return tuple(sorted(out, key=lambda d: -len(d.words)))


class TokenView(Protocol):
    """What a language's phrase readers see of the rules' tokens."""

    texts: list[str]
    covered: list[bool]
    barrier: list[bool]
    proposed_name_starts: set[int]  # first tokens of the persons of several words the recogniser proposes
    proposed_starts: set[int]  # first tokens of the names of several words it proposes, of any kind

    def is_name_word(self, i: int) -> bool: ...

    def is_sector_word(self, i: int) -> bool: ...

    def span(self, first: int, last: int) -> str: ...


@cache
def _function(spec: str) -> Callable[..., object]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Language:
    """What the extraction passes ask of a language."""

    code: str
    # The state a report in this language is presumed to come from, for posts that name none.
    home_country: str | None = None
    # Where the language's labels stand when none is asked for (lower first), and the languages whose labels
    # stand for its own where a node has none in it, in order.
    label_rank: int = 99
    label_fallback: tuple[str, ...] = ()
    # (case, ending) pairs, tried in order; empty when the language marks relations with prepositions.
    case_endings: tuple[tuple[Case, re.Pattern[str]], ...] = ()
    # Prepositions after which a name is where a post is held: "Ambassador to Belgium", "посол в Бельгии".
    in_prepositions: frozenset[str] = frozenset()
    # Words that may stand between such a preposition and the name: "to the Kingdom of ...".
    determiners: frozenset[str] = frozenset()
    # Words for a place's class between a preposition and its name (в г. Уральске, in the city of Uralsk).
    place_classes: frozenset[str] = frozenset()
    # Written dates may put the day after the month: October 15, 2025.
    day_after_month: bool = False
    # Words for days relative to the publication date: yesterday, on Monday.
    days: tuple[DayWord, ...] = ()
    # Particles that join the words of a person's name (Nicolaas van der Brugge, Faisal bin Thani Al Thani).
    name_particles: frozenset[str] = frozenset()
    # Particles that are words of the language too (Kazakh де, да: also): they join a name's words only after a given
    # name, before a capitalised word that nothing else reads (Микеле де Паскале).
    name_inner_particles: frozenset[str] = frozenset()
    # Lower-case prefixes hyphenated to a name's word (әл-Фараби, аль-Фараби, al-Sabah), folded.
    name_prefixes: frozenset[str] = frozenset()
    # "module:function" giving the dictionary forms a word may stand for, likeliest first; cue words
    # match a token whose forms hold the cue's own first form. None: the word itself, case-folded.
    lemmatiser: str | None = None
    # "module:function" giving a cue word's other dictionary forms, which forms of the word reach that its own first
    # form does not (the Kazakh head of a compound in the possessive, станциясы, whose plural станциялары is
    # станция's); None: no other.
    cue_bases: str | None = None
    # "module:function" of the recogniser whose persons, places and organizations the rules check.
    tagger: str | None = None
    # "module:function" (words, mention kind, governing word) → a name in its dictionary form (nominative);
    # None: as written.
    nominative: str | None = None
    # "module:function" telling a capitalised common word (Вчера, Посольство) from a name word.
    common_word: str | None = None
    # "module:function" (token view, index) → the ministry a "minister of ..." there names.
    ministry: str | None = None
    # "module:function" (token view, index) → the body a head noun there names with its complements, as
    # (first, last token, name, organization type): Управление культуры ... Мангистауской области.
    body: str | None = None
    # "module:function" (word, the word before it or "") → is the noun plural (кездесулер, встреч, meetings)?
    plural: str | None = None
    # "module:function" (a word as written) → is it a verb in a form of the future (встретится, будет; кездеседі,
    # өтпек)? A meeting told in one is ahead. None: the language's future is a word of its own (will).
    future: str | None = None
    # "module:function" (a word as written) → is it a passive participle, whose agent the name after it in the
    # instrumental is (договорённостей, достигнутых президентами X и Y)? None: the agent follows a word of its own (by).
    passive: str | None = None
    # "module:function" (a name's words as written) → does the name stand in the genitive (Касым-Жомарта
    # Токаева)? Where the language marks case by endings, its genitive ending says so.
    genitive_name: str | None = None
    # "module:function" (a place's name in its dictionary form) → the name in the genitive, or None where no rule
    # gives it (Қостанай облысы → Қостанай облысының: a local department's name opens with its place's).
    genitive: str | None = None
    # The endings written right after a name that make it a possessor where no case ending does (the President's
    # talks: 's).
    possessive_endings: frozenset[str] = frozenset()
    # "module:function" (a name's words as written, the words of the post that governs it) → how many of its first
    # words stand in another case than the rest, and so are no part of it (университета Сапиенца Антонеллой
    # Полимени: 1).
    name_outside: str | None = None
    # "module:function" (a post's first word) → does it stand in the genitive only, the complement of a post before
    # it (представитель Президента), not a post of its own? Where the language marks case by endings, or joins
    # such posts by a preposition (Representative of the President), None.
    genitive_post: str | None = None
    # "module:function" (a state's name) → the adjective the language derives from it (Венгрия → венгриялық), or
    # None where it derives none by rule.
    country_adjective: str | None = None
    # "module:function" (a word of a place's name) → the names of the place it may be derived from, likeliest
    # first (Омская область is named after Омск, Алтайский край after Алтай).
    place_adjective: str | None = None
    # The script the language is written in: runs of the other script inside its text are foreign names.
    script: str = "cyrillic"
    # Names take capitalised head nouns: "Kawasaki Company", but "Нұр компаниясы".
    title_case_heads: bool = False
    # Its common-word test knows the readings of proper names (a dictionary's, a frequency list's given names): a run
    # of common words only after a post is a title or a body's name, not a person's (Director of Cultural Affairs,
    # Председатель Сената Парламента). Where it cannot tell (Kazakh: Болат is a name and a word), it is read as one.
    common_words_unnamed: bool = False
    # The words of a name decline together: a region's with its head noun (Омской области), so the name is read
    # whole into the nominative (elsewhere only the head noun takes its dictionary form), and a person's given
    # name with the surname (Сальвадором Иллой; in Kazakh only the last word takes the ending).
    name_words_decline: bool = False
    # Honorifics follow the name and take its case ending (Анна Новак ханыммен); elsewhere they precede it.
    honorific_after_name: bool = False
    # Languages whose names of states the language's texts also write (Kazakh reports write Египет as well as
    # Мысыр, Республика Корея as well as Корея Республикасы).
    borrowed_country_names: tuple[str, ...] = ()
    # Word sequences written for one another in states' official names: (as the translations write them, as reports
    # also do). Kazakh: Патшалығы, Корольдігі (kingdom).
    state_name_words: tuple[tuple[str, str], ...] = ()
    # Cue words of roles and meetings match derived forms too (Russian: торговля, торгово-).
    derived_cues: bool = False
    # The Snowball stemmer of the language's word forms, if one fits ("russian", "english").
    snowball: str | None = None
    # "module:Class" of its word forms (``kg.lang.forms.StemForms`` or a subclass in the language package).
    word_forms: str = "kg.lang.forms:StemForms"

    @cached_property
    def forms(self) -> StemForms:
        """Index keys and inflected-form matching for this language's words."""
        return _function(self.word_forms)(self)  # type: ignore[return-value]

    @property
    def marks_case(self) -> bool:
        return bool(self.case_endings)

    def has_case(self, word: str, *cases: Case) -> bool:
        return any(ending.search(word) for case, ending in self.case_endings if case in cases)

    def recogniser(self) -> Callable[[Report], Iterable[Mention]] | None:
        if self.tagger is None:
            return None
        return _function(self.tagger)  # type: ignore[return-value]

    def name_form(self, words: Sequence[str], kind: str, governor: str = "") -> str | None:
        """A name's words in their dictionary form, or None where the language has no such function.

        ``governor`` is the post (its words) or the preposition that governs the name's case (губернатором, с),
        if known."""
        if self.nominative is None:
            return None
        return _function(self.nominative)(words, kind, governor)  # type: ignore[return-value]

    def other_state_after(self, view: TokenView, j: int, reach: int, links: frozenset[str] = frozenset()) -> int | None:
        """The end (exclusive) of the longest run of capitalised words the rules read, and of ``links``, from token
        ``j`` on, at most ``reach`` tokens, that ends in the name of a state other than the home state
        (Узбекистана, Республики Узбекистан, the Republic of Korea); None where it names none, or the home state.
        A ministry's name carries such a state, so that it is never taken for the home state's of the same name."""
        from kg.lexicon import load_lexicon
        from kg.model import MentionKind

        texts = view.texts
        k = j
        while k < len(texts) and k - j < reach and (
                (view.covered[k] and texts[k][:1].isupper()) or texts[k] in links):
            k += 1
        for end in range(k, j, -1):  # not Узбекистана Ташкент
            for start in range(j, end):
                words = texts[start:end]
                state = load_lexicon().country_named(self.name_form(words, MentionKind.COUNTRY) or " ".join(words))
                if state:
                    return end if state != self.home_country else None
        return None

    def is_common_word(self, word: str, *, inflected: bool = False) -> bool | None:
        """Is a capitalised word a common word, never a name's? None where the language cannot tell.

        With ``inflected``, only a common word that shows an ending (a given name may be a common word too).
        """
        if self.common_word is None:
            return None
        return bool(_function(self.common_word)(word, inflected=inflected))

    def ministry_at(self, view: TokenView, i: int) -> tuple[int, int, str] | None:
        """The ministry a minister's post at token ``i`` names, as (first, last token, name)."""
        if self.ministry is None:
            return None
        return _function(self.ministry)(view, i)  # type: ignore[return-value]

    def body_at(self, view: TokenView, i: int) -> tuple[int, int, str, str] | None:
        """The body a head noun at token ``i`` names with the words around it, as (first, last token, name, type)."""
        if self.body is None:
            return None
        return _function(self.body)(view, i)  # type: ignore[return-value]

    def words_outside_name(self, words: Sequence[str], governor: str) -> int:
        """How many of the first words read as a person's name are no part of it, by the case they stand in."""
        if self.name_outside is None:
            return 0
        return int(_function(self.name_outside)(tuple(words), governor))  # type: ignore[call-overload]

    def is_genitive_name(self, text: str) -> bool:
        """Does a person's name as written stand in the genitive (whose initiatives, not who met)?"""
        if self.case_endings:
            return self.has_case(text, Case.GENITIVE)
        return self.genitive_name is not None and bool(_function(self.genitive_name)(tuple(text.split())))

    def genitive_of(self, name: str) -> str | None:
        """A place's name in the genitive, where the language forms it by rule."""
        return None if self.genitive is None else _function(self.genitive)(name)  # type: ignore[no-any-return]

    def is_genitive_post(self, word: str) -> bool:
        """Does a post's first word stand in the genitive only (Президента), the complement of a post before it?"""
        return self.genitive_post is not None and bool(_function(self.genitive_post)(word))

    def adjective_of_country(self, name: str) -> str | None:
        """The adjective of the state ``name`` names, where the language derives one by rule."""
        if self.country_adjective is None:
            return None
        return _function(self.country_adjective)(name)  # type: ignore[return-value]

    def adjective_bases(self, word: str) -> tuple[str, ...]:
        """The names of the place a relational adjective may be derived from (Омская: Омск); none where the
        language forms no such adjectives or ``word`` is none."""
        if self.place_adjective is None:
            return ()
        return _function(self.place_adjective)(word)  # type: ignore[return-value]

    def is_plural(self, word: str, before: str = "") -> bool:
        """Is the noun ``word`` (after ``before``) plural? False where the language cannot tell."""
        return self.plural is not None and bool(_function(self.plural)(word, before))

    def is_future(self, word: str) -> bool:
        """Is ``word`` a verb in a form of the future? False where the language writes the future with a word."""
        return self.future is not None and bool(_function(self.future)(word))

    def is_passive(self, word: str) -> bool:
        """Is ``word`` a passive participle? False where the language marks a passive's agent with a word."""
        return self.passive is not None and bool(_function(self.passive)(word))

    def state_names(self, name: str) -> tuple[str, ...]:
        """A state's name as translated and as its other words (``state_name_words``) also write it."""
        names = [name]
        for translated, also in self.state_name_words:
            pattern = re.compile(rf"(?<!\w){re.escape(translated)}(?!\w)")
            names += [pattern.sub(also, n) for n in names if pattern.search(n)]
        return tuple(dict.fromkeys(names))

    def lemmas(self, word: str) -> tuple[str, ...]:
        """The dictionary forms ``word`` may stand for, likeliest first (case-folded)."""
        if self.lemmatiser is None:
            return (word_key(word),)
        return _function(self.lemmatiser)(word)  # type: ignore[return-value]

    def cue_lemmas(self, word: str) -> tuple[str, ...]:
        """The dictionary forms a cue word is matched by: its likeliest, then its ``cue_bases``."""
        first = self.lemmas(word)[0]
        if self.cue_bases is None:
            return (first,)
        return tuple(dict.fromkeys((first, *_function(self.cue_bases)(word))))  # type: ignore[misc]

    def word_is(self, token: str, word: str) -> bool:
        """Is ``token`` the (folded) dictionary word ``word``, in one of its inflected forms?"""
        return word_key(token) == word or word in self.lemmas(token)


@cache
def languages() -> dict[str, Language]:
    """Every language package's profile, by code."""
    out: dict[str, Language] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.ispkg:
            module = importlib.import_module(f"{__name__}.{info.name}")
            out[module.PROFILE.code] = module.PROFILE
    return out


@cache
def codes() -> tuple[str, ...]:
    """Every language's code, by the rank of its labels."""
    found = languages()
    return tuple(sorted(found, key=lambda c: (found[c].label_rank, c)))


@cache
def label_order(code: str) -> tuple[str, ...]:
    """The languages whose labels stand for ``code``'s, in order: itself, its fallbacks, the others."""
    return tuple(dict.fromkeys((code, *profile(code).label_fallback, *codes())))


def profile(code: str) -> Language:
    """The profile of ``code``; a neutral one for a language without a package."""
    return languages().get(code) or Language(code)


def proposals(report: Report) -> list[Mention]:
    """The persons, places and organizations the report language's recogniser proposes (none without one)."""
    found = profile(report.language).recogniser()
    return list(found(report)) if found else []
