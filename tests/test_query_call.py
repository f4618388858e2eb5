"""A plain ``kg query`` call runs without click and the modules a build needs, and prints what the click
command prints; anything else it leaves to the click command."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import query as q
from kg import query_call
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent


def call(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kg", "query", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.parametrize(("args", "expected"), [
    (["countries"], {"query": "countries", "graph_path": query_call.DEFAULT_GRAPH, "fmt": "table", "params": [],
                     "limit": None, "offset": 0}),
    (["who-met-whom", "--graph", "out", "--format=csv", "--param", "report=a.txt", "--limit", "5", "--offset=10"],
     {"query": "who-met-whom", "graph_path": "out", "fmt": "csv", "params": ["report=a.txt"], "limit": 5,
      "offset": 10}),
    (["countries", "--param=country=KZ", "--param", "x=a=b"],
     {"query": "countries", "graph_path": query_call.DEFAULT_GRAPH, "fmt": "table",
      "params": ["country=KZ", "x=a=b"], "limit": None, "offset": 0}),
])
def test_plain_calls_are_read_here(args, expected):
    assert query_call.parse(args) == expected


@pytest.mark.parametrize("args", [
    [], ["--list"], ["countries", "--help"], ["countries", "--lang", "en"], ["countries", "--limit", "x"],
    ["countries", "--limit", "-1"], ["countries", "--format", "xml"], ["countries", "--graph"], ["a", "b"],
    ["countries", "--unknown", "1"],
])
def test_anything_else_goes_to_click(args):
    assert query_call.parse(args) is None


def test_formats_are_those_of_the_query_module():
    assert query_call.FORMATS == q.FORMATS


@pytest.mark.parametrize("args", [
    ["countries", "--format", "csv"],
    ["persons-by-role", "--param", "role=ambassador", "--format", "tsv", "--limit", "2", "--offset", "1"],
    ["who-met-whom", "--limit", "3"],
])
def test_a_call_prints_what_the_click_command_prints(seed_files, args):
    full = [*args, "--graph", str(seed_files["ttl"])]
    done = call(*full)
    assert done.returncode == 0, done.stderr
    clicked = CliRunner().invoke(main, ["query", *full])
    assert clicked.exit_code == 0, clicked.output
    assert done.stdout == clicked.output and done.stdout.strip()


@pytest.mark.parametrize(("args", "message"), [
    (["countries", "--graph", "/nonexistent/graph.ttl"], "Error: /nonexistent/graph.ttl: no such graph file"),
    (["countries", "--param", "country"], "Error: --param 'country': expected NAME=VALUE"),
    (["persons-by-role", "--param", "colour=red"], "Error: persons-by-role: unknown parameter 'colour'"),
])
def test_errors_are_the_click_command_s(seed_files, args, message):
    done = call(*args) if "--graph" in args else call(*args, "--graph", str(seed_files["ttl"]))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(message)


@pytest.mark.parametrize(("query", "first"), [
    (["countries"], "country,"),
    # a name or label the graph knows as written needs no language's word forms
    (["person-meetings", "--param", "person=Роман Василенко"], "person,"),
    (["reports-mentioning-organization", "--param", "organization=UNESCO"], "organization,"),
    (["explain", "--param", "node=Roman Vasilenko"], "node,"),
])
def test_a_query_call_imports_neither_click_nor_rdflib_nor_the_extractors(seed_files, query, first):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", "query", *query, "--graph",
                           str(seed_files["ttl"]), "--format", "csv"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0 and done.stdout.startswith(first) and len(done.stdout.splitlines()) > 1, done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "kg.query" in imported and "pyoxigraph" in imported
    heavy = {m for m in imported if m.split(".")[0] in {"click", "rdflib", "natasha", "pymorphy3", "dataclasses"}
             or m.startswith(("kg.lang", "kg.rules", "kg.relations", "kg.graph", "kg.cli", "kg.text", "kg.model",
                              "kg.sparql_limits"))}  # a named query is the library's text: not checked
    assert heavy == set()


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    """An output folder holding the seeds' store."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed-store") / "out"
    build([ROOT / "seeds"], out_dir=out, exports=False)
    return out


# What a query call imports beyond what the interpreter had loaded at start-up (``site`` may load more, as
# setuptools' editable-install hook does).
IMPORTED_BY_A_CALL = """
import sys
before = set(sys.modules)
from kg.query_call import main
main(sys.argv[1:])
sys.stderr.write(" ".join(sorted(set(sys.modules) - before)))
"""


@pytest.mark.parametrize("graph", ["ttl", "store"])
@pytest.mark.parametrize("fmt", ["table", "tsv", "csv"])
def test_a_call_asking_for_a_known_label_imports_no_regular_expressions(seed_files, seed_store, graph, fmt):
    # the store knows JTI by its label: its forms as written are looked up, the languages' are not made (kg.names);
    # csv and tsv are written by csv's writer, without the csv module around it (which imports re)
    where = seed_files["ttl"] if graph == "ttl" else seed_store
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", IMPORTED_BY_A_CALL, "reports-mentioning-organization", "--param",
                           "organization=JTI", "--format", fmt, "--graph", str(where)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0 and "JTI" in done.stdout, done.stderr
    imported = set(done.stderr.split())
    assert "kg.written" in imported and imported & {"re", "csv", "kg.names", "kg.letters"} == set()


@pytest.mark.parametrize("query", [
    ["countries"],
    ["person-meetings", "--param", "person=Roman Vasilenko"],
    # anyascii's tables would import pathlib and typing (importlib.resources): kg.ascii_letters spells these
    ["person-meetings", "--param", "person=Роман Василенко"],
    ["explain", "--param", "node=Р. Василенко"],
    ["reports-mentioning-organization", "--param", "organization=UNESCO"],
    ["explain", "--param", "node=Roman Vasilenko"],
    ["who-met-whom", "--format", "json"],
])
@pytest.mark.parametrize("graph", ["ttl", "store"])
def test_a_query_call_imports_neither_pathlib_nor_typing(seed_files, seed_store, query, graph):
    # the two cost a tenth of a call on the store; a call names its graph and reads its query as strings
    where = seed_files["ttl"] if graph == "ttl" else seed_store
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", IMPORTED_BY_A_CALL, *query, "--graph", str(where)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and len(done.stdout.splitlines()) > 1, done.stderr
    imported = set(done.stderr.split())
    assert {"kg.query", "pyoxigraph"} <= imported
    assert imported & {"pathlib", "typing", "dataclasses", "inspect", "json"} == (
        {"json"} if "json" in query else set())
