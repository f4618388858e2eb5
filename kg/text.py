"""Tokens and sentences of a report, as half-open spans of its text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from kg.files import LEXICON_DIR, read_words
from kg.letters import DIGRAPHS
from kg.letters import LATIN_TO_CYRILLIC as LATIN_TO_CYRILLIC
from kg.letters import clean as clean
from kg.letters import fold_homoglyphs as fold_homoglyphs
from kg.model import Span

TOKEN = re.compile(r"\w+(?:[-‐'’`]\w+)*|[^\w\s]", re.UNICODE)
# A sentence ends at . ! ? … (or a line break) followed by space and a capital, a digit,
# a quote or a dash; a capital letter standing alone before the dot is an initial, not an end.
SENTENCE_END = re.compile(
    r"(?<![\s.][А-ЯЁӘҒҚҢӨҰҮҺІA-Z])(?<!\b[тТ]\.[бБ])[.!?…]+[»\"”]?(?=\s+[«\"“„(–—\-A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")
# A capitalised word that is not its sentence's first (Latin, Cyrillic or Kazakh capitals): only a sentence with one
# can hold a name a tagger would find that the rules do not (``kg.ner.kaznerd_proposals``, ``kg.lang.ru.ner``).
LATER_CAPITAL = re.compile(r"[\s«\"(„“-][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
# The word that a full stop follows.
WORD_BEFORE = re.compile(r"(?<!\w)\w+$")
DIGRAPH_INITIAL = re.compile(rf"^(?:{DIGRAPHS})$")
ABBREVIATIONS_FILE = LEXICON_DIR / "abbreviations.tsv"
# A line of text (sentences never cross a line break).
LINE = re.compile(r"[^\n]+")
# What a comparison key reads as a space: anything but letters and digits.
NOT_WORD = re.compile(r"[^\w]+")
# The texts whose sentences are kept, split once: the report being read.
SPLIT_TEXTS = 4
LINE_BREAK = re.compile(r"\n\s*")
# Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A and -B) as their base letter: Pécs as Pecs,
# Öztürk as Ozturk. Cyrillic letters keep theirs (й, ё is folded apart).
# Latin letters with a stroke or without a dot, which Unicode does not decompose: Łódź is Lodz, Kılıç Kilic.
STROKED = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t",
           "Ŧ": "T"}
LATIN_BASES = str.maketrans({**{c: d[0] for c, d in ((chr(n), unicodedata.normalize("NFD", chr(n)))
                                                     for n in range(0xC0, 0x250))
                                if len(d) > 1 and d[0].isascii() and d[0].isalpha()}, **STROKED})
# Characters that show nothing: zero-width spaces and joiners, the soft hyphen, the byte-order
# mark and the direction marks, embeddings, overrides and isolates. Read as if absent.
INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


class Token(NamedTuple):
    """A word or a punctuation mark: a half-open range of a text and what it holds, read as a ``Span`` is (a
    tuple, as a report makes thousands of them and the passes only read them)."""

    start: int
    end: int
    text: str


# A token made without the call of ``Token.__new__`` (which does only this): a report makes tens of thousands.
_new_token = tuple.__new__


def tokens(text: str, *, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (with inner hyphens and apostrophes) and single punctuation marks."""
    stop = len(text) if end is None else end
    return [_new_token(Token, (m.start(), m.end(), m.group())) for m in TOKEN.finditer(text, start, stop)]


def visible_tokens(text: str, *, start: int = 0, end: int | None = None) -> list[Token]:
    """``tokens`` of ``text[start:end]`` read as if its invisible characters were not there: a
    zero-width space inside a name does not cut it. Offsets index ``text``; a token's text has the
    invisible characters removed."""
    stop = len(text) if end is None else end
    if not INVISIBLE.search(text, start, stop):
        return tokens(text, start=start, end=stop)
    kept = [i for i in range(start, stop) if not INVISIBLE.match(text, i)]
    squeezed = "".join(text[i] for i in kept)
    return [_new_token(Token, (kept[m.start()], kept[m.end() - 1] + 1, m.group())) for m in TOKEN.finditer(squeezed)]


def sentences(text: str, *, start: int = 0) -> list[Span]:
    """Sentences of ``text[start:]``: split at line breaks and at sentence-final punctuation.

    A full stop after an abbreviation (``Mr.``, ``Prof.``, ``H. E.``) or an initial (``Zh.``) does not end a sentence.
    """
    return list(_sentences(text, start))


@lru_cache(maxsize=SPLIT_TEXTS)
def _sentences(text: str, start: int) -> tuple[Span, ...]:
    """The sentences, split once for the last few texts: a report's recogniser, rules and relations each ask."""
    out: list[Span] = []
    for line in LINE.finditer(text, start):
        base = line.start()
        cut = 0
        chunk = line.group()
        for m in SENTENCE_END.finditer(chunk):
            word = WORD_BEFORE.search(chunk, 0, m.start())
            if m.group() == "." and word and (word.group() in _abbreviations() or (
                    len(word.group()) == 1 and word.group().isupper()) or DIGRAPH_INITIAL.match(word.group())):
                continue
            out.append(_trimmed(text, base + cut, base + m.end()))
            cut = m.end()
        out.append(_trimmed(text, base + cut, base + len(chunk)))
    return tuple(s for s in out if s.text)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Words after which a full stop ends no sentence: Mr, Prof, проф."""
    return _abbreviations()


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return read_words(ABBREVIATIONS_FILE)


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """A comparison key: look-alikes folded, case folded, ё as е, Latin letters without their diacritics,
    punctuation and hyphens as spaces."""
    text = clean(unicodedata.normalize("NFC", text)).replace("ё", "е").replace("Ё", "Е")
    text = text.translate(LATIN_BASES).casefold()
    return " ".join(NOT_WORD.sub(" ", text).split())
