"""kg push against a real Oxigraph server (the ``oxigraph`` package's command) on a loopback port."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import DipkgError
from kg.push import push, target_url

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
