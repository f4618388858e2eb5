"""The steps across a build's reports: the outlines of every report (read from the cache's pack, or extracted on
every core), the entities merged, the meetings joined into events, the tallies and descriptions of the collection,
and the plan of the report graphs the store stage writes, each with its signature (``resolve``)."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import NamedTuple

from kg.cache import Location, Pack, Shared, extractor_version, kept_lexicon, outline, shared_loads
from kg.errors import DipkgError
from kg.events import Event, MeetingRef, event_of, resolve_events
from kg.files import LEXICON_DIR, no_gc, read_tsv
from kg.graph import Description, GraphBuilder, held_roles, named_keys, referenced, report_graph_name, served_states
from kg.inputs.collect import UnreadableInputs
from kg.jobs import Clock, Planned, Work, extract_job
from kg.merging import merge, serving_states
from kg.model import Entity, Extraction
from kg.records import Records
from kg.summaries import TallyGraph, rank_graph, tallies
from kg.workers import Ahead, Mapped, Started, run

# New reports that a rebuild extracts in a process of its own while it reads the outlines of the others
# (``_new_few``); more are extracted on every core once the outlines are read.
EXTRACT_AHEAD = 32
# Reports from which a build with an output folder reads the outlines and resolves them in a process of its own
# (``kg.workers.apart``), which hands the store stage its results only. The outlines let go otherwise leave holes
# in this process's heap among what lives on: at 100,000 generated reports 230 MB of Python's small-object heap
# stayed free and held through the store stage. At 10,000 the holes are few (copying the results into fresh memory
# there gave back 2 MB), and a rebuild that adds one report would pay for the handover of the results.
APART_FROM = 20_000
# The largest pack of outlines (bytes of its files) a rebuild loads while its inputs are read in a process of their
# own (``preload``): about 580 bytes an outline of the benchmark's reports, so the packs of builds that resolve in
# this process (``APART_FROM``). At 10,000 of them the pack is 5.8 MB and its load took 0.3 s, the reading 0.7 s.
PRELOAD_BYTES = 12_000_000
# Reports from which the tallies (``kg.summaries.tallies``, which count every meeting again: about a second at 10,000
# benchmark reports) are counted in a forked process on a second core while this one signs the report graphs and
# describes the entities; with fewer, forking costs more than it saves. A build that resolves in a process of its own
# (``APART_FROM``) counts them there: a fork of that process would copy the outlines' pages it touches, which at
# 10,000 reports added 20 to 30 MB to adding a report (0.16 GB in all against 0.13 to 0.14).
TALLIES_APART_FROM = 1_000


class Loaded(NamedTuple):
    """The outlines of a pack, loaded before the build knows its reports (``preload``): by key, their equal values
    one object of ``shared`` (``kg.cache.shared_loads``)."""

    shared: Shared
    outlines: dict[str, Extraction]


def preload(pack: Pack[Extraction] | None) -> Loaded | None:
    """The outlines ``pack`` holds, all of them, where it is at most ``PRELOAD_BYTES``; else None (``resolve`` reads
    the pack itself)."""
    if pack is None or not 0 < pack.size() <= PRELOAD_BYTES:
        return None
    shared = Shared()
    with no_gc():  # many small objects, no cycles
        return Loaded(shared, pack.load(shared))


@dataclass(frozen=True)
class Resolved:
    """What the steps across reports give the store stage, beside the plan of the report graphs they saved
    (``Planned``, those of the reports the extractors did not fail on): the merged entities (without their
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
    counting: Counting | None = None
    """The graphs of tallies still counted apart, where ``resolve`` did not wait for them (``common`` lacks them):
    the store stage asks for them once it has written the report graphs."""


class Counting:
    """The graphs of tallies that ``count`` gives: counted from now on in a process of their own (``Started``) where
    ``apart``, else (or where that process ended without them) here, when ``result`` asks for them; ``stop`` ends
    that process unfinished."""

    def __init__(self, count: Callable[[], dict[str, TallyGraph]], *, apart: bool) -> None:
        self._count = count
        self._started = Started(count) if apart else None

    def result(self) -> dict[str, TallyGraph]:
        if self._started is not None:
            try:
                return self._started.result()
            except ChildProcessError:
                pass
        return self._count()

    def stop(self) -> None:
        if self._started is not None:
            self._started.stop()


def resolve(work: Work, pack: Pack[Extraction] | None, plan: Path, *, jobs: int, strict: bool,
            paths: Sequence[Path], loaded: Loaded | None = None, wait: bool = True) -> Resolved:
    """The outlines of the reports (from the pack, the cache, or extracted on ``jobs`` processes; the new
    extractions kept in the cache), and the steps across reports over them, which save the plan of the report
    graphs to ``plan`` (``kg.records.Records``). ``loaded``: what the pack held, loaded already (``preload``). The
    outlines, most of what a large build holds, are let go with this function: a large build runs it in a process
    of its own (``APART_FROM``). Without ``wait``, the tallies counted apart are left to the store stage
    (``Resolved.counting``), which writes the report graphs meanwhile."""
    clock = Clock()
    cache, found = work.cache, work.extractions
    keys, digests = [], []  # (each input read once: a record read is a report unpickled)
    for i in work.inputs:
        keys.append(i.key)
        digests.append(i.digest)
    # the outlines' equal strings, names, sectors, dates and entities one object (``shared_loads``)
    shared = loaded.shared if loaded is not None else Shared()
    few = _new_few(keys, cache.index if cache is not None else None, jobs)  # (before this build's are noted)
    if few:
        # before the other process is forked, which then has it (writing the new reports' graphs here reads it too)
        kept_lexicon(work.folder)
        gc.freeze()  # the other process's collections then leave alone the pages it shares with this one
    early = Ahead(extract_job, [work.task(n) for n in few], what="extracting")
    try:
        with no_gc():  # many small objects, no cycles: the collector would only walk them again and again
            if loaded is not None:
                packed = {k: x for k in keys if (x := loaded.outlines.get(k)) is not None}
            else:
                packed = pack.load(shared, wanted=set(keys)) if pack is not None else {}
            outlines: list[Extraction | None] = [packed.get(k) for k in keys]
            ahead = set(few)
            for n, k in enumerate(keys):
                if outlines[n] is None and cache is not None and n not in ahead and (whole := cache.get(k)) is not None:
                    found[n] = whole
                    outlines[n] = outline(whole)
        todo = [n for n, x in enumerate(outlines) if x is None]
        if todo:
            # Once here, before the workers are forked rather than in each of them. (The texts' index is read by this
            # process alone, as it makes the tasks: ``Work.task``.)
            kept_lexicon(work.folder)
        got = dict(zip(few, early.results(), strict=True))
    finally:
        early.close()
    clock.lap("read")
    # the reports extracted: the outline pack may hold some of those extracted ahead (the cache had lost them)
    extracted_count = len(set(todo) | got.keys())
    rest = [n for n in todo if n not in got]

    def extracted() -> Iterator[tuple[int, tuple[bytes | None, Extraction | None, str | None, Location | None]]]:
        # each extracted ahead, also one whose outline the pack held (the report was left out and given again, its
        # extraction dropped from the cache): its graph is written from what was made there, not made again here
        yield from got.items()
        yield from zip(rest, run(extract_job, Mapped(work.task, rest), jobs=jobs, what="extracting"), strict=True)

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
    with no_gc():
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
        # the ranks, which read the reports' names only, are written here while the rest are counted apart
        counting = Counting(partial(tallies, extractions, entities, redirect, meetings, served, ranked=False),
                            apart=jobs > 1 and TALLIES_APART_FROM <= len(extractions) < APART_FROM)
        try:
            builder = GraphBuilder(wikidata=load_wikidata(), served=served, roles=held_roles(extractions, redirect))
            signatures = graph_signatures(extractions, keys, entities, redirect, meetings)
            descriptions = described(extractions, builder, entities, redirect, meetings, now=len(keys) >= APART_FROM)
            # while the tallies are counted apart: the outlines kept and the plan of the report graphs saved
            if pack is not None:
                pack.save(dict(zip(keys, extractions, strict=True)), packed)
            index = cache.index if cache is not None else {}
            Records.save((Planned(n, x.report.key, report_graph_name(x.report.key), index.get(key), signature, key,
                                  digests[n])
                          for n, x, key, signature in zip(survivors, extractions, keys, signatures, strict=True)), plan)
            common: dict[str, TallyGraph | Description] = {**(counting.result() if wait else {}),
                                                            **rank_graph(extractions), **descriptions}
        except BaseException:
            counting.stop()  # (where this process failed first)
            raise
    clock.lap("resolve")
    return Resolved(entities, redirect, meetings, common, builder, tuple(failed), extracted_count, clock.laps,
                    None if wait else counting)


def _new_few(keys: Sequence[str], held: Container[str] | None, jobs: int) -> list[int]:
    """The reports whose extraction the cache lacks (``held``: its index), when there are at most
    ``EXTRACT_AHEAD`` of them and a second process may run: a rebuild that adds a few reports extracts them in a
    process of its own while this one reads the outlines of the others, so the word lists and models that process
    loads and the outlines load at once."""
    if held is None or jobs < 2:
        return []
    new = [n for n, k in enumerate(keys) if k not in held]
    return new if len(new) <= EXTRACT_AHEAD else []


def graph_signatures(extractions: Sequence[Extraction], keys: Sequence[str], entities: dict[str, Entity],
                     redirect: dict[str, str], meetings: dict[MeetingRef, Event]) -> list[str]:
    """What each report's graph is written from: its extraction, the merged entities it names (their
    nodes and names, the rules that joined its own entities to them) and the events its meetings belong to.
    The rest of an entity's description is a graph of its own (``kg.graph.GraphBuilder.descriptions``):
    a name another report adds to it leaves this report's graph as it was; and what a meeting's participants
    are over the collection (the states their posts serve, ``dip:countryKey``) is in its tallies
    (``kg.summaries``): a post another report gives a person named in a thousand reports leaves their graphs as
    they were.

    A report whose signature has not changed since the last build keeps its graph in the store."""
    digests: dict[str, str] = {}
    lines: dict[str, str] = {}  # a key's line is the same in every report that names it

    def digest(key: str) -> str:
        line = lines.get(key)
        if line is not None:
            return line
        merged = redirect.get(key, key)
        if merged not in digests:
            e = entities[merged]
            digests[merged] = hashlib.sha1(repr((e.key, e.kind, e.country_code, e.name)).encode("utf-8")).hexdigest()
        line = lines[key] = f"{key}>{merged}:{digests[merged]}:{entities[merged].rule(key)}"
        return line

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
