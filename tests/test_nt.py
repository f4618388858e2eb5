"""kg.nt writes a term as the N-Triples of the equal rdflib term, and gathers triples once each."""

from datetime import date
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg import nt
from kg.graph import N_DIP, N_TYPE, GraphBuilder
from kg.model import Entity, Evidence, Extraction, Label, Meeting, MentionKind, PartialDate, Post, Report, Span
from kg.rdf_io import to_rdflib

XSD = "http://www.w3.org/2001/XMLSchema#"
DECIMAL = nt.iri(f"{XSD}decimal")


@pytest.mark.parametrize(("made", "rdflib"), [
    (nt.literal("Астана"), Literal("Астана")),
    (nt.literal('a "quoted" \\ word\non two lines\r'), Literal('a "quoted" \\ word\non two lines\r')),
    (nt.literal("tab\tstays"), Literal("tab\tstays")),
    (nt.literal(""), Literal("")),
    (nt.literal(42), Literal(42)),
    (nt.literal(-3), Literal(-3)),
    (nt.literal("Алматы", lang="kk"), Literal("Алматы", lang="kk")),
    (nt.literal("2024-03", datatype=f"<{XSD}gYearMonth>"), Literal("2024-03", datatype=URIRef(f"{XSD}gYearMonth"))),
    (nt.literal("43.2380", datatype=DECIMAL), Literal(Decimal("43.2380"), datatype=URIRef(f"{XSD}decimal"))),
    (nt.literal("plain", datatype=nt.iri(f"{XSD}string")), Literal("plain")),
    (nt.iri("https://w3id.org/dipkg/resource/country/KZ"), URIRef("https://w3id.org/dipkg/resource/country/KZ")),
])
def test_a_term_is_written_as_rdflib_s_equal_term(made: str, rdflib) -> None:
    assert made == nt.from_rdflib(rdflib)


@pytest.mark.parametrize("term", [nt.literal('say "hi"\\\n'), nt.literal(7), nt.literal("сөз", lang="kk")])
def test_a_term_is_read_back_by_oxigraph(term: str) -> None:
    [t] = ox.parse(f"<http://a> <http://b> {term} .\n".encode(), format=ox.RdfFormat.N_TRIPLES)
    assert nt.from_rdflib(to_rdflib(t.object)) == term


def test_names_make_iris() -> None:
    assert N_DIP.Report == "<https://w3id.org/dipkg/ontology#Report>"
    assert nt.Names("http://x/")["a b"] == "<http://x/a b>"


def test_lines_hold_each_triple_once_and_take_rdflib_terms() -> None:
    g = nt.Lines()
    x = nt.iri("http://x/1")
    g.add((x, N_TYPE, N_DIP.Report))
    g.add((URIRef("http://x/1"), URIRef(N_TYPE[1:-1]), URIRef(N_DIP.Report[1:-1])))
    g.add((x, N_DIP.language, Literal("kk")))
    assert len(g) == 2
    assert (x, N_DIP.language, nt.literal("kk")) in g
    assert g.document() == (f'{x} {N_TYPE} {N_DIP.Report} .\n{x} {N_DIP.language} "kk" .\n').encode()


TEXT = 'Анна Ким "Достық" орталығында Ли Смитпен кездесті.\nКелесі сөйлем.'
SENTENCE = Span(0, TEXT.index("\n"), TEXT[:TEXT.index("\n")])
EVIDENCE = Evidence("a.txt", SENTENCE, Span(0, 8, "Анна Ким"))
PEOPLE = {"person:a": Entity("person:a", MentionKind.PERSON, (Label("Анна Ким", "kk"), Label("Anna Kim", "en"))),
          "person:b": Entity("person:b", MentionKind.PERSON, (Label("Ли Смит", "kk"),))}


def test_a_report_graph_is_n_triples_oxigraph_reads_back_unchanged() -> None:
    x = Extraction(Report("a.txt", TEXT, "kk", date(2024, 1, 2), 'Кездесу "Достықта"'), (), tuple(PEOPLE.values()),
                   (Post("person:a", "ambassador", EVIDENCE, country="KZ"),),
                   (Meeting(("person:a", "person:b"), EVIDENCE, date=PartialDate(2024, 1)),), (SENTENCE,))
    data = GraphBuilder().report_ntriples(x, PEOPLE, {})
    again = nt.Lines()
    for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        again.add(tuple(to_rdflib(term) for term in (t.subject, t.predicate, t.object)))
    assert again.document() == data
    assert f'{N_DIP.yearKey} "2024"^^<{XSD}integer> .'.encode() in data
    assert GraphBuilder().report_triples(x, PEOPLE, {}) == {
        tuple(to_rdflib(term) for term in (t.subject, t.predicate, t.object))
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize(("body", "text"), [
    ("plain", "plain"),
    ('say \\"hi\\"', 'say "hi"'),
    ("a\\nb\\rc\\td", "a\nb\rc\td"),
    ("\\\\n is not a line break", "\\n is not a line break"),
    ("caf\\u00e9 \\U0001F600", "café 😀"),
])
def test_unescape_reads_what_a_writer_escaped(body: str, text: str) -> None:
    assert nt.unescape(body) == text
    assert nt.unescape(nt.literal(text)[1:-1]) == text
