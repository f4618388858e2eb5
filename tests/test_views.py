"""The views without a browser: what each kind contains, the page's self-containment and escaping, layout, CLI."""

import json
import math
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal
from view_support import page_data

from kg.cli import main
from kg.errors import DipkgError
from kg.graph import DIP, RES, load_graph, write_dataset
from kg.views import DEFAULT_VIEWS, GraphIndex, view_html, write_view
from kg.views.kinds import find_node, make_view
from kg.views.layout import precomputed_layout
from kg.views.page import embed_json
from kg.views.payload import _quote_in_sentence
from kg.views.synthetic import synthetic_graph

ROOT = Path(__file__).resolve().parent.parent
PREFIXES = "PREFIX dip: <https://w3id.org/dipkg/ontology#>\n"
HOSTILE = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def index(seeds_build):
    return GraphIndex(seeds_build.graph)


def count(graph: Graph, classes: str) -> int:
    rows = graph.query(PREFIXES + f"SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ VALUES ?t {{ {classes} }} ?n a ?t }}")
    return int(next(iter(rows))[0])


def label_of(data: dict, ref: int) -> str:
    return next(iter(data["catalog"][ref]["l"].values()))


def test_network_has_every_typed_node(seeds_build, index):
    g = seeds_build.graph
    typed = count(g, "dip:Person dip:Meeting dip:Country dip:Region dip:City dip:Place dip:Organization "
                     "dip:GovernmentBody dip:University dip:Company dip:InternationalOrganization")
    sectors = len(set(g.objects(None, DIP.topic)))
    view = make_view(index, "network")
    assert len(view.nodes) == typed + sectors
    relations = {e.relation for e in view.edges}
    assert {"participant", "location", "topic", "serves", "accreditedTo", "jurisdiction"} <= relations


@pytest.mark.parametrize(("a", "b", "meetings", "sector"), [
    ("KZ", "PT", 2, "tourism"),
    ("BE", "KZ", 1, "logistics"),
    ("JP", "KZ", 1, "agriculture"),
])
def test_countries_pairs_weighted_by_meetings(index, a, b, meetings, sector):
    view = make_view(index, "countries")
    edges = {(index.country_code[e.source], index.country_code[e.target]): e for e in view.edges}
    edge = edges[(a, b)]
    assert edge.weight == meetings == len(edge.meetings)
    assert sector in {index.notation[s] for s, _ in edge.sectors}
    assert all(re.fullmatch(r"\d{4}(-\d\d){0,2}", d) for d in edge.dates)


def test_countries_view_shows_only_countries_that_met(index):
    view = make_view(index, "countries")
    met = {c for e in view.edges for c in (e.source, e.target)}
    assert {n.node for n in view.nodes} == met
    assert len(view.nodes) < len(index.nodes(frozenset({"country"})))  # the seeds name countries that met no one


def test_sectors_link_countries_and_regions_to_sectors(index):
    view = make_view(index, "sectors")
    categories = {n.category for n in view.nodes}
    assert categories == {"country", "region", "sector"}
    by_name = {(index.label(e.source, "kk"), index.notation[e.target]): e.weight for e in view.edges}
    assert by_name[("Льеж провинциясы", "logistics")] == 1
    assert by_name[("Қазақстан", "tourism")] >= 1
    sizes = {index.notation.get(n.node): n.value for n in view.nodes if n.category == "sector"}
    assert sizes["industry"] > sizes["aerospace"]


def test_ego_reaches_two_steps_from_a_case_form(index):
    view = make_view(index, "ego", focus="Жамармен")
    assert index.label(view.focus, "kk") == "Эрве Жамар"
    names = {index.label(n.node, "kk") or index.label(n.node, "en") for n in view.nodes}
    assert {"Эрве Жамар", "Льеж провинциясы", "Бельгия", "Роман Василенко"} <= names  # within two steps
    assert "Джун Ямада" not in names  # a participant of another meeting
    assert len(view.nodes) < len(make_view(index, "network").nodes)


@pytest.mark.parametrize(("name", "label"), [
    ("Эрве Жамар", "Эрве Жамар"),
    ("эрве жамар", "Эрве Жамар"),
    ("Жамармен", "Эрве Жамар"),
    ("Belgium", "Бельгия"),
    ("BE", "Бельгия"),
    ("logistics", "Логистика"),
    ("Льеж провинциясының", "Льеж провинциясы"),
])
def test_find_node_by_any_name(index, name, label):
    assert index.label(find_node(index, name), "kk") == label


