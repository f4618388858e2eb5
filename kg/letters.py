"""Letters of one script typed as look-alikes of another: ``Қaзaқстaн`` with Latin a's is ``Қазақстан``; and the
hyphens words are written with.

Apart from ``kg.text`` so that a query call folds a name asked for without loading what reads reports.
"""

from __future__ import annotations

import re

# Latin letters that look like Cyrillic ones (i: the Kazakh і), folded inside words that also hold Cyrillic letters.
LOOKALIKES = "AaBCcEeHIiKkMOoPpTXxYy"
LATIN_TO_CYRILLIC = str.maketrans(LOOKALIKES, "АаВСсЕеНІіКкМОоРрТХхУу")
# A Cyrillic and a Latin letter side by side: the only place a word of both scripts can be.
MIXED_SCRIPTS = re.compile(r"[\u0400-\u04FF][A-Za-z]|[A-Za-z][\u0400-\u04FF]")
# Two Latin letters or more, then Cyrillic ones only: a Latin name with a case ending (ICTтің).
LATIN_WITH_ENDING = re.compile(r"^[A-Za-z]{2,}[\u0400-\u04FF]+$")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# The hyphens words are written with: the hyphen-minus and the Unicode hyphen (Әл‐Фараби).
HYPHEN = re.compile(r"[-‐]")
LATIN = re.compile(r"[A-Za-z]")
WORD = re.compile(r"\w+", re.UNICODE)
# The digraphs for one letter that stand as an initial before its full stop: Latin for a Cyrillic letter (Zh.
# Adilbaev, Ye. Ashikbayev), Cyrillic for a Latin J (Дж. Хендерсон); the alternatives of a pattern, for the patterns
# of initials in kg.text and the recognisers. The first letter alone is an initial of such a name too (Z. Adilbaev).
DIGRAPHS = "Zh|Sh|Ch|Kh|Ts|Yu|Ya|Ye|Dzh|Дж"


def fold_homoglyphs(word: str) -> str:
    """A Cyrillic word typed with Latin look-alike letters (Ресейдiң with a Latin i, Қaзaқстaн with Latin a's) in
    Cyrillic letters; a word with a Latin letter that looks like none, or a Latin name with a Cyrillic case ending
    (ICTтің, Siemensтің), stays as written."""
    if not (CYRILLIC.search(word) and LATIN.search(word)) or LATIN_WITH_ENDING.match(word) or any(
            c.isascii() and c.isalpha() and c not in LOOKALIKES for c in word):
        return word
    return word.translate(LATIN_TO_CYRILLIC)


def clean(text: str) -> str:
    """Look-alike letters folded word by word; the length and every offset are preserved."""
    if not MIXED_SCRIPTS.search(text):
        return text
    return WORD.sub(lambda m: fold_homoglyphs(m.group()), text)
