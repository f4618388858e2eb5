"""The collection's tallies (kg.summaries) count what the report graphs state: checked against the
meetings' own facts on the seeds' graph, and as tables of invented meetings."""

import hashlib
from datetime import date

import pyoxigraph as ox
import pytest

from kg.events import joined_events
from kg.graph import meeting_term
from kg.model import Evidence, Extraction, Meeting, PartialDate, Report, Span
from kg.query import load_store
from kg.summaries import (
    BUCKETS,
    MeetingFacts,
    TallyGraph,
    meeting_facts,
    participants_per_report,
    tally_graphs,
)

PREFIXES = """PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX role: <https://w3id.org/dipkg/role/>
"""


def rows(store: ox.Store, sparql: str) -> set[tuple[str, ...]]:
    return {tuple(str(t) for t in row) for row in store.query(PREFIXES + sparql)}


@pytest.fixture(scope="module")
def seeds_store(seed_files):
    return load_store(seed_files["ttl"])


def test_sector_tallies_count_the_meetings_of_two_states_on_a_sector(seeds_store):
    tallied = rows(seeds_store, """SELECT ?c ?p ?s ?n WHERE {
        ?pair dip:pairState ?c , ?p ; dip:sectorTally ?t . FILTER(?c != ?p)
        ?t a dip:SectorTally ; dip:tallyTopic ?s ; dip:meetingCount ?n }""")
    facts = rows(seeds_store, """SELECT ?c ?p ?s (COUNT(DISTINCT ?m) AS ?n) WHERE {
        ?m dip:countryKey ?c , ?p ; dip:topic ?s . FILTER(?c != ?p) } GROUP BY ?c ?p ?s""")
    assert tallied and tallied == facts


def test_year_sector_tallies_count_the_meetings_and_name_their_reports(seeds_store):
    tallied = rows(seeds_store, """SELECT ?c ?p ?y ?s ?n ?r WHERE {
        ?pair dip:pairState ?c , ?p ; dip:yearSectorTally ?t . FILTER(?c != ?p)
        ?t a dip:YearSectorTally ; dip:tallyYear ?y ; dip:tallySector ?s ; dip:meetingCount ?n ; dip:reportList ?r }""")
    facts = rows(seeds_store, """SELECT ?c ?p ?y ?s ?n ?r WHERE {
        { SELECT ?c ?p ?y ?s (COUNT(DISTINCT ?m) AS ?n) WHERE {
            ?m dip:countryKey ?c , ?p ; dip:yearKey ?y ; dip:sectorKey ?s . FILTER(?c != ?p) } GROUP BY ?c ?p ?y ?s }
        { SELECT ?c ?p ?y ?s (GROUP_CONCAT(?f; separator=", ") AS ?r) WHERE {
            { SELECT DISTINCT ?c ?p ?y ?s ?f WHERE {
                ?m dip:countryKey ?c , ?p ; dip:yearKey ?y ; dip:sectorKey ?s ; dip:reportedIn/dip:sourceFile ?f .
                FILTER(?c != ?p) } ORDER BY ?f } } GROUP BY ?c ?p ?y ?s } }""")
    assert tallied and tallied == facts


def test_place_tallies_count_the_meetings_held_there_or_with_its_governor(seeds_store):
    tallied = rows(seeds_store, """SELECT ?place ?c ?p ?n WHERE {
        ?t a dip:PlaceTally ; dip:tallyPlace ?place ; dip:tallyCountry ?c ; dip:tallyPartner ?p ;
           dip:meetingCount ?n }""")
    facts = rows(seeds_store, """SELECT ?place ?c ?p (COUNT(DISTINCT ?m) AS ?n) WHERE {
        { ?m dip:location ?place } UNION {
          ?m dip:participant/dip:holds ?post . ?post dip:jurisdiction ?place ; dip:role ?role .
          VALUES ?role { role:governor role:deputy-governor role:mayor role:deputy-mayor } }
        ?m dip:countryKey ?p .
        { ?place dip:inCountry/dip:countryCode ?c }
        UNION { ?governs dip:jurisdiction ?place ; dip:country/dip:countryCode ?c }
        ?place a ?kind . VALUES ?kind { dip:Region dip:City } } GROUP BY ?place ?c ?p""")
    assert tallied and tallied == facts


