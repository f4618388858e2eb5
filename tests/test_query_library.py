"""The named queries of kg/queries: what they answer on the seed reports, how parameters bind."""

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import query as q
from kg import query_text as qt
from kg.cli import main
from kg.errors import DipkgError

ROOT = Path(__file__).resolve().parent.parent
VASILENKO_MEETING = "meeting/000-96af8c5a6d4c3167-txt-983b7e1267-1"
REQUIRED_EXAMPLES = {"person": "Роман Василенко", "organization": "UNESCO", "meeting": VASILENKO_MEETING,
                     "node": "Роман Василенко"}


@pytest.fixture(scope="module")
def graph_file(seed_files) -> Path:
    return seed_files["ttl"]


@pytest.fixture(scope="module")
def store(graph_file) -> ox.Store:
    return q.load_store(graph_file)


def ask(store, name: str, **params: str) -> list[dict[str, str]]:
    sparql, bound = q.resolve(name, params)
    result = q.run(store, sparql, params=bound)
    return [{v: "" if t is None else t.value for v, t in zip(result.variables, row, strict=True)}
            for row in result.rows]


def test_every_named_query_says_what_it_answers_and_documents_its_params():
    names = {nq.name for nq in q.named_queries()}
    assert {"who-met-whom", "meetings-between-countries", "regions-engaged", "persons-by-role", "person-meetings",
            "top-sectors-by-partner", "reports-mentioning-organization", "meeting-evidence"} <= names
    for nq in q.named_queries():
        assert len(nq.description) > 20, nq.name
        for p in nq.params:
            assert p.kind in q.KINDS and p.description, (nq.name, p.name)


@pytest.mark.parametrize("named", q.named_queries(), ids=lambda nq: nq.name)
def test_binding_a_param_filters_to_exactly_the_rows_with_that_value(store, named):
    """Each parameter is projected and bound outside OPTIONAL: bound, it keeps the unbound run's rows
    with that value, no more, no fewer."""
    required = {p.name: REQUIRED_EXAMPLES[p.name] for p in named.params if p.required}
    rows = ask(store, named.name, **required)
    assert rows, f"{named.name} answers nothing on the seeds"
    for p in named.params:
        if p.required:
            continue
        values = [r[p.name] for r in rows if r[p.name]]
        assert values, f"{named.name}: no value of {p.name} to try"
        value = values[-1]
        bound = ask(store, named.name, **required, **{p.name: value})
        assert bound and all(r[p.name] == value for r in bound)
        assert len(bound) == sum(r[p.name] == value for r in rows)


@pytest.mark.parametrize(("name", "params", "column", "expected"), [
    ("meetings-between-countries", {"country": "KZ", "partner": "BE", "year": "2026", "sector": "logistics"},
     "meetings", {"1"}),
    ("meetings-between-countries", {"country": "kz", "partner": "PT", "sector": "education"}, "meetings", {"2"}),
    ("meetings-between-countries", {"country": "KZ", "partner": "BE", "year": "2025"}, "meetings", set()),
    ("regions-engaged", {"country": "BE"}, "region", {"Льеж провинциясы"}),
    ("regions-engaged", {"country": "BE", "partner": "KZ"}, "meetings", {"1"}),
    ("persons-by-role", {"role": "ambassador", "country": "KZ"}, "name", {"Роман Василенко", "Жан Ғалиев"}),
    ("persons-by-role", {"role": "governor"}, "jurisdiction", {"Льеж провинциясы", "Алматинская область"}),
    ("person-meetings", {"person": "р. василенко"}, "with", {"Эрве Жамар"}),
    ("person-meetings", {"person": "Жан Ғалиев"}, "with", {"Рикарду Араужу", "Жил Виейра", "Рауль Фангейру"}),
    ("reports-mentioning-organization", {"organization": "юнеско"}, "report", {"001_7e26e4af5a0f6119.txt"}),
    ("reports-mentioning-organization", {"organization": "JTI"}, "report", {"004_2c1c7d9b27086156.txt"}),
    ("top-sectors-by-partner", {"country": "KZ", "partner": "JP"}, "sector",
     {"agriculture", "culture", "economy", "education", "food-industry", "healthcare", "innovation", "investment",
      "trade"}),
    ("report-meetings", {"report": "001_7e26e4af5a0f6119.txt"}, "date", {"2025-12-22"}),
    ("countries", {"country": "be"}, "wikidata", {"http://www.wikidata.org/entity/Q31"}),
    ("who-met-whom", {"report": "000_96af8c5a6d4c3167.txt"}, "name", {"Роман Василенко", "Эрве Жамар"}),
    # the place by its name in the report's language (a Kazakh report: not Almaty Region)
    ("who-met-whom", {"report": "004_2c1c7d9b27086156.txt"}, "place", {"Алматы облысы"}),
])
def test_named_queries_answer_the_seeds(store, name, params, column, expected):
    assert {r[column] for r in ask(store, name, **params)} == expected


