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
import os
import pickle
import tempfile
import zlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from kg.files import PACKAGE_DIR
from kg.model import Extraction, Report

CACHE_NAME = ".dipkg-cache"
EXTRACTIONS = "extractions"
SUFFIX = ".pickle"
GRAPHS = "graphs"
GRAPH_SUFFIX = ".nt.z"
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


def extraction_key(report: Report, extractors: Sequence[str]) -> str:
    """The key of a report's extraction: the report's every field, the extractors and the version."""
    digest = hashlib.sha256(extractor_version().encode("ascii"))
    digest.update("\0".join(extractors).encode("utf-8") + b"\0")
    digest.update(pickle.dumps(report, protocol=5))
    return digest.hexdigest()


class ExtractionCache:
    """One pickle per extraction under ``folder``; writes are atomic, so a killed build leaves none half-written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / EXTRACTIONS

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def get(self, key: str) -> Extraction | None:
        try:
            with open(self.path(key), "rb") as fh:
                found = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None
        return found if isinstance(found, Extraction) else None

    def put(self, key: str, extraction: Extraction) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=SUFFIX, dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(extraction, fh, protocol=5)
            os.replace(tmp, self.path(key))
        except OSError:
            pass  # a cache that cannot be written only costs the next build time

    def keep_only(self, keys: Iterable[str]) -> None:
        """Remove every extraction but those of ``keys`` (the reports of the latest build)."""
        _keep_only(self.folder, {f"{k}{SUFFIX}" for k in keys})


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
