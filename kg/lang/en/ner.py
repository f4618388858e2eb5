"""English named entities: a grammar over token classes, no trained model.

Tokens fall into classes: capitalised words (in any script's capitals: Ş, Ö, Ž), initials,
name particles (de, van, al-), honorifics (Mr, H.E.), acronyms, and words that cannot be part
of a person's name: common English words (wordfreq's Zipf frequency, ``kg.lang.en.frequency``,
unless the word is a known given name) and the lexicon's countries, places, organizations, roles and months.

A run of name words is a person when its surroundings say so: an honorific or a post before it,
a verb of saying or meeting after it (``X noted``), a post in apposition (``X, Ambassador of
France,``), a surname-shaped last word, or coordination with a person (``X and Y``).
Organizations are capitalised runs ending in a head word (``Kazakh National University``) or
opening with one (``Ministry of Foreign Affairs``), and acronyms (``TURKSOY``); places are runs
with a place head (``Shaanxi Province``, ``Province of Mangystau``) or after ``in``/``to``/``from``.

The rules (``kg.rules``) take these mentions as proposals and keep the last word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

import pycountry

from kg.files import read_tsv_records
from kg.lang import profile
from kg.lang.en.forms import plural_of
from kg.lang.en.frequency import zipf
from kg.letters import DIGRAPHS, HYPHEN
from kg.lexicon import load_lexicon
from kg.model import Mention, MentionKind, Report
from kg.text import fold, tokens

DATA_DIR = Path(__file__).resolve().parent
EXTRACTOR = "en-ner"
# A word is common English (not a name) from this Zipf frequency on: "Regional", "Members".
COMMON_ZIPF = 4.0
ARTICLES = frozenset({"the", "a", "an"})
# The endings of the plural or the present after a sibilant (discusses, launches); the letters a stem holds at least.
SIBILANT_ES = ("ses", "shes", "ches", "xes", "zes", "oes")
STEM_LETTERS = 4
MAX_PERSON_WORDS = 4
MAX_NAME_WORDS = 7
INITIAL = re.compile(rf"^(?:[A-Z]|{DIGRAPHS})$")
ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z]$")
POSSESSIVE = re.compile(r"['’]s$")
LINKS = frozenset({"of", "and", "&", "for", "the", "de"})
# Words between a name and the post in apposition: "X, the Deputy Governor of ...".
APPOSITION_WORDS = frozenset({"the", "a", "an", "then", "former", "newly", "appointed"})
APPOSITION_REACH = 4
# A lower-case adjective that may open a post in apposition (regional director, senior adviser, technical director).
ADJECTIVE_ENDING = re.compile(r"^[a-z]+(?:al|ior|ive|ary|ical)$")
# How far back from a place's preposition a post may end, in the post's own words (Consul General of Kazakhstan).
POST_REACH = 6
COORDINATION = frozenset({"and", "&"})
# The categories of the lexicon's words whose agent after "by" is a person: attended by, accompanied by, hosted by.
AGENT_CATEGORIES = ("meeting", "attendance", "group")
# A word with capitals inside (KazMunayGas, PetroChina): a brand or a company, not a person's name (McDonald).
CAMEL_CASE = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
CAMEL_NAME = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von)[A-Z]")
# A company's legal form among the head words: an abbreviation (PLC, GmbH, Ltd), as often in lower case (plc).
LEGAL_FORM = re.compile(r"^(?:[A-Z]\w*[A-Z]\w*|\w{2,3})$")
# An apostrophe or a hyphen inside a word, and an initial written without its full stop.
JOINED_WORD = re.compile(r"['’-]")
BARE_INITIAL = re.compile(r"\b(\w) (?=\w)")
# The most particles in a row inside a person's name (van der, de la, bin Abdul).
MAX_PARTICLES = 3
# How many lower-case words may qualify the class noun in ", the Italian energy company".
CLASS_WORDS = 3
# The roles whose holder heads a body named after the post and "of" (rector of X, managing director of X), and the
# kind of body each heads.
BODY_HEADS = {"executive": "company", "rector": "university", "vice-rector": "university"}

# A post's words (folded) and the kind of body its holder heads.
BodyPost = tuple[tuple[str, ...], str]


@dataclass(frozen=True)
class _Data:
    honorifics: tuple[tuple[str, ...], ...]
    honorific_starts: frozenset[str]
    particles: frozenset[str]
    prefixes: frozenset[str]
    heads: dict[str, tuple[str, str, str]]
    said: frozenset[str]
    place_words: frozenset[str]
    surname_endings: tuple[str, ...]
    known: frozenset[str]
    towns: frozenset[str]
    roles: frozenset[str]
    posts: frozenset[str]
    counterparts: frozenset[str]  # the word for one's counterpart, a post in lower case before a name
    not_organizations: frozenset[str]
    company_nouns: frozenset[str]
    legal_forms: frozenset[str]  # a company's legal form, written in lower case too (Linde plc)
    body_posts: dict[str, tuple[BodyPost, ...]]
    """By its last word (folded), each name of a post that heads a body (``BODY_HEADS``), with the body's kind."""


