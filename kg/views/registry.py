"""The registry of views: one entry per view, from which ``kg view --kind``, the set ``kg build``
writes and the README's table of views are made. A new view is one entry here and its module.

Each entry names the view, the file ``kg build`` (or ``kg view`` by default) writes it to, what
it shows, and how: ``make`` gives the nodes and edges of an interactive page, ``writer`` writes
any other file (the timeline's picture); a view with a ``writer`` has no ``make``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import DipkgError

if TYPE_CHECKING:
    from rdflib import URIRef

    from kg.views.index import GraphIndex
    from kg.views.kinds import View

Maker = Callable[["GraphIndex", "URIRef | None"], "View"]
Writer = Callable[["GraphIndex", Path, str], Path]


@dataclass(frozen=True)
class ViewKind:
    name: str
    file_name: str
    description: str
    make: Maker | None = None
    writer: Writer | None = None
    in_build: bool = True  # written by ``kg build`` next to the graph
    needs_focus: bool = False  # ``--focus NAME`` chooses what the view is about


def _kinds() -> tuple[ViewKind, ...]:
    from kg.views import kinds
    from kg.views.timeline import write_timeline_image

    return (
        ViewKind("network", "graph.html", "every person, organization, place, sector and meeting, an edge per relation",
                 lambda ix, _: kinds.network_view(ix)),
        ViewKind("countries", "countries.html", "countries that met, an edge per pair as wide as their meetings",
                 lambda ix, _: kinds.countries_view(ix)),
        ViewKind("sectors", "sectors.html", "countries and regions linked to the sectors their meetings discussed",
                 lambda ix, _: kinds.sectors_view(ix)),
        ViewKind("regions", "regions.html", "regions of Kazakhstan and the foreign states their officials met, "
                 "filtered by sector and year", lambda ix, _: kinds.regions_view(ix)),
        ViewKind("timeline", "timeline.html", "meetings per year or month by partner state or region, "
                 "filtered by sector", lambda ix, _: kinds.timeline_view(ix)),
        ViewKind("timeline-image", "timeline.svg", "the timeline as a static picture for reports "
                 "(SVG, or PNG when the file name ends in .png)", writer=write_timeline_image),
        ViewKind("ego", "ego.html", "one person, country, region or sector and everything within two steps",
                 lambda ix, focus: kinds.ego_view(ix, focus), in_build=False, needs_focus=True),
    )


_REGISTRY: tuple[ViewKind, ...] | None = None


def registry() -> tuple[ViewKind, ...]:
    """Every registered view, in the order the CLI and README list them."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _kinds()
    return _REGISTRY


def view_names() -> tuple[str, ...]:
    return tuple(v.name for v in registry())


def view_kind(name: str) -> ViewKind:
    for v in registry():
        if v.name == name:
            return v
    raise DipkgError(f"unknown view kind {name!r}; choose one of {', '.join(view_names())}")


def build_views() -> dict[str, str]:
    """The views ``kg build`` writes: name → file name."""
    return {v.name: v.file_name for v in registry() if v.in_build}


def markdown_table() -> str:
    """The README's table of views, as the registry has them (tests/test_readme.py checks the README holds it)."""
    lines = ["| view | file | written by `kg build` | shows |", "|---|---|---|---|"]
    for v in registry():
        lines.append(f"| `{v.name}` | `{v.file_name}` | {'yes' if v.in_build else 'no'} | {v.description} |")
    return "\n".join(lines)