def test_report_counts_count_the_reports_that_mention_each_state(seeds_store):
    counted = rows(seeds_store, "SELECT ?c ?n WHERE { ?c dip:reportCount ?n }")
    facts = rows(seeds_store, """SELECT ?c (COUNT(DISTINCT ?r) AS ?n) WHERE {
        ?r dip:mentions ?c . ?c a dip:Country ; dip:countryCode ?code } GROUP BY ?c""")
    assert counted and counted == facts


@pytest.mark.parametrize(("countries", "expected"), [
    ({"<https://example.org/KZ>": 3, "<https://example.org/BE>": 1},
     {("https://example.org/KZ", "3"), ("https://example.org/BE", "1")}),
    ({}, set()),
])
def test_report_counts_of_invented_states(countries, expected):
    store = ox.Store()
    for tally in tally_graphs({}, STATES, countries=countries).values():
        store.load(tally.ntriples(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    assert {tuple(t.value for t in row) for row in store.query(PREFIXES + "SELECT ?c ?n { ?c dip:reportCount ?n }")} \
        == expected


def facts(countries: str, places: str, sectors: str, report: str, year: str = "") -> MeetingFacts:
    return MeetingFacts.of(countries=countries.split(), years=[year], sectors=sectors.split() or [""],
                           places=[f"<https://example.org/{p}>" for p in places.split()], reports=[report])


# Meetings by their nodes, as the build keys them.
M1, M2, M3 = (f"<https://w3id.org/dipkg/resource/meeting/m{n}>" for n in (1, 2, 3))
# The states of the invented places: oblys and qala lie in Kazakhstan, elsewhere is no region or city.
STATES = {"<https://example.org/oblys>": frozenset({"KZ"}), "<https://example.org/qala>": frozenset({"KZ"})}


def tally_rows(meetings: dict[str, MeetingFacts], sparql: str) -> set[tuple[str, ...]]:
    store = ox.Store()
    for tally in tally_graphs(meetings, STATES).values():
        store.load(tally.ntriples(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return {tuple(t.value for t in row) for row in store.query(PREFIXES + sparql)}


PLACES = """SELECT ?place ?c ?p ?n ?topics WHERE {
    ?t a dip:PlaceTally ; dip:tallyPlace ?place ; dip:tallyCountry ?c ; dip:tallyPartner ?p ; dip:meetingCount ?n ;
       dip:topicList ?topics }"""
YEARS = """SELECT ?c ?p ?y ?s ?n ?reports WHERE {
    ?pair dip:pairState ?c , ?p ; dip:yearSectorTally ?t . FILTER(?c != ?p)
    ?t dip:tallyYear ?y ; dip:tallySector ?s ; dip:meetingCount ?n ; dip:reportList ?reports }"""


@pytest.mark.parametrize(("meetings", "query", "expected"), [
    # a meeting without a known topic counts, and lists no topic
    ({M1: facts("KZ JP", "oblys", "", "a.txt"), M2: facts("KZ JP", "oblys", "trade", "b.txt"),
      M3: facts("KZ KR", "qala", "", "c.txt")}, PLACES,
     {("https://example.org/oblys", "KZ", "KZ", "2", "trade"), ("https://example.org/oblys", "KZ", "JP", "2", "trade"),
      ("https://example.org/qala", "KZ", "KZ", "1", ""), ("https://example.org/qala", "KZ", "KR", "1", "")}),
    # the sectors of every meeting of the place, each once, sorted
    ({M1: facts("KZ", "oblys", "water trade", "a.txt"), M2: facts("KZ", "oblys", "trade energy", "b.txt")},
     PLACES, {("https://example.org/oblys", "KZ", "KZ", "2", "energy, trade, water")}),
    # a place that is no region or city of a known state is not tallied
    ({M1: facts("KZ JP", "elsewhere", "trade", "a.txt")}, PLACES, set()),
    # a meeting of two states is counted in both orders; its reports are listed once each, sorted
    ({M1: MeetingFacts.of(countries=["KZ", "BE"], years=["2025"], sectors=["trade"], reports=["b.txt", "a.txt"])},
     YEARS,
     {("KZ", "BE", "2025", "trade", "1", "a.txt, b.txt"), ("BE", "KZ", "2025", "trade", "1", "a.txt, b.txt")}),
    # an undated meeting without a topic has the empty keys
    ({M1: facts("KZ BE", "", "", "a.txt")}, YEARS,
     {("KZ", "BE", "", "", "1", "a.txt"), ("BE", "KZ", "", "", "1", "a.txt")}),
    # a meeting of one state only is no meeting between states
    ({M1: facts("KZ", "", "trade", "a.txt", "2024")}, YEARS, set()),
])
def test_tallies_of_invented_meetings(meetings, query, expected):
    assert tally_rows(meetings, query) == expected


def test_a_new_meeting_changes_the_graphs_of_its_pairs_and_places_only():
    meetings = {f"<m{n}>": facts(f"KZ {code}", place, "trade", f"{n}.txt", "2024")
                for n, (code, place) in enumerate([("JP", "oblys"), ("KR", "qala"), ("BE", "oblys"), ("FR", "qala"),
                                                   ("DE", "oblys"), ("IT", "qala"), ("ES", "oblys"), ("CN", "qala")])}
    before = tally_graphs(meetings, STATES)
    after = tally_graphs({**meetings, "<new>": facts("KZ JP", "qala", "trade", "new.txt", "2024")}, STATES)
    changed = {g for g in after if g not in before or after[g].signature != before[g].signature}
    # the pair in both orders and the place: three graphs at most, of the many the tallies fill
    assert 1 <= len(changed) <= 3 < len(before) <= BUCKETS


def test_a_tally_graph_is_signed_by_what_it_counts_and_the_code_that_writes_it():
    meetings = {M1: facts("KZ JP", "oblys", "trade", "a.txt", "2024")}
    one, again = tally_graphs(meetings, STATES, version="1"), tally_graphs(meetings, STATES, version="1")
    assert {g: t.signature for g, t in one.items()} == {g: t.signature for g, t in again.items()}
    other = tally_graphs(meetings, STATES, version="2")
    assert all(one[g].signature != other[g].signature for g in one)
    more = tally_graphs({**meetings, M2: facts("KZ JP", "oblys", "trade", "b.txt", "2024")}, STATES, version="1")
    assert any(one[g].signature != more[g].signature for g in one)


@pytest.mark.parametrize("rows", [
    (),
    (("rank", "<r1>", 1), ("rank", "<r2>", 2)),
    (("year", "KZ", "JP", "2024", "trade", 2, "a.txt, b.txt"), ("sector", "KZ", "JP", "trade", 2)),
])
def test_a_tally_graph_holds_its_rows_packed_and_gives_them_back(rows):
    tally = TallyGraph.of(rows, "1", streamed=True)
    assert tally.rows == rows and tally.streamed and all(isinstance(run, bytes) for run in tally.packed)
    assert tally.signature == TallyGraph.of(rows, "1").signature != TallyGraph.of(rows, "2").signature


SECTOR_LISTS = """SELECT ?m ?list WHERE { ?m <https://w3id.org/dipkg/ontology#sectorList> ?list }"""


@pytest.mark.parametrize(("meetings", "expected"), [
    # each meeting's sectors, sorted, whatever states it is between or where
    ({M1: facts("KZ JP", "oblys", "trade energy", "a.txt"), M2: facts("KZ", "", "water", "b.txt")},
     {(M1[1:-1], "energy, trade"), (M2[1:-1], "water")}),
    # a meeting no report tells a sector of lists none, though a report that tells it gave no sector
    ({M1: facts("KZ JP", "", "", "a.txt"), M2: MeetingFacts.of(countries=["KZ"], years=[""], sectors=["", "trade"])},
     {(M1[1:-1], ""), (M2[1:-1], "trade")}),
])
def test_each_meeting_lists_its_sectors(meetings, expected):
    assert tally_rows(meetings, SECTOR_LISTS) == expected


@pytest.mark.parametrize(("told", "expected"), [
    # one report: each value once, sorted
    ([dict(countries=["KZ", "BE", "KZ"], years=["2025"], sectors=["trade", "energy"], reports=["a.txt"])],
     MeetingFacts(("BE", "KZ"), ("2025",), ("energy", "trade"), (), ("a.txt",))),
    # two reports of one meeting: the union of what each tells
    ([dict(countries=["KZ"], years=[""], sectors=[""], places=["<p>"], reports=["b.txt"]),
      dict(countries=["KZ", "JP"], years=["2024"], sectors=["water"], places=["<p>", "<q>"], reports=["a.txt"])],
     MeetingFacts(("JP", "KZ"), ("", "2024"), ("", "water"), ("<p>", "<q>"), ("a.txt", "b.txt"))),
])
def test_the_facts_of_a_meeting_are_what_its_reports_tell(told, expected):
    facts = MeetingFacts.of(**told[0])
    for more in told[1:]:
        facts = facts.union(MeetingFacts.of(**more))
    assert facts == expected


RANKS = tuple(("rank", f"<https://w3id.org/dipkg/resource/report/r{n:02d}>", n) for n in range(1, 12))


@pytest.mark.parametrize("most", [1, 2, 5, 11, 100])
def test_the_ranks_in_pieces_are_their_sorted_n_triples(monkeypatch, most):
    from kg import summaries

    monkeypatch.setattr(summaries, "PIECE_ROWS", most)
    tally = TallyGraph.of(RANKS, "1", streamed=True)
    parts = list(tally.pieces())
    assert len(parts) == -(-len(RANKS) // most)
    assert b"".join(parts) == tally.ntriples()
    assert all(part.endswith(b" .\n") for part in parts)


@pytest.mark.parametrize("most", [1, 3])
def test_any_tally_graph_in_pieces_states_its_triples(monkeypatch, most):
    from kg import summaries

    monkeypatch.setattr(summaries, "PIECE_ROWS", most)
    rows = (("sector", "KZ", "JP", "trade", 2), ("sector", "KZ", "JP", "energy", 1), ("country", "<c>", 3))
    tally = TallyGraph.of(rows, "1")
    # a node two runs of rows state (a pair's) comes in each
    assert {line for part in tally.pieces() for line in part.splitlines()} == set(tally.ntriples().splitlines())


@pytest.mark.parametrize(("run", "chars"), [(1, 1 << 16), (3, 1 << 16), (7, 1 << 16), (500, 40)])
def test_tallies_made_in_runs_are_those_made_at_once(monkeypatch, run, chars):
    from kg import summaries

    codes, places, sectors = ("JP", "KR", "BE", "DE"), ("oblys", "qala", ""), ("trade", "energy", "water", "")
    meetings = {f"<https://example.org/m{n:03d}>": facts(f"KZ {codes[n % 4]} {codes[n % 3]}", places[n % 3],
                                                         f"{sectors[n % 4]} {sectors[n % 3]}", f"{n}.txt", "2024")
                for n in range(200)}
    at_once = tally_graphs(meetings, STATES, version="1", ranks={f"<r{n}>": n for n in range(30)})
    monkeypatch.setattr(summaries, "RUN_ROWS", run)
    monkeypatch.setattr(summaries, "RUN_CHARS", chars)
    in_runs = tally_graphs(meetings, STATES, version="1", ranks={f"<r{n}>": n for n in range(30)})
    assert list(in_runs) == list(at_once)
    assert all(in_runs[g].rows == at_once[g].rows and in_runs[g].signature == at_once[g].signature for g in at_once)
    assert max(len(g.rows) for g in at_once.values()) > min(run, 3)  # some graph's rows came in several runs


@pytest.mark.parametrize("rows", [
    (),
    (("rank", "<r1>", 1),),
    tuple(("rank", f"<r{n:02d}>", n) for n in range(1, 12)),
])
@pytest.mark.parametrize("most", [1, 2, 5000])
def test_a_tally_graph_made_a_run_at_a_time_is_signed_by_all_its_rows(monkeypatch, rows, most):
    from kg import summaries

    monkeypatch.setattr(summaries, "PIECE_ROWS", most)
    tally = TallyGraph.of(iter(rows), "1")
    # the signature a store written before holds for the same rows
    assert tally.signature == hashlib.sha256(repr(("1", rows)).encode("utf-8")).hexdigest()
    assert tally.rows == rows and len(tally.packed) == -(-len(rows) // most)


def test_tallies_of_meetings_as_they_come_are_those_of_the_mapping():
    meetings = {M1: facts("KZ JP", "oblys", "trade", "a.txt", "2024"), M2: facts("KZ BE", "qala", "", "b.txt"),
                M3: facts("KZ JP", "", "energy trade", "c.txt", "2024")}
    def signed(graphs: dict[str, TallyGraph]) -> dict[str, tuple[str, tuple]]:
        return {iri: (g.signature, g.rows) for iri, g in graphs.items()}

    whole = signed(tally_graphs(meetings, STATES, version="1"))
    for order in (list(meetings.items()), list(reversed(meetings.items()))):
        assert signed(tally_graphs(iter(order), STATES, version="1")) == whole


def _told(key: str, *meetings: tuple[tuple[str, ...], str]) -> Extraction:
    ev = Evidence(key, Span(0, 1, "x"), Span(0, 1, "x"))
    return Extraction(Report(key, "x", "kk", published=date(2025, 3, 14)), (), (),
                      meetings=tuple(Meeting(p, ev, date=PartialDate(2025, 3, 14), topics=()) for p, _ in meetings))


@pytest.mark.parametrize(("extractions", "expected"), [
    # one meeting two reports tell is one node with both reports; a meeting only one report tells is its own
    ([_told("a.txt", (("person:a", "person:b"), "")), _told("b.txt", (("person:a", "person:b"), ""),
                                                                   (("person:a", "person:c"), ""))],
     {("a.txt", 1): ("a.txt", "b.txt"), ("b.txt", 2): ("b.txt",)}),
    ([_told("a.txt", (("person:a", "person:b"), ""), (("person:b", "person:c"), ""))],
     {("a.txt", 1): ("a.txt",), ("a.txt", 2): ("a.txt",)}),
])
def test_each_meeting_node_is_given_once_with_the_reports_that_tell_it(extractions, expected):
    served = {"person:a": frozenset({"KZ"}), "person:b": frozenset({"JP"}), "person:c": frozenset({"BE"})}
    given = list(meeting_facts(extractions, {}, {}, joined_events(extractions, {}), served))
    assert len(given) == len({node for node, _ in given})
    assert {node: seen.reports for node, seen in given} == {meeting_term(ref): files for ref, files in expected.items()}


def test_a_graph_of_tallies_in_pieces_is_its_n_triples_though_a_pair_is_in_several_runs(monkeypatch):
    from kg import summaries

    monkeypatch.setattr(summaries, "PIECE_ROWS", 1)
    rows = (("sector", "KZ", "JP", "trade", 2), ("sector", "KZ", "JP", "water", 1))  # the pair's triples in each run
    tally = TallyGraph.of(rows, "1")
    assert len(tally.packed) == 2
    assert b"".join(tally.pieces()) == tally.ntriples()


AB, BC, ABC = ("person:a", "person:b"), ("person:b", "person:c"), ("person:a", "person:b", "person:c")


@pytest.mark.parametrize(("extractions", "redirect", "expected"), [
    ([], {}, None),
    ([_told("a.txt", (AB, ""))], {}, 2),
    # the lower quartile of the reports' pairs of a meeting and a participant: 2, 3, 4 and 5 pairs
    ([_told("a.txt", (AB, "")), _told("b.txt", (ABC, "")), _told("c.txt", (AB, ""), (AB, "")),
      _told("d.txt", (AB, ""), (ABC, ""))], {}, 3),
    # a report that tells no meeting gives none
    ([_told("a.txt"), _told("b.txt", (AB, "")), _told("c.txt", (AB, "")), _told("d.txt", (AB, ""))], {}, 2),
    ([_told("a.txt"), _told("b.txt"), _told("c.txt", (AB, "")), _told("d.txt", (AB, ""))], {}, 0),
    # two names of one person are one participant
    ([_told("a.txt", (ABC, ""))], {"person:c": "person:a"}, 2),
    # a meeting two reports tell, with the same participants, gives its pairs in each
    ([_told("a.txt", (AB, "")), _told("b.txt", (AB, ""), (BC, ""))], {}, 2),
])
def test_the_participants_per_report_are_the_lower_quartile_of_the_pairs_each_report_tells(extractions, redirect,
                                                                                          expected):
    assert participants_per_report(extractions, redirect, joined_events(extractions, redirect)) == expected


def test_the_participants_per_report_are_those_of_the_report_graphs(seeds_store):
    told = sorted(int(row[1].value) for row in seeds_store.query(PREFIXES + """SELECT ?r (COUNT(?p) AS ?n) WHERE {
        ?r a dip:Report OPTIONAL { ?m dip:reportedIn ?r ; dip:participant ?p } } GROUP BY ?r"""))
    figure = rows(seeds_store, "SELECT ?n WHERE { <https://w3id.org/dipkg/resource/collection> "
                               "dip:participantsPerReport ?n }")
    assert figure == {(str(ox.Literal(str(told[len(told) // 4]), datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer"))),)}
