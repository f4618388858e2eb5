"""A very large view in Chromium: it opens with only its most important nodes drawn, says so, draws a
found or clicked node with its neighbours, draws all on request and goes back on reset.
The limit is lowered here so a small synthetic graph stands for a large one."""

import browser_support
import pytest
from test_views_browser_kinds import MAX_OVERLAP, overlapping

from kg.views import GraphIndex, write_view
from kg.views.kinds import make_view
from kg.views.synthetic import synthetic_graph

pytestmark = browser_support.NEEDS_BROWSER
LIMIT = (150, 300)


@pytest.fixture(scope="module")
def partial(tmp_path_factory):
    index = GraphIndex(synthetic_graph(300))
    path = write_view(index, tmp_path_factory.mktemp("views") / "partial.html", "network", layout_threshold=100,
                      draw_limit=LIMIT)
    return path, len(make_view(index, "network").nodes)


FIRST = "window.dipkg.data.first.length"
HIDDEN_PERSON = """() => { const d = window.dipkg;
    return d.data.nodes.find(r => !d.isDrawn(r[0]) && d.data.catalog[r[0]].c === 'person')[0]; }"""


def test_opens_with_the_first_nodes_and_says_how_many(opened, partial):
    path, total = partial
    page = opened(path)
    first = page.js(FIRST)
    assert 0 < first <= LIMIT[0] < total
    assert page.js("window.dipkg.drawnNodes()") == first
    assert page.js("window.dipkg.network.body.edgeIndices.length") <= LIMIT[1]
    note = page.page.locator("#legend .partial").inner_text()
    assert f"{first} / {total}" in note
    assert page.page.locator("#legend .shown").inner_text().startswith(str(first))
    boxes = page.js("window.dipkg.labelBoxes()")
    assert boxes and overlapping(boxes) <= MAX_OVERLAP * len(boxes)
    assert page.errors == [] and page.requests == []
    page.shot("partial")


def test_search_draws_a_hidden_node_with_its_neighbours(opened, partial):
    page = opened(partial[0])
    first = page.js(FIRST)
    ref = page.js(HIDDEN_PERSON)
    label = page.js("r => window.dipkg.labelOf(r)", ref)
    box = page.page.locator("#search")
    box.press_sequentially(label)
    page.page.locator("#results li").first.wait_for()
    box.press("Enter")
    assert page.page.locator("#panel .node-title").inner_text() == label
    assert page.js("window.dipkg.network.getSelectedNodes()") == [ref]
    neighbours = page.js("r => window.dipkg.network.getConnectedNodes(r)", ref)
    expected = page.js("r => window.dipkg.data.edges.filter(e => e[0] === r || e[1] === r).length", ref)
    assert neighbours and len(page.js("r => window.dipkg.network.getConnectedEdges(r)", ref)) == expected
    assert page.js("window.dipkg.drawnNodes()") == first + 1 + sum(
        1 for n in neighbours if not page.js("n => window.dipkg.data.first.includes(n)", n))
    assert page.js("r => window.dipkg.network.getPositions([r])[r]", ref) == page.js(
        "r => { const row = window.dipkg.data.nodes.find(x => x[0] === r); return {x: row[2], y: row[3]}; }", ref)
    assert f"{page.js('window.dipkg.drawnNodes()')} /" in page.page.locator("#legend .partial").inner_text()
    assert page.errors == []
    page.shot("partial-found")


def test_draw_all_then_reset(opened, partial):
    path, total = partial
    page = opened(path)
    first = page.js(FIRST)
    page.js("r => window.dipkg.choose(r)", page.js(HIDDEN_PERSON))
    assert page.js("window.dipkg.drawnNodes()") > first
    page.page.locator("#legend .draw-all").click()
    for _ in range(100):  # the page draws them after a moment (wait_for_function would need eval)
        if page.js("window.dipkg.drawnNodes()") == total:
            break
        page.page.wait_for_timeout(100)
    assert page.js("window.dipkg.drawnNodes()") == total
    assert page.page.locator("#legend .partial").count() == 0
    assert page.js("window.dipkg.network.body.edgeIndices.length") == page.js("window.dipkg.data.edges.length")
    page.page.locator("#graph .reset").click()
    assert page.js("window.dipkg.drawnNodes()") == first
    assert page.js("window.dipkg.network.body.edgeIndices.length") <= LIMIT[1]
    assert page.page.locator("#legend .partial").count() == 1
    assert page.errors == []


def test_hiding_a_type_leaves_the_undrawn_undrawn(opened, partial):
    page = opened(partial[0])
    first = page.js(FIRST)
    meetings = page.js("""window.dipkg.data.first.filter(r => window.dipkg.data.catalog[r].c === 'meeting').length""")
    page.page.locator("#legend input[data-type=meeting]").uncheck()
    assert page.js("window.dipkg.drawnNodes()") == first - meetings
    page.page.locator("#legend input[data-type=meeting]").check()
    assert page.js("window.dipkg.drawnNodes()") == first
    assert page.js("Object.keys(window.dipkg.network.body.nodes).length") == first
