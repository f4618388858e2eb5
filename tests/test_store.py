"""The build's store: parallel and serial builds agree, rebuilds are incremental and equal a full
build, readers use the store, and a build killed half-way leaves the previous one readable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg import cache, jobs, pipeline, resolution, store_writer, storing
from kg.graph import load_dataset, report_graph_name
from kg.manifest import Manifest
from kg.pipeline import build
from kg.publish import STAGING_PREFIX
from kg.query import load_store, run
from kg.store import (
    DATABASE_NAME,
    STORE_NAME,
    graph_values,
    open_store,
    read_values,
    report_quads,
    triples,
)
from kg.store_writer import COMPACTION_NICENESS, COMPACTION_THREADS, update_store
from kg.views import write_views
from kg.views.registry import build_views

ROOT = Path(__file__).resolve().parent.parent
TEXTS = {
    "ru": (" date 2024-03-{day:02d} Встреча\nМинистр иностранных дел Казахстана {host} встретился с послом "
           "Франции {guest}. Стороны обсудили сотрудничество в области {topic}.\n"),
    "en": (" date 2024-05-{day:02d} Meeting\nForeign Minister of Kazakhstan {host} met the Ambassador of Japan "
           "{guest}. They discussed cooperation in {topic}.\n"),
}
HOSTS = ["Мурат Нуртлеу", "Ерлан Карин", "Асет Исекешев", "Марат Ахметов"]
GUESTS = ["Жаном Дюпоном", "Пьером Мартеном", "Луи Бернаром", "Полем Лераном"]
EN_NAMES = [("Murat Nurtleu", "Kenji Sato"), ("Yerlan Karin", "Hiroshi Tanaka"), ("Aset Isekeshev", "Taro Suzuki")]
TOPICS = {"ru": ["образования", "энергетики", "туризма"], "en": ["education", "energy", "tourism"]}


def corpus(folder: Path, n: int, *, start: int = 0) -> Path:
    for i in range(start, start + n):
        language = "ru" if i % 2 == 0 else "en"
        host, guest = ((HOSTS[i % 4], GUESTS[(i // 4) % 4]) if language == "ru" else EN_NAMES[i % 3])
        text = TEXTS[language].format(day=1 + i % 28, host=host, guest=guest, topic=TOPICS[language][i % 3])
        (folder / f"r{i:03d}.txt").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"r{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def quads(out: Path) -> set[tuple]:
    ds = load_dataset(out / "diplomacy.trig")
    return {(s, p, o, str(g)) for s, p, o, g in ds.quads()}


def turtle(out: Path) -> set[tuple]:
    return set(Graph().parse(out / "diplomacy.ttl", format="turtle"))


def stored(out: Path) -> tuple[set[ox.Triple], set[ox.Quad]]:
    """The store's default graph, and its named graphs as read back (with their evidence)."""
    store = open_store(out)
    default = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return default, {q for g in store.named_graphs() for q in report_quads(store, g)}


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300, env=env)


def test_parallel_and_serial_builds_write_the_same_graph(tmp_path):
    reports = corpus(tmp_path / "in", 8)
    build([reports], out_dir=tmp_path / "one", jobs=1)
    build([reports], out_dir=tmp_path / "two", jobs=2)
    assert quads(tmp_path / "one") == quads(tmp_path / "two")
    assert (tmp_path / "one" / "diplomacy.ttl").read_bytes() == (tmp_path / "two" / "diplomacy.ttl").read_bytes()


class _LostStarted:
    """A process of ``kg.workers.Started`` that ends without its result."""

    def __init__(self, func) -> None:
        self.func = func

    def result(self):
        raise ChildProcessError("the process working apart ended with exit code -9")

    def stop(self) -> None:
        pass


@pytest.mark.parametrize(("counting", "forked"), [("apart", ["tallies"]), ("lost", ["tallies"]),
                                                ("resolved apart", [])])  # counted in that process
def test_tallies_counted_apart_or_here_give_the_same_store(tmp_path, monkeypatch, counting, forked):
    reports = corpus(tmp_path / "in", 6)
    build([reports], out_dir=tmp_path / "here", exports=False, jobs=2)
    monkeypatch.setattr(resolution, "TALLIES_APART_FROM", 1)
    if counting == "resolved apart":
        monkeypatch.setattr(resolution, "APART_FROM", 1)
    marks = tmp_path / "forked.txt"  # (written by whichever process forks: the build's, or the one resolving apart)
    marks.write_text("")
    started = _LostStarted if counting == "lost" else resolution.Started

    def noted(func):
        with open(marks, "a", encoding="utf-8") as fh:
            fh.write(f"{func.func.__name__}\n")
        return started(func)

    monkeypatch.setattr(resolution, "Started", noted)
    build([reports], out_dir=tmp_path / "apart", exports=False, jobs=2)
    assert marks.read_text().split() == forked
    assert stored(tmp_path / "apart") == stored(tmp_path / "here")


@pytest.mark.parametrize(("stdin", "worked_apart"), [(False, ["_read"]), (True, [])])
def test_a_build_with_an_output_folder_reads_apart_but_standard_input_in_its_own_process(tmp_path, monkeypatch, stdin,
                                                                                         worked_apart):
    from kg.inputs.collect import InputOptions

    reports = corpus(tmp_path / "in", 2)
    given = (reports / "r000.txt").read_bytes()
    done: list[str] = []
    started = pipeline.Started
    monkeypatch.setattr(pipeline, "Started", lambda func: (done.append(func.func.__name__), started(func))[1])
    built = build([Path("-") if stdin else reports], out_dir=tmp_path / "out", jobs=1,
                  inputs=InputOptions(stdin=lambda: given))
    assert done == worked_apart and built.extracted == (1 if stdin else 2) and not built.skipped


@pytest.mark.parametrize(("optimize_after", "compact", "flushed"), [
    (10**9, False, [True]),  # a few graphs: the store is flushed, not compacted
    (1, False, [False]),  # graphs enough to compact the store after: it is compacted without a flush before
    (10**9, True, [False]),  # compacted as asked
])
def test_a_build_flushes_the_store_only_where_it_does_not_compact_it(tmp_path, monkeypatch, optimize_after, compact,
                                                                     flushed):
    reports = corpus(tmp_path / "in", 4)
    build([reports], out_dir=tmp_path / "plain", jobs=1)
    finished: list[bool] = []
    finish = store_writer.StoreWriter.finish
    monkeypatch.setattr(store_writer.StoreWriter, "finish",
                        lambda self, *, flush=True: (finished.append(flush), finish(self, flush=flush))[1])
    monkeypatch.setattr(storing, "OPTIMIZE_AFTER", optimize_after)
    build([reports], out_dir=tmp_path / "out", jobs=1, compact=compact)
    assert finished == flushed
    assert stored(tmp_path / "out") == stored(tmp_path / "plain")
    assert quads(tmp_path / "out") == quads(tmp_path / "plain")


