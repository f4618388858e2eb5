"""Where each of tens of thousands of values lies, by key: ``PackedIndex``, the index of ``kg.segments.Segments``.

Its keys are mostly hashes (64 lowercase hexadecimal digits: the texts' and the extractions' keys). Those are
packed: their 32 bytes in one sorted ``bytes``, their first 8 as integers in a sorted array searched by ``bisect``,
and where each value lies in three more arrays (its segment's number among the segment names, offset, size). Any
other key, and a hash set since the index was packed, waits in a dict until it is packed again (``packed``, as the
index is pickled). At 100,000 keys a dict of strings and tuples took about 27 MB and a frozen set of its keys 15 MB
more; packed, the index takes 5.6 MB and is pickled and read back whole.

This module imports nothing of the project.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Mapping, MutableMapping

# Where a value lies: its segment, the offset of its bytes and their length (as ``kg.segments.Location``).
Location = tuple[str, int, int]
KEY_BYTES = 32
# The packed entries are found first by the top bits of their keys (a table of 2 ** 12 + 1 positions, 16 KB), then by
# bisection among the few that share them.
BUCKET_BITS = 12
BUCKET_SHIFT = 64 - BUCKET_BITS
# The offset of an entry taken out (``__delitem__``) until the index is packed again.
GONE = (1 << 64) - 1


class PackedIndex(MutableMapping[str, Location]):
    """Key → where its value lies (``Location``), packed where the key is a hash (see the module)."""

    def __init__(self, entries: Mapping[str, Location] | Iterable[tuple[str, Location]] = ()) -> None:
        self._pack(entries.items() if isinstance(entries, Mapping) else entries)

    def _pack(self, entries: Iterable[tuple[str, Location]]) -> None:
        rows, more = [], {}
        segments: dict[str, int] = {}
        for key, (segment, offset, size) in entries:
            raw = _raw(key)
            if raw is not None:
                rows.append((raw, segments.setdefault(segment, len(segments)), offset, size))
            else:
                more[key] = (segment, offset, size)
        rows.sort()
        self._names = list(segments)
        self._keys = b"".join(r[0] for r in rows)
        self._prefixes = array("Q", (int.from_bytes(r[0][:8], "big") for r in rows))
        self._segments = array("I", (r[1] for r in rows))
        self._offsets = array("Q", (r[2] for r in rows))
        self._sizes = array("Q", (r[3] for r in rows))
        self._more: dict[str, Location] = more
        self._ids = segments
        self._gone = 0
        self._starts = _starts(self._prefixes)

    def _position(self, key: str) -> int:
        """The packed entry of ``key``, or -1."""
        if len(key) != 2 * KEY_BYTES:
            return -1
        try:
            prefix = int(key[:16], 16)
        except ValueError:
            return -1
        bucket = prefix >> BUCKET_SHIFT
        prefixes, end = self._prefixes, self._starts[bucket + 1]
        n = bisect.bisect_left(prefixes, prefix, self._starts[bucket], end)
        while n < end and prefixes[n] == prefix:
            if self._keys[n * KEY_BYTES:(n + 1) * KEY_BYTES].hex() == key:  # (a key in capitals is not packed)
                return n if self._offsets[n] != GONE else -1
            n += 1
        return -1

    def __getitem__(self, key: str) -> Location:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Location | None = None) -> Location | None:  # type: ignore[override]
        found = self._more.get(key)
        if found is not None:
            return found
        n = self._position(key)
        return default if n < 0 else (self._names[self._segments[n]], self._offsets[n], self._sizes[n])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self._more or self._position(key) >= 0)

    def __setitem__(self, key: str, where: Location) -> None:
        n = self._position(key)
        if n < 0:
            self._more[key] = where
            return
        segment, offset, size = where
        if segment not in self._ids:
            self._ids[segment] = len(self._names)
            self._names.append(segment)
        self._segments[n], self._offsets[n], self._sizes[n] = self._ids[segment], offset, size

    def __delitem__(self, key: str) -> None:
        if key in self._more:
            del self._more[key]
            return
        n = self._position(key)
        if n < 0:
            raise KeyError(key)
        self._offsets[n] = GONE
        self._gone += 1

    def __iter__(self) -> Iterator[str]:
        for n in range(len(self._offsets)):
            if self._offsets[n] != GONE:
                yield self._keys[n * KEY_BYTES:(n + 1) * KEY_BYTES].hex()
        yield from list(self._more)

    def __len__(self) -> int:
        return len(self._offsets) - self._gone + len(self._more)

    def packed(self) -> PackedIndex:
        """This index with every entry packed (itself, where they are)."""
        if self._more or self._gone:
            self._pack(list(self.items()))
        return self

    def __reduce__(self) -> tuple[object, ...]:
        self.packed()
        arrays = (self._prefixes, self._segments, self._offsets, self._sizes)
        return _unpacked, (self._names, self._keys, tuple(a.tobytes() for a in arrays), self._more)


def _raw(key: str) -> bytes | None:
    """The 32 bytes of a key that is a hash in lowercase hexadecimal digits (None for any other key)."""
    if len(key) != 2 * KEY_BYTES:
        return None
    try:
        raw = bytes.fromhex(key)
    except ValueError:
        return None
    return raw if len(raw) == KEY_BYTES and raw.hex() == key else None


def _unpacked(names: list[str], keys: bytes, arrays: tuple[bytes, bytes, bytes, bytes],
              more: dict[str, Location]) -> PackedIndex:
    index = PackedIndex.__new__(PackedIndex)
    index._names, index._keys, index._more, index._gone = names, keys, more, 0
    index._ids = {name: n for n, name in enumerate(names)}
    index._prefixes, index._segments, index._offsets, index._sizes = array("Q"), array("I"), array("Q"), array("Q")
    for values, data in zip((index._prefixes, index._segments, index._offsets, index._sizes), arrays, strict=True):
        values.frombytes(data)
    index._starts = _starts(index._prefixes)
    return index


def _starts(prefixes: array[int]) -> array[int]:
    """Where the keys of each bucket start among the sorted ``prefixes``, and their end."""
    return array("I", (bisect.bisect_left(prefixes, bucket << BUCKET_SHIFT) for bucket in range(1 << BUCKET_BITS))) + \
        array("I", [len(prefixes)])
