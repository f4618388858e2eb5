"""kg push against a real Oxigraph server (the ``oxigraph`` package's command) on a loopback port."""

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import DipkgError
from kg.push import graph_digest, push, push_incremental, target_url

GRAPH = "https://example.org/dipkg/seeds"


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def count(base: str, graph: str | None = None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    url = f"{base}/query?" + urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=10) as r:
        return int(r.read().decode().split()[1])


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server command is not installed (pip install oxigraph, in the dev extras)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                count(base)
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph server did not start: {proc.stderr.read().decode()[:300]}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()


@pytest.fixture(scope="module")
def graph_files(seed_files) -> dict[str, Path]:
    return seed_files


def test_push_default_graph_then_query_back(oxigraph_server, graph_files, seeds_build):
    result = push(graph_files["ttl"], f"{oxigraph_server}/store")
    assert result.method == "PUT" and result.status in (200, 201, 204)
    assert result.triples == len(seeds_build.graph) == count(oxigraph_server)


def test_push_named_graph_from_trig(oxigraph_server, graph_files, seeds_build):
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store", "--graph-name", GRAPH,
                                       "--graph", str(graph_files["trig"])])
    assert result.exit_code == 0, result.output
    assert count(oxigraph_server, GRAPH) == len(seeds_build.graph)
    assert f"{len(seeds_build.graph)} triples" in result.output


def test_put_replaces_and_append_adds(oxigraph_server, graph_files, tmp_path):
    small = tmp_path / "small.nt"
    small.write_text("<https://example.org/a> <https://example.org/b> \"c\" .\n", encoding="utf-8")
    target = GRAPH + "/replace"
    push(graph_files["ttl"], f"{oxigraph_server}/store", graph_name=target)
    push(small, f"{oxigraph_server}/store", graph_name=target)
    assert count(oxigraph_server, target) == 1
    other = tmp_path / "other.nt"
    other.write_text("<https://example.org/a> <https://example.org/b> \"d\" .\n", encoding="utf-8")
    push(other, f"{oxigraph_server}/store", graph_name=target, replace=False)
    assert count(oxigraph_server, target) == 2


@pytest.mark.parametrize(("endpoint", "message"), [
    ("/nowhere", "answered 404"),
    ("ftp://example.org/store", "not an http"),
])
def test_push_errors_are_one_line(oxigraph_server, graph_files, endpoint, message):
    url = oxigraph_server + endpoint if endpoint.startswith("/") else endpoint
    with pytest.raises(DipkgError, match=message) as err:
        push(graph_files["ttl"], url)
    assert "\n" not in str(err.value)


def test_push_to_a_closed_port(graph_files):
    with pytest.raises(DipkgError, match="cannot reach the store"):
        push(graph_files["ttl"], f"http://127.0.0.1:{free_port()}/store", timeout=5)


@pytest.mark.parametrize(("endpoint", "graph", "url"), [
    ("http://localhost:7878/store", None, "http://localhost:7878/store?default"),
    ("http://localhost:7878/store", "https://ex.org/g?x=1", "http://localhost:7878/store?graph=https%3A%2F%2Fex.org%2Fg%3Fx%3D1"),
    ("http://u:p@host/ds/data?a=b", "urn:x", "http://host/ds/data?a=b&graph=urn%3Ax"),
])
def test_target_url(endpoint, graph, url):
    assert target_url(endpoint, graph) == url


def test_bad_graph_name():
    with pytest.raises(DipkgError, match="not an IRI"):
        target_url("http://localhost:7878/store", "not an iri")


