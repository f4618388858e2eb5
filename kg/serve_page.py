"""What the endpoint shows besides query answers: the query page and the service description.

``/`` is a YASGUI query page whose tabs are the named queries of ``kg/queries/``; its script and
stylesheet are vendored in ``kg/serve_assets/`` (YASGUI 4.6.2 from the npm package
``@zazuko/yasgui``, MIT, see the LICENSE there) and served from ``/assets/``, so the page needs no
network. A Content-Security-Policy allows scripts from the server only (the page's own code is
``page.js``; the named queries travel as JSON data, never as a script) and connections to it only.

``GET /sparql`` without a query answers the SPARQL 1.1 Service Description
(https://www.w3.org/TR/sparql11-service-description/): an ``sd:Service`` with its endpoint, the
query language, the result formats and the default dataset, in the RDF format the ``Accept``
header prefers (Turtle without one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

import pyoxigraph as ox

from kg.files import PACKAGE_DIR

ASSET_DIR = PACKAGE_DIR / "serve_assets"
ASSETS = {"yasgui.min.js": "text/javascript", "yasgui.min.css": "text/css", "page.js": "text/javascript",
          "page.css": "text/css"}
ASSET_PATH = "/assets/"
PAGE_TYPE = "text/html"
# Styles may be inline: YASGUI (CodeMirror, DataTables) sets style attributes, which 'self' alone blocks.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# The formats the endpoint writes, as the W3C's format IRIs (http://www.w3.org/ns/formats/).
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "RDF_XML", "JSON-LD")
# Characters that must not appear literally in JSON inside a <script> element.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str


def asset(name: str) -> Asset | None:
    """A vendored file by its name under ``/assets/``; None for any other name."""
    if name not in ASSETS:
        return None
    return Asset((ASSET_DIR / name).read_bytes(), ASSETS[name])


def query_tabs() -> list[dict[str, object]]:
    """The named queries as the page's tabs: name, description, parameters and SPARQL text."""
    from kg.query import named_queries

    return [{"name": q.name, "description": q.description, "text": q.text,
             "params": [{"name": p.name, "kind": p.kind, "required": p.required, "description": p.description}
                        for p in q.params]}
            for q in named_queries()]


def page(endpoint: str, triples: int) -> bytes:
    """The query page: YASGUI over ``endpoint`` with a tab per named query."""
    data = json.dumps({"endpoint": endpoint, "queries": query_tabs()}, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dipkg SPARQL endpoint</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{ASSET_PATH}yasgui.min.css">
<link rel="stylesheet" href="{ASSET_PATH}page.css">
</head>
<body>
<header>
<h1>dipkg</h1>
<p>SPARQL endpoint <code>{escape(endpoint)}</code>, {triples:,} triples, read-only.
A tab per named query; <a href="{escape(endpoint)}">service description</a>.</p>
</header>
<main id="yasgui"></main>
<script type="application/json" id="dipkg-queries">{data}</script>
<script src="{ASSET_PATH}yasgui.min.js"></script>
<script src="{ASSET_PATH}page.js"></script>
</body>
</html>
""".encode()


def service_description(endpoint: str, store: ox.Store, triples: int) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of the endpoint over ``store``, as triples. It does not declare the
    default graph the union of the named graphs (``sd:UnionDefaultGraph``): a build's store keeps the reports'
    evidence in the default graph only (``kg.store``)."""
    sd = SD
    service = ox.NamedNode(endpoint + "#service")
    dataset = ox.BlankNode()
    default = ox.BlankNode()
    out = [ox.Triple(service, RDF_TYPE, ox.NamedNode(sd + "Service")),
           ox.Triple(service, ox.NamedNode(sd + "endpoint"), ox.NamedNode(endpoint)),
           ox.Triple(service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")),
           ox.Triple(service, ox.NamedNode(sd + "defaultDataset"), dataset),
           ox.Triple(dataset, RDF_TYPE, ox.NamedNode(sd + "Dataset")),
           ox.Triple(dataset, ox.NamedNode(sd + "defaultGraph"), default),
           ox.Triple(default, RDF_TYPE, ox.NamedNode(sd + "Graph")),
           ox.Triple(default, ox.NamedNode(VOID + "triples"), ox.Literal(triples))]
    out += [ox.Triple(service, ox.NamedNode(sd + "resultFormat"), ox.NamedNode(FORMATS_NS + f))
            for f in RESULT_FORMATS]
    for graph in sorted(store.named_graphs(), key=str):
        if not isinstance(graph, ox.NamedNode):
            continue
        named = ox.BlankNode()
        out += [ox.Triple(dataset, ox.NamedNode(sd + "namedGraph"), named),
                ox.Triple(named, RDF_TYPE, ox.NamedNode(sd + "NamedGraph")),
                ox.Triple(named, ox.NamedNode(sd + "name"), graph)]
    return out


def describe(triples: list[ox.Triple], media_type: str) -> bytes:
    """The description in an RDF format by its media type (Turtle when the type is none of them)."""
    fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.TURTLE
    prefixes = {"sd": SD, "void": VOID, "formats": FORMATS_NS} if fmt is ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes)
