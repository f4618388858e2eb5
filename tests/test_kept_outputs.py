"""A rebuild keeps the last build's exports and views where it would write them the same (``kg.kept_outputs``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.cache import CACHE_NAME
from kg.kept_outputs import RECORD, KeptOutputs, outputs_key
from kg.pipeline import TRIG_FILE, TURTLE_FILE, build
from kg.views import write_views

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NEW_REPORT = ("Қазақстанның Бельгиядағы елшісі Льеж провинциясының губернаторымен кездесті. "
              "Тараптар логистика саласындағы ынтымақтастықты талқылады.")


def _inodes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}


def _add_report(reports: Path, out: Path) -> None:
    (reports / "new.txt").write_text(NEW_REPORT, encoding="utf-8")


def _edit_a_view(reports: Path, out: Path) -> None:
    with open(out / "graph.html", "a", encoding="utf-8") as fh:
        fh.write("<!-- edited -->")


def _lose_the_record(reports: Path, out: Path) -> None:
    (out / CACHE_NAME / RECORD).unlink()


def _nothing(reports: Path, out: Path) -> None:
    pass


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    reports = shutil.copytree(SEEDS, tmp_path / "reports")
    out = tmp_path / "out"
    build([reports], out_dir=out, views=write_views, jobs=1)
    return reports, out


@pytest.mark.parametrize(("change", "kept"), [
    (_nothing, {"exports", "views"}),
    (_add_report, set()),
    (_edit_a_view, {"exports"}),  # its views are written again, the edited page too
    (_lose_the_record, set()),
])
def test_a_rebuild_keeps_the_files_it_would_write_the_same(built: tuple[Path, Path],
                                                          change: Callable[[Path, Path], None], kept: set[str]):
    reports, out = built
    change(reports, out)
    before = _inodes(out)
    result = build([reports], out_dir=out, views=write_views, jobs=1)
    after = _inodes(out)
    groups = {"exports": {TURTLE_FILE, TRIG_FILE}, "views": {p.name for p in out.glob("*.html")} | {"timeline.svg"}}
    same = {name for name in after if before.get(name) == after[name]}
    assert same == set().union(*(groups[g] for g in kept))
    assert {p.name for p in result.kept} == same
    assert {p.name for p in result.written if p.is_file()} == set().union(*groups.values()) - same
    assert "<!-- edited -->" not in (out / "graph.html").read_text(encoding="utf-8")


def test_a_build_without_views_leaves_them_to_be_written_again(built: tuple[Path, Path]):
    reports, out = built
    build([reports], out_dir=out, views=None, jobs=1)
    before = _inodes(out)
    assert "graph.html" not in before  # removed rather than left out of date
    build([reports], out_dir=out, views=write_views, jobs=1)
    after = _inodes(out)
    assert before[TURTLE_FILE] == after[TURTLE_FILE] and "graph.html" in after


@pytest.mark.parametrize(("graphs", "parts", "other", "equal"), [
    ([("g1", "a"), ("g2", "b")], (), [("g2", "b"), ("g1", "a")], True),  # in any order
    ([("g1", "a")], (), [("g1", "b")], False),  # a graph written from something else
    ([("g1", "a")], (), [("g1", "a"), ("g2", "b")], False),  # a graph more
    ([("g1", "a")], ("views",), [("g1", "a")], False),  # written another way
])
def test_outputs_key(graphs, parts, other, equal):
    assert (outputs_key("v1", graphs, *parts) == outputs_key("v1", other)) is equal
    assert outputs_key("v1", graphs, *parts) != outputs_key("v2", graphs, *parts)


def test_a_record_that_cannot_be_read_keeps_nothing(tmp_path: Path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / RECORD).write_text("{not json", encoding="utf-8")
    (tmp_path / "a.ttl").write_text("x", encoding="utf-8")
    kept = KeptOutputs(tmp_path, tmp_path / "cache")
    assert kept.reuse("exports", "k", tmp_path / "staging") is None


def test_the_cli_says_which_files_it_kept(tmp_path: Path):
    from click.testing import CliRunner

    from kg.cli import main

    reports = shutil.copytree(SEEDS, tmp_path / "reports")
    out = tmp_path / "out"
    first = CliRunner().invoke(main, ["build", str(reports), "--out", str(out), "--jobs", "1"])
    again = CliRunner().invoke(main, ["build", str(reports), "--out", str(out), "--jobs", "1"])
    assert first.exit_code == again.exit_code == 0, again.output
    assert "kept " not in first.output
    kept = [line.split()[1] for line in again.output.splitlines() if line.startswith("kept ")]
    assert sorted(Path(k).name for k in kept) == sorted(json_names(out))


def json_names(out: Path) -> list[str]:
    """The files the record of ``out`` names."""
    import json

    record = json.loads((out / CACHE_NAME / RECORD).read_text(encoding="utf-8"))
    return [name for group in record.values() for name in group["files"]]
