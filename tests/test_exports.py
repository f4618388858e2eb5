"""Exports: RDF read back by a second parser (pyoxigraph), GraphML for networkx, CSV of meetings."""

import csv
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import DipkgError
from kg.exports import export, meeting_rows
from kg.graph import load_dataset, union

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
              "jsonld": ox.RdfFormat.JSON_LD}
VASILENKO = "https://w3id.org/dipkg/resource/person/rmn-vslnk-0787fc4b9c"
ZHAMAR = "https://w3id.org/dipkg/resource/person/erv-jmr-8910bdac6e"


@pytest.fixture(scope="module")
def sources(seed_files) -> dict[str, Path]:
    return seed_files


def rdflib_term(t):
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    if t.datatype.value == XSD_STRING:
        return Literal(t.value)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def read_with_oxigraph(path: Path, fmt: ox.RdfFormat) -> dict[str, Graph]:
    """Graph name (``""`` for the default graph) → its triples, as pyoxigraph parses the file."""
    graphs: dict[str, Graph] = {}
    for quad in ox.parse(path=str(path), format=fmt):
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(name, Graph()).add(tuple(rdflib_term(t) for t in (quad.subject, quad.predicate,
                                                                              quad.object)))
    return graphs


@pytest.mark.parametrize("source", ["trig", "ttl"])
@pytest.mark.parametrize("fmt", list(OX_FORMATS))
def test_rdf_exports_read_back_isomorphic_in_pyoxigraph(sources, tmp_path, fmt, source):
    ds = load_dataset(sources[source])
    out = export(ds, fmt, tmp_path / f"out.{fmt}")
    graphs = read_with_oxigraph(out, OX_FORMATS[fmt])
    merged = Graph()
    for g in graphs.values():
        merged += g
    assert isomorphic(merged, union(ds))
    if fmt in ("trig", "jsonld") and source == "trig":
        for ctx in ds.graphs():
            name = str(ctx.identifier)
            if len(ctx):
                assert isomorphic(graphs[name], ctx), name


def test_graphml_entity_network(sources, tmp_path):
    out = export(load_dataset(sources["trig"]), "graphml", tmp_path / "network.graphml")
    net = nx.read_graphml(out)
    assert net.nodes[VASILENKO]["type"] == "Person" and net.nodes[VASILENKO]["label"] == "Роман Василенко"
    assert net.nodes["https://w3id.org/dipkg/resource/country/KZ"]["code"] == "KZ"
    kinds = {(u, v, d["kind"]) for u, v, d in net.edges(data=True)}
    assert (VASILENKO, ZHAMAR, "met") in kinds or (ZHAMAR, VASILENKO, "met") in kinds
    assert (VASILENKO, "https://w3id.org/dipkg/resource/country/KZ", "serves") in kinds
    assert (VASILENKO, "https://w3id.org/dipkg/resource/country/BE", "accredited-to") in kinds
    governs = {net.nodes[v]["label"] for u, v, d in net.edges(data=True) if u == ZHAMAR and d["kind"] == "governs"}
    assert governs == {"Льеж провинциясы"}
    met = [d for _, _, d in net.edges(data=True) if d["kind"] == "met"]
    assert all(d["weight"] >= 1 and d["meetings"] for d in met)
    types = {d["type"] for _, d in net.nodes(data=True)}
    assert {"Person", "Country", "Region", "City", "Company", "GovernmentBody"} <= types


def test_csv_of_meetings(sources, tmp_path, seeds_build):
    out = export(load_dataset(sources["ttl"]), "csv", tmp_path / "meetings.csv")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == seeds_build.summary.meetings
    assert list(rows[0]) == ["meeting", "date", "place", "participants", "topics", "report", "title"]
    liege = next(r for r in rows if "Эрве Жамар" in r["participants"])
    assert liege["date"] == "2026-02-05" and liege["place"] == "Льеж провинциясы"
    assert liege["report"] == "000_96af8c5a6d4c3167.txt"
    assert "Роман Василенко (ambassador of KZ to BE)" in liege["participants"]
    assert "Эрве Жамар (governor of BE, Льеж провинциясы)" in liege["participants"]
    assert "logistics" in liege["topics"].split(", ")
    assert rows[-1]["date"] == ""


def test_meeting_rows_give_the_posts_of_the_meetings_report():
    g = Graph().parse(data="""
        @prefix dip: <https://w3id.org/dipkg/ontology#> . @prefix res: <https://w3id.org/dipkg/resource/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix role: <https://w3id.org/dipkg/role/> .
        res:m a dip:Meeting ; dip:reportedIn res:r1 ; dip:participant res:a , res:b .
        res:r1 dip:sourceFile "one.txt" .
        res:a a dip:Person ; rdfs:label "Асан Серікбаев"@kk ; dip:holds res:p1 , res:p2 .
        res:b a dip:Person ; rdfs:label "Мехмет Өзтүрк"@kk .
        res:p1 dip:role role:governor ; dip:evidence [ dip:inReport res:r1 ] .
        res:p2 dip:role role:minister ; dip:evidence [ dip:inReport res:r2 ] .
    """, format="turtle")
    (row,) = meeting_rows(g)
    assert row["participants"] == "Асан Серікбаев (governor) | Мехмет Өзтүрк"
    assert row["report"] == "one.txt" and row["date"] == "" and row["place"] == ""


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "jsonld", "graphml", "csv"])
def test_cli_export_default_paths(sources, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exports").mkdir()
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--graph", str(sources["trig"])])
    assert result.exit_code == 0, result.output
    written = Path(result.output.split("wrote ", 1)[1].strip())
    assert written.parent == Path("exports") and (tmp_path / written).stat().st_size > 0
    assert not [p for p in (tmp_path / "exports").iterdir() if p.name.startswith(".")]


def test_export_errors_are_one_line(sources, tmp_path):
    result = CliRunner().invoke(main, ["export", "--format", "nt", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code != 0 and "none.ttl" in result.output and len(result.output.strip().splitlines()) == 1
    with pytest.raises(DipkgError, match="no such folder"):
        export(load_dataset(sources["ttl"]), "nt", tmp_path / "missing" / "x.nt")
