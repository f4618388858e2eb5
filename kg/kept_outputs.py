"""The files a build writes beside its store (the exports, the views), kept from the last build where they would
be written again the same: written from the same store, by the same code, and as that build left them.

A rebuild that finds nothing new used to write the exports and the views whole again: at 10,000 reports that was
most of its time. The last build's record (``RECORD`` in the cache folder) names each group of files it wrote, the
key of what they were written from (``outputs_key``) and each file's size and modification time; a group whose
key is this build's and whose files are all as recorded is linked into the new output folder instead of written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from kg.files import write_atomic

RECORD = "outputs.json"


def outputs_key(version: str, graphs: Iterable[tuple[str, str]], *parts: str) -> str:
    """The key of what a build's files are written from: the code's ``version``, every graph of the store with its
    signature (``kg.storing.StoreStage.graphs``) and ``parts`` (how they are written)."""
    digest = hashlib.sha256(version.encode("utf-8"))
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8"))
    for graph, signature in sorted(graphs):
        digest.update(f"\n{graph} {signature}".encode())
    return digest.hexdigest()


class KeptOutputs:
    """The groups of files the last build wrote into ``out_dir`` (its record in the cache folder ``cache``), and
    those this build writes or keeps (``note``, then ``save`` once they are published)."""

    def __init__(self, out_dir: Path, cache: Path) -> None:
        self.out_dir, self.cache = out_dir, cache
        self.before = _read(cache / RECORD)
        self.now: dict[str, dict] = {}
        self.kept: list[str] = []
        """The files kept (``reuse``), by their paths in the output folder."""

    def reuse(self, group: str, key: str, folder: Path) -> list[Path] | None:
        """The files of ``group`` linked (or copied) from the output folder into ``folder``, where the last build
        wrote them from ``key`` and each is as it left it; else None (and nothing is left in ``folder``)."""
        found = self.before.get(group)
        if not isinstance(found, dict) or found.get("key") != key or not isinstance(found.get("files"), dict):
            return None
        files: dict[str, list[int]] = found["files"]
        if not files or any(file_stamp(self.out_dir / name) != stat for name, stat in files.items()):
            return None
        made: list[Path] = []
        try:
            for name in files:
                made.append(_link(self.out_dir / name, folder / name))
        except OSError:
            for path in made:
                path.unlink(missing_ok=True)
            return None
        self.note(group, key, made, folder)
        self.kept += files
        return made

    def note(self, group: str, key: str, paths: Iterable[Path], folder: Path) -> None:
        """Record ``paths`` (in the staging ``folder``) as the files of ``group``, written from ``key``."""
        self.now[group] = {"key": key, "files": {str(p.relative_to(folder)): file_stamp(p) for p in paths}}

    def save(self) -> None:
        """Keep the record of this build's groups (in the published cache folder); a record that cannot be written
        costs the next build the time of writing them again."""
        try:
            write_atomic(self.cache / RECORD, lambda tmp: Path(tmp).write_text(json.dumps(self.now, sort_keys=True),
                                                                               encoding="utf-8"))
        except OSError:
            with suppress(OSError):
                (self.cache / RECORD).unlink(missing_ok=True)  # the last build's would name files no longer there


def _read(path: Path) -> dict:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def file_stamp(path: Path) -> list[int] | None:
    """A file's size and modification time (ns), by which a record knows it is as it was left; None if absent."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _link(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)  # keeps the modification time the record compares
    return target
