"""What a very large view draws when it opens (kg.views.subset): the most important nodes, then those
that join them, within a budget of nodes and edges; the page holds the rest."""

import pytest
from test_views import page_data

from kg.views import GraphIndex, view_html
from kg.views.kinds import make_view
from kg.views.subset import first_drawn, importance
from kg.views.synthetic import synthetic_graph

# Two countries, a sector, four persons and three meetings; m1 and m2 join two countries each.
NODES = [("m1", "meeting", 3), ("m2", "meeting", 3), ("m3", "meeting", 1), ("p1", "person", 2),
         ("p2", "person", 1), ("KZ", "country", 9), ("BE", "country", 6), ("trade", "sector", 4),
         ("p3", "person", 1), ("p4", "person", 1)]
EDGES = [("m1", "KZ"), ("m1", "BE"), ("m1", "trade"), ("m2", "KZ"), ("m2", "BE"), ("m3", "p3"),
         ("p1", "KZ"), ("p2", "BE"), ("p4", "KZ")]


@pytest.mark.parametrize(("category", "value", "above"), [
    ("country", 1, ("meeting", 30)),
    ("region", 4, ("person", 4)),
    ("city", 9, ("company", 9)),
    ("person", 9, ("person", 4)),
])
def test_importance_by_type_then_value(category, value, above):
    assert importance(category, value) > importance(*above)


def test_a_view_within_the_budget_is_drawn_whole():
    assert first_drawn(NODES, EDGES, max_nodes=len(NODES), max_edges=len(EDGES)) is None


def test_the_most_important_half_then_the_nodes_that_join_them():
    first = first_drawn(NODES, EDGES, max_nodes=5, max_edges=20)
    # The first half (2 of 5): the two countries; then what links two of them (not p1, one link), in
    # the view's order.
    assert first == ["m1", "m2", "KZ", "BE"]


def test_the_edge_budget_holds():
    first = set(first_drawn(NODES, EDGES, max_nodes=10, max_edges=3))
    assert sum(1 for a, b in EDGES if a in first and b in first) <= 3
    assert {"KZ", "BE"} <= first


def test_the_choice_is_stable():
    assert first_drawn(NODES, EDGES, max_nodes=4, max_edges=5) == first_drawn(NODES, EDGES, max_nodes=4, max_edges=5)


def test_a_large_page_names_what_it_draws_first():
    index = GraphIndex(synthetic_graph(120))
    view = make_view(index, "network")
    data = page_data(view_html(index, "network", layout_threshold=50, draw_limit=(60, 120)))
    assert data["layout"] == "precomputed" and len(data["nodes"]) == len(view.nodes) > 60
    first = set(data["first"])
    assert 0 < len(first) <= 60 and first <= {row[0] for row in data["nodes"]}
    assert sum(1 for e in data["edges"] if e[0] in first and e[1] in first) <= 120
    categories = {data["catalog"][ref]["c"] for ref in first}
    assert "country" in categories and "meeting" in categories  # the places and what joins them
    assert data["weights"]["country"] > data["weights"]["meeting"]


@pytest.mark.parametrize(("threshold", "limit"), [(1000, (60, 120)), (50, (10_000, 100_000))])
def test_a_page_drawn_whole_has_no_first(threshold, limit):
    data = page_data(view_html(synthetic_graph(120), "network", layout_threshold=threshold, draw_limit=limit))
    assert data["first"] is None


def test_the_two_sided_view_is_always_drawn_whole():
    data = page_data(view_html(synthetic_graph(120), "regions", draw_limit=(2, 2)))
    assert data["first"] is None
