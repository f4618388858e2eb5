"""Language knowledge as data: SKOS vocabularies from ``ontology/``, lexicon files, pycountry.

Everything the rules know about words is loaded here once: sector and role cue words (the
SKOS altLabels and hiddenLabels), country names (pycountry's kk/ru/en translations plus
``lexicons/countries.tsv``), places (the hand list ``places.tsv`` and the derived
``gazetteer.tsv``), organizations, head nouns and function words.
"""

from __future__ import annotations

import csv
import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import DipkgError
from kg.files import LEXICON_DIR, ONTOLOGY_DIR, data_lines, no_gc, write_atomic
from kg.lang import profile
from kg.model import Label
from kg.morphology import word_matches
from kg.namespaces import SKOS
from kg.text import fold, tokens

# A hyphen between two letters of a post's name (vice-minister), for which a space may stand, and the other way round.
POST_HYPHEN = re.compile(r"(?<=\w)[-‐](?=\w)")

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rdflib import URIRef

LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class Concept:
    """A sector or role: its notation, IRI, labels, and the cue phrases that signal it."""

    notation: str
    iri: str
    labels: tuple[Label, ...]
    cues: tuple[Label, ...]
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One name of a known country, place or organization in one language."""

    key: str
    kind: str
    subtype: str
    country: str | None
    language: str
    name: str
    words: tuple[str, ...]
    form: str = "name"
    derived: bool = False  # from gazetteer.tsv rather than a hand-written list


@dataclass(frozen=True)
class PlaceInfo:
    """What the gazetteer knows of a place besides its names: ISO 3166-2 code, GeoNames id, coordinates."""

    key: str
    iso: str | None = None
    geonames: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Head:
    """A head noun that makes the name before (or after) it a place or an organization."""

    language: str
    word: str
    kind: str
    subtype: str
    position: str

    @property
    def place_type(self) -> str:
        """The type of place it names: an area (өңірі) is a region."""
        return "region" if self.subtype == "area" else self.subtype


@dataclass(frozen=True)
class Word:
    category: str
    language: str
    word: str
    value: str


class Months:
    """The months that words name (the ``month`` words of ``words.tsv``), in any language and case form."""

    def __init__(self, words: Iterable[Word]) -> None:
        self._words = tuple(words)
        self._found: dict[str, int | None] = {}  # tokens repeat across reports

    def __call__(self, token: str) -> int | None:
        if token not in self._found:
            self._found[token] = self._month(token)
        return self._found[token]

    def _month(self, token: str) -> int | None:
        low = token.casefold()
        for w in self._words:
            cue = w.word.casefold()
            # the first two letters first: май and мая share no third
            if low == cue or (len(low) >= 3 and low[:2] == cue[:2] and (
                    word_matches(low, cue, w.language) or _month_abbreviation(low, cue, w.language))):
                return int(w.value)
        return None


class Lexicon:
    """Lookups over the loaded vocabularies; build it with ``load_lexicon()``."""

    def __init__(self, *, sectors: tuple[Concept, ...], roles: tuple[Concept, ...],
                 entries: tuple[Entry, ...], heads: tuple[Head, ...], words: tuple[Word, ...],
                 country_labels: tuple[tuple[str, tuple[Label, ...]], ...],
                 common: frozenset[str] = frozenset(), places: tuple[PlaceInfo, ...] = (),
                 homonyms: tuple[Entry, ...] = ()) -> None:
        self.sectors = sectors
        self._places = {}
        for p in places:
            self._places.setdefault(p.key, p)
        self.common = common
        self.roles = roles
        self.entries = entries
        self.heads = heads
        self.words = words
        self._country_labels = dict(country_labels)
        self._entry_labels: dict[str, list[Label]] = {}
        self._entry_country: dict[str, str] = {}
        self._entry_subtype: dict[str, str] = {}
        for e in entries:
            if e.form not in ("adjective", "variant"):
                self._entry_labels.setdefault(e.key, []).append(Label(e.name, e.language))
            if e.country:
                self._entry_country.setdefault(e.key, e.country)
            if e.subtype:
                self._entry_subtype.setdefault(e.key, e.subtype)
        for e in homonyms:  # the label a larger namesake took labels a homonym before its other names
            if e.form == "name":
                self._entry_labels.setdefault(e.key, []).insert(0, Label(e.name, e.language))
            if e.country:
                self._entry_country.setdefault(e.key, e.country)
            self._entry_subtype.setdefault(e.key, e.subtype)
        self._homonym_entries = homonyms
        self._homonyms: dict[tuple[str, str], Entry] | None = None
        # Built on first use: folding every gazetteer name costs more than a run needs.
        self._names: dict[str, dict[str, Entry]] = {}
        self._first_word: dict[str, list[Entry]] | None = None
        self._role_by_notation = {c.notation: c for c in roles}
        # a deputy role points to its principal with skos:related
        self._deputy_of = {principal: c.notation for c in roles for principal in c.related}
        self._sector_by_notation = {c.notation: c for c in sectors}
        # Tokens repeat across reports; the answers below depend on the token alone.
        self._months: Months | None = None
        self._short_months: dict[str, dict[str, int]] = {}
        self._is_word: dict[tuple[str, str, str], bool] = {}
        self._is_noun: dict[tuple[str, str, str], bool] = {}
        self._cue_index: dict[tuple[str, str], dict[str, list[Word]]] = {}
        self._is_honorific: dict[tuple[str, str], bool] = {}
        self._is_head: dict[tuple[str, str, str | None, str | None, str | None], bool] = {}
        self._heads_for: dict[str, list[Head]] = {}
        self._folded_starts: dict[tuple[str, str], frozenset[str]] = {}
        self._folded: dict[str, frozenset[str]] = {}
        self._folded_heads: dict[str, frozenset[str]] = {}
        self._organization_last_words: frozenset[str] | None = None
        self._answers: dict[tuple[str, str], dict[str, Any]] = {}
        self._words_of: dict[tuple[str, str | None], list[Word]] = {}
        self._sector_nouns: dict[str, frozenset[str]] = {}
        self._post_cues: dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]] = {}
        self._adjective_regions: dict[tuple[str, str], str] | None = None

    # ------------------------------------------------------------ lookups

    def country_labels(self, code: str) -> tuple[Label, ...]:
        return self._country_labels.get(code, ())

    def entry_labels(self, key: str) -> tuple[Label, ...]:
        return tuple(self._entry_labels.get(key, ()))

    def entry_country(self, key: str) -> str | None:
        """The country of a known place or organization."""
        return self._entry_country.get(key)

    def entry_subtype(self, key: str) -> str | None:
        """The type of a known place or organization (region, city; university, company)."""
        return self._entry_subtype.get(key)

    def homonym(self, name: str, country: str) -> Entry | None:
        """The place of ``country`` named ``name`` whose name a larger place elsewhere has (Valencia in Spain)."""
        if self._homonyms is None:
            self._homonyms = {}
            for e in self._homonym_entries:
                if e.country:
                    self._homonyms.setdefault((fold(e.name), e.country), e)
        return self._homonyms.get((fold(name), country))

    def place_named(self, name: str, subtype: str | None = None) -> str | None:
        """The key of the known place one of whose names (in any language, dictionary form) is ``name``;
        with ``subtype``, only a place of that type (region, city)."""
        found = self._named("place").get(fold(name))
        return found.key if found and subtype in (None, found.subtype) else None

    def organization_named(self, name: str) -> str | None:
        """The key of the known organization one of whose names (in any language, as listed) is ``name``."""
        found = self._named("organization").get(fold(name))
        return found.key if found else None

    def country_named(self, name: str) -> str | None:
        """The code of the state one of whose names (in any language, dictionary form) is ``name``."""
        found = self._named("country").get(fold(name))
        return found.key if found else None

    def _named(self, kind: str) -> dict[str, Entry]:
        """The entries of one kind by their folded names, the first listed for a name; built for a kind on first
        use (folding every gazetteer name costs more than a run that asks for states needs)."""
        out = self._names.get(kind)
        if out is None:
            out = self._names[kind] = {}
            for e in self.entries:
                if e.kind == kind:
                    out.setdefault(fold(e.name), e)
        return out

    def region_named_after(self, town: str) -> str | None:
        """The region of the town's state named by the adjective of the town's name and a head after it (Ташкентская
        область: Ташкент; Омская область: Омск; Астраханская область: Астрахань), where a language derives such
        adjectives: the region a head noun after the town's name names in any language (Ташкент облысы, Tashkent
        Region). The regions by their adjectives' bases are read on first use."""
        if self._adjective_regions is None:
            self._adjective_regions = {}
            for e in self.entries:
                if e.kind == "place" and e.subtype == "region" and e.country and len(e.words) == 2:
                    bases = profile(e.language).adjective_bases(e.words[0])
                    if bases and self.is_head(e.words[1], e.language, "region", "after", "place"):
                        for base in bases:
                            self._adjective_regions.setdefault((e.country, fold(base)), e.key)
        country = self.entry_country(town)
        return next((key for label in self.entry_labels(town)
                     if (key := self._adjective_regions.get((country or "", fold(label.text)))) is not None), None)

    def place(self, key: str) -> PlaceInfo | None:
        """ISO 3166-2 code, GeoNames id and coordinates of a gazetteer place."""
        return self._places.get(key)

    def role(self, notation: str) -> Concept:
        return self._role_by_notation[notation]

    @property
    def role_notations(self) -> frozenset[str]:
        return frozenset(self._role_by_notation)

    def deputy_role(self, notation: str) -> str | None:
        """The role of a deputy of ``notation``'s post: the one that points to it with skos:related (the rector's
        deputy is a vice-rector, the governor's a deputy governor), if the roles know one."""
        return self._deputy_of.get(notation)

    def post_cues(self, language: str) -> tuple[tuple[tuple[str, ...], str, bool], ...]:
        """The words of every name of a post in ``language``, each with its role's notation and whether it matches
        only as written (an abbreviation: MP); each name also spelt with a hyphen for the space between its two
        words and with a space for a hyphen (``post_spellings``)."""
        out = self._post_cues.get(language)
        if out is None:
            out = self._post_cues[language] = tuple(
                (words, c.notation, cue.text.isupper() and len(cue.text) <= 4)
                for c in self.roles for cue in c.cues if cue.language == language
                for words in post_spellings(tuple(t.text for t in tokens(cue.text))))
        return out

    def sector(self, notation: str) -> Concept:
        return self._sector_by_notation[notation]

    def words_of(self, category: str, language: str | None = None) -> list[Word]:
        key = (category, language)
        if key not in self._words_of:
            self._words_of[key] = [w for w in self.words if w.category == category
                                   and (language is None or w.language == language)]
        return self._words_of[key]

    def phrase_starts(self, category: str, language: str) -> frozenset[str]:
        """The first words (case-folded) of a category's phrases of several words (қол қойды: қол)."""
        key = (category, f"{language} phrases")
        if key not in self._folded_starts:
            self._folded_starts[key] = frozenset(fold(w.word.split()[0]) for w in self.words_of(category, language)
                                                 if " " in w.word)
        return self._folded_starts[key]

    def sector_nouns(self, language: str) -> frozenset[str]:
        """The one-word sector labels of a language, case-folded: nouns in their dictionary form (сауда, өнеркәсіп)."""
        if language not in self._sector_nouns:
            self._sector_nouns[language] = frozenset(fold(c.text) for concept in self.sectors for c in concept.cues
                                                     if c.language == language and c.text.isalpha())
        return self._sector_nouns[language]

    def folded_words(self, category: str) -> frozenset[str]:
        """The words of a category in every language, case-folded."""
        if category not in self._folded:
            self._folded[category] = frozenset(fold(w.word) for w in self.words_of(category))
        return self._folded[category]

    def answers(self, question: str, language: str) -> dict[str, Any]:
        """A pass's table of answers by token (``question``: what it asks of one, as is a date's first word),
        kept with the lexicon: tokens repeat across reports, and the answers depend on the token, the lexicon
        and the language alone."""
        return self._answers.setdefault((question, language), {})

    def is_word(self, token: str, category: str, language: str) -> bool:
        key = (token, category, language)
        known = self._is_word.get(key)
        if known is None:
            cues = self._cues_by_key(category, language)
            candidates = {w.word for k in profile(language).forms.token_keys(token) for w in cues.get(k, ())}
            known = self._is_word[key] = any(word_matches(token, word, language) for word in candidates)
        return known

    def is_noun(self, token: str, category: str, language: str) -> bool:
        """Is a token a form of one of a category's nouns itself (кездесуде of кездесу), not of a word that only shares
        its stem (the verb кездесті)? Answered once per token."""
        key = (token, category, language)
        known = self._is_noun.get(key)
        if known is None:
            forms = profile(language).forms
            known = self._is_noun[key] = self.is_word(token, category, language) and any(
                forms.noun_form(token, w.word) for w in self.words_of(category, language))
        return known

    def _cues_by_key(self, category: str, language: str) -> dict[str, list[Word]]:
        """The words of a category by their ``cue_keys``: the words a token may stand for share a key with it."""
        found = self._cue_index.get((category, language))
        if found is None:
            found = self._cue_index[(category, language)] = {}
            forms = profile(language).forms
            for w in self.words_of(category, language):
                for k in forms.cue_keys(w.word):
                    found.setdefault(k, []).append(w)
        return found

    def is_honorific(self, token: str, language: str) -> bool:
        """An honorific of any language (господин, г-жа, Mr), or one of its inflected forms where the language
        has lemmas (господином, г-ном); answered once per word."""
        key = (token, language)
        known = self._is_honorific.get(key)
        if known is None:
            honorifics = self.folded_words("honorific")
            known = self._is_honorific[key] = fold(token) in honorifics or any(
                fold(x) in honorifics for x in profile(language).lemmas(token))
        return known

    def month(self, token: str) -> int | None:
        """The month a word names, in any language and case form."""
        if self._months is None:
            self._months = Months(self.words_of("month"))
        return self._months(token)

    def short_month(self, token: str, language: str) -> int | None:
        """The month a short form of a language names as written (``month-short``: Sept, қаң)."""
        if language not in self._short_months:
            self._short_months[language] = {w.word: int(w.value)
                                            for w in reversed(self.words_of("month-short", language))}
        return self._short_months[language].get(token)

    def heads_for(self, language: str) -> list[Head]:
        if language not in self._heads_for:
            self._heads_for[language] = [h for h in self.heads if h.language == language]
        return self._heads_for[language]

    def folded_heads(self, language: str) -> frozenset[str]:
        """The head nouns of ``language`` as written in the lexicon, case-folded."""
        if language not in self._folded_heads:
            self._folded_heads[language] = frozenset(fold(h.word) for h in self.heads_for(language))
        return self._folded_heads[language]

    def organization_last_words(self) -> frozenset[str]:
        """The last words of the known organizations' names (Аппараты, Сенаты), case-folded."""
        if self._organization_last_words is None:
            self._organization_last_words = frozenset(fold(e.words[-1]) for e in self.entries
                                                      if e.kind == "organization")
        return self._organization_last_words

    def is_head(self, token: str, language: str, subtype: str | None = None, position: str | None = None,
                kind: str | None = None) -> bool:
        """Is ``token`` a form of a head noun of ``language`` (of this type, standing on this side of its name; of a
        place or a body)?"""
        key = (token, language, subtype, position, kind)
        if key not in self._is_head:
            self._is_head[key] = any(
                word_matches(token, h.word, language) for h in self.heads_for(language)
                if (subtype is None or (h.subtype == subtype and h.position == position))
                and (kind is None or h.kind == kind))
        return self._is_head[key]


