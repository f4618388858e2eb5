"""Extractions kept between builds, keyed by what they were computed from.

A report's extraction depends on the report (its text and what its file says about it), the
extractors asked for and the extractor's version: the hash of the project's code and of the data
it reads (``kg/**/*.py``, the lexicons, the languages' word lists, the models). A rebuild reuses
the extraction of every report whose key is in ``OUT/.dipkg-cache/``; changing any code or data
file changes the version, so everything is extracted again. The cache lives beside the published
files and is not part of them: losing it costs time, never correctness.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import pickle
import tempfile
import zlib
from collections.abc import Container, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import fields, replace
from datetime import date
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar

from kg.files import ONTOLOGY_DIR, PACKAGE_DIR, no_gc, write_atomic
from kg.model import Entity, Evidence, Extraction, Label, PartialDate, Post, Report, Span, Topic
from kg.segments import Location, Segments, keep_only

if TYPE_CHECKING:
    from kg.lexicon import Lexicon

CACHE_NAME = ".dipkg-cache"
EXTRACTIONS = "extractions"
SUFFIX = ".pickle"
GRAPHS = "graphs"
OUTLINES = "outlines"
# What each input file gave (``kg.inputs.memo.MemoFile``), and the folder it was kept in before it was kept in SQLite
# (a build removes it).
INPUTS = "inputs.sqlite"
OLD_INPUTS = "inputs"
TEXTS = "texts"
# The lexicon pickled, after the version it was loaded by (``kept_lexicon``).
LEXICON_FILE = "lexicon.pickle"
# Segments of the outline pack before it is rewritten as one.
MAX_SEGMENTS = 32
# Values a segment pickles at a time: a pickler remembers every object of one dump until it ends, which for the
# outlines of a whole collection is as much memory again as the outlines themselves.
CHUNK = 500
GRAPH_SUFFIX = ".nt.z"
# Compressed bytes of a kept graph read at a time (``GraphCache.pieces``): a megabyte came out as pieces of 10 MB and
# more, which split into lines took the patch of the ranks of 100,000 reports 152 MB instead of 70 MB (as read from
# the store).
PIECE_BYTES = 1 << 16
V = TypeVar("V")
# The evidence of an outline's posts, meetings and topics (``outline``).
NO_EVIDENCE = Evidence("", Span(0, 0, ""), Span(0, 0, ""))
# What the extractor's version is the hash of, relative to the package folder; and the ontology's files, wherever
# ``kg.files`` finds them, as ``ontology/NAME``: the lexicon reads their SKOS labels (the sectors' and posts' names).
VERSION_GLOBS = ("**/*.py", "lexicons/*", "lang/*/*.tsv", "models/*")
ONTOLOGY_GLOB = "*.ttl"


@cache
def extractor_version() -> str:
    """The hash of every code and data file extraction depends on (names and contents): a build made by another
    extracts every report again, and loads the lexicon anew (``kept_lexicon``)."""
    digest = hashlib.sha256()
    files = sorted({(str(p.relative_to(PACKAGE_DIR)), p) for pattern in VERSION_GLOBS for p in PACKAGE_DIR.glob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    files += sorted((f"ontology/{p.name}", p) for p in ONTOLOGY_DIR.glob(ONTOLOGY_GLOB) if p.is_file())
    for name, path in files:
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def kept_lexicon(folder: Path | None) -> Lexicon:
    """The lexicon (``load_lexicon()``): where this process has not loaded it yet, read from the pickle in the cache
    ``folder`` that this version of the code and data wrote (``extractor_version``), else loaded and pickled there.
    Unpickled with the garbage collector paused it takes 0.14 s here, against 0.41 s to load. A build with an output
    folder loads it while its inputs are read (``kg.pipeline``), before the processes extracting reports are forked."""
    from kg.lexicon import Lexicon, give_lexicon, load_lexicon

    if folder is None or load_lexicon.cache_info().currsize:
        return load_lexicon()
    path, version = folder / LEXICON_FILE, extractor_version()
    try:
        with open(path, "rb") as fh, no_gc():
            if pickle.load(fh) == version and isinstance(lexicon := pickle.load(fh), Lexicon):
                give_lexicon(lexicon)
                return load_lexicon()
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError,
            ValueError):
        pass  # made again
    lexicon = load_lexicon()  # freshly loaded: pickled before any lookup fills its memos

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            pickle.dump(version, fh, protocol=5)
            pickle.dump(lexicon, fh, protocol=5)

    with suppress(OSError):  # else read from the files again next time
        write_atomic(path, write)
    return lexicon


# A report's fields but its text, in their order.
_report_fields = attrgetter(*(f.name for f in fields(Report) if f.name != "text"))


# The values a pickle of ``shared_dumps`` names by themselves, so that unpickled each is the one object ``Shared``
# holds for it: strings, the small frozen values many reports repeat (names, sectors, dates and the outline's
# evidence), and the entities and posts of outlines (a person holds one post in report after report: at 100,000
# generated reports, 200,000 posts took 20 MB, and the dates of publication 3 MB). An outline's mentions are not
# among them: shared across reports too they would take less memory again but cost a third more time to load; nor
# are its meetings, most of which differ.
SHARED_TYPES = frozenset({str, Label, Topic, PartialDate, Evidence, Span, Entity, Post, date})


class _SharingPickler(pickle.Pickler):
    """Pickles each value of ``SHARED_TYPES`` as a persistent id, the value itself, so that the unpickler can give
    equal ones one object (``_Table``). One report's outline (``shared_dumps``) repeats few values: numbering them
    (``_NumberingPickler``) took 0.41 to 0.53 ms an outline instead of 0.15 to 0.17 and made it longer."""

    def __init__(self, file: BinaryIO) -> None:
        super().__init__(file, protocol=5)

    def persistent_id(self, obj: object) -> object | None:
        return obj if type(obj) in SHARED_TYPES else None


class _NumberingPickler(_SharingPickler):
    """``_SharingPickler`` for a file of many chunks (``Pack``): a value the first time the file holds it as its
    number and itself, pickled whole, and after that, in any chunk of the file, as its number alone.

    Pickled whole each time a chunk held it (a chunk's pickle remembers its objects until it ends), the outlines of
    10,000 generated reports named their entities, posts and names 60,000 times, took 16 MB, and loading them made
    each again and compared it with the one kept (1.0 to 1.3 s); numbered, each is made once a file."""

    def __init__(self, file: BinaryIO) -> None:
        super().__init__(file)
        self._numbers: dict[int, int] = {}  # by id: a value met again is the same object, as a rule
        self._by_value: dict[object, int] = {}
        self._held: list[object] = []  # what the ids name, kept alive while they are in use
        self._whole: object | None = None

    def persistent_id(self, obj: object) -> object | None:
        if type(obj) not in SHARED_TYPES:
            return None
        if obj is self._whole:  # the value of the id just given, pickled whole
            self._whole = None
            return None
        number = self._numbers.get(id(obj))
        if number is not None:
            return number
        self._held.append(obj)
        number = self._by_value.get(obj)
        if number is None:  # new to the file: numbered, and pickled whole
            number = self._numbers[id(obj)] = self._by_value[obj] = len(self._by_value)
            self._whole = obj
            return (number, obj)
        self._numbers[id(obj)] = number  # (an equal value the file holds already)
        return number


class _Table:
    """The values of ``SHARED_TYPES`` one file of ``_SharingPickler`` or ``_NumberingPickler`` holds, each the one
    object ``shared`` holds for it; ``load`` is its unpicklers' ``persistent_load``: a value, or a numbered one (a
    value is numbered before the values inside it and unpickled after them: the numbers come in no order)."""

    def __init__(self, shared: Shared) -> None:
        self.shared = shared
        self.values: dict[int, object] = {}

    def load(self, pid: object) -> object:
        kind = type(pid)
        if kind is tuple and len(pid) == 2 and type(pid[0]) is int:  # type: ignore[arg-type]
            value = self.values[pid[0]] = self.shared[pid[1]]  # type: ignore[index]
            return value
        if kind is not int:
            return self.shared[pid]  # (a value of another type is refused there)
        try:
            return self.values[pid]  # type: ignore[index]
        except KeyError:
            raise pickle.UnpicklingError(f"an unknown persistent id: {pid}") from None


class Shared(dict[object, object]):
    """One object for each value of ``SHARED_TYPES``: ``shared[v]`` is the first value equal to ``v`` it was
    asked for.

    The outlines of a collection name the same states, persons and organizations alike again and again: at 10,000
    generated reports 60,000 entities, of which 1,603 differ. With them shared the outlines took 13 MB against 33 MB."""

    def __missing__(self, key: object) -> object:
        if type(key) not in SHARED_TYPES:
            raise pickle.UnpicklingError(f"a shared value of type {type(key).__name__}")
        self[key] = key
        return key


def _unpickler(file: BinaryIO, table: _Table) -> pickle.Unpickler:
    """An unpickler that gives each value pickled by ``_SharingPickler`` the object ``table`` holds for it."""
    unpickler = pickle.Unpickler(file)
    unpickler.persistent_load = table.load  # type: ignore[method-assign]
    return unpickler


def shared_dumps(value: object) -> bytes:
    """``value`` pickled for ``shared_loads``."""
    out = io.BytesIO()
    _SharingPickler(out).dump(value)
    return out.getvalue()


def shared_loads(data: bytes, shared: Shared) -> Any:
    """What ``shared_dumps`` pickled, each of its strings, names, sectors, dates and evidence (``SHARED_TYPES``)
    the one ``shared`` holds when equal to one there.

    The outlines of a collection name the same states, sectors, kinds, languages and keys again and
    again: at 10,000 generated reports 480,000 strings, of which 13,000 differ, and 213,000 names, of which
    1,537 differ. Unpickled one report at a time each would be an object of its own: the outlines took 61 MB
    with equal strings alone one object, and take 34 MB so (with an entity's equal mentions one object,
    ``outline``), loaded in the same time."""
    return _unpickler(io.BytesIO(data), _Table(shared)).load()


def extraction_key(report: Report, extractors: Sequence[str], digest: str | None = None) -> str:
    """The key of a report's extraction: the report's every field, the extractors and the version.

    The fields but the text are read through the ``repr`` of their tuple, which escapes what is not printable:
    a pickle would also tell which of them are one object (a report read again, or with its strings shared, by
    ``Shared``). The text is read through its hash (``text_digest``; ``digest`` where it is known, as for a
    report whose text is kept in a ``TextStore``)."""
    key = hashlib.sha256(extractor_version().encode("ascii"))
    key.update("\0".join(extractors).encode("utf-8") + b"\0")
    key.update(repr(_report_fields(report)).encode("utf-8") + b"\0")
    key.update((digest or text_digest(report.text)).encode("ascii"))
    return key.hexdigest()


class ExtractionCache(Segments):
    """The extractions under ``folder``, pickled, in segments (``kg.segments``) found by their keys."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder / EXTRACTIONS)

    def get(self, key: str) -> Extraction | None:
        return self._loads(self.get_bytes(key))

    def read_extraction(self, where: Location) -> Extraction | None:
        """The extraction at ``where`` (from the index or ``put``), or None when it cannot be read."""
        return self._loads(self.read(where))

    @staticmethod
    def _loads(data: bytes | None) -> Extraction | None:
        try:
            found = pickle.loads(data) if data is not None else None
        except (EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return found if isinstance(found, Extraction) else None

    def put(self, key: str, extraction: Extraction) -> Location | None:
        """Keep the extraction; where it lies, or None when it could not be written."""
        return self.put_bytes(key, pickle.dumps(extraction, protocol=5))


class TextStore(Segments):
    """The reports' texts under ``folder``, found by their hash (``text_digest``): a build reads each input
    once, keeps the texts here rather than in memory, and the process that extracts a report reads its text
    back. A rebuild that finds a file unchanged finds its texts here."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder / TEXTS)

    def get(self, digest: str) -> str | None:
        where = self.index.get(digest)
        return self.read_text(where) if where is not None else None

    def read_text(self, where: Location) -> str | None:
        """The text at ``where`` (from the index or ``put``), or None when it cannot be read."""
        data = self.read(where)
        return data.decode("utf-8", "surrogatepass") if data is not None else None

    def put(self, text: str) -> tuple[str, Location | None]:
        """Keep ``text``: its digest, and where it lies (None when it could not be written). A text the store
        holds, and still reads back whole, is not written again: a build that reads every file again (its reading
        code changed) would otherwise write every text again, and the next build copy them all to drop the old
        ones."""
        data = text.encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(data).hexdigest()
        where = self.index.get(digest)
        if where is not None and self.read(where) == data:
            return digest, where
        return digest, self.put_bytes(digest, data)


def text_digest(text: str) -> str:
    """The hash a report's text is kept and keyed under (``TextStore``, ``extraction_key``)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Pack(Generic[V]):
    """Values a rebuild reads for every report, in a few files rather than one per report: the
    outlines of the extractions (``outline``: what the cross-report steps read).

    The pack is a list of segments, each a file of pickled ``{key: value}`` chunks of at most ``CHUNK``
    values, one after another. A build appends a segment with the values it lacked and rewrites the
    pack as one segment when more than half of what it holds is no longer wanted (or it has
    ``MAX_SEGMENTS``). A lost or unreadable segment costs time only: the values are made again."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder / name
        self._held = 0
        self._damaged = False  # a segment that did not load whole: the next save rewrites the pack without it

    def load(self, shared: Shared | None = None, wanted: Container[str] | None = None) -> dict[str, V]:
        """The values held (those of the ``wanted`` keys, where given: a pack written before the extractor
        changed holds none a build can use), their equal strings, names, sectors and dates one object
        (``shared_loads``), that of ``shared`` where given."""
        out: dict[str, V] = {}
        shared = Shared() if shared is None else shared
        for path in self._segments():
            table = _Table(shared)  # the shared values of the segment, numbered across its chunks
            try:
                with open(path, "rb") as fh:
                    while fh.peek(1):  # a chunk at a time, each with the memo it was pickled with
                        found = _unpickler(fh, table).load()
                        if not isinstance(found, dict):
                            break
                        out.update(found if wanted is None else {k: v for k, v in found.items() if k in wanted})
                        self._held += len(found)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
                self._damaged = True
                continue
        return out

    def save(self, wanted: dict[str, V], known: Iterable[str]) -> None:
        """Keep the values of ``wanted``; ``known`` are the keys the pack already holds (from ``load``)."""
        held = set(known)
        new = {k: x for k, x in wanted.items() if k not in held}
        old = self._segments()
        compact = (self._damaged or self._held - (len(wanted) - len(new)) > len(wanted) // 2
                   or len(old) >= MAX_SEGMENTS)
        if not new and not compact:
            return
        number = max((int(p.stem) for p in old if p.stem.isdigit()), default=-1) + 1
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=SUFFIX, dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pickler = _NumberingPickler(fh)
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

    def size(self) -> int:
        """The bytes of the files the pack holds (0 for none)."""
        total = 0
        for path in self._segments():
            try:
                total += path.stat().st_size
            except OSError:
                continue
        return total

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
    exports are written from these rather than read back from the store, which is slower. The graphs of tallies are
    kept by every build: a rebuild patches them by the lines that changed, and reads those of the graph the store
    holds from here (``pieces``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / GRAPHS

    def path(self, signature: str) -> Path:
        return self.folder / f"{signature}{GRAPH_SUFFIX}"

    def get(self, signature: str) -> bytes | None:
        try:
            return zlib.decompress(self.path(signature).read_bytes())
        except (OSError, zlib.error):
            return None

    def has(self, signature: str) -> bool:
        return self.path(signature).is_file()

    def pieces(self, signature: str) -> Iterator[bytes]:
        """The N-Triples kept under ``signature`` in pieces of whole lines, decompressed a piece at a time (the ranks
        of 100,000 reports are 37 MB of them); OSError (FileNotFoundError where none is kept) or zlib.error where they
        cannot be read whole, after the pieces read so far."""
        unpacker, rest = zlib.decompressobj(), b""
        with open(self.path(signature), "rb") as fh:
            while data := fh.read(PIECE_BYTES):
                data = rest + unpacker.decompress(data)
                end = data.rfind(b"\n") + 1
                rest = data[end:]
                if end:
                    yield data[:end]
        rest += unpacker.flush()
        if not unpacker.eof:
            raise zlib.error(f"{self.path(signature)}: cut short")
        if rest:
            yield rest

    def put(self, signature: str, ntriples: bytes) -> None:
        for _ in self.kept(signature, [ntriples]):
            pass

    def kept(self, signature: str, pieces: Iterable[bytes]) -> Iterator[bytes]:
        """The N-Triples ``pieces`` as they come, kept (as by ``put``) once the last has come: a graph of tens of
        megabytes (the ranks of a large collection) is written into the store and kept a piece at a time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=GRAPH_SUFFIX, dir=self.folder)
        except OSError:
            yield from pieces
            return
        fh, packer, writing = os.fdopen(fd, "wb"), zlib.compressobj(1), True
        try:
            for piece in pieces:
                if writing:
                    try:
                        fh.write(packer.compress(piece))
                    except OSError:  # not kept; the pieces still come
                        writing = False
                yield piece
            if writing:
                try:
                    fh.write(packer.flush())
                    fh.close()
                    os.replace(tmp, self.path(signature))
                except OSError:
                    pass
        finally:
            fh.close()
            Path(tmp).unlink(missing_ok=True)  # unless it was kept

    def keep_only(self, signatures: Iterable[str]) -> None:
        keep_only(self.folder, {f"{s}{GRAPH_SUFFIX}" for s in signatures})
