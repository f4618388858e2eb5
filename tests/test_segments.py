"""Values in append-only segment files, found by an index written once its values are."""

import multiprocessing

import pytest

from kg import segments
from kg.segments import Segments


def _child_put(folder, key):
    return Segments(folder).put_bytes(key, key.encode() * 10)


def test_values_written_by_other_processes_are_found_once_noted_and_saved(tmp_path):
    with multiprocessing.get_context("fork").Pool(2) as pool:
        written = pool.starmap(_child_put, [(tmp_path, "a"), (tmp_path, "b")])
    assert len({segment for segment, _, _ in written}) == 2  # a segment of each process's own
    here = Segments(tmp_path)
    assert here.get_bytes("a") is None  # not in this index yet
    for key, where in zip("ab", written, strict=True):
        here.note(key, where)
    here.save()
    again = Segments(tmp_path)
    assert again.held() == {"a", "b"}
    assert again.get_bytes("b") == b"b" * 10


_INHERITED: Segments | None = None


def _put_in_inherited(key):
    assert _INHERITED is not None
    where = _INHERITED.put_bytes(key, key.encode() * 10)
    return where, sorted(_INHERITED.index), _INHERITED.read(where)


def test_a_forked_worker_leaves_the_index_it_inherited_as_it_was_and_its_caller_notes_the_value(tmp_path):
    global _INHERITED
    _INHERITED = here = Segments(tmp_path)
    here.put_bytes("a", b"a" * 10)  # the process that made it indexes what it writes
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            where, index_there, read_there = pool.apply(_put_in_inherited, ("b",))
    finally:
        _INHERITED = None
    assert index_there == ["a"] and read_there == b"b" * 10
    assert sorted(here.index) == ["a"]
    here.note("b", where)
    assert here.get_bytes("b") == b"b" * 10


@pytest.mark.parametrize(("kept", "segment_files"), [
    (["a", "b", "c"], 1),  # all wanted: the segment stays as it is
    (["c"], 1),  # most bytes unwanted: the wanted one written into a new segment, the old one removed
    ([], 0),
])
def test_keep_only_keeps_the_wanted_values_and_removes_every_file_no_entry_names(tmp_path, kept, segment_files):
    store = Segments(tmp_path)
    for key in "abc":
        assert store.put_bytes(key, key.encode() * 10)
    (tmp_path / "123-killed.segment").write_bytes(b"half a value")  # of a build that did not end
    (tmp_path / "old.pickle").write_bytes(b"")
    store.keep_only(kept)
    again = Segments(tmp_path)
    assert again.held() == set(kept)
    assert all(again.get_bytes(key) == key.encode() * 10 for key in kept)
    assert again.get_bytes("a" if "a" not in kept else "zz") is None
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != segments.INDEX) == sorted(
        {segment for segment, _, _ in again.index.values()})
    assert len(list(tmp_path.glob(f"*{segments.SEGMENT_SUFFIX}"))) == segment_files


def test_a_value_cut_short_or_lost_is_not_found(tmp_path):
    store = Segments(tmp_path)
    segment, offset, size = store.put_bytes("a", b"0123456789")
    store.save()
    path = tmp_path / segment
    path.write_bytes(path.read_bytes()[: offset + size // 2])
    assert Segments(tmp_path).get_bytes("a") is None
    path.unlink()
    assert Segments(tmp_path).get_bytes("a") is None


def test_segments_of_unwanted_values_only_are_removed_without_writing_the_others_again(tmp_path):
    with multiprocessing.get_context("fork").Pool(1) as pool:
        old = pool.starmap(_child_put, [(tmp_path, key) for key in "abe"])  # a build before: one segment
    store = Segments(tmp_path)
    for key, where in zip("abe", old, strict=True):
        store.note(key, where)
    new = [store.put_bytes(key, key.encode() * 10) for key in "cd"]  # all made again: another segment
    store.keep_only(["c", "d"])
    again = Segments(tmp_path)
    assert [again.index[key] for key in "cd"] == new  # where they were
    assert not (tmp_path / old[0][0]).exists()


def test_an_index_never_names_a_value_of_a_build_that_did_not_save(tmp_path):
    store = Segments(tmp_path)
    store.put_bytes("a", b"first")
    store.save()
    killed = Segments(tmp_path)
    killed.put_bytes("b", b"second")  # written, but the build ends before it saves its index
    assert Segments(tmp_path).held() == {"a"}


@pytest.mark.parametrize("readers", [1, 2, 64])
def test_values_of_many_segments_are_read_whatever_the_readers_kept_open(tmp_path, monkeypatch, readers):
    monkeypatch.setattr(segments, "OPEN_READERS", readers)
    with multiprocessing.get_context("fork").Pool(3) as pool:
        written = pool.starmap(_child_put, [(tmp_path, key) for key in "abc"])
    store = Segments(tmp_path)
    for key, where in zip("abc", written, strict=True):
        store.note(key, where)
    assert [store.get_bytes(key) for key in "abcabc"] == [key.encode() * 10 for key in "abcabc"]
    assert len(store._readers) <= readers


def test_a_forgotten_index_is_read_again_when_next_needed(tmp_path):
    store = Segments(tmp_path)
    store.put_bytes("a", b"aaa")
    store.save()
    store.forget()
    assert store._index is None
    assert store.get_bytes("a") == b"aaa"


@pytest.mark.parametrize("index", [
    {"a": ("old.segment", 0, 3), "b" * 64: ("old.segment", 3, 2)},  # pickled as a dict, before it was packed
    "neither",
])
def test_an_index_pickled_as_a_dict_is_read_and_anything_else_is_an_index_of_nothing(tmp_path, index):
    import pickle

    (tmp_path / "old.segment").write_bytes(b"abcde")
    (tmp_path / segments.INDEX).write_bytes(pickle.dumps(index))
    store = Segments(tmp_path)
    assert store.held() == (set(index) if isinstance(index, dict) else set())
    assert [store.get_bytes(key) for key in ("a", "b" * 64)] == ([b"abc", b"de"] if isinstance(index, dict) else
                                                                [None, None])