@pytest.mark.parametrize("exports", [True, False])
def test_report_graphs_written_again_are_compared_with_their_kept_lines_else_read_from_the_store(tmp_path, monkeypatch,
                                                                                                 exports):
    """A report that gives a longer form of a name other reports give changes the name their graphs show: those graphs
    are written again by the lines that differ, compared with the lines a build with exports kept (none read out of
    the store), else with the store's; either way the store is the one a fresh build makes."""
    reports = corpus(tmp_path / "in", 8)  # three name the person; most graphs stay as they are
    build([reports], out_dir=tmp_path / "out", jobs=1, exports=exports)
    (reports / "r009.txt").write_text(TEXTS["en"].format(day=9, host="Murat Abdrakhmanuly Nurtleu", guest="Kenji Sato",
                                                         topic="energy"), encoding="utf-8")
    read: list[str] = []
    compared: list[str] = []
    changed, from_store = store_writer.StoreWriter._changed_lines, store_writer.StoreWriter._take_out_read
    monkeypatch.setattr(store_writer.StoreWriter, "_changed_lines",
                        lambda self, graph, triples: (compared.append(graph), changed(self, graph, triples))[1])
    monkeypatch.setattr(store_writer.StoreWriter, "_take_out_read",
                        lambda self, graph, wanted: (read.append(graph), from_store(self, graph, wanted))[1])
    build([reports], out_dir=tmp_path / "out", jobs=1, exports=exports)
    build([reports], out_dir=tmp_path / "fresh", jobs=1, exports=exports)
    assert compared and read == ([] if exports else compared)
    assert stored(tmp_path / "out") == stored(tmp_path / "fresh")


def test_a_rebuild_that_loads_nothing_in_bulk_leaves_the_store_uncompacted(tmp_path, monkeypatch):
    """Graphs written again by their changed lines go into the store's memory table, as a small rebuild's do:
    however many there are, the store is flushed rather than compacted (the growth of its tables decides that)."""
    reports = corpus(tmp_path / "in", 4)
    build([reports], out_dir=tmp_path / "out", jobs=1)
    corpus(tmp_path / "in", 1, start=5)
    (tmp_path / "in" / "r005.txt").replace(tmp_path / "in" / "r001.txt")  # one report's text changed
    build([reports], out_dir=tmp_path / "plain", jobs=1)
    finished: list[bool] = []
    finish = store_writer.StoreWriter.finish
    monkeypatch.setattr(store_writer.StoreWriter, "finish",
                        lambda self, *, flush=True: (finished.append(flush), finish(self, flush=flush))[1])
    monkeypatch.setattr(storing, "OPTIMIZE_AFTER", 1)
    build([reports], out_dir=tmp_path / "out", jobs=1)
    assert finished == [True]
    assert stored(tmp_path / "out") == stored(tmp_path / "plain")
    assert quads(tmp_path / "out") == quads(tmp_path / "plain")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_build_that_resolves_apart_writes_the_same_graph(tmp_path, monkeypatch, jobs):
    reports = corpus(tmp_path / "in", 6)
    build([reports], out_dir=tmp_path / "plain", jobs=jobs)
    apart: list[int] = []
    resolve_apart = pipeline.apart
    monkeypatch.setattr(pipeline, "apart", lambda func: (
        func.func is resolution.resolve and apart.append(len(func.args[0].inputs)), resolve_apart(func))[1])
    monkeypatch.setattr(resolution, "APART_FROM", 1)
    built = build([reports], out_dir=tmp_path / "apart", jobs=jobs)
    assert apart == [6] and built.extracted == 6 and set(built.timings) >= {"read", "extract", "resolve", "store"}
    assert stored(tmp_path / "apart") == stored(tmp_path / "plain")
    assert quads(tmp_path / "apart") == quads(tmp_path / "plain")
    assert len(built.extractions) == 6  # read back from the cache the other process wrote
    corpus(reports, 1, start=6)  # a rebuild apart writes the graphs that changed
    assert build([reports], out_dir=tmp_path / "apart", jobs=jobs).extracted == 1
    monkeypatch.undo()
    build([reports], out_dir=tmp_path / "fresh", jobs=jobs)
    assert apart == [6, 7]
    assert stored(tmp_path / "apart") == stored(tmp_path / "fresh")


def test_a_build_that_writes_the_ranks_a_report_at_a_time_writes_the_same_graph_and_exports(tmp_path, monkeypatch):
    from kg import summaries

    reports = corpus(tmp_path / "in", 5)
    build([reports], out_dir=tmp_path / "whole", jobs=1)
    monkeypatch.setattr(summaries, "PIECE_ROWS", 1)
    built = build([reports], out_dir=tmp_path / "pieces", jobs=1)
    assert quads(tmp_path / "pieces") == quads(tmp_path / "whole")
    for name in ("diplomacy.ttl", "diplomacy.trig"):
        assert (tmp_path / "pieces" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    corpus(reports, 1, start=5)  # a rebuild patches the ranks, given in pieces too
    (reports / "r002.txt").unlink()
    rebuilt = build([reports], out_dir=tmp_path / "pieces", jobs=1)
    assert rebuilt.summary.triples == triples(open_store(tmp_path / "pieces")) != built.summary.triples
    monkeypatch.undo()
    build([reports], out_dir=tmp_path / "fresh", jobs=1)
    assert stored(tmp_path / "pieces") == stored(tmp_path / "fresh")
    assert (tmp_path / "pieces" / "diplomacy.trig").read_bytes() == (tmp_path / "fresh" / "diplomacy.trig").read_bytes()


def test_a_rebuild_copies_the_pieces_of_the_exports_it_would_write_the_same(tmp_path, monkeypatch):
    from kg import export_files

    reports = corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    build([reports], out_dir=out, jobs=1)
    before = dict(Manifest.read(out / STORE_NAME).graphs.items())
    made: list[str] = []
    real = export_files._trig
    monkeypatch.setattr(export_files, "_trig", lambda graph, triples: made.append(graph) or real(graph, triples))
    corpus(reports, 1, start=6)
    build([reports], out_dir=out, jobs=1)
    after = dict(Manifest.read(out / STORE_NAME).graphs.items())
    changed = {g for g, signature in after.items() if before.get(g) != signature}
    # the new report's graph and the tallies it moved (a graph can come out the same from what changed)
    assert made and set(made) <= changed and len(changed) < len(after) / 2
    monkeypatch.undo()
    build([reports], out_dir=tmp_path / "fresh", jobs=1)
    for name in ("diplomacy.ttl", "diplomacy.trig"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()


@pytest.mark.parametrize(("args", "timed"), [((), False), (("--timings",), True)])
def test_a_build_run_as_a_command_prints_all_it_says_and_leaves_the_store_the_api_builds(tmp_path, args, timed):
    reports = corpus(tmp_path / "in", 3)
    done = kg("build", str(reports), "--out", str(tmp_path / "cli"), "--no-views", "--jobs", "1", *args)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("reports 3 ") and lines[-1].startswith("seconds read ") == timed
    build([reports], out_dir=tmp_path / "api", jobs=1)
    assert stored(tmp_path / "cli") == stored(tmp_path / "api")


def test_a_failed_build_run_as_a_command_says_why_and_fails(tmp_path):
    (tmp_path / "in").mkdir()
    done = kg("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-views")
    assert done.returncode == 1 and "no reports found" in done.stderr


# (reports built first, reports added): the reports added name persons of the first ones in another language,
# which adds to their descriptions, or persons new to the collection.
# ``preloaded``: the outlines of the reports built before loaded while the inputs are read (else by the resolution).
@pytest.mark.parametrize("preloaded", [True, False])
@pytest.mark.parametrize(("first", "added"), [(6, 1), (1, 4), (3, 2)])
def test_a_rebuild_extracts_only_new_reports_and_equals_a_full_build(tmp_path, monkeypatch, first, added, preloaded):
    if not preloaded:
        monkeypatch.setattr(resolution, "PRELOAD_BYTES", 0)
    preloads: list[bool] = []
    preload = resolution.preload
    monkeypatch.setattr(resolution, "preload", lambda pack: preloads.append(bool(got := preload(pack))) or got)
    reports = corpus(tmp_path / "in", first)
    out = tmp_path / "out"
    assert build([reports], out_dir=out).extracted == first
    assert build([reports], out_dir=out).extracted == 0
    corpus(reports, added, start=first)
    again = build([reports], out_dir=out)
    assert again.extracted == added and again.summary.reports == first + added
    assert preloads == [False, preloaded, preloaded]  # (the first build: no pack yet)
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh)
    assert quads(out) == quads(fresh)
    assert turtle(out) == turtle(fresh)
    assert stored(out) == stored(fresh)


def test_the_store_keeps_a_reports_evidence_in_the_default_graph_only_and_reads_its_graph_back_whole(tmp_path):
    out = tmp_path / "out"
    build([corpus(tmp_path / "in", 3)], out_dir=out)
    store = open_store(out)
    graph = ox.NamedNode(report_graph_name("r001.txt"))
    named = {q.triple for q in store.quads_for_pattern(None, None, None, graph)}
    written = {q.triple for q in ox.parse(path=str(out / "diplomacy.trig"), format=ox.RdfFormat.TRIG)
               if q.graph_name == graph}
    evidence = {t for t in written if "/resource/evidence/" in f"{t.subject} {t.object}"}
    assert evidence and named == written - evidence
    assert all(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) in store for t in evidence)
    assert {q.triple for q in report_quads(store, graph)} == written


