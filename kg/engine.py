"""Queries answered in worker processes that can be stopped.

Oxigraph cannot be interrupted from Python and a crash in it kills its process, so the endpoint
runs it in a few worker processes, each holding its own copy of the graph. A query gets one idle
worker; its answer comes back in pieces, so a large result is streamed and stops after
``max_rows`` rows. A query that runs past its time limit, or whose client has gone, has its
worker killed; a worker that dies is replaced.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from itertools import islice
from multiprocessing.connection import Connection, wait
from pathlib import Path

import pyoxigraph as ox

from kg.errors import DipkgError
from kg.results import MEDIA_KINDS, serialize_rows

CHUNK = 64 * 1024
POLL = 0.2
CONTEXT = mp.get_context("spawn")


class EngineError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Request:
    query: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    result_type: str
    graph_type: str


class _Pipe:
    """A binary file that sends what is written to it in pieces of about ``CHUNK`` bytes."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.buffer = bytearray()

    def write(self, data: bytes) -> int:
        self.buffer.extend(data)
        if len(self.buffer) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buffer:
            self.conn.send(("data", bytes(self.buffer)))
            self.buffer.clear()


def _worker(conn: Connection, dump: str, max_rows: int) -> None:
    if Path(dump).is_dir():  # a build's on-disk store: each worker opens it read-only, nothing is copied
        store = ox.Store.read_only(dump)
    else:
        store = ox.Store()
        store.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
    conn.send(("ready",))
    while True:
        try:
            request: Request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            _answer(store, request, conn, max_rows)
        except SyntaxError as exc:
            conn.send(("error", HTTPStatus.BAD_REQUEST, f"query: {_first_line(exc, 'syntax error')}"))
        except Exception as exc:  # the engine's evaluation errors reach the client as a 500
            conn.send(("error", HTTPStatus.INTERNAL_SERVER_ERROR, f"query: {_first_line(exc, type(exc).__name__)}"))


def _first_line(exc: BaseException, default: str) -> str:
    return str(exc).splitlines()[0] if str(exc).strip() else default


def _answer(store: ox.Store, request: Request, conn: Connection, max_rows: int) -> None:
    answer = store.query(request.query,
                         default_graph=[ox.NamedNode(i) for i in request.default_graphs] or None,
                         named_graphs=[ox.NamedNode(i) for i in request.named_graphs] or None)
    out = _Pipe(conn)
    if isinstance(answer, ox.QueryBoolean):
        conn.send(("head", request.result_type))
        out.write(answer.serialize(format=_results_format(request.result_type)))
        out.flush()
        conn.send(("end", False))
        return
    if isinstance(answer, ox.QueryTriples):
        triples = iter(answer)
        first = list(islice(triples, 1))
        conn.send(("head", request.graph_type))
        rest = list(islice(triples, max_rows)) if len(first) < max_rows else []
        ox.serialize([*first, *rest], out, format=ox.RdfFormat.from_media_type(request.graph_type))
        out.flush()
        conn.send(("end", next(triples, None) is not None))
        return
    variables = [v.value for v in answer.variables]
    solutions = iter(answer)
    first = list(islice(solutions, 1))
    conn.send(("head", request.result_type))
    truncated = False

    def rows() -> Iterator[tuple[object | None, ...]]:
        nonlocal truncated
        for n, solution in enumerate(_chain(first, solutions)):
            if n >= max_rows:
                truncated = True
                return
            yield tuple(solution[v] for v in variables)

    for piece in serialize_rows(MEDIA_KINDS[request.result_type], variables, rows()):
        out.write(piece.encode("utf-8"))
    out.flush()
    conn.send(("end", truncated))


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


def _results_format(media: str) -> ox.QueryResultsFormat:
    return ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON


