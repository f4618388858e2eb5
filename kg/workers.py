"""Work spread over processes, with a progress bar on a terminal.

``run`` maps a function over items on ``jobs`` processes and yields the results in the order of
the items, so that what a build writes never depends on how many processes made it. The worker
processes are forked: they start with everything the parent has loaded (the lexicon, the merged
entities), and nothing of it is pickled. Where the system cannot fork, the work runs in this
process. The progress bar (tqdm: count, rate and time left) is drawn only when standard error is
a terminal. ``Ahead`` starts a few items' work in one forked process at once, for results wanted
only after other work this process does meanwhile. ``apart`` runs one piece of work in a forked
process of its own, and what that work leaves behind in memory leaves with it; ``Started`` begins it and
waits for it later. ``Mapped`` makes the
tasks of a run as they are handed out; ``Streamed`` hands out those of an iterator whose length is known.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import multiprocessing.connection
import multiprocessing.process
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Generic, Protocol, TypeVar, overload

from tqdm import tqdm

from kg.errors import DipkgError

T = TypeVar("T")
R = TypeVar("R")
T_co = TypeVar("T_co", covariant=True)


class WorkerLost(DipkgError):
    """A worker process of ``run`` ended without handing back its results."""


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


class Counted(Protocol[T_co]):
    """What ``run`` maps over: items read once, in order, whose number is known beforehand."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[T_co]: ...


def run(func: Callable[[T], R], items: Counted[T], *, jobs: int, what: str, ahead: int | None = None,
        unit: str = "report") -> Iterator[R]:
    """``func`` of every item, in order, computed on ``jobs`` processes (1: in this one). With ``ahead``,
    the processes compute at most that many results beyond those taken: results a slower consumer has
    not taken yet wait in this process's memory. A process that ends without handing back its results (killed, by
    the system for want of memory say, or crashed) is a ``WorkerLost`` error, not a wait for them that never ends."""
    jobs = max(1, min(jobs, len(items)))
    forking = _forking() if jobs > 1 else None
    if forking is None:
        jobs = 1
    if jobs == 1:
        with progress(len(items), what, unit=unit) as bar:
            for item in items:
                yield func(item)
                bar.update()
        return
    chunk = max(1, min(MAX_CHUNK, len(items) // (jobs * 8)))
    # items handed out whose results were not taken yet: never fewer than a task for each process
    window = max(ahead or len(items), 2 * jobs * chunk)
    given = iter(items)
    pending: deque[Future[list[R]]] = deque()
    out = 0

    def hand_out(pool: ProcessPoolExecutor) -> None:
        nonlocal out
        while out + chunk <= window or not pending:
            batch = list(itertools.islice(given, chunk))
            if not batch:
                return
            pending.append(pool.submit(_each, func, batch))
            out += len(batch)

    with ProcessPoolExecutor(jobs, mp_context=forking) as pool, progress(len(items), what, unit=unit) as bar:
        try:
            hand_out(pool)
            while pending:
                try:
                    results = pending.popleft().result()
                except BrokenProcessPool:
                    raise WorkerLost(f"{what or 'work'}: a worker process ended before it handed back its results "
                                     "(killed, for instance by the system for want of memory, or crashed)") from None
                for result in results:
                    out -= 1
                    yield result
                    bar.update()
                hand_out(pool)
        finally:
            for left in pending:  # the consumer stopped early, or a process was lost: nothing more is computed
                left.cancel()


def _each(func: Callable[[T], R], batch: list[T]) -> list[R]:
    return [func(item) for item in batch]


class Ahead(Generic[T, R]):
    """``func`` of a few ``items`` computed in one forked process from now on, while this one does other work;
    ``results`` waits for them, in the order of the items (computed in this process where the system cannot
    fork). ``close`` stops the process; ``results`` does once it has them. A process that ends without its results
    is a ``WorkerLost`` error, as in ``run`` (``what``: the work, for its message)."""

    def __init__(self, func: Callable[[T], R], items: Sequence[T], *, what: str = "") -> None:
        self.items = tuple(items)
        self.what = what
        self._started: Started[list[R]] | None = Started(partial(_each, func, list(self.items))) if self.items else None

    def results(self) -> list[R]:
        if self._started is None:
            return []
        try:
            return self._started.result()
        except ChildProcessError as exc:
            raise WorkerLost(f"{self.what or 'work'}: {exc}") from None
        finally:
            self.close()

    def close(self) -> None:
        if self._started is not None:
            self._started.stop()
            self._started = None


class Streamed(Generic[T]):
    """The items of ``items`` (read once, as a run hands them out), of which there are ``count``."""

    def __init__(self, items: Iterable[T], count: int) -> None:
        self._items = items
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)


class Mapped(Sequence[R], Generic[T, R]):
    """``func`` of each of ``items``, made as it is read: the tasks of a ``run`` that carry what their work needs
    (rather than a worker's reading it from the lists it inherited, which would copy their pages into every
    worker) are made as they are handed out, not all at once."""

    def __init__(self, func: Callable[[T], R], items: Sequence[T]) -> None:
        self._func = func
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> list[R]: ...

    def __getitem__(self, index: int | slice) -> R | list[R]:
        if isinstance(index, slice):
            return [self._func(item) for item in self._items[index]]
        return self._func(self._items[index])


def _forking() -> multiprocessing.context.ForkContext | None:
    """The context that forks processes, or None where the system cannot fork (the work then runs in this one)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def apart(func: Callable[[], R]) -> R:
    """``func()`` computed in a forked process of its own, its result pickled back (computed in this process where
    the system cannot fork; ``func`` may start processes of its own). The memory the work took, and the holes it
    leaves in a heap among what lives on, go with that process: this one holds the result alone, packed as it is
    read. An exception ``func`` raises is raised here; ChildProcessError when the process ends without a result."""
    return Started(func).result()


class Started(Generic[R]):
    """``func()`` begun in a forked process of its own, as ``apart`` computes it, while this process does other work:
    ``result`` waits for it, ``stop`` ends it unfinished. Where the system cannot fork, ``func`` runs when its result
    is asked for."""

    def __init__(self, func: Callable[[], R]) -> None:
        self._func = func
        self._process: multiprocessing.process.BaseProcess | None = None
        forking = _forking()
        if forking is None:
            return
        self._receiving, sending = forking.Pipe(duplex=False)
        self._process = forking.Process(target=_send_result, args=(func, sending), name="kg-apart")
        self._process.start()
        sending.close()

    def result(self) -> R:
        """``func()``; an exception it raised is raised here; ChildProcessError when the process ended without a
        result."""
        process = self._process
        if process is None:
            return self._func()
        paused = gc.isenabled()
        gc.disable()  # the result is many objects and no cycles: the collector would only walk them again and again
        try:
            ok, value = self._receiving.recv()
        except EOFError:
            process.join()
            raise ChildProcessError(f"the process working apart ended with exit code {process.exitcode}") from None
        finally:
            self._receiving.close()
            if paused:
                gc.enable()
        process.join()
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """End the work unfinished (nothing, where it has ended or runs in this process)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
        if self._process is not None:
            self._process.join()
            self._receiving.close()


def _send_result(func: Callable[[], R], sending: multiprocessing.connection.Connection) -> None:
    try:
        answer: tuple[bool, object] = (True, func())
    except BaseException as exc:  # any: it is raised again in the process that waits for the result
        answer = (False, exc)
    try:
        sending.send(answer)
    except Exception as exc:  # a result or an error that cannot be pickled
        sending.send((False, ChildProcessError(f"the process working apart could not send its result: "
                                               f"{type(exc).__name__}: {exc}")))
    finally:
        sending.close()
