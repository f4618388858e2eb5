"""A read-only SPARQL 1.1 Protocol endpoint over one graph file, on the loopback interface.

Queries arrive as ``GET /sparql?query=...``, as a form-encoded ``POST`` (``query=...``) or as a
``POST`` with ``Content-Type: application/sparql-query``; ``default-graph-uri`` and
``named-graph-uri`` select the dataset. Updates are refused with 403. Results are negotiated from
the ``Accept`` header (or a ``format`` parameter, as YASGUI and SPARQLWrapper send): SPARQL JSON,
XML, CSV or TSV for SELECT and ASK; Turtle, N-Triples, RDF/XML or JSON-LD for CONSTRUCT and DESCRIBE
(``format=xml`` is RDF/XML there). ``GET /`` is a query page and ``GET /sparql`` without a query the
service description (``kg.serve_page``). CORS lets a page of any origin query it with the headers
browser clients send. The engine runs in worker processes (``kg.engine``), each with its own copy of
the graph.

Nothing a client sends can stop the server: a query is first checked by ``kg.sparql_limits``
(its length, bracket depth and number of operators; no ``SERVICE`` unless allowed, no updates),
then runs with a time limit (503 when it is exceeded, or when the client goes) and a row limit;
every request gets a status, a bad ``Content-Length`` or a body that is not UTF-8 a 400.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg import serve_page
from kg.engine import Engine, EngineError, Request
from kg.query import triples
from kg.sparql_limits import Limits, QueryRefused, check

HOST = "127.0.0.1"
PATH = "/sparql"
MAX_BODY = 10 * 1024 * 1024
SMALL_ANSWER = 256 * 1024
REQUEST_TIMEOUT = 60
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
# A ``format`` (or ``output``) parameter, as YASGUI and SPARQLWrapper send it, names a results type
# for SELECT and ASK and a graph type for CONSTRUCT and DESCRIBE; None leaves that kind to ``Accept``.
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None), "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"), "ttl": (None, "text/turtle"), "n3": (None, "text/turtle"),
    "nt": (None, "application/n-triples"), "ntriples": (None, "application/n-triples"),
    "rdfxml": (None, "application/rdf+xml"), "rdf": (None, "application/rdf+xml"),
    "jsonld": (None, "application/ld+json"), "json-ld": (None, "application/ld+json"),
}
# Headers a browser client may send (CORS); a preflight asking for others within reason gets those.
ALLOWED_HEADERS = "Accept, Accept-Language, Authorization, Cache-Control, Content-Type, X-Requested-With"
HEADER_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$")
MAX_ASKED_HEADERS = 32


@dataclass(frozen=True)
class Settings:
    """The endpoint's limits: seconds per query, rows per answer, worker processes, query text limits."""

    timeout: float = 30.0
    max_rows: int = 100_000
    workers: int = 2
    limits: Limits = field(default_factory=Limits)


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