def test_a_deleted_report_leaves_the_store(tmp_path):
    reports = corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    build([reports], out_dir=out)
    (reports / "r004.txt").unlink()
    (reports / "r001.txt").write_text(TEXTS["en"].format(day=9, host="Murat Nurtleu", guest="Kenji Sato",
                                                         topic="energy"), encoding="utf-8")
    result = build([reports], out_dir=out)
    assert result.extracted == 1 and result.summary.reports == 4
    store = open_store(out)
    assert not store.contains_named_graph(ox.NamedNode(report_graph_name("r004.txt")))
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh)
    assert quads(out) == quads(fresh)
    assert stored(out) == stored(fresh)
    assert triples(store) == triples(open_store(fresh)) == len(turtle(fresh))
    # the cache keeps the extractions and texts of the reports built only
    for kind in (cache.ExtractionCache, cache.TextStore):
        assert kind(out / cache.CACHE_NAME).held() == kind(fresh / cache.CACHE_NAME).held()
        assert len(kind(out / cache.CACHE_NAME).held()) == 4


def test_a_rebuild_that_changes_most_reports_equals_a_full_build(tmp_path):
    reports = corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    build([reports], out_dir=out)
    for path in sorted(reports.iterdir())[:5]:
        path.write_text(path.read_text(encoding="utf-8").replace("2024", "2023"), encoding="utf-8")
    assert build([reports], out_dir=out).extracted == 5
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh)
    assert quads(out) == quads(fresh)
    assert stored(out) == stored(fresh)
    assert triples(open_store(out)) == triples(open_store(fresh))


@pytest.mark.parametrize(("anew", "held"), [(False, True), (True, False)])
def test_a_store_is_updated_or_built_anew(tmp_path, anew, held):
    out = tmp_path / "out"
    build([corpus(tmp_path / "in", 2)], out_dir=out)
    seen: list[bool] = []

    def fill(store: ox.Store, old: Manifest, new: dict[str, str]) -> Manifest:
        seen.append(bool(old.graphs) and len(store) > 0)
        return old

    staging = tmp_path / "staging"
    staging.mkdir()
    update_store(out, staging, fill, anew=lambda old: anew)
    assert seen == [held]


@pytest.mark.parametrize(("most", "opened_again"), [(0, True), (1 << 30, False)])
def test_a_store_whose_manifest_grew_is_opened_again_with_a_short_one(tmp_path, monkeypatch, most, opened_again):
    monkeypatch.setattr(store_writer, "MANIFEST_BYTES", most)
    left: list[tuple[str, int]] = []

    def fill(store: ox.Store, old: Manifest, new: dict[str, str]) -> Manifest:
        for n in range(20):  # each bulk load adds its tables to the manifest
            store.bulk_load(input=f"<urn:s{n}> <urn:p> <urn:o> <urn:g> .\n".encode(), format=ox.RdfFormat.N_QUADS)
        path, = staging.glob(f"store/*/{store_writer.MANIFEST_FILES}")
        left.append((path.name, path.stat().st_size))
        return old

    staging = tmp_path / "staging"
    staging.mkdir()
    store, target = update_store(tmp_path / "out", staging, fill)
    path, = target.glob(f"*/{store_writer.MANIFEST_FILES}")
    # an open starts a manifest of its own; RocksDB's background work may add to the old one meanwhile
    assert (path.name != left[0][0]) == opened_again
    if opened_again:
        assert path.stat().st_size < left[0][1]
    assert len(store) == 20
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.NamedNode("urn:o")))  # open for writing


def test_a_store_is_filled_with_its_background_compactions_at_the_lowest_priority(tmp_path):
    import os

    if not os.path.isdir("/proc/self/task"):
        pytest.skip("a system without /proc/self/task")

    def compactions() -> list[int]:
        found = []
        for tid in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{tid}/comm", encoding="utf-8") as fh:
                if fh.read().startswith(COMPACTION_THREADS):
                    found.append(os.getpriority(os.PRIO_PROCESS, int(tid)))
        return found

    priorities: list[list[int]] = []

    def fill(store: ox.Store, old: Manifest, new: dict[str, str]) -> Manifest:
        priorities.append(compactions())
        return old

    staging = tmp_path / "staging"
    staging.mkdir()
    update_store(tmp_path / "out", staging, fill)
    assert priorities and priorities[0] and set(priorities[0]) == {COMPACTION_NICENESS}


def test_a_changed_extractor_version_extracts_everything(tmp_path, monkeypatch):
    reports = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    build([reports], out_dir=out)
    monkeypatch.setattr(cache, "extractor_version", lambda: "another version")
    assert build([reports], out_dir=out).extracted == 3


@pytest.fixture
def version_anew() -> Iterator[Callable[[], str]]:
    """The extractor's version computed anew at each call (and the memo cleared after the test)."""

    def anew() -> str:
        cache.extractor_version.cache_clear()
        return cache.extractor_version()

    yield anew
    cache.extractor_version.cache_clear()


@pytest.mark.parametrize("changed", ["lexicons/places.tsv", "lang/kk/days.tsv", "models/tagger.bin", "rules/state.py",
                                     "relations/topics.py", "ontology/sectors.ttl"])
