"""The one place that knows the order of the stages:
reports → mentions → entities and relations → graph → exports."""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg.cache import (
    CACHE_NAME,
    INPUTS,
    OUTLINES,
    ExtractionCache,
    GraphCache,
    Location,
    Pack,
    Shared,
    TextStore,
    extraction_key,
    extractor_version,
    outline,
    shared_dumps,
    shared_loads,
)
from kg.entities import resolve
from kg.errors import DipkgError
from kg.events import Event, MeetingRef, event_of, resolve_events
from kg.files import LEXICON_DIR, limit_heap_arenas, map_large_blocks, read_tsv, release_freed_memory
from kg.graph import (
    PREFIXES,
    VOCABULARY_GRAPH,
    Description,
    GraphBuilder,
    Triple,
    held_roles,
    meeting_lines,
    named_keys,
    referenced,
    report_graph_iri,
    served_states,
)
from kg.inputs.collect import Collected, Gave, InputOptions, Memo, UnreadableInputs, collect
from kg.inputs.locate import STDIN
from kg.lexicon import load_lexicon
from kg.mentions import extract_mentions
from kg.merging import merge, serving_states
from kg.model import Entity, Extraction, Report
from kg.publish import output_lock, publish
from kg.records import Records
from kg.relations import relate
from kg.store import (
    EVERY_LINE,
    Manifest,
    StoreWriter,
    counts,
    graph_ntriples,
    open_store,
    rdflib_triples,
    store_dataset,
    triples,
    update_store,
    vocabulary,
    write_exports,
)
from kg.summaries import TallyGraph, tallies
from kg.text import sentences
from kg.workers import Ahead, Mapped, apart, cores, run

DEFAULT_EXTRACTORS = ("rules+ner",)
# Report graphs written by one build after which the store is compacted (``fill``).
OPTIMIZE_AFTER = 500
# Report graphs the workers make ahead of the store writer, which is slower: the rest wait for it, not in memory.
GRAPHS_AHEAD = 64
# Report graphs worth a worker process (a graph takes milliseconds; starting the workers, most of a second).
GRAPHS_PER_PROCESS = 200
# Reports a process extracts between two moves of what lives on out of the garbage collector's sight.
SETTLE_EVERY = 200
# New reports that a rebuild extracts in a process of its own while it reads the outlines of the others
# (``_new_few``); more are extracted on every core once the outlines are read.
EXTRACT_AHEAD = 32
# Arenas of the C heap the threads of a build's process share (``limit_heap_arenas``). The store's loads and
# compactions run in threads of their own, and with an arena each the process peaked at 630 to 647 MB writing the
# store of 30,000 generated reports, against 532 to 549 MB with two (328 to 350 against 312 to 320 MB at 10,000,
# where the stage took as long: 41.1 against 41.8 s, medians of three runs taken in turn).
HEAP_ARENAS = 2
# The size from which a block of the C heap is mapped from the system on its own in the store stage
# (``map_large_blocks``). Writing the store of 10,000 generated reports anew, the build's process peaked at 221 to
# 224 MB with it at 256 KB, 1 MB or 4 MB, against 238 and 251 MB without it (glibc's own, which grows), in as much
# time (51.9 to 53.4 s).
MAPPED_FROM = 1 << 20
# Reports from which a build with an output folder reads the outlines and resolves them in a process of its own
# (``kg.workers.apart``), which hands the store stage its results only. The outlines let go otherwise leave holes
# in this process's heap among what lives on: at 100,000 generated reports 230 MB of Python's small-object heap
# stayed free and held through the store stage. At 10,000 the holes are few (copying the results into fresh memory
# there gave back 2 MB), and a rebuild that adds one report would pay for the handover of the results.
APART_FROM = 20_000
# How the files of a build's inputs (``_Input``) and of its plan of its report graphs (``_Planned``) end in its cache
# folder, until the build's process has opened them (the processes that read and resolve write them).
RECORDS_SUFFIX = ".records"
# The exports a build writes beside its store (unless told not to): every triple once, a graph per report.
TURTLE_FILE = "diplomacy.ttl"
TRIG_FILE = "diplomacy.trig"


@dataclass(frozen=True)
class Summary:
    reports: int
    meetings: int
    persons: int
    places: int
    organizations: int
    sectors: int
    triples: int