def allowed_headers(asked: str | None) -> str:
    """The ``Access-Control-Allow-Headers`` answer: the usual ones, and those a preflight asks for when
    they are plain header names and not too many."""
    names = [n.strip() for n in (asked or "").split(",") if n.strip()]
    if not names or len(names) > MAX_ASKED_HEADERS or not all(HEADER_NAME.match(n) for n in names):
        return ALLOWED_HEADERS
    usual = [h.strip() for h in ALLOWED_HEADERS.split(",")]
    extra = [n for n in names if n.lower() not in {h.lower() for h in usual}]
    return ", ".join([*usual, *extra])


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    timeout = REQUEST_TIMEOUT

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")

    def do_OPTIONS(self) -> None:
        """A CORS preflight: the methods, and the headers asked for when they are plain header names."""
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        asked = self.headers.get("Access-Control-Request-Headers")
        self.send_header("Access-Control-Allow-Headers", allowed_headers(asked))
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._answer(body=None)

    def do_POST(self) -> None:
        header = (self.headers.get("Content-Length") or "0").strip()
        if not header.isdigit():
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, f"bad Content-Length {header[:40]!r}")
            return
        length = int(header)
        if length > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request body too large")
            return
        try:
            body = self.rfile.read(length) if length else b""
        except TimeoutError:
            body = b""
        if len(body) < length:
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, f"the body is shorter than its Content-Length ({length})")
            return
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
            if body is None and url.path.startswith(serve_page.ASSET_PATH):
                self._asset(url.path[len(serve_page.ASSET_PATH):])
                return
            if url.path.rstrip("/") not in (PATH, ""):
                raise ProtocolError(HTTPStatus.NOT_FOUND, f"no such resource; the endpoint is {PATH}")
            params = parse_qs(url.query, keep_blank_values=True, errors="strict")
            if body is None and not {"query", "update"} & params.keys():
                self._describe(page=url.path.rstrip("/") == "")
                return
            query = self._query(params, body)
            result_type, graph_type = self._accept(params)
            answer = self.server.start(query, params, result_type, graph_type, self.connection)
            content_type = answer.start()
        except ProtocolError as exc:
            self._error(exc.status, str(exc))
            return
        except EngineError as exc:
            self._error(exc.status, str(exc))
            return
        except UnicodeDecodeError:
            self._error(HTTPStatus.BAD_REQUEST, "the request is not UTF-8 text")
            return
        self._stream(answer, content_type)

    def _stream(self, answer, content_type: str) -> None:
        """Send the answer: with a length when it is small, in chunks as it comes when it is not."""
        pieces = answer.chunks()
        head: list[bytes] = []
        size = 0
        try:
            for piece in pieces:
                head.append(piece)
                size += len(piece)
                if size > SMALL_ANSWER:
                    break
        except EngineError as exc:
            self._error(exc.status, str(exc))
            return
        self.send_response(HTTPStatus.OK)
        self._cors()
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Vary", "Accept")
        self.send_header("X-Max-Rows", str(self.server.settings.max_rows))
        if answer.done:
            payload = b"".join(head)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            try:
                self.wfile.write(payload)
            except OSError:
                self.close_connection = True
                return
            self._note_truncated(answer)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for piece in head:
                self._chunk(piece)
            for piece in pieces:
                self._chunk(piece)
            self.wfile.write(b"0\r\n\r\n")
            self._note_truncated(answer)
        except (EngineError, OSError) as exc:
            answer.abandon()
            self.close_connection = True
            self.log_message("answer cut: %s", exc)

    def _chunk(self, piece: bytes) -> None:
        self.wfile.write(f"{len(piece):x}\r\n".encode("ascii") + piece + b"\r\n")

    def _note_truncated(self, answer) -> None:
        if answer.truncated:
            self.log_message("answer cut at --max-rows %d rows", self.server.settings.max_rows)

    def _query(self, params: dict[str, list[str]], body: bytes | None) -> str:
        if body is not None:
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                raise ProtocolError(HTTPStatus.FORBIDDEN, "updates are refused: this SPARQL endpoint is read-only")
            if ctype == "application/sparql-query":
                return body.decode("utf-8")
            if ctype == "application/x-www-form-urlencoded":
                for key, values in parse_qs(body.decode("utf-8"), keep_blank_values=True,
                                            errors="strict").items():
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

    def _accept(self, params: dict[str, list[str]]) -> tuple[str, str]:
        """The media types of a results answer and of a graph answer: a ``format`` parameter's where it
        names one of that kind, else the one the ``Accept`` header prefers."""
        result_type = graph_type = None
        for key in ("format", "output"):
            for value in params.get(key, []):
                value = value.strip().lower()
                if value in FORMAT_NAMES:
                    result_type, graph_type = (result_type or FORMAT_NAMES[value][0],
                                               graph_type or FORMAT_NAMES[value][1])
                elif value in RESULT_TYPES:
                    result_type = result_type or value
                elif value in GRAPH_TYPES:
                    graph_type = graph_type or value
        accept = self.headers.get("Accept") or ""
        return result_type or negotiate(accept, RESULT_TYPES), graph_type or negotiate(accept, GRAPH_TYPES)

    def _asset(self, name: str) -> None:
        found = serve_page.asset(name)
        if found is None:
            self._error(HTTPStatus.NOT_FOUND, "no such asset")
            return
        self._send(found.body, found.content_type, cache=True)

    def _describe(self, *, page: bool) -> None:
        """``/``: the query page; ``/sparql``: the service description, or the page for a browser."""
        offers: dict[str, object] = {**GRAPH_TYPES, serve_page.PAGE_TYPE: None}
        chosen = negotiate(self.headers.get("Accept") or "", offers)
        if page or chosen == serve_page.PAGE_TYPE:
            self._send(self.server.page, serve_page.PAGE_TYPE, csp=True)
            return
        self._send(serve_page.describe(self.server.description, chosen), chosen)

    def _send(self, payload: bytes, content_type: str, *, cache: bool = False, csp: bool = False) -> None:
        self.send_response(HTTPStatus.OK)
        self._cors()
        charset = "" if content_type.startswith("image/") else "; charset=utf-8"
        self.send_header("Content-Type", content_type + charset)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        if cache:
            self.send_header("Cache-Control", "max-age=3600")
        if csp:
            self.send_header("Content-Security-Policy", serve_page.CSP)
            self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        try:
            self.wfile.write(payload)
        except OSError:
            self.close_connection = True

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "X-Max-Rows")

    def _error(self, status: HTTPStatus, message: str) -> None:
        payload = (message + "\n").encode("utf-8")
        self.send_response(status)
        self._cors()
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``url`` is the endpoint's address. ``close()`` stops its query workers."""

    daemon_threads = True

    def __init__(self, store: ox.Store, *, port: int = 0, log: Callable[[str], None] | None = None,
                 settings: Settings | None = None, database: Path | None = None) -> None:
        """``database``: the on-disk store ``store`` was opened from (``kg.store.database``), which
        the query workers open themselves; an in-memory store is dumped for them instead."""
        super().__init__((HOST, port), SparqlHandler)
        self.store = store
        self.log = log
        self.settings = settings or Settings()
        self.folder = tempfile.TemporaryDirectory(prefix="dipkg-serve-")
        dump = database if database is not None else Path(self.folder.name) / "graph.nq"
        try:
            if database is None:
                store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
            self.engine = Engine(dump, workers=self.settings.workers, timeout=self.settings.timeout,
                                 max_rows=self.settings.max_rows)
            self.triples = triples(store)
            self.description = serve_page.service_description(self.url, store, self.triples)
            self.page = serve_page.page(PATH, self.triples)
        except BaseException:
            self.server_close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{PATH}"

    def server_close(self) -> None:
        super().server_close()
        engine = getattr(self, "engine", None)
        if engine is not None:
            engine.close()
        self.folder.cleanup()

    def start(self, query: str, params: dict[str, list[str]], result_type: str, graph_type: str, client=None):
        """Check the query and hand it to a worker; the returned answer is read with its deadline."""
        try:
            check(query, self.settings.limits)
        except QueryRefused as exc:
            raise ProtocolError(HTTPStatus.FORBIDDEN if exc.forbidden else HTTPStatus.BAD_REQUEST,
                                f"query refused: {exc}") from exc
        try:
            default = tuple(ox.NamedNode(iri).value for iri in params.get("default-graph-uri", []))
            named = tuple(ox.NamedNode(iri).value for iri in params.get("named-graph-uri", []))
        except ValueError as exc:
            raise ProtocolError(HTTPStatus.BAD_REQUEST, f"bad graph IRI: {exc}") from exc
        request = Request(query, default, named, result_type, graph_type)
        return self.engine.run(request, client)


@contextmanager
def running(store: ox.Store, *, port: int = 0, settings: Settings | None = None,
            database: Path | None = None) -> Iterator[SparqlServer]:
    """A server answering in a background thread, shut down on leaving the block."""
    server = SparqlServer(store, port=port, settings=settings, database=database)
    thread = threading.Thread(target=server.serve_forever, name="sparql", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
