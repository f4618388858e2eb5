"""Graph → views: interactive HTML pages, one self-contained file per view that opens with no
network, and static pictures.

The views are registered in ``kg.views.registry`` (``network``, ``countries``, ``sectors``,
``regions``, ``timeline``, ``timeline-image``, ``ego``); ``kg view --kind``, ``kg build`` and the
README's table are made from it. Each page has a legend that filters by node type, a search over
every label, report word form and dictionary form, a panel of the clicked node's facts with their
evidence sentences, fit and reset buttons, and labels in Kazakh, Russian or English, drawn by
importance where they fit at the current zoom.

Up to ``LAYOUT_THRESHOLD`` nodes the browser lays the view out by physics, which then stops;
above it the layout is computed here and the page draws it with physics off. A view with a
computed layout and more than ``DRAW_NODES`` nodes or ``DRAW_EDGES`` edges opens with only its
most important nodes and those that join them drawn (``kg.views.subset``); a search or a click
draws the rest around it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import DipkgError
from kg.files import no_gc
from kg.views.registry import build_views, view_kind, view_names
from kg.views.subset import DRAW_EDGES, DRAW_NODES, first_drawn

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rdflib import Graph

    from kg.views.index import GraphIndex
    from kg.views.kinds import View

LAYOUT_THRESHOLD = 1000
KINDS = view_names()
DEFAULT_VIEWS = build_views()
# The names this package gives from its modules that read graphs (rdflib's among them), imported where first asked
# for: a build without views reads the registry's file names only.
LAZY = {"GraphIndex": "kg.views.index", "LANGUAGES": "kg.views.index", "View": "kg.views.kinds"}


def __getattr__(name: str) -> Any:
    if name in LAZY:
        import importlib

        return getattr(importlib.import_module(LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["DEFAULT_VIEWS", "DRAW_EDGES", "DRAW_NODES", "KINDS", "LANGUAGES", "LAYOUT_THRESHOLD", "GraphIndex", "View",
           "view_html", "write_view", "write_views"]


def view_html(source: Graph | GraphIndex, kind: str = "network", *, focus: str | None = None, lang: str = "kk",
              layout_threshold: int = LAYOUT_THRESHOLD, draw_limit: tuple[int, int] = (DRAW_NODES, DRAW_EDGES)) -> str:
    """The page of one view of a graph (or of an index already read from one).

    ``draw_limit`` is how many nodes and edges a view with a computed layout draws when it opens.
    """
    from kg.views.index import LANGUAGES, GraphIndex

    if lang not in LANGUAGES:
        raise DipkgError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if view_kind(kind).make is None:
        raise DipkgError(f"the {kind} view is a picture, not a page: write it with write_view")
    index = source if isinstance(source, GraphIndex) else GraphIndex(source)
    # A page's payload is millions of small lists and dicts and no cycles: the collector's full passes over them
    # took half of the payload's time at 10,000 reports.
    with no_gc():
        return _page(index, kind, focus, lang, layout_threshold, draw_limit)


def _page(index: GraphIndex, kind: str, focus: str | None, lang: str, layout_threshold: int,
          draw_limit: tuple[int, int]) -> str:
    from kg.views.kinds import make_view
    from kg.views.page import render_page
    from kg.views.payload import build_payload
    from kg.views.text import view_title

    view = make_view(index, kind, focus=focus)
    positions = None
    if view.positions is not None:
        positions = {n: (x, y) for n, x, y in view.positions}
    elif len(view.nodes) > layout_threshold:
        from kg.views.layout import precomputed_layout  # networkx and numpy: not for the registry's readers

        positions = precomputed_layout([n.node for n in view.nodes], [(e.source, e.target) for e in view.edges])
    first = None
    if positions is not None and view.positions is None:
        first = first_drawn([(n.node, n.category, n.value) for n in view.nodes],
                            [(e.source, e.target) for e in view.edges], max_nodes=draw_limit[0],
                            max_edges=draw_limit[1])
    focus_labels = index.labels_by_language(view.focus) if view.focus is not None else None
    payload = build_payload(index, view, lang=lang, title=view_title(kind, focus=focus_labels), positions=positions,
                            first=first)
    return render_page(payload)


def write_view(source: Graph | GraphIndex, path: Path, kind: str = "network", *, focus: str | None = None,
               lang: str = "kk", layout_threshold: int = LAYOUT_THRESHOLD,
               draw_limit: tuple[int, int] = (DRAW_NODES, DRAW_EDGES)) -> Path:
    """Write one view to ``path`` atomically."""
    from kg.files import write_atomic
    from kg.views.index import LANGUAGES, GraphIndex

    spec = view_kind(kind)
    if lang not in LANGUAGES:
        raise DipkgError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if spec.writer is not None:
        index = source if isinstance(source, GraphIndex) else GraphIndex(source)
        path.parent.mkdir(parents=True, exist_ok=True)
        return spec.writer(index, path, lang)
    page = view_html(source, kind, focus=focus, lang=lang, layout_threshold=layout_threshold, draw_limit=draw_limit)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, lambda tmp: Path(tmp).write_text(page, encoding="utf-8"))


def write_views(source: Graph | ox.Store, out_dir: Path, *, lang: str = "kk",
                graphs: Iterable[tuple[str, bytes]] | None = None) -> list[Path]:
    """The views of ``kg build`` (those the registry marks ``in_build``) of a graph or a store. A build gives the
    N-Triples of the store's graphs as well (``graphs``: ``kg.storing.StoreStage.chunks``), from which the views
    are read rather than from the store, in half the time."""
    from kg.views.index import GraphIndex

    if graphs is not None:
        index = GraphIndex.from_graphs(graphs)
    else:
        index = GraphIndex.from_store(source) if isinstance(source, ox.Store) else GraphIndex(source)
    return [write_view(index, out_dir / name, kind, lang=lang) for kind, name in DEFAULT_VIEWS.items()]
