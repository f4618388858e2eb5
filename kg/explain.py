"""Why a node is one node: the mentions merged into it, each with its report, sentence and the rule
that joined it (``kg explain NODE``; the named query ``kg/queries/explain.rq``)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg import query as q

QUERY = "explain"


def explain(store: ox.Store, node: str) -> q.Result:
    """The mentions merged into the node named ``node`` (an IRI, ``res:...``, or any of its names)."""
    return q.ask(store, QUERY, {"node": node})


def explain_file(graph_path: Path, node: str) -> q.Result:
    return explain(q.load_store(graph_path), node)