def test_find_node_errors(index):
    with pytest.raises(DipkgError, match="no node"):
        find_node(index, "Атлантида")
    with pytest.raises(DipkgError, match="needs --focus"):
        make_view(index, "ego")


def test_search_forms_hold_labels_and_report_forms(index):
    person = find_node(index, "Эрве Жамар")
    forms = index.search_forms(person)
    assert "Эрве Жамар" in forms and any("Жамармен" in f for f in forms)
    country = find_node(index, "BE")
    assert {"Belgium", "Бельгия", "BE"} <= set(index.search_forms(country))


@pytest.mark.parametrize("kind", ["network", "countries", "sectors", "ego"])
def test_page_is_self_contained(seeds_build, kind):
    page = view_html(seeds_build.graph, kind, focus="Жамар")
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.I)
    assert not re.search(r"<link[^>]*\shref\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"@import|@font-face", page, re.I)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", page, re.I)
    assert "sourceMappingURL" not in page
    assert "default-src 'none'" in page
    assert "vis.Network" in page


@pytest.mark.parametrize("kind", ["network", "countries", "sectors", "regions", "timeline", "ego"])
def test_a_view_is_the_same_from_the_store_or_the_graph_whatever_the_order_of_its_triples(seeds_build, kind):
    focus = "Belgium" if kind == "ego" else None
    triples = list(seeds_build.graph)
    pages = {view_html(GraphIndex.from_store(seeds_build.store), kind, focus=focus)}
    for seed in (1, 2, 3):
        random.Random(seed).shuffle(triples)
        pages.add(view_html(GraphIndex(triples), kind, focus=focus))
    assert len(pages) == 1


@pytest.mark.parametrize(("module", "name"), [("kg.store", "graph_values"), ("kg.views.payload", "_Builder")])
def test_the_index_and_a_page_are_made_with_the_collector_paused(seeds_build, monkeypatch, module, name):
    import gc
    import importlib

    target, seen = importlib.import_module(module), []
    real = getattr(target, name)
    monkeypatch.setattr(target, name, lambda *args: seen.append(gc.isenabled()) or real(*args))
    graph = Graph()
    for triple in seeds_build.graph.triples((None, None, None)):
        graph.add(triple)
    view_html(GraphIndex.from_graphs([("urn:g", graph.serialize(format="nt", encoding="utf-8"))]), "network")
    assert seen == [False] and gc.isenabled()


def test_view_script_never_writes_markup():
    script = (ROOT / "kg" / "views" / "assets" / "view.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", script)


def hostile_graph(graph: Graph) -> Graph:
    """The seeds graph and a report whose person, title and sentence are markup and script."""
    g = Graph()
    g += graph
    person, report, ev = RES["person/hostile"], RES["report/hostile"], RES["evidence/hostile"]
    sentence = f"Кездесуге {HOSTILE} және </script><script>window.__pwned=2</script> қатысты."
    g.add((person, RDF.type, DIP.Person))
    g.add((person, RDFS.label, Literal(f"{HOSTILE}Зұлым", lang="kk")))
    g.add((report, RDF.type, DIP.Report))
    g.add((report, DIP.sourceFile, Literal("<b>hostile</b>.txt")))
    g.add((report, DIP.title, Literal("</script><script>window.__pwned=3</script>", lang="kk")))
    g.add((report, DIP.mentions, person))
    g.add((report, DIP.evidence, ev))
    g.add((ev, RDF.type, DIP.Evidence))
    g.add((ev, DIP.inReport, report))
    g.add((ev, DIP.sentence, Literal(sentence)))
    g.add((ev, DIP.sentenceStart, Literal(0)))
    g.add((ev, DIP.sentenceEnd, Literal(len(sentence))))
    g.add((ev, DIP.quote, Literal(HOSTILE)))
    g.add((ev, DIP.quoteStart, Literal(sentence.index(HOSTILE))))
    g.add((ev, DIP.quoteEnd, Literal(sentence.index(HOSTILE) + len(HOSTILE))))
    g.add((ev, DIP.supportsProperty, DIP.mentions))
    g.add((ev, DIP.supportsValue, person))
    return g


