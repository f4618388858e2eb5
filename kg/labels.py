"""A node's label in one language, with one fixed fallback order, for exports and tables.

A node's label in a language is its ``skos:prefLabel`` there (the dictionary form: ``Германия``,
not ``Федеративная Республика Германия``), else its longest ``rdfs:label`` there (a person's full
name, not an initial), ties broken alphabetically. When the node has none in the language asked
for, the next language of ``FALLBACK`` that it has gives the label (asked → en → ru → kk → any
other, alphabetically by tag → an untagged label), then its ``skos:notation``, then the end of
its IRI. The same node and language always give the same label.
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.graph import DIP

FALLBACK = ("en", "ru", "kk")
DEFAULT_LANGUAGE = "en"


def _by_language(g: Graph, node: Node, predicate: Node) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lb in g.objects(node, predicate):
        if isinstance(lb, Literal):
            out.setdefault((lb.language or "").lower(), []).append(str(lb))
    return out


def language_order(lang: str, available: set[str]) -> list[str]:
    """The languages tried for ``lang``: it, then ``FALLBACK``, then the others alphabetically, untagged last."""
    order = [lang, *FALLBACK, *sorted(a for a in available if a)]
    seen: list[str] = []
    for code in [*order, ""]:
        if code in available and code not in seen:
            seen.append(code)
    return seen


def choose(preferred: dict[str, list[str]], labels: dict[str, list[str]], notation: str | None, iri: str,
           lang: str) -> tuple[str, str]:
    """The label for ``lang`` among a node's prefLabels and labels by language (see the module)."""
    for code in language_order(lang.lower(), set(preferred) | set(labels)):
        if preferred.get(code):
            return min(preferred[code]), code
        if labels.get(code):
            return sorted(labels[code], key=lambda s: (-len(s), s))[0], code
    if notation is not None:
        return notation, ""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1], ""


def labelled(g: Graph, node: Node, lang: str) -> tuple[str, str]:
    """The node's label for ``lang`` and the language it is in (``""`` for a notation or an IRI's end)."""
    notation = g.value(node, SKOS.notation)
    return choose(_by_language(g, node, SKOS.prefLabel), _by_language(g, node, RDFS.label),
                  None if notation is None else str(notation), str(node), lang)


def store_label(store: ox.Store, node: ox.NamedNode, lang: str) -> str | None:
    """The label for ``lang`` of a node in an Oxigraph store's default graph; None when it has no label."""
    found: dict[str, dict[str, list[str]]] = {SKOS.prefLabel: {}, RDFS.label: {}}
    for predicate, table in found.items():
        for quad in store.quads_for_pattern(node, ox.NamedNode(str(predicate)), None, ox.DefaultGraph()):
            if isinstance(quad.object, ox.Literal):
                table.setdefault((quad.object.language or "").lower(), []).append(quad.object.value)
    if not found[SKOS.prefLabel] and not found[RDFS.label]:
        return None
    return choose(found[SKOS.prefLabel], found[RDFS.label], None, node.value, lang)[0]


def label(g: Graph, node: Node, lang: str) -> str:
    """The node's label for ``lang`` (see the module's fallback order)."""
    return labelled(g, node, lang)[0]


def main_language(g: Graph) -> str:
    """The language most reports are in (ties: the first in ``FALLBACK``, then alphabetically);
    ``DEFAULT_LANGUAGE`` for a graph without reports."""
    counts = Counter(str(lang) for r in g.subjects(RDF.type, DIP.Report) for lang in g.objects(r, DIP.language))
    if not counts:
        return DEFAULT_LANGUAGE
    rank = {code: n for n, code in enumerate(FALLBACK)}
    return min(counts, key=lambda c: (-counts[c], rank.get(c, len(rank)), c))
