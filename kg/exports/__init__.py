"""Exports for other tools, one registered format each (``FORMATS``): RDF (Turtle, TriG, N-Triples,
JSON-LD) for triple stores and Protégé, GraphML of the entity network for Gephi and networkx
(``kg.exports.network``), CSV of meetings for spreadsheets (``kg.exports.meetings``).

A format is a name, the file it is written to by default, a writer and a line of description;
``kg export --format`` offers the registered names and the README's table lists them
(``formats_table``). Adding a format is one module with a writer and one entry here. TriG and JSON-LD
are written by pyoxigraph (``kg.graph.write_dataset``), Turtle and N-Triples by rdflib. Labels come
in one language (``ExportOptions.lang``, by default the language most reports are in; see
``kg.labels``). Every file is written through a temporary file and a rename.

From a build's store, a format that names the part of the graph it reads (``ExportFormat.reads``, a CONSTRUCT
query beside this module) is given that part only (``export_store_part``): read whole into rdflib, the store of
a large collection would take gigabytes, most of them its evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import DipkgError
from kg.exports.meetings import write_csv
from kg.exports.network import write_graphml
from kg.files import write_atomic
from kg.graph import union, write_dataset
from kg.labels import main_language
from kg.namespaces import GRAPH_PREFIXES


@dataclass(frozen=True)
class ExportOptions:
    """``lang``: the labels' language (None: the language most reports are in); ``excel``: a CSV
    with a byte-order mark, so that Excel reads it as UTF-8."""

    lang: str | None = None
    excel: bool = False


Writer = Callable[[Dataset | Graph, Path, ExportOptions], Path]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    file_name: str
    write: Writer
    description: str
    reads: str | None = None
    """The file (beside this module) of the CONSTRUCT query of what the writer reads, if not every triple."""

    @property
    def suffix(self) -> str:
        return Path(self.file_name).suffix


def _rdf(rdflib_format: str, *, named_graphs: bool) -> Writer:
    def write(ds: Dataset, out: Path, options: ExportOptions) -> Path:
        if named_graphs:
            return write_atomic(out, lambda f: write_dataset(ds, f, rdflib_format))
        g = union(ds)
        return write_atomic(out, lambda f: g.serialize(f, format=rdflib_format, encoding="utf-8"))
    return write


def _graphml(source: Dataset | Graph, out: Path, options: ExportOptions) -> Path:
    g = _one_graph(source)
    return write_graphml(g, out, options.lang or main_language(g))


def _csv(source: Dataset | Graph, out: Path, options: ExportOptions) -> Path:
    g = _one_graph(source)
    return write_csv(g, out, options.lang or main_language(g), excel=options.excel)


def _one_graph(source: Dataset | Graph) -> Graph:
    """A dataset's graphs as one graph; a graph as it is."""
    return union(source) if isinstance(source, Dataset) else source


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("turtle", "diplomacy.ttl", _rdf("turtle", named_graphs=False),
                 "every triple once, for Protégé and any triple store"),
    ExportFormat("trig", "diplomacy.trig", _rdf("trig", named_graphs=True),
                 "a named graph per report (when the source is TriG)"),
    ExportFormat("nt", "diplomacy.nt", _rdf("nt", named_graphs=False), "every triple once, one per line"),
    ExportFormat("jsonld", "diplomacy.jsonld", _rdf("json-ld", named_graphs=True),
                 "expanded JSON-LD with the named graph of each report (when the source is TriG)"),
    ExportFormat("graphml", "network.graphml", _graphml,
                 "the entity network for Gephi and networkx: undirected, unique edge ids, labels in one language",
                 reads="network.rq"),
    ExportFormat("csv", "meetings.csv", _csv,
                 "one row per meeting by date, with the states on each side, for spreadsheets (`--excel`)",
                 reads="network.rq"),
)}


def export(ds: Dataset | Graph, fmt: str, out: Path, options: ExportOptions | None = None) -> Path:
    """Write the dataset to ``out`` in the registered format ``fmt``."""
    _check(fmt, out)
    return FORMATS[fmt].write(ds, out, options or ExportOptions())


def _check(fmt: str, out: Path) -> None:
    if fmt not in FORMATS:
        raise DipkgError(f"{fmt}: unknown export format (known: {', '.join(FORMATS)})")
    if out.parent and not out.parent.exists():
        raise DipkgError(f"{out.parent}: no such folder")


def export_store_part(store: ox.Store, fmt: str, out: Path, options: ExportOptions | None = None) -> Path:
    """Write the registered format ``fmt`` from what its writer reads of ``store`` (``ExportFormat.reads``)."""
    _check(fmt, out)  # before the store is read
    reads = FORMATS[fmt].reads
    if reads is None:
        raise DipkgError(f"{fmt}: not an export written from part of a store")
    return export(store_part(store, Path(__file__).with_name(reads)), fmt, out, options)


def store_part(store: ox.Store, query: Path) -> Graph:
    """The triples the CONSTRUCT ``query`` gives of ``store``'s default graph, as an rdflib graph."""
    from kg.rdf_io import to_rdflib

    g = Graph()
    for prefix, iri in GRAPH_PREFIXES.items():
        g.bind(prefix, iri)
    for t in store.query(query.read_text(encoding="utf-8")):
        g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return g


def formats_table() -> str:
    """The README's table of export formats, made from the registry."""
    lines = ["| format | file | what |", "| --- | --- | --- |"]
    lines += [f"| `{f.name}` | `{f.file_name}` | {f.description} |" for f in FORMATS.values()]
    return "\n".join(lines)