def test_the_extractor_version_covers_code_lexicons_models_and_the_ontology(tmp_path, monkeypatch, version_anew,
                                                                            changed):
    package = tmp_path / "kg"
    for name in ("lexicons/places.tsv", "lang/kk/days.tsv", "models/tagger.bin", "rules/state.py",
                 "relations/topics.py", "ontology/sectors.ttl", "README.md"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("x", encoding="utf-8")
    monkeypatch.setattr(cache, "PACKAGE_DIR", package)
    monkeypatch.setattr(cache, "ONTOLOGY_DIR", package / "ontology")
    before = version_anew()
    (package / "README.md").write_text("y", encoding="utf-8")
    assert version_anew() == before
    (package / changed).write_text("y", encoding="utf-8")
    assert version_anew() != before


def test_the_extractor_version_covers_the_ontology_beside_a_package_without_it(tmp_path, monkeypatch, version_anew):
    """A checkout made where the system has no links has a file where the package's link to the ontology would be:
    the ontology beside the package (where ``kg.files`` finds it) counts, under the same names."""
    package, beside = tmp_path / "kg", tmp_path / "ontology"
    package.mkdir()
    beside.mkdir()
    (package / "ontology").write_text("../ontology", encoding="utf-8")
    (beside / "sectors.ttl").write_text("x", encoding="utf-8")
    monkeypatch.setattr(cache, "PACKAGE_DIR", package)
    monkeypatch.setattr(cache, "ONTOLOGY_DIR", beside)
    before = version_anew()
    (beside / "sectors.ttl").write_text("y", encoding="utf-8")
    assert version_anew() != before


def test_readers_open_the_store_of_an_output_folder(tmp_path):
    out = tmp_path / "out"
    build([corpus(tmp_path / "in", 4)], out_dir=out)
    count = "SELECT (COUNT(*) AS ?n) { ?m a <https://w3id.org/dipkg/ontology#Meeting> }"
    for graph in (out, out / STORE_NAME, out / "diplomacy.ttl", out / "diplomacy.trig"):
        assert run(load_store(graph), count).rows[0][0].value == "4", graph
    done = kg("query", count, "--graph", str(out), "--format", "csv")
    assert done.returncode == 0 and done.stdout.split() == ["n", "4"], done.stderr
    stats = kg("stats", "--graph", str(out))
    assert stats.returncode == 0 and "meetings       4" in stats.stdout, stats.stderr


def test_a_killed_build_leaves_the_previous_store_and_a_rerun_completes(tmp_path):
    reports = corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    assert kg("build", str(reports), "--out", str(out), "--no-views").returncode == 0
    before = (turtle(out), quads(out))
    corpus(reports, 30, start=4)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(reports), "--out", str(out), "--jobs", "1"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    staged = tmp_path.glob(f".out{STAGING_PREFIX}*/{STORE_NAME}")
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline and not any(True for _ in staged):
        time.sleep(0.01)
        staged = tmp_path.glob(f".out{STAGING_PREFIX}*/{STORE_NAME}")
    assert proc.poll() is None, "the build ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (turtle(out), quads(out)) == before
    assert run(load_store(out), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").rows[0][0].value == str(len(before[0]))
    done = kg("build", str(reports), "--out", str(out), "--no-views")
    assert done.returncode == 0, done.stderr
    assert "reports 34" in done.stdout
    assert not list(tmp_path.glob(f".out{STAGING_PREFIX}*"))


@pytest.mark.parametrize(("fmt", "name"), [("turtle", "x.ttl"), ("trig", "x.trig"), ("nt", "x.nt"), ("csv", "x.csv"),
                                           ("jsonld", "x.jsonld")])
def test_export_reads_the_store_of_an_output_folder(tmp_path, fmt, name):
    out = tmp_path / "out"
    build([corpus(tmp_path / "in", 3)], out_dir=out)
    done = kg("export", "--format", fmt, "--graph", str(out), "--out", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    if fmt in ("turtle", "nt"):
        assert set(Graph().parse(tmp_path / name, format=fmt)) == turtle(out)
    elif fmt == "trig":
        ds = load_dataset(tmp_path / name)
        assert {(s, p, o, str(g)) for s, p, o, g in ds.quads()} == quads(out)
    elif fmt == "jsonld":
        written = {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
                   for q in ox.parse(path=str(tmp_path / name), format=ox.RdfFormat.JSON_LD)}
        trig = {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
                for q in ox.parse(path=str(out / "diplomacy.trig"), format=ox.RdfFormat.TRIG)}
        assert written == trig
    else:
        assert len((tmp_path / name).read_text(encoding="utf-8").splitlines()) == 4


@pytest.mark.parametrize(("obj", "expected"), [
    ('<https://example.org/o>', URIRef("https://example.org/o")),
    ('"Льеж"@ru', Literal("Льеж", lang="ru")),
    ('"Льеж"', "Льеж"),
    ('"12"^^<http://www.w3.org/2001/XMLSchema#integer>', "12"),
    ('"2024-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>', "2024-03"),
])
def test_read_values_gives_iris_as_rdflib_and_literals_as_their_lexical_form(obj, expected):
    store = ox.Store()
    store.load(f"<https://example.org/s> <https://example.org/p> {obj} .\n_:b <https://example.org/p> {obj} .\n"
               f"<https://example.org/s> <https://example.org/q> {obj} .".encode(), format=ox.RdfFormat.N_TRIPLES)
    found = list(read_values(store, [URIRef("https://example.org/p")]))
    assert found == [(URIRef("https://example.org/s"), URIRef("https://example.org/p"), expected)]
    assert type(found[0][2]) is type(expected)  # a plain literal is a str, not an rdflib Literal


@pytest.mark.parametrize(("obj", "expected"), [
    ('<https://example.org/o>', URIRef("https://example.org/o")),
    ('"Льеж"@ru', Literal("Льеж", lang="ru")),
    ('"Льеж"', "Льеж"),
    ('"12"^^<http://www.w3.org/2001/XMLSchema#integer>', "12"),
    ('"say \\"hi\\"\\n\\\\ \\u00e9"', 'say "hi"\n\\ é'),
    ('"a . b"@en', Literal("a . b", lang="en")),
])
def test_graph_values_read_n_triples_as_read_values_reads_a_store(obj, expected):
    lines = (f"<https://example.org/s> <https://example.org/p> {obj} .\n_:b <https://example.org/p> {obj} .\n"
             f"<https://example.org/s> <https://example.org/q> {obj} .\n").encode()
    graphs = [("https://example.org/g1", lines), ("https://example.org/g2", lines)]  # a triple of two graphs once
    found = list(graph_values(graphs, [URIRef("https://example.org/p")]))
    store = ox.Store()
    store.load(lines, format=ox.RdfFormat.N_TRIPLES)
    assert found == list(read_values(store, [URIRef("https://example.org/p")]))
    assert found == [(URIRef("https://example.org/s"), URIRef("https://example.org/p"), expected)]
    assert type(found[0][2]) is type(expected)


@pytest.mark.parametrize("kind", ["network", "countries", "sectors", "regions", "timeline"])
def test_a_build_writes_the_views_the_store_gives(tmp_path, kind):
    from kg.views import DEFAULT_VIEWS, GraphIndex, view_html, write_views

    out = tmp_path / "out"
    build([corpus(tmp_path / "in", 6)], out_dir=out, views=write_views, exports=kind == "network")
    written = (out / DEFAULT_VIEWS[kind]).read_text(encoding="utf-8")
    assert written == view_html(GraphIndex.from_store(open_store(out)), kind)


def test_views_read_the_store_without_a_graph_of_the_corpus(tmp_path):
    from kg.views import GraphIndex

    out = tmp_path / "out"
    result = build([corpus(tmp_path / "in", 4)], out_dir=out)
    from_store = GraphIndex.from_store(open_store(out))
    from_graph = GraphIndex(result.graph)
    assert from_store.category == from_graph.category and len(from_store.meetings) == 4
    def meetings(index: GraphIndex) -> dict:
        return {m: (set(r.participants), set(r.topics), r.date) for m, r in index.meetings.items()}

    assert meetings(from_store) == meetings(from_graph)
    done = kg("view", "--graph", str(out), "--kind", "countries", "--out", str(tmp_path / "c.html"))
    assert done.returncode == 0 and (tmp_path / "c.html").stat().st_size > 1000, done.stderr


EXPORT_FILES = {"diplomacy.ttl", "diplomacy.trig"}


@pytest.mark.parametrize(("exports", "views", "kept"), [
    (True, True, EXPORT_FILES | set(build_views().values())),
    (True, False, EXPORT_FILES),
    (False, True, set(build_views().values())),
    (False, False, set()),
])
def test_a_build_removes_the_exports_and_views_it_is_told_not_to_write(tmp_path, exports, views, kept):
    """Without exports or views, those of an earlier build would show a collection the store no longer holds."""
    reports = corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    every = EXPORT_FILES | set(build_views().values())
    build([reports], out_dir=out, views=write_views)
    assert every <= {p.name for p in out.iterdir()}
    corpus(reports, 1, start=2)
    result = build([reports], out_dir=out, exports=exports, views=write_views if views else None)
    assert result.summary.reports == 3
    assert {p.name for p in out.iterdir()} & every == kept


def test_a_build_without_exports_writes_the_store_and_removes_old_exports(tmp_path):
    reports = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=True)
    assert (out / "diplomacy.ttl").is_file() and (out / "diplomacy.trig").is_file()
    corpus(reports, 1, start=3)
    result = build([reports], out_dir=out, exports=False)
    assert result.summary.reports == 4 and result.extracted == 1
    assert not (out / "diplomacy.ttl").exists() and not (out / "diplomacy.trig").exists()
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh)
    assert triples(open_store(out)) == len(turtle(fresh))
    done = kg("export", "--format", "turtle", "--graph", str(out), "--out", str(tmp_path / "x.ttl"))
    assert done.returncode == 0, done.stderr
    assert set(Graph().parse(tmp_path / "x.ttl", format="turtle")) == turtle(fresh)


def _tally_signatures(out: Path) -> set[str]:
    """The signatures of the graphs of tallies the store of ``out`` holds (``kg.summaries``)."""
    manifest = Manifest.read(out / STORE_NAME)
    try:
        return {signature for graph, signature in manifest.graphs.items() if "/graph/summaries/" in graph}
    finally:
        manifest.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_build_without_exports_caches_no_report_graphs_and_a_later_export_reads_them_from_the_store(tmp_path,
                                                                                                      jobs):
    reports = corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False, jobs=jobs)
    cached = out / cache.CACHE_NAME / cache.GRAPHS
    tallies = _tally_signatures(out)
    # the report graphs serve the exports only; the graphs of tallies, the next rebuild's patches
    assert tallies and {p.name.removesuffix(cache.GRAPH_SUFFIX) for p in cached.iterdir()} == tallies
    build([reports], out_dir=out, jobs=jobs)  # nothing new: the exports from the store's graphs
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh, jobs=jobs)
    for name in ("diplomacy.ttl", "diplomacy.trig"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes()
    assert len(list(cached.iterdir())) >= 4  # and now cached for the next exports


@pytest.mark.parametrize("exports", [True, False])
def test_views_written_beside_the_exports_from_graphs_the_cache_lacked_are_those_of_a_fresh_build(tmp_path, monkeypatch,
                                                                                                   exports):
    """A build's views are written in a process of their own while the exports are; the graphs a build without
    exports or views left out of the cache are read from the store first, by the build's process
    (``StoreStage.cache_graphs``): the views' process reads none from it."""
    from kg.views import DEFAULT_VIEWS, write_views

    reports = corpus(tmp_path / "in", 4)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build([reports], out_dir=out, exports=False, jobs=1)
    readers = tmp_path / "readers"
    real = storing.graph_ntriples

    def read(store: ox.Store, graph: str) -> bytes:
        with readers.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(store, graph)

    monkeypatch.setattr(storing, "graph_ntriples", read)
    build([reports], out_dir=out, views=write_views, exports=exports, jobs=2)
    assert set(readers.read_text().split()) == {str(os.getpid())}
    monkeypatch.undo()
    build([reports], out_dir=fresh, views=write_views, exports=exports, jobs=2)
    for name in DEFAULT_VIEWS.values():
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert len(list((out / cache.CACHE_NAME / cache.GRAPHS).iterdir())) >= 4


def test_a_rebuild_reads_the_outlines_of_unchanged_reports_in_one_pack(tmp_path):
    reports = corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False, jobs=1)
    pack = out / cache.CACHE_NAME / cache.OUTLINES
    assert len(list(pack.iterdir())) == 1
    for path in (out / cache.CACHE_NAME / cache.EXTRACTIONS).iterdir():
        path.unlink()  # the unchanged reports' whole extractions are not read
    again = build([reports], out_dir=out, exports=False, jobs=1)
    assert again.extracted == 0 and again.summary.reports == 4
    corpus(reports, 1, start=4)
    assert build([reports], out_dir=out, exports=False, jobs=1).extracted == 1
    assert len(list(pack.iterdir())) == 2  # a segment with the new report's outline
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh)
    assert triples(open_store(out)) == len(turtle(fresh))
    for path in pack.iterdir():
        path.unlink()  # without the pack, the extractions are read (or made) again
    assert build([reports], out_dir=out, jobs=1).extracted == 4
    assert quads(out) == quads(fresh)