@dataclass(frozen=True)
class BuildResult:
    """What a build made: its store (on disk in the output folder, or in memory), the extractions,
    counts and the files written. ``graph`` and ``dataset`` read the store into rdflib, for small graphs."""

    store: ox.Store
    summary: Summary
    written: tuple[Path, ...] = ()
    skipped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    extracted: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    load: Callable[[], tuple[Extraction, ...]] = field(default=tuple, repr=False, compare=False)

    @cached_property
    def extractions(self) -> tuple[Extraction, ...]:
        """Every report's extraction, those this build did not make read back from the cache."""
        return self.load()

    @cached_property
    def dataset(self) -> Dataset:
        return store_dataset(self.store)

    @cached_property
    def graph(self) -> Graph:
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for triple in rdflib_triples(self.store):
            g.add(triple)
        return g


def read_reports(paths: Iterable[Path], *, inputs: InputOptions | None = None) -> list[Report]:
    """The reports under ``paths`` (``kg.inputs``), each with a key no other has; an input that
    cannot be read raises ``DipkgError`` naming it (unless ``inputs`` says otherwise)."""
    return list(read_inputs(paths, inputs or InputOptions(strict=True)).reports)


def read_inputs(paths: Iterable[Path], inputs: InputOptions | None = None, *,
                exclude: Iterable[Path] = (), memo: Memo | None = None, jobs: int = 1,
                texts: TextStore | None = None) -> Collected:
    """The reports under ``paths`` (none under ``exclude``), and a line for each input skipped or
    encoding guessed; ``memo``: what the files gave the last time (``kg.inputs.collect``); many files are
    read on ``jobs`` processes; ``texts``: where the texts are kept rather than in the reports."""
    return collect(paths, inputs or InputOptions(), month=_month, exclude=exclude, memo=memo, jobs=jobs,
                   texts=texts)


def _month(token: str) -> int | None:
    """A month's number from its name, for the dates of reports being read (the lexicon loaded only then:
    a rebuild that reads no new file needs none of it)."""
    return load_lexicon().month(token)


def extract(report: Report, *, extractors: Sequence[str] = DEFAULT_EXTRACTORS) -> Extraction:
    """One report's mentions, entities, posts and meetings."""
    lex = load_lexicon()
    mentions = extract_mentions(report, names=extractors)
    entities, key_of = resolve(mentions, language=report.language, lexicon=lex)
    spans = tuple(sentences(report.text, start=report.body_start))
    posts, meetings = relate(report, mentions, entities, key_of, lex, sentences=spans)
    return Extraction(report=report, mentions=mentions, entities=entities, posts=posts, meetings=meetings,
                      sentences=spans)


def to_graph(extractions: Sequence[Extraction]) -> tuple[Graph, Dataset]:
    entities, redirect = merge((e for x in extractions for e in x.entities), serves=serving_states(extractions))
    # after the entities: one event per real meeting, whose participants may show two names one person
    entities, redirect, meetings = resolve_events(extractions, entities, redirect)
    by_key = {e.key: e for e in entities}
    builder = GraphBuilder(wikidata=load_wikidata(), served=served_states(extractions, redirect),
                           roles=held_roles(extractions, redirect))
    for x in extractions:
        builder.add(x, by_key, redirect, meetings)
    for iri, tally in tallies(extractions, by_key, redirect, meetings, builder.served or {}).items():
        builder.ds.graph(URIRef(iri)).parse(data=tally.ntriples(), format="nt")
    return builder.merged(), builder.ds


def build(paths: Sequence[Path], *, out_dir: Path | None = None,
          extractors: Sequence[str] = DEFAULT_EXTRACTORS,
          views: Callable[[Iterable[Triple], Path], list[Path]] | None = None,
          inputs: InputOptions | None = None, jobs: int | None = None, exports: bool = True,
          compact: bool = False) -> BuildResult:
    """Build the graph from report files, folders and globs (``kg.inputs``) into a store, and write
    the exports if ``out_dir`` is given (Turtle and TriG unless ``exports`` is False, when the
    folder's old ones are removed rather than left out of date). An input that cannot be read is skipped
    (``BuildResult.skipped``), or fails the build before anything is written when ``inputs.strict``.
    ``views`` is given the triples of the default graph (``kg.views.write_views`` walks them once).

    Reports are extracted on ``jobs`` processes (default: every core); the output does not depend
    on how many. With ``out_dir``, the store is ``OUT/store`` and a rebuild extracts only the
    reports whose extraction is not in ``OUT/.dipkg-cache`` (new or changed reports, or all after
    a change of code or data) and rewrites only the report graphs that changed. Only one build at
    a time writes into a folder (``kg.publish``), and its files appear there together: a reader
    sees the previous build or this one, never a mix. With ``compact``, the store is compacted before it is
    published (``kg.store.update_store``), as a build does of itself when small rebuilds have grown it.
    """
    jobs = jobs or cores()
    if out_dir is None:
        return _build(paths, None, extractors, views, inputs, jobs, exports, compact)
    with output_lock(out_dir):
        return _build(paths, out_dir, extractors, views, inputs, jobs, exports, compact)