def test_hostile_text_is_data(seeds_build):
    page = view_html(hostile_graph(seeds_build.graph), "network")
    assert "<img" not in page and "window.__pwned" not in page.split('id="dipkg-data"', 1)[0]
    assert page.count("</script>") == 4  # the data, its details, vis-network and the page script close; nothing else
    data = page_data(page)
    labels = [v for entry in data["catalog"] for v in entry["l"].values()]
    assert f"{HOSTILE}Зұлым" in labels
    assert any("</script><script>" in s for s in data["sentences"])


@pytest.mark.parametrize("text", ["</script><script>x()</script>", "<!-- <script>", "a & b > c", "line\u2028sep"])
def test_embedded_json_round_trips_without_markup(text):
    embedded = embed_json({"t": text})
    assert not set(embedded) & {"<", ">", "&", "\u2028"}
    assert json.loads(embedded) == {"t": text}


@pytest.mark.parametrize(("sentence", "quote", "expected"), [
    ("Жамармен кездесті.", "Жамармен", (0, 8)),
    ("🙂 Жамармен кездесті.", "Жамармен", (3, 11)),  # the emoji is two UTF-16 code units
    ("Жамармен кездесті.", "Ямада", (-1, -1)),
])
def test_quote_offsets_count_as_javascript_does(sentence, quote, expected):
    assert _quote_in_sentence(sentence, quote, 100, 100 + max(sentence.find(quote), 0)) == expected


def test_labels_in_chosen_language_with_fallback(seeds_build):
    data = page_data(view_html(seeds_build.graph, "network", lang="en"))
    assert data["lang"] == "en"
    entries = {json.dumps(e["l"], ensure_ascii=False): e for e in data["catalog"]}
    assert any(e["l"].get("en") == "Belgium" for e in entries.values())
    persons = [e for e in data["catalog"] if e["c"] == "person"]
    assert persons and all("kk" in e["l"] and "en" not in e["l"] for e in persons)  # the page falls back to kk
    assert data["types"]["person"] == {"en": "Person", "kk": "Тұлға", "ru": "Лицо"}


def test_facts_carry_evidence_and_reports(seeds_build):
    data = page_data(view_html(seeds_build.graph, "network"))
    person = next(i for i, e in enumerate(data["catalog"]) if e["l"].get("kk") == "Эрве Жамар")
    facts = data["catalog"][person]["f"]
    holds = next(f for f in facts if f["p"] == "holds")
    assert {part[0] for part in holds["x"]} == {"serves", "jurisdiction"}
    sentence, report, start, end, *_ = data["evidence"][holds["e"][0]]
    assert "Жамар" in data["sentences"][sentence] and 0 <= start < end
    assert data["reports"][report][0] == "000_96af8c5a6d4c3167.txt"
    mentioned = [f for f in facts if f["p"] == "mentionedIn"]
    quotes = [data["sentences"][data["evidence"][k][0]][data["evidence"][k][4]:data["evidence"][k][5]]
              for f in mentioned for k in f["e"]]
    assert "Эрве Жамармен" in quotes


def _facts_by_relation(data: dict) -> dict[tuple[str, str], int]:
    """How many facts of each relation the panel of each node tells, shown or counted as more (by the node's label,
    which a catalog index is not the same in two pages)."""
    told: dict[tuple[str, str], int] = {}
    for entry in data["catalog"]:
        for fact in entry.get("f", ()):
            key = (json.dumps(entry["l"], sort_keys=True), fact["p"])
            told[key] = told.get(key, 0) + fact.get("more", 1)
    return told


@pytest.mark.parametrize("kind", ["network", "countries", "sectors", "regions", "timeline"])
def test_facts_left_out_of_a_panel_bring_nothing_into_the_page(monkeypatch, kind):
    graph = synthetic_graph(120)
    whole = page_data(view_html(graph, kind))
    monkeypatch.setattr("kg.views.payload.MAX_FACTS", 3)
    cut = page_data(view_html(graph, kind))
    shown = [fact for entry in cut["catalog"] for fact in entry.get("f", ()) if "more" not in fact]
    cited = {k for fact in shown for k in fact.get("e", ())}
    assert any("more" in fact for entry in cut["catalog"] for fact in entry.get("f", ()))
    assert cited == set(range(len(cut["evidence"])))  # every evidence in the page is one a shown fact cites
    assert {cut["evidence"][k][1] for k in cited} == set(range(len(cut["reports"])))
    assert len(cut["evidence"]) <= len(whole["evidence"])
    assert _facts_by_relation(cut) == _facts_by_relation(whole)  # what was left out is counted


