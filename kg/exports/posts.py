"""What the tabular and network exports read off the graph: entity types, posts, state codes."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.graph import DIP
from kg.labels import label

ENTITY_CLASSES = (DIP.Person, DIP.Country, DIP.Region, DIP.City, DIP.Place, DIP.Company, DIP.University,
                  DIP.GovernmentBody, DIP.InternationalOrganization, DIP.Organization)


def entity_type(g: Graph, node: Node) -> str:
    types = set(g.objects(node, RDF.type))
    return next((str(c).rsplit("#", 1)[-1] for c in ENTITY_CLASSES if c in types), "")


def code(g: Graph, country: Node | None, lang: str) -> str:
    """A state's ISO 3166-1 code, or its label when it has none."""
    if country is None:
        return ""
    value = g.value(country, DIP.countryCode)
    return str(value) if value is not None else label(g, country, lang)


@dataclass(frozen=True)
class PostView:
    role: str
    country: URIRef | None
    accredited: URIRef | None
    jurisdiction: URIRef | None
    reports: frozenset[Node]


def posts(g: Graph, person: Node, lang: str) -> list[PostView]:
    """A person's posts: role (its notation), the state served, the state accredited to, the place governed."""
    out = []
    for post in g.objects(person, DIP.holds):
        role = g.value(post, DIP.role)
        reports = frozenset(g.value(ev, DIP.inReport) for ev in g.objects(post, DIP.evidence))
        out.append(PostView(role=notation(g, role, lang), country=g.value(post, DIP.country),
                            accredited=g.value(post, DIP.accreditedTo), jurisdiction=g.value(post, DIP.jurisdiction),
                            reports=reports))
    return sorted(out, key=lambda p: (p.role, str(p.country), str(p.accredited), str(p.jurisdiction)))


def posts_in(held: list[PostView], reports: set[Node]) -> list[PostView]:
    """The posts (``held``: a person's, ``posts``) the reports give; all of them when they give none."""
    return [p for p in held if reports & p.reports] or held


def notation(g: Graph, node: Node | None, lang: str) -> str:
    """A role's or sector's code (``ambassador``, ``logistics``): its notation, else its label."""
    if node is None:
        return ""
    value = g.value(node, SKOS.notation)
    return str(value) if value is not None else label(g, node, lang)