@pytest.mark.parametrize(("jobs", "most", "ahead"), [
    (2, 32, 2),  # the new reports, extracted while the outlines of the others are read
    (1, 32, 0),  # one process: no other
    (2, 1, 0),   # more new reports than that: extracted on every core once the outlines are read
])
def test_a_rebuild_extracts_a_few_new_reports_in_a_process_of_their_own(tmp_path, monkeypatch, jobs, most, ahead):
    reports = corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False, jobs=jobs)
    corpus(reports, 2, start=4)
    started: list[resolution.Ahead] = []

    class Ahead(resolution.Ahead):
        def __init__(self, func, items, **kw):
            super().__init__(func, items, **kw)
            started.append(self)

    monkeypatch.setattr(resolution, "Ahead", Ahead)
    monkeypatch.setattr(resolution, "EXTRACT_AHEAD", most)
    again = build([reports], out_dir=out, exports=False, jobs=jobs)
    assert again.extracted == 2 and [len(early.items) for early in started] == [ahead]
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh, exports=False, jobs=1)
    assert stored(out) == stored(fresh)


def test_a_report_left_out_and_given_again_is_extracted_once_beside_the_reading(tmp_path, monkeypatch):
    """Its outline is still in the pack, its extraction no longer in the cache: the process that extracts the new
    reports ahead makes it, and its graph is written from that, not from a second extraction in the build's."""
    reports = corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False, jobs=2)
    left = tmp_path / "r002.txt"
    (reports / "r002.txt").rename(left)
    build([reports], out_dir=out, exports=False, jobs=2)
    left.rename(reports / "r002.txt")
    here: list[str] = []
    real = pipeline.extract
    monkeypatch.setattr(pipeline, "extract", lambda report, **kw: here.append(report.key) or real(report, **kw))
    again = build([reports], out_dir=out, exports=False, jobs=2)
    assert again.extracted == 1 and here == []  # (the process ahead appends to its own list)
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh, exports=False, jobs=1)
    assert stored(out) == stored(fresh)


def live_tables(out: Path, copy: Path) -> int:
    """The live tables of an output folder's store, counted in a backup copy ``copy``: right after a compaction,
    the folder may still hold the tables it replaced until RocksDB lets them go."""
    ox.Store.read_only(str(out / STORE_NAME / DATABASE_NAME)).backup(str(copy))
    return len(list(copy.glob(store_writer.TABLE_FILES)))


