"""Values kept in a file rather than in memory, and read back one at a time: ``Records``.

A build keeps a few values for every report through all its stages (the report without its text, its
extraction's key, the hash of its text, its graph's signature): at 100,000 reports, lists of them took 90 MB of
the build's process. Written to a file once, they take a few pages of the system's file cache instead, which the
system may drop, and processes forked later read them through the same descriptor.

This module imports nothing of the project.
"""

from __future__ import annotations

import os
import pickle
import struct
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar, overload

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

T = TypeVar("T")
# A file of records: the pickles of the values one after another, then the offset of each and of their end
# (``OFFSET``, unsigned 64 bits each), then how many values (``OFFSET`` too).
OFFSET = struct.Struct("<Q")
# Bytes gathered before a write while the records are written, and read at once while they are iterated.
WRITE_BYTES = READ_BYTES = 1 << 20
# Records whose offsets are read at once while they are iterated.
BLOCK_RECORDS = 8192
# Records read at once ahead of a thread that reads them by position in order (``Records.__getitem__``), at most
# ``READ_BYTES`` of them, and how many such blocks a sequence keeps.
AHEAD_RECORDS = 256
AHEAD_BLOCKS = 2


class Records(Sequence[T], Generic[T]):
    """A sequence of picklable values in a file, read back by position with positioned reads (so that processes
    forked after it is made read it through the descriptor they inherit, none moving another's offset).

    ``Records(values)`` writes them to a file of their own that has no name (removed when closed); ``save`` writes
    them to a named file, for another process to ``load`` (which takes the name away at once)."""

    def __init__(self, values: Iterable[T], folder: Path | None = None) -> None:
        with tempfile.TemporaryFile(dir=folder) as fh:
            _write(fh.fileno(), values)
            self._fd = os.dup(fh.fileno())
        self._count, self._size = _count(self._fd)
        self._ready()

    @classmethod
    def load(cls, path: Path) -> Records[T]:
        """The records ``save`` wrote to ``path``, which is removed (they stay readable through this object)."""
        self = cls.__new__(cls)
        self._fd = os.open(path, os.O_RDONLY)
        try:
            self._count, self._size = _count(self._fd)
        except OSError:
            self.close()
            raise
        finally:
            os.unlink(path)
        self._ready()
        return self

    def _ready(self) -> None:
        self._next: dict[int, int] = {}  # by thread, the position it reads next where it reads them in order
        self._blocks: list[tuple[int, int, tuple[int, ...], bytes]] = []  # the last records read ahead

    @staticmethod
    def save(values: Iterable[T], path: Path) -> None:
        """Write ``values`` to ``path`` as records (for ``load``)."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _write(fd, values)
        finally:
            os.close(fd)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(f"record {index} of {self._count}")
        for first, stop, offsets, data in self._blocks:
            if first <= index < stop:
                at = offsets[index - first] - offsets[0]
                return pickle.loads(data[at:at + offsets[index - first + 1] - offsets[index - first]])
        thread = threading.get_ident()
        in_order, self._next[thread] = self._next.get(thread) == index, index + 1
        if in_order:  # the record after the last this thread read: it and the next ones in one read
            block = self._read_ahead(index)
            self._blocks = [block, *self._blocks[:AHEAD_BLOCKS - 1]]
            self._next[thread] = block[1]  # the block's records are read from it; the next block after them
            return self[index]
        where = self._size - OFFSET.size * (self._count - index + 2)
        start, end = struct.unpack("<QQ", os.pread(self._fd, 2 * OFFSET.size, where))
        return pickle.loads(os.pread(self._fd, end - start, start))

    def _read_ahead(self, first: int) -> tuple[int, int, tuple[int, ...], bytes]:
        """Records ``first`` on (``AHEAD_RECORDS`` of them at most, and as many as ``READ_BYTES`` hold, at least
        one): the first's position, the position after the last, their offsets and their bytes."""
        n = min(AHEAD_RECORDS, self._count - first)
        table = self._size - OFFSET.size * (self._count + 2)
        offsets = struct.unpack(f"<{n + 1}Q", os.pread(self._fd, OFFSET.size * (n + 1), table + OFFSET.size * first))
        stop = 1
        while stop < n and offsets[stop + 1] - offsets[0] <= READ_BYTES:
            stop += 1
        return first, first + stop, offsets[:stop + 1], os.pread(self._fd, offsets[stop] - offsets[0], offsets[0])

    def __iter__(self) -> Iterator[T]:
        """The values in order, read a block at a time, each from its own pickle (one unpickler over the stream
        would keep every value it made in its memo, which protocol 4 and later grows from load to load, until the
        iteration ends)."""
        count, fd = self._count, self._fd
        table = self._size - OFFSET.size * (count + 2)
        for first in range(0, count, BLOCK_RECORDS):
            n = min(BLOCK_RECORDS, count - first)
            offsets = struct.unpack(f"<{n + 1}Q", os.pread(fd, OFFSET.size * (n + 1), table + OFFSET.size * first))
            i = 0
            while i < n:
                j = i + 1  # the records of one read: at least one, at most READ_BYTES unless one is larger
                while j < n and offsets[j + 1] - offsets[i] <= READ_BYTES:
                    j += 1
                data = memoryview(os.pread(fd, offsets[j] - offsets[i], offsets[i]))
                for k in range(i, j):
                    yield pickle.loads(data[offsets[k] - offsets[i]:offsets[k + 1] - offsets[i]])
                i = j

    def close(self) -> None:
        if getattr(self, "_fd", -1) >= 0:
            os.close(self._fd)
            self._fd = -1

    def __del__(self) -> None:
        self.close()


def _write(fd: int, values: Iterable[T]) -> None:
    """The pickles of ``values``, then their offsets (kept in a file of their own until then), then their count."""
    with tempfile.TemporaryFile() as offsets, os.fdopen(os.dup(fd), "wb", buffering=WRITE_BYTES) as out:
        at = 0
        count = 0
        for value in values:
            data = pickle.dumps(value, protocol=5)
            offsets.write(OFFSET.pack(at))
            out.write(data)
            at += len(data)
            count += 1
        offsets.write(OFFSET.pack(at))
        offsets.seek(0)
        while chunk := offsets.read(WRITE_BYTES):
            out.write(chunk)
        out.write(OFFSET.pack(count))


def _count(fd: int) -> tuple[int, int]:
    """How many records the file holds, and its size."""
    size = os.fstat(fd).st_size
    if size < OFFSET.size:
        raise OSError(f"not a file of records ({size} bytes)")
    (count,) = OFFSET.unpack(os.pread(fd, OFFSET.size, size - OFFSET.size))
    if OFFSET.size * (count + 2) > size:
        raise OSError(f"not a file of records ({count} records in {size} bytes)")
    return count, size
