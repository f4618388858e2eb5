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


def labelled(g: Graph, node: Node, lang: str) -> tuple[str, str]:
    """The node's label for ``lang`` and the language it is in (``""`` for a notation or an IRI's end)."""
    preferred = _by_language(g, node, SKOS.prefLabel)
    labels = _by_language(g, node, RDFS.label)
    for code in language_order(lang.lower(), set(preferred) | set(labels)):
        if preferred.get(code):
            return min(preferred[code]), code
        if labels.get(code):
            return sorted(labels[code], key=lambda s: (-len(s), s))[0], code
    notation = g.value(node, SKOS.notation)
    if notation is not None:
        return str(notation), ""
    return str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1], ""


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
