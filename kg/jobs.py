"""What a build's processes are handed and do: the inputs a build keeps (``Input``), the report graphs it plans
(``Planned``), the work its forked worker processes read (``Work``, made current by ``set_current``), their tasks and
jobs (``extract_job``, ``graph_job``), and the clock of its stages.

``kg.pipeline`` orders the stages; the worker processes are forked (``kg.workers``), so they read the current work
without its being pickled."""

from __future__ import annotations

import gc
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from kg.cache import ExtractionCache, GraphCache, Location, TextStore, outline, shared_dumps
from kg.errors import DipkgError
from kg.events import Event, MeetingRef
from kg.graph import GraphBuilder
from kg.model import Entity, Extraction, Report

# Reports a process extracts between two moves of what lives on out of the garbage collector's sight.
SETTLE_EVERY = 200
# How the files of a build's inputs (``Input``) and of its plan of its report graphs (``Planned``) end in its cache
# folder, until the build's process has opened them (the processes that read and resolve write them).
RECORDS_SUFFIX = ".records"


class Input(NamedTuple):
    """A report as a build keeps it from reading to publishing (in a file: ``kg.records.Records``): the report
    (without its text, where that is kept in the texts' store), its extraction's key and the hash of its text."""

    report: Report
    key: str
    digest: str


class Planned(NamedTuple):
    """A report graph the store stage writes (the steps across reports plan them, in a file): its report (the
    input's position, and the report's key), its name, where its report's extraction lies in the cache (None where
    not there) and its signature; and its input's extraction key and text's hash (``Input``), which the build keeps
    in its caches once it has published, without reading the inputs again."""

    n: int
    report: str
    graph: str
    kept: Location | None
    signature: str
    key: str
    digest: str


@dataclass
class Work:
    """What the worker processes of a build read (they are forked, so nothing of it is pickled).

    ``extractions`` holds the extractions this build made or read whole, by their report's position in ``inputs``:
    for the others, an outline (``kg.cache.outline``) served the cross-report steps, and a worker writing the
    report's graph reads the whole extraction from the cache. A report without its text has it in ``texts``,
    under its hash. ``plan``: the report graphs to write, once the steps across reports have planned them."""

    inputs: Sequence[Input]
    extract: Callable[[Report], Extraction]  # a report's extraction (``kg.pipeline.extract`` with its extractors)
    cache: ExtractionCache | None
    extractions: dict[int, Extraction]
    texts: TextStore | None = None
    plan: Sequence[Planned] = ()
    folder: Path | None = None  # where a build's files of records go (``kg.records.Records``)
    builder: GraphBuilder | None = None
    entities: dict[str, Entity] | None = None
    redirect: dict[str, str] | None = None
    meetings: dict[MeetingRef, Event] | None = None
    graphs: GraphCache | None = None
    done: int = 0

    def task(self, n: int) -> Task:
        """What a worker needs to extract report ``n``, made by the build's process as the task is handed out
        (``kg.workers.Mapped``): a worker reading the build's records itself would read every report's."""
        report, key, digest = self.inputs[n]
        text = self._text_at(digest) if n not in self.extractions and not report.text else None
        return Task(n, report, key, text, None, None)

    def graph_task(self, m: int) -> Task:
        """What a worker needs to write the ``m``-th graph of the plan: the extraction is read where it lies in the
        cache (a worker that finds it lost there looks the text up: ``report``)."""
        planned = self.plan[m]
        report, key, _ = self.inputs[planned.n]
        return Task(planned.n, report, key, None, planned.kept, planned.signature)

    def _text_at(self, digest: str) -> Location | None:
        """Where the text of hash ``digest`` lies in the texts' store (None where it has none)."""
        return self.texts.index.get(digest) if self.texts is not None else None

    def report(self, task: Task) -> Report:
        """The task's report with its text."""
        report = task.report
        if report.text or self.texts is None:
            return report
        # (a task made for a kept extraction does not say where its text is: that extraction was lost since)
        where = task.text if task.text is not None else self._text_at(self.inputs[task.n].digest)
        text = self.texts.read_text(where) if where is not None else None
        if text is None:
            raise DipkgError(f"{source_of(report)}: its text left the cache ({self.texts.folder}) during the build; "
                             f"build again")
        return replace(report, text=text)

    def whole_of(self, task: Task) -> Extraction:
        """The task's whole extraction: where the build made or read it, else from the cache, else made again."""
        x = self.extractions.get(task.n)
        if x is None and self.cache is not None and task.kept is not None:
            x = self.cache.read_extraction(task.kept)
        return x if x is not None else self.extract(self.report(task))

    def wholes(self) -> Iterator[Extraction]:
        """The whole extraction of every report of the plan, in its order."""
        return (self.whole_of(self.graph_task(m)) for m in range(len(self.plan)))


