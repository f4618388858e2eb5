"""SHACL validation: ``ontology/shapes.ttl`` says what a well-formed graph holds; pyshacl checks it.

The vocabulary (classes and their subclasses, the sector and role schemes) is added to a copy of
the data graph before validation, so that a graph file without it validates as well: ``sh:class
dip:Place`` accepts a ``dip:Region`` because the ontology says it is a subclass, and ``sh:class
dip:Sector`` accepts the sectors of ``ontology/sectors.ttl``.

A build's store is validated a batch of nodes at a time (``validate_store``): every node of a class the
shapes target, each batch read from the store with what lies within ``STEPS`` of its nodes and validated with
pyshacl on those nodes only, on every core. pyshacl's time grows faster than the graph: the store of 1,000
generated reports took 607 s and 1.2 GB whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH

from kg.errors import DipkgError
from kg.files import ONTOLOGY_DIR
from kg.graph import DIP

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
VOCABULARY = ("dipkg.ttl", "sectors.ttl", "roles.ttl")
# Nodes validated together from a store: pyshacl took 1.7 ms a node in batches of 500, 2.6 ms in batches of 2,000.
BATCH_NODES = 500
# How far from a batch's nodes the store is read: their triples, those of every node they name, and the classes
# of the nodes those name (an evidence node's report). The shapes of ``SHAPES`` look no further.
STEPS = 2
# Ways of choosing focus nodes other than by class: shapes using them are checked on the whole graph.
OTHER_TARGETS = (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{value}"


def _load(paths: list[Path]) -> Graph:
    g = Graph()
    for path in paths:
        try:
            g.parse(path, format="turtle")
        except FileNotFoundError as exc:
            raise DipkgError(f"{path}: no such file") from exc
        except Exception as exc:
            raise DipkgError(f"{path}: not readable Turtle: {str(exc).splitlines()[0]}") from exc
    return g


@cache
def _vocabulary() -> Graph:
    """The ontology's vocabulary, read once per process (a store is validated in hundreds of batches); each
    validation adds it to a copy."""
    return _load([ONTOLOGY_DIR / name for name in VOCABULARY])


def validate(graph: Graph, *, shapes: Path = SHAPES, focus: list[URIRef] | None = None,
             shapes_graph: Graph | None = None) -> list[Violation]:
    """Every violation of the shapes by ``graph``, sorted by focus node; empty when it conforms. With ``focus``,
    of those nodes only."""
    from pyshacl import validate as shacl_validate

    if shapes_graph is None:
        shapes_graph = _load([shapes])
    data = Graph()
    data += _vocabulary()
    data += graph
    _conforms, report, _text = shacl_validate(data, shacl_graph=shapes_graph, inference="none", inplace=True,
                                              abort_on_first=False, allow_warnings=True, focus_nodes=focus)
    assert isinstance(report, Graph)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        def text(prop: URIRef, r: URIRef = result) -> str:
            value = report.value(r, prop)
            return "" if value is None else str(value)

        severity = text(SH.resultSeverity).rsplit("#", 1)[-1]
        out.append(Violation(focus=text(SH.focusNode), path=_path(data, report.value(result, SH.resultPath)),
                             message=text(SH.resultMessage), value=text(SH.value), severity=severity))
    return sorted(set(out), key=lambda v: (v.focus, v.path, v.message, v.value))


def _path(graph: Graph, path: object) -> str:
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return graph.namespace_manager.normalizeUri(path)
    return str(path)


def validate_store(path: Path, *, shapes: Path = SHAPES, jobs: int | None = None,
                   batch: int = BATCH_NODES) -> list[Violation]:
    """``validate`` of the default graph of the store in the output folder ``path``, a batch of nodes at a time
    on ``jobs`` processes (default: every core); shapes that choose their nodes other than by class are checked
    on the whole graph, read into memory."""
    from kg.store import open_store, rdflib_triples
    from kg.workers import cores, run

    shapes_graph = _load([shapes])
    store = open_store(path)
    classes = target_classes(shapes_graph)
    if classes is None:
        whole = Graph()
        for triple in rdflib_triples(store):
            whole.add(triple)
        return validate(whole, shapes_graph=shapes_graph)
    # an evidence node beside the others of its report: a batch then reads a few reports whole, not one per node
    report_of = {q.subject.value: q.object.value for q in store.quads_for_pattern(None, _IN_REPORT, None,
                                                                                   ox.DefaultGraph())}
    nodes = sorted({q.subject.value for c in classes
                    for q in store.quads_for_pattern(None, _RDF_TYPE, ox.NamedNode(c), ox.DefaultGraph())
                    if isinstance(q.subject, ox.NamedNode)}, key=lambda n: (report_of.get(n, ""), n))
    del store  # each process opens its own
    tasks = [(os.fspath(path), os.fspath(shapes), tuple(nodes[i:i + batch])) for i in range(0, len(nodes), batch)]
    found: set[Violation] = set()
    try:
        for violations in run(_validate_batch, tasks, jobs=jobs or cores(), what="validating", unit="batch"):
            found.update(violations)
    finally:
        _OPENED.clear()  # the store, where this process validated the batches itself
    return sorted(found, key=lambda v: (v.focus, v.path, v.message, v.value))


def target_classes(shapes: Graph) -> set[str] | None:
    """The classes whose instances the shapes validate, with their subclasses in the vocabulary; None where a
    shape chooses its nodes otherwise (``OTHER_TARGETS``, or a shape that is a class itself)."""
    if any(True for target in OTHER_TARGETS for _ in shapes.subjects(target, None)) or \
            any(True for _ in shapes.subjects(RDF.type, RDFS.Class)):
        return None
    vocabulary = _vocabulary()
    found: set[str] = set()
    todo = [c for c in shapes.objects(None, SH.targetClass) if isinstance(c, URIRef)]
    while todo:
        c = todo.pop()
        if str(c) not in found:
            found.add(str(c))
            todo += [s for s in vocabulary.subjects(RDFS.subClassOf, c) if isinstance(s, URIRef)]
    return found


_RDF_TYPE = ox.NamedNode(str(RDF.type))
_IN_REPORT = ox.NamedNode(str(DIP.inReport))
_OPENED: dict[str, tuple[ox.Store, Graph]] = {}


def _validate_batch(task: tuple[str, str, tuple[str, ...]]) -> list[Violation]:
    """``validate`` of a batch of nodes of a store, with what lies within ``STEPS`` of them (in a worker)."""
    path, shapes, nodes = task
    if path not in _OPENED:
        from kg.store import open_store

        _OPENED.clear()
        _OPENED[path] = (open_store(path), _load([Path(shapes)]))
    store, shapes_graph = _OPENED[path]
    graph, read = Graph(), set()
    for triple in _around(store, [ox.NamedNode(n) for n in nodes], read):
        graph.add(triple)
    # The nodes read whole are validated too: pyshacl checks a value against a nested shape (``sh:node``) only where
    # the value is one of the nodes it is asked about. Their own results are their batch's to give.
    asked = set(nodes)
    violations = validate(graph, focus=[URIRef(n) for n in sorted(read)], shapes_graph=shapes_graph)
    return [v for v in violations if v.focus in asked]


def _around(store: ox.Store, nodes: list[ox.NamedNode], read: set[str]) -> Iterator[tuple]:
    """The triples of ``nodes`` and of the nodes they name, ``STEPS`` deep, the last step their classes only; the
    nodes whose triples were all read are added to ``read``."""
    from kg.rdf_io import to_rdflib

    seen: set[ox.NamedNode] = set()
    level = nodes
    for step in range(STEPS + 1):
        named: list[ox.NamedNode] = []
        for node in level:
            if node in seen:
                continue
            seen.add(node)
            predicate = _RDF_TYPE if step == STEPS else None
            if predicate is None:
                read.add(node.value)
            for q in store.quads_for_pattern(node, predicate, None, ox.DefaultGraph()):
                yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)
                if isinstance(q.object, ox.NamedNode) and step < STEPS:
                    named.append(q.object)
        level = named
