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


def _token_features(word: str) -> dict[str, str]:
    """The features of one token, without context; neighbours reuse a subset of these."""
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
# The prefixes of the attributes pairing a token's word (or stem) with its left and its right neighbour's.
PAIR_PREFIXES = ("-1|0:w=", "-1|0:stem=", "0|+1:w=", "0|+1:stem=")

# A word's attributes: its own, then those it lends the tokens 2 and 1 places after it and 1 and 2 places before it
# (the ones at offsets -2, -1, +1, +2 from them), then its lowercased form and its stem for the pair attributes.
WordAttributes = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str, str]


def _own_attributes(feats: dict[str, str], known: frozenset[str] | None) -> tuple[str, ...]:
    """A word's own features as ``name=value`` strings, those of ``known`` only when it is given."""
    return tuple(a for a in (f"{k}={v}" for k, v in feats.items()) if known is None or a in known)


def _neighbour_attributes(feats: dict[str, str], offset: int, known: frozenset[str] | None) -> tuple[str, ...]:
    """The features a word lends the token ``offset`` places away, as ``offset:name=value`` strings (those of
    ``known`` only when it is given)."""
    return tuple(a for a in (f"{offset:+d}:{k}={feats[k]}" for k in NEIGHBOUR_KEYS[abs(offset)] if k in feats)
                 if known is None or a in known)


@lru_cache(maxsize=65536)
def _word_attributes(word: str, known: frozenset[str] | None) -> WordAttributes:
    """Everything a word brings to a sentence's attributes, made once per word, as words repeat."""
    feats = _token_features(word)
    own = _own_attributes(feats, known)
    lent = [_neighbour_attributes(feats, offset, known) for offset in (-2, -1, 1, 2)]
    return own, lent[0], lent[1], lent[2], lent[3], feats["w"], feats["stem"]


@lru_cache(maxsize=4)
def _padding(known: frozenset[str] | None) -> WordAttributes:
    """What stands past a sentence's ends: the padding marks it lends the tokens at offsets -2, -1, +1, +2 from
    it (those of ``known`` only when it is given)."""
    lent = [tuple(a for a in (PADS[offset],) if known is None or a in known) for offset in (-2, -1, 1, 2)]
    return (), lent[0], lent[1], lent[2], lent[3], "", ""


@lru_cache(maxsize=4)
def _pair_sides(known: frozenset[str]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """For each of ``PAIR_PREFIXES``, the values that stand left and right of a ``|`` in an attribute of ``known``
    with that prefix: a pair attribute whose two values are not both among them is not in ``known``."""
    sides = []
    for prefix in PAIR_PREFIXES:
        left: set[str] = set()
        right: set[str] = set()
        for attribute in known:
            if attribute.startswith(prefix):
                rest = attribute[len(prefix):]
                for k, c in enumerate(rest):
                    if c == "|":
                        left.add(rest[:k])
                        right.add(rest[k + 1:])
        sides.append((frozenset(left), frozenset(right)))
    return tuple(sides)


def sentence_features(tokens: Sequence[str], known: frozenset[str] | None = None) -> list[list[str]]:
    """One list of ``name=value`` attribute strings per token, as python-crfsuite takes them.

    ``known``: the attributes a trained model weighs, the only ones kept. The model passes over any
    other, so its tags are the same; converting the others was a quarter of its work.
    """
    n = len(tokens)
    pad = _padding(known)
    # Two pads on either side, so that the neighbours of token i stand at i .. i + 4.
    padded = [pad, pad, *(_word_attributes(t, known) for t in tokens), pad, pad]
    kept = _kept_marks(known)
    bias, bos, eos, in_quotes = kept["bias"], kept["BOS"], kept["EOS"], kept["in_quotes"]
    if known is not None:
        (lw, rw), (ls, rs), (lw1, rw1), (ls1, rs1) = _pair_sides(known)
    out: list[list[str]] = []
    inside_quotes = False
    for i, token in enumerate(tokens):
        marks: list[str] = []
        if bias:
            marks.append("bias")
        if i == 0 and bos:
            marks.append("BOS")
        if i == n - 1 and eos:
            marks.append("EOS")
        if token in QUOTE_OPEN and not inside_quotes:
            inside_quotes = True
        elif token in QUOTE_CLOSE:
            inside_quotes = False
        elif inside_quotes and in_quotes:
            marks.append("in_quotes")
        word = padded[i + 2]
        attrs = [*word[0], *marks, *padded[i][1], *padded[i + 1][2], *padded[i + 3][3], *padded[i + 4][4]]
        w, st = word[5], word[6]
        if i > 0:
            before = padded[i + 1]
            if known is None:
                attrs.append(f"-1|0:w={before[5]}|{w}")
                attrs.append(f"-1|0:stem={before[6]}|{st}")
            else:
                if before[5] in lw and w in rw and (a := f"-1|0:w={before[5]}|{w}") in known:
                    attrs.append(a)
                if before[6] in ls and st in rs and (a := f"-1|0:stem={before[6]}|{st}") in known:
                    attrs.append(a)
        if i < n - 1:
            after = padded[i + 3]
            if known is None:
                attrs.append(f"0|+1:w={w}|{after[5]}")
                attrs.append(f"0|+1:stem={st}|{after[6]}")
            else:
                if w in lw1 and after[5] in rw1 and (a := f"0|+1:w={w}|{after[5]}") in known:
                    attrs.append(a)
                if st in ls1 and after[6] in rs1 and (a := f"0|+1:stem={st}|{after[6]}") in known:
                    attrs.append(a)
        out.append(attrs)
    return out


@lru_cache(maxsize=4)
def _kept_marks(known: frozenset[str] | None) -> dict[str | int, bool]:
    """Whether the marks of a token's place (``bias``, the sentence's ends, quotes, the padding past them) are
    kept: all of them, or those of ``known``."""
    marks: dict[str | int, str] = {"bias": "bias", "BOS": "BOS", "EOS": "EOS", "in_quotes": "in_quotes", **PADS}
    return {key: known is None or mark in known for key, mark in marks.items()}