def common_words(corpus: Path, *, min_count: int = 3) -> list[str]:
    """Words a CoNLL corpus writes in lower case at least ``min_count`` times: not names.

    Used to tell a sentence's first word, capitalised by position, from the first word of a name.
    """
    counts: dict[str, int] = {}
    try:
        lines = corpus.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DipkgError(f"{corpus}: cannot read the corpus: {exc.strerror or exc}") from exc
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[0].isalpha() and parts[0].islower():
            counts[parts[0]] = counts.get(parts[0], 0) + 1
    return sorted(w for w, c in counts.items() if c >= min_count)


def write_common_words(corpus: Path, target: Path | None = None) -> Path:
    """Rewrite ``lexicons/common_kk.tsv`` from a KazNERD split."""
    target = target or LEXICON_DIR / "common_kk.tsv"
    words = common_words(corpus)
    header = ("# Kazakh words that KazNERD (Yeshpanov, Khassanov, Varol, LREC 2022; CC BY 4.0) writes in lower\n"
              f"# case at least three times: common words, not names. Derived from {corpus.name} by\n"
              "# kg.lexicon.write_common_words; used to drop a capitalised sentence-initial word from a name.\n"
              "word\n")

    def write(tmp: str) -> None:
        Path(tmp).write_text(header + "\n".join(words) + "\n", encoding="utf-8")

    return write_atomic(target, write)