class _Input(NamedTuple):
    """A report as a build keeps it from reading to publishing (in a file: ``kg.records.Records``): the report
    (without its text, where that is kept in the texts' store), its extraction's key and the hash of its text."""

    report: Report
    key: str
    digest: str


class _Planned(NamedTuple):
    """A report graph the store stage writes (the steps across reports plan them, in a file): its report (the
    input's position, and the report's key), its name, where its report's extraction lies in the cache (None where
    not there) and its signature."""

    n: int
    report: str
    graph: str
    kept: Location | None
    signature: str


@dataclass
class _Work:
    """What the worker processes of a build read (they are forked, so nothing of it is pickled).

    ``extractions`` holds the extractions this build made or read whole, by their report's position in ``inputs``:
    for the others, an outline (``kg.cache.outline``) served the cross-report steps, and a worker writing the
    report's graph reads the whole extraction from the cache. A report without its text has it in ``texts``,
    under its hash. ``plan``: the report graphs to write, once the steps across reports have planned them."""

    inputs: Sequence[_Input]
    extractors: Sequence[str]
    cache: ExtractionCache | None
    extractions: dict[int, Extraction]
    texts: TextStore | None = None
    plan: Sequence[_Planned] = ()
    folder: Path | None = None  # where a build's files of records go (``kg.records.Records``)
    builder: GraphBuilder | None = None
    entities: dict[str, Entity] | None = None
    redirect: dict[str, str] | None = None
    meetings: dict[MeetingRef, Event] | None = None
    graphs: GraphCache | None = None
    done: int = 0

    def task(self, n: int) -> _Task:
        """What a worker needs to extract report ``n``, made by the build's process as the task is handed out
        (``kg.workers.Mapped``): a worker reading the build's records itself would read every report's."""
        report, key, digest = self.inputs[n]
        text = self._text_at(digest) if n not in self.extractions and not report.text else None
        return _Task(n, report, key, text, None, None)

    def graph_task(self, m: int) -> _Task:
        """What a worker needs to write the ``m``-th graph of the plan: the extraction is read where it lies in the
        cache (a worker that finds it lost there looks the text up: ``report``)."""
        planned = self.plan[m]
        report, key, _ = self.inputs[planned.n]
        return _Task(planned.n, report, key, None, planned.kept, planned.signature)

    def _text_at(self, digest: str) -> Location | None:
        """Where the text of hash ``digest`` lies in the texts' store (None where it has none)."""
        return self.texts.index.get(digest) if self.texts is not None else None

    def report(self, task: _Task) -> Report:
        """The task's report with its text."""
        report = task.report
        if report.text or self.texts is None:
            return report
        # (a task made for a kept extraction does not say where its text is: that extraction was lost since)
        where = task.text if task.text is not None else self._text_at(self.inputs[task.n].digest)
        text = self.texts.read_text(where) if where is not None else None
        if text is None:
            raise DipkgError(f"{_where(report)}: its text left the cache ({self.texts.folder}) during the build; "
                             f"build again")
        return replace(report, text=text)

    def whole_of(self, task: _Task) -> Extraction:
        """The task's whole extraction: where the build made or read it, else from the cache, else made again."""
        x = self.extractions.get(task.n)
        if x is None and self.cache is not None and task.kept is not None:
            x = self.cache.read_extraction(task.kept)
        return x if x is not None else extract(self.report(task), extractors=self.extractors)

    def wholes(self) -> Iterator[Extraction]:
        """The whole extraction of every report of the plan, in its order."""
        return (self.whole_of(self.graph_task(m)) for m in range(len(self.plan)))


class _Task(NamedTuple):
    """Report ``n`` as a worker needs it (``_Work.task``, ``_Work.graph_task``): the report (without its text, when
    that is kept in the texts' store), its extraction's key, where its text lies and where its extraction lies in
    the cache (None where not known), and its graph's signature (once known)."""

    n: int
    report: Report
    key: str
    text: Location | None
    kept: Location | None
    signature: str | None


def _records_path(folder: Path | None, what: str) -> Path:
    """Where a stage saves records (``kg.records.Records``) for the build's process: in the cache folder, or in the
    system's temporary folder for a build without one."""
    if folder is None:
        fd, name = tempfile.mkstemp(suffix=RECORDS_SUFFIX, prefix=f"dipkg-{what}-")
        os.close(fd)
        return Path(name)
    return folder / f"{os.getpid()}-{what}{RECORDS_SUFFIX}"