def _rows(name: str) -> list[dict[str, str]]:
    return read_tsv_records(DATA_DIR / name)


@cache
def _data() -> _Data:
    lex = load_lexicon()
    honorifics = tuple(sorted(
        (tuple(t.text.casefold() for t in tokens(r["honorific"]) if t.text != ".") for r in _rows("honorifics.tsv")),
        key=len, reverse=True))
    language = profile("en")
    heads = _rows("heads.tsv")
    cues = _rows("cues.tsv")
    known: set[str] = set()
    # one-word names of towns the gazetteer derived: many are surnames too (Fontana, Lincoln)
    towns = {fold(e.words[0]) for e in lex.entries
             if e.derived and e.kind == "place" and e.subtype == "city" and len(e.words) == 1}
    for e in lex.entries:
        # the words of a hand-written name; of a derived town's, only a one-word name (Wang Thonglang
        # makes no Wang a town)
        if e.language == "en" and (not e.derived or len(e.words) == 1):
            known.update(fold(w) for w in e.words if w[:1].isupper())
    for w in lex.words:
        if w.language == "en" and w.category == "month":
            known.add(fold(w.word))
    roles = {fold(w) for words, _, _ in lex.post_cues("en") for w in words}  # (Vice-Governor: vice governor)
    roles |= {plural_of(r) for r in roles}  # Parliamentarians, Secretaries, Chairmen: no name words either
    return _Data(
        honorifics=honorifics,
        honorific_starts=frozenset(h[0] for h in honorifics if h),
        particles=language.name_particles,
        prefixes=language.name_prefixes,
        heads={fold(r["head"]): (r["kind"], r["type"], r["position"]) for r in heads}
        | {fold(h.word): (h.kind, h.subtype, h.position) for h in lex.heads_for("en") if h.position == "opens"},
        said=frozenset(r["word"] for r in cues if r["category"] == "said"),
        place_words=frozenset(r["word"] for r in cues if r["category"] == "place"),
        surname_endings=tuple(r["ending"] for r in _rows("surnames.tsv")),
        known=frozenset(known - {""}),
        towns=frozenset(towns - {""}),
        roles=frozenset(roles),
        not_organizations=frozenset({fold(r["abbreviation"]) for r in _rows("abbreviations.tsv")}
                                    | {fold(c.alpha_3) for c in pycountry.currencies}),
        counterparts=frozenset(fold(w.word) for w in lex.words_of("counterpart", "en")),
        posts=frozenset(fold(cue.text) for c in lex.roles for cue in c.cues
                        if cue.language == "en" and " " not in cue.text),
        company_nouns=frozenset(r["head"].casefold() for r in heads if r["type"] == "company")
        | frozenset(w.word.casefold() for w in lex.words_of("apposition", "en")),
        legal_forms=frozenset(fold(r["head"]) for r in heads if r["type"] == "company" and LEGAL_FORM.match(r["head"])),
        body_posts=_body_posts(lex.post_cues("en")),
    )


def _body_posts(cues: tuple[tuple[tuple[str, ...], str, bool], ...]) -> dict[str, tuple[BodyPost, ...]]:
    """The names of the posts that head a body, by their last word, the longest first."""
    out: dict[str, list[BodyPost]] = {}
    for words, notation, _ in cues:
        if notation in BODY_HEADS and words:
            out.setdefault(fold(words[-1]), []).append((tuple(fold(w) for w in words), BODY_HEADS[notation]))
    return {last: tuple(sorted(names, key=lambda n: -len(n[0]))) for last, names in out.items()}


def _role(key: str, data: _Data) -> bool:
    """Is a folded word a post's, or a post's words joined by hyphens (Vice-Marshal: vice marshal)?"""
    return key in data.roles or (" " in key and all(w in data.roles for w in key.split()))


