"""The build's Turtle and TriG exports, and the pieces of the last build's files copied into the next."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import export_files
from kg.export_files import PIECES, Source, read_pieces, write_exports

RES = "https://w3id.org/dipkg/resource/"
LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"


def report(n: int, country: str = "KZ") -> tuple[str, bytes]:
    """A report graph: the report itself (its graph's own) and a country that other reports name too."""
    lines = (f'<{RES}report/r{n}> {LABEL} "Report {n}" .\n'
             f'<{RES}country/{country}> {LABEL} "{country}" .\n'
             f'<{RES}person/p{n}> {LABEL} "Person {n}" .\n')
    return f"{RES}graph/r{n:03d}", lines.encode()


GRAPHS = [report(n, "KZ" if n % 2 else "BE") for n in range(1, 9)]

# The graphs of a second build, and the pieces of its TriG and Turtle made rather than copied from the first's.
EDITS = {
    "nothing": (GRAPHS, 0, 0),
    "a graph added in the middle": ([*GRAPHS[:4], report(40, "FR"), *GRAPHS[4:]], 1, 1),
    "a graph added at the end": ([*GRAPHS, report(90)], 1, 1),
    "a graph changed": ([*GRAPHS[:2], report(3, "FR"), *GRAPHS[3:]], 1, 1),
    "the first graph naming a country gone": (GRAPHS[1:], 0, 1),  # the next one naming it states it
}


def write(graphs: list[tuple[str, bytes]], folder: Path, cache: Path | None, last: Path | None,
          jobs: int = 1, signed: bool = False, read: list[str] | None = None) -> tuple[bytes, bytes]:
    """The files written from ``graphs``; ``signed``: each given with a signature (its name and text); ``read``:
    where the names of the graphs whose N-Triples are read go."""
    folder.mkdir(parents=True, exist_ok=True)

    def reader(graph: str, triples: bytes) -> bytes:
        if read is not None:
            read.append(graph)
        return triples

    sources = [Source(g, f"{g} {t!r}" if signed else None, partial(reader, g, t)) for g, t in graphs]
    ttl, trig = write_exports(sources, folder / "d.ttl", folder / "d.trig", last=last,
                              record=None if cache is None else cache / PIECES, jobs=jobs)
    return ttl.read_bytes(), trig.read_bytes()


def counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    made = {"_trig": 0, "_turtle": 0}
    for name in made:
        real = getattr(export_files, name)

        def counted(*args: object, _real=real, _name=name) -> bytes:
            made[_name] += 1
            return _real(*args)

        monkeypatch.setattr(export_files, name, counted)
    return made


@pytest.mark.parametrize("signed", [False, True])
@pytest.mark.parametrize("edit", EDITS)
def test_pieces_of_the_last_files_give_what_writing_anew_gives(tmp_path, monkeypatch, edit, signed):
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None, signed=signed)
    graphs, trig, turtle = EDITS[edit]
    made = counting(monkeypatch)
    again = write(graphs, tmp_path / "two", tmp_path / "cache", tmp_path / "one", signed=signed)
    assert made == {"_trig": trig, "_turtle": turtle}
    assert again == write(graphs, tmp_path / "anew", None, None)


@pytest.mark.parametrize("signed", [False, True])
@pytest.mark.parametrize("edit", EDITS)
def test_the_pieces_made_on_worker_processes_give_the_same_files(tmp_path, monkeypatch, edit, signed):
    monkeypatch.setattr(export_files, "PIECES_PER_PROCESS", 1)
    graphs = EDITS[edit][0]
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None, jobs=2, signed=signed)
    assert write(graphs, tmp_path / "two", tmp_path / "cache", tmp_path / "one", jobs=2, signed=signed) == write(
        graphs, tmp_path / "anew", None, None)


# The graphs a second build reads (their N-Triples), of those given with a signature; the first build read them all.
READ_AGAIN = {
    "nothing": [],
    "a graph added in the middle": [report(40, "FR")[0]],
    "a graph added at the end": [report(90)[0]],
    "a graph changed": [report(3, "FR")[0]],
    # the next graph naming the country states it in the Turtle now: its piece is made, from its N-Triples
    "the first graph naming a country gone": [GRAPHS[2][0]],
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_graph_known_by_its_signature_is_read_only_for_a_piece_to_make(tmp_path, edit):
    first: list[str] = []
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None, signed=True, read=first)
    assert first == [g for g, _ in GRAPHS]
    again: list[str] = []
    write(EDITS[edit][0], tmp_path / "two", tmp_path / "cache", tmp_path / "one", signed=True, read=again)
    assert again == READ_AGAIN[edit]


@pytest.mark.parametrize("record", [b"", b"not a record\n", export_files.LINES_MAGIC + b"\x05\x00", None])
def test_graphs_are_read_again_where_their_lines_cannot_be(tmp_path, record):
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None, signed=True)
    lines = tmp_path / "cache" / export_files.LINES
    if record is None:
        lines.write_bytes(lines.read_bytes()[:-3])  # cut short
    else:
        lines.write_bytes(record)
    read: list[str] = []
    files = write(GRAPHS, tmp_path / "two", tmp_path / "cache", tmp_path / "one", signed=True, read=read)
    assert read == [g for g, _ in GRAPHS]
    assert files == write(GRAPHS, tmp_path / "anew", None, None)


