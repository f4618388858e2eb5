"""The store's writer: it keeps the default graph the union of the named graphs, each triple once, counts what it
sends, loads large graphs a batch at a time, and patches a graph by the lines that changed."""

from __future__ import annotations

import zlib

import pyoxigraph as ox
import pytest

from kg import store_writer
from kg.store import triples
from kg.store_writer import StoreWriter

LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SHARED = f'<https://w3id.org/dipkg/resource/country/KZ> {LABEL} "Kazakhstan"@en .\n'.encode()
OWN = '<https://w3id.org/dipkg/resource/report/{n}> <https://w3id.org/dipkg/ontology#sourceFile> "{n}.txt" .\n'


@pytest.mark.parametrize(("remembered", "counted"), [(100, 5), (1, None), (0, None)])
def test_the_writer_counts_what_it_sends_while_it_remembers_every_line_sent(tmp_path, monkeypatch, remembered,
                                                                               counted):
    monkeypatch.setattr(store_writer, "SENT_LINES", remembered)
    store = ox.Store(str(tmp_path / "db"))
    writer = StoreWriter(store, {})
    other = f'<https://w3id.org/dipkg/resource/country/JP> {LABEL} "Japan"@en .\n'.encode()
    for n, shared in enumerate([SHARED, SHARED + other, other + SHARED]):
        writer.put(f"https://w3id.org/dipkg/resource/graph/{n}", str(n), OWN.format(n=n).encode() + shared)
    manifest = writer.finish()
    assert manifest.triples == counted
    assert triples(store) == 5, "three reports' own triples and two shared ones, each once"


class Flushes:
    """A store whose flushes are counted."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.count = store, 0

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def flush(self) -> None:
        self.count += 1
        self.store.flush()


@pytest.mark.parametrize(("flush", "count"), [(True, 1), (False, 0)])
def test_a_writer_leaves_the_flush_to_a_compaction_after_it(tmp_path, flush, count):
    store = Flushes(ox.Store(str(tmp_path / "db")))
    writer = StoreWriter(store, {})  # type: ignore[arg-type]
    writer.put("https://w3id.org/dipkg/resource/graph/1", "1", OWN.format(n=1).encode() + SHARED)
    assert writer.finish(flush=flush).triples == 2
    store.optimize()
    assert store.count == count
    assert triples(store.store) == 2 and len(store.store) == 4


@pytest.mark.parametrize("batch", [1 << 30, 64])
def test_a_graph_larger_than_a_batch_is_loaded_a_batch_at_a_time_with_the_same_quads(tmp_path, monkeypatch, batch):
    monkeypatch.setattr(store_writer, "BATCH_BYTES", batch)
    loads: list[int] = []
    real = StoreWriter._bulk_load
    monkeypatch.setattr(StoreWriter, "_bulk_load", lambda self, data: (loads.append(len(data)), real(self, data)))
    big = b"".join(OWN.format(n=n).encode() for n in range(40)) + SHARED
    store = ox.Store(str(tmp_path / "db"))
    writer = StoreWriter(store, {})
    writer.put("https://w3id.org/dipkg/resource/graph/big", "1", big)
    writer.patch("https://w3id.org/dipkg/resource/graph/own", "1", [OWN.format(n=n).encode() for n in range(97, 100)])
    assert writer.finish().triples == triples(store) == 44
    assert len(store) == 2 * 44
    assert (len(loads) > 10) == (batch == 64) and max(loads) < max(batch * 2, 1 << 20)


def _ranks(*rows: tuple[str, int]) -> list[bytes]:
    return [f'<x:{report}> <x:rank> "{rank}" .\n'.encode() for report, rank in rows]


@pytest.mark.parametrize(("before", "after"), [
    (_ranks(("a", 1), ("b", 2)), _ranks(("a", 1), ("b", 2), ("c", 3))),  # one added at the end
    (_ranks(("b", 1), ("c", 2)), _ranks(("a", 1), ("b", 2), ("c", 3))),  # one added first: every rank moves
    (_ranks(("a", 1), ("b", 2), ("c", 3)), _ranks(("a", 1), ("c", 2))),  # one removed
    (_ranks(("a", 1)), _ranks(("a", 1))),  # nothing changed
    (_ranks(("a", 1)), _ranks(("a", 1), ("b", 2), ("b", 2))),  # a line two pieces give is put once
    (_ranks(("a", 1), ("a", 1), ("b", 2)), _ranks(("a", 1))),  # so also into an empty store, and counted once
])
@pytest.mark.parametrize("held", ["store", "kept", "kept in part"])
def test_a_patched_graph_and_the_default_graph_hold_the_new_lines_and_are_counted(before, after, held):
    """``StoreWriter.patch`` takes out the triples no longer given and puts in the new ones, a piece at a time;
    it compares them with the lines the graph was written from where they are given (``held``), else with the
    store's, as also where they cannot be read whole."""
    graph = "x:ranks"
    store = ox.Store()
    first = StoreWriter(store, {}, 0, {})
    first.patch(graph, "before", [b"".join(before)])
    counted = first.finish().triples

    def kept_in_part():
        yield from before[:1]
        raise zlib.error("cut short")

    given = {"store": None, "kept": list(before), "kept in part": kept_in_part()}[held]
    writer = StoreWriter(store, {graph: "before"}, counted, {})
    writer.patch(graph, "after", [line for line in after], given)  # a piece per line
    manifest = writer.finish()

    def lines(name: ox.NamedNode | ox.DefaultGraph) -> list[bytes]:
        return sorted(f"{q.triple} .\n".encode() for q in store.quads_for_pattern(None, None, None, name))

    assert lines(ox.NamedNode(graph)) == lines(ox.DefaultGraph()) == sorted(set(after))
    assert manifest.triples == len(set(after)) and manifest.graphs == {graph: "after"}


