"""Build speed and memory at size: synthetic reports in kk, ru and en, built into a store.

    python benchmarks/bench_build.py [--sizes 1000 10000] [--jobs N] [--views] [--no-exports] [--pages] [--folder DIR]

For each size N it writes N synthetic reports (``synthetic_reports.py``: about 2,000 characters
each, regions and sectors from the project's data, thousands of generated names), builds them with
``kg build`` in a fresh process (into an empty output folder) and prints the wall time, reports per
second, CPU seconds, the peak memory (resident set of the largest process; the peak of the sum of
resident sets over the build's processes, which counts memory the forked workers share with their
parent once per process; and the peak of the sum of their proportional set sizes, which counts each
shared page once, split among the processes that share it: the memory the build takes from the
machine) and the seconds per stage. It then adds one report and builds again into the same folder
(the incremental rebuild), against the targets below. ``--no-exports`` builds as ``kg build
--no-exports`` does (the store only, no Turtle or TriG); ``--pages`` writes the reports as saved news
pages (``synthetic_reports.as_page``), whose main text the build finds in the markup. Unless 100,000
reports were measured, their figures are extrapolated linearly from the largest size measured, and
printed as such.

The reports are written, then left to age ``kg.inputs.collect.RACY_NS`` (2 s) before the first build: a build
reads again a file that changed less than that before it (its status could hide a change), so a build started
as the files are written would remember few of their statuses and the rebuild would read most of them again,
as a build of a collection's files, written before, does not (``settled``).

The host's speed varies from hour to hour, so it prints, before and after the builds, the seconds a fixed loop of
Python took (``probe``): figures from two hours compare by it, or by a run of older code in the same hour.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_reports import write_reports

from kg.inputs.collect import RACY_NS

ROOT = Path(__file__).resolve().parent.parent
EXTRAPOLATE_TO = 100_000
# Samples of the resident sets (every 50 ms) between two of the proportional set sizes, which cost far more to read.
PSS_EVERY = 20
# The targets at 10,000 reports on 2 cores: the whole build, its memory, and adding one report.
TARGET_SIZE = 10_000
TARGET_BUILD_S = 60
TARGET_MEMORY_GB = 1.0
TARGET_ADD_ONE_S = 3
# Steps of the fixed loop that shows the host's speed (``probe``).
PROBE_STEPS = 10_000_000


def build_once(reports: Path, out: Path, jobs: int | None, views: bool, exports: bool = True) -> dict:
    """One ``kg build`` in a fresh process, as a user runs it: wall seconds, CPU seconds, peak memory and the
    stage timings it prints (``--timings``)."""
    command = [sys.executable, "-m", "kg", "build", str(reports), "--out", str(out), "--timings",
               "--views" if views else "--no-views", "--exports" if exports else "--no-exports"]
    if jobs:
        command += ["--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    peak_sum = peak_pss = 0
    samples = 0
    while proc.poll() is None:
        try:
            processes = [parent, *parent.children(recursive=True)]
        except psutil.Error:
            break  # the build has ended
        peak_sum = max(peak_sum, sum(_measured(p, _resident) for p in processes))
        if samples % PSS_EVERY == 0:  # the kernel walks every page for it: not at every sample
            peak_pss = max(peak_pss, sum(_measured(p, _proportional) for p in processes))
        samples += 1
        time.sleep(0.05)
    status = proc.wait()
    wall = time.perf_counter() - start
    out_text = proc.stdout.read().decode() if proc.stdout else ""
    if status != 0:
        raise SystemExit(f"build failed ({status})")
    return {**printed(out_text), "wall": wall, "peak_sum": peak_sum, "peak_pss": peak_pss}


def printed(out_text: str) -> dict:
    """The counts and stage seconds ``kg build --timings`` prints: ``reports N ... triples N ... extracted N``
    and ``seconds read S  extract S ...``."""
    counts: dict[str, int] = {}
    timings: dict[str, float] = {}
    for line in out_text.splitlines():
        words = line.split()
        if words[:1] == ["reports"]:
            counts = {k: int(v) for k, v in zip(words[::2], words[1::2], strict=True)}
        elif words[:1] == ["seconds"]:
            timings = {k: float(v) for k, v in zip(words[1::2], words[2::2], strict=True)}
    if not counts or not timings:
        raise SystemExit(f"kg build printed no counts or timings: {out_text[-200:]!r}")
    return {"timings": timings, "extracted": counts["extracted"], "reports": counts["reports"],
            "triples": counts["triples"]}


def _measured(process: psutil.Process, size: Callable[[psutil.Process], int]) -> int:
    """A process's memory by ``size``; 0 for one that has ended meanwhile (a worker the build let go), rather than
    losing the sample of the others."""
    try:
        return size(process)
    except psutil.Error:
        return 0


def _resident(process: psutil.Process) -> int:
    return process.memory_info().rss


def _proportional(process: psutil.Process) -> int:
    """A process's proportional set size (its resident set where the system does not tell it)."""
    info = process.memory_full_info()
    return getattr(info, "pss", info.rss)