def test_most_discussed_sector_comes_first(store):
    rows = ask(store, "top-sectors-by-partner", country="KZ", partner="PT")
    assert [r["meetings"] for r in rows] == sorted((r["meetings"] for r in rows), key=int, reverse=True)
    assert rows[0]["sector"] == "education" and rows[0]["meetings"] == "2" and rows[1]["meetings"] == "1"


def test_person_meetings_in_time_order(store):
    rows = ask(store, "person-meetings", person="Жан Ғалиев")
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["name"] for r in rows} == {"Жан Ғалиев"}


def test_meeting_evidence_points_at_the_sentences(store, seeds_build):
    rows = ask(store, "meeting-evidence", meeting="res:" + VASILENKO_MEETING)
    texts = {x.report.source_file: x.report.text for x in seeds_build.extractions}
    props = {r["property"].rsplit("#", 1)[-1] for r in rows}
    assert {"participant", "location", "date", "topic", "holds"} <= props
    for r in rows:
        assert texts[r["report"]][int(r["sentenceStart"]):int(r["sentenceEnd"])] == r["sentence"]
        assert r["quote"] in r["sentence"]


@pytest.mark.parametrize("hostile", ['Роман Василенко") } #', "x' . ?s ?p ?o", "\\u0022 } UNION { ?p ?q ?r"])
def test_values_never_become_query_text(store, hostile):
    assert ask(store, "person-meetings", person=hostile) == []
    assert ask(store, "reports-mentioning-organization", organization=hostile) == []


@pytest.mark.parametrize(("name", "params", "message"), [
    ("countries", {"colour": "red"}, "unknown parameter 'colour'"),
    ("countries", {"country": "Belgium"}, "ISO 3166-1 alpha-2"),
    ("meetings-between-countries", {"year": "last"}, "expected an integer"),
    ("persons-by-role", {"role": "Head of state"}, "skos:notation"),
    ("meeting-evidence", {"meeting": "http://a b"}, "expected an IRI"),
    ("meeting-evidence", {}, "needs --param meeting="),
    ("no-such-query", {}, "neither SPARQL nor a named query"),
])
def test_parameter_errors_are_one_line(name, params, message):
    with pytest.raises(DipkgError) as err:
        q.resolve(name, params)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_kinds_type_the_values():
    assert q.KINDS["integer"]("2025") == ox.Literal(2025)
    assert q.KINDS["code"]("be") == ox.Literal("BE")
    assert q.KINDS["iri"]("res:person/x") == ox.NamedNode("https://w3id.org/dipkg/resource/person/x")
    assert q.KINDS["string"]("Эрве") == ox.Literal("Эрве")