@cache
def _common(word: str) -> bool:
    low = word.casefold()
    if JOINED_WORD.search(low):
        return False  # Al-Farabi, Xi'an: wordfreq splits such words into common pieces
    return zipf(low) >= COMMON_ZIPF and low not in given_names()


@cache
def given_names() -> frozenset[str]:
    """Given names that are common words too (John, Grace): ``given_names.tsv``."""
    return frozenset(r["name"].casefold() for r in _rows("given_names.tsv"))


@lru_cache(maxsize=65536)
def _base(word: str) -> str:
    """The word without a possessive ending (Kazakhstan's: Kazakhstan); once per word, as words repeat."""
    return POSSESSIVE.sub("", word)


@lru_cache(maxsize=65536)
def _capitalised(word: str) -> bool:
    """A capitalised word of letters (Smith, O'Brien, Al-Farabi's), not an acronym (UN)."""
    t = _base(word)
    if len(t) < 2 or not t[0].isupper() or not (t[1].islower() or t[1] in "'’"):
        return False
    if not all(c.isalpha() or c in "'’-‐" for c in t):
        return False
    return "-" not in t or all(p[:1].isalpha() for p in HYPHEN.split(t))


def _meeting_word(word: str, categories: tuple[str, ...] = ("meeting",)) -> bool:
    return any(load_lexicon().is_word(word, category, "en") for category in categories)


def common_word(word: str, *, inflected: bool = False) -> bool:
    """A capitalised word that is a common English word (wordfreq), never a name's: Cultural, Affairs; with
    ``inflected``, also one whose stem before an ending of the plural or the present is (Discusses: discuss)."""
    return _common(word) or (inflected and _common_stem(word))


@cache
def _common_stem(word: str) -> bool:
    low = word.casefold()
    if low in given_names() or JOINED_WORD.search(low):
        return False
    return any(len(stem) >= STEM_LETTERS and _common(stem) for stem in _stems(low))


def _stems(low: str) -> tuple[str, ...]:
    """What an English word may be the plural or the present of: discusses, discuss; agencies, agency; talks, talk."""
    if low.endswith("ies"):
        return (low[:-3] + "y",)
    if low.endswith(SIBILANT_ES):
        return (low[:-2], low[:-1])
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return (low[:-1],)
    return ()


def mentions(report: Report) -> list[Mention]:
    """Persons, organizations and places in an English report's body."""
    return list(_Recogniser(report).run())