class Worker:
    def __init__(self, dump: Path, max_rows: int) -> None:
        self.conn, child = CONTEXT.Pipe()
        self.process = CONTEXT.Process(target=_worker, args=(child, str(dump), max_rows), daemon=True)
        self.process.start()
        child.close()
        try:
            ready = self.conn.recv()
        except (EOFError, OSError):
            ready = None
        if ready != ("ready",):
            self.kill()
            raise DipkgError(f"{dump}: the query worker could not load the graph")

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Engine:
    """A pool of query workers over one N-Quads dump of the graph, or over an on-disk store (its
    database folder), which each worker opens read-only."""

    def __init__(self, dump: Path, *, workers: int = 2, timeout: float = 30.0, max_rows: int = 100_000) -> None:
        self.dump = dump
        self.timeout = timeout
        self.max_rows = max_rows
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.workers: set[Worker] = set()
        self.lock = threading.Lock()
        for _ in range(workers):
            self._add()

    def _add(self) -> None:
        worker = Worker(self.dump, self.max_rows)
        with self.lock:
            self.workers.add(worker)
        self.idle.put(worker)

    def _replace(self, worker: Worker) -> None:
        worker.kill()
        with self.lock:
            self.workers.discard(worker)
        threading.Thread(target=self._add, name="sparql-worker", daemon=True).start()

    def close(self) -> None:
        with self.lock:
            workers, self.workers = list(self.workers), set()
        for worker in workers:
            worker.kill()

    def run(self, request: Request, client: socket.socket | None = None) -> Answer:
        """Start the query; the answer's head is known once ``Answer.start`` returns."""
        deadline = time.monotonic() + self.timeout
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise EngineError(HTTPStatus.SERVICE_UNAVAILABLE, "every query worker is busy; try again") from None
        try:
            worker.conn.send(request)
        except OSError:
            self._replace(worker)
            raise EngineError(HTTPStatus.SERVICE_UNAVAILABLE, "the query worker was lost; try again") from None
        return Answer(self, worker, deadline, client)


class Answer:
    """The messages of one running query, read with its deadline."""

    def __init__(self, engine: Engine, worker: Worker, deadline: float, client: socket.socket | None) -> None:
        self.engine = engine
        self.worker = worker
        self.deadline = deadline
        self.client = client
        self.done = False
        self.truncated = False

    def _next(self) -> tuple:
        while True:
            left = self.deadline - time.monotonic()
            if left <= 0:
                self.abandon()
                raise EngineError(HTTPStatus.SERVICE_UNAVAILABLE,
                                  f"the query ran longer than {self.engine.timeout:g} s and was stopped")
            ready = wait([self.worker.conn, *([self.client] if self.client else [])], min(POLL, left))
            if self.client is not None and self.client in ready and _closed(self.client):
                self.abandon()
                raise EngineError(HTTPStatus.SERVICE_UNAVAILABLE, "the client has gone")
            if self.worker.conn in ready:
                try:
                    return self.worker.conn.recv()
                except (EOFError, OSError):
                    self.abandon()
                    raise EngineError(HTTPStatus.INTERNAL_SERVER_ERROR,
                                      "the query engine failed on this query") from None

    def start(self) -> str:
        """The media type of the answer, or ``EngineError`` for a refused or failed query."""
        message = self._next()
        if message[0] == "error":
            self._release()
            raise EngineError(HTTPStatus(message[1]), message[2])
        return message[1]

    def chunks(self) -> Iterator[bytes]:
        while not self.done:
            message = self._next()
            if message[0] == "data":
                yield message[1]
            elif message[0] == "end":
                self.truncated = message[1]
                self._release()
            else:
                self._release()
                raise EngineError(HTTPStatus(message[1]), message[2])

    def _release(self) -> None:
        self.done = True
        self.engine.idle.put(self.worker)

    def abandon(self) -> None:
        """Stop the query: its worker is killed and replaced."""
        if not self.done:
            self.done = True
            self.engine._replace(self.worker)


def _closed(client: socket.socket) -> bool:
    try:
        return client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
