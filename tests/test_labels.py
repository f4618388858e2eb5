"""One label per node and language, with the fixed fallback order asked → en → ru → kk → any."""

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from kg.labels import label, labelled, language_order, main_language, store_label

GRAPH = Graph().parse(data="""
    @prefix dip: <https://w3id.org/dipkg/ontology#> . @prefix res: <https://w3id.org/dipkg/resource/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    res:de rdfs:label "Федеративная Республика Германия"@ru , "Германия"@ru , "Federal Republic of Germany"@en ;
        skos:prefLabel "Германия"@ru .
    res:p rdfs:label "Э. Жамар"@kk , "Эрве Жамар"@kk , "Hervé Jamar"@en .
    res:q rdfs:label "Эрве Жамар"@kk , "Эрве Жамар"@ru .
    res:u rdfs:label "Uzbek name"@uz , "Another"@de .
    res:v rdfs:label "plain" .
    res:s skos:notation "logistics" .
    res:r1 a dip:Report ; dip:language "kk" . res:r2 a dip:Report ; dip:language "ru" .
    res:r3 a dip:Report ; dip:language "kk" .
""", format="turtle")
RES = "https://w3id.org/dipkg/resource/"


@pytest.mark.parametrize(("node", "lang", "expected"), [
    ("de", "ru", ("Германия", "ru")),                       # the prefLabel, not the longest
    ("de", "en", ("Federal Republic of Germany", "en")),   # no prefLabel: the longest label
    ("de", "kk", ("Federal Republic of Germany", "en")),   # no kk: en first
    ("p", "kk", ("Эрве Жамар", "kk")),                     # the full name, not the initial
    ("p", "ru", ("Hervé Jamar", "en")),
    ("q", "en", ("Эрве Жамар", "ru")),                     # no en: ru before kk
    ("u", "kk", ("Another", "de")),                        # any other language, alphabetically
    ("v", "en", ("plain", "")),
    ("s", "en", ("logistics", "")),
    ("missing", "en", ("missing", "")),
])
def test_labelled(node, lang, expected):
    assert labelled(GRAPH, URIRef(RES + node), lang) == expected


def test_label_is_deterministic():
    assert {label(GRAPH, URIRef(RES + "p"), "ru") for _ in range(5)} == {"Hervé Jamar"}


def test_language_order():
    assert language_order("kk", {"kk", "ru", "en", "de", ""}) == ["kk", "en", "ru", "de", ""]
    assert language_order("uz", {"kk", "uz"}) == ["uz", "kk"]


def test_main_language_is_the_language_most_reports_are_in():
    assert main_language(GRAPH) == "kk"
    assert main_language(Graph()) == "en"


@pytest.mark.parametrize(("lang", "expected"), [("en", "Kazakhstan"), ("ru", "Казахстан"), ("kk", "Қазақстан")])
def test_kg_query_table_shows_labels_in_one_language(seed_files, lang, expected):
    from click.testing import CliRunner

    from kg.cli import main

    query = "PREFIX dip: <https://w3id.org/dipkg/ontology#> SELECT ?c WHERE { ?c dip:countryCode \"KZ\" }"
    result = CliRunner().invoke(main, ["query", query, "--graph", str(seed_files["ttl"]), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2] == expected


def test_store_label_matches_the_graph_label(seed_files):
    from kg.query import load_store

    store = load_store(seed_files["ttl"])
    g = Graph().parse(seed_files["ttl"])
    for node in [URIRef("https://w3id.org/dipkg/resource/country/DE"),
                 URIRef("https://w3id.org/dipkg/resource/person/erv-jmr-8910bdac6e")]:
        for lang in ("kk", "ru", "en"):
            assert store_label(store, ox.NamedNode(str(node)), lang) == label(g, node, lang)
    assert store_label(store, ox.NamedNode("https://example.org/none"), "en") is None
