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


def _made(function: str, *, focused: bool = False) -> Maker:
    """The maker of a view: ``kg.views.kinds``'s ``function``, which reads the graph, imported when a view is made
    (a build without views reads the registry's file names only)."""

    def make(index: GraphIndex, focus: URIRef | None) -> View:
        from kg.views import kinds

        made = getattr(kinds, function)
        return made(index, focus) if focused else made(index)

    return make


def _timeline_image(index: GraphIndex, path: Path, lang: str) -> Path:
    from kg.views.timeline import write_timeline_image

    return write_timeline_image(index, path, lang)


def _kinds() -> tuple[ViewKind, ...]:
    return (
        ViewKind("network", "graph.html", "every person, organization, place, sector and meeting, an edge per relation",
                 _made("network_view")),
        ViewKind("countries", "countries.html", "countries that met, an edge per pair as wide as their meetings",
                 _made("countries_view")),
        ViewKind("sectors", "sectors.html", "countries and regions linked to the sectors their meetings discussed",
                 _made("sectors_view")),
        ViewKind("regions", "regions.html", "regions of Kazakhstan and the foreign states their officials met, "
                 "filtered by sector and year", _made("regions_view")),
        ViewKind("timeline", "timeline.html", "meetings per year or month by partner state or region, "
                 "filtered by sector", _made("timeline_view")),
        ViewKind("timeline-image", "timeline.svg", "the timeline as a static picture for reports "
                 "(SVG, or PNG when the file name ends in .png)", writer=_timeline_image),
        ViewKind("ego", "ego.html", "one person, country, region or sector and everything within two steps",
                 _made("ego_view", focused=True), in_build=False, needs_focus=True),
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