@pytest.mark.parametrize(("growth", "compacted"), [(1, True), (100, False)])
def test_a_store_that_small_rebuilds_have_grown_is_compacted(tmp_path, monkeypatch, growth, compacted):
    def tables(out: Path) -> int:
        return live_tables(out, tmp_path / f"copy-{len(list(tmp_path.glob('copy-*')))}")

    monkeypatch.setattr(store_writer, "COMPACT_GROWTH", growth)
    monkeypatch.setattr(store_writer, "COMPACT_SLACK", 0)
    reports = corpus(tmp_path / "in", 10)  # enough that a report more leaves most graphs: the store is updated
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False, jobs=1)
    first = tables(out)
    assert Manifest.read(out / STORE_NAME).tables is None  # a new store: the next build counts its tables
    seen = []
    for n in range(4):
        corpus(reports, 1, start=10 + n)
        build([reports], out_dir=out, exports=False, jobs=1)
        seen.append(tables(out))
        recorded = Manifest.read(out / STORE_NAME).tables
        # compacted: counted again by the next build, never above the first count; else the first count stays
        assert (recorded is None or recorded <= first) if compacted else recorded == first
    # Compacted, the store stays near its first count (RocksDB has left a second table in two column families
    # after a compaction, in two runs of the whole suite); else each rebuild adds a dozen tables or so.
    assert (max(seen) < first + first // 2) == compacted, (first, seen)
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh, exports=False, jobs=1)
    assert stored(out) == stored(fresh)


@pytest.mark.parametrize("command", [False, True])
def test_a_build_told_to_compact_leaves_the_store_compacted(tmp_path, command):
    """Small rebuilds add tables; a build told to compact (``compact=True``, ``kg build --compact``) leaves about as
    many as a fresh build, its manifest says the next build counts them, and the store is the same."""
    from click.testing import CliRunner

    from kg.cli import main

    reports = corpus(tmp_path / "in", 10)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False, jobs=1)
    first = live_tables(out, tmp_path / "first")
    corpus(reports, 1, start=10)
    build([reports], out_dir=out, exports=False, jobs=1)
    grown = live_tables(out, tmp_path / "grown")
    if command:
        done = CliRunner().invoke(main, ["build", str(reports), "--out", str(out), "--no-views", "--no-exports",
                                         "--jobs", "1", "--compact"])
        assert done.exit_code == 0, done.output
    else:
        assert build([reports], out_dir=out, exports=False, jobs=1, compact=True).extracted == 0
    compacted = live_tables(out, tmp_path / "compacted")
    # near a fresh build's count: RocksDB may leave a second table in a column family or two after a compaction
    # (12 tables fresh and 14 compacted, in one run in eight, on the same code)
    assert grown > first and compacted < grown and compacted <= first + first // 2, (first, grown, compacted)
    assert Manifest.read(out / STORE_NAME).tables is None
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh, exports=False, jobs=1)
    assert stored(out) == stored(fresh)


@pytest.mark.parametrize("added", [1, 2])
def test_a_rebuild_keeps_the_triples_counted_without_counting_the_store(tmp_path, monkeypatch, added):
    # one report deleted and one or two added: the reports after the deleted one move up a rank, and the
    # ranks of the collection (a graph the writer patches) lose one triple and gain one or two
    from kg import pipeline

    reports = corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False)
    corpus(reports, added, start=5)
    (reports / "r001.txt").unlink()
    counted: list[int] = []
    monkeypatch.setattr(storing, "triples", lambda store: counted.append(1) or triples(store))
    result = build([reports], out_dir=out, exports=False)
    assert counted == [] and result.summary.triples == triples(open_store(out))
    assert result.summary == pipeline.summarise_path(out)


@pytest.mark.parametrize("kept", [True, False])
def test_a_rebuild_patches_the_graphs_of_tallies_from_their_kept_lines_else_from_the_store(tmp_path, monkeypatch,
                                                                                           kept):
    """The graphs of tallies a rebuild changes are compared with the lines the build before kept of them
    (``kg.cache.GraphCache``), not read back from the store; where those are gone, with the store's triples."""
    reports = corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False)
    if not kept:
        for signature in _tally_signatures(out):
            cache.GraphCache(out / cache.CACHE_NAME).path(signature).unlink()
    read: list[str] = []
    real = store_writer.StoreWriter._lines_of
    monkeypatch.setattr(store_writer.StoreWriter, "_lines_of",
                        lambda self, graph: read.append(graph.value) or real(self, graph))
    corpus(reports, 1, start=5)
    (reports / "r001.txt").unlink()
    result = build([reports], out_dir=out, exports=False)
    assert bool(read) != kept and all("/graph/summaries/" in graph for graph in read)
    assert result.summary.triples == triples(open_store(out))
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh, exports=False)
    assert stored(out) == stored(fresh)


def test_a_build_into_an_empty_store_counts_the_triples_it_sends(tmp_path, monkeypatch):
    reports = corpus(tmp_path / "in", 6)
    (reports / "again.txt").write_text((reports / "r000.txt").read_text(encoding="utf-8"), encoding="utf-8")
    counted: list[int] = []
    monkeypatch.setattr(storing, "triples", lambda store: counted.append(1) or triples(store))
    result = build([reports], out_dir=tmp_path / "out", exports=False)
    store = open_store(tmp_path / "out")
    told_twice = """SELECT ?m WHERE { GRAPH ?g { ?m a <https://w3id.org/dipkg/ontology#Meeting> } }
        GROUP BY ?m HAVING (COUNT(DISTINCT ?g) > 1)"""
    assert list(store.query(told_twice)), "a meeting two reports tell is stated in both graphs"
    assert counted == [] and result.summary.triples == triples(store)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_build_keeps_no_text_of_a_report_the_cache_holds_and_reads_its_extraction_there(tmp_path, jobs):
    reports = corpus(tmp_path / "in", 4)
    result = build([reports], out_dir=tmp_path / "out", jobs=jobs)
    whole = result.extractions
    assert len(whole) == 4 and all(x.report.text.startswith(" date 2024-") for x in whole)
    assert {x.report.source_file for x in whole} == {f"r{i:03d}.txt" for i in range(4)}


@pytest.mark.parametrize("cached", [True, False])
def test_a_build_holds_no_reports_text_the_process_extracting_reads_it_back(tmp_path, monkeypatch, cached):
    """With an output folder, the texts are kept in its cache as they are read, not in the build's reports."""
    if not cached:
        monkeypatch.setattr(cache.ExtractionCache, "put", lambda self, key, x: None)
    held: list[int] = []
    told: list[bool] = []
    extract = pipeline.extract

    def counting(report, **options):
        work = jobs.current()
        assert work is not None
        held.append(sum(bool(i.report.text) for i in work.inputs))
        told.append(report.text.startswith(" date 2024-"))
        return extract(report, **options)

    monkeypatch.setattr(pipeline, "extract", counting)
    result = build([corpus(tmp_path / "in", 4)], out_dir=tmp_path / "out", jobs=1)
    assert held == [0, 0, 0, 0] and told == [True] * 4
    assert result.summary.reports == 4