def children_usage() -> tuple[float, int]:
    """CPU seconds and the largest peak resident set (bytes) of the processes waited for so far."""
    import resource

    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime, u.ru_maxrss * 1024


def line(label: str, n: int, r: dict, cpu: float, maxrss: int | None) -> str:
    stages = "  ".join(f"{k} {v:.1f}" for k, v in r["timings"].items())
    largest = f"{maxrss / 2**30:.2f} GB" if maxrss is not None else "   ?   "
    return (f"{label:12} {n:>7} {r['wall']:8.1f} {n / r['wall']:9.1f} {cpu:8.1f} {largest:>9} "
            f"{r['peak_sum'] / 2**30:7.2f} GB {r['peak_pss'] / 2**30:7.2f} GB  "
            f"extracted {r['extracted']}  triples {r['triples']}  [{stages}]")


def settled(folder: Path) -> float:
    """Wait until the files of ``folder`` last changed ``RACY_NS`` ago or more, the time from which a build trusts
    a file's status; the seconds waited."""
    newest = max((max(st.st_mtime_ns, st.st_ctime_ns) for st in map(os.stat, folder.iterdir())), default=0)
    wait = max(0.0, (newest + RACY_NS - time.time_ns()) / 1e9)
    time.sleep(wait)
    return wait


def probe(steps: int = PROBE_STEPS) -> float:
    """Seconds a fixed loop of Python takes on one core: the host's speed this hour."""
    start = time.perf_counter()
    total = 0
    for i in range(steps):
        total += i
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: every core)")
    ap.add_argument("--views", action="store_true", help="also write the HTML views")
    ap.add_argument("--no-exports", dest="exports", action="store_false", help="build the store only")
    ap.add_argument("--folder", type=Path, default=None,
                    help="work folder, kept (default: a temporary one, removed at the end)")
    ap.add_argument("--pages", action="store_true", help="the reports as saved HTML pages (about 30 KB each)")
    args = ap.parse_args()
    work = args.folder or Path(tempfile.mkdtemp(prefix="dipkg-bench-"))
    try:
        _run(args, work)
    finally:
        if args.folder is None:  # gigabytes of reports, stores and caches at 100,000 reports
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path) -> None:
    print(f"cores {len(os.sched_getaffinity(0))}  jobs {args.jobs or 'all'}  views {args.views}  "
          f"exports {args.exports}  pages {args.pages}  load average {os.getloadavg()[0]:.1f}  folder {work}")
    print(f"host speed: a fixed loop of Python ({PROBE_STEPS:,} steps) took {probe():.2f} s", flush=True)
    print(f"targets at {TARGET_SIZE} reports: build {TARGET_BUILD_S} s, memory {TARGET_MEMORY_GB} GB, "
          f"adding one report {TARGET_ADD_ONE_S} s (wall)")
    print(f"{'build':12} {'reports':>7} {'wall s':>8} {'reports/s':>9} {'cpu s':>8} {'largest':>9} "
          f"{'all procs':>10} {'all (PSS)':>10}")
    last = None
    kind = "pages-" if args.pages else ""
    suffix = "html" if args.pages else "txt"
    for n in args.sizes:
        reports, out = work / f"reports-{kind}{n}", work / f"out-{kind}{n}"
        if not reports.exists():
            write_reports(reports, n, pages=args.pages)
        for stopped in reports.glob(f"*_{n:07d}.{suffix}"):  # the added report of a run that was stopped
            stopped.unlink()
        if (waited := settled(reports)) > 0:
            print(f"{'':12} waited {waited:.1f} s for the reports just written to age past the 2 s in which a build "
                  f"reads a file again", flush=True)
        shutil.rmtree(out, ignore_errors=True)  # an earlier run's output and cache would make this a rebuild
        cpu0, _ = children_usage()
        full = build_once(reports, out, args.jobs, args.views, args.exports)
        cpu1, maxrss = children_usage()
        print(line("full", n, full, cpu1 - cpu0, maxrss), flush=True)
        added = write_reports(reports, 1, start=n, pages=args.pages)
        again = build_once(reports, out, args.jobs, args.views, args.exports)
        cpu2, _ = children_usage()
        print(line("+1 report", n + 1, again, cpu2 - cpu1, None), flush=True)
        print(f"{'':12} load average now {os.getloadavg()[0]:.1f}; the fixed loop took {probe():.2f} s", flush=True)
        added[0].unlink()
        last = (n, full, cpu1 - cpu0)
    if last is not None and last[0] < EXTRAPOLATE_TO:
        n, full, cpu = last
        k = EXTRAPOLATE_TO / n
        print(f"extrapolated linearly from {n} to {EXTRAPOLATE_TO} reports (not measured): "
              f"wall {full['wall'] * k:.0f} s, cpu {cpu * k:.0f} s, {n / full['wall']:.1f} reports/s")


if __name__ == "__main__":
    main()
