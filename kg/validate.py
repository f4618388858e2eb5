"""SHACL validation: ``ontology/shapes.ttl`` says what a well-formed graph holds; pyshacl checks it.

The vocabulary (classes and their subclasses, the sector and role schemes) is added to a copy of
the data graph before validation, so that a graph file without it validates as well: ``sh:class
dip:Place`` accepts a ``dip:Region`` because the ontology says it is a subclass, and ``sh:class
dip:Sector`` accepts the sectors of ``ontology/sectors.ttl``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.errors import DipkgError
from kg.files import ONTOLOGY_DIR

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
VOCABULARY = ("dipkg.ttl", "sectors.ttl", "roles.ttl")


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


def validate(graph: Graph, *, shapes: Path = SHAPES) -> list[Violation]:
    """Every violation of the shapes by ``graph``, sorted by focus node; empty when it conforms."""
    from pyshacl import validate as shacl_validate

    shapes_graph = _load([shapes])
    data = _load([ONTOLOGY_DIR / name for name in VOCABULARY])
    data += graph
    _conforms, report, _text = shacl_validate(data, shacl_graph=shapes_graph, inference="none", inplace=True,
                                              abort_on_first=False, allow_warnings=True)
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