class _Read(NamedTuple):
    """What the reading gives the build beside the inputs it saved: the lines naming the inputs skipped and the
    encodings guessed."""

    skipped: tuple[str, ...]
    notes: tuple[str, ...]


def _read(paths: Sequence[Path], inputs: InputOptions | None, extractors: Sequence[str], folder: Path | None,
          texts: TextStore | None, to: Path, *, jobs: int, exclude: Sequence[Path]) -> _Read:
    """Read the reports under ``paths`` (``read_inputs``) and save them to ``to`` (``_Input`` records), their texts
    kept in ``texts`` and what each file gave in the cache ``folder`` (where given). A build with an output folder
    reads in a process of its own (``kg.workers.apart``): what the files gave the last time, the texts' index and
    the reports read, 270 MB at 100,000 reports, go with it, and the holes they leave in a heap among what lives on
    with them."""
    read_before = Pack[Gave](folder, INPUTS) if folder is not None else None
    with _no_gc():
        memo = Memo(extractor_version(), read_before.load()) if read_before is not None else None
        collected = read_inputs(paths, inputs, exclude=exclude, memo=memo, jobs=jobs, texts=texts)
    if texts is not None:
        texts.save()  # before the memo, which may name them
    if read_before is not None and memo is not None:
        read_before.save(memo.used, memo.found)
    memo = None
    if not collected.reports:
        problem = f"; {collected.problems[0]}" if collected.problems else ""
        raise DipkgError(f"{', '.join(str(p) for p in paths)}: no reports found{problem}")
    Records.save((_Input(r, extraction_key(r, extractors, d), d)
                  for r, d in zip(collected.reports, collected.digests, strict=True)), to)
    return _Read(collected.problems, collected.notes)


def _where(report: Report) -> str:
    where = report.source_path or report.source_file
    return where if report.source_record is None else f"{where} record {report.source_record}"


_WORK: _Work | None = None


def _extract_job(task: _Task) -> tuple[bytes | None, Extraction | None, str | None, Location | None]:
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
        x = extract(report, extractors=_WORK.extractors)
    except Exception as exc:  # any failure of one report's extraction
        return (None, None, f"{_where(report)}: cannot extract it: {type(exc).__name__}: "
                f"{' '.join(str(exc).split())}", None)
    _settle()
    kept = _WORK.cache.put(task.key, x) if _WORK.cache is not None else None
    return shared_dumps(outline(x)), None if kept else x, None, kept or None


def _settle() -> None:
    """Every ``SETTLE_EVERY`` reports a process extracts (from its second on), the garbage is collected and
    what lives on (the lexicon, the models and their caches, loaded on first use) is moved out of the
    collector's sight (``gc.freeze``): its passes otherwise walk them all again and again, a sixth of the
    extraction's time. A process that extracts one report (a rebuild after one new report) has no passes
    to save and skips the collection, a tenth of a second. ``_build`` hands them back to the collector at
    its end."""
    assert _WORK is not None
    if _WORK.done % SETTLE_EVERY == 1:
        gc.collect()
        gc.freeze()
    _WORK.done += 1


def _new_few(keys: Sequence[str], held: frozenset[str] | None, jobs: int) -> list[int]:
    """The reports whose extraction the cache lacks (``held``: the keys it holds), when there are at most
    ``EXTRACT_AHEAD`` of them and a second process may run: a rebuild that adds a few reports extracts them in a
    process of its own while this one reads the outlines of the others, so the word lists and models that process
    loads and the outlines load at once."""
    if held is None or jobs < 2:
        return []
    new = [n for n, k in enumerate(keys) if k not in held]
    return new if len(new) <= EXTRACT_AHEAD else []


@contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused while a stage makes many long-lived objects and no cycles
    (the outlines of every report, the merged entities), which are then moved out of its sight
    (``gc.freeze``): otherwise each of its full passes walks them all again, seconds at 10,000
    reports. They are still freed as usual when no longer referenced."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def _graph_job(task: _Task) -> bytes:
    """The task's report's graph as N-Triples, kept in the graph cache (when the build has one) by the worker."""
    assert _WORK is not None and _WORK.builder is not None and _WORK.entities is not None
    x = _WORK.whole_of(task)
    assert _WORK.redirect is not None
    data = _WORK.builder.report_ntriples(x, _WORK.entities, _WORK.redirect, _WORK.meetings)
    if _WORK.graphs is not None and task.signature is not None:
        _WORK.graphs.put(task.signature, data)
    return data


