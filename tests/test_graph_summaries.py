"""The summaries kg.graph writes for the named queries agree with the facts they summarise:
dip:displayLabel (an entity's longest labels), dip:labelKey (each label in lower case), dip:servesKey
(the state a post serves) and dip:countryKey (the states a meeting's participants serve, over every
report: a tally of the collection's)."""

from dataclasses import replace
from datetime import date

import pytest
from rdflib import Literal

from kg.events import events
from kg.graph import DIP, RES, GraphBuilder, served_states
from kg.model import (
    Entity,
    Evidence,
    Extraction,
    Label,
    Meeting,
    MentionKind,
    PartialDate,
    Post,
    Report,
    Span,
)
from kg.query import load_store
from kg.resolution import graph_signatures

PREFIXES = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def rows(store, sparql: str) -> set[tuple[str, ...]]:
    return {tuple(str(t) for t in row) for row in store.query(PREFIXES + sparql)}


@pytest.fixture(scope="module")
def seeds_store(seed_files):
    return load_store(seed_files["ttl"])


def test_display_labels_are_a_person_s_longest_label_and_anything_else_s_longest_usual_name(seeds_store):
    longest = rows(seeds_store, """SELECT ?x ?l WHERE { ?x a dip:Person ; rdfs:label ?l ; dip:displayLabel ?any .
        FILTER NOT EXISTS { ?x rdfs:label ?longer . FILTER(STRLEN(STR(?longer)) > STRLEN(STR(?l))) } }""")
    longest |= rows(seeds_store, """SELECT ?x ?l WHERE { ?x skos:prefLabel ?l ; dip:displayLabel ?any .
        FILTER NOT EXISTS { ?x a dip:Person }
        FILTER NOT EXISTS { ?x skos:prefLabel ?longer . FILTER(STRLEN(STR(?longer)) > STRLEN(STR(?l))) } }""")
    shown = rows(seeds_store, "SELECT ?x ?l WHERE { ?x dip:displayLabel ?l }")
    assert shown and shown <= longest
    assert len(shown) == len({x for x, _ in shown}) == len({x for x, _ in longest})  # one each
    countries = {c.value: label.value for c, label in seeds_store.query(
        PREFIXES + "SELECT ?c ?l WHERE { ?x dip:countryCode ?c ; dip:displayLabel ?l }")}
    assert countries["KZ"] in ("Kazakhstan", "Қазақстан", "Казахстан")


def test_every_mentioned_entity_has_a_display_label(seeds_store):
    assert not rows(seeds_store, """SELECT ?x WHERE { ?r dip:mentions ?x . ?x rdfs:label ?l .
        FILTER NOT EXISTS { ?x dip:displayLabel ?d } }""")


def test_label_keys_are_the_labels_in_lower_case(seeds_store):
    keys = rows(seeds_store, "SELECT ?x ?k WHERE { ?x dip:labelKey ?k }")
    lowered = rows(seeds_store, "SELECT ?x (LCASE(STR(?l)) AS ?k) WHERE { ?x rdfs:label ?l ; dip:labelKey ?any }")
    assert keys and keys == lowered


def test_quote_keys_hold_the_quotes_of_places_and_organizations_in_lower_case(seeds_store):
    """Every quote of a mention's evidence; and the other mentions of its sentence, which have none of their own."""
    keys = rows(seeds_store, "SELECT ?e ?k WHERE { ?e dip:quoteKey ?k }")
    facts = rows(seeds_store, """SELECT DISTINCT ?e ?k WHERE {
        ?ev dip:supportsValue ?e ; dip:supportsProperty dip:mentions ; dip:quote ?q . BIND(LCASE(?q) AS ?k)
        ?e a ?type . FILTER(?type NOT IN (dip:Person, dip:Country)) }""")
    assert facts and facts <= keys