def graph_counts(base: str) -> dict[str, int]:
    """Triples per named graph of the server's store."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    url = f"{base}/query?" + urlencode({"query": query})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=10) as r:
        lines = r.read().decode().strip().splitlines()[1:]
    return {g: int(n) for g, n in (line.split(",") for line in lines)}


def file_counts(path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    return counts


def test_incremental_push_sends_only_the_changed_report_graphs(oxigraph_server, graph_files, tmp_path):
    endpoint = f"{oxigraph_server}/store"
    trig = tmp_path / "diplomacy.trig"
    trig.write_bytes(graph_files["trig"].read_bytes())
    first = push_incremental(trig, endpoint)
    expected = file_counts(trig)
    assert len(expected) >= 3, "the seeds give a graph per report and the vocabulary"
    assert (first.sent, first.unchanged, first.removed) == (len(expected), 0, 0)
    assert first.manifest == trig.with_name("diplomacy.trig.pushed.json") and first.manifest.is_file()
    assert {g: n for g, n in graph_counts(oxigraph_server).items() if g in expected} == expected

    again = push_incremental(trig, endpoint)
    assert (again.sent, again.unchanged, again.removed, again.triples) == (0, len(expected), 0, 0)

    # A rebuild: one report's graph changes, one report is gone.
    reports = sorted(g for g in expected if "/graph/" in g and not g.endswith("/vocabulary"))
    changed, gone = reports[0], reports[1]
    dataset = ox.Dataset(q for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG)
                         if q.graph_name != ox.NamedNode(gone))
    dataset.add(ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/y"),
                        ox.Literal("z"), ox.NamedNode(changed)))
    trig.write_bytes(ox.serialize(dataset, format=ox.RdfFormat.TRIG))
    third = push_incremental(trig, endpoint)
    assert (third.sent, third.unchanged, third.removed) == (1, len(expected) - 2, 1)
    after = graph_counts(oxigraph_server)
    assert after[changed] == expected[changed] + 1
    assert gone not in after


def test_incremental_push_keeps_one_manifest_entry_per_store(oxigraph_server, graph_files, tmp_path):
    trig = tmp_path / "diplomacy.trig"
    trig.write_bytes(graph_files["trig"].read_bytes())
    push_incremental(trig, f"{oxigraph_server}/store")
    manifest = json.loads(trig.with_name("diplomacy.trig.pushed.json").read_text(encoding="utf-8"))
    assert list(manifest["stores"]) == [f"{oxigraph_server}/store"]
    # A store the manifest does not know gets every graph.
    with pytest.raises(DipkgError, match="cannot reach the store"):
        push_incremental(trig, f"http://127.0.0.1:{free_port()}/store", timeout=5)
    manifest = json.loads(trig.with_name("diplomacy.trig.pushed.json").read_text(encoding="utf-8"))
    assert manifest["stores"][f"{oxigraph_server}/store"] and len(manifest["stores"]) == 2


def test_incremental_push_from_the_cli(oxigraph_server, graph_files, tmp_path):
    trig = tmp_path / "diplomacy.trig"
    trig.write_bytes(graph_files["trig"].read_bytes())
    args = ["push", "--endpoint", f"{oxigraph_server}/store", "--incremental", "--graph", str(trig)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(main, args)
    assert " 0 graphs sent (0 triples)" in second.output and " 0 removed" in second.output


@pytest.mark.parametrize(("extra", "message"), [
    (["--graph-name", GRAPH], "neither --graph-name nor --append"),
    (["--append"], "neither --graph-name nor --append"),
])
def test_incremental_push_refuses_single_graph_options(extra, message):
    result = CliRunner().invoke(main, ["push", "--endpoint", "http://127.0.0.1:1/store", "--incremental", *extra])
    assert result.exit_code != 0 and message in result.output


def test_incremental_push_needs_named_graphs(graph_files):
    with pytest.raises(DipkgError, match="needs a TriG or N-Quads file"):
        push_incremental(graph_files["ttl"], "http://127.0.0.1:1/store")


@pytest.mark.parametrize(("a", "b", "same"), [
    (b"<a> <b> <c> .\n<a> <b> <d> .\n", b"<a> <b> <d> .\n<a> <b> <c> .\n", True),
    (b"_:x1 <b> <c> .\n", b"_:y2 <b> <c> .\n", True),
    (b"<a> <b> <c> .\n", b"<a> <b> <e> .\n", False),
])
def test_graph_digest_ignores_order_and_blank_labels(a, b, same):
    assert (graph_digest(a) == graph_digest(b)) is same
