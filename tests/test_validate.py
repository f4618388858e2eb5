"""SHACL shapes: the seeds build conforms; each kind of broken graph is caught."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef

from kg.cli import main
from kg.graph import DIP, RES
from kg.validate import validate

VASILENKO_MEETING = RES["meeting/000-96af8c5a6d4c3167-txt-983b7e1267-1"]
VASILENKO_POST = RES["post/702ef96686ce"]
# A URIRef, not rdflib's XSD namespace: pytest probes module attributes, which a closed namespace warns about.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


def test_seeds_build_conforms(seeds_build):
    assert validate(seeds_build.graph) == []


def test_instance_data_without_vocabulary_conforms(seeds_build):
    """The ontology comes from ontology/, so a graph of instances alone is judged the same."""
    vocabulary = Graph()
    for name in ("dipkg.ttl", "sectors.ttl", "roles.ttl"):
        vocabulary.parse(Path(__file__).resolve().parent.parent / "ontology" / name)
    assert validate(seeds_build.graph - vocabulary) == []


def drop_participant(g: Graph) -> None:
    g.remove((VASILENKO_MEETING, DIP.participant, next(g.objects(VASILENKO_MEETING, DIP.participant))))


def drop_report(g: Graph) -> None:
    g.remove((VASILENKO_MEETING, DIP.reportedIn, None))


def drop_role(g: Graph) -> None:
    g.remove((VASILENKO_POST, DIP.role, None))


def drop_code(g: Graph) -> None:
    g.remove((RES["country/BE"], DIP.countryCode, None))


def bad_code(g: Graph) -> None:
    g.set((RES["country/BE"], DIP.countryCode, Literal("BEL")))


def drop_meeting_evidence(g: Graph) -> None:
    g.remove((VASILENKO_MEETING, DIP.evidence, None))


def drop_post_evidence(g: Graph) -> None:
    g.remove((VASILENKO_POST, DIP.evidence, None))


def drop_sentence_offsets(g: Graph) -> None:
    ev = next(g.objects(VASILENKO_POST, DIP.evidence))
    g.remove((ev, DIP.sentenceStart, None))


def drop_topic_evidence(g: Graph) -> None:
    for ev in list(g.objects(VASILENKO_MEETING, DIP.evidence)):
        if (ev, DIP.supportsProperty, DIP.topic) in g:
            g.remove((VASILENKO_MEETING, DIP.evidence, ev))


def two_dates(g: Graph) -> None:
    g.add((VASILENKO_MEETING, DIP.date, Literal("2026-02-06", datatype=XSD_DATE)))


def participant_not_a_person(g: Graph) -> None:
    person = next(g.objects(VASILENKO_MEETING, DIP.participant))
    g.remove((person, RDF.type, DIP.Person))


@pytest.mark.parametrize(("breakage", "focus", "message"), [
    (drop_participant, VASILENKO_MEETING, "at least two participants"),
    (participant_not_a_person, VASILENKO_MEETING, "at least two participants"),
    (drop_report, VASILENKO_MEETING, "reported in a dip:Report"),
    (drop_meeting_evidence, VASILENKO_MEETING, "a meeting has evidence"),
    (drop_topic_evidence, VASILENKO_MEETING, "has no evidence that supports it"),
    (two_dates, VASILENKO_MEETING, "at most one date"),
    (drop_role, VASILENKO_POST, "exactly one role"),
    (drop_post_evidence, VASILENKO_POST, "a post has evidence"),
    (drop_sentence_offsets, VASILENKO_POST, "a post has evidence"),
    (drop_code, RES["country/BE"], "ISO 3166-1 alpha-2"),
    (bad_code, RES["country/BE"], "ISO 3166-1 alpha-2"),
], ids=lambda x: getattr(x, "__name__", None))
def test_broken_graphs_are_caught(seeds_build, breakage, focus, message):
    g = Graph()
    g += seeds_build.graph
    breakage(g)
    violations = validate(g)
    assert any(v.focus == str(focus) and message in v.message for v in violations), violations


def test_cli_validate(seeds_build, tmp_path):
    good = tmp_path / "good.ttl"
    seeds_build.graph.serialize(good, format="turtle")
    result = CliRunner().invoke(main, ["validate", "--graph", str(good)])
    assert result.exit_code == 0 and "conforms" in result.output
    g = Graph()
    g += seeds_build.graph
    drop_participant(g)
    drop_code(g)
    bad = tmp_path / "bad.ttl"
    g.serialize(bad, format="turtle")
    result = CliRunner().invoke(main, ["validate", "--graph", str(bad)])
    assert result.exit_code == 1
    assert str(VASILENKO_MEETING) in result.output and "country/BE" in result.output
    assert "2 violations" in result.output.strip().splitlines()[-1]
