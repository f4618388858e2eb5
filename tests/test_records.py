"""kg.records: values kept in a file and read back one at a time."""

from __future__ import annotations

import gc
import multiprocessing
import os
import weakref
from datetime import date

import pytest

import kg.records
from kg.records import Records

VALUES = [
    [],
    [None],
    ["one"],
    [("a.txt", 1, None), ("b.txt", 2, ("segment", 10, 20)), ("c.txt", 3, None)],
    [{"key": "k", "date": date(2024, 3, 1)}, "Қазақстан", b"\x00\x01", 2**70, -1.5],
    [str(n) * (n % 7) for n in range(2_000)],
]


@pytest.mark.parametrize("values", VALUES)
def test_records_give_back_their_values_in_order_by_position_and_by_iteration(tmp_path, values):
    records = Records(values, tmp_path)
    assert len(records) == len(values)
    assert list(records) == values
    assert [records[n] for n in range(len(values))] == values
    assert records[1:3] == values[1:3] and records[::-1] == values[::-1]
    if values:
        assert records[-1] == values[-1]
    assert list(tmp_path.iterdir()) == []  # the file has no name


@pytest.mark.parametrize(("block", "read"), [(1, 1), (3, 10), (7, 1 << 20), (8192, 25)])
def test_iteration_reads_blocks_of_any_size_and_records_larger_than_a_read(monkeypatch, block, read):
    monkeypatch.setattr(kg.records, "BLOCK_RECORDS", block)
    monkeypatch.setattr(kg.records, "READ_BYTES", read)
    values = [str(n) * (n % 13) for n in range(100)]
    assert list(Records(values)) == values


class Held:
    """A value whose life a test can watch (``weakref``)."""

    def __init__(self, n: int) -> None:
        self.n = n


def test_iteration_lets_go_of_the_values_it_gave():
    records = Records(Held(n) for n in range(1_000))
    given = []
    for value in records:
        given.append(weakref.ref(value))
    del value
    gc.collect()
    assert len(given) == 1_000 and all(ref() is None for ref in given)


@pytest.mark.parametrize("position", [3, -4, 10])
def test_a_position_past_the_records_is_an_index_error(position):
    with pytest.raises(IndexError):
        Records(["a", "b", "c"])[position]


@pytest.mark.parametrize("values", VALUES)
def test_saved_records_are_loaded_by_another_object_and_their_file_is_removed(tmp_path, values):
    path = tmp_path / "plan"
    Records.save(iter(values), path)
    records = Records.load(path)
    assert not path.exists()
    assert list(records) == values and len(records) == len(values)


@pytest.mark.parametrize("data", [b"", b"abc", b"\xff" * 8, b"\x00" * 7 + b"\x01"])
def test_a_file_that_is_not_records_is_an_os_error_and_removed(tmp_path, data):
    path = tmp_path / "plan"
    path.write_bytes(data)
    with pytest.raises(OSError, match="not a file of records"):
        Records.load(path)
    assert not path.exists()


def _sum_in_child(records: Records[int], sending) -> None:
    sending.send((sum(records), records[len(records) // 2]))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the system cannot fork")
def test_a_forked_process_reads_the_records_while_this_one_reads_them_too():
    records = Records(range(10_000))
    forking = multiprocessing.get_context("fork")
    receiving, sending = forking.Pipe(duplex=False)
    child = forking.Process(target=_sum_in_child, args=(records, sending))
    offset = os.lseek(records._fd, 0, os.SEEK_CUR)
    reading = iter(records)
    first = [next(reading) for _ in range(10)]
    child.start()
    assert receiving.recv() == (sum(range(10_000)), 5_000)
    child.join()
    assert first + list(reading) == list(range(10_000))  # its reads moved nothing of this one's
    assert os.lseek(records._fd, 0, os.SEEK_CUR) == offset  # nor the descriptor's offset


def _orders(n: int) -> dict[str, list[list[int]]]:
    """Positions read by one thread, or by two (each its own list), in the orders a build reads them."""
    return {"in order": [list(range(n))], "backwards": [list(range(n - 1, -1, -1))],
            "every third": [list(range(0, n, 3))], "a gap": [[*range(10), *range(400, 420), *range(5, 15)]],
            "two threads": [list(range(n)), list(range(n))]}


@pytest.mark.parametrize(("order", "ahead", "most_reads"), [
    ("in order", 256, 2 + 2 * 4),  # the first record, then a block of records at a time: two reads each
    ("in order", 1, 2 * 1_000 + 2),
    ("backwards", 256, 2 * 1_000),  # a record at a time
    ("every third", 256, 2 * 334),
    ("a gap", 256, 12),
    ("two threads", 256, 2 * (2 + 2 * 4)),  # each thread its own blocks at most
])
def test_positions_read_in_order_are_read_a_block_at_a_time(monkeypatch, order, ahead, most_reads):
    import threading

    monkeypatch.setattr(kg.records, "AHEAD_RECORDS", ahead)
    values = [str(n) * (n % 11) for n in range(1_000)]
    records = Records(values)
    reads: list[int] = []
    real = os.pread
    monkeypatch.setattr(kg.records.os, "pread", lambda fd, size, at: (reads.append(size), real(fd, size, at))[1])
    got: dict[int, list[str]] = {}

    def read(k: int, positions: list[int]) -> None:
        got[k] = [records[n] for n in positions]

    threads = [threading.Thread(target=read, args=(k, positions)) for k, positions in enumerate(_orders(1_000)[order])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [got[k] for k in range(len(threads))] == [[values[n] for n in p] for p in _orders(1_000)[order]]
    assert len(reads) <= most_reads
