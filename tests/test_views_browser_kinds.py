"""The views in Chromium at 1440×900: labels that do not pile up, the selection's neighbourhood, fit and reset,
the tooltip, the regions × partner states view, the timeline, search by unseen case forms, plural forms.

Screenshots go to test-artifacts/views/. The graphs are the seeds' and a synthetic one (CI has no other);
with DIPKG_DEV_GRAPH=path/to/diplomacy.ttl the same checks also run on that graph.
"""

import os
from collections import defaultdict
from pathlib import Path

import browser_support
import pytest

from kg.views import GraphIndex, write_view
from kg.views.kinds import make_view
from kg.views.payload import _pick
from kg.views.synthetic import synthetic_graph

pytestmark = browser_support.NEEDS_BROWSER
MAX_OVERLAP = 0.05
KINDS = ("network", "countries", "sectors", "regions", "timeline")
DEV_GRAPH = os.environ.get("DIPKG_DEV_GRAPH")


@pytest.fixture(scope="module")
def indexes(seeds_build):
    out = {"seeds": GraphIndex(seeds_build.graph), "synthetic": GraphIndex(synthetic_graph(240))}
    if DEV_GRAPH:
        from kg.graph import load_graph

        out["dev"] = GraphIndex(load_graph(Path(DEV_GRAPH)))
    return out


@pytest.fixture(scope="module")
def pages(indexes, tmp_path_factory):
    folder = tmp_path_factory.mktemp("kinds")
    out = {}
    for graph, index in indexes.items():
        for kind in KINDS:
            out[(graph, kind)] = write_view(index, folder / f"{graph}-{kind}.html", kind)
    out[("seeds", "ego")] = write_view(indexes["seeds"], folder / "seeds-ego.html", "ego", focus="Жамармен")
    out[("synthetic", "ego")] = write_view(indexes["synthetic"], folder / "synthetic-ego.html", "ego",
                                           focus=next(iter(indexes["synthetic"].meetings)))
    return out


BAR_TOTAL = "Array.from(document.querySelectorAll('svg.timeline rect.bar')).reduce((s, r) => s + +r.dataset.count, 0)"
GRAPHS = ["seeds", "synthetic", *(["dev"] if DEV_GRAPH else [])]


def overlapping(boxes: list[dict]) -> int:
    """How many label boxes overlap another (by more than a pixel each way)."""
    hit = set()
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if (a["x"] + 1 < b["x"] + b["w"] and b["x"] + 1 < a["x"] + a["w"]
                    and a["y"] + 1 < b["y"] + b["h"] and b["y"] + 1 < a["y"] + a["h"]):
                hit.update((i, j))
    return len(hit)


@pytest.mark.parametrize("graph", GRAPHS)
@pytest.mark.parametrize("kind", [*KINDS, "ego"])
def test_view_opens_readable(opened, pages, graph, kind):
    if (graph, kind) not in pages:
        pytest.skip("no ego view of this graph")
    page = opened(pages[(graph, kind)])
    page.page.wait_for_timeout(250)
    assert page.errors == [] and page.requests == []
    page.shot(f"{graph}-{kind}")
    if kind == "timeline":
        assert page.page.locator("svg.timeline g.bar-group").count() > 0
        return
    boxes = page.js("window.dipkg.labelBoxes()")
    assert boxes, "no label drawn"
    assert overlapping(boxes) <= MAX_OVERLAP * len(boxes)
    # the labels measured are those drawn: each box as wide as its text in the page's font, within 5 %
    widths = page.js("""() => { const c = document.createElement('canvas').getContext('2d');
        return window.dipkg.labelBoxes().slice(0, 40).map(b => {
          c.font = (b.px * 10) + "px system-ui, -apple-system, 'Segoe UI', sans-serif";
          return [b.w, c.measureText(b.text).width / 10]; }); }""")
    assert all(m > 0 and abs(w - m) <= 0.05 * m + 1 for w, m in widths), widths
    # opened fitted: every node drawn inside the canvas
    outside = page.js("""() => { const n = window.dipkg.network, box = document.getElementById('graph');
        const pos = n.getPositions();
        return Object.values(pos).map(p => n.canvasToDOM(p)).filter(p => p.x < -1 || p.y < -1
          || p.x > box.clientWidth + 1 || p.y > box.clientHeight + 1).length; }""")
    assert outside == 0


def test_zooming_in_shows_more_labels_of_the_part_in_sight(opened, pages):
    page = opened(pages[("synthetic", "network")])
    before = len(page.js("window.dipkg.labelBoxes()"))
    total = page.js("window.dipkg.data.nodes.length")
    assert before < total
    ref = page.js("window.dipkg.data.nodes[0][0]")
    page.js("ref => window.dipkg.network.focus(ref, {scale: 2.5, animation: false})", ref)
    page.page.wait_for_timeout(300)
    boxes = page.js("window.dipkg.labelBoxes()")
    assert boxes and overlapping(boxes) <= MAX_OVERLAP * len(boxes)
    sizes = {round(b["h"]) for b in boxes}
    assert len(sizes) >= 1


