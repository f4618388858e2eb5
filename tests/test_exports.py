"""Exports: RDF read back by a second parser (pyoxigraph), GraphML for networkx, CSV of meetings."""

import codecs
import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

import kg.exports
from kg.cli import main
from kg.errors import DipkgError
from kg.exports import FORMATS, ExportOptions, export, export_store_part, store_part
from kg.exports.meetings import meeting_rows
from kg.exports.network import entity_network
from kg.graph import load_dataset, union
from kg.labels import label
from kg.rdf_io import to_rdflib
from kg.store import triples

OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
              "jsonld": ox.RdfFormat.JSON_LD}
VASILENKO = "https://w3id.org/dipkg/resource/person/rmn-vslnk-0787fc4b9c"
ZHAMAR = "https://w3id.org/dipkg/resource/person/erv-jmr-8910bdac6e"
RES = "https://w3id.org/dipkg/resource/"


@pytest.fixture(scope="module")
def sources(seed_files) -> dict[str, Path]:
    return seed_files


def read_with_oxigraph(path: Path, fmt: ox.RdfFormat) -> dict[str, Graph]:
    """Graph name (``""`` for the default graph) → its triples, as pyoxigraph parses the file."""
    graphs: dict[str, Graph] = {}
    for quad in ox.parse(path=str(path), format=fmt):
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(name, Graph()).add(tuple(to_rdflib(t) for t in (quad.subject, quad.predicate,
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
    out = export(load_dataset(sources["trig"]), "graphml", tmp_path / "network.graphml", ExportOptions(lang="kk"))
    net = nx.read_graphml(out)
    assert not net.is_directed()
    assert net.nodes[VASILENKO]["type"] == "Person" and net.nodes[VASILENKO]["label"] == "Роман Василенко"
    assert net.nodes[VASILENKO]["meetings"] == 1
    assert net.nodes["https://w3id.org/dipkg/resource/country/KZ"]["code"] == "KZ"
    kinds = {(frozenset((u, v)), d["kind"]) for u, v, d in net.edges(data=True)}
    assert (frozenset((VASILENKO, ZHAMAR)), "met") in kinds
    assert (frozenset((VASILENKO, "https://w3id.org/dipkg/resource/country/KZ")), "serves") in kinds
    assert (frozenset((VASILENKO, "https://w3id.org/dipkg/resource/country/BE")), "accredited-to") in kinds
    governs = {net.nodes[v if u == ZHAMAR else u]["label"] for u, v, d in net.edges(data=True)
               if ZHAMAR in (u, v) and d["kind"] == "governs"}
    assert governs == {"Льеж провинциясы"}
    met = [d for _, _, d in net.edges(data=True) if d["kind"] == "met"]
    assert all(d["weight"] >= 1 and d["meetings"] for d in met)
    assert all(d["weight"] >= 1 for _, _, d in net.edges(data=True))
    types = {d["type"] for _, d in net.nodes(data=True)}
    assert {"Person", "Country", "Region", "City", "Company", "GovernmentBody"} <= types


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_graphml_opens_in_networkx_without_loss(sources, tmp_path, lang):
    """Unique edge ids (Gephi drops an edge whose id is taken), no directed edge, labels in one language."""
    g = union(load_dataset(sources["trig"]))
    out = export(load_dataset(sources["trig"]), "graphml", tmp_path / "network.graphml", ExportOptions(lang=lang))
    root = ET.parse(out).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    (graph,) = root.findall("g:graph", ns)
    assert graph.get("edgedefault") == "undirected"
    edges = graph.findall("g:edge", ns)
    ids = [e.get("id") for e in edges]
    assert all(ids) and len(set(ids)) == len(ids)
    assert not [e for e in edges if e.get("directed") == "true"]
    net = nx.read_graphml(out, force_multigraph=True)
    assert net.number_of_edges() == len(edges) == len(entity_network(g, lang).edges)
    assert not net.is_directed()
    for node, data in net.nodes(data=True):
        has = {lb.language for lb in g.objects(URIRef(node), RDFS.label)}
        if lang in has:
            assert data["label_lang"] == lang and data["label"] == label(g, URIRef(node), lang), node
        else:
            assert data["label_lang"] in {"en", "ru", "kk"} - {lang}, node  # the fixed fallback order


def test_graphml_met_edges_are_one_per_pair():
    g = Graph().parse(data=MEETINGS_TTL, format="turtle")
    net = entity_network(g, "en")
    met = [(u, v, d) for u, v, d in net.edges(data=True) if d["kind"] == "met" and {u, v} == {RES + "a", RES + "b"}]
    assert len(met) == 1 and met[0][2]["weight"] == 2
    assert (met[0][2]["first"], met[0][2]["last"]) == ("2024-03-01", "2025-05-02")


def test_csv_of_meetings(sources, tmp_path, seeds_build):
    out = export(load_dataset(sources["ttl"]), "csv", tmp_path / "meetings.csv", ExportOptions(lang="kk"))
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == seeds_build.summary.meetings
    assert list(rows[0]) == ["meeting", "date", "place", "state", "state_name", "partner", "partner_name",
                             "participants", "topics", "report", "title"]
    liege = next(r for r in rows if "Эрве Жамар" in r["participants"])
    assert liege["date"] == "2026-02-05" and liege["place"] == "Льеж провинциясы"
    assert (liege["state"], liege["partner"]) == ("KZ", "BE")
    assert (liege["state_name"], liege["partner_name"]) == ("Қазақстан", "Бельгия")
    assert liege["report"] == "000_96af8c5a6d4c3167.txt"
    assert "Роман Василенко (ambassador of KZ to BE)" in liege["participants"]
    assert "Эрве Жамар (governor of BE, Льеж провинциясы)" in liege["participants"]
    assert "logistics" in liege["topics"].split(", ")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, key=lambda d: (d == "", d)) and rows[-1]["date"] == ""


MEETINGS_TTL = """
    @prefix dip: <https://w3id.org/dipkg/ontology#> . @prefix res: <https://w3id.org/dipkg/resource/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix role: <https://w3id.org/dipkg/role/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    res:m1 a dip:Meeting ; dip:reportedIn res:r1 ; dip:participant res:a , res:b ; dip:date "2025-05-02"^^xsd:date .
    res:m2 a dip:Meeting ; dip:reportedIn res:r1 ; dip:participant res:a , res:b ; dip:date "2024-03-01"^^xsd:date .
    res:m3 a dip:Meeting ; dip:reportedIn res:r1 ; dip:participant res:a , res:c .
    res:r1 dip:sourceFile "=cmd|' /C calc'!A0.txt" .
    res:a a dip:Person ; rdfs:label "Асан Серікбаев"@kk , "Asan Serikbayev"@en ; dip:holds res:p1 .
    res:b a dip:Person ; rdfs:label "@Мехмет Өзтүрк"@kk ; dip:holds res:p2 .
    res:c a dip:Person ; rdfs:label "Jan de Vries"@en ; dip:holds res:p3 .
    res:p1 dip:role role:governor ; dip:country res:KZ ; dip:evidence [ dip:inReport res:r1 ] .
    res:p2 dip:role role:ambassador ; dip:country res:TR ; dip:evidence [ dip:inReport res:r1 ] .
    res:p3 dip:role role:ambassador ; dip:country res:NL ; dip:evidence [ dip:inReport res:r1 ] .
    res:KZ a dip:Country ; dip:countryCode "KZ" ; rdfs:label "Kazakhstan"@en , "Қазақстан"@kk .
    res:TR a dip:Country ; dip:countryCode "TR" ; rdfs:label "Türkiye"@en .
    res:NL a dip:Country ; dip:countryCode "NL" ; rdfs:label "Netherlands"@en .
"""


def test_csv_round_trips_with_partner_columns_sorted_by_date(tmp_path):
    ds = Dataset()
    ds.default_graph.parse(data=MEETINGS_TTL, format="turtle")
    out = export(ds, "csv", tmp_path / "m.csv", ExportOptions(lang="kk", excel=True))
    raw = out.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["date"] for r in rows] == ["2024-03-01", "2025-05-02", ""]
    assert [(r["state"], r["partner"]) for r in rows] == [("KZ", "TR"), ("KZ", "TR"), ("KZ", "NL")]
    assert rows[0]["state_name"] == "Қазақстан" and rows[0]["partner_name"] == "Türkiye"  # no kk label: en
    assert rows[0]["participants"] == "'@Мехмет Өзтүрк (ambassador of TR) | Асан Серікбаев (governor of KZ)"
    assert rows[0]["report"].startswith("'=")  # no formula
    plain = export(ds, "csv", tmp_path / "p.csv", ExportOptions(lang="en")).read_bytes()
    assert not plain.startswith(codecs.BOM_UTF8) and b"Asan Serikbayev (governor of KZ)" in plain


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


@pytest.mark.parametrize("fmt", list(FORMATS))
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


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
@pytest.mark.parametrize("fmt", [name for name, spec in FORMATS.items() if spec.reads is not None])
def test_an_export_from_the_store_reads_only_its_part_and_writes_the_same_file(sources, seeds_build, tmp_path, fmt,
                                                                                lang):
    options = ExportOptions(lang=lang)
    whole = export(load_dataset(sources["trig"]), fmt, tmp_path / f"whole.{fmt}", options)
    part = export_store_part(seeds_build.store, fmt, tmp_path / f"part.{fmt}", options)
    assert part.read_bytes() == whole.read_bytes()
    read = store_part(seeds_build.store, Path(kg.exports.__file__).with_name(FORMATS[fmt].reads))
    assert len(read) < triples(seeds_build.store) / 2  # the evidence is left in the store


def test_cli_export_from_a_build_folder_through_the_store(tmp_path):
    from kg.pipeline import build

    out = tmp_path / "out"
    result = build([Path(__file__).resolve().parent.parent / "seeds"], out_dir=out, exports=False)
    done = CliRunner().invoke(main, ["export", "--format", "csv", "--lang", "en", "--graph", str(out),
                                     "--out", str(tmp_path / "m.csv")])
    assert done.exit_code == 0, done.output
    expected = export(result.dataset, "csv", tmp_path / "expected.csv", ExportOptions(lang="en"))
    assert (tmp_path / "m.csv").read_bytes() == expected.read_bytes()
    meetings = set(result.graph.subjects(RDF.type, URIRef("https://w3id.org/dipkg/ontology#Meeting")))
    assert len(list(csv.DictReader(expected.open(encoding="utf-8")))) == len(meetings) > 0
