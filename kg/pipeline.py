"""The one place that knows the order of the stages:
reports → mentions → entities and relations → graph → exports."""

from __future__ import annotations

import gc
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from kg import resolution
from kg.cache import (
    CACHE_NAME,
    INPUTS,
    OLD_INPUTS,
    OUTLINES,
    ExtractionCache,
    GraphCache,
    Pack,
    TextStore,
    extraction_key,
    extractor_version,
    kept_lexicon,
)
from kg.entities import resolve
from kg.errors import DipkgError
from kg.events import resolve_events
from kg.export_files import PIECES, write_exports
from kg.files import limit_heap_arenas, no_gc, release_freed_memory
from kg.graph import GraphBuilder, held_roles, served_states
from kg.inputs.collect import Collected, InputOptions, collect
from kg.inputs.locate import STDIN
from kg.inputs.memo import Memo, MemoFile
from kg.jobs import RECORDS_SUFFIX, Clock, Input, Planned, Work, records_path, set_current
from kg.kept_outputs import KeptOutputs, outputs_key
from kg.lexicon import load_lexicon, load_months
from kg.manifest import Manifest
from kg.mentions import extract_mentions
from kg.merging import merge, serving_states
from kg.model import Extraction, Report
from kg.namespaces import GRAPH_PREFIXES
from kg.publish import output_lock, publish
from kg.records import Records
from kg.relations import relate
from kg.store import counts, open_store, rdflib_triples, store_dataset
from kg.store_writer import update_store
from kg.storing import StoreStage
from kg.summaries import tallies
from kg.text import sentences
from kg.workers import Started, apart, cores

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rdflib import Dataset, Graph

DEFAULT_EXTRACTORS = ("rules+ner",)
# Arenas of the C heap the threads of a build's process share (``limit_heap_arenas``). The store's loads and
# compactions run in threads of their own, and with an arena each the process peaked at 630 to 647 MB writing the
# store of 30,000 generated reports, against 532 to 549 MB with two (328 to 350 against 312 to 320 MB at 10,000,
# where the stage took as long: 41.1 against 41.8 s, medians of three runs taken in turn).
HEAP_ARENAS = 2
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
    kept: tuple[Path, ...] = ()
    """The last build's exports and views, kept as they were (``kg.kept_outputs``); not in ``written``."""
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
        from rdflib import Graph

        g = Graph()
        for prefix, iri in GRAPH_PREFIXES.items():
            g.bind(prefix, iri)
        for triple in rdflib_triples(self.store):
            g.add(triple)
        return g


def read_reports(paths: Iterable[Path], *, inputs: InputOptions | None = None) -> list[Report]:
    """The reports under ``paths`` (``kg.inputs``), each with a key no other has; an input that
    cannot be read raises ``DipkgError`` naming it (unless ``inputs`` says otherwise)."""
    return list(read_inputs(paths, inputs or InputOptions(strict=True)).reports)


def read_inputs(paths: Iterable[Path], inputs: InputOptions | None = None, *,
                exclude: Iterable[Path] = (), memo: Memo | None = None, jobs: int = 1,
                texts: TextStore | None = None,
                into: Callable[[Iterator[tuple[Report, str]]], object] | None = None) -> Collected:
    """The reports under ``paths`` (none under ``exclude``), and a line for each input skipped or
    encoding guessed; ``memo``: what the files gave the last time (``kg.inputs.memo``); many files are
    read on ``jobs`` processes; ``texts``: where the texts are kept rather than in the reports; ``into``: what
    the reports are handed to as they are read, rather than gathered (``kg.inputs.collect.collect``)."""
    return collect(paths, inputs or InputOptions(), month=_month, exclude=exclude, memo=memo, jobs=jobs,
                   texts=texts, into=into)


