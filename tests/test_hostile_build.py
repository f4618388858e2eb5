"""`kg build` and the exports against odd inputs and faults: the right result, or a one-line error
with a non-zero exit and the previous build left whole."""

from __future__ import annotations

import csv
import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.cache import CACHE_NAME
from kg.errors import DipkgError
from kg.graph import DIP, load_dataset
from kg.pipeline import build, read_reports
from kg.publish import LOCK_NAME, STAGING_PREFIX, output_lock

RU = (" date 2024-03-01 Встреча\n"
      "Министр иностранных дел Казахстана Мурат Нуртлеу встретился с послом Франции Жаном Дюпоном.\n")
EN = " date 2024-05-09 Meeting\nForeign Minister of Kazakhstan Murat Nurtleu met the Ambassador of Japan Kenji Sato.\n"


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300,
                          env=env, cwd=cwd)


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(out: Path) -> dict[str, str]:
    """The published files and the store's manifest (what graphs it holds, written from what)."""
    files = [p for p in sorted(out.iterdir()) if p.is_file()] + [out / "store" / "manifest.sqlite"]
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "in"
    write(folder, "a/x.txt", RU)
    write(folder, "b/x.txt", EN)
    return folder


# --- report identity -------------------------------------------------------------------------

@pytest.mark.parametrize("given", ["folder", "files"])
def test_two_reports_with_one_base_name_stay_apart(corpus, given):
    paths = [corpus] if given == "folder" else [corpus / "a" / "x.txt", corpus / "b" / "x.txt"]
    result = build(paths)
    g = result.graph
    reports = set(g.subjects(DIP.sourceFile, Literal("x.txt")))
    assert len(reports) == 2 and result.summary.reports == 2
    assert all(len(list(g.objects(r, DIP.published))) == 1 for r in reports)
    meetings = set(g.subjects(DIP.reportedIn, None))
    assert len(meetings) == 2
    assert all(len(set(g.objects(m, DIP.participant))) == 2 for m in meetings)


@pytest.mark.parametrize(("layout", "given", "expected"), [
    ({"x.txt": RU}, ["x.txt", "x.txt"], 1),
    ({"x.txt": RU}, [".", "x.txt"], 1),
    ({"x.txt": RU, ".git/y.txt": EN, ".hidden.txt": EN, "a/.cache/z.txt": EN}, ["."], 1),
    ({".hidden.txt": EN}, [".hidden.txt"], 1),
    ({"a/x.txt": RU, "b/x.txt": RU}, ["a/x.txt", "b/x.txt"], 1),
])
def test_each_report_counts_once_and_hidden_files_are_skipped(tmp_path, layout, given, expected):
    for name, text in layout.items():
        write(tmp_path, name, text)
    assert len(read_reports([tmp_path / p for p in given])) == expected


