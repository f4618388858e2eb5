"""Memory and time of patching the reports' ranks in a store (``kg.store_writer.StoreWriter.patch``), as a rebuild that
adds a report at the start of the order does: every rank moves.

    python benchmarks/bench_store_patch.py [--reports 100000] [--held kept store]

Prints, for each way the lines the graph held are read (``--held``: kept by the last build in its cache, as a
rebuild reads them, or read back from the store, where the cache lost them), the rise of this process's resident
set while the patch runs (sampled every 10 ms) and its seconds, each on a store of its own.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pyoxigraph as ox

from kg.cache import GraphCache
from kg.store_writer import StoreWriter

GRAPH = "https://w3id.org/dipkg/resource/graph/summaries/reports"
PIECE_BYTES = 2_000_000


def ranks(reports: int, shift: int) -> list[bytes]:
    """The ranks graph of ``reports`` reports (two triples each, as the build writes them) in pieces of whole
    lines, every rank moved by ``shift``."""
    lines = []
    integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    for i in range(reports):
        report = f"<https://w3id.org/dipkg/resource/report/2024-01-01-mfa-press-{i:07d}-txt-0123456789>"
        lines.append(f'{report} <https://w3id.org/dipkg/ontology#reportRank> "{i + 1 + shift}"^^{integer} .\n')
        lines.append(f'{report} <https://w3id.org/dipkg/ontology#rankBlock> "{(i + shift) // 64}"^^{integer} .\n')
    data = "".join(sorted(lines)).encode()
    out, start = [], 0
    while start < len(data):
        end = data.find(b"\n", start + PIECE_BYTES)
        end = len(data) if end < 0 else end + 1
        out.append(data[start:end])
        start = end
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=100_000)
    ap.add_argument("--held", nargs="+", choices=("kept", "store"), default=["kept", "store"],
                    help="where the lines the graph held are read from")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        kept = GraphCache(Path(folder))
        before = ranks(args.reports, 0)
        kept.put("before", b"".join(before))
        moved = ranks(args.reports, 1)
        for held in args.held:
            patch(args.reports, before, moved, kept if held == "kept" else None, held)


def patch(reports: int, before: list[bytes], moved: list[bytes], kept: GraphCache | None, held: str) -> None:
    """Patch the ranks ``before`` into ``moved`` in a new store, the lines held read from ``kept`` (else the
    store), and print the seconds and the rise of the resident set."""
    store = ox.Store()
    first = StoreWriter(store, {}, 0, {})
    first.patch(GRAPH, "before", before)
    counted = first.finish().triples
    writer = StoreWriter(store, {GRAPH: "before"}, counted, {})
    gc.collect()
    process = psutil.Process()
    base = process.memory_info().rss
    peak, done = [base], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], process.memory_info().rss)
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    start = time.perf_counter()
    writer.patch(GRAPH, "after", moved, kept.pieces("before") if kept is not None else None)
    manifest = writer.finish()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    print(f"reports {reports}  held lines from the {held:5}  triples {manifest.triples}  patch {seconds:.2f} s  "
          f"resident set rose {(peak[0] - base) / 2**20:.1f} MB", flush=True)


if __name__ == "__main__":
    main()
