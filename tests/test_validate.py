"""SHACL shapes: the seeds build conforms; each kind of broken graph is caught."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef

from kg.cli import main
from kg.graph import DIP, RES
from kg.manifest import Manifest
from kg.rdf_io import to_oxigraph
from kg.store import DATABASE_NAME, STORE_NAME
from kg.validate import target_classes, validate, validate_store

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


BREAKAGES = [
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
]


@pytest.mark.parametrize(("breakage", "focus", "message"), BREAKAGES, ids=lambda x: getattr(x, "__name__", None))
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


def as_store(graph: Graph, folder: Path) -> Path:
    """An output folder whose store's default graph is ``graph``."""
    import pyoxigraph as ox

    (folder / STORE_NAME).mkdir(parents=True)
    store, blanks = ox.Store(str(folder / STORE_NAME / DATABASE_NAME)), {}
    store.bulk_extend(ox.Quad(*(to_oxigraph(t, blanks) for t in triple)) for triple in graph)
    store.flush()
    del store
    Manifest({}).write(folder / STORE_NAME)
    return folder


@pytest.mark.parametrize(("breakage", "focus", "message"), [(None, None, None), *BREAKAGES],
                         ids=lambda x: getattr(x, "__name__", None))
def test_a_store_validated_in_batches_gives_what_the_whole_graph_gives(seeds_build, tmp_path, breakage, focus,
                                                                      message):
    g = Graph()
    g += seeds_build.graph
    if breakage is not None:
        breakage(g)
    found = validate_store(as_store(g, tmp_path), batch=7, jobs=1)
    assert found == validate(g)
    assert breakage is None or any(v.focus == str(focus) and message in v.message for v in found)


def test_a_store_is_validated_on_several_processes(seeds_build, tmp_path):
    g = Graph()
    g += seeds_build.graph
    drop_participant(g)
    drop_code(g)
    assert validate_store(as_store(g, tmp_path), batch=5, jobs=2) == validate(g)


@pytest.mark.parametrize(("target", "whole"), [("sh:targetClass dip:Meeting", False), ("sh:targetNode dip:x", True),
                                               ("sh:targetSubjectsOf dip:topic", True)])
def test_shapes_that_choose_nodes_otherwise_are_checked_on_the_whole_graph(target, whole):
    shapes = Graph().parse(data=f"""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix dip: <https://w3id.org/dipkg/ontology#> .
        dip:S a sh:NodeShape ; {target} .""", format="turtle")
    assert (target_classes(shapes) is None) == whole


def test_cli_validates_a_store(seeds_build, tmp_path):
    g = Graph()
    g += seeds_build.graph
    drop_code(g)
    result = CliRunner().invoke(main, ["validate", "--graph", str(as_store(g, tmp_path))])
    assert result.exit_code == 1 and "country/BE" in result.output
    assert "1 violation" in result.output.strip().splitlines()[-1]
