"""Helpers every stage shares: the package's data paths, atomic writes, data tables.

This module imports nothing of the project, so any module may use it without a cycle. Nor does it import
``pathlib`` or ``typing``: a ``kg query`` call reads its named query and a name's spelling table through it,
and those two imports would be a tenth of the call.
"""

from __future__ import annotations

import os
from functools import cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

PACKAGE = os.path.dirname(os.path.realpath(__file__))
# glibc's parameter of ``mallopt`` for the most arenas of the C heap (malloc.h).
M_ARENA_MAX = -8
# Bytes that hold a ``pthread_attr_t`` of any C library (56 with glibc on x86-64, 64 on arm64).
THREAD_ATTR_BYTES = 128
# The package's data folders (``package_path``), also as ``pathlib`` Paths: ``LEXICON_DIR`` and the others are
# made on first use (``__getattr__``). The project's ``ontology/`` folder is in the package as a link to it (an
# installed package holds its files there).
FOLDERS = {"PACKAGE_DIR": (), "LEXICON_DIR": ("lexicons",), "QUERY_DIR": ("queries",), "MODEL_DIR": ("models",),
           "ONTOLOGY_DIR": ("ontology",)}
# Where a folder is found when the package lacks it: a checkout made where the system has no links (the link is
# then a file) has the ontology beside the package.
BESIDE = {"ONTOLOGY_DIR": (os.pardir, "ontology")}


def package_path(*parts: str) -> str:
    """A path inside the package folder (``kg/``), as a string."""
    return os.path.normpath(os.path.join(PACKAGE, *parts))


def __getattr__(name: str) -> Path:
    if name not in FOLDERS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from pathlib import Path

    path = package_path(*FOLDERS[name])
    if name in BESIDE and not os.path.isdir(path):
        path = package_path(*BESIDE[name])
    folder = globals()[name] = Path(path)
    return folder


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, write: Callable[[str], object]) -> Path:
    """Write through a temporary file in the same folder, then rename: never a half-written file.

    ``write`` gets the temporary file's name. The file gets the permissions a plain ``open()``
    would give it (``mkstemp`` makes it private).
    """
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def data_lines(path: str | os.PathLike[str]) -> list[str]:
    """The lines of a data file without its ``#`` header comment and without blank lines."""
    with open(path, encoding="utf-8") as f:
        return [ln for ln in f.read().splitlines() if ln.strip() and not ln.startswith("#")]


def read_tsv(path: str | os.PathLike[str]) -> list[list[str]]:
    """The rows of a tab-separated data file after its column-name row; ``#`` lines are comments."""
    import csv

    return list(csv.reader(data_lines(path), delimiter="\t"))[1:]


def read_tsv_records(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated data file as dictionaries keyed by its column-name row."""
    import csv

    return list(csv.DictReader(data_lines(path), delimiter="\t"))


def read_words(path: Path) -> frozenset[str]:
    """The first column of a one-word-per-row data file, after its column-name row."""
    return frozenset(row[0].strip() for row in read_tsv(path) if row and row[0].strip())


def release_freed_memory() -> bool:
    """Hand the pages the process's C heap holds free back to the system (glibc's ``malloc_trim``; False where
    there is none). Blocks a process frees (the texts of a large collection, once extracted) otherwise stay in
    its resident set, reused only by blocks of their own size."""
    trim = _libc_function("malloc_trim")
    if trim is None:
        return False
    trim(0)
    return True


def limit_heap_arenas(most: int) -> bool:
    """Let the threads of this process share at most ``most`` of the C heap's arenas from now on (glibc's
    ``mallopt(M_ARENA_MAX)``; False where there is none). Each thread that allocates otherwise gets an arena of
    its own, up to eight per core, and each arena keeps what its thread freed."""
    mallopt = _libc_function("mallopt")
    return mallopt is not None and mallopt(M_ARENA_MAX, most) == 1


def lower_threads(name: str, niceness: int) -> int:
    """Give the threads of this process whose name begins with ``name`` (as the system shows it: ``comm``) the
    scheduling priority ``niceness`` (19 the lowest): they then take the cores only when the process's other
    threads and processes leave them idle. How many were changed; 0 where the system names no threads
    (``/proc/self/task``) or does not set a priority per thread (Linux does)."""
    task = os.path.join(os.sep, "proc", "self", "task")
    try:
        threads = os.listdir(task)
    except OSError:
        return 0
    changed = 0
    for tid in threads:
        try:
            with open(os.path.join(task, tid, "comm"), encoding="utf-8", errors="replace") as fh:
                if not fh.read().startswith(name):
                    continue
            os.setpriority(os.PRIO_PROCESS, int(tid), niceness)
        except (OSError, ValueError):  # the thread ended meanwhile, or the system refused
            continue
        changed += 1
    return changed


@cache
def _libc_function(name: str) -> Callable[..., int] | None:
    """A function of the C library, looked up once; None where it has none (or where the process's own symbols
    cannot be opened, as on Windows, where ``CDLL(None)`` is a TypeError)."""
    import ctypes

    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError, TypeError):
        return None


def thread_stacks(size: int | None) -> _ThreadStacks:
    """While in effect, a thread that C code starts with the default attributes gets a stack of ``size`` bytes
    (glibc's ``pthread_setattr_default_np``); the default before is put back at the end. With ``size`` None, or
    where the C library has no such call, nothing changes. The default stack is as large as the process's stack
    limit (8 MB), and glibc keeps few freed stacks that large for the next thread: each new one is mapped, touched
    and unmapped."""
    return _ThreadStacks(size)


class _ThreadStacks:
    """``thread_stacks``'s context (a class, not ``contextlib``'s decorator: a ``kg query`` call uses it)."""

    def __init__(self, size: int | None) -> None:
        self.size = size
        self._before: object | None = None

    def __enter__(self) -> None:
        if self.size is None:
            return
        get, put = _libc_function("pthread_getattr_default_np"), _libc_function("pthread_setattr_default_np")
        init, set_size = _libc_function("pthread_attr_init"), _libc_function("pthread_attr_setstacksize")
        if get is None or put is None or init is None or set_size is None:
            return
        import ctypes

        before, wanted = ctypes.create_string_buffer(THREAD_ATTR_BYTES), ctypes.create_string_buffer(THREAD_ATTR_BYTES)
        if get(before) != 0:
            return
        if init(wanted) == 0:
            if set_size(wanted, ctypes.c_size_t(self.size)) == 0 and put(wanted) == 0:
                self._before = before
            _destroy_attr(wanted)
        if self._before is None:
            _destroy_attr(before)

    def __exit__(self, *exc: object) -> None:
        before, self._before = self._before, None
        if before is not None:
            put = _libc_function("pthread_setattr_default_np")
            assert put is not None
            put(before)
            _destroy_attr(before)


def _destroy_attr(attr: object) -> None:
    destroy = _libc_function("pthread_attr_destroy")
    if destroy is not None:
        destroy(attr)


def no_gc() -> _PausedCollector:
    """The cyclic garbage collector paused while a stage makes many long-lived objects and no cycles
    (the outlines of every report, the merged entities), which are then moved out of its sight
    (``gc.freeze``): otherwise each of its full passes walks them all again, seconds at 10,000
    reports. They are still freed as usual when no longer referenced."""
    return _PausedCollector()


class _PausedCollector:
    """``no_gc``'s context (a class, not ``contextlib``'s decorator: a ``kg query`` call imports this module)."""

    def __enter__(self) -> None:
        import gc

        self._was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        import gc

        gc.freeze()
        if self._was:
            gc.enable()
