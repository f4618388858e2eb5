"""The lexicon's names, posts, sector cues, words and head nouns of one language, as matchers over tokens."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from kg.lang import profile
from kg.lexicon import Entry, Head, load_lexicon
from kg.matching import LemmaMatcher, PhraseMatcher
from kg.text import tokens

LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9&'’-]*$")
# The hyphen between two capitalised parts of a word of a name (Шыңжаң-Ұйғыр), where a space may stand instead.
HYPHENATED = re.compile(r"[-‐](?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
# The categories of the lexicon's words the rules look for: a meeting's, a visit's, ...
WORD_CATEGORIES = ("meeting", "visit", "group", "discussion", "deputy", "home", "area", "members")


class Matchers(NamedTuple):
    names: PhraseMatcher[Entry]
    roles: PhraseMatcher[str]
    sectors: LemmaMatcher[str]
    words: PhraseMatcher[tuple[str, str]]
    heads: PhraseMatcher[Head]


@cache
def matchers(language: str) -> Matchers:
    lex = load_lexicon()
    names: PhraseMatcher[Entry] = PhraseMatcher(language)
    borrowed = profile(language).borrowed_country_names
    for e in lex.entries:
        # Latin names count in every language (a kk or ru text may write Astana Hub), but not the
        # gazetteer's: a Latin word in a Cyrillic text is a brand far more often than a foreign town.
        if e.language == language or (e.language == "en" and not e.derived
                                      and all(LATIN_WORD.match(w) for w in e.words)) or (
                e.language in borrowed and e.kind == "country" and e.form == "name"):
            exact = e.form == "abbreviation" or (len(e.words) == 1 and e.words[0].isupper() and len(e.words[0]) <= 6)
            names.add(e.words, e, exact=exact, prefix=e.kind == "place")
            spaced = tuple(part for w in e.words for part in HYPHENATED.split(w) if part)
            if len(e.words) > 1 and len(spaced) > len(e.words):
                # a name of several words is written with a space for a hyphen too: Шыңжаң Ұйғыр автономиялық ауданы
                names.add(spaced, e, exact=exact, prefix=e.kind == "place")
    roles: PhraseMatcher[str] = PhraseMatcher(language, derivation=profile(language).derived_cues, posts=True)
    for words, notation, exact in lex.post_cues(language):
        roles.add(words, notation, exact=exact)
    sectors: LemmaMatcher[str] = LemmaMatcher(profile(language))
    for c in lex.sectors:
        for cue in c.cues:
            if cue.language == language:
                words = tuple(t.text for t in tokens(cue.text))
                sectors.add(words, c.notation, exact=cue.text.isupper() and len(cue.text) <= 4)
    words: PhraseMatcher[tuple[str, str]] = PhraseMatcher(language, derivation=profile(language).derived_cues)
    for w in lex.words:
        if w.language == language and w.category in WORD_CATEGORIES:
            words.add(tuple(t.text for t in tokens(w.word)), (w.category, w.value))
    heads: PhraseMatcher[Head] = PhraseMatcher(language)
    for h in lex.heads_for(language):
        heads.add((h.word,), h, exact=h.word.isupper())
    return Matchers(names, roles, sectors, words, heads)

