"""Extractions kept between builds, keyed by what they were computed from.

A report's extraction depends on the report (its text and what its file says about it), the
extractors asked for and the extractor's version: the hash of the project's code and of the data
it reads (``kg/**/*.py``, the lexicons, the languages' word lists, the models). A rebuild reuses
the extraction of every report whose key is in ``OUT/.dipkg-cache/``; changing any code or data
file changes the version, so everything is extracted again. The cache lives beside the published
files and is not part of them: losing it costs time, never correctness.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Container, Iterable, Sequence
from dataclasses import fields, replace
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from kg.files import PACKAGE_DIR, write_atomic
from kg.model import Evidence, Extraction, Label, PartialDate, Report, Span, Topic

CACHE_NAME = ".dipkg-cache"
EXTRACTIONS = "extractions"
SUFFIX = ".pickle"
# The extraction cache's segments and its index (``ExtractionCache``).
SEGMENT_SUFFIX = ".segment"
INDEX = "index.pickle"
GRAPHS = "graphs"
OUTLINES = "outlines"
INPUTS = "inputs"
# Segments of the outline pack before it is rewritten as one.
MAX_SEGMENTS = 32
# Values a segment pickles at a time: a pickler remembers every object of one dump until it ends, which for the
# outlines of a whole collection is as much memory again as the outlines themselves.
CHUNK = 500
GRAPH_SUFFIX = ".nt.z"
V = TypeVar("V")
# Where an extraction lies: its segment, the offset of its pickle and the pickle's length.
Location = tuple[str, int, int]
# The evidence of an outline's posts, meetings and topics (``outline``).
NO_EVIDENCE = Evidence("", Span(0, 0, ""), Span(0, 0, ""))
# What the extractor's version is the hash of, relative to the package folder.
VERSION_GLOBS = ("**/*.py", "lexicons/*", "lang/*/*.tsv", "models/*")


@cache
def extractor_version() -> str:
    """The hash of every code and data file extraction depends on (names and contents)."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in VERSION_GLOBS for p in PACKAGE_DIR.glob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    for path in files:
        digest.update(str(path.relative_to(PACKAGE_DIR)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


# A report's fields but its text, in their order.
_report_fields = attrgetter(*(f.name for f in fields(Report) if f.name != "text"))


# The values a pickle of ``shared_dumps`` names by themselves, so that unpickled each is the one object ``Shared``
# holds for it: strings, and the small frozen values many reports repeat (names, sectors, dates and the outline's
# evidence). An outline's mentions are not among them: shared across reports too they would take less memory
# again but cost a third more time to load.
SHARED_TYPES = frozenset({str, Label, Topic, PartialDate, Evidence, Span})


class _SharingPickler(pickle.Pickler):
    """Pickles each value of ``SHARED_TYPES`` as a persistent id, so that the unpickler can give equal ones one
    object."""

    def persistent_id(self, obj: object) -> object | None:
        return obj if type(obj) in SHARED_TYPES else None


class Shared(dict[object, object]):
    """One object for each value of ``SHARED_TYPES``: ``shared[v]`` is the first value equal to ``v`` it was
    asked for."""

    def __missing__(self, key: object) -> object:
        if type(key) not in SHARED_TYPES:
            raise pickle.UnpicklingError(f"a persistent id of type {type(key).__name__}")
        self[key] = key
        return key


def _unpickler(file: BinaryIO, shared: Shared) -> pickle.Unpickler:
    """An unpickler that gives each value pickled by ``_SharingPickler`` the object ``shared`` holds for it."""
    unpickler = pickle.Unpickler(file)
    unpickler.persistent_load = shared.__getitem__  # type: ignore[method-assign]
    return unpickler


def shared_dumps(value: object) -> bytes:
    """``value`` pickled for ``shared_loads``."""
    out = io.BytesIO()
    _SharingPickler(out, protocol=5).dump(value)
    return out.getvalue()


def shared_loads(data: bytes, shared: Shared) -> Any:
    """What ``shared_dumps`` pickled, each of its strings, names, sectors, dates and evidence (``SHARED_TYPES``)
    the one ``shared`` holds when equal to one there.

    The outlines of a collection name the same states, sectors, kinds, languages and keys again and
    again: at 10,000 generated reports 480,000 strings, of which 13,000 differ, and 213,000 names, of which
    1,537 differ. Unpickled one report at a time each would be an object of its own: the outlines took 61 MB
    with equal strings alone one object, and take 34 MB so (with an entity's equal mentions one object,
    ``outline``), loaded in the same time."""
    return _unpickler(io.BytesIO(data), shared).load()


def extraction_key(report: Report, extractors: Sequence[str]) -> str:
    """The key of a report's extraction: the report's every field, the extractors and the version.

    The fields but the text are read through the ``repr`` of their tuple, which escapes what is not printable:
    a pickle would also tell which of them are one object (a report read again, or with its strings shared, by
    ``Shared``). The text, last, is hashed as its bytes: its ``repr`` would take three quarters of the time."""
    digest = hashlib.sha256(extractor_version().encode("ascii"))
    digest.update("\0".join(extractors).encode("utf-8") + b"\0")
    digest.update(repr(_report_fields(report)).encode("utf-8") + b"\0")
    digest.update(report.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ExtractionCache:
    """The extractions under ``folder``, appended to segment files (a process writes into one of its own) and
    found by an index of where each lies. Creating a file is costly on a busy machine (half a millisecond while
    both cores extract, against a hundredth for an append), so an extraction is not a file of its own.

    The index is written at once (``save``), after the extractions it names are written: a build killed
    half-way leaves the index of the build before, and segment bytes that no index names, which ``keep_only``
    removes. A segment lost or unreadable costs time only: the extraction is made again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / EXTRACTIONS
        self._index: dict[str, Location] | None = None
        self._segment: tuple[int, int, str] | None = None  # the process's own: (process id, descriptor, name)

    @property
    def index(self) -> dict[str, Location]:
        if self._index is None:
            try:
                with open(self.folder / INDEX, "rb") as fh:
                    found = pickle.load(fh)
                self._index = found if isinstance(found, dict) else {}
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
                self._index = {}
        return self._index

    def get(self, key: str) -> Extraction | None:
        where = self.index.get(key)
        data = self._read(where) if where is not None else None
        try:
            found = pickle.loads(data) if data is not None else None
        except (EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return found if isinstance(found, Extraction) else None

    def put(self, key: str, extraction: Extraction) -> Location | None:
        """Keep the extraction (in this object's index; ``note`` it in that of the process that saves it); where
        it lies, or None when it could not be written."""
        where = self._append(pickle.dumps(extraction, protocol=5))
        if where is not None:
            self.index[key] = where
        return where

    def note(self, key: str, where: Location) -> None:
        """That ``key``'s extraction lies at ``where`` (written by another process; its segment's name one string
        for all the extractions in it, as the index of a large collection is kept through the build)."""
        segment, offset, size = where
        self.index[key] = (sys.intern(segment), offset, size)

    def held(self) -> frozenset[str]:
        """The keys of the extractions the cache holds."""
        return frozenset(self.index)

    def save(self) -> None:
        """Write the index (its entries' extractions are written: an index never names what is not there), and
        close this process's segment."""
        self._close()
        with contextlib.suppress(OSError):
            write_atomic(self.folder / INDEX, lambda tmp: _dump(tmp, self.index))

    def keep_only(self, keys: Iterable[str]) -> None:
        """Keep the extractions of ``keys`` only (the reports of the latest build). When most of the bytes of the
        segments that hold them are no longer wanted, the wanted ones are written into one new segment; files that
        no entry names (segments of unwanted extractions only, of a build that did not end) are removed."""
        index = {k: self.index[k] for k in keys if k in self.index}
        sizes = {}
        for name in {segment for segment, _, _ in index.values()}:  # a segment of none of them is removed whole
            with contextlib.suppress(OSError):
                sizes[name] = os.path.getsize(self.folder / name)
        index = {k: where for k, where in index.items() if where[0] in sizes}
        if 2 * sum(size for _, _, size in index.values()) < sum(sizes.values()):
            index = self._rewritten(index)
        self._index = index
        self.save()
        _keep_only(self.folder, {INDEX, *(segment for segment, _, _ in index.values())})

    def _rewritten(self, index: dict[str, Location]) -> dict[str, Location]:
        """The extractions of ``index`` copied into a new segment (those that can still be read)."""
        out: dict[str, Location] = {}
        self._close()
        for key, where in index.items():
            data = self._read(where)
            if data is not None and (copied := self._append(data)) is not None:
                out[key] = copied
        self._close()
        return out

    def _read(self, where: Location) -> bytes | None:
        segment, offset, size = where
        try:
            with open(self.folder / segment, "rb") as fh:
                fh.seek(offset)
                data = fh.read(size)
        except OSError:
            return None
        return data if len(data) == size else None

    def _append(self, data: bytes) -> Location | None:
        try:
            _, fd, name = self._own_segment()
            offset = os.lseek(fd, 0, os.SEEK_END)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        except OSError:
            return None  # a cache that cannot be written only costs the next build time
        return name, offset, len(data)

    def _own_segment(self) -> tuple[int, int, str]:
        if self._segment is None or self._segment[0] != os.getpid():  # a forked process writes one of its own
            self.folder.mkdir(parents=True, exist_ok=True)
            name = f"{os.getpid()}-{os.urandom(4).hex()}{SEGMENT_SUFFIX}"
            fd = os.open(self.folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o666)
            self._segment = (os.getpid(), fd, name)
        return self._segment

    def _close(self) -> None:
        if self._segment is not None and self._segment[0] == os.getpid():
            os.close(self._segment[1])
        self._segment = None


def _dump(path: str, value: object) -> None:
    with open(path, "wb") as fh:
        pickle.dump(value, fh, protocol=5)


class Pack(Generic[V]):
    """Values a rebuild reads for every report, in a few files rather than one per report: the
    outlines of the extractions (``outline``: what the cross-report steps read), and the reports
    read from each input file (``kg.inputs.collect``).

    The pack is a list of segments, each a file of pickled ``{key: value}`` chunks of at most ``CHUNK``
    values, one after another. A build appends a segment with the values it lacked and rewrites the
    pack as one segment when more than half of what it holds is no longer wanted (or it has
    ``MAX_SEGMENTS``). A lost or unreadable segment costs time only: the values are made again."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder / name
        self._held = 0

    def load(self, shared: Shared | None = None, wanted: Container[str] | None = None) -> dict[str, V]:
        """The values held (those of the ``wanted`` keys, where given: a pack written before the extractor
        changed holds none a build can use), their equal strings, names, sectors and dates one object
        (``shared_loads``), that of ``shared`` where given."""
        out: dict[str, V] = {}
        shared = Shared() if shared is None else shared
        for path in self._segments():
            try:
                with open(path, "rb") as fh:
                    while fh.peek(1):  # a chunk at a time, each with the memo it was pickled with
                        found = _unpickler(fh, shared).load()
                        if not isinstance(found, dict):
                            break
                        out.update(found if wanted is None else {k: v for k, v in found.items() if k in wanted})
                        self._held += len(found)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
                continue
        return out

    def save(self, wanted: dict[str, V], known: Iterable[str]) -> None:
        """Keep the values of ``wanted``; ``known`` are the keys the pack already holds (from ``load``)."""
        held = set(known)
        new = {k: x for k, x in wanted.items() if k not in held}
        old = self._segments()
        compact = self._held - (len(wanted) - len(new)) > len(wanted) // 2 or len(old) >= MAX_SEGMENTS
        if not new and not compact:
            return
        number = max((int(p.stem) for p in old if p.stem.isdigit()), default=-1) + 1
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=SUFFIX, dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pickler = _SharingPickler(fh, protocol=5)
                values = iter((wanted if compact else new).items())
                while chunk := dict(itertools.islice(values, CHUNK)):
                    pickler.dump(chunk)
                    pickler.clear_memo()
            os.replace(tmp, self.folder / f"{number:06d}{SUFFIX}")
            if compact:
                for path in old:
                    path.unlink(missing_ok=True)
        except OSError:
            pass

    def _segments(self) -> list[Path]:
        try:
            return sorted(p for p in self.folder.iterdir() if p.suffix == SUFFIX and not p.name.startswith("."))
        except OSError:
            return []


def outline(x: Extraction) -> Extraction:
    """What the cross-report steps (``kg.merging.merge``, ``kg.events``, the graph signatures) read of
    an extraction: its entities, posts and meetings without their evidence, the entities' mentions without
    their places in the text (merging counts and compares their words), and the report without its text.
    The mentions, sentences, text, places and evidence only its own report graph needs.

    Without their places, an entity's mentions of one form are equal, and they are kept as one object."""
    return replace(x, mentions=(), sentences=(), report=replace(x.report, text=""),
                   entities=tuple(replace(e, mentions=_one_each(replace(m, start=0, end=0) for m in e.mentions))
                                  for e in x.entities),
                   posts=tuple(replace(p, evidence=NO_EVIDENCE) for p in x.posts),
                   meetings=tuple(replace(m, evidence=NO_EVIDENCE,
                                          topics=tuple(replace(t, evidence=NO_EVIDENCE) for t in m.topics))
                                  for m in x.meetings))


def _one_each(values: Iterable[V]) -> tuple[V, ...]:
    """The values, each equal one the same object (which a pickle then holds once)."""
    seen: dict[V, V] = {}
    return tuple(seen.setdefault(v, v) for v in values)


class GraphCache:
    """The N-Triples of each report graph written, compressed, keyed by the graph's signature: the
    exports are written from these rather than read back from the store, which is slower."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / GRAPHS

    def path(self, signature: str) -> Path:
        return self.folder / f"{signature}{GRAPH_SUFFIX}"

    def get(self, signature: str) -> bytes | None:
        try:
            return zlib.decompress(self.path(signature).read_bytes())
        except (OSError, zlib.error):
            return None

    def put(self, signature: str, ntriples: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=GRAPH_SUFFIX, dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(zlib.compress(ntriples, 1))
            os.replace(tmp, self.path(signature))
        except OSError:
            pass

    def keep_only(self, signatures: Iterable[str]) -> None:
        _keep_only(self.folder, {f"{s}{GRAPH_SUFFIX}" for s in signatures})


def _keep_only(folder: Path, wanted: set[str]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name not in wanted:
            Path(entry.path).unlink(missing_ok=True)
