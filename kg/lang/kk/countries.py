"""Kazakh adjectives of states: a state's name and the suffix -лық (Венгрия → венгриялық, Иран → ирандық,
Египет → египеттік), its first consonant after the name's last sound and its vowel after the name's last vowel."""

from __future__ import annotations

BACK_VOWELS = frozenset("аоұыяё")
FRONT_VOWELS = frozenset("әөүіеэи")
# The suffix begins with л after a vowel or р, й, у; with д after a sonorant or voiced sibilant; else with т.
L_AFTER = frozenset("аәеиоөұүыіэюяёруйw")
D_AFTER = frozenset("лмнңзж")


def country_adjective(name: str) -> str | None:
    """The adjective of a state named by one word (венгриялық); None for a name of several words."""
    if not name.isalpha() or len(name) < 3:
        return None
    low = name.lower()
    last = low[-1]
    consonant = "л" if last in L_AFTER else "д" if last in D_AFTER else "т"
    vowels = [c for c in low if c in BACK_VOWELS or c in FRONT_VOWELS]
    vowel = "ы" if not vowels or vowels[-1] in BACK_VOWELS else "і"
    return f"{low}{consonant}{vowel}{'қ' if vowel == 'ы' else 'к'}"
