"""The endpoint against hostile queries and malformed requests: each gets a status, none stops it."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import quote, urlencode

import pytest

from kg.query import load_store
from kg.serve import Settings, running
from kg.sparql_limits import Limits, QueryRefused, check

NORMAL = "PREFIX dip: <https://w3id.org/dipkg/ontology#> SELECT ?code { ?c dip:countryCode ?code } ORDER BY ?code"
DEEP = "ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
FILTERS = "ASK { " + " ".join("FILTER(1)" for _ in range(10_000)) + " }"
FEW_FILTERS = "ASK { " + " ".join("FILTER(1)" for _ in range(1_500)) + " }"
BINDS = "SELECT * { " + " ".join(f"BIND({n} AS ?v{n})" for n in range(3_000)) + " }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ALL_ROWS = "SELECT * { ?s ?p ?o }"


HITS: list[str] = []


class Recorder(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        HITS.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def bystander():
    """A web server on loopback that a SERVICE query would make the endpoint call."""
    server = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server(seed_files):
    with running(load_store(seed_files["trig"]), settings=Settings(timeout=1.5, max_rows=5)) as srv:
        yield srv


def ask(server, query: str, *, accept: str = "text/csv", timeout: float = 20) -> tuple[int, str]:
    request = urllib.request.Request(server.url, data=urlencode({"query": query}).encode(),
                                     headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def raw(server, request: bytes) -> bytes:
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


@pytest.mark.parametrize(("query", "status", "says"), [
    (DEEP, 400, "nests brackets"),
    (FILTERS, 400, "characters long"),
    (FEW_FILTERS, 400, "operators"),
    (BINDS, 400, "operators"),
    ("SELECT * { SERVICE <{bystander}> { ?s ?p ?o } }", 403, "SERVICE"),
    ("SELECT * { SERVICE SILENT <{bystander}> { ?s ?p ?o } }", 403, "SERVICE"),
    ("SELECT * { \\u0053ERVICE <{bystander}> { ?s ?p ?o } }", 403, "SERVICE"),
    ("SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }", 403, "SERVICE"),
    ("LOAD <{bystander}>", 400, "update"),
    (CARTESIAN, 503, "longer than"),
])
def test_hostile_query_is_refused_and_the_server_still_answers(server, bystander, query, status, says):
    HITS.clear()
    code, body = ask(server, query.replace("{bystander}", bystander))
    assert (code, says in body) == (status, True), body
    assert len(body.strip().splitlines()) == 1
    started = time.monotonic()
    code, body = ask(server, NORMAL)
    assert code == 200 and body.splitlines()[0] == "code"
    assert time.monotonic() - started < 1.0
    assert HITS == []


def test_after_every_hostile_query_a_normal_one_is_answered_within_a_second(server, bystander):
    for query in (DEEP, FILTERS, f"SELECT * {{ SERVICE <{bystander}> {{ ?s ?p ?o }} }}", CARTESIAN):
        ask(server, query)
    started = time.monotonic()
    code, _ = ask(server, NORMAL)
    assert code == 200 and time.monotonic() - started < 1.0


@pytest.mark.parametrize("accept", ["text/csv", "application/sparql-results+json",
                                    "application/sparql-results+xml", "text/tab-separated-values"])
def test_answers_stop_at_max_rows(server, accept):
    code, body = ask(server, ALL_ROWS, accept=accept)
    assert code == 200
    rows = {"text/csv": body.count("\r\n") - 1, "text/tab-separated-values": body.count("\n") - 1,
            "application/sparql-results+json": body.count('"s":'),
            "application/sparql-results+xml": body.count("<result>")}[accept]
    assert rows == 5


def test_a_large_answer_is_streamed(seed_files):
    with running(load_store(seed_files["trig"]), settings=Settings(max_rows=1_000_000)) as srv:
        query = "SELECT * { ?s ?p ?o . ?a ?b ?c } LIMIT 20000"
        request = urllib.request.Request(srv.url + "?" + urlencode({"query": query}), headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers.get("Transfer-Encoding") == "chunked"
            assert response.read().decode("utf-8").count("\r\n") == 20_001


@pytest.mark.parametrize(("request_bytes", "status"), [
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", b"400"),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", b"400"),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 99\r\n\r\nquery=ASK", b"400"),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 6\r\n\r\n"
     b"ASK\xff{}", b"400"),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
     b"Content-Length: 11\r\n\r\nquery=%ff%fe", b"400"),
    (b"GET /sparql?query=" + quote("ASK {}").encode() + b"%ff HTTP/1.1\r\nHost: x\r\n\r\n", b"400"),
    (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n", b"413"),
])
def test_every_request_gets_a_status(server, request_bytes, status):
    answer = raw(server, request_bytes)
    assert answer.startswith(b"HTTP/1.1 " + status), answer[:200]


@pytest.mark.parametrize(("query", "ok"), [
    ('SELECT * { ?s ?p "SERVICE (((((" } # SERVICE LOAD', True),
    ("SELECT ?load ?copy { ?load <http://example.org/add> ?copy }", True),
    ("SELECT * { SERVICE <http://allowed.example/sparql> { ?s ?p ?o } }", True),
    ("SELECT * { SERVICE <http://other.example/sparql> { ?s ?p ?o } }", False),
    ("SELECT * { " + "{" * 65 + "}" * 65 + " }", False),
    ("CLEAR ALL", False),
])
def test_limits_scanner(query, ok):
    try:
        check(query, Limits(allow_service=("http://allowed.example/",)))
        refused = False
    except QueryRefused:
        refused = True
    assert refused is not ok


@pytest.mark.parametrize("query", [DEEP, FILTERS, BINDS, "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"])
def test_kg_query_refuses_in_one_line(seed_files, query):
    done = subprocess.run([sys.executable, "-m", "kg", "query", query, "--graph", str(seed_files["ttl"])],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "query refused" in done.stderr


def test_kg_query_on_a_fifo_is_an_error(tmp_path):
    import os

    fifo = tmp_path / "graph.ttl"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "kg", "query", "SELECT * { ?s ?p ?o }", "--graph", str(fifo)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "not a regular file" in done.stderr
