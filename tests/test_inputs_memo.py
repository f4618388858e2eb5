"""What each input file gave the last time (``kg.inputs.memo``), in memory and in a file: a file met again is not
parsed again, one whose status is unchanged not even read, and a memo keeps what the last reading used."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kg.inputs import collect as collect_module
from kg.inputs.collect import collect
from kg.inputs.memo import Gave, Memo, MemoFile

A = " date 2024-03-01 Встреча\nПосол встретился с акимом.\n"
B = " date 2024-03-02 Встреча\nПосол встретился с мэром.\n"


class Memos:
    """Memos of one kind (``memory`` or ``file``), each made from what the one before used."""

    def __init__(self, kind: str, path: Path) -> None:
        self.kind, self.path, self.last = kind, path, None

    def next(self, version: str = "v1") -> Memo:
        if self.kind == "memory":
            self.last = Memo(version, dict(self.last.used) if self.last is not None else {})
        else:
            if self.last is not None:
                self.last.save()
            self.last = MemoFile(version, self.path)
        return self.last

    def keys(self) -> int:
        """The keys the last memo keeps."""
        if self.kind == "memory":
            return len(self.last.used)
        self.last.save()
        with sqlite3.connect(self.path) as db:
            return db.execute("SELECT (SELECT count(*) FROM gave) + (SELECT count(*) FROM status)").fetchone()[0]


@pytest.fixture(params=["memory", "file"])
def memos(request, tmp_path) -> Memos:
    return Memos(request.param, tmp_path / "inputs.sqlite")


def test_a_memo_gives_what_a_file_gave_without_parsing_it_again(tmp_path, monkeypatch, memos):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.jsonl").write_text('{"text": "Посол встретился с акимом."}\nnot json\n', encoding="utf-8")
    first = collect([folder], memo=memos.next())
    assert len(first.reports) == 2 and len(first.problems) == 1 and memos.keys() == 2
    parsed: list[str] = []
    real = collect_module.parse_report

    def counted(name, *args, **kwargs):
        parsed.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(collect_module, "parse_report", counted)
    assert collect([folder], memo=memos.next()) == first
    assert parsed == []
    (folder / "a.txt").write_text(A.replace("03-01", "03-02"), encoding="utf-8")
    changed = collect([folder], memo=memos.next())
    assert parsed == ["a.txt"] and changed.reports[0].published == date(2024, 3, 2)
    collect([folder], memo=memos.next("v2"))
    assert parsed == ["a.txt", "a.txt", "b.jsonl"]


def test_a_memo_does_not_read_a_file_whose_status_is_unchanged(tmp_path, monkeypatch, memos):
    folder = tmp_path / "in"
    folder.mkdir()
    old = folder / "old.txt"
    old.write_text(A, encoding="utf-8")
    (folder / "new.txt").write_text(B, encoding="utf-8")
    monkeypatch.setattr(collect_module, "RACY_NS", 0)  # as if both were changed long ago (writing sets ctime)
    first = collect([folder], memo=memos.next())
    assert memos.keys() == 4  # each file by its bytes and by its status
    opened: list[str] = []
    real = collect_module._bytes

    def counted(source, options):
        opened.append(source.name)
        return real(source, options)

    monkeypatch.setattr(collect_module, "_bytes", counted)
    assert collect([folder], memo=memos.next()) == first
    assert opened == []
    assert collect([folder], memo=memos.next()) == first  # what a reading that read nothing used is kept
    assert opened == []
    # a change that keeps the size is seen by the times it leaves
    old.write_text(A.replace("03-01", "03-09"), encoding="utf-8")
    again = collect([folder], memo=memos.next())
    assert opened == ["old.txt"] and again.reports[1].published == date(2024, 3, 9)


@pytest.mark.parametrize(("files", "kept"), [
    (("a.txt", "b.txt"), 2),
    (("a.txt",), 1),  # b.txt gone: its entry is not kept
    ((), 0),
])
def test_a_memo_keeps_what_the_last_reading_used(tmp_path, memos, files, kept):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    collect([folder], memo=memos.next())
    for name in {"a.txt", "b.txt"} - set(files):
        (folder / name).unlink()
    if files:
        collect([folder], memo=memos.next())
    else:
        memos.next()
    assert memos.keys() == kept


def test_a_file_changed_just_now_is_read_whatever_its_status(tmp_path, memos):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    collect([folder], memo=memos.next())
    assert memos.keys() == 1  # by its bytes only: its status may not yet tell a change


GAVE = Gave((), (), ("a.txt: cannot read it",), ())
OTHER = Gave((), (), (), ("b.txt: encoding guessed as cp1251",))


@pytest.mark.parametrize(("statuses", "unknown", "found"), [
    ([b"status-a", None, b"status-b", b"new"], [1, 3], [(0, GAVE), (2, OTHER)]),
    ([b"new", b"status-b"], [0], [(1, OTHER)]),
    ([None, None], [0, 1], []),
    ([], [], []),
])
def test_a_memo_finds_the_files_by_their_status_in_their_order(tmp_path, memos, statuses, unknown, found):
    memo = memos.next()
    memo.keep((b"bytes-a", b"status-a"), GAVE)
    memo.keep((b"bytes-b", b"status-b"), OTHER)
    memo = memos.next()
    assert memo.unknown(statuses) == unknown and list(memo.by_status(statuses)) == found
    assert memo.get(b"bytes-a") == GAVE
    # what the reading before used, and nothing else
    kept = [(n, gave) for n, (key, gave) in enumerate(((b"status-a", GAVE), (b"status-b", OTHER))) if key in statuses]
    assert list(memos.next().by_status([b"status-a", b"status-b"])) == kept


@pytest.mark.parametrize(("before", "known"), [
    (None, False),
    (b"not a database", False),
    ("saved", True),
])
def test_a_memo_file_that_is_missing_or_unreadable_is_a_memo_of_nothing(tmp_path, before, known):
    path = tmp_path / "inputs.sqlite"
    if before == "saved":
        memo = MemoFile("v1", path)
        memo.keep((b"bytes", b"status"), GAVE)
        memo.save()
    elif before is not None:
        path.write_bytes(before)
    memo = MemoFile("v1", path)
    assert memo.unknown([b"status", None]) == ([1] if known else [0, 1])
    assert list(memo.by_status([b"status", None])) == ([(0, GAVE)] if known else [])
    assert memo.get(b"bytes") == (GAVE if known else None)
    memo.save()
    assert MemoFile("v1", path).get(b"bytes") == (GAVE if known else None)


def test_a_reading_that_ends_before_it_is_saved_leaves_the_memo_as_it_was(tmp_path):
    path = tmp_path / "inputs.sqlite"
    memo = MemoFile("v1", path)
    memo.keep((b"bytes",), GAVE)
    memo.save()
    before = path.read_bytes()
    memo = MemoFile("v1", path)
    assert memo.unknown([b"status"]) == [0]
    memo.keep((b"other",), GAVE)
    assert len(list(tmp_path.iterdir())) == 2  # the memo, and the one being written
    memo.close()  # as a build that fails
    assert [p.name for p in tmp_path.iterdir()] == ["inputs.sqlite"] and path.read_bytes() == before
    killed = MemoFile("v1", path)
    killed.unknown([b"status"])
    # a build killed while it read leaves the file it was writing, which the next one removes
    killed._writing = None
    MemoFile("v1", path).save()
    assert [p.name for p in tmp_path.iterdir()] == ["inputs.sqlite"]


def test_a_memo_file_that_cannot_be_written_reads_every_file_and_leaves_the_memo_before(tmp_path, monkeypatch):
    from kg.inputs import memo as memo_module

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    monkeypatch.setattr(collect_module, "RACY_NS", 0)
    path = tmp_path / "inputs.sqlite"
    first = MemoFile("v1", path)
    read = collect([folder], memo=first)
    first.save()
    before = path.read_bytes()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(memo_module.tempfile, "mkstemp", full)
    memo = MemoFile("v1", path)
    assert collect([folder], memo=memo) == read
    memo.save()
    assert path.read_bytes() == before
