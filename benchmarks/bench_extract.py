"""Extraction speed: reports per second on one core, from reading to posts and meetings.

    python benchmarks/bench_extract.py [FOLDER ...] [--repeat N]

Defaults to the seed reports. The lexicons are loaded once before timing, as in a build.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kg.pipeline import extract, read_reports

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "seeds"])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    reports = read_reports(args.folders)
    extract(reports[0])
    rates = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for r in reports:
            extract(r)
        rates.append(len(reports) / (time.perf_counter() - start))
    chars = sum(len(r.text) for r in reports)
    print(f"reports {len(reports)}  characters {chars}  repeats {args.repeat}")
    print(f"reports/s  median {statistics.median(rates):.1f}  min {min(rates):.1f}  max {max(rates):.1f}")


if __name__ == "__main__":
    main()
