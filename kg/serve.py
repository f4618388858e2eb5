"""A read-only SPARQL 1.1 Protocol endpoint over one graph file, on the loopback interface.

Queries arrive as ``GET /sparql?query=...``, as a form-encoded ``POST`` (``query=...``) or as a
``POST`` with ``Content-Type: application/sparql-query``; ``default-graph-uri`` and
``named-graph-uri`` select the dataset. Updates are refused with 403. Results are negotiated from
the ``Accept`` header (or a ``format`` parameter, as YASGUI and some clients send): SPARQL JSON,
XML, CSV or TSV for SELECT and ASK; Turtle, N-Triples, RDF/XML or JSON-LD for CONSTRUCT and DESCRIBE.
Oxigraph's in-memory store answers; it is shared by the request threads and never written to.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

HOST = "127.0.0.1"
PATH = "/sparql"
MAX_BODY = 10 * 1024 * 1024
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
FORMAT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
                "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json"}


class ProtocolError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str, offers: dict[str, object]) -> str:
    """The offered media type the ``Accept`` header prefers.

    Each offer takes the q-value of the most specific range that matches it (``type/sub``, then
    ``type/*``, then ``*/*``); the highest q wins, ties going to the range the client listed first,
    then to the first offer. An empty header, or one that accepts no offer, takes the first offer
    (a client asking for JSON results of a CONSTRUCT query gets Turtle rather than an error).
    """
    if not accept.strip():
        return next(iter(offers))
    ranges: list[tuple[str, float, int]] = []
    for n, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            key, _, value = p.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media:
            ranges.append((media.lower(), q, n))
    scored: list[tuple[float, int, int, str]] = []
    for index, offer in enumerate(offers):
        kind = offer.split("/")[0]
        matches = [(2 if media == offer else 1 if media == f"{kind}/*" else 0, q, n)
                   for media, q, n in ranges if media in (offer, f"{kind}/*", "*/*")]
        if not matches:
            continue
        specificity, q, n = max(matches, key=lambda m: (m[0], -m[2]))
        if q > 0:
            scored.append((-q, n if specificity else len(ranges), index, offer))
    return min(scored)[3] if scored else next(iter(offers))


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._answer(body=None)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
            return
        body = self.rfile.read(length) if length else b""
        self._answer(body=body)

    def do_PUT(self) -> None:
        self._refuse()

    def do_DELETE(self) -> None:
        self._refuse()

    def do_PATCH(self) -> None:
        self._refuse()

    def _refuse(self) -> None:
        self._error(HTTPStatus.FORBIDDEN, "this SPARQL endpoint is read-only")

    def _answer(self, *, body: bytes | None) -> None:
        try:
            url = urlsplit(self.path)
            if url.path.rstrip("/") not in (PATH, ""):
                raise ProtocolError(HTTPStatus.NOT_FOUND, f"no such resource; the endpoint is {PATH}")
            params = parse_qs(url.query, keep_blank_values=True)
            query = self._query(params, body)
            content_type, payload = self.server.execute(query, params, self._accept(params))
        except ProtocolError as exc:
            self._error(exc.status, str(exc))
            return
        self.send_response(HTTPStatus.OK)
        self._cors()
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Vary", "Accept")
        self.end_headers()
        self.wfile.write(payload)

    def _query(self, params: dict[str, list[str]], body: bytes | None) -> str:
        if body is not None:
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                raise ProtocolError(HTTPStatus.FORBIDDEN, "updates are refused: this SPARQL endpoint is read-only")
            if ctype == "application/sparql-query":
                return body.decode("utf-8")
            if ctype == "application/x-www-form-urlencoded":
                for key, values in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            elif body:
                raise ProtocolError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                                    "POST application/sparql-query or application/x-www-form-urlencoded")
        if "update" in params:
            raise ProtocolError(HTTPStatus.FORBIDDEN, "updates are refused: this SPARQL endpoint is read-only")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise ProtocolError(HTTPStatus.BAD_REQUEST, "give exactly one 'query' parameter")
        return queries[0]

    def _accept(self, params: dict[str, list[str]]) -> str:
        for key in ("format", "output"):
            for value in params.get(key, []):
                if value.lower() in FORMAT_NAMES:
                    return FORMAT_NAMES[value.lower()]
                if "/" in value:
                    return value
        return self.headers.get("Accept") or ""

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")

    def _error(self, status: HTTPStatus, message: str) -> None:
        payload = (message + "\n").encode("utf-8")
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``url`` is the endpoint's address."""

    daemon_threads = True

    def __init__(self, store: ox.Store, *, port: int = 0, log: Callable[[str], None] | None = None) -> None:
        super().__init__((HOST, port), SparqlHandler)
        self.store = store
        self.log = log

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{PATH}"

    def execute(self, query: str, params: dict[str, list[str]], accept: str) -> tuple[str, bytes]:
        try:
            default = [ox.NamedNode(iri) for iri in params.get("default-graph-uri", [])]
            named = [ox.NamedNode(iri) for iri in params.get("named-graph-uri", [])]
        except ValueError as exc:
            raise ProtocolError(HTTPStatus.BAD_REQUEST, f"bad graph IRI: {exc}") from exc
        try:
            answer = self.store.query(query, default_graph=default or None, named_graphs=named or None)
        except SyntaxError as exc:
            message = str(exc).splitlines()[0] if str(exc) else "syntax error"
            raise ProtocolError(HTTPStatus.BAD_REQUEST, f"query: {message}") from exc
        except (OSError, RuntimeError, ValueError) as exc:
            raise ProtocolError(HTTPStatus.INTERNAL_SERVER_ERROR, f"query: {exc}") from exc
        if isinstance(answer, ox.QueryTriples):
            media = negotiate(accept, GRAPH_TYPES)
            return media, answer.serialize(format=GRAPH_TYPES[media])
        media = negotiate(accept, RESULT_TYPES)
        return media, answer.serialize(format=RESULT_TYPES[media])


@contextmanager
def running(store: ox.Store, *, port: int = 0) -> Iterator[SparqlServer]:
    """A server answering in a background thread, shut down on leaving the block."""
    server = SparqlServer(store, port=port)
    thread = threading.Thread(target=server.serve_forever, name="sparql", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
