"""What the endpoint serves besides answers: the query page, its assets, the service description;
RDF/XML for SPARQLWrapper's CONSTRUCT and DESCRIBE; CORS for browser clients."""

import re
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF
from SPARQLWrapper import SPARQLWrapper

from kg.query import load_store, named_queries
from kg.rdf_io import to_rdflib
from kg.serve import allowed_headers, running
from kg.serve_page import ASSET_DIR, ASSETS, CSP

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
PREFIX = "PREFIX dip: <https://w3id.org/dipkg/ontology#>\n"
CONSTRUCT = PREFIX + "CONSTRUCT { ?c dip:countryCode ?code } WHERE { ?c dip:countryCode ?code }"
SEED_CODES = ["BE", "DE", "FR", "JP", "KZ", "NL", "PT", "US"]


@pytest.fixture(scope="module")
def server(seed_files):
    with running(load_store(seed_files["trig"])) as srv:
        yield srv


def get(url: str, *, headers: dict[str, str] | None = None, method: str | None = None,
        data: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def root(server) -> str:
    return server.url.rsplit("/", 1)[0] + "/"


@pytest.mark.parametrize(("accept", "media"), [
    ("", "text/turtle"),
    ("*/*", "text/turtle"),
    ("text/turtle", "text/turtle"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
])
def test_service_description_at_the_endpoint(server, accept, media):
    status, headers, body = get(server.url, headers={"Accept": accept} if accept else {})
    assert status == 200 and headers["Content-Type"].startswith(media)
    g = Graph()
    for t in ox.parse(body, format=ox.RdfFormat.from_media_type(media)):
        g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    service = next(g.subjects(RDF.type, SD.Service))
    assert g.value(service, SD.endpoint) == URIRef(server.url)
    assert g.value(service, SD.supportedLanguage) == SD.SPARQL11Query
    assert URIRef("http://www.w3.org/ns/formats/RDF_XML") in set(g.objects(service, SD.resultFormat))
    dataset = g.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in g
    assert len(list(g.objects(dataset, SD.namedGraph))) >= 3  # a graph per report


def test_a_browser_at_the_endpoint_gets_the_page(server):
    status, headers, body = get(server.url, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"yasgui.min.js" in body


def test_query_page_lists_the_named_queries_and_forbids_other_sources(server):
    status, headers, body = get(root(server))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert headers["Content-Security-Policy"] == CSP
    assert "script-src 'self';" in CSP and "connect-src 'self'" in CSP
    text = body.decode("utf-8")
    for query in named_queries():
        assert f'"name": "{query.name}"' in text
    assert "<script>" not in text  # no inline script: the page's code is page.js
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)  # every asset from this server


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_assets_are_served_from_the_package(server, name):
    status, headers, body = get(root(server) + "assets/" + name)
    assert status == 200 and headers["Content-Type"].startswith(ASSETS[name])
    assert body == (ASSET_DIR / name).read_bytes()


def test_vendored_yasgui_names_its_version_and_licence():
    head = (ASSET_DIR / "yasgui.min.js").read_text(encoding="utf-8")[:300]
    assert "YASGUI 4.6.2" in head and "@zazuko/yasgui" in head
    licence = (ASSET_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "The MIT License" in licence and "codemirror@" in licence
    assert "sourceMappingURL" not in (ASSET_DIR / "yasgui.min.js").read_text(encoding="utf-8")[-200:]


@pytest.mark.parametrize("path", ["assets/yasgui.min.js.map", "assets/../serve.py", "assets/", "favicon.ico"])
def test_other_paths_are_not_found(server, path):
    status, _, _ = get(root(server) + path)
    assert status == 404


def test_sparqlwrapper_default_construct_gets_rdf_xml(server):
    client = SPARQLWrapper(server.url)
    client.setQuery(CONSTRUCT)
    result = client.query()
    assert result.response.headers["Content-Type"].startswith("application/rdf+xml")
    g = Graph().parse(data=result.response.read().decode("utf-8"), format="xml")
    assert sorted(str(o) for o in g.objects()) == SEED_CODES


@pytest.mark.parametrize("query", [CONSTRUCT, PREFIX + "DESCRIBE ?c WHERE { ?c dip:countryCode \"BE\" }"])
def test_format_xml_is_rdf_xml_for_graphs(server, query):
    status, headers, body = get(server.url + "?" + urlencode({"query": query, "format": "xml"}))
    assert status == 200 and headers["Content-Type"].startswith("application/rdf+xml")
    assert len(Graph().parse(data=body.decode("utf-8"), format="xml")) > 0


def test_format_xml_is_results_xml_for_select(server):
    status, headers, _ = get(server.url + "?" + urlencode({"query": "SELECT * { ?s ?p ?o } LIMIT 1",
                                                            "format": "xml"}),
                             headers={"Accept": "application/rdf+xml"})
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")


def test_format_json_with_accept_turtle_on_construct(server):
    """A results-only format leaves a graph answer to the Accept header."""
    status, headers, _ = get(server.url + "?" + urlencode({"query": CONSTRUCT, "format": "csv"}),
                             headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")


def test_cors_preflight_allows_what_a_browser_client_asks(server):
    asked = "content-type, x-requested-with, authorization, x-custom-trace"
    status, headers, _ = get(server.url, method="OPTIONS",
                             headers={"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
                                      "Access-Control-Request-Headers": asked})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
    allowed = {h.strip().lower() for h in headers["Access-Control-Allow-Headers"].split(",")}
    assert {h.strip() for h in asked.split(",")} <= allowed


@pytest.mark.parametrize(("asked", "extra"), [
    (None, set()),
    ("content-type", set()),
    ("X-Trace-Id", {"x-trace-id"}),
    ("bad header name", set()),
    (", ".join(f"x-h{n}" for n in range(100)), set()),
    ("x-" + "a" * 200, set()),
])
def test_allowed_headers(asked, extra):
    usual = {"accept", "authorization", "content-type", "x-requested-with"}
    allowed = {h.strip().lower() for h in allowed_headers(asked).split(",")}
    assert usual <= allowed and allowed - usual - {"accept-language", "cache-control"} == extra


def test_answers_carry_cors_headers(server):
    status, headers, _ = get(server.url + "?" + urlencode({"query": "ASK {}"}), headers={"Origin": "https://a.example"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
