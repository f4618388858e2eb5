"""Graph → interactive HTML network views (pyvis), one self-contained file per view."""

from __future__ import annotations

import html
from pathlib import Path

from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, URIRef

from kg.graph import DIP

NODE_STYLE = {
    DIP.Person: ("Person", "dot", "#4e79a7"),
    DIP.Meeting: ("Meeting", "diamond", "#f28e2b"),
    DIP.Country: ("Country", "square", "#59a14f"),
    DIP.Region: ("Region", "triangle", "#76b7b2"),
    DIP.City: ("City", "triangle", "#9cdad4"),
    DIP.Place: ("Place", "triangle", "#b6e3df"),
    DIP.Organization: ("Organization", "box", "#e15759"),
    DIP.GovernmentBody: ("Organization", "box", "#e15759"),
    DIP.University: ("Organization", "box", "#ff9d9a"),
    DIP.Company: ("Organization", "box", "#b07aa1"),
    DIP.InternationalOrganization: ("Organization", "box", "#9c755f"),
}
EDGES = {DIP.participant: "participant", DIP.location: "location", DIP.topic: "topic",
         DIP.jurisdiction: "jurisdiction", DIP.country: "serves", DIP.accreditedTo: "accredited to"}


def _label(g: Graph, node: URIRef, lang: str) -> str:
    labels = list(g.objects(node, RDFS.label))
    for lb in labels:
        if getattr(lb, "language", None) == lang:
            return str(lb)
    return str(labels[0]) if labels else str(node).rsplit("/", 1)[-1]


def network_html(g: Graph, *, lang: str = "kk") -> str:
    """A network of persons, meetings, places, organizations and sectors; labels escaped as text."""
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    added: set[URIRef] = set()

    def add(node: URIRef, kind: tuple[str, str, str]) -> None:
        if node in added:
            return
        added.add(node)
        title, shape, colour = kind
        label = html.escape(_label(g, node, lang))
        net.add_node(str(node), label=label, title=f"{title}: {label}", shape=shape, color=colour, group=title)

    for cls, style in NODE_STYLE.items():
        for s in g.subjects(RDF.type, cls):
            if isinstance(s, URIRef):
                add(s, style)
    for m in g.subjects(RDF.type, DIP.Meeting):
        for prop, name in EDGES.items():
            for o in g.objects(m, prop):
                if isinstance(o, URIRef):
                    if o not in added:
                        add(o, ("Sector", "ellipse", "#edc948"))
                    net.add_edge(str(m), str(o), title=name, label=name)
    for person, post in g.subject_objects(DIP.holds):
        for prop in (DIP.jurisdiction, DIP.country, DIP.accreditedTo):
            for o in g.objects(post, prop):
                if isinstance(o, URIRef) and o in added and isinstance(person, URIRef):
                    net.add_edge(str(person), str(o), title=EDGES[prop], label=EDGES[prop])
    net.toggle_physics(True)
    return net.generate_html(notebook=False)


def write_views(g: Graph, out_dir: Path) -> list[Path]:
    from kg.pipeline import write_atomic

    page = network_html(g)
    path = out_dir / "graph.html"

    def write(tmp: str) -> None:
        Path(tmp).write_text(page, encoding="utf-8")

    return [write_atomic(path, write)]