def test_small_views_use_physics_large_ones_a_precomputed_layout(seeds_build):
    graph = synthetic_graph(60)
    small = page_data(view_html(graph, "network"))
    large = page_data(view_html(graph, "network", layout_threshold=50))
    assert small["layout"] == "physics" and all(len(row) == 2 for row in small["nodes"])
    assert large["layout"] == "precomputed" and all(len(row) == 4 for row in large["nodes"])
    assert len(large["nodes"]) == len(small["nodes"]) > 50


def test_precomputed_layout_is_stable_and_spread():
    graph = synthetic_graph(400)
    view = make_view(GraphIndex(graph), "network")
    nodes = [n.node for n in view.nodes]
    edges = [(e.source, e.target) for e in view.edges]
    first = precomputed_layout(nodes, edges)
    assert first == precomputed_layout(nodes, edges)
    assert set(first) == set(nodes)
    points = list(first.values())
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    assert len(set(points)) > 0.95 * len(points)
    linked = sum(math.dist(first[a], first[b]) for a, b in edges) / len(edges)
    pairs = list(zip(nodes[::2], nodes[1::2], strict=False))
    anywhere = sum(math.dist(first[a], first[b]) for a, b in pairs) / len(pairs)
    assert linked < anywhere  # neighbours lie closer together than nodes at random


@pytest.mark.parametrize("kind", ["network", "countries", "sectors"])
def test_empty_graph_gives_an_empty_page(kind):
    data = page_data(view_html(Graph(), kind))
    assert data["nodes"] == [] and data["edges"] == [] and data["catalog"] == []


def test_precomputed_layout_places_components_apart():
    pos = precomputed_layout(["a", "b", "c", "d", "e"], [("a", "b"), ("c", "d")])
    assert set(pos) == {"a", "b", "c", "d", "e"}
    assert len(set(pos.values())) == 5


def test_cli_view_writes_each_kind(tmp_path, seeds_build):
    graph = tmp_path / "g.ttl"
    seeds_build.graph.serialize(graph, format="turtle")
    for kind, extra in [("network", []), ("countries", ["--lang", "ru"]), ("sectors", ["--lang", "en"]),
                        ("regions", []), ("timeline", ["--lang", "ru"]), ("ego", ["--focus", "Жамармен"])]:
        out = tmp_path / f"{kind}.html"
        result = CliRunner().invoke(main, ["view", "--graph", str(graph), "--kind", kind, "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
        data = page_data(out.read_text(encoding="utf-8"))
        assert data["kind"] == kind and data["nodes"]
    assert page_data((tmp_path / "countries.html").read_text(encoding="utf-8"))["lang"] == "ru"


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_cli_view_reads_turtle_and_trig(tmp_path, seeds_build, fmt):
    graph = tmp_path / f"g.{'ttl' if fmt == 'turtle' else fmt}"
    if fmt == "trig":
        write_dataset(seeds_build.dataset, graph, "trig")
    else:
        seeds_build.graph.serialize(graph, format=fmt)
    out = tmp_path / "countries.html"
    result = CliRunner().invoke(main, ["view", "--graph", str(graph), "--kind", "countries", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == len(make_view(GraphIndex(seeds_build.graph), "countries").nodes) > 0
    assert len(data["edges"]) >= 3


def test_cli_view_errors_are_one_line(tmp_path, seeds_build):
    graph = tmp_path / "g.ttl"
    seeds_build.graph.serialize(graph, format="turtle")
    out = tmp_path / "ego.html"
    result = CliRunner().invoke(main, ["view", "--graph", str(graph), "--kind", "ego", "--focus", "Атлантида",
                                       "--out", str(out)])
    assert result.exit_code != 0 and "Атлантида" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_build_writes_the_default_views(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    graph = load_graph(out / "diplomacy.ttl")
    for kind, name in DEFAULT_VIEWS.items():
        if not name.endswith(".html"):
            assert (out / name).stat().st_size > 0
            continue
        data = page_data((out / name).read_text(encoding="utf-8"))
        assert data["kind"] == kind
        assert len(data["nodes"]) == len(make_view(GraphIndex(graph), kind).nodes)


def test_write_view_replaces_atomically(tmp_path, seeds_build):
    path = tmp_path / "v.html"
    write_view(seeds_build.graph, path, "countries")
    first = path.read_text(encoding="utf-8")
    with pytest.raises(DipkgError):
        write_view(seeds_build.graph, path, "ego", focus="Атлантида")
    assert path.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["v.html"]
