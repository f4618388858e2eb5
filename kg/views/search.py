"""Dictionary forms for search: a name in any case form finds its node, whether or not a report used it.

``dictionary_forms`` reduces a word by every language's morphology (``kg.lang`` profiles'
lemmatisers: pymorphy3 for Russian, the Kazakh endings stripped by ``kg.morphology``), so that
``Бельгией`` and ``Бельгия`` share ``бельгия``, and ``Северо-Казахстанской`` and
``Северо-Казахстанская`` share ``северо-казахстанский``. ``kg view --focus`` compares the
dictionary forms of the name asked for with those of each label.

The page cannot run a lemmatiser, so it gets each label word's stems (``word_stems``: the
Snowball stem of the profile's word forms, the Kazakh lemmas the word begins with) and takes a
query word for a stem plus an ending of at most ``MAX_ENDING`` letters (``Бельгией`` = ``бельг``
+ ``ией``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.views.index import fold

WORD = re.compile(r"[\w'’-]+")
MIN_FORM = 4  # shorter reductions (Kazakh "об" of облысы) would join unrelated words
MAX_ENDING = 6  # the longest ending the page lets follow a stem: Kazakh -ларының, Russian -ского


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


@lru_cache(maxsize=65536)
def dictionary_forms(word: str) -> frozenset[str]:
    """The word and the dictionary forms every language's morphology reduces it to (folded)."""
    from kg.lang import languages

    word = fold(word)
    out = {word}
    for profile in languages().values():
        out.update(fold(lemma) for lemma in profile.lemmas(word))
    return frozenset(f for f in out if len(f) >= MIN_FORM or f == word)


@lru_cache(maxsize=65536)
def word_stems(word: str) -> frozenset[str]:
    """Stems of a label word that its inflected forms begin with, for the page's search."""
    from kg.lang import languages

    word = fold(word)
    out = {word}
    for profile in languages().values():
        out.add(fold(profile.forms.stem(word)))
        out.update(fold(lemma) for lemma in profile.lemmas(word) if word.startswith(fold(lemma)))
    return frozenset(s for s in out if (len(s) >= MIN_FORM and word.startswith(s)) or s == word)


def name_matches(query: str, label: str) -> bool:
    """Does every word of ``query`` share a dictionary form with some word of ``label``, in order of need?"""
    wanted = words(query)
    have = [dictionary_forms(w) for w in words(label)]
    return bool(wanted) and all(any(dictionary_forms(w) & forms for forms in have) for w in wanted)


def label_stems(labels: list[str]) -> list[str]:
    """The stems of every word of a node's labels, sorted, without stems another one begins with twice."""
    return sorted({s for label in labels for w in words(label) for s in word_stems(w)})