class Task(NamedTuple):
    """Report ``n`` as a worker needs it (``Work.task``, ``Work.graph_task``): the report (without its text, when
    that is kept in the texts' store), its extraction's key, where its text lies and where its extraction lies in
    the cache (None where not known), and its graph's signature (once known)."""

    n: int
    report: Report
    key: str
    text: Location | None
    kept: Location | None
    signature: str | None


def records_path(folder: Path | None, what: str) -> Path:
    """Where a stage saves records (``kg.records.Records``) for the build's process: in the cache folder, or in the
    system's temporary folder for a build without one."""
    if folder is None:
        fd, name = tempfile.mkstemp(suffix=RECORDS_SUFFIX, prefix=f"dipkg-{what}-")
        os.close(fd)
        return Path(name)
    return folder / f"{os.getpid()}-{what}{RECORDS_SUFFIX}"


def source_of(report: Report) -> str:
    """Where a report was read: its file (and record), for a line naming it."""
    where = report.source_path or report.source_file
    return where if report.source_record is None else f"{where} record {report.source_record}"


_WORK: Work | None = None


def set_current(work: Work | None) -> None:
    """``work`` the current work of this process, and of the worker processes it forks (None: no build's)."""
    global _WORK
    _WORK = work


def current() -> Work | None:
    """The work of the build running in this process (None between builds)."""
    return _WORK


def extract_job(task: Task) -> tuple[bytes | None, Extraction | None, str | None, Location | None]:
    """The task's report's outline (pickled by ``shared_dumps``), and its whole extraction unless the cache holds
    it (and then where): the build keeps only the outlines of a large collection in memory, and a report graph's
    writer reads the rest. A report the extractors fail on gives neither, and the failure in one line: it is
    skipped, like an input that cannot be read, rather than ending the build of all the others."""
    assert _WORK is not None
    try:
        report = _WORK.report(task)
    except DipkgError as exc:  # its text is gone
        return None, None, str(exc), None
    try:
        x = _WORK.extract(report)
    except Exception as exc:  # any failure of one report's extraction
        return (None, None, f"{source_of(report)}: cannot extract it: {type(exc).__name__}: "
                f"{' '.join(str(exc).split())}", None)
    _settle()
    kept = _WORK.cache.put(task.key, x) if _WORK.cache is not None else None
    return shared_dumps(outline(x)), None if kept else x, None, kept or None


def _settle() -> None:
    """Every ``SETTLE_EVERY`` reports a process extracts (from its second on), the garbage is collected and
    what lives on (the lexicon, the models and their caches, loaded on first use) is moved out of the
    collector's sight (``gc.freeze``): its passes otherwise walk them all again and again, a sixth of the
    extraction's time. A process that extracts one report (a rebuild after one new report) has no passes
    to save and skips the collection, a tenth of a second. A build hands them back to the collector at its
    end."""
    assert _WORK is not None
    if _WORK.done % SETTLE_EVERY == 1:
        gc.collect()
        gc.freeze()
    _WORK.done += 1


def graph_job(task: Task) -> bytes:
    """The task's report's graph as N-Triples, kept in the graph cache (when the build has one) by the worker."""
    assert _WORK is not None and _WORK.builder is not None and _WORK.entities is not None
    x = _WORK.whole_of(task)
    assert _WORK.redirect is not None
    data = _WORK.builder.report_ntriples(x, _WORK.entities, _WORK.redirect, _WORK.meetings)
    if _WORK.graphs is not None and task.signature is not None:
        _WORK.graphs.put(task.signature, data)
    return data


class Clock:
    """Wall seconds per stage of a build, for benchmarks."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._last
        self._last = now

    def add(self, laps: Mapping[str, float]) -> None:
        """The stages another clock timed since this one's last lap; the rest of the time since then (the other
        clock's start, its results handed over) counts to the last of them."""
        now = time.perf_counter()
        for stage, seconds in laps.items():
            self.laps[stage] = self.laps.get(stage, 0.0) + seconds
        if laps:
            self.laps[list(laps)[-1]] += max(0.0, now - self._last - sum(laps.values()))
        self._last = now