def test_every_post_serves_one_key(seeds_store):
    keys = rows(seeds_store, "SELECT ?p ?k WHERE { ?p a dip:Post ; dip:servesKey ?k }")
    facts = rows(seeds_store, """SELECT ?p ?k WHERE { ?p a dip:Post .
        OPTIONAL { ?p dip:country/dip:countryCode ?c } BIND(COALESCE(?c, "") AS ?k) }""")
    assert keys and keys == facts


def test_meeting_country_keys_are_the_states_their_participants_serve(seeds_store):
    keys = rows(seeds_store, "SELECT ?m ?k WHERE { ?m dip:countryKey ?k }")
    facts = rows(seeds_store, """SELECT DISTINCT ?m ?k WHERE {
        ?m dip:participant/dip:holds/dip:country/dip:countryCode ?k }""")
    assert keys and keys == facts


TEXT = "Анна Ким мен Ли Смит кездесті."
SENTENCE = Span(0, len(TEXT), TEXT)
EVIDENCE = Evidence("a.txt", SENTENCE, SENTENCE)
PEOPLE = {"person:a": Entity("person:a", MentionKind.PERSON, (Label("Анна Ким", "kk"), Label("Anna Kim", "en"),
                                                               Label("А. Ким", "kk"))),
          "person:b": Entity("person:b", MentionKind.PERSON, (Label("Ли Смит", "kk"),))}


def report(name: str, posts: tuple[Post, ...], meetings: tuple[Meeting, ...]) -> Extraction:
    return Extraction(Report(name, TEXT, "kk", date(2024, 1, 2), "Кездесу"), (), tuple(PEOPLE.values()), posts,
                      meetings, (SENTENCE,))


def post(holder: str, country: str | None) -> Post:
    return Post(holder, "ambassador", EVIDENCE, country=country)


MEETING = Meeting(("person:a", "person:b"), EVIDENCE)


@pytest.mark.parametrize(("posts_here", "posts_elsewhere", "codes"), [
    ((post("person:a", "KZ"),), (), {"KZ"}),
    ((post("person:a", "KZ"),), (post("person:b", "JP"),), {"KZ", "JP"}),
    ((), (post("person:b", "JP"), post("person:b", "KR")), {"JP", "KR"}),
    ((post("person:a", None),), (), set()),
])
def test_a_meeting_counts_the_posts_other_reports_give_its_participants(posts_here, posts_elsewhere, codes):
    """In the collection's tallies, not in the report's graph: a post that another report gives a participant
    is a fact of every meeting of theirs."""
    import pyoxigraph as ox

    from kg.summaries import tallies

    here, elsewhere = report("a.txt", posts_here, (MEETING,)), report("b.txt", posts_elsewhere, ())
    served = served_states([here, elsewhere], {})
    triples = GraphBuilder(served=served).report_triples(here, PEOPLE, {})
    meeting = next(s for s, p, _ in triples if p == DIP.reportedIn)
    assert not [o for s, p, o in triples if p == DIP.countryKey]
    counted = [t for graph in tallies([here, elsewhere], PEOPLE, {}, {}, served).values()
               for t in ox.parse(graph.ntriples(), format=ox.RdfFormat.N_TRIPLES)]
    assert {t.object.value for t in counted
            if t.subject.value == str(meeting) and t.predicate.value == str(DIP.countryKey)} == codes


def test_labels_give_display_and_key_terms():
    builder = GraphBuilder()
    builder.add(report("a.txt", (), ()), PEOPLE, {})
    triples = set(builder.merged())
    a = next(s for s, p, o in triples if p == DIP.displayLabel and o == Literal("Анна Ким", lang="kk"))
    # Анна Ким and Anna Kim are as long: the first is the one name shown
    assert {o for s, p, o in triples if s == a and p == DIP.displayLabel} == {Literal("Анна Ким", lang="kk")}
    assert {str(o) for s, p, o in triples if s == a and p == DIP.labelKey} == {"анна ким", "anna kim", "а. ким"}
    assert str(a).startswith(str(RES))