def _month(token: str) -> int | None:
    """A month's number from its name, for the dates of reports being read (the month names loaded only then: a
    rebuild that reads no new file needs none of them)."""
    return load_months()(token)


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
    from rdflib import URIRef

    entities, redirect = merge((e for x in extractions for e in x.entities), serves=serving_states(extractions))
    # after the entities: one event per real meeting, whose participants may show two names one person
    entities, redirect, meetings = resolve_events(extractions, entities, redirect)
    by_key = {e.key: e for e in entities}
    builder = GraphBuilder(wikidata=resolution.load_wikidata(), served=served_states(extractions, redirect),
                           roles=held_roles(extractions, redirect))
    for x in extractions:
        builder.add(x, by_key, redirect, meetings)
    for iri, tally in tallies(extractions, by_key, redirect, meetings, builder.served or {}).items():
        builder.ds.graph(URIRef(iri)).parse(data=tally.ntriples(), format="nt")
    return builder.merged(), builder.ds


def build(paths: Sequence[Path], *, out_dir: Path | None = None,
          extractors: Sequence[str] = DEFAULT_EXTRACTORS,
          views: Callable[..., list[Path]] | None = None,
          inputs: InputOptions | None = None, jobs: int | None = None, exports: bool = True,
          compact: bool = False) -> BuildResult:
    """Build the graph from report files, folders and globs (``kg.inputs``) into a store, and write
    the exports if ``out_dir`` is given (Turtle and TriG unless ``exports`` is False, when the
    folder's old ones are removed rather than left out of date, as are its old views without ``views``). An input
    that cannot be read is skipped (``BuildResult.skipped``), or fails the build before anything is written when
    ``inputs.strict``.
    ``views`` is given the store and the N-Triples of its graphs (``graphs=``; ``kg.views.write_views`` reads what
    the views show of them once), and runs in a process of its own while the exports are written: what it returns
    (the files written) is pickled back, and it must not read the store it is given.

    Reports are extracted on ``jobs`` processes (default: every core); the output does not depend
    on how many. With ``out_dir``, the store is ``OUT/store`` and a rebuild extracts only the
    reports whose extraction is not in ``OUT/.dipkg-cache`` (new or changed reports, or all after
    a change of code or data) and rewrites only the report graphs that changed. Only one build at
    a time writes into a folder (``kg.publish``), and its files appear there together: a reader
    sees the previous build or this one, never a mix. With ``compact``, the store is compacted before it is
    published (``kg.store_writer.update_store``), as a build does of itself when small rebuilds have grown it.
    """
    jobs = jobs or cores()
    if out_dir is None:
        return _build(paths, None, extractors, views, inputs, jobs, exports, compact)
    with output_lock(out_dir):
        try:
            return _build(paths, out_dir, extractors, views, inputs, jobs, exports, compact)
        except sqlite3.Error as exc:  # the memo of the inputs, the store's manifest (a full disk, say)
            raise DipkgError(f"{out_dir}: cannot write the build's records: {exc}; its store and exports are "
                             f"those of the last build") from exc


class _Read(NamedTuple):
    """What the reading gives the build beside the inputs it saved: the lines naming the inputs skipped and the
    encodings guessed."""

    skipped: tuple[str, ...]
    notes: tuple[str, ...]


def _read(paths: Sequence[Path], inputs: InputOptions | None, extractors: Sequence[str], folder: Path | None,
          texts: TextStore | None, to: Path, *, jobs: int, exclude: Sequence[Path]) -> _Read:
    """Read the reports under ``paths`` (``read_inputs``) and save them to ``to`` (``Input`` records), their texts
    kept in ``texts`` and what each file gave in the cache ``folder`` (where given), the reports handed on to the
    records as they are read. A build with an output folder reads in a process of its own (``kg.workers.apart``):
    the sources found, the texts' index and the reports' keys, 155 MB at 100,000 reports, go with it, and the holes
    they leave in a heap among what lives on with them."""
    memo = MemoFile(extractor_version(), folder / INPUTS) if folder is not None else None
    if folder is not None:
        shutil.rmtree(folder / OLD_INPUTS, ignore_errors=True)
    count = 0

    def as_inputs(pairs: Iterator[tuple[Report, str]]) -> Iterator[Input]:
        nonlocal count
        for count, (report, digest) in enumerate(pairs, 1):  # noqa: B007 (counted for after the reading)
            yield Input(report, extraction_key(report, extractors, digest), digest)

    try:
        with no_gc():
            collected = read_inputs(paths, inputs, exclude=exclude, memo=memo, jobs=jobs, texts=texts,
                                    into=lambda pairs: Records.save(as_inputs(pairs), to))
        if texts is not None:
            texts.save()  # before the memo, which may name them
        if memo is not None:
            memo.save()
    finally:
        if memo is not None:
            memo.close()
    if not count:
        first = collected.problems or collected.notes  # (a note: a linked folder not searched)
        problem = f"; {first[0]}" if first else ""
        raise DipkgError(f"{', '.join(str(p) for p in paths)}: no reports found{problem}")
    return _Read(collected.problems, collected.notes)


