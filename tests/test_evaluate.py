import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.evaluate import evaluate, load_for_evaluation, norm, similarity
from kg.files import ONTOLOGY_DIR
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"

TEXT = ("Ақтөбе облысының әкімі Асан Серікбаев Түркияның Қазақстандағы Елшісі Мехмет Өзтүркпен кездесті. "
        "Тараптар сауда және туризм салаларындағы ынтымақтастықты талқылады.")
GOLD = {
    "file": "t.txt", "language": "kk", "published": None,
    "persons": {"a": {"names": ["Асан Серікбаев"], "role": ["governor"], "country": ["KZ"],
                      "jurisdiction": ["Ақтөбе облысы"]},
                "b": {"names": ["Мехмет Өзтүрк"], "role": ["ambassador"], "country": ["TR"], "accredited_to": ["KZ"]}},
    "meetings": [{"participants": ["a", "b"], "place": ["Ақтөбе облысы", None], "date": [None]}],
    "topics": ["trade", "tourism", "energy"], "countries": ["TR", "KZ"],
    "places": [["Ақтөбе облысы"]], "organizations": [],
}


@pytest.mark.parametrize(("a", "b", "kind", "at_least"), [
    ("Эрве Жамар", "Э. Жамар", "person", 0.95),
    ("Mаревен", "Маревен", "org", 1.0),
    ("Universidade do Minho", "Universidade do Minho университеті", "org", 0.9),
])
def test_similarity(a, b, kind, at_least):
    assert similarity(a, b, kind) >= at_least


def test_norm_folds_lookalikes_and_punctuation():
    assert norm("«Mаревен» Фуд") == "маревен фуд"


def test_evaluate_counts_hits_and_misses(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "t.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "t.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    graph = build([tmp_path / "reports"]).graph
    result = evaluate(load_for_evaluation(graph, ONTOLOGY_DIR), tmp_path / "gold")
    by = {c.category: c for c in result.categories}
    assert (by["persons"].tp, by["persons"].fp, by["persons"].fn) == (2, 0, 0)
    assert (by["met-with pairs"].tp, by["met-with pairs"].fn) == (1, 0)
    assert (by["topics"].tp, by["topics"].fn) == (2, 1)
    assert any("energy" in n for _, notes in result.details for n in notes)


def test_bad_gold_names_the_file(tmp_path):
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    graph = build([ROOT / "seeds"]).graph
    with pytest.raises(Exception, match=r"bad\.json"):
        evaluate(graph, tmp_path)


@pytest.mark.skipif(not (SHARED_EVAL / "score.py").exists(), reason="the corpus scorer is not beside the project")
def test_agrees_with_the_corpus_scorer(tmp_path):
    out = tmp_path / "out"
    CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    ours = CliRunner().invoke(main, ["eval", str(SHARED_EVAL / "gold"), "--graph", str(out / "diplomacy.ttl")])
    theirs = subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"), "--graph", str(out / "diplomacy.ttl"),
                             "--ontology", str(ONTOLOGY_DIR), "--gold", str(SHARED_EVAL / "gold")],
                            capture_output=True, text=True, check=True)
    assert ours.output.strip().splitlines() == theirs.stdout.strip().splitlines()
    assert float(ours.output.strip().split()[-1]) >= 0.95
