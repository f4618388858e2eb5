"""Kazakh adjectives of states: a state's name and the suffix -лық (Венгрия → венгриялық, Иран → ирандық,
Египет → египеттік), its first consonant after the name's last sound and its vowel after the name's last vowel."""

from __future__ import annotations

from kg.morphology import BACK_VOWELS, FRONT_VOWELS, NASAL, VOWELS

# The suffix begins with л after a vowel or р, й; with д after a nasal, л or a voiced sibilant; else with т.
L_AFTER = VOWELS | frozenset("рй")
D_AFTER = NASAL | frozenset("лзж")


def country_adjective(name: str) -> str | None:
    """The adjective of a state named by one word (венгриялық); None for a name of several words. A name
    whose vowels are all neutral (Чили) takes the front vowel."""
    if not name.isalpha() or len(name) < 3:
        return None
    low = name.lower()
    consonant = "л" if low[-1] in L_AFTER else "д" if low[-1] in D_AFTER else "т"
    vowels = [c for c in low if c in BACK_VOWELS or c in FRONT_VOWELS]
    back = bool(vowels) and vowels[-1] in BACK_VOWELS
    return f"{low}{consonant}{'ық' if back else 'ік'}"
