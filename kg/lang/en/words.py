"""English dictionary forms: inflection only (plural, possessive, -ed, -ing), never derivation,
so that importance is not import and economical is not economic."""

from __future__ import annotations

from functools import lru_cache

from kg.lang import word_key

VOWELS = frozenset("aeiou")


@lru_cache(maxsize=131072)
def lemmas(word: str) -> tuple[str, ...]:
    w = word_key(word).replace("’", "'")
    out = [w]
    if w.endswith("'s"):
        w = w[:-2]
        out.append(w)
    if len(w) > 4 and w.endswith("ies"):
        out.append(w[:-3] + "y")
    elif len(w) > 3 and w.endswith("es"):
        out += [w[:-2], w[:-1]]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        out.append(w[:-1])
    for ending in ("ed", "ing"):
        stem = w[: -len(ending)]
        if len(stem) >= 3 and w.endswith(ending) and any(ch in VOWELS for ch in stem):
            out += [stem, stem + "e"]
            if stem[-1] == stem[-2] and stem[-1] not in VOWELS:
                out.append(stem[:-1])
    return tuple(dict.fromkeys(out))
