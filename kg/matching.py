"""Find phrases of a vocabulary in a token sequence, each word in any of its inflected forms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Generic, TypeVar

from kg.lang import profile
from kg.text import fold

if TYPE_CHECKING:
    from kg.lang import Language

T = TypeVar("T")
HYPHENS = "-‐"
# A derived word shares at least this many first letters with its cue, and this share of the cue.
DERIVED_SHARED = 6
DERIVED_SHARE = 0.75
# Names filed by their first letters (``prefix=True``): this many, two for shorter names.
PREFIX = 4
# A token with more candidate phrases than this has them sorted by their second word.
MANY_CANDIDATES = 8


@dataclass(frozen=True)
class Match(Generic[T]):
    """Tokens ``first``..``last`` (inclusive) match a phrase carrying ``payload``."""

    first: int
    last: int
    payload: T


@lru_cache(maxsize=131072)
def index_keys(word: str, language: str, derivation: bool = False) -> frozenset[str]:
    """Keys under which a word is filed, so that its inflected forms find it."""
    return profile(language).forms.keys(word, derivation)


def prefix_key(word: str) -> str:
    """The key a name's word is filed under by its first letters."""
    low = fold(word)
    return low[:PREFIX] if len(low) > PREFIX else low[:2]


def prefix_keys(word: str) -> tuple[str, ...]:
    """The keys a token probes among names filed by their first letters."""
    low = fold(word)
    return (low[:PREFIX], low[:2]) if len(low) > PREFIX else (low[:2],)


