"""The views added for the analyst's questions: the registry, regions × partner states, the timeline and
its picture, plural forms, and finding a node by a case form no report used."""

import logging
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from view_support import page_data

from kg.cli import main
from kg.errors import DipkgError
from kg.views import GraphIndex, view_html, write_view
from kg.views.kinds import find_node, home_states, make_view
from kg.views.registry import build_views, markdown_table, registry, view_kind
from kg.views.search import dictionary_forms, label_stems, name_matches
from kg.views.synthetic import synthetic_graph
from kg.views.text import PLURALS, counted, plural_category
from kg.views.timeline import timeline_counts

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def index(seeds_build):
    return GraphIndex(seeds_build.graph)


@pytest.fixture(scope="module")
def synthetic():
    return GraphIndex(synthetic_graph(240))


# The registry: every entry has a CLI choice and a README line, and the README's table is the registry's.

@pytest.mark.parametrize("name", [v.name for v in registry()])
def test_every_view_is_a_cli_choice(name):
    kind = next(p for p in main.commands["view"].params if p.name == "kind")
    assert name in kind.type.choices


@pytest.mark.parametrize("name", [v.name for v in registry()])
def test_every_view_has_a_readme_line(name):
    spec = view_kind(name)
    assert f"| `{name}` | `{spec.file_name}` |" in README


def test_readme_table_is_the_registry():
    assert markdown_table() in README


def test_cli_lists_no_view_that_is_not_registered():
    kind = next(p for p in main.commands["view"].params if p.name == "kind")
    assert set(kind.type.choices) == {v.name for v in registry()}


def test_build_writes_every_build_view():
    assert build_views() == {v.name: v.file_name for v in registry() if v.in_build}
    assert "ego" not in build_views() and {"regions", "timeline", "timeline-image"} <= set(build_views())


def test_unknown_kind_is_an_error(index):
    with pytest.raises(DipkgError, match="unknown view kind"):
        make_view(index, "hairball")
    with pytest.raises(DipkgError, match="a picture, not a page"):
        make_view(index, "timeline-image")


# Regions × partner states

def test_regions_view_links_home_regions_to_foreign_states(synthetic):
    view = make_view(synthetic, "regions")
    home = home_states(synthetic)
    assert home and all(synthetic.country_code[c] == "KZ" for c in home)
    regions = {n.node for n in view.nodes if n.category in ("region", "city")}
    states = {n.node for n in view.nodes if n.category == "country"}
    assert regions and states and not states & home
    assert all(any(c in home for c in synthetic.in_country[r]) for r in regions)
    for e in view.edges:
        assert e.source in regions and e.target in states and e.weight == len(e.meetings) > 0
        for m in e.meetings:
            row = next(r for r in view.meetings if r.meeting == m)
            assert e.source in row.regions and e.target in row.partners


def test_regions_view_draws_two_columns(synthetic):
    view = make_view(synthetic, "regions")
    xs = {n: x for n, x, _ in view.positions}
    assert {xs[n.node] for n in view.nodes if n.category == "country"} == {400.0}
    assert {xs[n.node] for n in view.nodes if n.category != "country"} == {0.0}


def test_regions_page_carries_the_meetings_to_filter(synthetic):
    data = page_data(view_html(synthetic, "regions"))
    assert data["kind"] == "regions" and data["layout"] == "precomputed"
    years = {row[1][:4] for row in data["meetings"]}
    assert len(years) > 1
    for row in data["meetings"]:
        assert data["catalog"][row[0]]["c"] == "meeting" and data["catalog"][row[0]]["f"]
        assert all(data["catalog"][s]["c"] == "sector" for s in row[2])
    # every meeting of an edge is in the table the page filters by sector and year
    listed = {row[0] for row in data["meetings"]}
    assert all(m in listed for edge in data["edges"] for m in edge[4])
    assert all(edge[3] == len(edge[4]) for edge in data["edges"])


def test_seed_regions_view_has_its_region(index):
    view = make_view(index, "regions")
    names = {index.label(n.node, "kk") for n in view.nodes}
    assert view.edges and len(names) >= 2


# Timeline

