"""The shapes that make the named queries fast keep their answers: a page reached through ``#REACH``
is the same page, and regions-engaged lists what a region's meetings discussed when one of them has no
known topic."""

import pyoxigraph as ox
import pytest

from kg import query as q
from kg.errors import DipkgError
from kg.summaries import MeetingFacts, tally_graphs

DIP = "https://w3id.org/dipkg/ontology#"

TTL = """@prefix dip: <https://w3id.org/dipkg/ontology#> .
@prefix country: <https://w3id.org/dipkg/resource/country/> .
@prefix place: <https://w3id.org/dipkg/resource/place/> .
@prefix report: <https://w3id.org/dipkg/resource/report/> .
@prefix person: <https://w3id.org/dipkg/resource/person/> .
@prefix post: <https://w3id.org/dipkg/resource/post/> .
@prefix meeting: <https://w3id.org/dipkg/resource/meeting/> .
@prefix sector: <https://w3id.org/dipkg/sector/> .
@prefix role: <https://w3id.org/dipkg/role/> .

country:KZ a dip:Country ; dip:countryCode "KZ" .
place:oblys a dip:Region ; dip:inCountry country:KZ ; dip:displayLabel "Оңтүстік облысы"@kk ;
    dip:labelKey "оңтүстік облысы" .
place:qala a dip:City ; dip:inCountry country:KZ ; dip:displayLabel "Жаңа қала"@kk ; dip:labelKey "жаңа қала" .
report:a a dip:Report ; dip:sourceFile "a.txt" .
report:b a dip:Report ; dip:sourceFile "b.txt" .
report:c a dip:Report ; dip:sourceFile "c.txt" .
# reports that tell no meeting, one before the others and one between them: they give no row of who-met-whom
report:0 a dip:Report ; dip:sourceFile "0.txt" .
report:bb a dip:Report ; dip:sourceFile "bb.txt" .
person:unnamed a dip:Person .
person:anna a dip:Person ; dip:displayLabel "Анна Ким"@kk .
person:li a dip:Person ; dip:displayLabel "Ли Смит"@kk ; dip:holds post:akim .
post:akim a dip:Post ; dip:role role:mayor ; dip:jurisdiction place:qala ; dip:servesKey "KZ" .
# a meeting of report a whose participant has no name to show: report a gives no row of who-met-whom
meeting:a-1 a dip:Meeting ; dip:reportedIn report:a ; dip:participant person:unnamed ;
    dip:location place:oblys ; dip:countryKey "KZ", "JP" ; dip:yearKey "" ; dip:sectorKey "" .
meeting:b-1 a dip:Meeting ; dip:reportedIn report:b ; dip:participant person:anna ;
    dip:location place:oblys ; dip:countryKey "KZ", "JP" ; dip:yearKey "" ; dip:sectorKey "trade" ;
    dip:topic sector:trade .
meeting:c-1 a dip:Meeting ; dip:reportedIn report:c ; dip:participant person:li, person:anna ;
    dip:countryKey "KZ", "KR" ; dip:yearKey "" ; dip:sectorKey "" .
"""


