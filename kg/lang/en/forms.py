"""English word forms: Snowball stems; a place name takes a possessive or plural ending only."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.lang.forms import StemForms
from kg.text import LATIN_BASES, fold

# English names take a possessive or plural ending only (During is not Dure).
NAME_ENDINGS = ("'s", "’s", "s")
# A plural noun of an event: meetings, hearings.
PLURAL_NOUN = "ings"
# Endings of nouns in the singular that end in s.
SINGULAR_S = ("ss", "us", "is")
POSSESSIVE = re.compile(r"['’]s$")
# The endings that make an adjective of a noun: region, regional; diplomat, diplomatic.
ADJECTIVE_ENDINGS = frozenset({"al", "ial", "ic", "ical", "ary"})


class EnglishForms(StemForms):
    def name_matches(self, token: str, name: str) -> bool | None:
        t, n = token.translate(LATIN_BASES).casefold(), name.translate(LATIN_BASES).casefold()
        return t == n or (t.startswith(n) and t[len(n):] in NAME_ENDINGS)

    def head_fits(self, token: str, head: str) -> bool:
        """An English head noun takes a plural or possessive ending only: Department(s), not depart."""
        t, h = fold(POSSESSIVE.sub("", token)), fold(head)
        return t in (h, fold(plural_of(head)))

    def post_fits(self, token: str, word: str) -> bool:
        """A post's noun with an ending, not a word that only shares its stem (Office and officer, advised and
        adviser) nor its adjective (regional, diplomatic): the token begins with it (Officers, Governor's,
        Governorate: the post's body) or is its plural."""
        t, w = fold(token), fold(word)
        return t == fold(plural_of(word)) or (t.startswith(w) and t[len(w):] not in ADJECTIVE_ENDINGS
                                              and self.matches(token, word))

    def plural_head(self, token: str, head: str, before: str = "") -> bool:
        return fold(token) != fold(head) and fold(token).endswith("s")


def plural(word: str, before: str = "") -> bool:
    """A noun in the plural: meetings, briefings, ambassadors, diplomats, chairmen; not one whose singular ends in s
    (business, status, analysis) or a French post's word (chargé d'affaires)."""
    low = word.casefold()
    return low.endswith(PLURAL_NOUN) or low.endswith("men") or (
        low.endswith("s") and not low.endswith(SINGULAR_S) and "'" not in low and "’" not in low)


def plural_of(noun: str) -> str:
    """A noun's regular plural: ambassadors, secretaries, chairmen."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def nominative(words: Sequence[str], kind: str = "", governor: str = "") -> str:
    """A name without the possessive ending of its last word: Yerzhan Ashikbayev's → Yerzhan Ashikbayev."""
    return " ".join([*words[:-1], POSSESSIVE.sub("", words[-1])]) if words else ""
