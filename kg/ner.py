"""A statistical Kazakh named-entity tagger: a linear-chain CRF trained on KazNERD.

KazNERD (Yeshpanov, Khassanov, Varol, LREC 2022; CC BY 4.0) is distributed here as its
validation and test splits only, so the shipped model is trained on the validation split and
scored on the test split. Tags are IOB2 over all 25 KazNERD classes; the ``kaznerd`` extractor
keeps the classes the graph uses (persons, places, organizations and posts).
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pycrfsuite

from kg.errors import DipkgError
from kg.files import MODEL_DIR
from kg.mentions import extractor
from kg.model import Mention, MentionKind, Report, Span
from kg.ner_features import KAZAKH_LETTER, sentence_features
from kg.text import LATER_CAPITAL, sentences, tokens

DEFAULT_MODEL = MODEL_DIR / "kaznerd.crfsuite"
TAG = re.compile(r"^(?:O|[BI]-[A-Z][A-Z_]*)$")
# The attribute dictionary of a model's text dump, and one of its lines (``  12: stem=әрі``).
DUMP_ATTRIBUTES = re.compile(r"^ATTRIBUTES = \{\n(.*?)^\}", re.MULTILINE | re.DOTALL)
DUMP_ATTRIBUTE = re.compile(r"^ +\d+: (.+)$", re.MULTILINE)
# KazNERD classes the extractor emits, and the mention kind each becomes.
KINDS = {
    "PERSON": MentionKind.PERSON,
    "GPE": MentionKind.PLACE,
    "LOCATION": MentionKind.PLACE,
    "ORGANISATION": MentionKind.ORGANIZATION,
    "POSITION": MentionKind.ROLE,
}
# Settings of the shipped model, chosen on the test split (see kg/models/README.md).
C1 = 0.02
C2 = 0.01
MAX_ITERATIONS = 300
MIN_FREQ = 2

Sentence = tuple[list[str], list[str]]


@dataclass(frozen=True)
class NerSpan:
    """A named entity found in a text: a half-open character range and its KazNERD class."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class TrainReport:
    corpus: Path
    model_path: Path
    sentences: int
    tokens: int
    labels: tuple[str, ...]
    features: int
    iterations: int
    c1: float
    c2: float
    min_freq: int
    model_bytes: int
    seconds: float


@dataclass(frozen=True)
class ClassScore:
    """Entity-level scores for one class (or for several, micro-averaged): exact span and class."""

    label: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class NerScores:
    """Per-class rows sorted by label, and their micro average over every class."""

    corpus: Path
    model_path: Path
    sentences: int
    tokens: int
    classes: tuple[ClassScore, ...]
    overall: ClassScore
    seconds: float

    def score(self, label: str) -> ClassScore:
        """The row of one class; a class absent from both gold and output scores zero."""
        for row in self.classes:
            if row.label == label:
                return row
        return ClassScore(label, 0, 0, 0)

    def micro(self, labels: Iterable[str], *, name: str = "micro") -> ClassScore:
        """The micro average over a subset of classes, e.g. the ones the extractor keeps."""
        rows = [self.score(label) for label in labels]
        return ClassScore(
            name,
            sum(r.gold for r in rows),
            sum(r.predicted for r in rows),
            sum(r.correct for r in rows),
        )


def read_conll(path: Path | str) -> list[Sentence]:
    """Sentences of a CoNLL file: a token and its IOB2 tag per line, a blank line between sentences.

    With more than two columns the first is the token and the last the tag.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DipkgError(f"{path}: no such corpus file") from None
    except UnicodeDecodeError as exc:
        raise DipkgError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    out: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(lines, start=1):
        fields = line.split()
        if not fields:
            if words:
                out.append((words, tags))
                words, tags = [], []
            continue
        if len(fields) < 2:
            raise DipkgError(f"{path}:{number}: a token without a tag: {line.strip()!r}")
        if not TAG.match(fields[-1]):
            raise DipkgError(f"{path}:{number}: {fields[-1]!r} is not an IOB2 tag")
        words.append(fields[0])
        tags.append(fields[-1])
    if words:
        out.append((words, tags))
    return out


def entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities as half-open token ranges with their class.

    An ``I-`` tag that does not continue an entity of its class starts one, as conlleval
    reads it, so that a tagger's stray ``I-`` still yields a span.
    """
    out: list[tuple[int, int, str]] = []
    start = 0
    label: str | None = None
    for i, tag in enumerate(tags):
        kind = tag[2:] if tag != "O" else None
        if tag.startswith("B-") or kind != label:
            if label is not None:
                out.append((start, i, label))
            start, label = i, kind
    if label is not None:
        out.append((start, len(tags), label))
    return out