@cache
def load_lexicon(ontology_dir: Path | None = None) -> Lexicon:
    """Load (once) the vocabularies; a malformed file raises ``DipkgError`` naming it.

    The garbage collector is paused meanwhile (``no_gc``): the lexicon is hundreds of thousands of objects that live
    as long as the process and make no cycles, and its passes over them took a fifth of the loading's time."""
    onto = ontology_dir or ONTOLOGY_DIR
    if onto in _GIVEN:
        return _GIVEN[onto]
    with no_gc():
        return _load_lexicon(onto)


# The lexicon of the default vocabularies given ready-made (``give_lexicon``), which ``load_lexicon`` then gives.
_GIVEN: dict[Path, Lexicon] = {}


def give_lexicon(lexicon: Lexicon) -> None:
    """Make ``lexicon``, the default vocabularies' read back from a pickle (``kg.cache.kept_lexicon``), the one
    ``load_lexicon()`` gives in this process."""
    load_lexicon.cache_clear()
    _GIVEN.clear()
    _GIVEN[ONTOLOGY_DIR] = lexicon


def _load_lexicon(onto: Path) -> Lexicon:
    sectors = _concepts(onto / "sectors.ttl")
    roles = _concepts(onto / "roles.ttl")
    entries: list[Entry] = []
    country_labels = _pycountry_entries(entries)
    for row in _rows(LEXICON_DIR / "countries.tsv", 4):
        code, language, form, kind = row
        entries.append(Entry(code, "country", "country", code, language, form, _words(form), kind))
    entries.extend(_derived_adjectives(entries))
    from kg.places import load_homonyms, load_places

    places = load_places(entries)
    homonyms, homonym_places = load_homonyms()
    for row in _rows(LEXICON_DIR / "organizations.tsv", 5):
        key, subtype, country, language, name = row
        entries.append(Entry(key, "organization", subtype, country or None, language, name, _words(name)))
    heads = tuple(Head(*row) for row in _rows(LEXICON_DIR / "heads.tsv", 5))
    common = frozenset(row[0] for row in _rows(LEXICON_DIR / "common_kk.tsv", 1))
    words = _word_rows()
    return Lexicon(sectors=sectors, roles=roles, entries=tuple(entries), heads=heads, words=words,
                   country_labels=country_labels, common=common, places=(*places, *homonym_places),
                   homonyms=tuple(homonyms))


