"""Extraction speed: reports per second on one core, from reading to posts and meetings.

    python benchmarks/bench_extract.py [FOLDER ...] [--repeat N] [--extractors NAME ...]

Defaults to the seed reports and the default extractors. The lexicons and the taggers
(KazNERD, the Russian one) are loaded before timing, as in a build. The first pass is printed
apart: the lexicon's per-word caches are cold then, as they are for the first reports of a build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from kg.lexicon import load_lexicon
from kg.pipeline import DEFAULT_EXTRACTORS, extract, read_reports

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "seeds"])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--extractors", nargs="+", default=list(DEFAULT_EXTRACTORS))
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    reports = read_reports(args.folders)
    load_lexicon()
    from kg.ner import Tagger

    Tagger.load()
    from kg.lang.ru.ner import tagger

    tagger()
    rates = []
    for _ in range(args.repeat + 1):
        start = time.perf_counter()
        for r in reports:
            extract(r, extractors=args.extractors)
        rates.append(len(reports) / (time.perf_counter() - start))
    chars = sum(len(r.text) for r in reports)
    print(f"extractors {' '.join(args.extractors)}  reports {len(reports)}  characters {chars}  repeats {args.repeat}")
    print(f"reports/s  first pass {rates[0]:.1f}  then median {statistics.median(rates[1:]):.1f}  "
          f"min {min(rates[1:]):.1f}  max {max(rates[1:]):.1f}")


if __name__ == "__main__":
    main()
