"""What a very large view draws when it opens: the most important nodes and the nodes that join them.

A view of tens of thousands of nodes takes the browser seconds to build and to draw, and zoomed to
fit it is a cloud of dots. Above ``DRAW_NODES`` nodes the page draws at first:

1. the most important half of the budget, by ``importance`` (the labels' own order: a node's
   type weight times the square root of its value, so countries, regions and sectors first);
2. then the nodes that link at least two of those (meetings, above all), most links first,
   until ``DRAW_NODES`` nodes or ``DRAW_EDGES`` edges are drawn.

Every other node stays in the page's data, at its precomputed position: a search or a click draws
a node and its neighbours, and a button draws them all. The page says how many are not drawn.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Sequence

# What the browser builds and draws in about a second: vis-network spends about 0.25 ms on each
# node and 0.1 ms on each edge it is given, before the first frame.
DRAW_NODES = 1500
DRAW_EDGES = 15000

# How much a node's label is worth, by type: a country's name tells more than a meeting's. The
# page ranks its labels by the same weights.
LABEL_WEIGHT: dict[str, float] = {
    "country": 3, "region": 3, "city": 2.5, "sector": 2.5, "government": 2, "international": 2,
    "person": 1.6, "university": 1.5, "company": 1.5, "organization": 1.5, "place": 1.5, "meeting": 0.5,
}


def importance(category: str, value: int) -> float:
    return LABEL_WEIGHT.get(category, 1.0) * math.sqrt(max(value, 1))


def first_drawn(nodes: Sequence[tuple[Hashable, str, int]], edges: Sequence[tuple[Hashable, Hashable]], *,
                max_nodes: int = DRAW_NODES, max_edges: int = DRAW_EDGES) -> list[Hashable] | None:
    """The nodes (id, category, value) drawn when the page opens, in the view's order, or None for all.

    The same view gives the same choice: ties go to the node listed first.
    """
    if len(nodes) <= max_nodes and len(edges) <= max_edges:
        return None
    order = {n: i for i, (n, _, _) in enumerate(nodes)}
    ranked = sorted(nodes, key=lambda row: (-importance(row[1], row[2]), order[row[0]]))
    neighbours: dict[Hashable, list[Hashable]] = defaultdict(list)
    for a, b in edges:
        if a != b:
            neighbours[a].append(b)
            neighbours[b].append(a)
    drawn: set[Hashable] = set()
    edge_count = 0

    def add(node: Hashable) -> bool:
        nonlocal edge_count
        new = sum(1 for other in neighbours[node] if other in drawn)
        if edge_count + new > max_edges:
            return False
        drawn.add(node)
        edge_count += new
        return True

    for node, _, _ in ranked:
        if len(drawn) >= max_nodes // 2:
            break
        add(node)
    rank = {row[0]: i for i, row in enumerate(ranked)}
    joining = [(-links, rank[n], n) for n, _, _ in nodes if n not in drawn
               and (links := len({o for o in neighbours[n] if o in drawn})) >= 2]
    for _, _, node in sorted(joining):
        if len(drawn) >= max_nodes:
            break
        add(node)
    return [n for n, _, _ in nodes if n in drawn]