@cache
def load_months() -> Months:
    """The month names alone, without the rest of the lexicon (which takes most of a second to load): for the dates
    of the reports being read."""
    return Months(w for w in _word_rows() if w.category == "month")


def _word_rows() -> tuple[Word, ...]:
    return tuple(Word(*(row + [""] * (4 - len(row)))[:4]) for row in _rows(LEXICON_DIR / "words.tsv", 3, 4))


def post_spellings(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A post's name as listed, with a space for each hyphen inside a word or with none, and, of two words, joined
    by a hyphen: vice governor and Vice-Governor, director-general and Director General, обер-бургомистр and
    обербургомистр are one post."""
    spaced = tuple(part for w in words for part in POST_HYPHEN.split(w))
    closed = tuple(POST_HYPHEN.sub("", w) for w in words)
    joined = ("-".join(spaced),) if len(spaced) == 2 else None
    return tuple(dict.fromkeys(w for w in (words, spaced, closed, joined) if w))


def _derived_adjectives(entries: list[Entry]) -> list[Entry]:
    """The adjectives a language derives by rule from the states' one-word names (венгриялық), where no list
    gives them already."""
    listed = {(e.language, fold(e.name)) for e in entries if e.kind == "country"}
    out = []
    for e in entries:
        if e.kind == "country" and e.form == "name" and len(e.words) == 1:
            adjective = profile(e.language).adjective_of_country(e.name)
            if adjective and (e.language, fold(adjective)) not in listed:
                listed.add((e.language, fold(adjective)))
                out.append(Entry(e.key, "country", "country", e.key, e.language, adjective, (adjective,), "adjective"))
    return out


def _words(name: str) -> tuple[str, ...]:
    if name.isalpha():
        return (name,)
    return tuple(t.text for t in tokens(name))


def _rows(path: Path, width: int, max_width: int | None = None) -> list[list[str]]:
    """Rows of a lexicon file: ``#`` lines are its header comment, the first row names the columns."""
    try:
        lines = data_lines(path)
    except OSError as exc:
        raise DipkgError(f"{path}: cannot read the lexicon: {exc.strerror or exc}") from exc
    rows = list(csv.reader(lines, delimiter="\t"))
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not (width <= len(row) <= (max_width or width)):
            raise DipkgError(f"{path}: row {number} has {len(row)} columns, expected {width}")
        out.append([c.strip() for c in row])
    return out


def _concepts(path: Path) -> tuple[Concept, ...]:
    """The SKOS concepts of a Turtle file that have a ``skos:notation``, by notation (parsed by Oxigraph)."""
    import pyoxigraph as ox

    objects: dict[tuple[str, str], dict[Any, None]] = {}  # (subject, predicate) → its objects in document order
    try:
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            objects.setdefault((t.subject.value, t.predicate.value), {})[t.object] = None
    except (SyntaxError, ValueError, OSError) as exc:
        raise DipkgError(f"{path}: not valid Turtle: {str(exc).splitlines()[0] if str(exc) else exc}") from exc

    def values(subject: str, predicate: str) -> list[Any]:
        return list(objects.get((subject, SKOS + predicate), ()))

    out = []
    for (concept, predicate), notations in objects.items():
        if predicate != SKOS + "notation":
            continue
        labels = tuple(Label(o.value, o.language or "en") for o in values(concept, "prefLabel"))
        cues = [Label(o.value, o.language or "en") for p in ("prefLabel", "altLabel", "hiddenLabel")
                for o in values(concept, p)]
        related = tuple(n.value for r in values(concept, "related") for n in values(r.value, "notation"))
        out += [Concept(n.value, concept, labels, tuple(dict.fromkeys(cues)), related) for n in notations]
    if not out:
        raise DipkgError(f"{path}: no SKOS concept with a skos:notation")
    return tuple(sorted(out, key=lambda c: c.notation))


def concept_iri(concept: Concept) -> URIRef:
    from rdflib import URIRef

    return URIRef(concept.iri)


def _pycountry_entries(entries: list[Entry]) -> tuple[tuple[str, tuple[Label, ...]], ...]:
    """Country names from pycountry: English from the standard, kk and ru from its translations."""
    import pycountry  # (a build whose lexicon is kept does not load it: ``kg.cache.kept_lexicon``)

    translations = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                    for lang in ("kk", "ru")}
    out = []
    for c in pycountry.countries:
        labels: list[Label] = []
        names = {"en": [getattr(c, "common_name", None) or c.name, c.name, getattr(c, "official_name", None)]}
        for lang, t in translations.items():
            names[lang] = [t.gettext(getattr(c, "common_name", None) or c.name), t.gettext(c.name),
                           t.gettext(c.official_name) if getattr(c, "official_name", None) else None]
        for lang in LANGUAGES:
            for name in dict.fromkeys(n for n in names[lang] if n):
                if "," in name or (lang != "en" and name in names["en"]):
                    continue
                labels.append(Label(name, lang))
                # (the other words reports write the name in are read as the state's, and are no labels of it)
                entries.extend(Entry(c.alpha_2, "country", "country", c.alpha_2, lang, written, _words(written))
                               for written in profile(lang).state_names(name))
        out.append((c.alpha_2, tuple(labels)))
    return tuple(out)


def _month_abbreviation(word: str, cue: str, language: str) -> bool:
    """``Sept``, ``дек``: a month by the first three letters or more of its name; ``мая``, ``декабря``: by its
    stem, in a stemmed language (not ``Mayor``, whose stem is no month's)."""
    lang = profile(language)
    word = word.rstrip(".")
    return (len(word) >= 3 and cue.startswith(word)) or (
        lang.snowball is not None and lang.forms.stem(word) == lang.forms.stem(cue))