def test_cli_lists_named_queries_with_params():
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0, result.output
    for nq in q.named_queries():
        assert nq.name in result.output
        for p in nq.params:
            assert f"--param {p.name}=<{p.kind}>" in result.output


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_cli_formats(graph_file, fmt):
    args = ["query", "persons-by-role", "--graph", str(graph_file), "--format", fmt,
            "--param", "role=ambassador", "--param", "country=KZ"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        solutions = ox.parse_query_results(result.output.encode("utf-8"), format=ox.QueryResultsFormat.JSON)
        names = {s["name"].value for s in solutions}
    elif fmt == "table":
        names = {n for n in ("Роман Василенко", "Жан Ғалиев") if n in result.output}
        assert "(2 rows)" in result.output
    else:
        reader = csv.DictReader(io.StringIO(result.output), delimiter="," if fmt == "csv" else "\t")
        names = {r["name"] for r in reader}
    assert names == {"Роман Василенко", "Жан Ғалиев"}


def test_cli_unknown_param_is_one_line(graph_file):
    result = CliRunner().invoke(main, ["query", "countries", "--graph", str(graph_file), "--param", "year=2025"])
    assert result.exit_code != 0
    assert "unknown parameter 'year'" in result.output and len(result.output.strip().splitlines()) == 1


def test_json_is_sparql_results_json(store):
    sparql, bound = q.resolve("countries", {"country": "KZ"})
    data = json.loads(q.render(q.run(store, sparql, params=bound), "json"))
    assert data["head"]["vars"][0] == "country"
    (row,) = data["results"]["bindings"]
    assert row["country"] == {"type": "literal", "value": "KZ"}
    assert row["reports"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert row["wikidata"] == {"type": "uri", "value": "http://www.wikidata.org/entity/Q232"}


def test_trig_file_answers_each_triple_once_and_keeps_report_graphs(seeds_build, seed_files):
    store = q.load_store(seed_files["trig"])
    assert q.triples(store) == len(seeds_build.graph)
    codes = q.run(store, "PREFIX dip: <https://w3id.org/dipkg/ontology#> SELECT ?code { ?c dip:countryCode ?code }")
    assert len(codes.rows) == len({r[0] for r in codes.rows}) == 8
    graphs = {r[0].value for r in q.run(store, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }").rows}
    tallies = {g for g in graphs if g.startswith(q.RESOURCE + "graph/summaries/")}
    described = {g for g in graphs - tallies if "/" in g.removeprefix(q.RESOURCE + "graph/")}
    named = {r[0].value for r in q.run(store, "PREFIX dip: <https://w3id.org/dipkg/ontology#> "
                                              "SELECT DISTINCT ?e { ?r dip:mentions ?e }").rows}
    # a graph describes each entity the reports name, beside the node's own path
    assert {g.replace("/graph/", "/", 1) for g in described} >= named
    # three reports and the vocabulary, beside the collection's tallies and descriptions
    assert tallies and len(graphs - tallies - described) == 4
    assert q.RESOURCE + "graph/vocabulary" in graphs


@pytest.mark.parametrize("named", q.named_queries(), ids=lambda nq: nq.name)
def test_a_named_query_s_text_has_its_parts_taken_in(named):
    text = named.text
    assert not qt.has_directive(text, qt.INCLUDE)
    source = Path(named.path).read_text(encoding="utf-8")
    parts = {found[2][0] for line in source.split("\n") if (found := qt.directive(line)) and found[1] == qt.INCLUDE}
    if "reports-in-order" in parts:
        reaches = [line for line in text.split("\n") if (found := qt.directive(line)) and found[1] == qt.REACH]
        assert "{ SELECT ?report WHERE {} }" in text and len(reaches) == 1
    if "list-items" in parts:
        assert "VALUES ?ones { 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 }" in text and "?list" not in text
    assert parts <= {"reports-in-order", "list-items"}


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("cells", [
    ("plain", "two words"),
    ("a\ttab", 'a "quote"'),
    ("a, comma", "a\nline\r\nbreak"),
    ("", ""),
    ("=1+1", "Көшербаев"),  # a cell a spreadsheet would read as a formula is written with a leading '
])
def test_csv_and_tsv_are_written_as_the_csv_module_writes_them(fmt: str, cells: tuple[str, str]) -> None:
    from kg.spreadsheet import safe_cell

    result = q.Result(("a", "b"), ((ox.Literal(cells[0]), ox.Literal(cells[1])), (None, ox.Literal(cells[1]))))
    expected = io.StringIO()
    w = csv.writer(expected, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    w.writerow(["a", "b"])
    w.writerow([safe_cell(cells[0]), safe_cell(cells[1])])
    w.writerow(["", safe_cell(cells[1])])
    assert q.render(result, fmt) == expected.getvalue()