def test_the_exports_hold_every_triple_once_and_each_graph(tmp_path):
    ttl, trig = write(GRAPHS, tmp_path / "one", None, None)
    turtle = set(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    quads = list(ox.parse(trig, format=ox.RdfFormat.TRIG))
    assert len(turtle) == len({(q.subject, q.predicate, q.object) for q in quads}) == 2 * len(GRAPHS) + 2
    assert {q.graph_name.value for q in quads} == {g for g, _ in GRAPHS}


def test_a_file_changed_since_its_record_is_not_copied_from(tmp_path, monkeypatch):
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None)
    trig = tmp_path / "one" / "d.trig"
    trig.write_bytes(trig.read_bytes().replace(b"Report", b"Tampered"))
    assert set(read_pieces(tmp_path / "cache" / PIECES, tmp_path / "one")) == {"d.ttl"}
    made = counting(monkeypatch)
    again = write(GRAPHS, tmp_path / "two", tmp_path / "cache", tmp_path / "one")
    assert made == {"_trig": len(GRAPHS), "_turtle": 0}
    assert b"Tampered" not in again[1]


@pytest.mark.parametrize("record", [b"", b"not a record\n", export_files.MAGIC + b"[[\n", export_files.MAGIC
                                    + b'[["d.ttl", 1, 2, 5]]\n' + b"short"])
def test_a_record_that_cannot_be_read_gives_no_pieces(tmp_path, record):
    (tmp_path / PIECES).write_bytes(record)
    assert read_pieces(tmp_path / PIECES, tmp_path) == {}


def test_the_files_written_over_are_not_copied_from(tmp_path):
    expected = write(GRAPHS, tmp_path / "anew", None, None)
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None)
    assert write(GRAPHS, tmp_path / "one", tmp_path / "cache", tmp_path / "one") == expected


def test_a_record_that_cannot_be_written_leaves_none(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    write(GRAPHS, tmp_path / "one", cache, None)

    def failing(path: Path, write: object) -> Path:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(export_files, "write_atomic", failing)
    write(GRAPHS, tmp_path / "two", cache, tmp_path / "one")
    assert not (cache / PIECES).exists()


def test_a_write_that_fails_while_workers_make_pieces_raises_its_error(tmp_path, monkeypatch):
    monkeypatch.setattr(export_files, "PIECES_PER_PROCESS", 1)
    real, calls = export_files._Pieces.put, []

    def failing(self, key: bytes, piece: bytes | None) -> None:
        calls.append(key)
        if len(calls) == 5:
            raise OSError(28, "No space left on device", str(self.path))
        real(self, key, piece)

    monkeypatch.setattr(export_files._Pieces, "put", failing)
    with pytest.raises(OSError, match="No space left"):
        write_exports([Source(g, None, partial(bytes, t)) for g, t in map(report, range(100))], tmp_path / "d.ttl",
                      tmp_path / "d.trig", jobs=2)


def _refusing(*args: object) -> int:
    raise OSError(18, "Invalid cross-device link")


@pytest.mark.parametrize("copying", ["in the kernel", "refused", "not offered"])
def test_the_pieces_copied_give_the_same_files_however_the_system_copies(tmp_path, monkeypatch, copying):
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None)
    graphs = EDITS["a graph added in the middle"][0]
    if copying == "refused":
        monkeypatch.setattr(export_files.os, "copy_file_range", _refusing, raising=False)
    elif copying == "not offered":
        monkeypatch.delattr(export_files.os, "copy_file_range", raising=False)
    monkeypatch.setattr(export_files, "COPY_BYTES", 7)  # several copies a range
    again = write(graphs, tmp_path / "two", tmp_path / "cache", tmp_path / "one")
    assert again == write(graphs, tmp_path / "anew", None, None)


def test_a_last_file_shorter_than_its_record_is_an_error(tmp_path, monkeypatch):
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None)
    monkeypatch.setattr(export_files, "read_pieces", lambda record, folder: {
        name: (path, {key: (offset, length + 10_000) for key, (offset, length) in where.items()})
        for name, (path, where) in real_pieces(record, folder).items()})
    with pytest.raises(OSError, match="shorter than the record"):
        write(GRAPHS, tmp_path / "two", tmp_path / "cache", tmp_path / "one")


real_pieces = read_pieces


# The processes a second build makes its pieces on (of two), by the graphs whose TriG piece it cannot copy, where two
# such graphs are worth a process.
PROCESSES = [
    ("nothing", True, 1),
    ("a graph added in the middle", True, 1),
    ("a graph changed", True, 1),
    ("nothing", False, 2),  # no signatures: none known to be copied before it is read
]


@pytest.mark.parametrize(("edit", "signed", "jobs"), PROCESSES)
def test_a_few_pieces_to_make_are_made_in_this_process(tmp_path, monkeypatch, edit, signed, jobs):
    monkeypatch.setattr(export_files, "PIECES_PER_PROCESS", 2)
    write(GRAPHS, tmp_path / "one", tmp_path / "cache", None, signed=signed)
    real, asked = export_files.run, []

    def counted(*args: object, jobs: int, **kwargs: object) -> object:
        asked.append(jobs)
        return real(*args, jobs=jobs, **kwargs)

    monkeypatch.setattr(export_files, "run", counted)
    write(EDITS[edit][0], tmp_path / "two", tmp_path / "cache", tmp_path / "one", jobs=2, signed=signed)
    assert asked == [jobs]
