"""SPARQL SELECT results written row by row (JSON, XML, CSV, TSV), so that a large answer is
streamed in pieces and can stop after a number of rows instead of being built whole in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.namespaces import XSD_STRING

SPARQL_NS = "http://www.w3.org/2005/sparql-results#"
JSON_TYPE = "application/sparql-results+json"
XML_TYPE = "application/sparql-results+xml"
CSV_TYPE = "text/csv"
TSV_TYPE = "text/tab-separated-values"
MEDIA_KINDS = {JSON_TYPE: "json", "application/json": "json", XML_TYPE: "xml", "application/xml": "xml",
               CSV_TYPE: "csv", TSV_TYPE: "tsv"}

Row = tuple[object | None, ...]


def json_term(t: object) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if not isinstance(t, ox.Literal):
        return {"type": "literal", "value": str(t)}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != XSD_STRING:
        out["datatype"] = t.datatype.value
    return out


def _xml_term(t: object) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if not isinstance(t, ox.Literal):
        return f"<literal>{escape(str(t))}</literal>"
    if t.language:
        return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
    if t.datatype and t.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
    return f"<literal>{escape(t.value)}</literal>"


def _csv_cell(t: object) -> str:
    value = "" if t is None else t.value if isinstance(t, ox.Literal | ox.NamedNode | ox.BlankNode) else str(t)
    if isinstance(t, ox.BlankNode):
        value = "_:" + value
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def serialize_rows(kind: str, variables: Iterable[str], rows: Iterable[Row]) -> Iterator[str]:
    """Pieces of the results document in ``kind`` (json, xml, csv or tsv)."""
    names = list(variables)
    if kind == "json":
        yield json.dumps({"head": {"vars": names}})[:-1] + ', "results": {"bindings": ['
        for n, row in enumerate(rows):
            binding = {v: json_term(t) for v, t in zip(names, row, strict=True) if t is not None}
            yield ("," if n else "") + "\n" + json.dumps(binding, ensure_ascii=False)
        yield "\n]}}\n"
    elif kind == "xml":
        yield (f'<?xml version="1.0"?>\n<sparql xmlns="{SPARQL_NS}">\n<head>'
               + "".join(f"<variable name={quoteattr(v)}/>" for v in names) + "</head>\n<results>\n")
        for row in rows:
            yield "<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                       for v, t in zip(names, row, strict=True) if t is not None) + "</result>\n"
        yield "</results>\n</sparql>\n"
    elif kind == "csv":
        yield ",".join(names) + "\r\n"
        for row in rows:
            yield ",".join(_csv_cell(t) for t in row) + "\r\n"
    else:
        yield "\t".join("?" + v for v in names) + "\n"
        for row in rows:
            yield "\t".join("" if t is None else str(t) for t in row) + "\n"
