"""A build's store stage: the report graphs its plan names, the vocabulary and the collection's graphs (tallies
and descriptions) written into a store (``StoreStage.fill``), each graph whose signature the store holds kept as
it is; and every graph's N-Triples, in the order of their names, for the views and exports (``StoreStage.chunks``,
``StoreStage.sources``).

The report graphs are made on the build's worker processes (``kg.jobs.graph_job``) and written by
``kg.store_writer.StoreWriter``; ``kg.pipeline`` runs the stage after the steps across reports (``kg.resolution``).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import partial
from itertools import chain

import pyoxigraph as ox

from kg.cache import GraphCache
from kg.export_files import Source
from kg.graph import VOCABULARY_GRAPH_IRI, Description, meeting_lines
from kg.jobs import Clock, Planned, Work, graph_job
from kg.manifest import Manifest
from kg.resolution import Counting
from kg.store import graph_ntriples, triples, vocabulary
from kg.store_writer import StoreWriter
from kg.summaries import TallyGraph
from kg.workers import Mapped, Streamed, run

# Report graphs written by one build after which the store is compacted (``StoreStage.fill``).
OPTIMIZE_AFTER = 500
# Report graphs the workers make ahead of the store writer, which is slower: the rest wait for it, not in memory.
GRAPHS_AHEAD = 64
# Report graphs worth a worker process (a graph takes milliseconds; starting the workers, most of a second).
GRAPHS_PER_PROCESS = 200


@dataclass
class StoreStage:
    """The store stage of a build whose ``work`` holds the plan of its report graphs and what writing them reads
    (the merged entities, where each key went, the events, the graph cache the workers write to); ``common``: the
    collection's graphs by name. ``made``: the manifest of each store filled; ``tallies``: see below."""

    work: Work
    common: Mapping[str, TallyGraph | Description]
    jobs: int
    compact: bool
    clock: Clock
    made: list[Manifest] = field(default_factory=list)
    tallies: GraphCache | None = None
    """Where the graphs of tallies are kept, by every build with an output folder (the graph cache, where the exports
    and views also read them): the next one patches them in the store by the lines that changed. A report graph kept
    there (by a build with exports or views) is read from it too, when a later build writes that graph again."""
    vocabulary: tuple[bytes, str] = field(default_factory=vocabulary)
    counting: Counting | None = None
    """The graphs of tallies still counted apart (``kg.resolution.Counting``): asked for once the report graphs, the
    vocabulary and the other graphs of the collection are written, and added to ``common`` then."""

    def anew(self, old: Manifest) -> bool:
        """Whether a store of the ``old`` manifest is better written anew: it holds fewer than half the planned
        graphs as they are to be (``kg.store_writer.update_store``)."""
        planned = self.work.plan
        return sum(old.graphs.get(p.graph) == p.signature for p in planned) < len(planned) / 2

    def fill(self, store: ox.Store, old: Manifest, new: MutableMapping[str, str]) -> Manifest:
        """Write into ``store``, which holds the graphs of ``old``, every graph whose signature it lacks (their
        signatures set in ``new``), and drop the rest: the manifest of what it holds then."""
        work, planned = self.work, self.work.plan
        kept = self.tallies.get if self.tallies is not None else None
        writer = StoreWriter(store, old.graphs, old.triples, new, kept)
        changed = array("q", (m for m, p in enumerate(planned) if not writer.unchanged(p.graph, p.signature)))
        told_elsewhere = {report for report, _ in work.meetings or ()}  # a meeting of theirs is another's too

        def own(p: Planned) -> tuple[bytes, ...]:
            """The meetings of a report that no other report tells: stated in its graph only."""
            return () if p.report in told_elsewhere else (meeting_lines(p.report),)

        made_graphs = run(graph_job, Mapped(work.graph_task, changed),
                          jobs=min(self.jobs, len(changed) // GRAPHS_PER_PROCESS), what="writing graphs",
                          ahead=GRAPHS_AHEAD)
        for m, data in zip(changed, made_graphs, strict=True):
            p = planned[m]
            writer.put(p.graph, p.signature, data, own(p))
        vocabulary_triples, vocabulary_signature = self.vocabulary
        if not writer.unchanged(VOCABULARY_GRAPH_IRI, vocabulary_signature):
            writer.put(VOCABULARY_GRAPH_IRI, vocabulary_signature, vocabulary_triples)
        self._put_changed(writer, self.common)
        if self.counting is not None:  # counted meanwhile: asked for now
            counted, self.counting = self.counting.result(), None
            self.common = {**counted, **self.common}
            self._put_changed(writer, counted)
        # with compact, update_store compacts it; graphs written again by their few changed lines load no table
        optimize = len(changed) >= OPTIMIZE_AFTER and writer.in_bulk and not self.compact
        manifest = writer.finish(flush=not (optimize or self.compact))
        if optimize:
            store.optimize()  # compact what was bulk-loaded now rather than in the next small rebuild
        if manifest.triples is None:
            manifest = manifest._replace(triples=triples(store))
        self.made.append(manifest)
        self.clock.lap("store")
        return manifest

    def _put_changed(self, writer: StoreWriter, graphs: Mapping[str, TallyGraph | Description]) -> None:
        """Write those of the collection's ``graphs`` whose signature the store lacks."""
        for graph, made_from in graphs.items():
            if not writer.unchanged(graph, made_from.signature):
                self._put_common(writer, graph, made_from)

    def _put_common(self, writer: StoreWriter, graph: str, made_from: TallyGraph | Description) -> None:
        """Write one of the collection's graphs (kept in the graph cache too, where the build writes exports). A graph
        of tallies states each of its triples alone (its rows are bucketed by their subjects): the writer patches
        it, taking out and putting in the triples that changed only."""
        if isinstance(made_from, TallyGraph):  # the ranks, as large as the reports, a piece at a time
            parts, held, was = made_from.pieces(), None, writer.old.get(graph)
            if self.tallies is not None:
                # the lines it was last written from (a file gone or cut short: the writer reads the store's)
                held = self.tallies.pieces(was) if was is not None else None
                parts = self.tallies.kept(made_from.signature, parts)
            writer.patch(graph, made_from.signature, parts, held)
            return
        kept = self.work.graphs
        data = made_from.ntriples()
        writer.put(graph, made_from.signature, data)
        if kept is not None:
            kept.put(made_from.signature, data)

    def graphs(self) -> Iterator[tuple[str, str]]:
        """Every graph the stage writes and its signature: the report graphs, the vocabulary, the collection's (those
        counted apart once ``fill`` has written them)."""
        assert self.counting is None, "the tallies are asked for by fill"
        return chain(((p.graph, p.signature) for p in self.work.plan), [(VOCABULARY_GRAPH_IRI, self.vocabulary[1])],
                     ((g, made_from.signature) for g, made_from in self.common.items()))

    def signatures(self) -> Iterator[str]:
        """The signature of every graph the stage writes (the graph cache keeps these)."""
        return (signature for _, signature in self.graphs())

    def cache_graphs(self, store: ox.Store, graphs: GraphCache) -> None:
        """Put in the graph cache every graph it lacks, read from ``store``: ``chunks`` then reads none from the
        store (a forked process must not read the store of another)."""
        for graph, signature in self.graphs():
            if not graphs.has(signature):
                _read_and_keep(store, graphs, graph, signature)

    def chunks(self, store: ox.Store, graphs: GraphCache) -> Streamed[tuple[str, bytes]]:
        """Every graph's N-Triples in the order of their names, for the exports: from the graph cache, else read
        from ``store`` (and kept in the cache)."""
        named = sorted(self.graphs())

        def read() -> Iterator[tuple[str, bytes]]:
            for graph, signature in named:
                yield graph, _cached(store, graphs, graph, signature)

        return Streamed(read(), len(named))

    def sources(self, store: ox.Store, graphs: GraphCache) -> Streamed[Source]:
        """Every graph in the order of their names, for the exports: its signature, and its N-Triples read when
        asked for (as ``chunks`` reads them)."""
        named = sorted(self.graphs())
        return Streamed((Source(graph, signature, partial(_cached, store, graphs, graph, signature))
                         for graph, signature in named), len(named))


def _cached(store: ox.Store, graphs: GraphCache, graph: str, signature: str) -> bytes:
    """A graph's N-Triples from the graph cache, else read from ``store`` (and kept in the cache)."""
    found = graphs.get(signature)
    return found if found is not None else _read_and_keep(store, graphs, graph, signature)


def _read_and_keep(store: ox.Store, graphs: GraphCache, graph: str, signature: str) -> bytes:
    """A graph's N-Triples read from ``store``, and kept in the graph cache."""
    found = graph_ntriples(store, graph)
    graphs.put(signature, found)
    return found