class PhraseMatcher(Generic[T]):
    """Phrases of one language; ``exact`` phrases (abbreviations) match case-sensitively as written.

    ``derivation`` lets Kazakh words match their derived forms too (for sector cue words); ``posts`` matches the
    names of posts by ``Forms.post_fits`` (an English post's noun with its own endings, not a word that only shares
    its stem: Officers, not Office).
    ``prefix`` phrases (large gazetteers) are filed by the first letters of their first word rather
    than by its stems, which costs nothing to build; ``word_fits`` still decides every match.
    """

    def __init__(self, language: str, *, derivation: bool = False, posts: bool = False) -> None:
        self.language = language
        self.derivation = derivation
        self.posts = posts
        self._index: dict[str, list[tuple[tuple[str, ...], T, bool, bool]]] = {}
        self._prefix_index: dict[str, list[tuple[tuple[str, ...], T, bool, bool]]] = {}
        # Per-token answers; tokens repeat across sentences and reports. Cleared by ``add``.
        self._candidate_cache: dict[str, list[tuple[tuple[str, ...], T, bool, bool]]] = {}
        # The tokens among them that start no phrase, which ``find`` passes over without a call, and those two of
        # whose phrases have as many words and the same payload, whose matches need to be told apart.
        self._no_start: set[str] = set()
        self._repeats: set[str] = set()
        self._fits_cache: dict[tuple[str, str, bool, bool], bool] = {}
        # A token's many candidates (the, North, New), by the keys of their second word: (one-word ones,
        # the longer ones by key), each with its place among the candidates.
        self._by_second: dict[str, tuple[list[int], dict[str, list[int]]]] = {}

    def add(self, words: Sequence[str], payload: T, *, exact: bool = False, prefix: bool = False) -> None:
        words = tuple(words)
        if not words:
            return
        self._candidate_cache.clear()
        self._no_start.clear()
        self._repeats.clear()
        self._by_second.clear()
        if prefix and not exact:
            self._prefix_index.setdefault(prefix_key(words[0]), []).append((words, payload, exact, True))
            return
        keys = {words[0]} if exact else index_keys(words[0], self.language, self.derivation)
        for key in keys:
            self._index.setdefault(key, []).append((words, payload, exact, False))

    def _candidates(self, token: str) -> list[tuple[tuple[str, ...], T, bool, bool]]:
        """Phrases whose first word the token is (in some form), longest first and else in the order found:
        looked up once per token."""
        found = self._candidate_cache.get(token)
        if found is None:
            found = self._lookup(token) + (
                self._lookup(_hyphen_base(token)) if _hyphen_base(token) != token else [])
            found = [c for c in found if self.word_fits(token, c[0][0], c[2], c[3])]
            found.sort(key=lambda c: -len(c[0]))  # stable: so are the matches
            self._candidate_cache[token] = found
            if not found:
                self._no_start.add(token)
            if len({(len(c[0]), id(c[1])) for c in found}) < len(found):
                self._repeats.add(token)
        return found

    def _lookup(self, token: str) -> list[tuple[tuple[str, ...], T, bool, bool]]:
        out: list[tuple[tuple[str, ...], T, bool, bool]] = []
        seen: set[int] = set()
        keys = index_keys(token, self.language, self.derivation) | {token}
        for key in keys:
            for cand in self._index.get(key, ()):
                if id(cand) not in seen:
                    seen.add(id(cand))
                    out.append(cand)
        if self._prefix_index:
            for key in prefix_keys(token):
                out.extend(self._prefix_index.get(key, ()))
        return out

    def word_fits(self, token: str, word: str, exact: bool, name: bool = False) -> bool:
        key = (token, word, exact, name)
        fits = self._fits_cache.get(key)
        if fits is None:
            fits = self._fits_cache[key] = self._word_fits(token, word, exact, name)
        return fits

    def _word_fits(self, token: str, word: str, exact: bool, name: bool) -> bool:
        """``name``: a place name (filed by prefix), whose Russian case forms need no stemmer."""
        if exact:
            return token == word or _hyphen_base(token) == word
        forms = profile(self.language).forms
        if name:
            fits = forms.name_matches(token, word)
            if fits is not None:
                return fits or bool(forms.name_matches(_hyphen_base(token), word))
        if self.posts:
            return forms.post_fits(token, word) or forms.post_fits(_hyphen_base(token), word)
        return forms.matches(token, word, self.derivation) or forms.matches(_hyphen_base(token), word, self.derivation)

    def match_at(self, texts: Sequence[str], i: int) -> list[Match[T]]:
        """Every phrase that starts at token ``i``, longest first."""
        candidates = self._candidates(texts[i])
        if not candidates:
            return []  # most tokens start no phrase
        size = len(texts)
        if len(candidates) > MANY_CANDIDATES and i + 1 < size:
            candidates = self._second_word_fits(texts[i], candidates, texts[i + 1])
        fits = self._fits_cache
        out: list[Match[T]] = []
        for words, payload, exact, name in candidates:
            n = len(words)
            if n == 1:
                out.append(Match(i, i, payload))  # the first word fits: the candidates are those it fits
                continue
            if i + n > size:
                continue
            for k in range(1, n):
                token, word = texts[i + k], words[k]
                fit = fits.get((token, word, exact, name))
                if fit is None:
                    fit = self.word_fits(token, word, exact, name)
                if not fit:
                    break
            else:
                out.append(Match(i, i + n - 1, payload))
        if len(out) < 2 or texts[i] not in self._repeats:
            return out  # longest first, as the candidates are, and no two alike
        return list({(m.first, m.last, id(m.payload)): m for m in out}.values())

    def _second_word_fits(self, token: str, candidates: list[tuple[tuple[str, ...], T, bool, bool]],
                          following: str) -> list[tuple[tuple[str, ...], T, bool, bool]]:
        """The candidates of one word, and those whose second word the following token may be: a phrase word is
        filed under the keys its forms share (as the first words are), so a token probes only those."""
        grouped = self._by_second.get(token)
        if grouped is None:
            singles: list[int] = []
            by_key: dict[str, list[int]] = {}
            for n, (words, _, exact, name) in enumerate(candidates):
                if len(words) == 1:
                    singles.append(n)
                    continue
                for key in self._filing_keys(words[1], exact, name):
                    by_key.setdefault(key, []).append(n)
            grouped = self._by_second[token] = (singles, by_key)
        singles, by_key = grouped
        chosen = set(singles)
        for form in {following, _hyphen_base(following)}:
            for key in {form, *index_keys(form, self.language, self.derivation), *prefix_keys(form)}:
                chosen.update(by_key.get(key, ()))
        return [candidates[n] for n in sorted(chosen)]

    def _filing_keys(self, word: str, exact: bool, name: bool) -> frozenset[str]:
        """The keys a phrase word is filed under: itself if exact, its first letters if a name, else its stems."""
        if exact:
            return frozenset({word})
        if name:
            return frozenset({prefix_key(word)})
        return index_keys(word, self.language, self.derivation)

    def find(self, texts: Sequence[str], *, skip: Sequence[bool] | None = None) -> list[Match[T]]:
        """Non-overlapping matches, leftmost then longest; tokens flagged in ``skip`` are not used."""
        no_start = self._no_start
        # the tokens that may start a phrase: not flagged, and not seen before to start none
        if skip is None:
            starts = [i for i, t in enumerate(texts) if t not in no_start]
        else:
            starts = [i for i, t in enumerate(texts) if not skip[i] and t not in no_start]
        out: list[Match[T]] = []
        end = -1  # the last token of the last match
        for i in starts:
            if i <= end:
                continue
            found = self.match_at(texts, i)
            if skip is not None and found:
                found = [m for m in found if not any(skip[k] for k in range(m.first, m.last + 1))]
            if len(found) == 1:
                end = found[0].last
                out.append(found[0])
            elif found:
                end = found[0].last
                out.extend(m for m in found if m.last == end)
        return out

    def find_all(self, texts: Sequence[str]) -> list[Match[T]]:
        """Every match at every position, overlapping ones included."""
        out: list[Match[T]] = []
        for i in range(len(texts)):
            out.extend(self.match_at(texts, i))
        return out