class _Recogniser:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.data = _data()
        self.toks = tokens(report.text, start=report.body_start)
        self.texts = [t.text for t in self.toks]
        self.taken = [False] * len(self.toks)
        self.out: list[Mention] = []
        # The index after the honorific at each token (None where none starts), and the tokens up to four places
        # after one's start where it ends: the grammar asks for both at nearly every token, more than once.
        self.honorific_ends = [self._find_honorific_end(i) for i in range(len(self.texts))]
        self.after_honorifics = frozenset(end for k, end in enumerate(self.honorific_ends)
                                          if end is not None and k < end <= k + 4)

    # ------------------------------------------------------------ token classes

    def _joined(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` on the same line."""
        return i > 0 and "\n" not in self.report.text[self.toks[i - 1].end:self.toks[i].start]

    def _base(self, i: int) -> str:
        return _base(self.texts[i])

    def _capitalised(self, i: int) -> bool:
        return _capitalised(self.texts[i])

    def _prefixed(self, i: int) -> bool:
        """``al-Sabah``: a lower-case particle with a hyphen before a capitalised name."""
        head, _, rest = self._base(i).partition("-")
        return head in self.data.prefixes and rest[:1].isupper()

    def _initial_end(self, i: int) -> int | None:
        """Index after ``A.`` at ``i``."""
        if i + 1 < len(self.texts) and INITIAL.match(self.texts[i]) and self.texts[i + 1] == ".":
            return i + 2
        return None

    def _blocked(self, i: int) -> bool:
        """A capitalised word that cannot be in a person's name."""
        key = fold(self._base(i))
        d = self.data
        return key in d.known or _role(key, d) or key in d.heads or _common(self._base(i)) \
            or self._honorific_end(i) is not None

    def _name_word(self, i: int, *, lenient: bool = False) -> bool:
        """A word of a person's name; ``lenient`` after an honorific, where a common word may be a surname."""
        if self.taken[i] or not (self._capitalised(i) or self._prefixed(i)):
            return False
        if lenient:
            key = fold(self._base(i))
            return not _role(key, self.data) and key not in self.data.heads and self._honorific_end(i) is None
        return not self._blocked(i)

    def _given_after_post(self, i: int) -> bool:
        """A capitalised common word right after a post's word and before a surname-shaped name word (Vice Minister
        Asset Nurgaliyev): a given name."""
        nxt = i + 1
        return i > 0 and nxt < len(self.texts) and self._capitalised(i) and not self.taken[i] \
            and _role(fold(self.texts[i - 1]), self.data) and self.texts[i - 1][:1].isupper() and self._joined(i) \
            and self._joined(nxt) and self._name_word(nxt) \
            and self._base(nxt).casefold().endswith(self.data.surname_endings) and len(self._base(nxt)) >= 5

    def _surname_town(self, i: int) -> bool:
        """A town's one-word name after a name word, where the name ends (Attilio Fontana, ...): a surname."""
        key = fold(self._base(i))
        nxt = i + 1
        return not self.taken[i] and self._capitalised(i) and key in self.data.towns and not _common(self._base(i)) \
            and key not in self.data.roles and key not in self.data.heads \
            and not (nxt < len(self.texts) and self._joined(nxt) and self._capitalised(nxt))

    def _honorific_end(self, i: int) -> int | None:
        """Index after an honorific at ``i`` (dots after its words skipped), or None."""
        return self.honorific_ends[i]

    def _find_honorific_end(self, i: int) -> int | None:
        if not self.texts[i][:1].isupper() or self.texts[i].casefold() not in self.data.honorific_starts:
            return None
        for h in self.data.honorifics:
            j = i
            for word in h:
                if j < len(self.texts) and self.texts[j].casefold() == word:
                    j += 1
                    if j < len(self.texts) and self.texts[j] == ".":
                        j += 1
                else:
                    break
            else:
                return j
        return None

    def _head(self, i: int, position: str) -> tuple[str, str] | None:
        if not self.texts[i][:1].isupper() and fold(self.texts[i]) not in self.data.legal_forms:
            return None
        found = self.data.heads.get(fold(self.texts[i]))
        if found and (found[2] == position or (found[2] == "both" and position != "opens")):
            return found[0], found[1]
        return None

    # ------------------------------------------------------------ grammar

    def run(self) -> Iterator[Mention]:
        self._organizations_and_places()
        self._acronyms()
        self._companies()
        self._headed_bodies()
        self._persons()
        self._preposition_places()
        return iter(sorted(self.out, key=lambda m: (m.start, m.end)))

    def _emit(self, kind: str, first: int, last: int, subtype: str | None = None) -> None:
        start, end = self.toks[first].start, self.toks[last].end
        text = self.report.text[start:end]
        trimmed = POSSESSIVE.sub("", text)
        end -= len(text) - len(trimmed)
        value = " ".join(POSSESSIVE.sub("", t) for t in self.texts[first:last + 1] if t != ".")
        if kind == MentionKind.PERSON:
            value = BARE_INITIAL.sub(r"\1. ", value) if any(t == "." for t in self.texts[first:last + 1]) \
                else value
        self.out.append(Mention(kind, start, end, trimmed, value, subtype, EXTRACTOR))
        for k in range(first, last + 1):
            self.taken[k] = True

    def _org_word(self, i: int) -> bool:
        if self.texts[i].casefold() in ARTICLES or (self._sentence_initial(i) and _common(self.texts[i])
                                                    and not self._head(i, "before")):
            return False
        return not self.taken[i] and (self._capitalised(i) or self._prefixed(i) or bool(ACRONYM.match(self.texts[i]))) \
            and fold(self.texts[i]) not in self.data.posts and self._honorific_end(i) is None

    def _organizations_and_places(self) -> None:
        for i in range(len(self.texts)):
            if self.taken[i]:
                continue
            head = self._head(i, "after")
            if head and head[0] == MentionKind.PLACE and i + 1 < len(self.texts) and self._head(i + 1, "after"):
                continue  # Abylai Khan State University: the last head decides
            if head and i > 0 and self._joined(i):
                first = self._walk_back(i)
                last = self._of_phrase(i) if head[0] == MentionKind.ORGANIZATION else i
                # a name, not common words alone (The Trade Organization); a state's name is a name (Japan
                # External Trade Organization, the National Assembly of Hungary)
                if first < i and not all(_common(self.texts[k]) and fold(self.texts[k]) not in self.data.known
                                         for k in range(first, last + 1) if self._org_word(k)):
                    self._emit(head[0], first, last, head[1])
                    continue
            head = self._head(i, "before")
            opening = self._head(i, "opens") or (
                head if head and self.texts[i].isupper() and fold(self.texts[i]) in self.data.legal_forms else None)
            if opening:
                # a legal form or a head of another language before the name, with no "of" (PT Sentosa Agro Pangan,
                # JSC Kazakhtelecom, Universidad Católica del Norte)
                last = self._name_run(i)
                if last > i:
                    self._emit(opening[0], i, last, opening[1])
                continue
            if head:
                last = self._of_phrase(i)
                if last > i:
                    first = self._walk_back(i) if head[0] == MentionKind.ORGANIZATION else i
                    self._emit(head[0], first, last, head[1])

    def _name_run(self, i: int) -> int:
        """Last word of the name words right after token ``i``, with the particles between them (del Norte)."""
        last = j = i
        while j + 1 < len(self.texts) and j - i < MAX_NAME_WORDS and self._joined(j + 1):
            if self._org_word(j + 1):
                last = j = j + 1
            elif self.texts[j + 1].casefold() in self.data.particles and j + 2 < len(self.texts) \
                    and self._org_word(j + 2):
                j += 1
            else:
                break
        return last

    def _walk_back(self, i: int) -> int:
        """First word of the capitalised name that ends before the head at ``i``."""
        first = i
        j = i - 1
        while j >= 0 and i - j <= MAX_NAME_WORDS and self._joined(j + 1):
            if POSSESSIVE.search(self.texts[j]):
                break  # Japan's Ministry of Economy: the possessor is not part of the name
            if self._org_word(j):
                first = j
            elif not (self.texts[j] in ("of", "and", "&", "for") and j > 0 and self._org_word(j - 1)
                      and self._joined(j)) or (self.texts[j] in COORDINATION and self._held_name_before(j)):
                break
            j -= 1
        return first

    def _held_name_before(self, j: int) -> bool:
        """Do the capitalised words before token ``j`` follow a post (Deputy Mayor X Y and Tourism Department head):
        a holder's name, which no body's name goes on past."""
        k = j - 1
        while k > 0 and self._org_word(k) and self._joined(k):
            k -= 1
        return k < j - 1 and _role(fold(self.texts[k]), self.data)

    def _of_phrase(self, i: int) -> int:
        """Last word of ``of the X and Y`` after the head at ``i`` (``i`` itself if there is none)."""
        last = i
        j = i + 1
        if j < len(self.texts) and self.texts[j] in ("of", "for", "on") and self._joined(j):
            j += 1
            while j < len(self.texts) and j - i <= MAX_NAME_WORDS and self._joined(j):
                if self.texts[j] in LINKS and j + 1 < len(self.texts) and (
                        POSSESSIVE.search(self.texts[j + 1]) or self._head(j + 1, "before")):
                    break  # ... and Japan's Ministry of ...: another body's name begins
                if self.texts[j] == "," and last == j - 1 and last > i and self._listed(j + 1):
                    j += 1  # Ministry of Economy, Trade and Industry
                    continue
                known = last > i and fold(self.texts[last]) in self.data.known
                if last > i and (known or _common(self.texts[last])) and j + 1 < len(self.texts) \
                        and self._name_word(j) and self._name_word(j + 1, lenient=known):
                    # University of Tokyo Teruo Fujii, Chamber of Commerce Carlo Rossi: a person's name; after a
                    # state or a place its surname may be a word too (Ministry of ... of Portugal Rui Costa)
                    break
                if self._org_word(j):
                    last = j
                elif not ((self.texts[j] in LINKS - ARTICLES and last > i and self.texts[j + 1:j + 2] != ["the"])
                          or (self.texts[j] == "the" and self.texts[j - 1] in LINKS)):
                    break
                j += 1
        return last

    def _listed(self, k: int) -> bool:
        """Do name words from ``k`` on, joined by commas, end in ``and`` and one more (Trade and Industry)?"""
        start = k
        while k < len(self.texts) and k - start <= MAX_NAME_WORDS:
            t = self.texts[k]
            if self._head(k, "before") or POSSESSIVE.search(t):
                return False
            if t == "and":
                return k > start and k + 1 < len(self.texts) and self._org_word(k + 1)
            if not (self._org_word(k) or (t == "," and k > start)):
                return False
            k += 1
        return False

    def _acronyms(self) -> None:
        """Acronyms the report uses more than once: a one-off capital run is as often a term as a body."""
        counts = Counter(self.texts)
        for i, t in enumerate(self.texts):
            if counts[t] < 2:
                continue
            if self.taken[i] or len(t) < 2 or not ACRONYM.match(t) or (not t[:2].isupper() and not t[-2:].isupper()):
                continue
            if fold(t) in self.data.known or fold(t) in self.data.posts or fold(t) in self.data.not_organizations \
                    or (i > 0 and self.texts[i - 1].isdigit()):
                continue
            if not self._joined(i) or (i + 1 < len(self.texts) and self.texts[i + 1] == "." and self._line_start(i)):
                continue  # a dateline: NUR-SULTAN. KAZINFORM
            if t.isupper() and self._line_start(i) and self._all_caps_line(i):
                continue
            self._emit(MentionKind.ORGANIZATION, i, i, "organization")

    def _companies(self) -> None:
        """Words with capitals inside (KazMunayGas), and a name a company's class noun follows in apposition
        (Eni, the Italian energy company; Danieli, a steel maker)."""
        for i, t in enumerate(self.texts):
            if not self.taken[i] and CAMEL_CASE.match(t) and not CAMEL_NAME.match(t) and fold(t) not in self.data.known:
                self._emit(MentionKind.ORGANIZATION, i, i, "company")
        for j, t in enumerate(self.texts):
            if t != "," or j == 0 or not self._org_word(j - 1) or not self._class_follows(j + 1):
                continue
            first = j - 1
            while first > 0 and self._joined(first) and self._org_word(first - 1):
                first -= 1
            if j - first <= MAX_NAME_WORDS and not all(fold(self.texts[k]) in self.data.known for k in range(first, j)):
                self._emit(MentionKind.ORGANIZATION, first, j - 1, "company")

    def _headed_bodies(self) -> None:
        """The capitalised name after the post of a body's head and ``of`` (rector of TU Bergakademie Freiberg, the
        Chief Executive Officer of Hassad Food): the body's, where it ends the phrase and names no place or person."""
        for i, t in enumerate(self.texts):
            if t != "of" or i == 0 or i + 1 >= len(self.texts) or not self._joined(i + 1):
                continue
            kind = self._body_post_before(i)
            if kind is None:
                continue
            first = i + 2 if self.texts[i + 1] == "the" else i + 1
            last = first - 1
            while last + 1 < len(self.texts) and last + 1 - first < MAX_NAME_WORDS and self._joined(last + 1) \
                    and self._org_word(last + 1) and not self._person_after(first, last + 1):
                last += 1
            if last < first or (last + 1 < len(self.texts) and self.texts[last + 1] in LINKS - ARTICLES):
                continue  # no name, or one the heads pass did not end (Bank of ..., ... and ...)
            words = [fold(self._base(k)) for k in range(first, last + 1)]
            if all(w in self.data.known for w in words) or any(w in given_names() for w in words[1:]) \
                    or any(_role(w, self.data) for w in words):
                continue  # a place or a state; a person's name after the body's; another post
            self._emit(MentionKind.ORGANIZATION, first, last, kind)

    def _person_after(self, first: int, j: int) -> bool:
        """Does a person's name start at token ``j``, after a body's name from ``first`` that ends in a common word
        or a place's (Norvik Feed Omar Saleh), as the heads pass reads it in an of-phrase?"""
        before = self.texts[j - 1]
        return j > first and (_common(before) or fold(before) in self.data.known) and j + 1 < len(self.texts) \
            and self._joined(j + 1) and self._name_word(j) and self._name_word(j + 1)

    def _body_post_before(self, i: int) -> str | None:
        """The kind of body a post ending right before token ``i`` heads (``BODY_HEADS``), if one does."""
        names = self.data.body_posts.get(fold(self.texts[i - 1]))
        for words, kind in names or ():
            start = i - len(words)
            if start >= 0 and tuple(fold(t) for t in self.texts[start:i]) == words:
                return kind
        return None

    def _class_follows(self, k: int) -> bool:
        """``the Italian energy company``: an article, a few qualifying words, a company's class noun."""
        if k >= len(self.texts) or self.texts[k].casefold() not in ARTICLES:
            return False
        for m in range(k + 1, min(k + 2 + CLASS_WORDS, len(self.texts))):
            word = self.texts[m]
            if word.casefold() in self.data.company_nouns:
                return True
            if not word.isalpha() or word.casefold() in LINKS or word.casefold() in ARTICLES or (
                    word[:1].isupper() and fold(word) not in self.data.known):
                return False  # the head of the company: a post, not a class
        return False

    def _sentence_initial(self, i: int) -> bool:
        return self._line_start(i) or self.texts[i - 1] in (".", "!", "?", ":", ";", '"', "“", "«")

    def _line_start(self, i: int) -> bool:
        return i == 0 or not self._joined(i)

    def _all_caps_line(self, i: int) -> bool:
        """A headline or dateline in capitals: no lower-case word in the next few tokens."""
        return not any(t[:1].islower() for t in self.texts[i:i + 4])

    def _runs(self) -> list[tuple[int, int]]:
        """Runs of name words: initials, capitalised words, particles between them."""
        out: list[tuple[int, int]] = []
        i = 0
        n = len(self.texts)
        texts = self.texts
        while i < n:
            if texts[i].islower():
                i += 1  # no capital: neither an initial nor a name word, so no run starts here
                continue
            j = i
            words = 0
            lenient = self._after_honorific(i)
            while j < n and words < MAX_PERSON_WORDS and (j == i or self._joined(j)):
                after = self._initial_end(j)
                if after is not None and not self.taken[j] and after < n and (self._name_word(after) or
                                                                              self._initial_end(after)):
                    j = after
                elif words and (past := self._past_particles(j)) is not None:
                    j = past  # bin, van der, Al: inside a name, no word of its own
                elif self._name_word(j, lenient=lenient) or (words and self._surname_town(j)) or (
                        j == i and self._given_after_post(j)):
                    j += 1
                    words += 1
                    if POSSESSIVE.search(self.texts[j - 1]):
                        break
                else:
                    break
            if words == 1 and j + 2 < n and self._joined(j) and self._capitalised(j) and not self.taken[j] \
                    and self.texts[j + 1] == "," and self._post_follows(j + 2):
                j += 1  # a surname that is a common word too, before a post in apposition (Linda Harper, senior ...)
                words += 1
            if words >= 2 and words < MAX_PERSON_WORDS and j < n and self._joined(j) and not lenient \
                    and self._name_word(j, lenient=True) and not (j + 1 < n and self._capitalised(j + 1)) \
                    and self._after_post(i):
                j += 1  # a common word ends a name a post opens (Vice Chairman of the Assembly Vu Thanh Long)
            if words:
                out.append((i, j - 1))
                i = j
            else:
                i += 1
        return out

    def _past_particles(self, j: int) -> int | None:
        """Where the name word is that the particles from token ``j`` on come before (van der Linden), if one is."""
        k = j
        while k < len(self.texts) and k - j < MAX_PARTICLES and self.texts[k].casefold() in self.data.particles \
                and (k == j or self._joined(k)):
            k += 1
        return k if j < k < len(self.texts) and self._joined(k) and self._name_word(k) else None

    def _persons(self) -> None:
        runs = [self._place_split(first, last) for first, last in self._runs()]
        accepted = [r for r in runs if self._person_context(*r) or self._after_post_and_place(r[0])]
        chosen = set(accepted)
        for a, b in pairwise(runs):
            after = a[1] + 2  # X and Y, X and Mr. Y
            if self.texts[a[1] + 1] in COORDINATION and b[0] in (after, self._honorific_end(after)) \
                    and (a in chosen) != (b in chosen) \
                    and min(self._words(*a), self._words(*b)) >= 2:
                chosen.update((a, b))
        for first, last in sorted(chosen):
            if self._words(first, last) >= 2 or self._initial_end(first) is not None or self._after_honorific(first):
                self._emit(MentionKind.PERSON, first, last)

    def _place_split(self, first: int, last: int) -> tuple[int, int]:
        """A run of three name words or more after a post and a place's preposition (Consul General in Frankfurt
        Ruslan Kuanyshev): its first word names the place, where the post is held; the rest is the person."""
        if self._words(first, last) >= 3 and self._initial_end(first) is None and self._post_and_place_at(first):
            return first + 1, last
        return first, last

    def _after_post_and_place(self, first: int) -> bool:
        """Does a run start right after a post, a place's preposition and one word of a place (in Gdynia Piotr
        Nowak, the place a known one, so no word of the run)?"""
        return first > 0 and self._joined(first) and self._post_and_place_at(first - 1)

    def _post_and_place_at(self, i: int) -> bool:
        """Is token ``i`` a capitalised word after a place's preposition after a post (Consul General in Frankfurt)?"""
        k = i - 1
        return k > 0 and self.texts[k] in self.data.place_words and self._capitalised(i) and self._post_before(k - 1)

    def _post_before(self, k: int) -> bool:
        """Does a post end the capitalised words (and ``of``, ``the``) that end at ``k``: Consul General of
        Kazakhstan, Kazakhstan's Ambassador?"""
        for j in range(k, max(-1, k - POST_REACH), -1):
            if _role(fold(self._base(j)), self.data):
                return True
            if not (self._capitalised(j) or self.texts[j] in LINKS) or not self._joined(j + 1):
                return False
        return False

    def _after_post(self, first: int) -> bool:
        """Does a post and the capitalised words of its complement end right before token ``first`` (the Minister of
        Trade X)?"""
        return first > 1 and self._joined(first) and self._capitalised(first - 1) and self._post_before(first - 1)

    def _after_post_and_comma(self, first: int) -> bool:
        """Does a post, its complement's capitalised words and a place's (in Kazakhstan), and a comma end right
        before token ``first`` (the Resident Coordinator in Kazakhstan, X)?"""
        k = first - 2
        if k < 1 or self.texts[first - 1] != "," or not self._capitalised(k):
            return False
        for j in range(k, max(-1, k - POST_REACH), -1):
            if _role(fold(self._base(j)), self.data):
                return True
            if not (self._capitalised(j) or self.texts[j] in LINKS or self.texts[j] in self.data.place_words) \
                    or not self._joined(j + 1):
                return False
        return False

    def _words(self, first: int, last: int) -> int:
        return sum(1 for k in range(first, last + 1) if self._capitalised(k) or self._prefixed(k))

    def _after_honorific(self, first: int) -> bool:
        """Does an honorific that starts at most four tokens before ``first`` end there?"""
        return first in self.after_honorifics

    def _person_context(self, first: int, last: int) -> bool:
        d = self.data
        if self._after_honorific(first):
            return True
        if first > 0 and self._joined(first) and _role(fold(self.texts[first - 1]), d) \
                and (self.texts[first - 1][:1].isupper() or fold(self.texts[first - 1]) in d.counterparts):
            return True  # the Governor X; his counterpart X
        if self._after_post(first):
            return True  # the Minister of Trade X
        if self._words(first, last) >= 2 and self._after_post_and_comma(first):
            return True  # the Resident Coordinator in Kazakhstan, X,
        # right after a verb or noun of meeting (the lexicon's), or after it and "with": met with X, received X;
        # the agent of a verb of meeting, attending or joining a group: attended by X, accompanied by X
        before = [t.casefold() for t in self.texts[max(0, first - 2):first]]
        if before[-1:] and (_meeting_word(before[-1]) or (before[-1] == "with" and _meeting_word(before[0])) or (
                before[-1] == "by" and _meeting_word(before[0], AGENT_CATEGORIES))):
            return True
        nxt = last + 1
        if nxt < len(self.texts) and self.texts[nxt] in d.said:
            return True
        if nxt < len(self.texts) and self.texts[nxt] == "," and self._post_follows(nxt + 1):
            return True
        surname = self._base(last).casefold()
        return self._words(first, last) >= 2 and len(surname) >= 5 and surname.endswith(d.surname_endings)

    def _post_follows(self, j: int) -> bool:
        """``, the Deputy Governor of ...``: a post within a few words after a comma."""
        for k in range(j, min(j + APPOSITION_REACH, len(self.texts))):
            t = self.texts[k]
            if any(_role(" ".join(fold(w) for w in self.texts[k:k + n]), self.data) for n in (1, 2, 3)):
                return True  # a post of one word or several (chief operating officer, senior vice president)
            if t.casefold() not in APPOSITION_WORDS and not (t[:1].isupper() and t.isalpha()) \
                    and not (t.isalpha() and ADJECTIVE_ENDING.search(t)):
                return False
        return False

    def _preposition_places(self) -> None:
        for first, last in self._runs():
            if first == 0 or self.texts[first - 1] not in self.data.place_words or last - first > 1:
                continue
            nxt = last + 1
            if nxt < len(self.texts) and (self._head(nxt, "after") or (self._capitalised(nxt) and not self.taken[nxt])):
                continue
            self._emit(MentionKind.PLACE, first, last)