def _build(paths: Sequence[Path], out_dir: Path | None, extractors: Sequence[str],
           views: Callable[..., list[Path]] | None, inputs: InputOptions | None,
           jobs: int, exports: bool = True, compact: bool = False) -> BuildResult:
    limit_heap_arenas(HEAP_ARENAS)
    clock = Clock()
    folder = out_dir / CACHE_NAME if out_dir is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"*{RECORDS_SUFFIX}"):  # of a build that did not end (one build at a time writes here)
            stale.unlink(missing_ok=True)
    # The texts of a build with an output folder are kept there, not in memory: the process that extracts a
    # report reads its text back.
    texts = TextStore(folder) if folder is not None else None
    kept_at = records_path(folder, "inputs")
    pack = Pack(folder, OUTLINES) if folder is not None else None
    loaded: resolution.Loaded | None = None
    try:
        reading = partial(_read, paths, inputs, extractors, folder, texts, kept_at, jobs=jobs,
                          exclude=[out_dir] if out_dir is not None else [])
        try:
            # (standard input is read here: a forked process of ``multiprocessing`` reads it from the null device)
            if folder is not None and STDIN not in map(str, paths):
                started = Started(reading)
                try:
                    # meanwhile, what the build reads first once it knows its reports: the lexicon, which extracting
                    # a new report needs (a rebuild that adds one extracts it as soon as the reading ends), and the
                    # outlines of a rebuild resolved in this process
                    kept_lexicon(folder)
                    loaded = resolution.preload(pack)
                except BaseException:
                    started.stop()  # the reading is not waited for
                    raise
                read = started.result()
            else:
                read = reading()
        except ChildProcessError as exc:
            raise DipkgError(f"{out_dir}: the build's reading failed: {exc}") from None
        inputs_kept = Records[Input].load(kept_at)
    finally:
        kept_at.unlink(missing_ok=True)
    cache = ExtractionCache(folder) if folder is not None else None
    work = Work(inputs_kept, partial(extract, extractors=extractors), cache, {}, texts, folder=folder)
    set_current(work)
    clock.lap("read")
    plan = records_path(folder, "plan")
    counting: resolution.Counting | None = None
    try:
        resolve = partial(resolution.resolve, work, pack, plan, jobs=jobs, strict=inputs is not None and inputs.strict,
                          paths=paths)
        # (a build without an output folder has no cache, and the whole extractions it makes would stay in that process)
        if out_dir is not None and len(inputs_kept) >= resolution.APART_FROM:
            loaded = None  # that process reads the pack itself, and lets go of what it loads
            try:
                resolved = apart(resolve)
            except ChildProcessError as exc:
                raise DipkgError(f"{out_dir}: the build's resolution failed: {exc}") from None
        else:
            # the tallies counted apart are asked for by the store stage, once it has written the report graphs
            resolved = resolve(loaded=loaded, wait=False)
            counting = resolved.counting
            loaded = None  # the outlines of reports no longer given
        work.plan = planned = Records[Planned].load(plan)
        gc.freeze()  # what the store stage reads, out of the collector's sight (``no_gc``)
        clock.add(resolved.laps)
        read = read._replace(skipped=(*read.skipped, *resolved.failed))
        for segments in (cache, texts):
            if segments is not None:
                segments.forget()  # a graph's writer finds an extraction where the plan says (its text: seldom)
        extracted_count = resolved.extracted
        work.entities, work.redirect, work.meetings = resolved.entities, resolved.redirect, resolved.meetings
        work.builder, common = resolved.builder, resolved.common
        del resolved

        held_whole = Work(inputs_kept, work.extract, cache, work.extractions, texts, planned)

        def load() -> tuple[Extraction, ...]:
            return tuple(held_whole.wholes())

        graphs = GraphCache(out_dir / CACHE_NAME) if out_dir is not None else None
        # Written by the workers as they make each graph, for the exports and views, which are written from it; a
        # build without either leaves it as it is (a later build with them reads the graphs it lacks from the store).
        work.graphs = graphs if exports or views is not None else None

        release_freed_memory()
        stage = StoreStage(work, common, jobs=jobs, compact=compact, clock=clock, tallies=graphs, counting=counting)
        if out_dir is None:
            store = ox.Store()
            manifest = stage.fill(store, Manifest({}), {})
            return BuildResult(store, _summary(store, manifest.triples), extracted=extracted_count,
                               timings=clock.laps, load=load, **read._asdict())
        assert graphs is not None

        # the exports and views of the last build, kept where this one would write them the same
        outputs = KeptOutputs(out_dir, out_dir / CACHE_NAME)

        def write(folder: Path) -> list[Path]:
            store, written = update_store(out_dir, folder, stage.fill, compact=compact, anew=stage.anew)
            clock.lap("store")  # the store compacted, where small rebuilds have grown it (``update_store``)
            # what the exports and views are written from: every graph's signature, known once the store is filled
            key = outputs_key(extractor_version(), stage.graphs()) if exports or views is not None else ""
            files: list[Path] = []
            views_key = views_made = None
            if views is not None:
                views_key = outputs_key(key, (), f"{views.__module__}.{getattr(views, '__qualname__', views)}")
                views_made = outputs.reuse("views", views_key, folder)
            pending = None
            if views is not None and views_made is None:
                # The views are written on one core, in a process of their own, while this one and its workers write
                # the exports: every graph is in the cache first, so that process reads none from the store.
                stage.cache_graphs(store, graphs)
                pending = Started(partial(views, store, folder, graphs=stage.chunks(store, graphs)))
            try:
                if exports:
                    made = outputs.reuse("exports", key, folder)
                    if made is None:
                        made = write_exports(stage.sources(store, graphs), folder / TURTLE_FILE, folder / TRIG_FILE,
                                             last=out_dir, record=out_dir / CACHE_NAME / PIECES, jobs=jobs)
                        outputs.note("exports", key, made, folder)
                    files += made
                clock.lap("exports")
                if pending is not None:
                    try:
                        views_made = pending.result()
                    except ChildProcessError as exc:
                        raise DipkgError(f"{out_dir}: writing the views failed: {exc}") from None
                    outputs.note("views", views_key, views_made, folder)
            finally:
                if pending is not None:
                    pending.stop()  # where the exports failed: the views are not waited for
            if views_made is not None:
                files += views_made
                clock.lap("views")  # (the time the views took beyond the exports, written meanwhile)
            return [written, *files]  # the store closes as it goes out of scope, before the swap

        published = publish(out_dir, write, move=(CACHE_NAME,), drop=_left_out(exports, views is not None))
        outputs.save()
        kept_inputs = [(p.key, p.digest) for p in planned]  # (the plan read once for both)
        if cache is not None:
            cache.keep_only(key for key, _ in kept_inputs)
        if texts is not None:
            texts.keep_only(digest for _, digest in kept_inputs)
        del kept_inputs
        graphs.keep_only(stage.signatures())
        store = open_store(out_dir)
        summary = _summary(store, stage.made[-1].triples)
        clock.lap("publish")
        kept_files = {out_dir / name for name in outputs.kept}
        return BuildResult(store, summary, tuple(p for p in published if p not in kept_files),
                           tuple(p for p in published if p in kept_files), extracted=extracted_count,
                           timings=clock.laps, load=load, **read._asdict())
    finally:
        set_current(None)
        if counting is not None:
            counting.stop()  # (where the build failed before its store stage asked for the tallies)
        plan.unlink(missing_ok=True)  # where the steps across reports failed before it was read
        gc.unfreeze()


def _left_out(exports: bool, views: bool) -> tuple[str, ...]:
    """The files of an earlier build that a build without exports or without views removes from its folder, rather
    than leave them beside a store they no longer show."""
    dropped = () if exports else (TURTLE_FILE, TRIG_FILE)
    if views:
        return dropped
    from kg.views.registry import build_views

    return dropped + tuple(build_views().values())


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