def loaded(turtle: str) -> ox.Store:
    """A store of the graph with the reports' ranks and their blocks as the build states them
    (``kg.summaries.report_ranks``): in the order of their file names."""
    s = ox.Store()
    s.load(turtle.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    files = sorted((sol["f"].value, sol["r"].value) for sol in s.query(f"SELECT ?r ?f {{ ?r <{DIP}sourceFile> ?f }}"))
    ranks = {f"<{r}>": n for n, (_, r) in enumerate(files, start=1)}
    for tally in tally_graphs({}, {}, ranks=ranks).values():
        s.load(tally.ntriples(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return s


MEETING = "https://w3id.org/dipkg/resource/meeting/"
PLACE = "https://w3id.org/dipkg/resource/place/"
# The meetings above as the build tallies them (kg.summaries): held in the region, or with the city's mayor.
FACTS = {f"<{MEETING}{m}>": MeetingFacts.of(countries=countries, years=[""], sectors=sectors,
                                             places=[f"<{PLACE}{place}>"], reports=[f"{m[0]}.txt"])
         for m, countries, sectors, place in [("a-1", ("KZ", "JP"), ("",), "oblys"),
                                              ("b-1", ("KZ", "JP"), ("trade",), "oblys"),
                                              ("c-1", ("KZ", "KR"), ("",), "qala")]}


STATES = {f"<{PLACE}oblys>": frozenset({"KZ"}), f"<{PLACE}qala>": frozenset({"KZ"})}


def tallied(s: ox.Store) -> ox.Store:
    """The store with the tallies of the meetings above, as the build writes them."""
    for tally in tally_graphs(FACTS, STATES).values():
        s.load(tally.ntriples(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return s


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return tallied(loaded(TTL))


@pytest.mark.parametrize(("limit", "offset", "clause"), [(10, 0, "LIMIT 11"), (10, 20, "LIMIT 31"), (0, 0, "LIMIT 1")])
def test_a_reach_line_limits_the_rows_a_page_can_reach(limit, offset, clause):
    text = "SELECT * WHERE {\n  { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n    #REACH\n  }\n}"
    paged, skip = q._paged(text, limit, offset, reach=offset + limit + 1)
    assert skip == offset and "#REACH" not in paged and clause in paged
    assert q._paged(text, limit, offset) == (text, offset)


def test_a_reached_subquery_written_twice_is_limited_alike():
    # reports-mentioning-organization joins the same first reports twice: both must be the same rows
    sub = "{ SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n    #REACH\n  }"
    paged, _ = q._paged(f"SELECT * WHERE {{\n  {sub}\n  OPTIONAL {{ {sub} }}\n}}", 10, 5, reach=16)
    assert "#REACH" not in paged and paged.count("LIMIT 16") == 2


def test_without_a_limit_the_reach_line_stays_a_comment():
    text = "SELECT * WHERE {\n  { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n    #REACH\n  }\n}"
    assert q._paged(text, None, 3) == (text, 3)


@pytest.mark.parametrize(("name", "expected"), [
    ("who-met-whom", {"": ["b.txt", "c.txt", "c.txt"], "c.txt": ["c.txt", "c.txt"], "b.txt": ["b.txt"]}),
    ("report-meetings", {"": ["a.txt", "b.txt", "c.txt"], "c.txt": ["c.txt"], "b.txt": ["b.txt"]}),
])
@pytest.mark.parametrize("params", [{}, {"report": "c.txt"}, {"report": "b.txt"}, {"report": "none.txt"}])
@pytest.mark.parametrize("limit", [None, 1, 2])
def test_a_query_by_report_is_the_same_with_the_ranks_as_by_the_names(store, name, expected, params, limit):
    # the ranks only make the order cheaper; a graph without them is ordered by the file names, and a report
    # given as the parameter is found either way
    plain = ox.Store()  # the same graph and tallies, without the ranks
    plain.load(TTL.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    tallied(plain)
    assert not any(plain.quads_for_pattern(None, ox.NamedNode(f"{DIP}reportRank"), None))
    ranked = q.ask(store, name, params, limit=limit)
    assert ranked.rows == q.ask(plain, name, params, limit=limit).rows
    assert [row[0].value for row in ranked.rows] == expected.get(params.get("report", ""), [])[:limit]


@pytest.mark.parametrize(("limit", "offset", "blocks"), [
    (10, 0, "0"), (99, 0, "0"), (100, 0, "0 1"), (10, 95, "0 1"), (100, 150, "0 1 2")])
def test_a_blocks_line_lists_the_blocks_of_the_ranks_a_page_reaches(limit, offset, blocks):
    # a page and the row after it: ranks 1 to offset + limit + 1, in blocks of RANK_BLOCK ranks
    text = "SELECT * WHERE {\n  { SELECT ?r WHERE {\n    #BLOCKS\n    ?r ?p ?block } ORDER BY ?r\n    #REACH\n  }\n}"
    paged, _ = q._paged(text, limit, offset, reach=offset + limit + 1)
    assert f"    VALUES ?block {{ {blocks} }}\n" in paged and "#BLOCKS" not in paged
    assert q._paged(text, limit, offset) == (text, offset)


REACHED = "SELECT * WHERE {\n  { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n    #REACH\n  }\n}"


@pytest.mark.parametrize(("text", "limit", "offset", "expected"), [
    (REACHED, 100, 0, [101, None]),  # the rows of a page and the one after it, then every row
    ("#ROWS 2\n" + REACHED, 100, 0, [51, 101, None]),  # first half as many, as each gives two rows
    ("#ROWS 3\n" + REACHED, 10, 20, [11, 31, None]),
    ("#ROWS 2\n" + REACHED, None, 0, [None]),  # no page: every row
    ("#ROWS 2\nSELECT * WHERE { ?x ?p ?o }", 10, 0, [None]),  # nothing to reach
])
def test_a_page_is_tried_with_the_reaches_its_rows_may_need(text, limit, offset, expected):
    assert q._reaches(text, limit, offset) == expected


FIGURED = "#ROWS 2 participantsPerReport\n" + REACHED


@pytest.mark.parametrize(("figure", "expected"), [
    (None, [51, 101, None]),  # the store has none: the number of the line
    ('"6"^^<http://www.w3.org/2001/XMLSchema#integer>', [17, 101, None]),  # a sixth as many as the rows needed
    ('"1"^^<http://www.w3.org/2001/XMLSchema#integer>', [101, None]),
    ('"0"^^<http://www.w3.org/2001/XMLSchema#integer>', [101, None]),  # at least one row a report
    ('"six"', [51, 101, None]),  # not a count
])
def test_a_page_reaches_as_many_rows_as_the_collection_s_figure_says(figure, expected):
    store = ox.Store()
    if figure is not None:
        store.load(f"<{q.COLLECTION}> <{q.ONTOLOGY}participantsPerReport> {figure} .".encode(),
                   format=ox.RdfFormat.N_TRIPLES)
    assert q._reaches(FIGURED, 100, 0, store) == expected


@pytest.mark.parametrize("figure", [1, 2, 50])
@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (2, 1), (3, 0), (1, 4)])
def test_who_met_whom_pages_are_the_whole_answer_whatever_the_figure(store, figure, limit, offset):
    # a figure larger than the reports give reaches too few of them, and the page is read again with more
    figured = ox.Store()
    figured.extend(quad for quad in store if quad.predicate.value != f"{q.ONTOLOGY}participantsPerReport")
    figured.add(ox.Quad(ox.NamedNode(q.COLLECTION), ox.NamedNode(f"{q.ONTOLOGY}participantsPerReport"),
                        ox.Literal(str(figure), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
    whole = q.ask(store, "who-met-whom").rows
    assert q.ask(figured, "who-met-whom", limit=limit, offset=offset).rows == whole[offset:offset + limit]


@pytest.mark.parametrize("name", ["who-met-whom", "report-meetings", "report-mentions"])
@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (1, 1), (2, 0), (1, 3), (2, 2), (5, 0), (3, 1)])
def test_a_page_reached_through_small_blocks_of_ranks_is_the_page_of_the_whole_answer(monkeypatch, name, limit,
                                                                                      offset):
    # blocks of two ranks: a page's reports lie in several blocks, and a page past the first block skips one
    monkeypatch.setattr(q, "RANK_BLOCK", 2)
    small = loaded(TTL)
    blocks = {sol["b"].value for sol in small.query(f"SELECT ?b {{ ?r <{DIP}rankBlock> ?b }}")}
    assert blocks == {"0", "1", "2"}
    whole = q.ask(small, name)
    page = q.ask(small, name, limit=limit, offset=offset)
    assert page.rows == whole.rows[offset:offset + limit]
    assert page.more == (offset + limit < len(whole.rows))


def test_ranks_without_their_blocks_order_the_reports_by_their_names(store):
    # a store written before the blocks: its reports are read in the order of their file names
    old = ox.Store()
    old.load(TTL.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    old.extend(q for q in store.quads_for_pattern(None, ox.NamedNode(f"{DIP}reportRank"), None))
    assert [row[0].value for row in q.ask(old, "who-met-whom", limit=2).rows] == ["b.txt", "c.txt"]


@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (1, 1), (2, 0), (1, 2), (5, 0), (0, 0), (2, 1)])
def test_a_page_whose_reach_falls_short_is_the_page_of_the_whole_answer(store, limit, offset):
    whole = q.ask(store, "who-met-whom")
    assert [row[0].value for row in whole.rows] == ["b.txt", "c.txt", "c.txt"]
    page = q.ask(store, "who-met-whom", limit=limit, offset=offset)
    assert page.rows == whole.rows[offset:offset + limit]
    assert page.more == (offset + limit < len(whole.rows))


def test_regions_engaged_lists_the_topics_when_a_meeting_has_none(store):
    rows = {(r[1].value, r[2].value): (int(r[3].value), r[4].value) for r in q.ask(store, "regions-engaged").rows}
    assert rows == {("Оңтүстік облысы", "JP"): (2, "trade"), ("Жаңа қала", "KR"): (1, "")}


ORGS = """@prefix dip: <https://w3id.org/dipkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <https://w3id.org/dipkg/resource/organization/> .
@prefix report: <https://w3id.org/dipkg/resource/report/> .
@prefix ev: <https://w3id.org/dipkg/resource/evidence/> .

dip:Company rdfs:subClassOf dip:Organization .
org:a a dip:Company ; dip:labelKey "acme" ; dip:displayLabel "Acme"@en .
org:b a dip:Company ; dip:quoteKey "acme" ; dip:displayLabel "Acme Steel"@en .
""" + "".join(
    f"""report:{r} dip:sourceFile "{r}.txt" ; dip:mentions org:{o} ; dip:evidence ev:{r}{o} .
ev:{r}{o} dip:supportsValue org:{o} ; dip:supportsProperty dip:mentions ; dip:sentence "..." ;
    dip:sentenceStart {start} ; dip:sentenceEnd {start + 9} .
""" for r, o, start in [("r1", "a", 5), ("r2", "a", 50), ("r2", "b", 10), ("r3", "b", 0), ("r4", "a", 7),
                        ("r4", "b", 3)])


@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (1, 1), (2, 1), (1, 2), (3, 2), (2, 4), (9, 0)])
def test_a_page_of_two_organizations_of_one_name_is_the_page_of_the_whole_answer(limit, offset):
    s = loaded(ORGS)
    whole = q.ask(s, "reports-mentioning-organization", {"organization": "Acme"})
    assert [(row[1].value, row[0].value) for row in whole.rows] == [
        ("r1.txt", "Acme"), ("r2.txt", "Acme Steel"), ("r2.txt", "Acme"), ("r3.txt", "Acme Steel"),
        ("r4.txt", "Acme Steel"), ("r4.txt", "Acme")]
    page = q.ask(s, "reports-mentioning-organization", {"organization": "Acme"}, limit=limit, offset=offset)
    assert page.rows == whole.rows[offset:offset + limit]


@pytest.mark.parametrize(("limit", "offset"), [(None, 0), (1, 0), (1, 1), (2, 0)])
def test_a_report_without_evidence_of_the_organization_is_one_row_without_a_sentence(limit, offset):
    # the report's row reads no evidence node: an unbound one would match every sentence of the graph
    without = """report:r0 dip:sourceFile "r0.txt" ; dip:mentions org:a ; dip:published "2026-01-02" ."""
    s = loaded(ORGS + without)
    whole = q.ask(s, "reports-mentioning-organization", {"organization": "Acme"})
    assert [(row[1].value, row[3] and row[3].value) for row in whole.rows][:3] == [
        ("r0.txt", None), ("r1.txt", "..."), ("r2.txt", "...")]
    assert len(whole.rows) == 7 and whole.rows[0][2].value == "2026-01-02"
    if limit is not None:
        page = q.ask(s, "reports-mentioning-organization", {"organization": "Acme"}, limit=limit, offset=offset)
        assert page.rows == whole.rows[offset:offset + limit]


NODES = """@prefix dip: <https://w3id.org/dipkg/ontology#> .
@prefix person: <https://w3id.org/dipkg/resource/person/> .
@prefix report: <https://w3id.org/dipkg/resource/report/> .
@prefix ev: <https://w3id.org/dipkg/resource/evidence/> .

person:a dip:labelKey "aida" .
person:b dip:labelKey "aida" .
""" + "".join(
    f"""report:{r} dip:sourceFile "{r}.txt" ; dip:mentions person:{p} ; dip:evidence ev:{r}{p}{start} .
ev:{r}{p}{start} dip:supportsValue person:{p} ; dip:supportsProperty dip:mentions ; dip:quote "Aida" ;
    dip:sentence "..." ; dip:sentenceStart {start} ; dip:sentenceEnd {start + 9} .
""" for r, p, start in [("r1", "b", 5), ("r2", "a", 50), ("r2", "a", 4), ("r2", "b", 10), ("r3", "b", 0),
                        ("r4", "a", 7), ("r5", "b", 3), ("r6", "a", 1), ("r7", "b", 2), ("r8", "a", 6)])


@pytest.mark.parametrize(("limit", "offset"), [(1, 0), (1, 1), (2, 1), (1, 3), (3, 2), (2, 5), (1, 6), (4, 7), (9, 0)])
def test_a_page_of_two_nodes_of_one_name_is_the_page_of_the_whole_explanation(limit, offset):
    s = loaded(NODES)
    whole = q.ask(s, "explain", {"node": "Aida"})
    assert [(row[1].value[-1], row[4].value, int(row[5].value)) for row in whole.rows] == [
        ("a", "r2.txt", 4), ("a", "r2.txt", 50), ("a", "r4.txt", 7), ("a", "r6.txt", 1), ("a", "r8.txt", 6),
        ("b", "r1.txt", 5), ("b", "r2.txt", 10), ("b", "r3.txt", 0), ("b", "r5.txt", 3), ("b", "r7.txt", 2)]
    page = q.ask(s, "explain", {"node": "Aida"}, limit=limit, offset=offset)
    assert page.rows == whole.rows[offset:offset + limit]


KEYED = ORGS + """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix person: <https://w3id.org/dipkg/resource/person/> .
@prefix meeting: <https://w3id.org/dipkg/resource/meeting/> .
person:k a dip:Person ; skos:hiddenLabel "krm" ; dip:displayLabel "Карим"@kk .
meeting:r1-1 a dip:Meeting ; dip:participant person:k ; dip:reportedIn report:r1 .
report:r1 dip:mentions person:k ; dip:evidence ev:r1k .
ev:r1k dip:supportsValue person:k ; dip:supportsProperty dip:mentions ; dip:sentence "..." ; dip:sentenceStart 1 .
"""
OTHER_ITEMS = [f"x{n}" for n in range(q.LIST_ITEMS)]
RES = "https://w3id.org/dipkg/resource/"


@pytest.mark.parametrize("place", [0, 1, 3, 15, 16, 19, q.LIST_ITEMS - 1])
@pytest.mark.parametrize(("name", "param", "item", "column", "expected"), [
    ("reports-mentioning-organization", "organizationForms", "acme", "org",
     {f"{RES}organization/a", f"{RES}organization/b"}),
    ("explain", "nodeKeys", "krm", "entity", {f"{RES}person/k"}),
    ("person-meetings", "personKeys", "krm", "meeting", {f"{RES}meeting/r1-1"}),
])
def test_each_item_of_a_list_of_keys_or_forms_finds_its_nodes(name, param, item, column, expected, place):
    # the items are looked up one by one (list-items), up to the most a list may have; a list without the item
    # finds nothing
    s = loaded(KEYED)
    others = {"explain": {"node": "n", "nodeLower": "n"}, "person-meetings": {"personLower": "p"}}.get(name, {})
    items = [*OTHER_ITEMS[:place], item, *OTHER_ITEMS[place:]][: max(place + 1, 4)]
    text = q.named_query(name).text
    for listed, wanted in [(items, expected), ([i for i in items if i != item], set())]:
        result = q.run(s, text, params={**others, param: "|" + "|".join(listed) + "|"}, library=True)
        at = result.variables.index(column)
        assert {row[at].value for row in result.rows} == wanted, (len(listed), wanted)


def test_a_name_with_more_forms_than_a_query_reads_is_a_one_line_error(monkeypatch):
    # ЮНЕСКО-мен is no node's name as written: its forms in every language are looked up, four of them
    monkeypatch.setattr(q, "LIST_ITEMS", 3)
    with pytest.raises(DipkgError, match=r"^reports-mentioning-organization: --param organization='ЮНЕСКО-мен': "
                                         r"more than 3 forms to look up$"):
        q.ask(loaded(ORGS), "reports-mentioning-organization", {"organization": "ЮНЕСКО-мен"})
    monkeypatch.setattr(q, "LIST_ITEMS", 4)
    assert q.ask(loaded(ORGS), "reports-mentioning-organization", {"organization": "ЮНЕСКО-мен"}).rows == ()