def test_selection_highlights_its_neighbourhood(opened, pages):
    page = opened(pages[("seeds", "network")])
    ref = page.ref("Эрве Жамар")
    page.click_node(ref)
    near = set(page.js("window.dipkg.neighbours()"))
    connected = set(page.js("ref => window.dipkg.network.getConnectedNodes(ref)", ref))
    assert near == connected | {ref}
    labelled = {b.get("node") for b in page.js("window.dipkg.labelBoxes()")}
    assert ref in labelled
    edge_labels = [b for b in page.js("window.dipkg.labelBoxes()") if b.get("edge") is not None]
    assert edge_labels  # the selected node's edges are labelled with their relation
    assert {b["text"] for b in edge_labels} <= set(page.js(
        "Object.values(window.dipkg.data.relations).map(t => t.kk || t.en)"))
    page.shot("network-selected")
    page.page.locator("#panel .close").click()
    assert page.js("window.dipkg.neighbours()") == []


def test_edge_label_switch(opened, pages):
    page = opened(pages[("seeds", "countries")])
    assert not [b for b in page.js("window.dipkg.labelBoxes()") if b.get("edge") is not None]
    page.page.locator("input[data-toggle=edge-labels]").check()
    page.page.wait_for_timeout(100)
    assert [b for b in page.js("window.dipkg.labelBoxes()") if b.get("edge") is not None]


def test_fit_and_reset(opened, pages):
    page = opened(pages[("synthetic", "network")])
    fitted = page.js("window.dipkg.network.getScale()")
    ref = page.js("window.dipkg.data.nodes[3][0]")
    page.js("ref => window.dipkg.choose(ref)", ref)
    assert page.js("window.dipkg.network.getScale()") > fitted
    page.page.locator(".controls button.fit").click()
    assert page.js("window.dipkg.network.getScale()") == pytest.approx(fitted, rel=0.02)
    page.page.locator("#legend input[data-type=meeting]").uncheck()
    page.page.locator(".controls button.reset").click()
    assert page.js("window.dipkg.network.getSelectedNodes()") == []
    assert page.js("window.dipkg.neighbours()") == []
    assert page.page.locator("#legend input[data-type=meeting]").is_checked()
    assert page.page.locator("#panel .hint").count() == 1


def test_tooltip_goes_away_on_click(opened, pages):
    page = opened(pages[("seeds", "network")])
    ref = page.ref("Бельгия")
    page.js("ref => window.dipkg.network.focus(ref, {scale: 1.4, animation: false})", ref)
    point = page.js("ref => { const n = window.dipkg.network; return n.canvasToDOM(n.getPositions([ref])[ref]); }", ref)
    box = page.page.locator("#graph").bounding_box()
    page.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tip = page.page.locator("#graph .tip")
    tip.wait_for(state="visible")
    assert "Бельгия" in tip.inner_text()
    page.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert not tip.is_visible()
    assert page.page.locator("#panel .node-title").inner_text() == "Бельгия"


def test_meeting_panel_shows_each_sentence_once(opened, pages):
    page = opened(pages[("seeds", "network")])
    ref = page.js("window.dipkg.data.nodes.find(r => window.dipkg.data.catalog[r[0]].c === 'meeting')[0]")
    page.js("ref => window.dipkg.choose(ref)", ref)
    sentences = page.page.locator("#panel blockquote.sentence").all_inner_texts()
    assert sentences and len(set(sentences)) == len(sentences)


def expected_partners(index: GraphIndex, year: str = "") -> dict[str, set[str]]:
    """Each region's partner states (kk labels), from the Python side, for one year or all."""
    view = make_view(index, "regions")
    out: dict[str, set[str]] = defaultdict(set)
    for row in view.meetings:
        if year and not row.date.startswith(year):
            continue
        for r in row.regions:
            out[_pick(index.labels_by_language(r), "kk")] |= {_pick(index.labels_by_language(p), "kk")
                                                               for p in row.partners}
    return out


@pytest.mark.parametrize("graph", GRAPHS)
def test_regions_view_shows_the_partner_states_of_a_region(opened, pages, indexes, graph):
    expected = expected_partners(indexes[graph])
    region = max(sorted(expected), key=lambda r: len(expected[r]))
    page = opened(pages[(graph, "regions")])
    ref = page.ref(region)
    assert page.js("r => window.dipkg.labelOf(r)", ref) == region
    page.click_node(ref)
    panel = page.page.locator("#panel")
    shown = set(panel.locator("section[data-relation=partners] .node-link").all_inner_texts())
    assert shown == expected[region]
    near = {page.js("r => window.dipkg.labelOf(r)", r) for r in page.js("window.dipkg.neighbours()")}
    assert near == expected[region] | {region}
    assert panel.locator("section[data-relation=meetings] blockquote.sentence").count() > 0
    page.js("window.dipkg.fit()")
    page.shot(f"{graph}-regions-selected")
    years = page.js("Array.from(document.querySelectorAll('select[data-filter=year] option')).map(o => o.value)")
    year = years[-1]
    page.page.select_option("select[data-filter=year]", year)
    for_year = expected_partners(indexes[graph], year)
    if region in for_year:
        shown = set(panel.locator("section[data-relation=partners] .node-link").all_inner_texts())
        assert shown == for_year[region]
    visible = page.js("window.dipkg.edges.get().filter(e => !e.hidden).length")
    assert visible == sum(len(v) for v in for_year.values()) or graph == "dev"  # dev: a meeting may join two regions


