"""Writing the build's store (``kg.store``): ``StoreWriter`` replaces named graphs and keeps the default graph their
union, each triple once; ``update_store`` gives a build a copy of the published store to fill, and compacts it where
small rebuilds have grown it. ``kg.storing`` runs the store stage with them.
"""

from __future__ import annotations

import shutil
import zlib
from concurrent.futures import ThreadPoolExecutor
from hashlib import blake2b

import pyoxigraph as ox

from kg.files import lower_threads
from kg.manifest import Manifest, new_signatures
from kg.store import (
    DATABASE_NAME,
    DIGEST_BYTES,
    EVIDENCE_LINK,
    EVIDENCE_NODE,
    ONE_GRAPH_SUBJECTS,
    STORE_NAME,
    FirstLines,
    evidence_quads,
    in_graph,
    is_report,
    pieces,
    store_dir,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
    from concurrent.futures import Future
    from pathlib import Path

# A store is compacted by the build that finds it with more than COMPACT_GROWTH times the table files it had after
# its last compaction, and COMPACT_SLACK more: a small rebuild leaves a few small tables (about 11 at 10,000
# reports), which a query's every lookup reads, so they slow queries down as they pile up (after 15 rebuilds
# that each added a report to 10,000, `explain` took 125 ms a call instead of 90, with 89 tables instead of 21).
COMPACT_GROWTH = 2
COMPACT_SLACK = 32
TABLE_FILES = "*.sst"
# A store's log of the changes to its set of table files (RocksDB's manifest), which every opening of the store reads
# through. Loading a store in bulk leaves a long one (at 10,000 reports, 540 kB, which took 6 ms of every query
# call's 16 ms opening); a store opened for writing starts it anew, a few kilobytes long: a store whose manifest
# has grown past MANIFEST_BYTES is opened once more before it is published.
MANIFEST_FILES = "MANIFEST-*"
MANIFEST_BYTES = 64 << 10
# Triples a writer checks to keep the default graph counted, beyond which the store counts them.
COUNTED_TRIPLES = 200_000
# Bytes of N-Quads gathered before one bulk load into the store, and the loads under way at once (each in a
# thread: Oxigraph parses and sorts a load on one core, and two take less time in all than one after the other).
BATCH_BYTES = 8 << 20
LOADERS = 2
# RocksDB's threads of background compactions (as the system names them), given the lowest priority (``update_store``):
# while a build loads its store in bulk, they merge the tables each load leaves at the top level, again and again, on
# the cores the build's workers, writer and loads need, and the compaction at the end merges them all anyway. At
# 10,000 reports (the extractions cached, eight store stages each way in turn): the compactions took 4.1 to 5.2 CPU
# seconds while the graphs were loaded instead of 8.8 to 10.5, and the stage 21.4 to 26.0 s (mean 23.6) instead of
# 21.8 to 26.8 (mean 24.9), six of the eight pairs faster; the final compaction took 0.6 s longer on average.
COMPACTION_THREADS = "rocksdb:low"
COMPACTION_NICENESS = 19
# Default-graph lines the writer remembers having sent (about 75 MB of digests). Past them it sends a line it has
# not remembered, the store keeps one copy of a line sent twice, and the store counts its triples at the end.
SENT_LINES = 1_000_000


class StoreWriter:
    """Replaces named graphs of a store and keeps its default graph their union, each triple once. A report
    graph's evidence goes into the default graph only (its named graph holds the rest:
    ``FirstLines.first_and_rest``), and leaves it with the graph.

    The writer keeps the default graph's size counted. Writing into an empty store, it counts the
    triples it sends there: a triple about a report's own evidence or the report itself is stated
    in that report's graph only, and any other is sent the first time it comes (past ``SENT_LINES``
    such triples, the store counts them). Given the size before (``triples``), it notes whether the
    default graph held each triple a new graph states (a triple of a graph it drops was there: the
    default graph is their union), and at the end adds those it did not and takes away those no
    graph states any more. Past ``COUNTED_TRIPLES`` such triples (a rebuild that rewrites most
    graphs) it stops, and the manifest leaves the count to the store. ``kept``: the N-Triples a graph was
    written from, by its signature, where they are kept (``kg.cache.GraphCache.get``), else None: a graph
    written again is compared with them rather than read back from the store (``_changed_lines``)."""

    def __init__(self, store: ox.Store, old: Mapping[str, str], triples: int | None = None,
                 new: MutableMapping[str, str] | None = None, kept: Callable[[str], bytes | None] | None = None
                 ) -> None:
        self.store = store
        self.old = old
        self._kept = kept
        self.new: MutableMapping[str, str] = {} if new is None else new
        self._dropped: set[ox.Triple] = set()
        self._added: set[ox.Triple] = set()
        self._buffer: list[bytes] = []
        self._size = 0
        self._loading: list[Future[None]] = []
        self._bulk_loaded = False
        self._loaders = ThreadPoolExecutor(LOADERS, thread_name_prefix="store-load")
        # the default-graph lines sent so far
        self._lines = FirstLines(ONE_GRAPH_SUBJECTS, link=EVIDENCE_LINK, most=SENT_LINES)
        self._sent = 0
        self._unsaid = 0  # evidence triples taken out of the default graph with their report's graph
        self._patched = 0  # default-graph triples added less those removed by ``patch``
        self._fresh = not self.old and next(store.quads_for_pattern(None, None, None, None), None) is None
        self._triples = 0 if self._fresh else triples
        self._held: dict[ox.Triple, bool] | None = {} if triples is not None and not self._fresh else None

    def unchanged(self, graph: str, signature: str) -> bool:
        """True (and the graph kept) when the store already holds ``graph`` written from ``signature``."""
        if self.old.get(graph) == signature:
            self.new[graph] = signature
            return True
        return False

    def put(self, graph: str, signature: str, triples: bytes, own: tuple[bytes, ...] = ()) -> None:
        """Write one graph (``ntriples``) and its triples into the default graph, replacing what
        the store held under its name (by their difference: ``_changed_lines``). ``own``: how the lines about
        subjects that no other graph states begin, beyond ``ONE_GRAPH_SUBJECTS`` (the writer need not remember
        them)."""
        if graph in self.old:
            triples = self._changed_lines(graph, triples)
        self.new[graph] = signature
        for piece in pieces(triples, BATCH_BYTES // 2):
            if self._held is not None:
                self._note(q.triple for q in ox.parse(piece, format=ox.RdfFormat.N_TRIPLES))
            default, kept = self._lines.first_and_rest(piece, own, EVIDENCE_NODE)
            self._sent += len(default)
            self._send(2 * len(piece), in_graph(graph, b"".join(kept)), *default)

    def _changed_lines(self, graph: str, triples: bytes) -> bytes:
        """Take out of the store what ``graph`` and its evidence state that the N-Triples ``triples`` do not, and
        give the lines of ``triples`` it did not state. A report graph written again because the name a node shows
        changed differs in a few lines of hundreds (a label, the rules that joined its mentions): taking it out
        whole and loading it again, quad by quad, took most of such a rebuild. What the store holds is read from
        the lines the graph was written from, where they are kept (``kept``), else from the store."""
        lines = triples.splitlines(keepends=True)
        was = self._kept(self.old[graph]) if self._kept is not None else None
        held = self._take_out_read(graph, set(lines)) if was is None else self._take_out_kept(graph, lines, was)
        self._check_size()
        return b"".join([line for line in lines if line not in held])

    def _take_out_kept(self, graph: str, lines: list[bytes], was: bytes) -> set[bytes]:
        """Take out the lines of ``was`` (the N-Triples the store's ``graph`` was written from) that ``lines`` lack:
        its evidence from the default graph only. The lines of ``was``."""
        held = set(was.splitlines(keepends=True))
        stated, evidence = bytearray(), bytearray()
        for line in held.difference(lines):
            (evidence if line.startswith(EVIDENCE_NODE) or EVIDENCE_LINK in line else stated).extend(line)
        node = ox.NamedNode(graph)
        for t in ox.parse(bytes(evidence), format=ox.RdfFormat.N_TRIPLES):  # in the default graph only
            self.store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
            self._unsaid += 1
        for t in ox.parse(bytes(stated), format=ox.RdfFormat.N_TRIPLES):
            self.store.remove(ox.Quad(t.subject, t.predicate, t.object, node))
            self._gone(t)
        return held

    def _take_out_read(self, graph: str, wanted: set[bytes]) -> set[bytes]:
        """Take out the quads of ``graph`` and its evidence (found through the report it is about:
        ``evidence_quads``), read from the store, whose lines ``wanted`` lacks. The lines of those it keeps."""
        node = ox.NamedNode(graph)
        stated = list(self.store.quads_for_pattern(None, None, None, node))
        evidence = evidence_quads(self.store, [q.subject for q in stated if is_report(q)])
        held: set[bytes] = set()
        for quads, own in ((stated, False), (evidence, True)):
            for quad in quads:
                line = f"{quad.triple} .\n".encode()
                if line in wanted:
                    held.add(line)
                    continue
                self.store.remove(quad)
                if own:  # in the default graph only
                    self._unsaid += 1
                    continue
                self._gone(quad.triple)
        return held

    def _gone(self, triple: ox.Triple) -> None:
        """Note a triple taken out of a named graph: the default graph keeps it while another graph states it."""
        self._dropped.add(triple)
        if self._held is not None:
            self._held.setdefault(triple, True)  # in a graph, so in the default graph

    def patch(self, graph: str, signature: str, triples: Iterable[bytes],
              held: Iterable[bytes] | None = None) -> None:
        """``put`` for a graph whose triples no other graph states (the collection's tallies and the reports'
        ranks), given as N-Triples in pieces of whole lines (a line two pieces give is written once): only the
        triples that changed are taken out of it and the default graph, and those new put in both. A report added
        shifts a few counts and lists of the tallies, and the ranks of the reports after it in the order.
        ``held``: the N-Triples the graph was last written from, in pieces of whole lines, where they are kept
        (``kg.cache.GraphCache``): read instead of the store's triples, which are decoded term by term (for the
        ranks of 10,000 reports, 70 to 100 ms); the store is read where they cannot be read whole."""
        self.new[graph] = signature
        # Compared as N-Triples lines, known by their digests: Oxigraph writes a triple as kg.nt does (a line that
        # differed only in its form would be taken out and put back, the same triple). The lines held as bytes
        # and the store's triples as objects, the ranks of 100,000 reports took 370 MB of the build's process.
        was: set[bytes] = set()
        removed = 0
        if graph in self.old:
            node = ox.NamedNode(graph)
            triples = list(triples)
            now = {_digest(line) for data in triples for line in data.splitlines(keepends=True)}
            if held is None:
                was, gone = _compared(now, self._lines_of(node))
            else:
                try:
                    was, gone = _compared(now, held)
                except (OSError, zlib.error):  # the kept lines, read in part: the store's instead
                    was, gone = _compared(now, self._lines_of(node))
            del now
            for t in ox.parse(gone, format=ox.RdfFormat.N_TRIPLES):
                self.store.remove(ox.Quad(t.subject, t.predicate, t.object, node))
                self.store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
                removed += 1
            del gone
        added = 0
        for data in triples:
            fresh = []
            for line in data.splitlines(keepends=True):
                if (key := _digest(line)) not in was:  # neither held nor given before (two pieces may give one)
                    was.add(key)
                    fresh.append(line)
            new = b"".join(fresh)
            added += len(fresh)
            for piece in pieces(new, BATCH_BYTES // 2):
                self._send(2 * len(piece), in_graph(graph, piece), piece)
        self._sent += added
        self._patched += added - removed

    def _lines_of(self, graph: ox.NamedNode) -> Iterator[bytes]:
        """The N-Triples of the store's triples in ``graph``, a line at a time."""
        for quad in self.store.quads_for_pattern(None, None, None, graph):
            yield f"{quad.triple} .\n".encode()

    def finish(self, *, flush: bool = True) -> Manifest:
        """Drop the graphs no longer wanted and the default-graph triples no graph states any more, and write the
        store's memory tables to disk (``flush``). A flush waits until RocksDB's background compaction has taken
        in the tables that bulk loads left at its top level; a store to be compacted next (``Store.optimize``,
        which writes the memory tables first) need not wait for it: after 10,000 reports loaded in bulk, the
        flush and the compaction after it took 5.3 to 8.8 s (mean 6.9), the compaction alone 4.3 to 7.5 s (mean
        6.0; nine of each, in turn), and left the store as compacted (17 or 18 tables)."""
        for graph in [graph for graph in self.old if graph not in self.new]:
            self._drop(graph)
        self._load(last=True)
        self.close()
        candidates = self._dropped - self._added if self._held is not None else self._dropped
        orphans = [t for t in candidates
                   if not any(not isinstance(q.graph_name, ox.DefaultGraph)
                              for q in self.store.quads_for_pattern(t.subject, t.predicate, t.object, None))]
        for t in orphans:
            self.store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
        if flush:
            self.store.flush()
        counted = None
        if self._fresh and not self._lines.forgot:
            counted = self._sent
        elif self._held is not None and self._triples is not None:
            counted = (self._triples + sum(not held for held in self._held.values()) - len(orphans)
                       - self._unsaid + self._patched)
        return Manifest(self.new, triples=counted)

    def _drop(self, graph: str) -> None:
        node = ox.NamedNode(graph)
        gone = [q.triple for q in self.store.quads_for_pattern(None, None, None, node)]
        for t in gone:
            self._gone(t)
        self._check_size()
        self.store.remove_graph(node)
        # The graph's evidence, in the default graph only (a new version of the graph states it again).
        evidence = evidence_quads(self.store, [t.subject for t in gone if is_report(t)])
        for quad in evidence:
            self.store.remove(quad)
        self._unsaid += len(evidence)

    def _note(self, triples: Iterable[ox.Triple]) -> None:
        """Whether the default graph holds each triple a new graph states, before this writer first touches it."""
        assert self._held is not None
        for t in triples:
            self._added.add(t)
            if t not in self._held:
                self._held[t] = ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) in self.store
        self._check_size()

    def _check_size(self) -> None:
        if self._held is not None and len(self._held) > COUNTED_TRIPLES:
            self._held = None
            self._added.clear()

    def _send(self, size: int, *chunks: bytes) -> None:
        """Gather N-Quads (``size`` bytes of them) for the next bulk load, which starts once ``BATCH_BYTES``
        are gathered."""
        self._buffer += chunks
        self._size += size
        if self._size >= BATCH_BYTES:
            self._load()

    def _load(self, *, last: bool = False) -> None:
        if self._buffer:
            self._wait(LOADERS - 1)
            data, self._buffer, self._size = b"".join(self._buffer), [], 0
            if last and not self._fresh and not self._bulk_loaded:
                # A rebuild that writes less than a batch (a few reports, the tallies and ranks they change): its
                # quads go into the store's memory table with its removals, and the flush at the end writes them
                # all as one small table per index. Loaded in bulk, they made a table per index of their own,
                # which every lookup of every query reads until the store is compacted; and a transaction loads a
                # few megabytes as fast (1 MB: 32 against 67 ms).
                self.store.load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
                return
            self._bulk_loaded = True
            self._loading.append(self._loaders.submit(self._bulk_load, data))

    @property
    def in_bulk(self) -> bool:
        """Whether the writer loads quads in bulk, each load leaving tables of its own (``_load``): into a new store
        always, into another once it has gathered a batch."""
        return self._fresh or self._bulk_loaded

    def _bulk_load(self, data: bytes) -> None:
        # lenient: the N-Triples come from kg.nt (or the ontology files, parsed strictly by ``vocabulary``)
        self.store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)

    def _wait(self, most: int) -> None:
        """Wait until at most ``most`` loads are under way (raising a load's error)."""
        while len(self._loading) > most:
            self._loading.pop(0).result()

    def close(self) -> None:
        """Wait for the loads under way (``finish`` does)."""
        try:
            self._wait(0)
        finally:
            self._loaders.shutdown(wait=True)


def _digest(line: bytes) -> bytes:
    return blake2b(line, digest_size=DIGEST_BYTES).digest()


def _compared(now: set[bytes], held: Iterable[bytes]) -> tuple[set[bytes], bytearray]:
    """Of the lines of ``held`` (pieces of whole lines), the digests of those among ``now`` (digests) and the lines
    of the others, each once."""
    was: set[bytes] = set()
    gone_keys: set[bytes] = set()
    gone = bytearray()  # the lines of the triples to take out, parsed again once the graph is read
    for data in held:
        for line in data.splitlines(keepends=True):
            key = _digest(line)
            if key in now:
                was.add(key)
            elif key not in gone_keys:
                gone_keys.add(key)
                gone += line
    return was, gone


def update_store(out_dir: Path, staging: Path,
                 fill: Callable[[ox.Store, Manifest, MutableMapping[str, str]], Manifest], *,
                 anew: Callable[[Manifest], bool] | None = None, compact: bool = False) -> tuple[ox.Store, Path]:
    """A copy of the output folder's store in ``staging`` (empty if there is none), updated by ``fill``.

    The copy is a RocksDB backup, whose immutable files are hard links: the published store is
    only read. ``fill`` gets the copy, the manifest of the published store and the signatures of the new one
    (empty, in its file: ``kg.manifest.new_signatures``), and returns the new manifest.
    Where ``anew`` says of the published manifest that most graphs change (every report re-extracted
    after a lexicon changed), the store is built empty instead: loading everything in bulk is far
    faster than replacing graph after graph. The store is compacted before it is written where small
    rebuilds have grown it, or with ``compact`` (``_settled``), and opened once more where its manifest has grown
    (``MANIFEST_BYTES``): the store returned is that one.
    """
    target = staging / STORE_NAME
    target.mkdir()
    database = target / DATABASE_NAME
    published = store_dir(out_dir / STORE_NAME)
    manifest = Manifest({})
    # The copy holds the published store's live tables only: the count after a compaction is taken so, by the next
    # build (right after one, the folder still holds the tables it replaced, until RocksDB lets them go).
    copied: int | None = None
    old = Manifest.read(published) if published is not None else None  # its signatures read as they are asked for
    if published is not None and old is not None and not (anew is not None and anew(old)):
        try:
            ox.Store.read_only(str(published / DATABASE_NAME)).backup(str(database))
            manifest = old
            copied = _table_files(database)
        except OSError:
            shutil.rmtree(database, ignore_errors=True)  # unreadable: build the store anew
    store = ox.Store(str(database))
    lower_threads(COMPACTION_THREADS, COMPACTION_NICENESS)
    try:
        made = fill(store, manifest, new_signatures(target))
        _settled(store, database, made, manifest.tables if manifest.tables is not None else copied,
                 compact=compact).write(target)
    finally:
        if old is not None:
            old.close()
    if _manifest_bytes(database) > MANIFEST_BYTES:
        del store  # (the only reference: RocksDB opens a database once in a process)
        store = ox.Store(str(database))
    return store, target


def _manifest_bytes(database: Path) -> int:
    return sum(path.stat().st_size for path in database.glob(MANIFEST_FILES))


def _settled(store: ox.Store, database: Path, made: Manifest, compacted: int | None, *,
             compact: bool = False) -> Manifest:
    """``made`` with the count of the store's table files after its last compaction (``compacted``; None for a new
    store): the store is compacted now if it has grown past ``COMPACT_GROWTH`` times that count and
    ``COMPACT_SLACK`` more, or when told to (``compact``). A store new or compacted by this build is counted by
    the next one (None)."""
    if compact or (compacted is not None and _table_files(database) > COMPACT_GROWTH * compacted + COMPACT_SLACK):
        store.optimize()
        return made._replace(tables=None)
    return made._replace(tables=compacted)


def _table_files(database: Path) -> int:
    return sum(1 for _ in database.glob(TABLE_FILES))