@dataclass(frozen=True)
class _Resolved:
    """What the steps across reports give the store stage, beside the plan of the report graphs they saved
    (``_Planned``, those of the reports the extractors did not fail on): the merged entities (without their
    mentions), where each original key went, the events that join meetings, the graphs of the collection (its
    tallies and the descriptions of the entities the reports name, by name) and the builder of the report graphs;
    the failures of the extractors, how many reports were extracted, and the stages' seconds."""

    entities: dict[str, Entity]
    redirect: dict[str, str]
    meetings: dict[MeetingRef, Event]
    common: dict[str, TallyGraph | Description]
    builder: GraphBuilder
    failed: tuple[str, ...]
    extracted: int
    laps: dict[str, float]


def _resolve(work: _Work, pack: Pack[Extraction] | None, plan: Path, *, jobs: int, strict: bool,
             paths: Sequence[Path]) -> _Resolved:
    """The outlines of the reports (from the pack, the cache, or extracted on ``jobs`` processes; the new
    extractions kept in the cache), and the steps across reports over them, which save the plan of the report
    graphs to ``plan`` (``kg.records.Records``). The outlines, most of what a large build holds, are let go with this
    function: a large build runs it in a process of its own (``APART_FROM``)."""
    clock = _Clock()
    cache, found = work.cache, work.extractions
    keys = [i.key for i in work.inputs]
    shared = Shared()  # the outlines' equal strings, names, sectors, dates and entities one object (``shared_loads``)
    held = cache.held() if cache is not None else None  # the extractions made before this build
    few = _new_few(keys, held, jobs)
    if few:
        gc.freeze()  # the other process's collections then leave alone the pages it shares with this one
    early = Ahead(_extract_job, [work.task(n) for n in few])
    try:
        with _no_gc():  # many small objects, no cycles: the collector would only walk them again and again
            packed = pack.load(shared, wanted=set(keys)) if pack is not None else {}
            outlines: list[Extraction | None] = [packed.get(k) for k in keys]
            ahead = set(few)
            for n, k in enumerate(keys):
                if outlines[n] is None and cache is not None and n not in ahead and (whole := cache.get(k)) is not None:
                    found[n] = whole
                    outlines[n] = outline(whole)
        todo = [n for n, x in enumerate(outlines) if x is None]
        if todo or few:
            # Once here: while the other process extracts (writing the new reports' graphs reads it), and before the
            # workers are forked rather than in each of them. (The texts' index is read by this process alone, as it
            # makes the tasks: ``_Work.task``.)
            load_lexicon()
        got = dict(zip(few, early.results(), strict=True))
    finally:
        early.close()
    clock.lap("read")
    # the reports extracted: the outline pack may hold some of those extracted ahead (the cache had lost them)
    extracted_count = len(set(todo) | got.keys())
    rest = [n for n in todo if n not in got]

    def extracted() -> Iterator[tuple[int, tuple[bytes | None, Extraction | None, str | None, Location | None]]]:
        yield from ((n, got[n]) for n in todo if n in got)
        yield from zip(rest, run(_extract_job, Mapped(work.task, rest), jobs=jobs, what="extracting"), strict=True)

    failed: list[str] = []

    def briefs() -> Iterator[tuple[int, bytes]]:
        for n, (brief, x, problem, kept) in extracted():
            if x is not None:
                found[n] = x
            if kept is not None and cache is not None:
                cache.note(keys[n], kept)
            if problem is not None:
                failed.append(problem)
            if brief is not None:
                yield n, brief

    # The outlines made are loaded once the extracting processes are gone, not while they run beside this one.
    made = Records(briefs(), work.folder)
    for n, brief in made:
        outlines[n] = shared_loads(brief, shared)
    made.close()
    del shared  # every outline loaded: its table (at 100,000 reports about 200,000 values) served the loading only
    survivors = [n for n, x in enumerate(outlines) if x is not None]
    if failed:
        if strict:
            raise UnreadableInputs(tuple(failed))
        if not survivors:
            raise DipkgError(f"{', '.join(str(p) for p in paths)}: no report could be extracted; {failed[0]}")
        keys = [keys[n] for n in survivors]
    extractions = tuple(x for x in outlines if x is not None)
    if cache is not None and extracted_count:
        cache.save()  # a build that ends before its own end keeps what it extracted
    clock.lap("extract")
    with _no_gc():
        merged, redirect = merge((e for x in extractions for e in x.entities), serves=serving_states(extractions))
        # after the entities: one event per real meeting, whose participants may show two names one person
        # (a meeting no other report tells, most of them, is an event of its own, made where it is read:
        # ``kg.events.event_of``)
        merged, redirect, meetings = resolve_events(extractions, merged, redirect)
        # A merged entity's mentions served the merging only: the report graphs are written from each report's
        # own, and kept here they would keep the outlines' mentions alive through the store stage.
        entities = {e.key: replace(e, mentions=()) for e in merged}
        del merged
        served = served_states(extractions, redirect)
        builder = GraphBuilder(wikidata=load_wikidata(), served=served, roles=held_roles(extractions, redirect))
        signatures = _signatures(extractions, keys, entities, redirect, meetings, served)
        common: dict[str, TallyGraph | Description] = {
            **tallies(extractions, entities, redirect, meetings, served),
            **described(extractions, builder, entities, redirect, meetings, now=len(keys) >= APART_FROM)}
    if pack is not None:
        pack.save(dict(zip(keys, extractions, strict=True)), packed)
    index = cache.index if cache is not None else {}
    Records.save((_Planned(n, x.report.key, str(report_graph_iri(x.report.key)), index.get(key), signature)
                  for n, x, key, signature in zip(survivors, extractions, keys, signatures, strict=True)), plan)
    clock.lap("resolve")
    return _Resolved(entities, redirect, meetings, common, builder, tuple(failed), extracted_count, clock.laps)