def test_regions_sector_filter(opened, pages, indexes):
    index = indexes["synthetic"]
    view = make_view(index, "regions")
    page = opened(pages[("synthetic", "regions")])
    sector = page.js("Array.from(document.querySelectorAll('select[data-filter=sector] option')).map(o => o.value)")[1]
    page.page.select_option("select[data-filter=sector]", sector)
    name = page.js("r => window.dipkg.labelOf(r)", int(sector))
    rows = [r for r in view.meetings if any(_pick(index.labels_by_language(s), "kk") == name for s in r.sectors)]
    pairs = {(a, b) for r in rows for a in r.regions for b in r.partners}
    assert page.js("window.dipkg.edges.get().filter(e => !e.hidden).length") == len(pairs)
    page.shot("synthetic-regions-sector")


@pytest.mark.parametrize("graph", GRAPHS)
def test_timeline_has_a_bar_group_per_year(opened, pages, indexes, graph):
    view = make_view(indexes[graph], "timeline")
    years = sorted({r.date[:4] for r in view.meetings if r.partners})
    page = opened(pages[(graph, "timeline")])
    groups = page.page.locator("svg.timeline g.bar-group")
    assert [groups.nth(i).get_attribute("data-period") for i in range(groups.count())] == years
    total = page.js(BAR_TOTAL)
    assert total == sum(len(r.partners) for r in view.meetings)
    page.page.locator("svg.timeline rect.bar").first.click()
    panel = page.page.locator("#panel")
    assert panel.locator("section[data-relation=meetings] .fact").count() > 0
    assert panel.locator("blockquote.sentence").count() > 0
    page.shot(f"{graph}-timeline-clicked")


def test_timeline_by_region_month_and_sector(opened, pages, indexes):
    index = indexes["synthetic"]
    view = make_view(index, "timeline")
    page = opened(pages[("synthetic", "timeline")])
    page.page.select_option("select[data-filter=by]", "regions")
    page.page.select_option("select[data-filter=period]", "month")
    months = sorted({r.date[:7] for r in view.meetings if r.regions and len(r.date) >= 7})
    assert page.page.locator("svg.timeline g.bar-group").count() == len(months)
    sector = page.js("Array.from(document.querySelectorAll('select[data-filter=sector] option')).map(o => o.value)")[1]
    page.page.select_option("select[data-filter=sector]", sector)
    name = page.js("r => window.dipkg.labelOf(r)", int(sector))
    expected = sum(len(r.regions) for r in view.meetings
                   if any(_pick(index.labels_by_language(s), "kk") == name for s in r.sectors))
    total = page.js(BAR_TOTAL)
    assert total == expected
    page.shot("synthetic-timeline-regions-month")


@pytest.mark.parametrize(("query", "label"), [
    ("Бельгией", "Бельгия"),
    ("бельгиею", "Бельгия"),
    ("Португалией", "Португалия"),
    ("Португалиямен", "Португалия"),
    ("Алматинской области", "Алматы облысы"),
])
def test_search_finds_case_forms_no_report_used(opened, pages, query, label):
    page = opened(pages[("seeds", "network")])
    box = page.page.locator("#search")
    box.press_sequentially(query)
    first = page.page.locator("#results li").first
    first.wait_for()
    assert first.locator(".result-label").inner_text() == label


@pytest.mark.parametrize(("language", "n", "text"), [
    ("ru", 21, "21 узел показан"), ("ru", 22, "22 узла показано"), ("ru", 25, "25 узлов показано"),
    ("ru", 11, "11 узлов показано"), ("en", 1, "1 node shown"), ("en", 21, "21 nodes shown"),
    ("kk", 21, "21 түйін көрсетілген"),
])
def test_page_counts_with_plural_forms(opened, pages, language, n, text):
    page = opened(pages[("seeds", "countries")])
    assert page.js("a => window.dipkg.counted('shown', a[0], a[1])", [n, language]) == text
    page.page.select_option("#lang", "ru")
    shown = page.page.locator("#legend .shown").inner_text()
    nodes = page.js("window.dipkg.data.nodes.length")
    assert shown == page.js("a => window.dipkg.counted('shown', a[0], 'ru')", [nodes])
