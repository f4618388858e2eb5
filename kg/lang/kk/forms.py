"""Kazakh word forms: endings stripped in order, with consonant assimilation and vowel harmony checked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.lang.forms import StemForms
from kg.model import MentionKind
from kg.morphology import KK_PLURAL, case_candidates, dictionary_form_kk, kk_possessive_form, kk_stems
from kg.text import fold

# The plural suffix after a stem of at least three letters, then a possessive and a case ending, if any.
KK_PLURAL_INFLECTED = re.compile(
    r"^\w{3,}(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?(?:|н|ның|нің|на|не|нда|нде|нан|нен|мен|ды|ді|ға|ге|да|де)$",
    re.IGNORECASE)

# Shared stems must be at least this long (or the whole cue), not a two-letter accident.
SHARED_STEM = 4


class KazakhForms(StemForms):
    def stem(self, word: str) -> str:  # type: ignore[override]
        return word.lower()

    def keys(self, word: str, derivation: bool = False) -> frozenset[str]:
        return frozenset({fold(s) for s in kk_stems(word, derivation=derivation)} | {fold(word)})

    def name_matches(self, token: str, name: str) -> bool | None:
        """A place name takes endings after its whole self: Елбасанда is Елбасан, Елбасы is not."""
        t, n = fold(token), fold(name)
        return t == n or (t.startswith(n) and n in {fold(x) for x in kk_stems(token)})

    def matches(self, token: str, cue: str, derivation: bool = False) -> bool:
        t, c = token.lower().replace("ё", "е"), cue.lower().replace("ё", "е")
        if t == c:
            return True
        shared = kk_stems(t, derivation=derivation) & kk_stems(c, derivation=derivation)
        common = max((len(s) for s in shared), default=0)
        return bool(shared) and (common >= min(len(c), SHARED_STEM) or common == len(c))

    def name_candidates(self, word: str) -> frozenset[str]:
        return frozenset(case_candidates(word, person=True))

    def short_forms(self, word: str) -> frozenset[str]:
        return frozenset({fold(word)} | {fold(x) for x in kk_stems(word)})

    def head_fits(self, token: str, head: str) -> bool:
        """A possessive head noun takes a case ending only: министрлігінің, not министрлігімен-дей."""
        return token == head or kk_possessive_form(token, head)

    def plural_head(self, token: str, head: str) -> bool:
        return fold(token).startswith(fold(head)[:-1]) and not KK_PLURAL.search(head) and any(
            KK_PLURAL.search(x) for x in kk_stems(token))


def nominative(words: Sequence[str], kind: str, governor: str = "") -> str:
    """Only the last word of a Kazakh name carries the case ending: ``Эрве Жамармен`` → ``Эрве Жамар``."""
    return " ".join([*words[:-1], dictionary_form_kk(words[-1], person=kind == MentionKind.PERSON)])


def common_word(word: str, *, inflected: bool = False) -> bool:
    """A word that Kazakh news writes in lower case (Қазақша, Елорда), or a plural (Парламенттері).

    With ``inflected``, only a common word with a case ending (Кездесуде): a given name before
    a surname takes no ending, but may be a common word too (Бақыт, Ерік).
    """
    from kg.lexicon import load_lexicon

    common = load_lexicon().common
    folded = fold(word)
    stems = {fold(x) for x in kk_stems(word)} - {folded}
    if inflected:
        return bool(stems & common)
    return bool(({folded} | stems) & common) or bool(KK_PLURAL.search(dictionary_form_kk(word)))


def plural(word: str, before: str = "") -> bool:
    """A noun with the plural suffix, whatever possessive or case follows it: кездесулер, кездесулерінде."""
    return bool(KK_PLURAL_INFLECTED.search(word))