@pytest.mark.parametrize(("held", "batch", "bulk"), [
    (False, 1 << 30, True),  # a new store is loaded in bulk
    (True, 1 << 30, False),  # a rebuild that writes less than a batch: in one transaction, with its removals
    (True, 64, True),  # one that writes more: in bulk, a batch at a time
])
def test_a_small_rebuild_writes_in_one_transaction_and_a_large_one_in_bulk(tmp_path, monkeypatch, held, batch, bulk):
    monkeypatch.setattr(store_writer, "BATCH_BYTES", batch)
    store = ox.Store(str(tmp_path / "db"))
    old: dict[str, str] = {}
    if held:
        first = StoreWriter(store, {}, 0, {})
        first.put("https://w3id.org/dipkg/resource/graph/0", "0", OWN.format(n=0).encode() + SHARED)
        old = dict(first.finish().graphs)
    loads: list[int] = []
    real = StoreWriter._bulk_load
    monkeypatch.setattr(StoreWriter, "_bulk_load", lambda self, data: (loads.append(len(data)), real(self, data)))
    writer = StoreWriter(store, old, triples(store) if held else None, {})
    assert all(writer.unchanged(graph, signature) for graph, signature in old.items())  # kept as it is
    for n in range(1, 4):
        writer.put(f"https://w3id.org/dipkg/resource/graph/{n}", str(n), OWN.format(n=n).encode() + SHARED)
    writer.patch("https://w3id.org/dipkg/resource/graph/ranks", "1", [b'<x:a> <x:rank> "1" .\n'])
    manifest = writer.finish()
    assert bool(loads) == bulk
    assert triples(store) == 5 + held and manifest.triples in (None, triples(store))
    assert len(manifest.graphs) == 4 + held


@pytest.mark.parametrize("held", ["kept", "store"])
def test_the_patch_benchmark_patches_the_ranks_from_the_kept_lines_or_the_store(tmp_path, capsys, held):
    from bench_support import load_benchmark

    from kg.cache import GraphCache

    bench = load_benchmark("bench_store_patch")
    before, moved = bench.ranks(200, 0), bench.ranks(200, 1)
    kept = GraphCache(tmp_path)
    kept.put("before", b"".join(before))
    bench.patch(200, before, moved, kept if held == "kept" else None, held)
    assert f"held lines from the {held:5}  triples 400  patch" in capsys.readouterr().out


