"""A build's two exports: Turtle (every triple once) and TriG (one named graph per graph of the store), written
from each graph's N-Triples in one pass (``write_exports``).

Oxigraph serializes them graph by graph, and each graph's piece of either file depends only on what it is
written from: for the TriG, the graph's name and N-Triples; for the Turtle, the lines of the graph that no graph
before it gave. A build records where each piece lies in its files, by a digest of what it was written from
(``PIECES``, in the cache folder), and the next build copies the pieces it would write the same from the last
build's files rather than serializing them again: adding a report to a large collection changes a few graphs.
A record whose files are not as it left them (their size and modification time) is not used.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Callable, Iterable
from contextlib import suppress
from hashlib import blake2b
from pathlib import Path

import pyoxigraph as ox

from kg.files import write_atomic
from kg.kept_outputs import file_stamp
from kg.store import EVIDENCE_LINK, OWN_SUBJECTS, PREFIXES, FirstLines, in_graph

# The record of the last build's pieces, in the cache folder: a header line of JSON (each file's name, size,
# modification time and count of pieces), then each file's pieces as fixed-size entries (``ENTRY``).
PIECES = "export-pieces.bin"
MAGIC = b"dipkg export pieces 1\n"
KEY_BYTES = 16
ENTRY = struct.Struct(f"<{KEY_BYTES}sQQ")  # the digest of what a piece was written from, its offset and length


def write_exports(graphs: Iterable[tuple[str, bytes]], turtle: Path, trig: Path, *,
                  last: Path | None = None, record: Path | None = None) -> list[Path]:
    """Turtle and TriG from each graph's N-Triples (in the order given). A triple about a report's own
    evidence, meetings or the report itself is stated in that report's graph only; any other is written to the
    Turtle the first time it comes. With ``record`` (a file in the cache folder), the pieces that the files of the
    same names in ``last`` (the last build's folder) hold as they would be written again are copied from them,
    and where this build's pieces lie is recorded there."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()).encode("utf-8")
    before = read_pieces(record, last) if record is not None and last is not None else {}
    written = FirstLines(OWN_SUBJECTS, link=EVIDENCE_LINK)
    with _Pieces(turtle, header, before.get(turtle.name)) as ttl, _Pieces(trig, header, before.get(trig.name)) as quads:
        for graph, triples in graphs:
            quads.put(_key(graph.encode("utf-8"), b"\n", triples), _trig, graph, triples)
            kept = written.first(triples)
            if kept:
                ttl.put(_key(*kept), _turtle, kept)
    if record is not None:
        _save(record, (ttl, quads))
    return [turtle, trig]


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

    def put(self, key: bytes, make: Callable[..., bytes], *args: object) -> None:
        """Write the piece of ``key``: copied from the last build's file, else ``make(*args)``."""
        piece = None
        if self.source is not None and key in self.where:
            offset, length = self.where[key]
            piece = os.pread(self.source, length, offset)
            if len(piece) != length:
                piece = None
        if piece is None:
            piece = make(*args)
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


def _turtle(lines: list[bytes]) -> bytes:
    parsed = ox.parse(b"".join(lines), format=ox.RdfFormat.N_TRIPLES)
    return b"\n" + _body(ox.serialize(parsed, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))


def _body(serialized: bytes | None) -> bytes:
    """A serialization without its ``@prefix`` lines (written once at the top of the file)."""
    text = serialized or b""
    while text.startswith(b"@prefix"):
        text = text[text.index(b"\n") + 1:]
    return text