def _hyphen_base(token: str) -> str:
    """``ҚХР-мен`` → ``ҚХР``: a name with a case ending written after a hyphen."""
    for h in HYPHENS:
        if h in token:
            head, _, tail = token.rpartition(h)
            if head and tail and tail.islower() and len(tail) <= 5 and not head[-1:].islower():
                return head
    return token


class LemmaMatcher(Generic[T]):
    """Phrases matched word by word on dictionary forms, in one language's inflection only.

    A phrase word is filed under its own likeliest dictionary form; a token matches it when the
    token's dictionary forms (``Language.lemmas``) hold that form. A whole token must match:
    a phrase word never matches the start of a longer word. ``exact`` words (abbreviations) match
    only as written.
    """

    def __init__(self, language: Language) -> None:
        self.language = language
        # A phrase by each dictionary form of its first word: each word's forms, the payload, matched as written.
        self._index: dict[str, list[tuple[tuple[tuple[str, ...], ...], T, bool]]] = {}
        # One-word cues by their first letters, for words derived from them (образовательный: образование).
        self._derived: dict[str, list[tuple[str, T]]] = {}
        # Per token: the phrases whose first word it is and the cues it is derived from. Cleared by ``add``.
        self._starting: dict[str, tuple[list[tuple[tuple[tuple[str, ...], ...], T, bool]], list[T]]] = {}
        # The tokens among them that stand for no cue, which ``find_all`` passes over without a call.
        self._no_start: set[str] = set()

    def add(self, words: Sequence[str], payload: T, *, exact: bool = False) -> None:
        self._starting.clear()
        self._no_start.clear()
        keys = tuple((w,) if exact else self.language.cue_lemmas(w) for w in words)
        if not keys:
            return
        for first in keys[0]:
            self._index.setdefault(first, []).append((keys, payload, exact))
        if self.language.derived_cues and len(keys) == 1 and not exact and len(keys[0][0]) >= DERIVED_SHARED:
            self._derived.setdefault(keys[0][0][:DERIVED_SHARED], []).append((keys[0][0], payload))

    def _fits(self, token: str, keys: tuple[str, ...], exact: bool) -> bool:
        """Is ``token`` one of a cue word's forms (``keys``: the word as written if ``exact``, else its lemmas)?"""
        if exact:
            return token in keys
        lemmas = self.language.lemmas(token)
        return any(k in lemmas for k in keys)

    def _starts(self, token: str) -> tuple[list[tuple[tuple[tuple[str, ...], ...], T, bool]], list[T]]:
        """The phrases whose first word ``token`` stands for, and the one-word cues it is derived from:
        looked up once per token, as tokens repeat across sentences and reports."""
        found = self._starting.get(token)
        if found is None:
            # a phrase filed under several forms of its first word is found once
            phrases = list({id(entry): entry for key in dict.fromkeys((token, *self.language.lemmas(token)))
                            for entry in self._index.get(key, ()) if self._fits(token, entry[0][0], entry[2])}.values())
            derived = [payload for lemma in self.language.lemmas(token)
                       for cue, payload in self._derived.get(lemma[:DERIVED_SHARED], ()) if _derived(lemma, cue)]
            found = self._starting[token] = (phrases, derived)
            if not phrases and not derived:
                self._no_start.add(token)
        return found

    def match_at(self, texts: Sequence[str], i: int) -> list[Match[T]]:
        phrases, derived = self._starts(texts[i])
        out: list[Match[T]] = []
        for words, payload, exact in phrases:
            n = len(words)
            if i + n <= len(texts) and all(self._fits(texts[i + k], words[k], exact) for k in range(1, n)):
                out.append(Match(i, i + n - 1, payload))
        if not out:
            out.extend(Match(i, i, payload) for payload in derived)
        if len(out) > 1:
            out.sort(key=lambda m: -(m.last - m.first))
        return out

    def find_all(self, texts: Sequence[str]) -> list[Match[T]]:
        """Every match at every position, overlapping ones included."""
        no_start = self._no_start
        return [m for i, t in enumerate(texts) if t not in no_start for m in self.match_at(texts, i)]


def _derived(word: str, cue: str) -> bool:
    """A word derived from a cue keeps most of it: промышленный from промышленность, cultural from culture."""
    shared = next((k for k, (a, b) in enumerate(zip(word, cue, strict=False)) if a != b), min(len(word), len(cue)))
    return shared >= DERIVED_SHARED and shared >= DERIVED_SHARE * len(cue)
