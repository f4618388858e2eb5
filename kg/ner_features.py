"""Token features for the Kazakh named-entity tagger.

Kazakh is agglutinative: a name carries its case, possessive and plural endings
(``Тоқаевтың``, ``Астанадағы``, ``министрлігінің``), so the features lean on suffixes and on
the word with its endings stripped, which lets a name seen in one case be recognised in another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Case, possessive and plural endings, longest first so that the longest match is stripped.
# Compound endings (possessive + case) are listed whole: ``-сының``, ``-ындағы`` ...
ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            # possessive 3rd person + case
            "сының", "сінің", "ының", "інің", "сына", "сіне", "ына", "іне", "сында", "сінде",
            "ында", "інде", "сынан", "сінен", "ынан", "інен", "сымен", "сімен", "ымен", "імен",
            "сын", "сін", "ын", "ін", "сы", "сі",
            # locative + the attributive -ғы/-гі
            "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
            # genitive
            "ның", "нің", "дың", "дің", "тың", "тің",
            # dative
            "ға", "ге", "қа", "ке", "на", "не",
            # accusative
            "ны", "ні", "ды", "ді", "ты", "ті",
            # locative
            "да", "де", "та", "те", "нда", "нде",
            # ablative
            "дан", "ден", "тан", "тен", "нан", "нен",
            # instrumental
            "мен", "бен", "пен", "менен",
            # plural, alone and before a case ending
            "лар", "лер", "дар", "дер", "тар", "тер",
            "ларға", "лерге", "лардың", "лердің", "ларда", "лерде", "лардан", "лерден",
            "ларды", "лерді", "ларымен", "лерімен", "лары", "лері",
        },
        key=len,
        reverse=True,
    )
)
MIN_STEM = 3
DIGITS = re.compile(r"\d")
UPPER_RUN = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]+")
LOWER_RUN = re.compile(r"[a-zа-яёәғқңөұүһі]+")
DIGIT_RUN = re.compile(r"\d+")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")
KAZAKH_LETTER = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
PUNCT = re.compile(r"^[^\w\s]+$")
QUOTE_OPEN = frozenset("«“„\"")
QUOTE_CLOSE = frozenset("»”\"")
# The mark of a neighbour's place past the sentence's ends, by its offset.
PADS = {offset: f"{offset:+d}:pad" for offset in (-2, -1, 1, 2)}


def stem(word: str) -> str:
    """The lowercased word with one case/possessive/plural ending stripped, if a stem remains."""
    low = word.lower()
    for ending in ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= MIN_STEM:
            return low[: -len(ending)]
    return low


def shape(word: str) -> str:
    """Runs of upper, lower and digit characters collapsed: ``Тоқаев`` → ``Xx``, ``ЕО`` → ``X``."""
    out = UPPER_RUN.sub("X", word)
    out = LOWER_RUN.sub("x", out)
    return DIGIT_RUN.sub("d", out)


def script(word: str) -> str:
    cyr = bool(CYRILLIC.search(word))
    lat = bool(LATIN.search(word))
    if cyr and lat:
        return "mixed"
    if cyr:
        return "kk" if KAZAKH_LETTER.search(word) else "cyr"
    return "lat" if lat else "none"


@lru_cache(maxsize=65536)
def _token_features(word: str) -> dict[str, str]:
    """The features of one token, without context; neighbours reuse a subset of these.

    Cached, as words repeat: callers read the dict and never change it.
    """
    low = word.lower()
    feats = {
        "w": low,
        "stem": stem(word),
        "shape": shape(word),
        "script": script(word),
        "title": str(word[:1].isupper() and not word.isupper()),
        "upper": str(word.isupper() and len(word) > 1),
        "digit": "all" if word.isdigit() else str(bool(DIGITS.search(word))),
        "hyphen": str("-" in word),
        "punct": str(bool(PUNCT.match(word))),
        "len": str(min(len(word), 12)),
    }
    for n in range(1, 6):
        if len(low) > n:
            feats[f"suf{n}"] = low[-n:]
    for n in range(2, 5):
        if len(low) > n:
            feats[f"pre{n}"] = low[:n]
    return feats


NEIGHBOUR_KEYS: dict[int, tuple[str, ...]] = {
    1: ("w", "stem", "shape", "title", "suf2", "suf3", "punct"),
    2: ("w", "stem", "title", "shape"),
}


@lru_cache(maxsize=65536)
def _own_attributes(word: str, known: frozenset[str] | None) -> tuple[str, ...]:
    """A word's own features as ``name=value`` strings (made once per word, as words repeat), those of
    ``known`` only when it is given."""
    return tuple(a for a in (f"{k}={v}" for k, v in _token_features(word).items()) if known is None or a in known)


@lru_cache(maxsize=131072)
def _neighbour_attributes(word: str, offset: int, known: frozenset[str] | None) -> tuple[str, ...]:
    """The features a word lends the token ``offset`` places away, as ``offset:name=value`` strings (those of
    ``known`` only when it is given)."""
    feats = _token_features(word)
    return tuple(a for a in (f"{offset:+d}:{k}={feats[k]}" for k in NEIGHBOUR_KEYS[abs(offset)] if k in feats)
                 if known is None or a in known)


def sentence_features(tokens: Sequence[str], known: frozenset[str] | None = None) -> list[list[str]]:
    """One list of ``name=value`` attribute strings per token, as python-crfsuite takes them.

    ``known``: the attributes a trained model weighs, the only ones kept. The model passes over any
    other, so its tags are the same; converting the others was a quarter of its work.
    """
    own = [_token_features(t) for t in tokens]
    n = len(tokens)
    out: list[list[str]] = []
    inside_quotes = False
    kept = _kept_marks(known)
    for i, feats in enumerate(own):
        attrs = list(_own_attributes(tokens[i], known))
        if kept["bias"]:
            attrs.append("bias")
        if i == 0 and kept["BOS"]:
            attrs.append("BOS")
        if i == n - 1 and kept["EOS"]:
            attrs.append("EOS")
        if tokens[i] in QUOTE_OPEN and not inside_quotes:
            inside_quotes = True
        elif tokens[i] in QUOTE_CLOSE:
            inside_quotes = False
        elif inside_quotes and kept["in_quotes"]:
            attrs.append("in_quotes")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < n:
                if kept[offset]:
                    attrs.append(PADS[offset])
                continue
            attrs.extend(_neighbour_attributes(tokens[j], offset, known))
        pairs: list[str] = []
        if i > 0:
            pairs.append(f"-1|0:w={own[i - 1]['w']}|{feats['w']}")
            pairs.append(f"-1|0:stem={own[i - 1]['stem']}|{feats['stem']}")
        if i < n - 1:
            pairs.append(f"0|+1:w={feats['w']}|{own[i + 1]['w']}")
            pairs.append(f"0|+1:stem={feats['stem']}|{own[i + 1]['stem']}")
        attrs.extend(pairs if known is None else [a for a in pairs if a in known])
        out.append(attrs)
    return out


@lru_cache(maxsize=4)
def _kept_marks(known: frozenset[str] | None) -> dict[str | int, bool]:
    """Whether the marks of a token's place (``bias``, the sentence's ends, quotes, the padding past them) are
    kept: all of them, or those of ``known``."""
    marks: dict[str | int, str] = {"bias": "bias", "BOS": "BOS", "EOS": "EOS", "in_quotes": "in_quotes", **PADS}
    return {key: known is None or mark in known for key, mark in marks.items()}
