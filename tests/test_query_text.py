"""kg.query_text: a named query's header lines, the parts it takes in and the lines a page fills."""

from __future__ import annotations

import pytest

from kg import query_text as qt
from kg.errors import DipkgError


@pytest.mark.parametrize(("text", "expected"), [
    ("SELECT * {\n  #INCLUDE reports-in-order\n}", "\n  { SELECT ?report WHERE {} }\n"),
    ("SELECT * {\n\t#INCLUDE  reports-in-order  \n}", "\n\tLATERAL {\n\t  { { FILTER"),
    ("SELECT * {\n  # not a line to include: #INCLUDE reports-in-order\n}", "#INCLUDE reports-in-order"),
    ("SELECT * { ?s ?p ?o }", "SELECT * { ?s ?p ?o }"),
])
def test_a_part_is_taken_in_at_its_include_line_with_the_line_s_indentation(text, expected):
    assert expected in qt.included(text)


def test_an_unknown_part_is_a_one_line_error():
    with pytest.raises(DipkgError, match="nosuch: no such part of a query"):
        qt.included("SELECT * {\n  #INCLUDE nosuch\n}")


@pytest.mark.parametrize(("line", "expected", "absent"), [
    ("#INCLUDE list-items list=organizationForms", "{ SELECT ?organizationForms ?item WHERE {", "?list"),
    ("#INCLUDE list-items list=nodeKeys item=key", "BIND(REPLACE(STR(?nodeKeys),", "?item"),
    ("#INCLUDE list-items", "{ SELECT ?list ?item WHERE {", "?organizationForms"),
])
def test_an_include_line_renames_the_part_s_variables(line, expected, absent):
    text = qt.included(f"SELECT * {{\n  {line}\n}}")
    assert expected in text and absent not in text


def test_renaming_a_variable_the_part_lacks_is_a_one_line_error():
    with pytest.raises(DipkgError, match=r"list-items: the part of a query has no variable \?nosuch"):
        qt.included("SELECT * {\n  #INCLUDE list-items nosuch=other\n}")


@pytest.mark.parametrize(("line", "expected"), [
    ("#PAGE", ("", "#PAGE", [])),
    ("    #REACH  ", ("    ", "#REACH", [])),
    ("\t#BLOCKS", ("\t", "#BLOCKS", [])),
    ("  #INCLUDE list-items list=organizationForms", ("  ", "#INCLUDE", ["list-items", "list=organizationForms"])),
    ("#INCLUDE reports-in-order", ("", "#INCLUDE", ["reports-in-order"])),
    ("#ROWS 2", ("", "#ROWS", ["2"])),
    ("#ROWS", None),  # the rows a number from 1
    ("#ROWS 0", None),
    ("#ROWS two", None),
    ("#ROWS ²", None),
    ("#ROWS 2 3", None),  # a number, then the name of a figure of the collection or nothing
    ("#ROWS 2 participantsPerReport", ("", "#ROWS", ["2", "participantsPerReport"])),
    ("#ROWS 2 participantsPerReport more", None),
    ("#ROWS participantsPerReport", None),
    ("#PAGE 10", None),  # a directive alone on its line, or with a part's name
    ("#INCLUDE", None),
    ("#INCLUDE Parts", None),  # a part's name in lower case
    ("#INCLUDE list-items list=", None),
    ("#INCLUDE list-items 1list=x", None),
    ("# PAGE", None),
    ("#PAGES", None),
    ("x #PAGE", None),
    ("#PAGE\x0c", None),
])
def test_a_directive_is_a_line_of_its_own(line, expected):
    assert qt.directive(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("# param: report string — source file name", ("report", "string", "source file name", False)),
    ("#param:node name required - a name", ("node", "name", "a name", True)),
    ("# param: year integer –– a year, e.g. 2020-2021", ("year", "integer", "a year, e.g. 2020-2021", False)),
    ("# param: _x code—short", ("_x", "code", "short", False)),
    ("# param: report string source file name", None),  # no dash before the description
    ("# param: report string optional — x", None),
    ("# param: 1report string — x", None),
    ("# parameter: report string — x", None),
    ("param: report string — x", None),
])
def test_a_header_s_parameter_line(line, expected):
    found = qt.param_line(line)
    assert (tuple(found) if found is not None else None) == expected


@pytest.mark.parametrize(("text", "variable", "places"), [
    ("?list ?lists ?list.", "?list", [0, 13]),
    ("SELECT ?list_2 WHERE { ?list }", "?list", [23]),
    ("$nameLower ?nameLower", "$nameLower", [0]),
    ("nothing here", "?x", []),
])
def test_a_variable_stands_where_no_more_of_a_name_follows(text, variable, places):
    assert qt.variable_places(text, variable) == places
    assert qt.renamed(text, variable, "?v").count("?v") == len(places)


@pytest.mark.parametrize(("text", "expected"), [
    ("#ROWS 3\nSELECT * WHERE { ?x ?p ?o }", (3, None)),
    ("SELECT * WHERE { ?x ?p ?o }", (1, None)),
    ("# ROWS 3\nSELECT * WHERE { ?x ?p ?o }", (1, None)),  # a comment, not the directive
    ("#ROWS 2 participantsPerReport\nSELECT * WHERE { ?x ?p ?o }", (2, "participantsPerReport")),
])
def test_the_rows_each_reached_row_gives(text, expected):
    assert qt.rows_each(text) == expected
