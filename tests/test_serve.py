"""The read-only SPARQL endpoint, asked by real clients (SPARQLWrapper, urllib) over loopback."""

import csv
import io
import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from rdflib import Graph
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.query import load_store, triples
from kg.serve import negotiate, running

PREFIX = "PREFIX dip: <https://w3id.org/dipkg/ontology#>\n"
COUNTRIES = PREFIX + "SELECT ?code WHERE { ?c a dip:Country ; dip:countryCode ?code } ORDER BY ?code"
SEED_CODES = ["BE", "DE", "FR", "JP", "KZ", "NL", "PT", "US"]


@pytest.fixture(scope="module")
def graph_file(seed_files) -> Path:
    return seed_files["trig"]


@pytest.fixture(scope="module")
def server(graph_file):
    store = load_store(graph_file)
    with running(store) as srv:
        srv.store_size = len(store)
        srv.triples = triples(store)
        yield srv


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8")


def test_serves_the_whole_graph_once(server, seeds_build):
    assert server.triples == len(seeds_build.graph)


def test_listens_on_loopback_only(server):
    assert server.server_address[0] == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize(("method", "request_method"), [("GET", None), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparqlwrapper_select_json(server, method, request_method):
    client = SPARQLWrapper(server.url)
    client.setQuery(COUNTRIES)
    client.setReturnFormat(JSON)
    client.setMethod(method)
    if request_method:
        client.setRequestMethod(request_method)
    data = client.query().convert()
    assert [b["code"]["value"] for b in data["results"]["bindings"]] == SEED_CODES


def test_sparqlwrapper_xml_ask_and_construct(server):
    client = SPARQLWrapper(server.url)
    client.setQuery(COUNTRIES)
    client.setReturnFormat(XML)
    doc = client.query().convert()
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == SEED_CODES

    client = SPARQLWrapper(server.url)
    client.setQuery(PREFIX + 'ASK { ?c dip:countryCode "KZ" }')
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True

    client = SPARQLWrapper(server.url)
    client.setQuery(PREFIX + "CONSTRUCT { ?c dip:countryCode ?code } WHERE { ?c dip:countryCode ?code }")
    client.setReturnFormat(TURTLE)
    g = Graph().parse(data=client.query().convert(), format="turtle")
    assert sorted(str(o) for o in g.objects()) == SEED_CODES


def test_sparqlwrapper_bad_query_is_400(server):
    client = SPARQLWrapper(server.url)
    client.setQuery("SELECT ?x WHERE { ?x")
    with pytest.raises(QueryBadFormed):
        client.query()


@pytest.mark.parametrize(("accept", "content_type"), [
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("", "application/sparql-results+json"),
    ("text/csv;q=0.2, application/sparql-results+json;q=0.9", "application/sparql-results+json"),
])
def test_select_content_negotiation(server, accept, content_type):
    status, ctype, body = fetch(server.url + "?" + urlencode({"query": COUNTRIES}), headers={"Accept": accept})
    assert status == 200 and ctype.startswith(content_type)
    if content_type == "text/csv":
        assert [r["code"] for r in csv.DictReader(io.StringIO(body))] == SEED_CODES
    if content_type == "text/tab-separated-values":
        assert body.splitlines()[0] == "?code" and body.splitlines()[1] == '"BE"'


@pytest.mark.parametrize(("accept", "content_type"), [
    ("text/turtle", "text/turtle"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/ld+json", "application/ld+json"),
])
def test_construct_content_negotiation(server, accept, content_type):
    query = PREFIX + "CONSTRUCT { ?c dip:countryCode ?code } WHERE { ?c dip:countryCode ?code }"
    status, ctype, body = fetch(server.url, data=query.encode("utf-8"),
                                headers={"Content-Type": "application/sparql-query", "Accept": accept})
    assert status == 200 and ctype.startswith(content_type)
    assert len(list(ox.parse(body.encode("utf-8"), format=ox.RdfFormat.from_media_type(content_type)))) == len(
        SEED_CODES)


def test_post_form_and_format_parameter(server):
    status, ctype, body = fetch(server.url, data=urlencode({"query": COUNTRIES, "format": "csv"}).encode(),
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and ctype.startswith("text/csv")
    assert body.split() == ["code", *SEED_CODES]


def test_dataset_from_protocol_parameters(server, seeds_build):
    report_graphs = [str(c.identifier) for c in seeds_build.dataset.graphs() if "/graph/" in str(c.identifier)
                     and "vocabulary" not in str(c.identifier)]
    one = sorted(report_graphs)[0]
    query = PREFIX + "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a dip:Report }"
    _, _, body = fetch(server.url + "?" + urlencode({"query": query, "default-graph-uri": one}),
                       headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1"
    _, _, body = fetch(server.url + "?" + urlencode({"query": query}), headers={"Accept": "application/json"})
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"


@pytest.mark.parametrize(("data", "headers", "method"), [
    (urlencode({"update": "DELETE WHERE { ?s ?p ?o }"}).encode(), {"Content-Type": "application/x-www-form-urlencoded"},
     "POST"),
    (b"DELETE WHERE { ?s ?p ?o }", {"Content-Type": "application/sparql-update"}, "POST"),
    (b"<http://a> <http://b> <http://c> .", {"Content-Type": "application/n-triples"}, "PUT"),
    (None, {}, "DELETE"),
])
def test_updates_are_refused(server, data, headers, method):
    status, _, body = fetch(server.url, data=data, headers=headers, method=method)
    assert status == 403 and "read-only" in body
    _, _, body = fetch(server.url + "?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}),
                       headers={"Accept": "text/csv"})
    assert int(body.split()[1]) == server.triples
    assert len(server.store) == server.store_size


def test_sparqlwrapper_update_is_refused(server):
    client = SPARQLWrapper(server.url)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://a> <http://b> <http://c> }")
    with pytest.raises(Exception, match="403"):
        client.query()
    assert len(server.store) == server.store_size


@pytest.mark.parametrize(("url_suffix", "status"), [("?query=", 400), ("?query=a&query=b", 400),
                                                   ("/../other?query=ASK{}", 404), ("/../assets/x.js", 404)])
def test_malformed_requests(server, url_suffix, status):
    code, ctype, body = fetch(server.url + url_suffix)
    assert code == status and ctype.startswith("text/plain") and body.strip()


def test_query_that_is_an_update_is_a_bad_request(server):
    status, _, _ = fetch(server.url, data=urlencode({"query": "DELETE WHERE { ?s ?p ?o }"}).encode(),
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400


def test_cors_preflight_for_browser_clients(server):
    status, _, _ = fetch(server.url, method="OPTIONS",
                         headers={"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST"})
    assert status == 204


@pytest.mark.parametrize(("accept", "chosen"), [
    ("", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("text/csv;q=0.1, */*;q=0.9", "application/sparql-results+json"),
    ("application/sparql-results+xml, application/sparql-results+json", "application/sparql-results+xml"),
    ("image/png", "application/sparql-results+json"),
])
def test_negotiate(accept, chosen):
    from kg.serve import RESULT_TYPES

    assert negotiate(accept, RESULT_TYPES) == chosen


@pytest.mark.parametrize(("stop", "kept"), [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGINT, True),
                                            (signal.SIGTERM, True)])
def test_kg_serve_command_answers_and_stops_leaving_no_copy_of_the_graph(graph_file, tmp_path, stop, kept):
    # ``kept``: the client keeps its connection open (HTTP/1.1 keep-alive, as a browser does): the server stops
    # without waiting for the connection's next request (its handler threads are daemons, which it does not join)
    import http.client

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    # Ctrl-C's SIGINT as a terminal sends it: a runner started in the background (``cmd &`` in a script) passes
    # its children SIGINT ignored, which Python then leaves ignored
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--graph", str(graph_file), "--port", "0",
                             "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(temporary)},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    connection = None
    try:
        line = proc.stdout.readline()
        url = line.split(" at ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        if kept:
            host, _, rest = url.removeprefix("http://").partition("/")
            connection = http.client.HTTPConnection(host, timeout=10)
            query = "/" + rest + "?" + urlencode({"query": COUNTRIES})
            connection.request("GET", query, headers={"Accept": "text/csv"})
            response = connection.getresponse()
            status, body = response.status, response.read().decode("utf-8")
        else:
            status, _, body = fetch(url + "?" + urlencode({"query": COUNTRIES}), headers={"Accept": "text/csv"})
        assert status == 200 and body.split() == ["code", *SEED_CODES]
        assert [p.name for p in temporary.glob("*/graph.nq")] == ["graph.nq"]  # the workers' copy of the graph
    finally:
        proc.send_signal(stop)
        code = proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
        if connection is not None:
            connection.close()
    assert code == 0
    assert not list(temporary.iterdir())


def test_serving_a_build_folder_opens_its_store_in_each_worker_without_a_copy(tmp_path):
    from kg.pipeline import build
    from kg.store import database, open_store

    out = tmp_path / "out"
    build([Path(__file__).resolve().parent.parent / "seeds"], out_dir=out, exports=False)
    with running(open_store(out), database=database(out)) as srv:
        assert not list(Path(srv.folder.name).iterdir())  # nothing dumped for the workers
        status, _, body = fetch(srv.url + "?" + urlencode({"query": COUNTRIES}), headers={"Accept": "text/csv"})
    assert status == 200 and body.split()[1:] == SEED_CODES