RES, DIP = "https://w3id.org/dipkg/resource/", "https://w3id.org/dipkg/ontology#"


def _report_graph(label: str, rule: str, *shared: bytes) -> list[bytes]:
    """A report graph's lines: the report, a meeting with a label, and one evidence node (default graph only)."""
    r, m, ev = f"<{RES}report/r>", f"<{RES}meeting/m>", f"<{RES}evidence/e>"
    return [f"{r} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{DIP}Report> .\n".encode(),
            f"{m} <{DIP}reportedIn> {r} .\n".encode(), f'{m} {LABEL} "{label}" .\n'.encode(),
            f"{r} <{DIP}evidence> {ev} .\n".encode(), f"{ev} <{DIP}inReport> {r} .\n".encode(),
            f'{ev} <{DIP}joinRule> "{rule}" .\n'.encode(), *shared]


class Removals:
    """A store whose removals are counted, and its readings of a named graph's quads."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.removed, self.graphs_read = store, 0, 0

    def quads_for_pattern(self, *pattern: object) -> object:
        self.graphs_read += pattern[0] is None and isinstance(pattern[3], ox.NamedNode)
        return self.store.quads_for_pattern(*pattern)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> object:
        return getattr(self.store, name)

    def __contains__(self, quad: ox.Quad) -> bool:
        return quad in self.store

    def remove(self, quad: ox.Quad) -> None:
        self.removed += 1
        self.store.remove(quad)


OTHER = f'<{RES}country/JP> {LABEL} "Japan"@en .\n'.encode()


@pytest.mark.parametrize(("after", "removed"), [
    (_report_graph("A – B", "same name", SHARED), 0),  # the same lines: nothing taken out
    (_report_graph("A – C", "same name", SHARED), 2),  # a meeting's label changed: out of its graph and the default
    (_report_graph("A – C", "same key", SHARED), 3),  # and the rule of its evidence (in the default graph only)
    (_report_graph("A – B", "same name"), 1),  # a line another graph states too: it stays in the default graph
    (_report_graph("A – B", "same name", SHARED, OTHER), 0),  # a line more
])
@pytest.mark.parametrize("kept", [False, True])
def test_a_graph_written_again_changes_by_its_lines_that_differ(tmp_path, after, removed, kept):
    """``StoreWriter.put`` of a graph the store holds takes out only what it no longer states (and its evidence no
    longer says) and puts in only what is new: the store is then as if written anew, and counted. The lines it was
    written from are read where they are kept (``kept``), else from the store."""
    graph, other = f"{RES}graph/r", f"{RES}graph/other"
    before = _report_graph("A – B", "same name", SHARED)
    store = ox.Store(str(tmp_path / "db"))
    first = StoreWriter(store, {}, 0, {})
    first.put(graph, "1", b"".join(before))
    first.put(other, "1", SHARED)
    held = first.finish()
    counting = Removals(store)
    lines = {"1": b"".join(before)}
    writer = StoreWriter(counting, dict(held.graphs), held.triples, {},  # type: ignore[arg-type]
                         kept=lines.get if kept else None)
    assert writer.unchanged(other, "1")
    writer.put(graph, "2", b"".join(after))
    manifest = writer.finish()

    anew = ox.Store(str(tmp_path / "anew"))
    fresh = StoreWriter(anew, {}, 0, {})
    fresh.put(graph, "2", b"".join(after))
    fresh.put(other, "1", SHARED)
    fresh.finish()

    def quads(of: ox.Store) -> list[str]:
        return sorted(map(str, of.quads_for_pattern(None, None, None, None)))

    assert counting.removed == removed
    assert counting.graphs_read == (0 if kept else 1)
    assert quads(store) == quads(anew)
    assert manifest.triples == triples(store) == len(set(after) | {SHARED})
