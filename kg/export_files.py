"""A build's two exports: Turtle (every triple once) and TriG (one named graph per graph of the store), written
from each graph's N-Triples in one pass (``write_exports``).

Oxigraph serializes them graph by graph, and each graph's piece of either file depends only on what it is
written from: for the TriG, the graph's name and N-Triples; for the Turtle, the lines of the graph that no graph
before it gave. A build records where each piece lies in its files, by a digest of what it was written from
(``PIECES``, in the cache folder), and the next build copies the pieces it would write the same from the last
build's files rather than serializing them again: adding a report to a large collection changes a few graphs.
A record whose files are not as it left them (their size and modification time) is not used.

The pieces to make are made on ``jobs`` worker processes (``kg.workers.run``), in the order of the graphs: this
process reads the graphs, finds which lines the Turtle states for the first time, copies the pieces it can and
writes the files; the workers serialize the rest (two thirds of the work where every piece is made).
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Iterable, Iterator
from contextlib import suppress
from hashlib import blake2b
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from kg.files import write_atomic
from kg.kept_outputs import file_stamp
from kg.store import EVIDENCE_LINK, OWN_SUBJECTS, PREFIXES, FirstLines, in_graph
from kg.workers import Counted, Streamed, run

# The record of the last build's pieces, in the cache folder: a header line of JSON (each file's name, size,
# modification time and count of pieces), then each file's pieces as fixed-size entries (``ENTRY``).
PIECES = "export-pieces.bin"
MAGIC = b"dipkg export pieces 2\n"
KEY_BYTES = 16
ENTRY = struct.Struct(f"<{KEY_BYTES}sQQ")  # the digest of what a piece was written from, its offset and length
# Graphs whose pieces are read, copied or made ahead of the files' writing: the rest wait, not in memory.
AHEAD = 64


def write_exports(graphs: Counted[tuple[str, bytes]], turtle: Path, trig: Path, *,
                  last: Path | None = None, record: Path | None = None, jobs: int = 1) -> list[Path]:
    """Turtle and TriG from each graph's N-Triples (in the order given). A triple about a report's own
    evidence, meetings or the report itself is stated in that report's graph only; any other is written to the
    Turtle the first time it comes. With ``record`` (a file in the cache folder), the pieces that the files of the
    same names in ``last`` (the last build's folder) hold as they would be written again are copied from them,
    and where this build's pieces lie is recorded there. The pieces to make are made on ``jobs`` processes; the
    files are the same whatever their number."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()).encode("utf-8")
    before = read_pieces(record, last) if record is not None and last is not None else {}
    with _Pieces(turtle, header, before.get(turtle.name)) as ttl, _Pieces(trig, header, before.get(trig.name)) as quads:
        plan = _Plan(ttl, quads)
        made = run(_make, Streamed(plan.tasks(graphs), len(graphs)), jobs=jobs, what="writing exports",
                   ahead=AHEAD, unit="graph")
        for n, pieces in enumerate(made):
            plan.write(n, pieces)
    if record is not None:
        _save(record, (ttl, quads))
    return [turtle, trig]


class _Task(NamedTuple):
    """What a worker makes of one graph: its TriG piece (``trig``) from the graph's name and N-Triples, its
    Turtle piece (``turtle``) from the lines the Turtle states for the first time: all but those ``dropped``."""

    graph: str
    triples: bytes
    dropped: tuple[int, ...]
    trig: bool
    turtle: bool


def _make(task: _Task | None) -> tuple[bytes | None, bytes | None]:
    """A worker's job: the pieces the task asks for (None: each piece copied, or none to write)."""
    if task is None:
        return None, None
    return (_trig(task.graph, task.triples) if task.trig else None,
            _turtle(_kept(task.triples, task.dropped)) if task.turtle else None)


def _kept(triples: bytes, dropped: tuple[int, ...]) -> bytes:
    if not dropped:
        return triples
    gone = set(dropped)
    return b"".join(line for n, line in enumerate(triples.splitlines(keepends=True)) if n not in gone)


class _Plan:
    """Each graph's pieces: their keys and the pieces copied, found as the graphs are read (``tasks``, which a
    run may read in a thread of its own), then written in order with those the workers made (``write``). A
    Turtle piece is known by the graph's key and the lines the Turtle left out of it (stated by a graph before)."""

    def __init__(self, ttl: _Pieces, quads: _Pieces) -> None:
        self.ttl, self.quads = ttl, quads
        self.written = FirstLines(OWN_SUBJECTS, link=EVIDENCE_LINK)
        # by the graph's number: the TriG piece's key and the piece copied, the Turtle's (no key: no piece)
        self.found: dict[int, tuple[bytes, bytes | None, bytes | None, bytes | None]] = {}

    def tasks(self, graphs: Iterable[tuple[str, bytes]]) -> Iterator[_Task | None]:
        for n, (graph, triples) in enumerate(graphs):
            trig_key = _key(graph.encode("utf-8"), b"\n", triples)
            trig_piece = self.quads.copy(trig_key)
            dropped = tuple(self.written.dropped(triples))
            ttl_key = (_key(trig_key, b"".join(d.to_bytes(4, "little") for d in dropped))
                       if len(dropped) < triples.count(b"\n") else None)
            ttl_piece = self.ttl.copy(ttl_key) if ttl_key is not None else None
            self.found[n] = (trig_key, trig_piece, ttl_key, ttl_piece)
            trig, turtle = trig_piece is None, ttl_key is not None and ttl_piece is None
            yield _Task(graph, triples, dropped, trig, turtle) if trig or turtle else None

    def write(self, n: int, made: tuple[bytes | None, bytes | None]) -> None:
        trig_key, trig_piece, ttl_key, ttl_piece = self.found.pop(n)
        self.quads.put(trig_key, trig_piece if trig_piece is not None else made[0])
        if ttl_key is not None:
            self.ttl.put(ttl_key, ttl_piece if ttl_piece is not None else made[1])


def read_pieces(record: Path, folder: Path) -> dict[str, tuple[Path, dict[bytes, tuple[int, int]]]]:
    """The pieces of the files in ``folder`` that ``record`` describes and that are as it left them: for each
    file's name, its path and where each piece lies by its key. Empty where the record cannot be read."""
    try:
        with open(record, "rb") as fh:
            if fh.readline() != MAGIC:
                return {}
            files = json.loads(fh.readline())
            found: dict[str, tuple[Path, dict[bytes, tuple[int, int]]]] = {}
            for name, size, mtime, count in files:
                data = fh.read(count * ENTRY.size)
                if len(data) != count * ENTRY.size:
                    return {}
                path = folder / name
                if file_stamp(path) == [size, mtime]:
                    found[name] = (path, {key: (offset, length) for key, offset, length in ENTRY.iter_unpack(data)})
            return found
    except (OSError, ValueError, TypeError, struct.error):
        return {}


class _Pieces:
    """One export file being written piece by piece, each copied from the last build's file where it holds the
    piece of the same key (``last``), else made."""

    def __init__(self, path: Path, header: bytes, last: tuple[Path, dict[bytes, tuple[int, int]]] | None) -> None:
        self.path, self.header = path, header
        self.last, self.where = last if last is not None else (None, {})
        self.entries: list[tuple[bytes, int, int]] = []

    def __enter__(self) -> _Pieces:
        if self.last is not None and self.path.exists() and self.path.samefile(self.last):
            self.last = None  # written over: nothing to copy from
        self.out = open(self.path, "wb")  # closed by __exit__
        self.out.write(self.header)
        self.offset = len(self.header)
        self.source = _open(self.last)
        return self

    def __exit__(self, *exc: object) -> None:
        self.out.close()
        if self.source is not None:
            os.close(self.source)

    def copy(self, key: bytes) -> bytes | None:
        """The piece of ``key`` in the last build's file, or None where it holds none (or no longer whole)."""
        if self.source is None or key not in self.where:
            return None
        offset, length = self.where[key]
        piece = os.pread(self.source, length, offset)
        return piece if len(piece) == length else None

    def put(self, key: bytes, piece: bytes | None) -> None:
        """Write the piece of ``key``."""
        assert piece is not None
        self.out.write(piece)
        self.entries.append((key, self.offset, len(piece)))
        self.offset += len(piece)


def _open(last: Path | None) -> int | None:
    if last is None:
        return None
    try:
        return os.open(last, os.O_RDONLY)
    except OSError:
        return None


def _save(record: Path, files: Iterable[_Pieces]) -> None:
    """Record where the pieces of ``files`` lie; a record that cannot be written costs the next build the time
    of making every piece."""
    files = list(files)
    head = [[f.path.name, *(file_stamp(f.path) or (-1, -1)), len(f.entries)] for f in files]

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(MAGIC)
            fh.write(json.dumps(head).encode("ascii") + b"\n")
            for f in files:
                fh.write(b"".join(ENTRY.pack(*entry) for entry in f.entries))

    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(record, write)
    except OSError:
        with suppress(OSError):
            record.unlink(missing_ok=True)  # the last build's would describe files no longer there


def _key(*parts: bytes) -> bytes:
    digest = blake2b(digest_size=KEY_BYTES)
    for part in parts:
        digest.update(part)
    return digest.digest()


def _trig(graph: str, triples: bytes) -> bytes:
    named = ox.parse(in_graph(graph, triples), format=ox.RdfFormat.N_QUADS)
    return _body(ox.serialize(named, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))


def _turtle(lines: bytes) -> bytes:
    parsed = ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)
    return b"\n" + _body(ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))


def _body(serialized: bytes | None) -> bytes:
    """A serialization without its ``@prefix`` lines (written once at the top of the file)."""
    text = serialized or b""
    while text.startswith(b"@prefix"):
        text = text[text.index(b"\n") + 1:]
    return text
