"""Organization names as keys that survive language and script, and acronyms matched to their expansions.

``Әл-Фараби атындағы Қазақ ұлттық университеті``, ``Казахский национальный университет имени
аль-Фараби`` and ``Al-Farabi Kazakh National University`` have one key: each word of the name that
``lexicons/org_words.tsv`` knows (a head noun such as университеті, university; a descriptive word
such as ұлттық, national) becomes its concept, every other word its transliterated name key
(``kg.names.word_key``: Фараби, Farabi → ``frb``), and the key is the set of both, in any order.
A name made of concept words only (Министерство культуры, The University) could be any country's
and gets no such key, unless it names the country (Ministry of Foreign Affairs of Kazakhstan).

``acronym_of`` tells whether a short upper-case name (ҚазҰУ, КазНУ, KazNU) abbreviates a longer
one: its letters are, in order, the beginnings of consecutive words of the longer name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.files import LEXICON_DIR, read_tsv
from kg.names import spelled, word_key

DATA = LEXICON_DIR / "org_words.tsv"
KEY_PREFIX = "~"
WORD = re.compile(r"[^\W\d_]+|\d+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A Kazakh or Russian word may add this many letters of case, possessive or gender ending to a stem.
MAX_ENDING = 5
# Concepts that name the country the body belongs to: with one, a name of concept words is specific.
COUNTRY_CONCEPTS = frozenset({"kazakh", "kazakhstan"})
MIN_ACRONYM = 3
ACRONYM = re.compile(r"^[^\W\d_]{2,8}$")


class Role:
    HEAD = "head"
    OPTIONAL = "optional"
    WORD = "word"
    STOP = "stop"


@dataclass(frozen=True)
class _Form:
    words: tuple[str, ...]
    concept: str
    role: str
    stem: bool


@cache
def _forms() -> dict[str, tuple[_Form, ...]]:
    """Forms by their first word's first two letters, the longest first."""
    out: dict[str, list[_Form]] = {}
    for concept, role, _language, forms in read_tsv(DATA):
        for form in forms.split("|"):
            words = tuple(form.lower().split())
            if words:
                stem = bool(CYRILLIC.search(form))
                out.setdefault(words[0][:2], []).append(_Form(words, concept, role, stem))
    return {k: tuple(sorted(v, key=lambda f: (-len(f.words), -sum(map(len, f.words))))) for k, v in out.items()}


def _word_fits(token: str, form: str, stem: bool) -> bool:
    if token == form:
        return True
    if not stem:
        return token == form + "s"
    return len(form) >= 4 and token.startswith(form) and len(token) - len(form) <= MAX_ENDING


def _match(tokens: list[str], at: int) -> _Form | None:
    for form in _forms().get(tokens[at][:2], ()):
        n = len(form.words)
        if at + n <= len(tokens) and all(_word_fits(t, w, form.stem) for t, w in zip(tokens[at:at + n], form.words,
                                                                                    strict=True)):
            return form
    return None


@lru_cache(maxsize=16384)
def org_key(name: str) -> str | None:
    """The language-blind key of an organization's name, or None where the name gives too little."""
    concepts, names, heads = _read(name)
    if not names and not (heads and set(concepts) & COUNTRY_CONCEPTS):
        return None
    return KEY_PREFIX + " ".join(sorted({*concepts, *names}))


def head_concepts(name: str) -> frozenset[str]:
    """The concepts of the head nouns an organization's name holds (университеті, University: university)."""
    concepts, _, _ = _read(name, heads_only=True)
    return frozenset(concepts)


@lru_cache(maxsize=16384)
def _read(name: str, *, heads_only: bool = False) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """The concepts a name's words say (its head nouns' alone with ``heads_only``), its other words' keys, and how
    many head nouns it holds."""
    tokens = [t.lower() for t in WORD.findall(name)]
    concepts: list[str] = []
    names: list[str] = []
    heads = 0
    at = 0
    while at < len(tokens):
        form = _match(tokens, at)
        if form is None:
            # a name after имени is in the genitive (Гумилева): the key drops a final a
            key = word_key(tokens[at])
            if key:
                names.append(key[:-1] if len(key) > 2 and key.endswith("a") else key)
            at += 1
            continue
        at += len(form.words)
        if form.role in (Role.STOP, Role.OPTIONAL) or (heads_only and form.role != Role.HEAD):
            continue
        heads += form.role == Role.HEAD
        concepts.append(form.concept)
    return tuple(concepts), tuple(names), heads


def is_acronym(name: str) -> bool:
    """One word of two to eight letters, at least two of them capitals: ҚазҰУ, КазНУ, KazNU, ЕҰУ."""
    name = name.strip()
    return bool(ACRONYM.match(name)) and sum(c.isupper() for c in name) >= 2


def _letters(text: str) -> str:
    """A word's letters in ASCII with one spelling per sound (Қазақ, Kazakh → kazak)."""
    return spelled(text)


@lru_cache(maxsize=16384)
def _acronym_words(name: str) -> tuple[tuple[str, ...], dict[int, str]]:
    """The words of ``name`` spelt as ``acronym_of`` compares them, and the role of each word that begins a
    form of the lexicon: the same for every acronym a name is compared with (a merge compares each acronym of
    the collection with every organization's names)."""
    tokens = WORD.findall(name)
    lowered = [t.lower() for t in tokens]
    return tuple(_letters(t) for t in tokens), {i: f.role for i in range(len(tokens))
                                                if (f := _match(lowered, i)) is not None}


def acronym_of(acronym: str, name: str) -> bool:
    """Do the letters of ``acronym`` begin, in order, consecutive words of ``name`` (each at least once),
    one of them the name's head noun? ``ҚазҰУ`` abbreviates ``Әл-Фараби атындағы Қазақ ұлттық
    университеті``; a stop word between two of the words may be skipped. Three letters at least."""
    letters = _letters(acronym)
    words, roles = _acronym_words(name)
    if len(letters) < MIN_ACRONYM or len(words) < 2 or Role.HEAD not in roles.values():
        return False

    @cache
    def fits(i: int, w: int, used: int, head: bool) -> bool:
        if i == len(letters):
            return used >= 2 and head
        if w >= len(words):
            return False
        word = words[w]
        options = [n for n in range(1, len(word) + 1) if letters[i:i + n] == word[:n]]
        if any(fits(i + n, w + 1, used + 1, head or roles.get(w) == Role.HEAD) for n in options):
            return True
        return roles.get(w) == Role.STOP and used > 0 and fits(i, w + 1, used, head)

    return any(fits(0, start, 0, False) for start in range(len(words)))
