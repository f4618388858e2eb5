"""Word forms of a language: the keys its words are filed under and when a token stands for a word.

``StemForms`` serves languages whose inflection a Snowball stemmer covers, with the profile's
lemmatiser as a second opinion where the stemmer cuts forms of one word apart. A language with
other needs subclasses it in its package (``kg.lang.kk.forms``, ``kg.lang.ru.forms``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import snowballstemmer

from kg.lang import word_key
from kg.text import fold

if TYPE_CHECKING:
    from kg.lang import Language

# Index keys of a stemmed word: its first letters, so that stems cut at different lengths meet.
KEY_LETTERS = 5
# The first letters a dictionary form shares with a word for its stem to be one of the word's keys.
LEMMA_SHARED = 3


class StemForms:
    """Inflected forms by a Snowball stemmer (``Language.snowball``), or the word itself without one."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._stemmer = snowballstemmer.stemmer(language.snowball) if language.snowball else None
        self.stem = lru_cache(maxsize=65536)(self._stem)

    def _stem(self, word: str) -> str:
        low = comparable(word)
        return self._stemmer.stemWord(low) if self._stemmer else low

    def keys(self, word: str, derivation: bool = False) -> frozenset[str]:
        """Keys under which a word is filed, so that its inflected forms find it: its stem's first letters, and
        those of its dictionary forms' stems that begin as it does, where the stemmer cuts forms of one word apart
        (Китай: кита, Китая: кит) and ``matches`` takes them as one by the lemmatiser; not a form another word's
        may share (тех, того: тот)."""
        low = fold(word)
        keys = {self.stem(low)[:KEY_LETTERS], low}
        if self.language.lemmatiser is not None:
            keys.update(self.stem(lemma)[:KEY_LETTERS] for lemma in self.language.lemmas(low)
                        if lemma[:LEMMA_SHARED] == low[:LEMMA_SHARED])
        return frozenset(keys)

    def matches(self, token: str, cue: str, derivation: bool = False) -> bool:
        """Does a token stand for a cue word, in any of its inflected (or, with ``derivation``, derived) forms?"""
        t, c = comparable(token), comparable(cue)
        if t == c or self.stem(t) == self.stem(c):
            return True
        lang = self.language
        return lang.lemmatiser is not None and lang.word_is(t, lang.lemmas(c)[0])

    def cue_keys(self, cue: str) -> frozenset[str]:
        """Keys of a cue word that every token it ``matches`` (without derivation) shares with it (``token_keys``):
        the same word, its stem, or its dictionary form. A table of cues by these keys finds a token's cues without
        trying each one."""
        c = comparable(cue)
        keys = {f"={c}", f"~{self.stem(c)}"}
        if self.language.lemmatiser is not None:
            keys.add(f"@{self.language.lemmas(c)[0]}")
        return frozenset(keys)

    def token_keys(self, token: str) -> frozenset[str]:
        """Keys of a token: a cue it ``matches`` (without derivation) has one of them among its ``cue_keys``."""
        t = comparable(token)
        keys = {f"={t}", f"~{self.stem(t)}"}
        lang = self.language
        if lang.lemmatiser is not None:
            keys.add(f"@{word_key(t)}")
            keys.update(f"@{lemma}" for lemma in lang.lemmas(t))
        return frozenset(keys)

    def whole_form(self, token: str, cue: str) -> bool:
        """Is a token the cue itself with endings, not a word that merely shares a stem with it?"""
        return self.matches(token, cue)

    def post_fits(self, token: str, word: str) -> bool:
        """Is a token a form of a word of a post's name? As ``matches`` where such nouns inflect like any word."""
        return self.matches(token, word)

    def noun_form(self, token: str, noun: str) -> bool:
        """Is a token a form of the noun ``noun`` (its plural, as written, or its singular), not of a word that only
        shares its stem, a verb's (кездесті beside кездесу)?"""
        return self.whole_form(token, noun)

    def name_matches(self, token: str, name: str) -> bool | None:
        """Is a token a form of a place name? None: as any word (``matches``)."""
        return None

    def joined_forms(self, part: str) -> tuple[str, ...]:
        """The words a part before a hyphen in a compound may stand for: itself (Қазақстан-, Kazakh-)."""
        return (part,)

    def adjective(self, token: str, after: str) -> bool:
        """Is a token only an adjective's form, one that agrees with the word after it (Центральной избирательной)?
        False where the language cannot tell."""
        return False

    def name_after_head(self, words: Sequence[str]) -> int | None:
        """How many of ``words`` (the capitalised words after a place's head noun that stands before its name:
        провинции Гелдерланд) are that name (0: none, города Эльманом Рзаевым); None where the language cannot
        tell."""
        return None

    def head_fits(self, token: str, head: str) -> bool:
        """May a token that matched a head noun stand as that head after a name?"""
        return True

    def plural_head(self, token: str, head: str, before: str = "") -> bool:
        """Is a token the plural of a head noun (universities: a class, or several bodies or places), after the word
        ``before`` it where a language's agreement tells a singular form that looks the same?"""
        return False

    def singular(self, token: str, head: str) -> str:
        """A head noun written in the plural as ``token``, in the singular: its dictionary form ``head`` here."""
        return head

    def name_candidates(self, word: str) -> frozenset[str]:
        """Forms a person's surname written in some case may have in the dictionary (a stem here)."""
        return frozenset({self.stem(word)}) if self._stemmer else frozenset()

    def short_forms(self, word: str) -> frozenset[str]:
        """The forms by which a name's last word may stand alone (Сенат for Парламент Сенаты)."""
        return frozenset({fold(word)})


def comparable(word: str) -> str:
    """The form a token and a cue word are compared in: lower case, ё as е."""
    return word.lower().replace("ё", "е")
