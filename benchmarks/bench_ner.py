"""Load time and tagging speed of the KazNERD tagger on one core.

    python benchmarks/bench_ner.py [CORPUS] [--model PATH]

CORPUS is a CoNLL file (default: the KazNERD test split beside the repository,
``../shared/data/kaznerd/IOB2_test.txt``, resolved from the repository root).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from kg.ner import DEFAULT_MODEL, Tagger, read_conll

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("../shared/data/kaznerd/IOB2_test.txt")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args()
    corpus = args.corpus if args.corpus.is_absolute() else (ROOT / args.corpus).resolve()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    began = time.perf_counter()
    tagger = Tagger.open(args.model.resolve())
    load_seconds = time.perf_counter() - began
    size = tagger.path.stat().st_size

    data = read_conll(corpus)
    token_count = sum(len(words) for words, _ in data)
    began = time.perf_counter()
    for words, _ in data:
        tagger.tag(words)
    tag_seconds = time.perf_counter() - began

    texts = [" ".join(words) for words, _ in data]
    began = time.perf_counter()
    for text in texts:
        tagger.spans(text)
    span_seconds = time.perf_counter() - began

    print(f"model        {tagger.path} ({size / 1e6:.2f} MB)")
    print(f"load         {load_seconds * 1000:.1f} ms")
    print(f"corpus       {corpus}: {len(data)} sentences, {token_count} tokens")
    for name, seconds, what in (
        ("tag()", tag_seconds, "features and Viterbi over given tokens"),
        ("spans()", span_seconds, "sentence split, tokenization, tagging, character spans"),
    ):
        per_second = f"{len(data) / seconds:,.0f} sentences/s, {token_count / seconds:,.0f} tokens/s"
        print(f"{name:<12} {per_second} ({what})")

if __name__ == "__main__":
    main()
