"""What each input file gave the last time it was read: ``Memo`` in memory, ``MemoFile`` in a build's cache.

A file's entry is found by two keys (``kg.inputs.collect``): the hash of its bytes, its names, the reading options
and the reading code's version (a file met again is not parsed again), and the hash of its names and status (size,
times, inode: a file whose status is unchanged is not even read). A memo keeps the entries of the last reading
only: those it found by the files' status (``by_status``) and those it was given (``keep``).

``MemoFile`` keeps the entries in an SQLite file: a build reads the entries of the files whose status is unchanged
in one pass, in the files' order, where a pickle of them all took 68 MB of the reading process at 100,000 files,
and the keys of those it used as much again.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from kg.model import Report

# The tables of a memo's file: what a file gave by the hash of its bytes (``gave``), and which of those a file's
# unchanged status names (``status``).
SCHEMA = ("CREATE TABLE {}gave (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID",
          "CREATE TABLE {}status (key BLOB PRIMARY KEY, gave BLOB NOT NULL) WITHOUT ROWID")
# The status keys of this reading's files, by the files' positions (in the connection that writes the new file).
WANTED = "CREATE TEMP TABLE wanted (n INTEGER PRIMARY KEY, key BLOB NOT NULL)"
# The positions of the files whose status the file before does not know.
UNKNOWN = "SELECT n FROM wanted WHERE key NOT IN (SELECT key FROM before.status) ORDER BY n"
# What the files whose status it knows gave, in their order.
BY_STATUS = ("SELECT w.n, g.value FROM wanted w JOIN before.status s ON s.key = w.key "
             "JOIN before.gave g ON g.key = s.gave ORDER BY w.n")
# What ``save`` keeps of the file before: the entries of the files found by their status (unless a file read again
# gave another), and what they name.
KEEP = ("INSERT OR IGNORE INTO status SELECT s.key, s.gave FROM wanted w JOIN before.status s ON s.key = w.key",
        "INSERT OR IGNORE INTO gave SELECT g.key, g.value FROM before.gave g WHERE g.key IN (SELECT gave FROM status)")
# A value by the hash of a file's bytes.
FIND = "SELECT value FROM gave WHERE key = ?"
# The memo being written, beside the file it replaces once the reading is done (a build killed before leaves it).
WRITING_PREFIX = ".writing-"
# Entries ``keep`` gathers before it writes them.
KEEP_BATCH = 512


class Gave(NamedTuple):
    """What an input gave: its reports and their texts' hashes, and the lines naming its problems and notes."""

    reports: tuple[Report, ...]
    digests: tuple[str, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass
class Memo:
    """What each input file gave, in memory: key → ``Gave`` (``found``). ``version`` is part of every key; ``used``
    collects the entries of this reading, under their keys."""

    version: str
    found: dict[bytes, Gave] = field(default_factory=dict)
    used: dict[bytes, Gave] = field(default_factory=dict)

    def unknown(self, statuses: Sequence[bytes | None]) -> list[int]:
        """The positions of the files whose status (their key by it, None where it cannot be trusted) is not
        known."""
        return [n for n, key in enumerate(statuses) if key is None or key not in self.found]

    def by_status(self, statuses: Sequence[bytes | None]) -> Iterator[tuple[int, Gave]]:
        """What the files whose status is known gave, by their positions, in their order (each used)."""
        for n, key in enumerate(statuses):
            if key is not None and (found := self.found.get(key)) is not None:
                self.used[key] = found
                yield n, found

    def get(self, key: bytes) -> Gave | None:
        """What a file gave, by the hash of its bytes."""
        return self.found.get(key)

    def keep(self, keys: Sequence[bytes], gave: Gave) -> None:
        """What a file gave, under ``keys``: the hash of its bytes, then that of its status where it has one (which
        then names this entry, whatever it was found with)."""
        self.used.update(dict.fromkeys(keys, gave))

    def save(self) -> None:
        """Keep what this reading used (nothing to do in memory: ``used`` is there)."""

    def close(self) -> None:
        """Let go of what was not saved."""


class MemoFile(Memo):
    """A memo in the SQLite file ``path``. The main process writes the entries of this reading into a new file,
    with the file before attached (``before``), and ``save`` puts it in the place of that one; entries are found by
    the hash of a file's bytes in the file before (by any process forked from this one, each through a connection of
    its own). A build killed before leaves the file as it was; an unreadable one is a memo of nothing."""

    def __init__(self, version: str, path: Path) -> None:
        super().__init__(version)
        self.path = path
        self._before: tuple[int, sqlite3.Connection | None] | None = None  # (process id, connection)
        self._writing: tuple[Path, sqlite3.Connection] | None = None
        self._kept: list[tuple[bytes, bytes, tuple[bytes, ...]]] = []  # entries to write
        self._failed = False  # a write into the new file failed: it is not kept
        self._saved = False
        self._statuses: Sequence[bytes | None] | None = None  # those in the table ``wanted``

    def unknown(self, statuses: Sequence[bytes | None]) -> list[int]:
        try:
            unseen = [n for (n,) in self._wanted(statuses).execute(UNKNOWN)]
        except (OSError, sqlite3.Error):  # (every file is then read, and the memo before stays)
            self._failed = True
            return list(range(len(statuses)))
        return sorted([*unseen, *(n for n, key in enumerate(statuses) if key is None)])

    def by_status(self, statuses: Sequence[bytes | None]) -> Iterator[tuple[int, Gave]]:
        if self._failed:  # (``unknown`` then named every file)
            return
        try:
            for n, value in self._wanted(statuses).execute(BY_STATUS):
                if (gave := _loaded(value)) is not None:
                    yield n, gave
        except (OSError, sqlite3.Error):  # (the files it did not give are read)
            self._failed = True

    def _wanted(self, statuses: Sequence[bytes | None]) -> sqlite3.Connection:
        """The connection writing the new file, the keys of ``statuses`` in its table ``wanted``."""
        writing = self._new()
        if statuses is not self._statuses:
            writing.execute("DELETE FROM wanted")
            writing.executemany("INSERT INTO wanted VALUES (?, ?)",
                                ((n, key) for n, key in enumerate(statuses) if key is not None))
            self._statuses = statuses
        return writing

    def get(self, key: bytes) -> Gave | None:
        before = self._read()
        if before is None:
            return None
        try:
            row = before.execute(FIND, (key,)).fetchone()
        except sqlite3.Error:
            return None
        return _loaded(row[0]) if row is not None else None

    def keep(self, keys: Sequence[bytes], gave: Gave) -> None:
        if keys:
            self._kept.append((keys[0], pickle.dumps(gave, protocol=5), tuple(keys[1:])))
            if len(self._kept) >= KEEP_BATCH:
                self._write_kept()

    def _write_kept(self) -> None:
        kept, self._kept = self._kept, []
        try:
            writing = self._new()
            writing.executemany("INSERT OR REPLACE INTO gave VALUES (?, ?)", ((k, v) for k, v, _ in kept))
            writing.executemany("INSERT OR REPLACE INTO status VALUES (?, ?)",
                                ((s, k) for k, _, statuses in kept for s in statuses))
        except (OSError, sqlite3.Error):
            self._failed = True

    def _read(self) -> sqlite3.Connection | None:
        """The file before, opened by this process (None where there is none that can be read)."""
        if self._before is None or self._before[0] != os.getpid():
            connection = None
            if self.path.is_file():
                try:
                    connection = sqlite3.connect(_read_only(self.path), uri=True)
                    connection.execute(FIND, (b"",)).fetchone()
                    connection.execute("SELECT count(*) FROM status WHERE key = x''").fetchone()
                except sqlite3.Error:
                    connection = None
            self._before = (os.getpid(), connection)
        return self._before[1]

    def _new(self) -> sqlite3.Connection:
        """The file being written, with the file before attached as ``before`` (an empty one where there is none)."""
        if self._writing is None:
            prefix = f"{WRITING_PREFIX}{self.path.name}-"
            for stale in self.path.parent.glob(f"{prefix}*"):  # of a build killed while it read
                stale.unlink(missing_ok=True)
            fd, name = tempfile.mkstemp(prefix=prefix, dir=self.path.parent)
            os.close(fd)
            connection = sqlite3.connect(f"file:{quote(name)}", uri=True)
            self._writing = (Path(name), connection)
            connection.execute("PRAGMA journal_mode = OFF")  # a file of its own until it is complete
            connection.execute("PRAGMA synchronous = OFF")  # an unreadable memo costs time only
            for statement in SCHEMA:
                connection.execute(statement.format(""))
            connection.execute(WANTED)
            if self._read() is not None:
                connection.execute("ATTACH DATABASE ? AS before", (_read_only(self.path),))
            else:
                connection.execute("ATTACH DATABASE ':memory:' AS before")
                for statement in SCHEMA:
                    connection.execute(statement.format("before."))
        return self._writing[1]

    def save(self) -> None:
        """Put the file written in the place of the file before (unless it could not be written: the file before
        stays, which costs the next build time only). A memo is saved once."""
        if self._saved:
            return
        self._saved = True
        try:
            self._write_kept()
            writing = self._new()
            if not self._failed:
                for statement in KEEP:
                    writing.execute(statement)
                writing.commit()
                name, self._writing = self._writing, None  # written: ``close`` leaves it
                writing.close()
                assert name is not None
                os.replace(name[0], self.path)
        except (OSError, sqlite3.Error):
            pass
        finally:
            self.close()

    def close(self) -> None:
        if self._before is not None and self._before[1] is not None and self._before[0] == os.getpid():
            self._before[1].close()
        self._before = None
        if self._writing is not None:
            self._writing[1].close()
            self._writing[0].unlink(missing_ok=True)
            self._writing = None
        self._kept = []


def _loaded(value: bytes) -> Gave | None:
    try:
        gave = pickle.loads(value)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return gave if isinstance(gave, Gave) else None


def _read_only(path: Path) -> str:
    """The URI that opens ``path`` for reading only, as a file that nothing changes while it is open (it is
    replaced, never written)."""
    return f"file:{quote(str(path))}?mode=ro&immutable=1"