def test_a_participant_named_alike_in_two_languages_is_one_row():
    """Анна Ким and Anna Kim are as long: who-met-whom shows the meeting's two participants in two rows."""
    import pyoxigraph as ox

    from kg import query as q

    builder = GraphBuilder()
    builder.add(report("a.txt", (), (MEETING,)), PEOPLE, {})
    graph = builder.merged()
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    result = q.ask(store, "who-met-whom")
    column = result.variables.index("name")
    assert [row[column].value for row in result.rows] == ["Анна Ким", "Ли Смит"]


def test_a_post_elsewhere_leaves_the_graph_of_the_report_of_the_meeting_as_it_was():
    here = report("a.txt", (), (MEETING,))
    elsewhere = report("b.txt", (post("person:b", "JP"),), ())
    assert graph_signatures([here], ["k"], PEOPLE, {}, {}) == graph_signatures([here, elsewhere], ["k", "l"], PEOPLE,
                                                                               {}, {})[:1]
    builders = [GraphBuilder(served=served_states(reports, {})) for reports in ([here], [here, elsewhere])]
    assert len({builder.report_ntriples(here, PEOPLE, {}) for builder in builders}) == 1


ANNA = PEOPLE["person:a"]


@pytest.mark.parametrize(("merged", "changes"), [
    # a name another report adds: the description's graph changes, not this report's
    (replace(ANNA, labels=(*ANNA.labels, Label("Анна Кимге", "kk"))), False),
    (replace(ANNA, joins=(("person:z", "surname of a full name"),)), False),
    # the name the report graph's labels show, and the rule that joined this report's entity
    (replace(ANNA, labels=(Label("Анна Ким-Ли", "kk"), *ANNA.labels)), True),
    (replace(ANNA, joins=(("person:a", "close spelling"),)), True),
])
def test_what_changes_the_signature_of_a_report_naming_a_merged_entity(merged, changes):
    here = report("a.txt", (), (MEETING,))
    before = graph_signatures([here], ["k"], PEOPLE, {}, {})
    after = graph_signatures([here], ["k"], {**PEOPLE, "person:a": merged}, {}, {})
    assert (before != after) == changes


@pytest.mark.parametrize("meeting", [
    MEETING,
    Meeting(("person:b", "person:a"), EVIDENCE, date=PartialDate(2024, 1, 2)),  # its participants out of order
])
def test_a_meeting_told_once_writes_the_same_graph_and_signature_with_its_event_held_or_made_again(meeting):
    here = report("a.txt", (), (meeting,))
    found = events([here], {})
    assert all(len(event.members) == 1 for event in found.values())
    builder = GraphBuilder()
    assert builder.report_ntriples(here, PEOPLE, {}, found) == builder.report_ntriples(here, PEOPLE, {}, {})
    assert graph_signatures([here], ["k"], PEOPLE, {}, found) == graph_signatures([here], ["k"], PEOPLE, {}, {})


def test_the_tallies_without_their_ranks_and_the_graph_of_ranks_are_the_tallies():
    """A build counts the tallies apart and writes the ranks, which read the reports' names only, meanwhile."""
    from kg.graph import report_term
    from kg.summaries import RANKS, rank_graph, summary_graph, tallies

    reports = [report("b.txt", (post("person:a", "KZ"), post("person:b", "JP")), (MEETING,)), report("a.txt", (), ())]
    given = (reports, PEOPLE, {}, {}, served_states(reports, {}))
    ranks = rank_graph(reports)
    apart = tallies(*given, ranked=False)
    assert list(ranks) == [summary_graph(RANKS)] and summary_graph(RANKS) not in apart and apart
    assert ranks[summary_graph(RANKS)].rows == (("rank", report_term("a.txt"), 1), ("rank", report_term("b.txt"), 2))
    whole = tallies(*given)
    assert {g: t.signature for g, t in whole.items()} == {g: t.signature for g, t in {**apart, **ranks}.items()}
    assert rank_graph([]) == {}
