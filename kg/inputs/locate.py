"""The input files among the paths ``kg build`` is given: files, folders (searched recursively),
globs (``reports/**/*.html``, expanded here when the shell has not) and ``-`` for standard input."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import DipkgError
from kg.inputs import suffix_of, suffixes
from kg.reports import printable

STDIN = "-"
STDIN_NAME = "stdin"
GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file (``file``, its path as given) or standard input (``file`` None). ``identity`` is its
    path relative to the folder or glob it was found by (its name when given itself).

    The path is kept as a string, a ``Path`` made when asked for: a collection's sources are held through its
    reading, and at 100,000 files their ``Path`` objects took 46 MB (and 101 MB while they were found), their
    strings about half."""

    file: str | None
    identity: str

    @property
    def path(self) -> Path | None:
        return Path(self.file) if self.file is not None else None

    @property
    def name(self) -> str:
        """The base name, as text."""
        return printable(os.path.basename(self.file)) if self.file is not None else STDIN_NAME

    @property
    def shown(self) -> str:
        """How a message names it: the path as given."""
        return printable(self.file) if self.file is not None else STDIN_NAME


def locate(paths: Iterable[Path], *, exclude: Iterable[Path] = (), linked: list[str] | None = None) -> list[Source]:
    """The inputs among ``paths``, each once, with its identity.

    A folder is searched for files of every input format (also compressed with gzip), skipping hidden files and folders
    (``.git``) below it; a file named on the command line is read whatever its name. A path that
    does not exist but has ``*``, ``?`` or ``[`` is a glob (``**`` crosses folders). A file reached
    twice counts once; ``-`` is standard input, read once. Folder searches skip the folders in
    ``exclude`` (the build's output folder, whose views are HTML files), and, as ``os.walk`` does, a
    linked folder below a folder searched (a link may lead back up): its path is added to ``linked``.
    """
    out: list[Source] = []
    seen: set[str] = set()  # the files' resolved paths
    known = suffixes()
    excluded = tuple(p.resolve() for p in exclude)

    def add(path: str, identity: str, *, real: str | None = None) -> None:
        real = real or str(Path(path).resolve())
        if real not in seen:
            seen.add(real)
            out.append(Source(path, printable(identity)))

    def walk(folder: Path, base: Path | None = None) -> None:
        """A folder's input files, below it in sorted order, named relative to ``base`` (the folder itself, or
        the root of the glob that found it): one resolved path per folder, not per file."""
        found: list[tuple[tuple[str, ...], str, str]] = []
        tops = [Path(folder)]
        while tops:  # os.scandir tells files, folders and links apart without a system call per file
            top = tops.pop()
            real_top = top.resolve()
            if any(real_top.is_relative_to(x) for x in excluded):
                continue
            parts = top.relative_to(base or folder).parts
            try:
                entries = list(os.scandir(top))
            except OSError:
                continue
            shown, real_shown = _prefix(top), _prefix(real_top)
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if _is_dir(entry):
                    if not entry.is_symlink():
                        tops.append(top / entry.name)
                    elif linked is not None:
                        linked.append(printable(shown + entry.name))
                elif suffix_of(entry.name) in known:
                    path = shown + entry.name
                    real = str(Path(path).resolve()) if entry.is_symlink() else real_shown + entry.name
                    found.append(((*parts, entry.name), path, real))
        for parts, path, real in sorted(found, key=lambda f: f[0]):
            add(path, "/".join(parts), real=real)

    def matched(folder: Path, found: Iterable[Path]) -> None:
        """The files a glob names, whatever their names, and the input files of the folders it names."""
        for path in sorted(found):
            if path.is_file():
                add(str(path), path.relative_to(folder).as_posix())
            elif path.is_dir():
                walk(path, folder)

    stdin = False
    for path in paths:
        if str(path) == STDIN:
            if not stdin:
                stdin = True
                out.append(Source(None, STDIN_NAME))
        elif path.is_dir():
            walk(path)
        elif path.is_file():
            add(str(path), path.name)
        elif GLOB_CHARACTERS & set(str(path)):
            root = _glob_root(path)
            matches = [Path(p) for p in glob.glob(str(path), recursive=True)]
            if not matches:
                raise DipkgError(f"{path}: no file matches")
            matched(root, matches)
        else:
            raise DipkgError(f"{path}: no such file or folder")
    return out


def _prefix(folder: Path) -> str:
    """What goes before a file's name in the path of a file in ``folder``, as ``folder / name`` gives it."""
    shown = str(folder)
    return "" if shown == "." else shown if shown.endswith(os.sep) else shown + os.sep


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _glob_root(pattern: Path) -> Path:
    """The folder a glob starts from: its parts before the first with a wildcard."""
    parts: list[str] = []
    for part in pattern.parts:
        if GLOB_CHARACTERS & set(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")