def _build(paths: Sequence[Path], out_dir: Path | None, extractors: Sequence[str],
           views: Callable[[Iterable[Triple], Path], list[Path]] | None, inputs: InputOptions | None,
           jobs: int, exports: bool = True, compact: bool = False) -> BuildResult:
    global _WORK
    limit_heap_arenas(HEAP_ARENAS)
    clock = _Clock()
    folder = out_dir / CACHE_NAME if out_dir is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"*{RECORDS_SUFFIX}"):  # of a build that did not end (one build at a time writes here)
            stale.unlink(missing_ok=True)
    # The texts of a build with an output folder are kept there, not in memory: the process that extracts a
    # report reads its text back.
    texts = TextStore(folder) if folder is not None else None
    kept_at = _records_path(folder, "inputs")
    try:
        reading = partial(_read, paths, inputs, extractors, folder, texts, kept_at, jobs=jobs,
                          exclude=[out_dir] if out_dir is not None else [])
        try:
            # (standard input is read here: a forked process of ``multiprocessing`` reads it from the null device)
            read = apart(reading) if folder is not None and STDIN not in map(str, paths) else reading()
        except ChildProcessError as exc:
            raise DipkgError(f"{out_dir}: the build's reading failed: {exc}") from None
        inputs_kept = Records[_Input].load(kept_at)
    finally:
        kept_at.unlink(missing_ok=True)
    cache = ExtractionCache(folder) if folder is not None else None
    pack = Pack(folder, OUTLINES) if folder is not None else None
    _WORK = work = _Work(inputs_kept, extractors, cache, {}, texts, folder=folder)
    clock.lap("read")
    plan = _records_path(folder, "plan")
    try:
        resolve = partial(_resolve, work, pack, plan, jobs=jobs, strict=inputs is not None and inputs.strict,
                          paths=paths)
        # (a build without an output folder has no cache, and the whole extractions it makes would stay in that process)
        if out_dir is not None and len(inputs_kept) >= APART_FROM:
            try:
                resolved = apart(resolve)
            except ChildProcessError as exc:
                raise DipkgError(f"{out_dir}: the build's resolution failed: {exc}") from None
        else:
            resolved = resolve()
        work.plan = planned = Records[_Planned].load(plan)
        gc.freeze()  # what the store stage reads, out of the collector's sight (``_no_gc``)
        clock.add(resolved.laps)
        read = read._replace(skipped=(*read.skipped, *resolved.failed))
        for segments in (cache, texts):
            if segments is not None:
                segments.forget()  # a graph's writer finds an extraction where the plan says (its text: seldom)
        extracted_count = resolved.extracted
        work.entities, work.redirect, work.meetings = resolved.entities, resolved.redirect, resolved.meetings
        work.builder, common = resolved.builder, resolved.common
        del resolved

        held_whole = _Work(inputs_kept, extractors, cache, work.extractions, texts, planned)

        def load() -> tuple[Extraction, ...]:
            return tuple(held_whole.wholes())

        graphs = GraphCache(out_dir / CACHE_NAME) if out_dir is not None else None
        # Written by the workers as they make each graph, for the exports, which are written from it; a build
        # without exports leaves it as it is (a later build with them reads the graphs it lacks from the store).
        work.graphs = graphs if exports else None

        release_freed_memory()
        map_large_blocks(MAPPED_FROM)  # for the store stage: the extracting processes were forked before
        vocabulary_triples, vocabulary_signature = vocabulary()

        made: list[Manifest] = []

        def fill(store: ox.Store, old: Manifest, new: MutableMapping[str, str]) -> Manifest:
            writer = StoreWriter(store, old.graphs, old.triples, new)
            changed = array("q", (m for m, p in enumerate(planned) if not writer.unchanged(p.graph, p.signature)))
            told_elsewhere = {report for report, _ in work.meetings or ()}  # a meeting of theirs is another's too

            def own(p: _Planned) -> tuple[bytes, ...]:
                """The meetings of a report that no other report tells: stated in its graph only."""
                return () if p.report in told_elsewhere else (meeting_lines(p.report),)

            made_graphs = run(_graph_job, Mapped(work.graph_task, changed),
                              jobs=min(jobs, len(changed) // GRAPHS_PER_PROCESS), what="writing graphs",
                              ahead=GRAPHS_AHEAD)
            for m, data in zip(changed, made_graphs, strict=True):
                p = planned[m]
                writer.put(p.graph, p.signature, data, own(p))
            if not writer.unchanged(str(VOCABULARY_GRAPH), vocabulary_signature):
                writer.put(str(VOCABULARY_GRAPH), vocabulary_signature, vocabulary_triples)
            for graph, made_from in common.items():
                if writer.unchanged(graph, made_from.signature):
                    continue
                if isinstance(made_from, TallyGraph) and made_from.own:  # the ranks, a graph as large as the reports
                    parts = made_from.pieces()
                    if work.graphs is not None:
                        parts = work.graphs.kept(made_from.signature, parts)
                    writer.patch(graph, made_from.signature, parts)
                    continue
                data = made_from.ntriples()
                # a graph of tallies states each of its triples alone: its rows are bucketed by their subjects
                writer.put(graph, made_from.signature, data, EVERY_LINE if isinstance(made_from, TallyGraph) else ())
                if work.graphs is not None:
                    work.graphs.put(made_from.signature, data)
            manifest = writer.finish()
            if len(changed) >= OPTIMIZE_AFTER and not compact:  # with compact, update_store compacts it
                store.optimize()  # compact what was bulk-loaded now rather than in the next small rebuild
            if manifest.triples is None:
                manifest = manifest._replace(triples=triples(store))
            made.append(manifest)
            clock.lap("store")
            return manifest

        if out_dir is None:
            store = ox.Store()
            fill(store, Manifest({}), {})
            return BuildResult(store, _summary(store, made[-1].triples), extracted=extracted_count, timings=clock.laps,
                               load=load,
                               **read._asdict())
        assert graphs is not None

        def write(folder: Path) -> list[Path]:
            store, written = update_store(out_dir, folder, fill, compact=compact, anew=lambda old: sum(
                old.graphs.get(p.graph) == p.signature for p in planned) < len(planned) / 2)
            clock.lap("store")  # the store compacted, where small rebuilds have grown it (``update_store``)

            def chunks() -> Iterator[tuple[str, bytes]]:
                """Every graph's N-Triples in the order of their names (made only for the exports)."""
                wanted = sorted([*((p.graph, p.signature) for p in planned),
                                 (str(VOCABULARY_GRAPH), vocabulary_signature),
                                 *((g, made_from.signature) for g, made_from in common.items())])
                for graph, signature in wanted:
                    found = graphs.get(signature)
                    if found is None:
                        found = graph_ntriples(store, graph)
                        graphs.put(signature, found)
                    yield graph, found

            files = write_exports(chunks(), folder / TURTLE_FILE, folder / TRIG_FILE) if exports else []
            clock.lap("exports")
            if views is not None:
                files += views(rdflib_triples(store), folder)
                clock.lap("views")
            return [written, *files]  # the store closes as it goes out of scope, before the swap

        published = publish(out_dir, write, move=(CACHE_NAME,), drop=() if exports else (TURTLE_FILE, TRIG_FILE))
        if cache is not None:
            cache.keep_only(inputs_kept[p.n].key for p in planned)
        if texts is not None:
            texts.keep_only(inputs_kept[p.n].digest for p in planned)
        graphs.keep_only(chain((p.signature for p in planned), [vocabulary_signature],
                               (made_from.signature for made_from in common.values())))
        store = open_store(out_dir)
        summary = _summary(store, made[-1].triples)
        clock.lap("publish")
        return BuildResult(store, summary, published, extracted=extracted_count, timings=clock.laps, load=load,
                           **read._asdict())
    finally:
        _WORK = None
        plan.unlink(missing_ok=True)  # where the steps across reports failed before it was read
        gc.unfreeze()


class _Clock:
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


def _signatures(extractions: Sequence[Extraction], keys: Sequence[str], entities: dict[str, Entity],
                redirect: dict[str, str], meetings: dict[MeetingRef, Event],
                served: Mapping[str, frozenset[str]] | None = None) -> list[str]:
    """What each report's graph is written from: its extraction, the merged entities it names (their
    nodes and names, the rules that joined its own entities to them, and the states their posts serve
    in any report, which its meetings' dip:countryKey summarises) and the events its meetings belong to.
    The rest of an entity's description is a graph of its own (``kg.graph.GraphBuilder.descriptions``):
    a name another report adds to it leaves this report's graph as it was.

    A report whose signature has not changed since the last build keeps its graph in the store."""
    digests: dict[str, str] = {}

    def digest(key: str) -> str:
        merged = redirect.get(key, key)
        if merged not in digests:
            e = entities[merged]
            states = sorted((served or {}).get(merged, ()))
            digests[merged] = hashlib.sha1(repr((e.key, e.kind, e.country_code, e.name, states))
                                           .encode("utf-8")).hexdigest()
        return f"{key}>{merged}:{digests[merged]}:{entities[merged].rule(key)}"

    out = []
    for x, key in zip(extractions, keys, strict=True):
        told = [event_of((x.report.key, n), m, redirect, meetings) for n, m in enumerate(x.meetings, start=1)]
        # the nodes of its graph, and the participants of its events, whose names its meetings' labels show
        named = named_keys(x, meetings) | {k for event in told for k in event.participants}
        text = "\n".join([key, *(digest(k) for k in sorted(named)),
                          *(repr((e.anchor, e.participants, e.date, e.location)) for e in told)])
        out.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return out


def described(extractions: Iterable[Extraction], builder: GraphBuilder, entities: Mapping[str, Entity],
              redirect: Mapping[str, str], meetings: Mapping[MeetingRef, Event], *,
              now: bool = False) -> dict[str, Description]:
    """The description graph of every entity and country the reports' graphs name, by graph; with ``now``, their
    N-Triples written at once, where the lexicon they read (the names of states, the identifiers of places) is
    loaded: a large build resolves in a process of its own (``APART_FROM``), and its store stage loaded the lexicon
    to write them (146 MB more at 100,000 generated reports, against 1.1 MB of N-Triples)."""
    keys: set[str] = set()
    countries: set[str] = set()
    for x in extractions:
        entity_keys, country_codes = referenced(x, redirect, meetings)
        keys |= entity_keys
        countries |= country_codes
    out = builder.descriptions([entities[k] for k in sorted(keys)], countries, version=extractor_version())
    return {graph: d.written() for graph, d in out.items()} if now else out


def _summary(store: ox.Store, triples: int | None = None) -> Summary:
    return Summary(**counts(store, triples))


def summarise(graph: Graph, reports: int | None = None) -> Summary:
    from rdflib import RDF

    from kg.graph import DIP

    def count(cls) -> int:
        return len(set(graph.subjects(RDF.type, cls)))

    places = count(DIP.Place) + count(DIP.Region) + count(DIP.City) + count(DIP.Country)
    orgs = sum(count(c) for c in (DIP.Organization, DIP.Company, DIP.University, DIP.GovernmentBody,
                                  DIP.InternationalOrganization))
    sectors = len(set(graph.objects(None, DIP.topic)))
    return Summary(reports=reports if reports is not None else count(DIP.Report), meetings=count(DIP.Meeting),
                   persons=count(DIP.Person), places=places, organizations=orgs, sectors=sectors,
                   triples=len(graph))


def summarise_path(path: Path) -> Summary:
    """The counts of a graph file, or of the store of a build's output folder (counted by the store)."""
    if path.is_dir():
        return _summary(open_store(path))
    from kg.graph import load_graph

    return summarise(load_graph(path))


def load_wikidata() -> dict[str, str]:
    """ISO alpha-2 → Wikidata QID, from ``lexicons/country_wikidata.tsv`` where present."""
    path = LEXICON_DIR / "country_wikidata.tsv"
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for row in read_tsv(path):
        if len(row) >= 2 and row[1].strip():
            out[row[0].strip()] = row[1].strip()
    return out
