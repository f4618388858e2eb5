"""GraphML of the entity network for Gephi and networkx.

The file is undirected (``edgedefault="undirected"``): a GraphML file is either, networkx refuses
edges of the other kind, and Gephi reads it whole either way. Met-with edges are symmetric; an edge a
person's post gives (``serves``, ``accredited-to``, ``governs``) joins the person and a state or
place, and its ``kind`` says which the relation is. Every edge has its own id (Gephi drops an edge
whose id is taken).

Nodes: persons, places, countries and organizations with ``label`` in one language (``kg.labels``:
the language asked for, else en, ru, kk, any), ``label_lang`` (the language it is in), ``type``,
``iri``, ``code`` for states and ``meetings`` (how many meetings a person took part in). Edges:
``kind`` (also as ``label``, which Gephi shows), ``weight`` (meetings for ``met``, reports stating
the post for the others), ``met`` edges with ``first``/``last`` dates and ``meetings`` (their IRIs),
post edges with ``role``.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from kg.exports.posts import ENTITY_CLASSES, entity_type, posts
from kg.files import write_atomic
from kg.graph import DIP
from kg.labels import labelled


def entity_network(g: Graph, lang: str = "en") -> nx.MultiGraph:
    """The network as an undirected networkx multigraph whose edge keys are unique ids (``e0``, ``e1``...)."""
    net = nx.MultiGraph()

    def add_node(node: Node) -> str:
        key = str(node)
        if key not in net:
            text, language = labelled(g, node, lang)
            attrs = {"label": text, "label_lang": language, "type": entity_type(g, node) or "Entity", "iri": key}
            code = g.value(node, DIP.countryCode)
            if code is not None:
                attrs["code"] = str(code)
            net.add_node(key, **attrs)
        return key

    for node in sorted({n for cls in ENTITY_CLASSES for n in g.subjects(RDF.type, cls) if isinstance(n, URIRef)}):
        add_node(node)

    edges: list[tuple[str, str, dict[str, object]]] = []
    met: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    taking_part: dict[str, int] = defaultdict(int)
    for m in sorted(g.subjects(RDF.type, DIP.Meeting)):
        date = g.value(m, DIP.date)
        people = sorted({add_node(p) for p in g.objects(m, DIP.participant)})
        for person in people:
            taking_part[person] += 1
        for a, b in combinations(people, 2):
            met[(a, b)].append((str(date) if isinstance(date, Literal) else "", str(m)))
    for (a, b), meetings in sorted(met.items()):
        dates = sorted(d for d, _ in meetings if d)
        attrs: dict[str, object] = {"kind": "met", "weight": len(meetings),
                                    "meetings": " ".join(sorted(m for _, m in meetings))}
        if dates:
            attrs.update(first=dates[0], last=dates[-1])
        edges.append((a, b, attrs))
    for person in sorted(g.subjects(RDF.type, DIP.Person)):
        for p in posts(g, person, lang):
            for kind, target in (("serves", p.country), ("accredited-to", p.accredited),
                                 ("governs", p.jurisdiction)):
                if target is not None:
                    edges.append((add_node(person), add_node(target),
                                  {"kind": kind, "role": p.role, "weight": max(1, len(p.reports))}))
    for person, count in taking_part.items():
        net.nodes[person]["meetings"] = count
    for n, (a, b, attrs) in enumerate(edges):
        net.add_edge(a, b, key=f"e{n}", label=attrs["kind"], **attrs)
    return net


def write_graphml(g: Graph, out: Path, lang: str) -> Path:
    network = entity_network(g, lang)
    return write_atomic(out, lambda f: nx.write_graphml(network, f, encoding="utf-8"))
