"""Work spread over processes, with a progress bar on a terminal.

``run`` maps a function over items on ``jobs`` processes and yields the results in the order of
the items, so that what a build writes never depends on how many processes made it. The worker
processes are forked: they start with everything the parent has loaded (the lexicon, the merged
entities), and nothing of it is pickled. Where the system cannot fork, the work runs in this
process. The progress bar (tqdm: count, rate and time left) is drawn only when standard error is
a terminal.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")
R = TypeVar("R")
# Items a worker takes at a time: large enough to keep the pipes quiet, small enough to share the work out.
MAX_CHUNK = 16


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def progress(total: int, what: str, *, unit: str = "report") -> tqdm:
    return tqdm(total=total, desc=what, unit=unit, disable=not sys.stderr.isatty() or total == 0,
                file=sys.stderr, dynamic_ncols=True, leave=False)


def run(func: Callable[[T], R], items: Sequence[T], *, jobs: int, what: str) -> Iterator[R]:
    """``func`` of every item, in order, computed on ``jobs`` processes (1: in this one)."""
    jobs = max(1, min(jobs, len(items)))
    if jobs > 1 and "fork" not in multiprocessing.get_all_start_methods():
        jobs = 1
    if jobs == 1:
        with progress(len(items), what) as bar:
            for item in items:
                yield func(item)
                bar.update()
        return
    chunk = max(1, min(MAX_CHUNK, len(items) // (jobs * 8)))
    with multiprocessing.get_context("fork").Pool(jobs) as pool, progress(len(items), what) as bar:
        for result in pool.imap(func, items, chunksize=chunk):
            yield result
            bar.update()