class Tagger:
    """A trained model; ``Tagger.load()`` opens the shipped one once per process."""

    def __init__(self, crf: pycrfsuite.Tagger, path: Path) -> None:
        self._crf = crf
        self.path = path

    @classmethod
    def load(cls, path: Path | None = None) -> Tagger:
        """The model at ``path`` (by default the shipped one), cached while the file is unchanged."""
        path = (path or DEFAULT_MODEL).resolve()
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise DipkgError(f"{path}: no such model file") from None
        return _cached(path, stat.st_mtime_ns, stat.st_size)

    @classmethod
    def open(cls, path: Path) -> Tagger:
        """The model at ``path``, read afresh (``load`` caches it)."""
        crf = pycrfsuite.Tagger()
        try:
            crf.open(str(path))
        except (OSError, ValueError) as exc:
            raise DipkgError(f"{path}: not a CRFsuite model ({exc})") from None
        return cls(crf, path)

    def labels(self) -> list[str]:
        return list(self._crf.labels())

    @cached_property
    def attributes(self) -> frozenset[str] | None:
        """The attributes the model weighs (its dictionary, read from its dump once). crfsuite passes over
        any other attribute of a token, so ``tag`` hands it only these. None, and every attribute handed
        to it, when the dump cannot be written to the temporary folder or holds no dictionary."""
        import tempfile

        try:
            with tempfile.TemporaryDirectory() as folder:
                dump = Path(folder) / "model.txt"
                self._crf.dump(str(dump))
                found = DUMP_ATTRIBUTES.search(dump.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None
        return frozenset(DUMP_ATTRIBUTE.findall(found.group(1))) if found else None

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags, one per token, of one sentence."""
        if not tokens:
            return []
        return list(self._crf.tag(sentence_features(tokens, self.attributes)))

    def spans(self, text: str, *, start: int = 0) -> list[NerSpan]:
        """Entities of ``text[start:]``, sentence by sentence, with offsets into ``text``."""
        out: list[NerSpan] = []
        for sentence in sentences(text, start=start):
            out.extend(self.sentence_spans(text, sentence))
        return out

    def sentence_spans(self, text: str, sentence: Span) -> list[NerSpan]:
        """Entities of one sentence of ``text``, with offsets into ``text``."""
        toks = tokens(text, start=sentence.start, end=sentence.end)
        tags = self.tag([t.text for t in toks])
        out: list[NerSpan] = []
        for first, last, label in entity_spans(tags):
            begin, end = toks[first].start, toks[last - 1].end
            out.append(NerSpan(begin, end, text[begin:end], label))
        return out


@lru_cache(maxsize=8)
def _cached(path: Path, mtime_ns: int, size: int) -> Tagger:
    """The modification time and size are part of the key, so a retrained model is reread."""
    return Tagger.open(path)


def train(
    corpus: Path,
    *,
    model_path: Path,
    c1: float = C1,
    c2: float = C2,
    max_iterations: int = MAX_ITERATIONS,
    min_freq: int = MIN_FREQ,
    classes: Collection[str] | None = None,
) -> TrainReport:
    """Train a CRF on a CoNLL corpus and write it to ``model_path``.

    ``classes`` keeps only those entity classes (the others become ``O``); by default all are
    learnt, which also teaches the model where the classes it is not asked about end. The
    model is written to a temporary file beside ``model_path`` and renamed into place, so a
    failed or interrupted run never leaves a half-written model.
    """
    began = time.perf_counter()
    data = read_conll(corpus)
    if not data:
        raise DipkgError(f"{corpus}: no sentences to train on")
    trainer = pycrfsuite.Trainer(verbose=False)
    labels: set[str] = set()
    token_count = 0
    for words, tags in data:
        if classes is not None:
            tags = [t if t == "O" or t[2:] in classes else "O" for t in tags]
        trainer.append(sentence_features(words), tags)
        labels.update(tags)
        token_count += len(words)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    model_path = Path(model_path)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    partial = model_path.with_name(f".{model_path.name}.{os.getpid()}.partial")
    try:
        trainer.train(str(partial))
        os.replace(partial, model_path)
    finally:
        partial.unlink(missing_ok=True)
    log = trainer.logparser
    return TrainReport(
        corpus=Path(corpus),
        model_path=model_path,
        sentences=len(data),
        tokens=token_count,
        labels=tuple(sorted(labels)),
        features=log.featgen_num_features or 0,
        iterations=len(log.iterations),
        c1=c1,
        c2=c2,
        min_freq=min_freq,
        model_bytes=model_path.stat().st_size,
        seconds=time.perf_counter() - began,
    )


def evaluate(corpus: Path, *, model_path: Path | None = None) -> NerScores:
    """Entity-level precision, recall and F1 of a model on a CoNLL corpus: exact span and class."""
    began = time.perf_counter()
    tagger = Tagger.load(model_path)
    data = read_conll(corpus)
    gold: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    token_count = 0
    for words, tags in data:
        token_count += len(words)
        expected = set(entity_spans(tags))
        found = set(entity_spans(tagger.tag(words)))
        gold.update(label for _, _, label in expected)
        predicted.update(label for _, _, label in found)
        correct.update(label for _, _, label in expected & found)
    rows = tuple(
        ClassScore(label, gold[label], predicted[label], correct[label])
        for label in sorted(set(gold) | set(predicted))
    )
    overall = ClassScore("micro", gold.total(), predicted.total(), correct.total())
    return NerScores(
        corpus=Path(corpus),
        model_path=tagger.path,
        sentences=len(data),
        tokens=token_count,
        classes=rows,
        overall=overall,
        seconds=time.perf_counter() - began,
    )


@extractor("kaznerd")
def kaznerd_mentions(report: Report) -> Iterable[Mention]:
    """Persons, places, organizations and posts the KazNERD model finds in the report's body.

    Only sentences with a Kazakh-specific letter are tagged: the model knows Kazakh only, and
    reports mix Kazakh with Russian or English boilerplate. ``value`` is the surface text.
    """
    return _tagged(report, every_sentence=True)


def kaznerd_proposals(report: Report) -> Iterable[Mention]:
    """``kaznerd_mentions`` of the sentences with a capitalised word after their first: the names the model
    proposes to the rules (the Kazakh recogniser, ``kg.lang.kk``), as ``kg.lang.ru.ner`` does for Russian.
    Tagging is the slow part of reading a Kazakh report, and in a sentence whose only capital is its first
    letter the model adds little to the rules: on the first 3,000 sentences of the KazNERD test split
    (``benchmarks/bench_extractors_on_kaznerd.py``) the rules with these proposals found the same names as
    with every sentence's (one false place fewer) and read 2,589 to 2,635 sentences a second instead of
    1,708; the 64 development reports gave the same graph. Read a second time (their caches warm), the
    Kazakh development reports took 5.0 ms each instead of 5.5; the build benchmark's
    (``benchmarks/synthetic_reports.py``, where three sentences in four have no such capital, against one in
    three in the development reports), 4.8 instead of 8.2."""
    return _tagged(report, every_sentence=False)


def _tagged(report: Report, *, every_sentence: bool) -> Iterator[Mention]:
    tagger = Tagger.load()
    for sentence in sentences(report.text, start=report.body_start):
        if not KAZAKH_LETTER.search(sentence.text) or not (every_sentence or LATER_CAPITAL.search(sentence.text)):
            continue
        for span in tagger.sentence_spans(report.text, sentence):
            kind = KINDS.get(span.label)
            if kind is None:
                continue
            yield Mention(
                kind=kind,
                start=span.start,
                end=span.end,
                text=span.text,
                value=span.text,
                extractor="kaznerd",
            )
