"""How well each extractor finds names in Kazakh text it was never tuned on: KazNERD sentences.

    python benchmarks/bench_extractors_on_kaznerd.py [CORPUS] [--limit N] [--extractors rules rules+ner kaznerd]

Every sentence of CORPUS (a KazNERD CoNLL file, default the test split beside the repository)
becomes a one-sentence Kazakh report; each extractor's person, place (country and other place)
and organization mentions are compared with the gold PERSON, GPE and LOCATION, and ORGANISATION
entities. ``exact`` counts a mention right when its span and class are the gold's; ``overlap``
when it shares a token with a gold entity of its class (the rules' spans include head nouns
and honorifics that KazNERD sometimes leaves out). The kaznerd model's settings were chosen on
the test split, so its figures there lean optimistic.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from kg.mentions import extract_mentions
from kg.model import MentionKind, Report
from kg.ner import entity_spans, read_conll

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("../shared/data/kaznerd/IOB2_test.txt")
CLASSES = {"PERSON": "person", "GPE": "place", "LOCATION": "place", "ORGANISATION": "organization"}
KINDS = {MentionKind.PERSON: "person", MentionKind.COUNTRY: "place", MentionKind.PLACE: "place",
         MentionKind.ORGANIZATION: "organization"}


def sentence_report(words: list[str], number: int) -> tuple[Report, list[tuple[int, int]]]:
    """The words joined by spaces, and each word's character range."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        ranges.append((pos, pos + len(w)))
        pos += len(w) + 1
    return Report(source_file=f"kaznerd-{number}.txt", text=" ".join(words), language="kk"), ranges


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=3000, help="sentences to read (0: all)")
    parser.add_argument("--extractors", nargs="+", default=["rules", "rules+ner", "kaznerd"])
    args = parser.parse_args()
    corpus = args.corpus if args.corpus.is_absolute() else (ROOT / args.corpus).resolve()
    data = read_conll(corpus)
    data = data[: args.limit] if args.limit else data
    print(f"{corpus.name}: {len(data)} sentences")
    print(f"{'extractor':15} {'class':13} {'gold':>5} {'found':>5}  {'exact P':>7} {'R':>6} {'F1':>6}"
          f"  {'overlap P':>9} {'R':>6} {'F1':>6}")
    for name in args.extractors:
        gold: Counter[str] = Counter()
        found: Counter[str] = Counter()
        exact: Counter[str] = Counter()
        hit_found: Counter[str] = Counter()
        hit_gold: Counter[str] = Counter()
        began = time.perf_counter()
        for number, (words, tags) in enumerate(data):
            report, ranges = sentence_report(words, number)
            expected = {(ranges[a][0], ranges[b - 1][1], CLASSES[c]) for a, b, c in entity_spans(tags) if c in CLASSES}
            got = {(m.start, m.end, KINDS[m.kind]) for m in extract_mentions(report, names=[name]) if m.kind in KINDS}
            for _, _, c in expected:
                gold[c] += 1
            for _, _, c in got:
                found[c] += 1
            for _s, _e, c in got & expected:
                exact[c] += 1
            for s, e, c in got:
                hit_found[c] += any(c == c2 and s < e2 and s2 < e for s2, e2, c2 in expected)
            for s, e, c in expected:
                hit_gold[c] += any(c == c2 and s < e2 and s2 < e for s2, e2, c2 in got)
        seconds = time.perf_counter() - began
        for c in ("person", "place", "organization", "all"):
            g = gold.total() if c == "all" else gold[c]
            f = found.total() if c == "all" else found[c]
            x = exact.total() if c == "all" else exact[c]
            hf = hit_found.total() if c == "all" else hit_found[c]
            hg = hit_gold.total() if c == "all" else hit_gold[c]
            print(f"{name:15} {c:13} {g:5} {f:5}  {_pct(x, f):>7} {_pct(x, g):>6} {_f1(x, f, g):>6}"
                  f"  {_pct(hf, f):>9} {_pct(hg, g):>6} {_f1(hf, f, g, hg):>6}")
        print(f"{name:15} {len(data) / seconds:.0f} sentences/s")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def _f1(right: int, found: int, gold: int, gold_right: int | None = None) -> str:
    """F1 from counts; ``gold_right`` counts the gold entities found when it differs from ``right``."""
    p = right / found if found else 0.0
    r = (right if gold_right is None else gold_right) / gold if gold else 0.0
    return f"{200 * p * r / (p + r):.1f}" if p + r else "-"


if __name__ == "__main__":
    main()