@pytest.mark.parametrize("rebuild", [False, True])
def test_no_text_but_that_of_the_report_being_extracted_is_in_memory(tmp_path, monkeypatch, rebuild):
    """Counted over every report object alive while each new report is extracted in this process."""
    import gc
    import uuid

    from kg.model import Report

    marker = uuid.uuid4().hex
    reports = corpus(tmp_path / "in", 3)
    for path in reports.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + f"Ref {marker}.\n", encoding="utf-8")
    if rebuild:
        build([reports], out_dir=tmp_path / "out", jobs=1)
        corpus(reports, 2, start=3)
        for path in sorted(reports.iterdir())[3:]:
            path.write_text(path.read_text(encoding="utf-8") + f"Ref {marker}.\n", encoding="utf-8")
    held: list[int] = []
    extract = pipeline.extract

    def counting(report, **options):
        gc.unfreeze()  # what the build moved out of the collector's sight, back in sight
        gc.collect()
        held.append(sum(isinstance(o, Report) and marker in o.text for o in gc.get_objects()))
        return extract(report, **options)

    monkeypatch.setattr(pipeline, "extract", counting)
    build([reports], out_dir=tmp_path / "out", jobs=1)
    assert held == [1] * (2 if rebuild else 3)


@pytest.mark.parametrize(("text_kept", "extraction_kept", "error"), [
    (True, False, None),  # made again from the text in the store
    (False, True, None),  # read from the cache
    (False, False, r"^in/a\.txt: its text left the cache .* build again$"),
])
def test_a_reports_whole_extraction_is_read_made_again_or_a_one_line_error(tmp_path, text_kept, extraction_kept,
                                                                           error):
    from kg.errors import DipkgError
    from kg.jobs import Input, Planned, Work
    from kg.model import Report
    from kg.pipeline import extract

    told = Report("a.txt", "Foreign Minister Yerlan Karin met the Ambassador of Japan Kenji Sato.", "en",
                  source_path="in/a.txt")
    texts, extractions = cache.TextStore(tmp_path), cache.ExtractionCache(tmp_path)
    digest = cache.text_digest(told.text)
    if text_kept:
        texts.put(told.text)
    if extraction_kept:
        extractions.put("key", extract(told, extractors=["rules"]))
    work = Work([Input(replace(told, text=""), "key", digest)], partial(extract, extractors=["rules"]), extractions, {},
                texts, [Planned(0, told.key, "urn:graph", extractions.index.get("key"), "signature", "key", digest)])
    if error:
        with pytest.raises(DipkgError, match=error):
            list(work.wholes())
    else:
        (whole,) = work.wholes()
        assert whole.report == told and whole.meetings


def test_a_rebuild_whose_texts_left_the_cache_reads_the_files_again(tmp_path):
    import shutil

    reports = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    build([reports], out_dir=out, exports=False, jobs=1)
    for kept in (cache.TEXTS, cache.EXTRACTIONS, cache.OUTLINES):  # the inputs' memo is left: it names the texts
        shutil.rmtree(out / cache.CACHE_NAME / kept)
    again = build([reports], out_dir=out, exports=False, jobs=1)
    assert again.extracted == 3 and again.summary.reports == 3
    fresh = tmp_path / "fresh"
    build([reports], out_dir=fresh, exports=False, jobs=1)
    assert stored(out) == stored(fresh)
    assert cache.TextStore(out / cache.CACHE_NAME).held()  # kept again


def test_a_build_past_the_lines_the_writer_remembers_writes_the_same_graph(tmp_path, monkeypatch):
    reports = corpus(tmp_path / "in", 6)
    build([reports], out_dir=tmp_path / "whole")
    monkeypatch.setattr(store_writer, "SENT_LINES", 3)
    result = build([reports], out_dir=tmp_path / "capped")
    assert quads(tmp_path / "capped") == quads(tmp_path / "whole")
    assert turtle(tmp_path / "capped") == turtle(tmp_path / "whole")
    assert result.summary.triples == triples(open_store(tmp_path / "capped")) == len(turtle(tmp_path / "whole"))


LINES = {"own": b"<x:own> <x:p> 1 .\n", "a": b"<x:a> <x:p> 1 .\n", "b": b"<x:b> <x:p> 1 .\n",
         "linked": b"<x:c> <x:link> <x:own> .\n"}
CALLS = (("own", "a", "a"), ("own", "b", "a", "b"), ("linked", "linked"))


@pytest.mark.parametrize(("most", "given", "forgot"), [
    (None, [["own", "a"], ["own", "b"], ["linked", "linked"]], False),
    (1, [["own", "a"], ["own", "b", "b"], ["linked", "linked"]], True),
    (0, [["own", "a", "a"], ["own", "b", "a", "b"], ["linked", "linked"]], True),
])
def test_first_lines_gives_own_lines_always_and_others_once_while_it_remembers_them(most, given, forgot):
    from kg.store import FirstLines

    first = FirstLines((b"<x:own>",), link=b" <x:link> <x:own>", most=most)
    assert [first.first(b"".join(LINES[k] for k in call)) for call in CALLS] == [[LINES[k] for k in g] for g in given]
    assert first.forgot is forgot


@pytest.mark.parametrize("most", [None, 1, 0])
def test_first_lines_drops_the_lines_first_leaves_out(most):
    """``dropped_keyed`` numbers the lines ``first`` leaves out, remembering as it does."""
    from kg.store import FirstLines

    one, two = (FirstLines((b"<x:own>",), link=b" <x:link> <x:own>", most=most) for _ in range(2))
    for call in CALLS:
        data = b"".join(LINES[k] for k in call)
        lines, dropped = data.splitlines(keepends=True), set(one.dropped_keyed(one.keyed(data)))
        assert [line for n, line in enumerate(lines) if n not in dropped] == two.first(data)
    assert one.forgot is two.forgot


EVIDENCE = {"node": b"<https://w3id.org/dipkg/resource/evidence/r-1> <x:p> 1 .\n",
            "link": (b"<x:m> <https://w3id.org/dipkg/ontology#evidence> "
                     b"<https://w3id.org/dipkg/resource/evidence/r-1> .\n"),
            "report": b"<https://w3id.org/dipkg/resource/report/r> <x:p> 1 .\n",
            "fact": b"<x:m> <x:p> 1 .\n", "meeting": b"<x:meeting> <x:p> 1 .\n"}


@pytest.mark.parametrize(("calls", "own"), [
    ([["node", "link", "report", "fact"], ["fact", "node", "link"]], ()),
    ([["fact", "fact", "meeting"], ["meeting", "fact", "report"]], (b"<x:meeting>",)),
    ([["meeting"], ["meeting", "node"], ["link", "link", "fact"]], ()),
])
# the evidence among the subjects stated in one graph (as the store's writer has it), or not
@pytest.mark.parametrize("subjects", ["writer's", (b"<https://w3id.org/dipkg/resource/report/",)])
def test_first_lines_and_the_rest_in_one_pass_are_first_and_facts(calls, own, subjects):
    """The store's writer reads a report graph's piece once for the lines the default graph lacks and its facts."""
    from kg.store import EVIDENCE_LINK, EVIDENCE_NODE, ONE_GRAPH_SUBJECTS, FirstLines

    subjects = ONE_GRAPH_SUBJECTS if subjects == "writer's" else subjects
    one, two = (FirstLines(subjects, link=EVIDENCE_LINK) for _ in range(2))
    for call in calls:
        data = b"".join(EVIDENCE[k] for k in call)
        first, rest = one.first_and_rest(data, own, EVIDENCE_NODE)
        facts = [line for line in data.splitlines(keepends=True)
                 if not line.startswith(EVIDENCE_NODE) and EVIDENCE_LINK not in line]
        assert first == two.first(data, own) and rest == facts