def test_timeline_rows_are_dated_and_count_per_year(synthetic):
    view = make_view(synthetic, "timeline")
    assert view.meetings and all(re.fullmatch(r"\d{4}(-\d\d){0,2}", r.date) for r in view.meetings)
    years, series, counts = timeline_counts(synthetic)
    assert years == sorted({r.date[:4] for r in view.meetings if r.partners})
    assert sum(counts.values()) == sum(len(r.partners) for r in view.meetings)
    assert series[-1] is None and len(series) == 9  # the eight states with most meetings, then the others


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_timeline_image(tmp_path, synthetic, suffix):
    path = write_view(synthetic, tmp_path / f"timeline{suffix}", "timeline-image", lang="ru")
    data = path.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG")
        return
    text = data.decode("utf-8")
    assert "<svg" in text and "Встречи с иностранными государствами по годам" in text
    for year in timeline_counts(synthetic)[0]:
        assert year in text
    again = write_view(synthetic, tmp_path / "again.svg", "timeline-image", lang="ru").read_text(encoding="utf-8")
    assert again == text  # the same graph gives the same picture


def test_timeline_image_other_suffix_is_an_error(tmp_path, synthetic):
    with pytest.raises(DipkgError, match=r"svg or \.png"):
        write_view(synthetic, tmp_path / "timeline.gif", "timeline-image")


def test_cli_writes_the_timeline_picture(tmp_path, seed_files):
    out = tmp_path / "t.svg"
    result = CliRunner().invoke(main, ["view", "--graph", str(seed_files["ttl"]), "--kind", "timeline-image",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")


# Plural forms of counted words

@pytest.mark.parametrize(("language", "n", "text"), [
    ("ru", 1, "1 узел показан"), ("ru", 21, "21 узел показан"), ("ru", 3, "3 узла показано"),
    ("ru", 24, "24 узла показано"), ("ru", 5, "5 узлов показано"), ("ru", 11, "11 узлов показано"),
    ("ru", 12, "12 узлов показано"), ("ru", 111, "111 узлов показано"), ("ru", 0, "0 узлов показано"),
    ("en", 1, "1 node shown"), ("en", 21, "21 nodes shown"), ("kk", 21, "21 түйін көрсетілген"),
])
def test_counted_words_take_plural_forms(language, n, text):
    assert counted("shown", language, n) == text


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_plural_tables_cover_their_categories(language):
    needed = {plural_category(language, n) for n in range(200)}
    for forms in PLURALS.values():
        assert needed <= set(forms[language])


# Finding a node by any case form, with the languages' morphology

@pytest.mark.parametrize(("query", "label", "expected"), [
    ("Бельгией", "Бельгия", True),
    ("Бельгию", "Бельгия", True),
    ("Бельгиямен", "Бельгия", True),
    ("Северо-Казахстанской", "Северо-Казахстанская область", True),
    ("Северо-Казахстанской области", "Северо-Казахстанская область", True),
    ("облысының", "Солтүстік Қазақстан облысы", True),
    ("Бельгией", "Болгария", False),
    ("Северо-Казахстанской", "Соединённое Королевство Великобритании и Северной Ирландии", False),
])
def test_name_matches_by_dictionary_forms(query, label, expected):
    assert name_matches(query, label) is expected


def test_dictionary_forms_hold_the_lemma():
    assert "бельгия" in dictionary_forms("Бельгией")


def test_label_stems_let_an_ending_follow():
    stems = label_stems(["Северо-Казахстанская область"])
    assert any("северо-казахстанской".startswith(s) and len("северо-казахстанской") - len(s) <= 6 for s in stems)


def test_find_node_by_a_form_no_report_used(index):
    assert index.label(find_node(index, "Бельгией"), "kk") == "Бельгия"
    assert index.label(find_node(index, "Португалией"), "kk") == "Португалия"


def test_focus_by_a_name_with_spaces_warns_nothing(index, caplog):
    with caplog.at_level(logging.WARNING):
        find_node(index, "Эрве Жамар")
    assert not [r for r in caplog.records if "valid URI" in r.getMessage()]


def test_page_carries_the_stems_of_its_nodes(index):
    data = page_data(view_html(index, "countries"))
    belgium = next(e for e in data["catalog"] if e["l"].get("en") == "Belgium")
    assert "бельг" in belgium["m"]
