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
from collections.abc import ItemsView, Iterable, Iterator, Mapping, MutableMapping, ValuesView

# Where a value lies: its segment, the offset of its bytes and their length (as ``kg.segments.Location``).
Location = tuple[str, int, int]
KEY_BYTES = 32
# The packed entries are found first by the top bits of their keys (a table of 2 ** 12 + 1 positions, 16 KB), then by
# bisection among the few that share them.
BUCKET_BITS = 12
BUCKET_SHIFT = 64 - BUCKET_BITS
# Hash keys set since the index was packed are inserted in their places when they are fewer than an eighth of the
# packed ones (each insertion moves the arrays' bytes after it); more, and the index is packed again whole.
INSERT_FEWER_THAN = 8
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
        self._keys = b"".join([r[0] for r in rows])
        self._prefixes = array("Q", [int.from_bytes(r[0][:8], "big") for r in rows])
        self._segments = array("I", [r[1] for r in rows])
        self._offsets = array("Q", [r[2] for r in rows])
        self._sizes = array("Q", [r[3] for r in rows])
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
        self._segments[n], self._offsets[n], self._sizes[n] = self._id(segment), offset, size

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
        return (key for key, _ in self._entries())

    def items(self) -> ItemsView[str, Location]:
        return _Items(self)

    def values(self) -> ValuesView[Location]:
        return _Values(self)

    def _entries(self) -> Iterator[tuple[str, Location]]:
        """Every entry, read off the arrays (rather than each key looked up again)."""
        names, keys = self._names, self._keys
        for n, (segment, offset, size) in enumerate(zip(self._segments, self._offsets, self._sizes, strict=True)):
            if offset != GONE:
                yield keys[n * KEY_BYTES:(n + 1) * KEY_BYTES].hex(), (names[segment], offset, size)
        yield from list(self._more.items())

    def __len__(self) -> int:
        return len(self._offsets) - self._gone + len(self._more)

    def packed(self) -> PackedIndex:
        """This index with every hash key packed (itself): the entries taken out dropped, and those set since it
        was packed put in their places (a few by insertion, many by packing it all again)."""
        if self._gone:
            self._select([n for n, offset in enumerate(self._offsets) if offset != GONE])
        added = sorted((raw, key) for key in self._more if (raw := _raw(key)) is not None)
        if len(added) * INSERT_FEWER_THAN > len(self._offsets):
            self._pack(list(self._entries()))
        elif added:
            for raw, key in added:
                segment, offset, size = self._more.pop(key)
                prefix = int.from_bytes(raw[:8], "big")
                n = bisect.bisect_left(self._prefixes, prefix)
                while n < len(self._prefixes) and self._keys[n * KEY_BYTES:(n + 1) * KEY_BYTES] < raw:
                    n += 1
                self._keys = b"".join((self._keys[:n * KEY_BYTES], raw, self._keys[n * KEY_BYTES:]))
                for values, value in zip(self._arrays(), (prefix, self._id(segment), offset, size), strict=True):
                    values.insert(n, value)
            self._starts = _starts(self._prefixes)
        return self

    def segments(self) -> set[str]:
        """The names of the segments its values lie in."""
        ids = set(self._segments) if not self._gone else {
            i for i, offset in zip(self._segments, self._offsets, strict=True) if offset != GONE}
        return {self._names[i] for i in ids} | {segment for segment, _, _ in self._more.values()}

    def value_bytes(self) -> int:
        """The bytes of its values."""
        packed = sum(self._sizes) if not self._gone else sum(
            size for size, offset in zip(self._sizes, self._offsets, strict=True) if offset != GONE)
        return packed + sum(size for _, _, size in self._more.values())

    def drop_segments(self, names: set[str]) -> None:
        """Take out the entries whose values lie in the segments ``names``."""
        if names:
            for key in [key for key, (segment, _, _) in self._entries() if segment in names]:
                del self[key]

    def only(self, keys: Iterable[str]) -> PackedIndex:
        """A new index of the entries of ``keys`` (those it has)."""
        positions, more = set(), {}
        for key in keys:
            where = self._more.get(key)
            if where is not None:
                more[key] = where
            elif (n := self._position(key)) >= 0:
                positions.add(n)
        out = PackedIndex.__new__(PackedIndex)
        out._names, out._ids, out._more, out._keys = list(self._names), dict(self._ids), more, self._keys
        out._prefixes, out._segments, out._offsets, out._sizes = self._arrays()
        out._select(sorted(positions))  # (new arrays: this index's stay as they are)
        return out

    def _select(self, positions: list[int]) -> None:
        """Keep the packed entries at ``positions`` (in order) alone."""
        keys = self._keys
        self._keys = b"".join([keys[n * KEY_BYTES:(n + 1) * KEY_BYTES] for n in positions])
        self._prefixes, self._segments, self._offsets, self._sizes = (
            array(values.typecode, [values[n] for n in positions]) for values in self._arrays())
        self._gone = 0
        self._starts = _starts(self._prefixes)

    def _arrays(self) -> tuple[array[int], array[int], array[int], array[int]]:
        return self._prefixes, self._segments, self._offsets, self._sizes

    def _id(self, segment: str) -> int:
        """The number of a segment's name."""
        if segment not in self._ids:
            self._ids[segment] = len(self._names)
            self._names.append(segment)
        return self._ids[segment]

    def __reduce__(self) -> tuple[object, ...]:
        self.packed()
        return _unpacked, (self._names, self._keys, tuple(a.tobytes() for a in self._arrays()), self._more)


class _Items(ItemsView[str, Location]):
    _mapping: PackedIndex

    def __iter__(self) -> Iterator[tuple[str, Location]]:
        return self._mapping._entries()


class _Values(ValuesView[Location]):
    _mapping: PackedIndex

    def __iter__(self) -> Iterator[Location]:
        return (where for _, where in self._mapping._entries())


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
