"""A build's two exports: Turtle (every triple once) and TriG (one named graph per graph of the store), written
from each graph's N-Triples in one pass (``write_exports``).

Oxigraph serializes them graph by graph, and each graph's piece of either file depends only on what it is
written from: for the TriG, the graph's name and N-Triples; for the Turtle, the lines of the graph that no graph
before it gave. A build records where each piece lies in its files, by a digest of what it was written from
(``PIECES``, in the cache folder), and the next build copies the pieces it would write the same from the last
build's files rather than serializing them again: adding a report to a large collection changes a few graphs.
A record whose files are not as it left them (their size and modification time) is not used.

What a graph's pieces are known by is read from its N-Triples: the digest of its TriG piece, its count of lines and
the digests of the lines the Turtle may have stated before (all but those about a report's own evidence, meetings
or the report itself: most of them). A graph given with its signature (what it was written from, which fixes its
N-Triples) is read once: those figures are kept by its name and signature (``LINES``, in the cache folder), and a
later build whose pieces of it can all be copied reads nothing of it but them.

The pieces to make are made on ``jobs`` worker processes (``kg.workers.run``), in the order of the graphs: this
process reads the graphs, finds which lines the Turtle states for the first time, copies the pieces it can and
writes the files; the workers serialize the rest (two thirds of the work where every piece is made).
"""

from __future__ import annotations

import json
import mmap
import os
import struct
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from hashlib import blake2b
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from kg.files import write_atomic
from kg.kept_outputs import file_stamp
from kg.store import DIGEST_BYTES, EVIDENCE_LINK, OWN_SUBJECTS, PREFIXES, FirstLines, in_graph
from kg.workers import Counted, Streamed, run

# The record of the last build's pieces, in the cache folder: a header line of JSON (each file's name, size,
# modification time and count of pieces), then each file's pieces as fixed-size entries (``ENTRY``).
PIECES = "export-pieces.bin"
MAGIC = b"dipkg export pieces 2\n"
KEY_BYTES = 16
ENTRY = struct.Struct(f"<{KEY_BYTES}sQQ")  # the digest of what a piece was written from, its offset and length
# Graphs whose pieces are read, copied or made ahead of the files' writing: the rest wait, not in memory.
AHEAD = 64
# Graphs whose pieces are made worth a worker process: a rebuild that adds a report to 10,000 makes the pieces of
# three or four, in less time than starting the workers took (0.2 to 0.4 s; its exports 0.6 s on one core, 0.8
# to 1.1 s with two).
PIECES_PER_PROCESS = 200
# Bytes of the last build's files copied at a time into this build's.
COPY_BYTES = 16 << 20
# What each graph's pieces are known by, in the cache folder beside ``PIECES``: a line of magic, then for each graph
# a ``LINES_HEAD`` (the length of its name and signature, the key of its TriG piece, its count of lines and of
# keyed lines), its name and signature (``graph``, newline, ``signature``, in UTF-8) and its keyed lines
# (``KEYED``: the number and digest of each line the Turtle may have stated before, ``FirstLines.keyed``).
LINES = "export-lines.bin"
LINES_MAGIC = b"dipkg export lines 1\n"
LINES_HEAD = struct.Struct(f"<I{KEY_BYTES}sII")
KEYED = struct.Struct(f"<I{DIGEST_BYTES}s")


# Where a piece lies in the last build's file: its offset and length.
_Copied = tuple[int, int]


class Source(NamedTuple):
    """A graph to export: its name, its signature (None: none known, and its N-Triples are read every time) and
    how to read its N-Triples."""

    graph: str
    signature: str | None
    read: Callable[[], bytes]