def test_a_file_name_that_is_not_utf8_is_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"r\xffport.txt")).write_text(RU, encoding="utf-8")
    out = tmp_path / "out"
    done = kg("build", str(folder), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "r\ufffdport.txt" in (out / "diplomacy.ttl").read_text(encoding="utf-8")


# --- the write phase -------------------------------------------------------------------------

@pytest.fixture
def built(corpus, tmp_path) -> Path:
    out = tmp_path / "out"
    build([corpus], out_dir=out)
    return out


def consistent(out: Path) -> None:
    """The Turtle and the TriG come from one build, and nothing temporary is left."""
    ttl = Graph().parse(out / "diplomacy.ttl", format="turtle")
    trig = load_dataset(out / "diplomacy.trig")
    assert set(ttl.subjects(DIP.sourceFile, None)) == {q[0] for q in trig.quads((None, DIP.sourceFile, None, None))}
    assert [p.name for p in out.iterdir() if p.name.startswith(".") and p.name not in (LOCK_NAME, CACHE_NAME)] == []


@pytest.mark.parametrize("fault", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_failing_write_leaves_the_previous_build(corpus, built, monkeypatch, fault):
    before = snapshot(built)
    write(corpus, "c/y.txt", EN)
    called = built.parent / "views-called"  # (the views are written in a process of their own)

    def views(store, folder: Path, graphs=None) -> list[Path]:
        called.touch()
        raise OSError(fault, os.strerror(fault), str(folder / "graph.html"))

    with pytest.raises(DipkgError) as caught:
        build([corpus], out_dir=built, views=views)
    assert "cannot write" in str(caught.value) and "\n" not in str(caught.value)
    assert called.exists() and snapshot(built) == before
    consistent(built)


def test_a_record_that_cannot_be_written_leaves_the_previous_build(corpus, built, monkeypatch):
    before = snapshot(built)
    write(corpus, "c/y.txt", EN)

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("kg.manifest.Manifest.write", full)
    with pytest.raises(DipkgError) as caught:
        build([corpus], out_dir=built)
    assert "database or disk is full" in str(caught.value) and "\n" not in str(caught.value)
    assert snapshot(built) == before
    consistent(built)


def test_outputs_of_a_build_appear_together(corpus, built):
    write(corpus, "c/y.txt", RU.replace("2024-03-01", "2024-04-02"))
    build([corpus], out_dir=built)
    consistent(built)
    assert len(set(Graph().parse(built / "diplomacy.ttl").subjects(DIP.sourceFile, None))) == 3


def test_what_a_killed_build_left_is_removed(corpus, built):
    stale = built / f"{STAGING_PREFIX}killed"
    stale.mkdir()
    (stale / "diplomacy.ttl").write_text("half", encoding="utf-8")
    build([corpus], out_dir=built)
    assert not stale.exists()
    consistent(built)


def test_two_builds_into_one_folder(corpus, built):
    before = snapshot(built)
    with output_lock(built):
        message = one_line_error(kg("build", str(corpus), "--out", str(built)))
    assert "another build" in message and snapshot(built) == before


@pytest.mark.parametrize("out", ["{file}/below", "/proc/dipkg-out", "/sys/dipkg-out"])
def test_bad_output_paths_are_one_line_errors(corpus, tmp_path, out):
    blocker = write(tmp_path, "file.txt", "x")
    target = out.format(file=blocker)
    message = one_line_error(kg("build", str(corpus), "--out", target))
    assert target in message


@pytest.mark.parametrize(("args", "says"), [
    (["build", "missing-folder"], "no such file or folder"),
    (["query", "SELECT * { ?s ?p ?o }", "--graph", "missing.ttl"], "no such graph file"),
    (["query", "ASK { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }", "--graph", "{ttl}"], "nests brackets"),
    (["query", "{rq}", "--graph", "{ttl}"], "cannot read the query file"),
    (["validate", "--graph", "{empty}"], "the graph is empty"),
    (["push", "--endpoint", "http://127.0.0.1:99999/store", "--graph", "{ttl}"], "bad port"),
    (["eval", "{gold}", "--graph", "{ttl}"], "not a gold file"),
])
def test_one_line_errors(built, tmp_path, args, says):
    (tmp_path / "empty.ttl").write_bytes(b"")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.json").write_bytes(b"\xff\xfe{")
    (tmp_path / "bad.rq").write_bytes(b"SELECT \xff")
    places = {"{ttl}": built / "diplomacy.ttl", "{empty}": tmp_path / "empty.ttl", "{gold}": tmp_path / "gold",
              "{rq}": tmp_path / "bad.rq"}
    args = [str(places.get(a, a)) for a in args]
    assert says in one_line_error(kg(*args, cwd=built))


# --- spreadsheets ----------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "cell"), [
    ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
    ("+1+2", "'+1+2"),
    ("-3", "'-3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("Meeting in Astana", "Meeting in Astana"),
])
def test_formula_cells_are_neutralised(tmp_path, title, cell):
    folder = tmp_path / "in"
    write(folder, "r.txt", RU.replace("Встреча", title))
    out = tmp_path / "out"
    build([folder], out_dir=out)
    assert kg("export", "--format", "csv", "--graph", str(out / "diplomacy.trig"),
              "--out", str(tmp_path / "m.csv")).returncode == 0
    rows = list(csv.DictReader((tmp_path / "m.csv").open(encoding="utf-8")))
    assert rows and rows[0]["title"] == cell
    query = "PREFIX dip: <https://w3id.org/dipkg/ontology#> SELECT ?t { ?r dip:title ?t }"
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        done = kg("query", query, "--graph", str(out / "diplomacy.ttl"), "--format", fmt)
        assert list(csv.reader(done.stdout.splitlines(), delimiter=delimiter))[1] == [cell]


@pytest.mark.parametrize("swap", [True, False])
def test_a_build_replaces_the_folder_in_one_step_and_keeps_other_files(corpus, built, monkeypatch, swap):
    import kg.publish

    if not swap:
        monkeypatch.setattr(kg.publish, "_exchange", lambda a, b: False)
    (built / "notes.txt").write_text("mine", encoding="utf-8")
    (built / "mine").mkdir()
    (built / "mine" / "q.rq").write_text("ASK {}", encoding="utf-8")
    inode = built.stat().st_ino
    write(corpus, "c/y.txt", RU.replace("2024-03-01", "2024-04-02"))
    build([corpus], out_dir=built)
    consistent(built)
    assert (built / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (built / "mine" / "q.rq").read_text(encoding="utf-8") == "ASK {}"
    assert not list(built.parent.glob(f".{built.name}{STAGING_PREFIX}*"))
    assert not list(built.glob(f"{STAGING_PREFIX}*"))
    if swap and kg.publish._exchange.__module__ == "kg.publish":
        assert built.stat().st_ino != inode  # the whole folder was swapped, not its files one by one
