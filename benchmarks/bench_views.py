"""Views: time to write and to open the pages of synthetic graphs of 100, 1,000 and 10,000 meetings.

    python benchmarks/bench_views.py [--sizes 100 1000 10000] [--kinds network countries ...]
                                     [--out DIR] [--no-browser] [--limit SECONDS] [--repeat N]

Graphs come from kg.views.synthetic (one report per meeting, built by GraphBuilder); making
them is not timed. For each size it prints the nodes and edges of each view, the seconds to
write it (reading the graph into the index once per size, then payload, layout and HTML per
view), the file size, and, in Debian's headless Chromium, the seconds from navigation until
the network is drawn and stable (physics stopped, or the precomputed layout drawn), how many
nodes it drew (a very large view draws its most important ones first: kg.views.subset), the
milliseconds of one full redraw at that zoom, and the frames per second while dragging the view
(the timeline is SVG bars: no redraw or drag to time). With ``--repeat N`` each page is opened N
times in fresh tabs and the medians are printed. With ``--limit`` it exits 1 when a view of the
largest size takes longer than that to open.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kg.views import LAYOUT_THRESHOLD, GraphIndex, write_view
from kg.views.kinds import make_view
from kg.views.registry import registry
from kg.views.synthetic import synthetic_graph

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FRAMES = """() => { window.__frames = 0; window.dipkg.network.on("afterDrawing", () => { window.__frames += 1; }); }"""
REDRAW = """() => { const r = window.dipkg.network.renderer; const t = performance.now(); r._redraw();
                    return performance.now() - t; }"""


def open_page(browser, path: Path) -> tuple[float, int, float, float]:
    """Seconds until ready, nodes drawn, milliseconds of one redraw, and frames per second during a drag."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri(), timeout=300_000)
    page.wait_for_selector("body[data-state=ready]", state="attached", timeout=600_000)
    ready = page.evaluate("performance.getEntriesByName('dipkg:ready')[0].startTime") / 1000
    drawn = page.evaluate("window.dipkg.network === null ? window.dipkg.data.nodes.length : window.dipkg.drawnNodes()")
    if page.evaluate("window.dipkg.network === null"):
        context.close()
        return ready, drawn, float("nan"), float("nan")
    redraw = min(page.evaluate(REDRAW) for _ in range(3))
    page.evaluate(FRAMES)
    box = page.locator("#graph").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    start = time.perf_counter()
    for step in range(1, 41):
        page.mouse.move(x + 6 * step, y + 3 * step)
        page.wait_for_timeout(16)
    elapsed = time.perf_counter() - start
    page.mouse.up()
    fps = page.evaluate("window.__frames") / elapsed
    context.close()
    return ready, drawn, redraw, fps


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[100, 1000, 10000])
    ap.add_argument("--kinds", nargs="+", default=[v.name for v in registry() if v.make and not v.needs_focus])
    ap.add_argument("--limit", type=float, default=None, help="seconds a view of the largest size may take to open")
    ap.add_argument("--out", type=Path, default=None, help="keep the pages in this folder")
    ap.add_argument("--no-browser", action="store_true", help="time writing only")
    ap.add_argument("--repeat", type=int, default=1, help="open each page this many times; print the medians")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-views-"))
    out.mkdir(parents=True, exist_ok=True)

    playwright = browser = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=args.chromium, args=ARGS)
    print(f"precomputed layout above {LAYOUT_THRESHOLD} nodes; pages in {out}")
    print(f"{'meetings':>8} {'view':10} {'nodes':>6} {'edges':>6} {'layout':11} {'write s':>8} {'MB':>6} "
          f"{'open s':>7} {'drawn':>6} {'redraw ms':>9} {'drag fps':>8}")
    slow = []
    try:
        for size in args.sizes:
            graph = synthetic_graph(size)
            start = time.perf_counter()
            index = GraphIndex(graph)
            read = time.perf_counter() - start
            print(f"{size:>8} {'(index)':10} {'':>6} {'':>6} {'':11} {read:8.2f} "
                  f"{'':>6} {'':>7} {'':>6} {'':>9} {'':>8}  triples {len(graph)}")
            for kind in args.kinds:
                view = make_view(index, kind)
                start = time.perf_counter()
                path = write_view(index, out / f"{kind}-{size}.html", kind)
                written = time.perf_counter() - start
                layout = ("precomputed" if len(view.nodes) > LAYOUT_THRESHOLD or view.positions is not None else
                          "chart" if kind == "timeline" else "physics")
                opened = None
                if browser:
                    runs = [open_page(browser, path) for _ in range(max(1, args.repeat))]
                    opened = tuple(statistics.median(r[i] for r in runs) for i in range(4))
                if opened and args.limit and size == max(args.sizes) and opened[0] > args.limit:
                    slow.append(f"{kind} of {size} meetings opens in {opened[0]:.2f} s > {args.limit} s")
                shown = (f"{opened[0]:7.2f} {opened[1]:>6.0f} {opened[2]:9.1f} {opened[3]:8.1f}" if opened else
                         f"{'-':>7} {'-':>6} {'-':>9} {'-':>8}")
                print(f"{size:>8} {kind:10} {len(view.nodes):>6} {len(view.edges):>6} {layout:11} {written:8.2f} "
                      f"{path.stat().st_size / 1e6:6.1f} {shown}", flush=True)
    finally:
        if browser is not None:
            browser.close()
        if playwright is not None:
            playwright.stop()
    if slow:
        raise SystemExit("; ".join(slow))


if __name__ == "__main__":
    main()