def write_exports(graphs: Counted[Source], turtle: Path, trig: Path, *,
                  last: Path | None = None, record: Path | None = None, jobs: int = 1) -> list[Path]:
    """Turtle and TriG from each graph's N-Triples (in the order given). A triple about a report's own
    evidence, meetings or the report itself is stated in that report's graph only; any other is written to the
    Turtle the first time it comes. With ``record`` (a file in the cache folder), the pieces that the files of the
    same names in ``last`` (the last build's folder) hold as they would be written again are copied from them,
    and where this build's pieces lie is recorded there, and what the graphs' pieces are known by beside it
    (``LINES``). The pieces to make are made on ``jobs`` processes; the files are the same whatever their number."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()).encode("utf-8")
    before = read_pieces(record, last) if record is not None and last is not None else {}
    lines = _Lines(record.with_name(LINES) if record is not None else None)
    with lines:
        with _Pieces(turtle, header, before.get(turtle.name)) as ttl, \
                _Pieces(trig, header, before.get(trig.name)) as quads:
            plan = _Plan(ttl, quads, lines)
            sources = list(graphs)
            if sum(not lines.copied(source, quads) for source in sources) < PIECES_PER_PROCESS:
                jobs = 1  # a few pieces to make: made here sooner than processes start
            made = run(_make, Streamed(plan.tasks(sources), len(sources)), jobs=jobs, what="writing exports",
                       ahead=AHEAD, unit="graph")
            for n, pieces in enumerate(made):
                plan.write(n, pieces)
        if record is not None:
            _save(record, (ttl, quads))
            lines.save()
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

    def __init__(self, ttl: _Pieces, quads: _Pieces, lines: _Lines) -> None:
        self.ttl, self.quads, self.lines = ttl, quads, lines
        self.written = FirstLines(OWN_SUBJECTS, link=EVIDENCE_LINK)
        # by the graph's number: the TriG piece's key and the piece copied, the Turtle's (no key: no piece)
        self.found: dict[int, tuple[bytes, _Copied | None, bytes | None, _Copied | None]] = {}

    def tasks(self, graphs: Iterable[Source]) -> Iterator[_Task | None]:
        for n, source in enumerate(graphs):
            triples, (trig_key, count, keyed) = self.lines.known(source, self.written)
            trig_piece = self.quads.copy(trig_key)
            dropped = self.written.dropped_keyed(KEYED.iter_unpack(keyed))
            ttl_key = _key(trig_key, array("I", dropped).tobytes()) if len(dropped) < count else None
            ttl_piece = self.ttl.copy(ttl_key) if ttl_key is not None else None
            self.found[n] = (trig_key, trig_piece, ttl_key, ttl_piece)
            trig, turtle = trig_piece is None, ttl_key is not None and ttl_piece is None
            if trig or turtle:
                yield _Task(source.graph, triples if triples is not None else source.read(), tuple(dropped), trig,
                            turtle)
            else:
                yield None

    def write(self, n: int, made: tuple[bytes | None, bytes | None]) -> None:
        trig_key, trig_piece, ttl_key, ttl_piece = self.found.pop(n)
        self.quads.put(trig_key, trig_piece if trig_piece is not None else made[0])
        if ttl_key is not None:
            self.ttl.put(ttl_key, ttl_piece if ttl_piece is not None else made[1])


class _Lines:
    """What each graph's pieces are known by (``LINES``): read from the last build's file where it holds the graph
    by its name and signature, else from its N-Triples; this build's written beside it by ``save``."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.where: dict[bytes, tuple[int, int]] = {}  # name and signature: where the rest of its entry lies
        self.data: mmap.mmap | None = None
        self.entries: list[bytes | memoryview] = []

    def __enter__(self) -> _Lines:
        if self.path is not None:
            self.data, self.where = _read_lines(self.path)
        return self

    def __exit__(self, *exc: object) -> None:
        self.entries.clear()  # (views of the file read)
        if self.data is not None:
            self.data.close()

    def _entry(self, source: Source) -> tuple[bytes | None, tuple[int, int] | None]:
        """The graph's name and signature as its entry is known by (None without a signature), and where the last
        build's file holds that entry (None where it does not)."""
        if source.signature is None:
            return None, None
        name = f"{source.graph}\n{source.signature}".encode()
        return name, self.where.get(name) if self.data is not None else None

    def copied(self, source: Source, pieces: _Pieces) -> bool:
        """Whether the graph's TriG piece is copied from ``pieces``' last file, by what its entry says (without
        reading the graph): most of the graphs whose Turtle piece is."""
        _, where = self._entry(source)
        return where is not None and pieces.copy(LINES_HEAD.unpack_from(self.data, where[0])[1]) is not None

    def known(self, source: Source, first: FirstLines) -> tuple[bytes | None, tuple[bytes, int, bytes]]:
        """The graph's N-Triples where they had to be read (else None), the key of its TriG piece, its count of
        lines and its ``KEYED`` lines (``first``: how they are found)."""
        name, where = self._entry(source)
        if name is not None and where is not None:
            offset, length = where
            entry = memoryview(self.data)[offset:offset + length]
            _, trig_key, count, _ = LINES_HEAD.unpack_from(entry)
            self.entries.append(entry)
            return None, (trig_key, count, entry[LINES_HEAD.size + len(name):].tobytes())
        triples = source.read()
        trig_key = _key(source.graph.encode("utf-8"), b"\n", triples)
        count = triples.count(b"\n")
        keyed = b"".join(KEYED.pack(n, key) for n, key in first.keyed(triples))
        if name is not None:
            self.entries.append(LINES_HEAD.pack(len(name), trig_key, count, len(keyed) // KEYED.size) + name + keyed)
        return triples, (trig_key, count, keyed)

    def save(self) -> None:
        """This build's entries written (none where it could not: the next build reads the graphs again)."""
        assert self.path is not None

        def write(tmp: str) -> None:
            with open(tmp, "wb") as fh:
                fh.write(LINES_MAGIC)
                for entry in self.entries:
                    fh.write(entry)

        try:
            write_atomic(self.path, write)
        except OSError:
            with suppress(OSError):
                self.path.unlink(missing_ok=True)


def _read_lines(path: Path) -> tuple[mmap.mmap | None, dict[bytes, tuple[int, int]]]:
    """The file of ``LINES`` mapped, and where each graph's entry lies in it by its name and signature (none where
    it cannot be read whole)."""
    try:
        with open(path, "rb") as fh:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # (an empty file cannot be mapped)
        return None, {}
    where: dict[bytes, tuple[int, int]] = {}
    offset = len(LINES_MAGIC)
    if data[:offset] != LINES_MAGIC:
        data.close()
        return None, {}
    while offset < len(data):
        if offset + LINES_HEAD.size > len(data):
            break
        size, _, _, keyed = LINES_HEAD.unpack_from(data, offset)
        length = LINES_HEAD.size + size + keyed * KEYED.size
        if offset + length > len(data):
            break
        where[data[offset + LINES_HEAD.size:offset + LINES_HEAD.size + size]] = (offset, length)
        offset += length
    else:
        return data, where
    data.close()
    return None, {}


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
    piece of the same key (``last``), else made. A piece copied is known by where it lies in the last file; pieces
    that lay one after the other there are copied together (``_copy_range``)."""

    def __init__(self, path: Path, header: bytes, last: tuple[Path, dict[bytes, tuple[int, int]]] | None) -> None:
        self.path, self.header = path, header
        self.last, self.where = last if last is not None else (None, {})
        self.entries: list[tuple[bytes, int, int]] = []
        self.pending: _Copied | None = None  # the range of the last file to copy next

    def __enter__(self) -> _Pieces:
        if self.last is not None and self.path.exists() and self.path.samefile(self.last):
            self.last = None  # written over: nothing to copy from
        self.out = open(self.path, "wb", buffering=0)  # closed by __exit__
        self.out.write(self.header)
        self.offset = len(self.header)
        self.source = _open(self.last)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        try:
            if exc_type is None:
                self._flush()
        finally:
            self.out.close()
            if self.source is not None:
                os.close(self.source)

    def copy(self, key: bytes) -> _Copied | None:
        """Where the piece of ``key`` lies in the last build's file, or None where it holds none."""
        if self.source is None or key not in self.where:
            return None
        return self.where[key]

    def put(self, key: bytes, piece: bytes | _Copied | None) -> None:
        """Write the piece of ``key``: made, or where it lies in the last file (``copy``)."""
        assert piece is not None
        if isinstance(piece, tuple):
            offset, length = piece
            if self.pending is not None and self.pending[0] + self.pending[1] == offset:
                self.pending = (self.pending[0], self.pending[1] + length)
            else:
                self._flush()
                self.pending = piece
        else:
            self._flush()
            self.out.write(piece)
            length = len(piece)
        self.entries.append((key, self.offset, length))
        self.offset += length

    def _flush(self) -> None:
        if self.pending is not None:
            assert self.source is not None
            _copy_range(self.source, self.out.fileno(), *self.pending, name=self.last)
            self.pending = None


def _copy_range(source: int, out: int, offset: int, length: int, *, name: object) -> None:
    """Copy ``length`` bytes of ``source`` from ``offset`` to where ``out`` stands: in the kernel where it can."""
    done = 0
    copy = getattr(os, "copy_file_range", None)
    while done < length:
        count = min(length - done, COPY_BYTES)
        if copy is not None:
            try:
                moved = copy(source, out, count, offset + done)
            except OSError:
                copy = None  # (not between these files: read and write then)
                continue
        else:
            data = os.pread(source, count, offset + done)
            moved = len(data)
            view = memoryview(data)
            while view:
                view = view[os.write(out, view):]
        if moved == 0:
            raise OSError(f"{name}: shorter than the record of its pieces says")
        done += moved


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
