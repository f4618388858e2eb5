"""Reading and writing RDF datasets (named graphs) through pyoxigraph's parsers and serializers.

rdflib's own TriG and JSON-LD parsers and serializers, and ``Dataset.parse``, go through its
deprecated ``ConjunctiveGraph`` API and warn on every use (rdflib 7.6, RDFLib/rdflib#3475). The
graph still lives in an rdflib ``Dataset`` for the code that walks it; only the reading and
writing of files is Oxigraph's, which is also faster. Blank nodes keep their labels both ways.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.namespaces import RDF_LANG_STRING, XSD_STRING

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.term import Node

# (rdflib is imported where its terms are made or read: a build, which writes N-Triples text, does not load it)

# File suffixes pyoxigraph does not know by themselves.
SUFFIXES = {"owl": ox.RdfFormat.RDF_XML}
WITH_GRAPHS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD)


def rdf_format(path: Path, default: ox.RdfFormat = ox.RdfFormat.TURTLE) -> ox.RdfFormat:
    """The RDF format a file's suffix names (Turtle for an unknown one)."""
    suffix = path.suffix.lstrip(".").lower()
    return SUFFIXES.get(suffix) or ox.RdfFormat.from_extension(suffix) or default


@cache
def _terms() -> tuple[Any, Any, Any]:
    """rdflib's URIRef, BNode and Literal, imported on first use."""
    from rdflib import BNode, Literal, URIRef

    return URIRef, BNode, Literal


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    URIRef, BNode, Literal = _terms()
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_oxigraph(term: Node, blanks: dict[str, ox.BlankNode]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    URIRef, BNode, Literal = _terms()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        if str(term) not in blanks:
            try:
                blanks[str(term)] = ox.BlankNode(str(term))
            except ValueError:
                blanks[str(term)] = ox.BlankNode()
        return blanks[str(term)]
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None and str(term.datatype) not in (XSD_STRING, RDF_LANG_STRING):
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def read_into(ds: Dataset, path: Path) -> Dataset:
    """Add a file's triples to ``ds``: a TriG, N-Quads or JSON-LD file's named graphs as named graphs,
    everything else into the default graph. Raises ``SyntaxError`` or ``OSError`` for a bad file."""
    fmt = rdf_format(path)
    graphs = {}
    for quad in ox.parse(path=str(path), format=fmt):
        name = quad.graph_name
        key = "" if isinstance(name, ox.DefaultGraph) else str(name)
        graph = graphs.get(key)
        if graph is None:
            graph = graphs[key] = ds.default_graph if not key else ds.graph(to_rdflib(name))
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return ds


def quads(ds: Dataset) -> Iterator[ox.Quad]:
    """The dataset's quads as Oxigraph quads, the default graph as Oxigraph's default graph."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    blanks: dict[str, ox.BlankNode] = {}
    for s, p, o, graph in ds.quads((None, None, None, None)):
        name = graph.identifier if hasattr(graph, "identifier") else graph
        target = (ox.DefaultGraph() if name is None or name == DATASET_DEFAULT_GRAPH_ID
                  else to_oxigraph(name, blanks))
        yield ox.Quad(to_oxigraph(s, blanks), to_oxigraph(p, blanks), to_oxigraph(o, blanks), target)


def write_dataset(ds: Dataset, path: str | Path, fmt: ox.RdfFormat,
                  prefixes: Mapping[str, str] | None = None) -> None:
    """Write the dataset to ``path``: its named graphs in TriG, N-Quads or JSON-LD, and in a format
    without graphs (Turtle, N-Triples) the triples of every graph, each once."""
    items = quads(ds)
    if fmt not in WITH_GRAPHS:
        items = _triples_once(items)
    with open(path, "wb") as out:
        ox.serialize(items, out, format=fmt, prefixes=dict(prefixes or {}))


def _triples_once(items: Iterator[ox.Quad]) -> Iterator[ox.Triple]:
    seen: set[ox.Triple] = set()
    for quad in items:
        if quad.triple not in seen:
            seen.add(quad.triple)
            yield quad.triple