@pytest.mark.parametrize(("own", "given", "remembered"), [
    ((), [["a"], ["b"]], 2),
    ((b"<x:a>",), [["a"], ["a", "a", "b"]], 1),  # a subject of this call's graph only: given, not remembered
    ((b"<x:a>", b"<x:b>"), [["a"], ["a", "a", "b"]], 0),
])
def test_first_lines_remembers_no_line_of_a_subject_one_call_owns(own, given, remembered):
    from kg.store import FirstLines

    first = FirstLines((b"<x:own>",))
    calls = [first.first(LINES["a"], own), first.first(LINES["a"] + LINES["a"] + LINES["b"], own)]
    assert calls == [[LINES[k] for k in g] for g in given]
    assert len(first._seen) == remembered


@pytest.mark.parametrize(("data", "most", "expected"), [
    (b"a .\nbb .\nccc .\n", 100, [b"a .\nbb .\nccc .\n"]),
    (b"a .\nbb .\nccc .\n", 9, [b"a .\nbb .\n", b"ccc .\n"]),
    (b"a .\nbb .\nccc .\n", 5, [b"a .\n", b"bb .\n", b"ccc .\n"]),  # a line longer than ``most`` is a piece
    (b"a .\nbb .\nccc .\n", 1, [b"a .\n", b"bb .\n", b"ccc .\n"]),
    (b"", 4, []),
])
def test_n_triples_are_cut_into_pieces_of_whole_lines(data, most, expected):
    from kg.store import pieces

    assert list(pieces(data, most)) == expected


def test_the_merged_entities_the_report_graphs_are_written_from_keep_no_mentions(tmp_path, monkeypatch):
    """Their mentions are the outlines': kept, they would keep those alive through the store stage."""
    from kg.graph import GraphBuilder

    held: list[int] = []
    real = GraphBuilder.report_ntriples

    def writing(self, x, entities, *args, **kwargs):
        held.append(sum(len(e.mentions) for e in entities.values()))
        assert x.entities and all(e.mentions for e in x.entities)  # the report's own entities keep theirs
        return real(self, x, entities, *args, **kwargs)

    monkeypatch.setattr(GraphBuilder, "report_ntriples", writing)
    build([corpus(tmp_path / "in", 3)], out_dir=tmp_path / "out", exports=False, jobs=1)
    assert held == [0, 0, 0]


def test_no_triple_of_a_graph_of_tallies_is_stated_in_another_graph(tmp_path, monkeypatch):
    # the writer patches them (kg.store_writer.StoreWriter.patch): it takes out and puts in their lines alone,
    # in the graph and the default graph, and counts them so
    from bench_support import load_benchmark

    from kg.summaries import RANKS, summary_graph

    load_benchmark("synthetic_reports").write_reports(tmp_path / "in", 60)
    counted: list[int] = []
    monkeypatch.setattr(storing, "triples", lambda store: counted.append(1) or triples(store))
    result = build([tmp_path / "in"], out_dir=tmp_path / "out", exports=False)
    store = open_store(tmp_path / "out")
    tallies = summary_graph(0).removesuffix("00")
    stated_elsewhere = f"""SELECT (COUNT(*) AS ?n) WHERE {{
        GRAPH ?tallies {{ ?s ?p ?o }} GRAPH ?other {{ ?s ?p ?o }}
        FILTER(STRSTARTS(STR(?tallies), '{tallies}') && ?tallies != <{summary_graph(RANKS)}>
               && ?other != ?tallies) }}"""
    found = store.query(stated_elsewhere)
    in_tallies = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), '{tallies}')) }}"
    assert int(next(iter(store.query(in_tallies)))["n"].value) > 200  # pairs, years, meetings, places, countries
    assert int(next(iter(found))["n"].value) == 0
    assert counted == [] and result.summary.triples == triples(store)


def test_a_kept_extraction_lost_after_its_task_was_made_is_made_again_from_the_text(tmp_path):
    from kg.jobs import Input, Planned, Work
    from kg.model import Report
    from kg.pipeline import extract

    told = Report("a.txt", "Foreign Minister Yerlan Karin met the Ambassador of Japan Kenji Sato.", "en",
                  source_path="in/a.txt")
    texts, extractions = cache.TextStore(tmp_path), cache.ExtractionCache(tmp_path)
    texts.put(told.text)
    extractions.put("key", extract(told, extractors=["rules"]))
    texts.save()
    texts.forget()
    digest = cache.text_digest(told.text)
    work = Work([Input(replace(told, text=""), "key", digest)],
                partial(extract, extractors=["rules"]), extractions, {}, texts,
                [Planned(0, told.key, "urn:graph", extractions.index.get("key"), "signature", "key", digest)])
    task = work.graph_task(0)
    assert task.kept is not None and task.text is None
    assert texts._index is None  # the texts' index is not read for a kept extraction
    for segment in (tmp_path / cache.EXTRACTIONS).glob("*.segment"):
        segment.write_bytes(b"")  # lost since
    assert work.whole_of(task).report == told and work.whole_of(task).meetings


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rebuild_takes_the_lexicon_its_first_build_pickled_and_writes_the_same_graphs(tmp_path, monkeypatch, jobs):
    """With two processes the new report is extracted in one forked after the lexicon was read back."""
    from kg import lexicon

    reports = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    lexicon.load_lexicon.cache_clear()
    build([reports], out_dir=out, exports=False, jobs=jobs)
    assert (out / cache.CACHE_NAME / cache.LEXICON_FILE).is_file()
    corpus(reports, 1, start=3)
    lexicon.load_lexicon.cache_clear()
    monkeypatch.setattr(lexicon, "_GIVEN", {})
    monkeypatch.setattr(lexicon, "_load_lexicon", lambda onto: pytest.fail(f"{onto}: loaded from the files"))
    assert build([reports], out_dir=out, exports=False, jobs=jobs).extracted == 1
    monkeypatch.undo()
    lexicon.load_lexicon.cache_clear()
    build([reports], out_dir=tmp_path / "fresh", exports=False, jobs=1)
    assert stored(out) == stored(tmp_path / "fresh")


def test_the_store_stage_writes_the_report_graphs_before_it_asks_for_the_tallies(tmp_path, monkeypatch):
    """The tallies counted apart are waited for once the report graphs and descriptions are written, not before."""
    from kg.graph import VOCABULARY_GRAPH_IRI
    from kg.namespaces import RESOURCE
    from kg.summaries import SUMMARY_GRAPHS

    log: list[str] = []
    result, put, patch = resolution.Counting.result, store_writer.StoreWriter.put, store_writer.StoreWriter.patch
    monkeypatch.setattr(resolution.Counting, "result", lambda self: (log.append("asked"), result(self))[1])
    monkeypatch.setattr(store_writer.StoreWriter, "put",
                        lambda self, graph, *a, **k: (log.append(graph), put(self, graph, *a, **k))[1])
    monkeypatch.setattr(store_writer.StoreWriter, "patch",
                        lambda self, graph, *a, **k: (log.append(graph), patch(self, graph, *a, **k))[1])
    build([corpus(tmp_path / "in", 3)], out_dir=tmp_path / "out", exports=False)
    asked = log.index("asked")
    reports = [n for n, graph in enumerate(log) if graph.startswith(f"{RESOURCE}graph/")
               and "/" not in graph[len(f"{RESOURCE}graph/"):] and graph != VOCABULARY_GRAPH_IRI]
    counted = [n for n, graph in enumerate(log) if SUMMARY_GRAPHS in graph and not graph.endswith("/reports")]
    assert log.count("asked") == 1 and len(reports) == 3 and counted
    assert max(reports) < asked < min(counted)
