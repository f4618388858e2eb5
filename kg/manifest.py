"""What a build's store holds: ``Manifest``, kept beside the store in ``OUT/store/manifest.sqlite``.

A store holds a graph per report, and its manifest the signature each graph was written from (``Signatures``):
a rebuild replaces the graphs whose signature changed. Kept in a dict, the signatures of 100,000 reports took
about 25 MB of the build's process, and a rebuild that updates the store held those it read, those it wrote and a
copy of each; in an SQLite table the process holds a few pages of them (SQLite's cache).

This module imports nothing of the project; ``sqlite3`` is imported where a manifest is read or written (a query
opens the store without it).
"""

from __future__ import annotations

import os
from collections import namedtuple
from collections.abc import Iterator, MutableMapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

MANIFEST_NAME = "manifest.sqlite"
# The manifest's name before it was kept in SQLite: a store that has only it is still a store (a query opens it),
# and the next build writes it anew.
OLD_MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 2
# What the manifest says beside the signatures, by name (the table ``about``).
ABOUT = ("version", "extractor", "triples", "tables")
# Signatures set that are written together (``Signatures``).
SET_BATCH = 4096
SCHEMA = ("CREATE TABLE IF NOT EXISTS graphs (graph TEXT PRIMARY KEY, signature TEXT NOT NULL) WITHOUT ROWID",
          "CREATE TABLE IF NOT EXISTS about (name TEXT PRIMARY KEY, value) WITHOUT ROWID")


class Signatures(MutableMapping[str, str]):
    """Graph IRI → the signature of what it was written from, in an SQLite file (``path``), read only where
    ``readonly`` (a published store's manifest, which nothing changes). What is set is kept on ``commit``.
    Signatures set are written in batches of ``SET_BATCH`` (a build sets one per graph: 12,000 statements at 10,000
    reports took 0.2 s one at a time), and before anything is read."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        import sqlite3

        self.path = os.fspath(path)
        if readonly:
            from urllib.parse import quote

            self._db = sqlite3.connect(f"file:{quote(self.path)}?mode=ro&immutable=1", uri=True)
        else:
            self._db = sqlite3.connect(self.path)
            for statement in SCHEMA:
                self._db.execute(statement)
        self._set: list[tuple[str, str]] = []
        self._readonly = readonly

    def _flush(self) -> None:
        if self._set:
            batch, self._set = self._set, []
            self._db.executemany("INSERT OR REPLACE INTO graphs VALUES (?, ?)", batch)

    def __getitem__(self, graph: str) -> str:
        self._flush()
        row = self._db.execute("SELECT signature FROM graphs WHERE graph = ?", (graph,)).fetchone()
        if row is None:
            raise KeyError(graph)
        return row[0]

    def __setitem__(self, graph: str, signature: str) -> None:
        self._set.append((graph, signature))
        if len(self._set) >= SET_BATCH or self._readonly:  # (read only: the error at once)
            self._flush()

    def __delitem__(self, graph: str) -> None:
        self._flush()
        if self._db.execute("DELETE FROM graphs WHERE graph = ?", (graph,)).rowcount == 0:
            raise KeyError(graph)

    def __iter__(self) -> Iterator[str]:
        """The graphs in the order of their names (read as they are iterated)."""
        self._flush()
        return (graph for (graph,) in self._db.execute("SELECT graph FROM graphs ORDER BY graph"))

    def __len__(self) -> int:
        self._flush()
        return self._db.execute("SELECT count(*) FROM graphs").fetchone()[0]

    def about(self) -> dict[str, object]:
        return dict(self._db.execute("SELECT name, value FROM about").fetchall())

    def commit(self, about: Mapping[str, object]) -> None:
        """Keep what was set, and ``about`` (by the names of ``ABOUT``)."""
        self._flush()
        self._db.executemany("INSERT OR REPLACE INTO about VALUES (?, ?)", about.items())
        self._db.commit()

    def close(self) -> None:
        self._db.close()


class Manifest(namedtuple("Manifest", ("graphs", "extractor", "triples", "tables"), defaults=("", None, None))):
    """The graphs a store holds: graph IRI → the signature of what it was written from."""

    __slots__ = ()
    graphs: Mapping[str, str]
    extractor: str
    triples: int | None
    """The default graph's triples, when the writer counted them (``kg.store_writer.StoreWriter``)."""
    tables: int | None
    """The store's table files after it was last compacted (``kg.store_writer.update_store``)."""

    @staticmethod
    def read(store_dir: Path) -> Manifest:
        """The manifest of the store in ``store_dir`` (its signatures read from the file as they are asked for);
        an empty one where it has none that this version reads."""
        import sqlite3

        path = store_dir / MANIFEST_NAME
        if not path.is_file():
            return Manifest({})
        try:
            graphs = Signatures(path, readonly=True)
        except sqlite3.Error:
            return Manifest({})
        try:
            about = graphs.about()
        except sqlite3.Error:
            about = {}
        if about.get("version") != MANIFEST_VERSION:
            graphs.close()
            return Manifest({})
        triples, tables = about.get("triples"), about.get("tables")
        return Manifest(graphs, str(about.get("extractor") or ""), triples if isinstance(triples, int) else None,
                        tables if isinstance(tables, int) else None)

    def write(self, store_dir: Path) -> Path:
        """Write the manifest into ``store_dir``: where its signatures were set in that very file
        (``new_signatures``), what was set is kept; otherwise they are copied into a new one."""
        path = store_dir / MANIFEST_NAME
        graphs = self.graphs
        if not (isinstance(graphs, Signatures) and graphs.path == os.fspath(path)):
            path.unlink(missing_ok=True)
            graphs = Signatures(path)
            for graph, signature in self.graphs.items():
                graphs[graph] = signature
        graphs.commit(dict(zip(ABOUT, (MANIFEST_VERSION, self.extractor, self.triples, self.tables), strict=True)))
        graphs.close()
        return path

    def close(self) -> None:
        """Let go of the signatures' file (a manifest ``read`` keeps it open)."""
        if isinstance(self.graphs, Signatures):
            self.graphs.close()


def new_signatures(store_dir: Path) -> Signatures:
    """The signatures of the store being written in ``store_dir`` (from none), in the file its ``Manifest.write``
    keeps."""
    path = store_dir / MANIFEST_NAME
    path.unlink(missing_ok=True)
    return Signatures(path)
