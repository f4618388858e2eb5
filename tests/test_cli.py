import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.graph import load_graph
from kg.pipeline import summarise

ROOT = Path(__file__).resolve().parent.parent


def test_build_writes_exports_that_load(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("diplomacy.ttl", "diplomacy.trig", "graph.html"):
        assert (out / name).stat().st_size > 0
    s = summarise(load_graph(out / "diplomacy.ttl"))
    assert s.reports == 3 and s.meetings >= 3 and s.persons >= 9


def test_query_named_and_json(tmp_path):
    out = tmp_path / "out"
    CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    result = CliRunner().invoke(main, ["query", "who-met-whom", "--graph", str(out / "diplomacy.ttl"),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    names = {b["name"]["value"] for b in data["results"]["bindings"]}
    assert {"Роман Василенко", "Эрве Жамар", "Джун Ямада"} <= names


def test_query_binds_params_as_values(tmp_path):
    out = tmp_path / "out"
    CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    sparql = ('PREFIX dip: <https://w3id.org/dipkg/ontology#> '
              'SELECT ?c ?code WHERE { ?c dip:countryCode ?code }')
    result = CliRunner().invoke(main, ["query", sparql, "--graph", str(out / "diplomacy.ttl"), "--format", "csv",
                                       "--param", 'code=BE" } #'])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "c,code"
    result = CliRunner().invoke(main, ["query", sparql, "--graph", str(out / "diplomacy.ttl"), "--format", "csv",
                                       "--param", "code=BE"])
    assert result.output.strip().splitlines()[1].endswith("/country/BE,BE")


def test_errors_are_one_line_and_keep_existing_exports(tmp_path):
    out = tmp_path / "out"
    CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    before = (out / "diplomacy.ttl").read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    shutil.copy(ROOT / "seeds" / "000_96af8c5a6d4c3167.txt", bad)
    (bad / "zz.txt").write_bytes(b"\xff\xfe\x00")
    result = CliRunner().invoke(main, ["build", str(bad), "--out", str(out), "--strict"])
    assert result.exit_code != 0
    assert "zz.txt" in result.output and len(result.output.strip().splitlines()) == 1
    assert (out / "diplomacy.ttl").read_bytes() == before
    result = CliRunner().invoke(main, ["stats", "--graph", str(tmp_path / "missing.ttl")])
    assert result.exit_code != 0 and "missing.ttl" in result.output


@pytest.mark.parametrize("name", ["diplomacy.ttl", "diplomacy.trig"])
def test_stats_reads_turtle_and_trig_alike(tmp_path, name):
    out = tmp_path / "out"
    CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    result = CliRunner().invoke(main, ["stats", "--graph", str(out / name)])
    assert result.exit_code == 0, result.output
    counts = dict(line.split() for line in result.output.splitlines())
    expected = summarise(load_graph(out / "diplomacy.ttl"))
    assert int(counts["reports"]) == 3
    assert int(counts["meetings"]) == expected.meetings > 0
    assert int(counts["triples"]) == expected.triples


def test_exports_are_readable_by_others(tmp_path):
    out = tmp_path / "out"
    CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    umask = os.umask(0o022)
    os.umask(umask)
    for path in out.iterdir():
        if path.is_dir():
            assert path.stat().st_mode & 0o777 == 0o777 & ~umask, path.name
        else:
            assert path.stat().st_mode & 0o777 == 0o666 & ~umask, path.name
    for path in (out / "store").rglob("*"):
        assert path.stat().st_mode & 0o444 == 0o444 & ~umask, path


def test_train_ner_writes_a_model_and_scores_it(tmp_path):
    from kg.ner import Tagger, read_conll
    from tests.test_ner import TINY, write_conll

    corpus = write_conll(tmp_path / "tiny.txt", TINY)
    model = tmp_path / "tiny.crfsuite"
    result = CliRunner().invoke(main, ["train-ner", str(corpus), "--test", str(corpus), "--model", str(model),
                                       "--iterations", "60", "--c1", "0"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines()[2:]}
    assert rows["PERSON"][1] == "8"  # gold persons in the tiny corpus
    words, tags = read_conll(corpus)[0]
    assert Tagger.open(model).tag(words) == tags


def test_train_ner_bad_corpus_is_one_line_and_keeps_the_model(tmp_path):
    model = tmp_path / "m.crfsuite"
    model.write_bytes(b"old")
    bad = tmp_path / "bad.txt"
    bad.write_text("only-one-column\n", "utf-8")
    result = CliRunner().invoke(main, ["train-ner", str(bad), "--model", str(model)])
    assert result.exit_code != 0 and "bad.txt" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert model.read_bytes() == b"old"


@pytest.mark.parametrize(("extractors", "ok"), [
    (["rules"], True), (["rules+ner"], True), (["rules+kaznerd"], True), (["nope"], False)])
def test_build_with_a_chosen_extractor(tmp_path, extractors, ok):
    args = ["build", str(ROOT / "seeds"), "--out", str(tmp_path / "out")]
    for name in extractors:
        args += ["--extractor", name]
    result = CliRunner().invoke(main, args)
    assert (result.exit_code == 0) == ok, result.output
    if ok:
        assert summarise(load_graph(tmp_path / "out" / "diplomacy.ttl")).meetings >= 3
    else:
        assert "nope" in result.output and len(result.output.strip().splitlines()) == 1
