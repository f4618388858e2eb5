"""Values kept between builds in a few append-only files rather than a file each: ``Segments``.

Creating a file is costly on a busy machine (half a millisecond while both cores extract, against a hundredth
for an append), so a value is appended to a segment file (a process writes into one of its own) and found by
an index of where each lies. The index is written at once (``save``), after the values it names are written:
a build killed half-way leaves the index of the build before, and segment bytes that no index names, which
``keep_only`` removes. A segment lost or unreadable costs time only: the value is made again.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path

from kg.files import write_atomic
from kg.packed_index import Location, PackedIndex

SEGMENT_SUFFIX = ".segment"
INDEX = "index.pickle"
# Segments a process keeps open for reading (``Segments._read``), past which it closes them all.
OPEN_READERS = 64


class Segments:
    """Bytes by key under ``folder``: appended to segment files and found by an index of where each lies."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._made_by = os.getpid()
        self._index: PackedIndex | None = None
        self._segment: tuple[int, int, str] | None = None  # the process's own: (process id, descriptor, name)
        self._readers: dict[str, int] = {}  # segment → a descriptor open for reading

    @property
    def index(self) -> PackedIndex:
        """Key → where its value lies (``kg.packed_index``; an index pickled as a dict is packed as it is read)."""
        if self._index is None:
            try:
                with open(self.folder / INDEX, "rb") as fh:
                    found = pickle.load(fh)
                self._index = found if isinstance(found, PackedIndex) else PackedIndex(
                    found if isinstance(found, dict) else {})
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
                self._index = PackedIndex()
        return self._index

    def forget(self) -> None:
        """Let go of the index, read again when next needed (by a process that seldom looks values up any more)."""
        self._index = None

    def get_bytes(self, key: str) -> bytes | None:
        where = self.index.get(key)
        return self.read(where) if where is not None else None

    def put_bytes(self, key: str, data: bytes) -> Location | None:
        """Keep ``data``: where it lies, or None when it could not be written. It is in this object's index when
        written by the process that made the object; a forked worker's caller ``note``s it in its own. The worker
        leaves the index it inherited alone: tens of thousands of entries added there took a copy of the pages
        the index shares with the caller, and more memory of the worker's own."""
        where = self._append(data)
        if where is not None and os.getpid() == self._made_by:
            self.index[key] = where
        return where

    def note(self, key: str, where: Location) -> None:
        """That ``key``'s value lies at ``where`` (written by another process; its segment's name one string
        for all the values in it, as the index of a large collection is kept through the build)."""
        segment, offset, size = where
        self.index[key] = (sys.intern(segment), offset, size)

    def held(self) -> frozenset[str]:
        """The keys of the values held."""
        return frozenset(self.index)

    def save(self) -> None:
        """Write the index (its entries' values are written: an index never names what is not there), and
        close this process's segment."""
        self._close()
        self._close_readers()
        with contextlib.suppress(OSError):
            write_atomic(self.folder / INDEX, lambda tmp: _dump(tmp, self.index))

    def keep_only(self, keys: Iterable[str]) -> None:
        """Keep the values of ``keys`` only (those of the latest build). When most of the bytes of the segments
        that hold them are no longer wanted, the wanted ones are written into one new segment; files that no
        entry names (segments of unwanted values only, of a build that did not end) are removed."""
        index = self.index.only(keys)
        sizes = {}
        for name in index.segments():  # a segment of none of them is removed whole
            with contextlib.suppress(OSError):
                sizes[name] = os.path.getsize(self.folder / name)
        index.drop_segments(index.segments() - sizes.keys())  # lost
        if 2 * index.value_bytes() < sum(sizes.values()):
            index = PackedIndex(self._rewritten(index))
        self._index = index
        self.save()
        keep_only(self.folder, {INDEX, *index.segments()})

    def _rewritten(self, index: PackedIndex) -> dict[str, Location]:
        """The values of ``index`` copied into a new segment (those that can still be read)."""
        out: dict[str, Location] = {}
        self._close()
        for key, where in index.items():
            data = self.read(where)
            if data is not None and (copied := self._append(data)) is not None:
                out[key] = copied
        self._close()
        return out

    def read(self, where: Location) -> bytes | None:
        """The bytes at ``where`` (from ``put_bytes`` or the index), or None when they cannot be read. They are read
        through a descriptor kept open for the segment: the values of a build are read one by one, and opening
        the file for each costs four times the read. (A forked process reads through the descriptors it
        inherits: a positioned read moves no offset they share.)"""
        segment, offset, size = where
        try:
            fd = self._readers.get(segment)
            if fd is None:
                if len(self._readers) >= OPEN_READERS:
                    self._close_readers()
                fd = self._readers[segment] = os.open(self.folder / segment, os.O_RDONLY)
            data = os.pread(fd, size, offset)
        except OSError:
            return None
        return data if len(data) == size else None

    def _close_readers(self) -> None:
        for fd in self._readers.values():
            with contextlib.suppress(OSError):
                os.close(fd)
        self._readers = {}

    def _append(self, data: bytes) -> Location | None:
        try:
            _, fd, name = self._own_segment()
            offset = os.lseek(fd, 0, os.SEEK_END)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        except OSError:
            return None  # what cannot be written only costs the next build time
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


def keep_only(folder: Path, wanted: set[str]) -> None:
    """Remove every file of ``folder`` not named in ``wanted``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name not in wanted:
            Path(entry.path).unlink(missing_ok=True)
