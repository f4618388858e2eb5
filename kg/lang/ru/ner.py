"""Russian named entities: natasha's slovnet tagger (NewsEmbedding + NewsNERTagger).

The model and its embeddings ship inside the natasha package (trained on Russian news,
Nerus/factRuEval; MIT); nothing is downloaded. It tags persons (PER), places (LOC) and
organizations (ORG). Only sentences that are mostly Cyrillic, with no Kazakh-specific letter,
and with a capitalised word after their first are tagged: the others cannot hold a name the
model would find, and tagging is the slow part of reading a Russian report. The model's small
matrix products run on one BLAS thread: more threads only contend for the core a build uses.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from threadpoolctl import ThreadpoolController

from kg.lang.ru.morph import nominative
from kg.model import Mention, MentionKind, Report
from kg.text import LATER_CAPITAL, sentences, tokens

KINDS = {"PER": MentionKind.PERSON, "LOC": MentionKind.PLACE, "ORG": MentionKind.ORGANIZATION}
KAZAKH_LETTER = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
# Runs of Cyrillic letters and of letters: their lengths add up to the letters a text holds.
CYRILLIC_LETTERS = re.compile(r"[А-Яа-яЁё]+")
LETTERS = re.compile(r"[^\W\d_]+")
MIN_CYRILLIC_SHARE = 0.5
BATCH_SIZE = 8


@cache
def tagger() -> Any:
    """The slovnet tagger with its embeddings, loaded once."""
    from natasha import NewsNERTagger

    model = NewsNERTagger(embedding())
    model.batch_size = BATCH_SIZE
    return model


def embedding() -> Any:
    """natasha's news embeddings (``NewsEmbedding``) as far as the tagger reads them: their id and their quantized
    vectors (``navec.pq.PQ``'s indexes and codes; slovnet's ``InjectNavecVisitor`` takes nothing else, the
    tagger's words have a vocabulary of their own). ``NewsEmbedding()`` also builds a dictionary of its 250,000
    words and, for similarities, the norm of every vector: two thirds of the time the tagger took to load, on the
    way of a rebuild that adds one Russian report."""
    import numpy as np
    from natasha.data import NEWS_EMBEDDING
    from navec import Navec
    from navec.meta import Meta
    from navec.navec import META, PQ_
    from navec.pq import PQ
    from navec.tar import Tar

    class Codes(PQ):
        def precompute(self) -> None:  # what a vector's lookup (``PQ.__getitem__``) needs, no norm or similarity
            self.qdims = np.arange(self.qdim)

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        codes = Codes.from_file(tar.load(PQ_))
    return Navec(meta, None, codes)


@cache
def blas() -> ThreadpoolController:
    """The BLAS libraries the model's matrix products run on, found once after it is loaded: finding them reads
    the process's memory map, which took a tenth of the time of tagging a report."""
    tagger()
    return ThreadpoolController()


def russian(text: str) -> bool:
    """Mostly Cyrillic letters and none of the letters only Kazakh writes."""
    if KAZAKH_LETTER.search(text):
        return False
    letters = sum(map(len, LETTERS.findall(text)))
    return letters > 0 and sum(map(len, CYRILLIC_LETTERS.findall(text))) >= MIN_CYRILLIC_SHARE * letters


def mentions(report: Report) -> list[Mention]:
    """Persons, places and organizations in the report's body; ``value`` is the name in the nominative."""
    chosen = [s for s in sentences(report.text, start=report.body_start)
              if LATER_CAPITAL.search(s.text) and russian(s.text)]
    if not chosen:
        return []
    with blas().limit(limits=1, user_api="blas"):
        markups = list(tagger().map([s.text for s in chosen]))
    out: list[Mention] = []
    for sentence, markup in zip(chosen, markups, strict=True):
        for span in markup.spans:
            kind = KINDS.get(span.type)
            if kind is None:
                continue
            start, end = sentence.start + span.start, sentence.start + span.stop
            text = report.text[start:end]
            words = [t.text for t in tokens(text) if t.text[:1].isalnum()]
            out.append(Mention(kind, start, end, text, nominative(words, kind) if words else text,
                               extractor="natasha"))
    return out
