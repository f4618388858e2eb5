"""Paging: --limit and --offset cut a query's rows into pages that add up to the whole answer."""

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import query as q
from kg.cli import main
from kg.errors import DipkgError


@pytest.fixture(scope="module")
def graph_file(seed_files):
    return seed_files["ttl"]


@pytest.fixture(scope="module")
def store(graph_file) -> ox.Store:
    return q.load_store(graph_file)


@pytest.mark.parametrize(("name", "params"), [("who-met-whom", {}), ("report-mentions", {}), ("countries", {}),
                                              ("persons-by-role", {}), ("explain", {"node": "Kazakhstan"})])
@pytest.mark.parametrize("size", [1, 3, 4])
def test_pages_add_up_to_the_whole_answer(store, name, params, size):
    whole = q.ask(store, name, params)
    assert len(whole.rows) > size, "the seeds give more rows than one page"
    pages, offset = [], 0
    while True:
        page = q.ask(store, name, params, limit=size, offset=offset)
        assert page.offset == offset and len(page.rows) <= size
        pages.extend(page.rows)
        offset += len(page.rows)
        if not page.more:
            break
        assert len(page.rows) == size
    assert tuple(pages) == whole.rows
    assert not whole.more and whole.offset == 0


def test_a_page_past_the_end_is_empty(store):
    whole = q.ask(store, "countries")
    page = q.ask(store, "countries", limit=5, offset=len(whole.rows))
    assert page.rows == () and not page.more


def test_an_exact_last_page_says_no_more(store):
    whole = q.ask(store, "countries")
    page = q.ask(store, "countries", limit=len(whole.rows))
    assert page.rows == whole.rows and not page.more


def test_paging_keeps_the_parameters(store):
    whole = q.ask(store, "persons-by-role", {"role": "ambassador"})
    page = q.ask(store, "persons-by-role", {"role": "ambassador"}, limit=1, offset=1)
    assert page.rows == whole.rows[1:2]


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (3, -2)])
def test_negative_limit_or_offset_is_an_error(store, limit, offset):
    with pytest.raises(DipkgError, match="must not be negative"):
        q.ask(store, "countries", limit=limit, offset=offset)


@pytest.mark.parametrize(("result", "line"), [
    (q.Result(("a",), ((None,),) * 3), "(3 rows)"),
    (q.Result(("a",), ((None,),) * 3, offset=0, more=True), "(3 rows shown, rows 1–3; more rows follow: --offset 3)"),
    (q.Result(("a",), ((None,),) * 2, offset=3), "(2 rows shown, rows 4–5; no more rows)"),
    (q.Result(("a",), (), offset=9), "(0 rows shown, no rows after row 9; no more rows)"),
])
def test_table_says_when_rows_were_cut(result, line):
    assert q.render(result, "table").splitlines()[-1] == line


def test_cli_pages_the_table(graph_file):
    args = ["query", "who-met-whom", "--graph", str(graph_file), "--limit", "2", "--offset", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 2 + 2 + 1
    assert lines[-1] == "(2 rows shown, rows 2–3; more rows follow: --offset 3)"


def test_cli_json_gives_one_page(graph_file, store):
    whole = q.ask(store, "who-met-whom")
    args = ["query", "who-met-whom", "--graph", str(graph_file), "--format", "json", "--limit", "3", "--offset", "2"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.output)["results"]["bindings"]
    assert [b["name"]["value"] for b in bindings] == [row[2].value for row in whole.rows[2:5]]


def test_cli_table_shows_a_default_page(graph_file, monkeypatch):
    monkeypatch.setattr(q, "TABLE_ROWS", 2)
    result = CliRunner().invoke(main, ["query", "who-met-whom", "--graph", str(graph_file)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "(2 rows shown, rows 1–2; more rows follow: --offset 2)"
    csv_out = CliRunner().invoke(main, ["query", "who-met-whom", "--graph", str(graph_file), "--format", "csv"])
    assert len(csv_out.output.strip().splitlines()) > 3


def test_cli_refuses_a_negative_limit(graph_file):
    result = CliRunner().invoke(main, ["query", "countries", "--graph", str(graph_file), "--limit", "-1"])
    assert result.exit_code != 0


@pytest.mark.parametrize(("limit", "offset", "clause"), [
    (10, 0, "LIMIT 11 "), (10, 20, "LIMIT 11 OFFSET 20"), (None, 5, "OFFSET 5"), (0, 0, "LIMIT 1 ")])
def test_a_page_goes_into_the_page_line(limit, offset, clause):
    text = "SELECT * WHERE {\n  { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n    #PAGE\n  }\n}"
    paged, skip = q._paged(text, limit, offset)
    assert skip == 0 and "#PAGE" not in paged and clause.strip() in paged


@pytest.mark.parametrize("text", ["SELECT * WHERE { ?x ?p ?o }", "SELECT * WHERE { ?x ?p ?o } # no #PAGE line here"])
def test_a_query_without_a_page_line_is_paged_by_skipping_rows(text):
    assert q._paged(text, 10, 20) == (text, 20)


def test_an_offset_alone_pages_who_met_whom(store):
    whole = q.ask(store, "who-met-whom")
    assert q.ask(store, "who-met-whom", offset=2).rows == whole.rows[2:]
