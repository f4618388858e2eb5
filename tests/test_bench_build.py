"""The build benchmark's own steps (``benchmarks/bench_build.py``)."""

from __future__ import annotations

import os
import time

from bench_support import load_benchmark

from kg.inputs import collect

bench = load_benchmark("bench_build")


def test_the_reports_written_are_left_to_age_until_a_build_trusts_their_statuses(tmp_path, monkeypatch):
    assert bench.RACY_NS == collect.RACY_NS  # the build's own window
    monkeypatch.setattr(bench, "RACY_NS", 300_000_000)
    bench.write_reports(tmp_path, 3)
    assert bench.settled(tmp_path) > 0
    now = time.time_ns()
    for path in tmp_path.iterdir():
        st = os.stat(path)
        assert now - max(st.st_mtime_ns, st.st_ctime_ns) >= bench.RACY_NS
    assert bench.settled(tmp_path) == 0  # nothing new: no wait
