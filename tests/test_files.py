"""kg.files: the shared helpers, which import nothing of the project."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

import kg.files
from kg.files import read_tsv, read_tsv_records, read_words, write_atomic


def test_imports_nothing_of_the_project() -> None:
    tree = ast.parse(Path(kg.files.__file__).read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m == "kg" or m.startswith("kg.")]


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def fail(name: str) -> None:
        Path(name).write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomic(target, fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_write_atomic_replaces(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "out.txt", lambda name: Path(name).write_text("new", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize(("text", "rows"), [
    ("# where it comes from\nkind\tvalue\na\t1\n\n# a comment\nb\t2\n", [["a", "1"], ["b", "2"]]),
    ("kind\tvalue\n", []),
])
def test_read_tsv(tmp_path: Path, text: str, rows: list[list[str]]) -> None:
    path = tmp_path / "t.tsv"
    path.write_text(text, encoding="utf-8")
    assert read_tsv(path) == rows
    assert read_tsv_records(path) == [dict(zip(("kind", "value"), r, strict=True)) for r in rows]
    assert read_words(path) == frozenset(r[0] for r in rows)


def test_freed_memory_is_handed_back_where_the_c_library_can() -> None:
    import platform

    from kg.files import release_freed_memory

    assert release_freed_memory() is (platform.libc_ver()[0] == "glibc")


def test_the_heap_s_arenas_are_limited_where_the_c_library_can() -> None:
    import platform

    from kg.files import limit_heap_arenas

    assert limit_heap_arenas(2) is (platform.libc_ver()[0] == "glibc")


def test_a_c_library_that_cannot_be_opened_limits_nothing(monkeypatch) -> None:
    import ctypes

    from kg import files

    def refuse(name: object) -> None:
        raise TypeError("LoadLibrary() argument 1 must be str, not None")

    files._libc_function.cache_clear()
    monkeypatch.setattr(ctypes, "CDLL", refuse)
    try:
        assert files.limit_heap_arenas(2) is False
        assert files.release_freed_memory() is False
    finally:
        files._libc_function.cache_clear()


def _default_thread_stack() -> int | None:
    """The stack size a thread started with the default attributes is given (glibc), else None."""
    import ctypes

    libc = ctypes.CDLL(None)
    if not hasattr(libc, "pthread_getattr_default_np"):
        return None
    attr, size = ctypes.create_string_buffer(kg.files.THREAD_ATTR_BYTES), ctypes.c_size_t()
    assert libc.pthread_getattr_default_np(attr) == 0
    assert libc.pthread_attr_getstacksize(attr, ctypes.byref(size)) == 0
    libc.pthread_attr_destroy(attr)
    return size.value


@pytest.mark.parametrize("size", [1 << 20, 2 << 20])
def test_thread_stacks_sets_the_default_stack_for_its_span(size: int) -> None:
    before = _default_thread_stack()
    if before is None:
        pytest.skip("a C library without default thread attributes")
    with kg.files.thread_stacks(size):
        assert _default_thread_stack() == size
    assert _default_thread_stack() == before


def test_thread_stacks_of_no_size_changes_nothing() -> None:
    before = _default_thread_stack()
    with kg.files.thread_stacks(None):
        assert _default_thread_stack() == before


def test_thread_stacks_without_the_c_library_changes_nothing(monkeypatch) -> None:
    before = _default_thread_stack()
    monkeypatch.setattr(kg.files, "_libc_function", lambda name: None)
    with kg.files.thread_stacks(1 << 20):
        assert _default_thread_stack() == before


def _named_thread(name: str) -> tuple[int, Callable[[], None]]:
    """A waiting thread whose system name (``comm``) is ``name``, and what ends it (and waits until it has ended,
    so that the next test does not find it); skipped where the system shows no thread names."""
    import os
    import threading

    if not os.path.isdir("/proc/self/task"):
        pytest.skip("a system without /proc/self/task")
    started, done = threading.Event(), threading.Event()
    thread = threading.Thread(target=lambda: (started.set(), done.wait()), daemon=True)
    thread.start()
    started.wait()
    assert thread.native_id is not None
    with open(f"/proc/self/task/{thread.native_id}/comm", "w", encoding="utf-8") as fh:
        fh.write(name)

    def stop() -> None:
        import time

        done.set()
        thread.join()
        # the join returns as the thread's Python code ends; the system's thread ends a moment later
        gone_by = time.monotonic() + 5
        while os.path.isdir(f"/proc/self/task/{thread.native_id}") and time.monotonic() < gone_by:
            time.sleep(0.001)

    return thread.native_id, stop


@pytest.mark.parametrize(("named", "asked", "lowered"), [
    ("dipkg:low", "dipkg:low", 1),
    ("dipkg:low0", "dipkg:low", 1),
    ("dipkg:high", "dipkg:low", 0),
])
def test_lower_threads_lowers_the_threads_of_the_name(named: str, asked: str, lowered: int) -> None:
    import os

    tid, stop = _named_thread(named)
    before = os.getpriority(os.PRIO_PROCESS, tid)
    try:
        assert kg.files.lower_threads(asked, 19) == lowered
        assert os.getpriority(os.PRIO_PROCESS, tid) == (19 if lowered else before)
    finally:
        stop()


def test_lower_threads_without_thread_names_lowers_none(monkeypatch) -> None:
    import os

    def refuse(path: object) -> list[str]:
        raise FileNotFoundError(path)

    monkeypatch.setattr(os, "listdir", refuse)
    assert kg.files.lower_threads("rocksdb:low", 19) == 0


@pytest.mark.parametrize(("linked", "found"), [(True, "package"), (False, "beside")])
def test_the_ontology_is_found_in_the_package_else_beside_it(tmp_path, monkeypatch, linked, found) -> None:
    """An installed package holds the ontology's files (a checkout, a link to them); a checkout made where the system
    has no links has a file in the link's place, and the folder beside the package."""
    package = tmp_path / "project" / "kg"
    package.mkdir(parents=True)
    (tmp_path / "project" / "ontology").mkdir()
    if linked:
        (package / "ontology").mkdir()
    else:
        (package / "ontology").write_text("../ontology", encoding="utf-8")
    monkeypatch.setattr(kg.files, "PACKAGE", str(package))
    monkeypatch.delattr(kg.files, "ONTOLOGY_DIR", raising=False)
    where = {"package": package / "ontology", "beside": tmp_path / "project" / "ontology"}
    folder = kg.files.ONTOLOGY_DIR
    assert folder == where[found]
