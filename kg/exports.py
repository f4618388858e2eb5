"""Exports for other tools: RDF (Turtle, TriG, N-Triples, JSON-LD) for triple stores and Protégé,
GraphML of the entity network for Gephi and networkx, CSV of meetings for spreadsheets (cells
that would start a formula are prefixed with ``'``).

rdflib writes the RDF; the TriG and JSON-LD exports keep the named graph of each report when the
source is a TriG file. Every file is written through a temporary file and a rename.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.errors import DipkgError
from kg.files import write_atomic
from kg.graph import DIP, union
from kg.spreadsheet import safe_cell

FORMATS = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "jsonld": ".jsonld", "graphml": ".graphml", "csv": ".csv"}
DEFAULT_NAMES = {"turtle": "diplomacy.ttl", "trig": "diplomacy.trig", "nt": "diplomacy.nt",
                 "jsonld": "diplomacy.jsonld", "graphml": "network.graphml", "csv": "meetings.csv"}
RDFLIB_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "nt", "jsonld": "json-ld"}
ENTITY_CLASSES = (DIP.Person, DIP.Country, DIP.Region, DIP.City, DIP.Place, DIP.Company, DIP.University,
                  DIP.GovernmentBody, DIP.InternationalOrganization, DIP.Organization)
MEETING_COLUMNS = ("meeting", "date", "place", "participants", "topics", "report", "title")


def export(ds: Dataset, fmt: str, out: Path) -> Path:
    """Write the dataset to ``out`` in ``fmt`` (one of ``FORMATS``)."""
    if fmt not in FORMATS:
        raise DipkgError(f"{fmt}: unknown export format (known: {', '.join(FORMATS)})")
    if out.parent and not out.parent.exists():
        raise DipkgError(f"{out.parent}: no such folder")
    if fmt in ("trig", "jsonld"):
        context = {prefix: str(ns) for prefix, ns in ds.namespaces() if prefix}
        options = {"context": context, "auto_compact": True} if fmt == "jsonld" else {}
        return write_atomic(out, lambda f: ds.serialize(f, format=RDFLIB_FORMATS[fmt], encoding="utf-8", **options))
    g = union(ds)
    if fmt in ("turtle", "nt"):
        return write_atomic(out, lambda f: g.serialize(f, format=RDFLIB_FORMATS[fmt], encoding="utf-8"))
    if fmt == "graphml":
        network = entity_network(g)
        return write_atomic(out, lambda f: nx.write_graphml(network, f, encoding="utf-8"))
    rows = meeting_rows(g)
    return write_atomic(out, lambda f: _write_csv(f, rows))


def _write_csv(path: str, rows: Iterable[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=MEETING_COLUMNS)
        w.writeheader()
        w.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)


def name(g: Graph, node: Node, *, language: str | None = None) -> str:
    """A node's display name: its longest label (the full name of a person, not an initial), ties
    broken alphabetically; the end of its IRI when it has no label."""
    labels = sorted({str(lb) for lb in g.objects(node, RDFS.label)
                     if language is None or getattr(lb, "language", None) == language},
                    key=lambda s: (-len(s), s))
    if labels:
        return labels[0]
    notation = g.value(node, SKOS.notation)
    if notation is not None:
        return str(notation)
    return "" if language else str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def entity_type(g: Graph, node: Node) -> str:
    types = set(g.objects(node, RDF.type))
    return next((str(c).rsplit("#", 1)[-1] for c in ENTITY_CLASSES if c in types), "")


def _code(g: Graph, country: Node | None) -> str:
    if country is None:
        return ""
    code = g.value(country, DIP.countryCode)
    return str(code) if code is not None else name(g, country)


@dataclass(frozen=True)
class PostView:
    role: str
    country: URIRef | None
    accredited: URIRef | None
    jurisdiction: URIRef | None
    reports: frozenset[Node]


def posts(g: Graph, person: Node) -> list[PostView]:
    out = []
    for post in g.objects(person, DIP.holds):
        role = g.value(post, DIP.role)
        reports = frozenset(g.value(ev, DIP.inReport) for ev in g.objects(post, DIP.evidence))
        out.append(PostView(role=name(g, role) if role is not None else "", country=g.value(post, DIP.country),
                            accredited=g.value(post, DIP.accreditedTo), jurisdiction=g.value(post, DIP.jurisdiction),
                            reports=reports))
    return sorted(out, key=lambda p: (p.role, str(p.country), str(p.accredited), str(p.jurisdiction)))


def _post_text(g: Graph, p: PostView) -> str:
    text = p.role
    if p.country is not None:
        text += f" of {_code(g, p.country)}"
    if p.accredited is not None:
        text += f" to {_code(g, p.accredited)}"
    if p.jurisdiction is not None:
        text += f", {name(g, p.jurisdiction)}"
    return text


def meeting_rows(g: Graph) -> list[dict[str, str]]:
    """One row per meeting: date, place, participants with the posts their report gives them, topics,
    report file and title; sorted by date (undated last), then report."""
    rows = []
    for m in set(g.subjects(RDF.type, DIP.Meeting)):
        # a meeting several reports tell has each of them; the first by file name gives the title
        reports = sorted(g.objects(m, DIP.reportedIn), key=lambda r: str(g.value(r, DIP.sourceFile) or r))
        report = reports[0] if reports else None
        people = []
        for person in sorted(g.objects(m, DIP.participant), key=lambda p: name(g, p)):
            held = posts(g, person)
            here = [p for p in held if set(reports) & set(p.reports)] or held
            described = "; ".join(_post_text(g, p) for p in here)
            people.append(f"{name(g, person)} ({described})" if described else name(g, person))
        place = g.value(m, DIP.location)
        date = g.value(m, DIP.date)
        title = g.value(report, DIP.title) if report is not None else None
        rows.append({
            "meeting": str(m),
            "date": str(date) if date is not None else "",
            "place": name(g, place) if place is not None else "",
            "participants": " | ".join(people),
            "topics": ", ".join(sorted(name(g, t) for t in g.objects(m, DIP.topic))),
            "report": ", ".join(str(g.value(r, DIP.sourceFile) or "") for r in reports),
            "title": str(title) if title is not None else "",
        })
    return sorted(rows, key=lambda r: (r["date"] == "", r["date"], r["report"], r["meeting"]))


def entity_network(g: Graph) -> nx.MultiDiGraph:
    """Persons, places, countries and organizations as nodes (``label``, ``type``, labels per
    language, ``code`` for countries); edges ``met`` between co-participants (``weight`` = meetings),
    ``serves``, ``accredited-to`` and ``governs`` from a person to what their posts name (``role``)."""
    net = nx.MultiDiGraph()

    def add_node(node: Node) -> str:
        key = str(node)
        if key not in net:
            attrs = {"label": name(g, node), "type": entity_type(g, node) or "Entity", "iri": key}
            for lang in ("kk", "ru", "en"):
                label = name(g, node, language=lang)
                if label:
                    attrs[f"label_{lang}"] = label
            code = g.value(node, DIP.countryCode)
            if code is not None:
                attrs["code"] = str(code)
            net.add_node(key, **attrs)
        return key

    for node in sorted({n for cls in ENTITY_CLASSES for n in g.subjects(RDF.type, cls) if isinstance(n, URIRef)}):
        add_node(node)

    met: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for m in sorted(g.subjects(RDF.type, DIP.Meeting)):
        date = g.value(m, DIP.date)
        people = sorted({add_node(p) for p in g.objects(m, DIP.participant)})
        for a, b in combinations(people, 2):
            met[(a, b)].append((str(date) if isinstance(date, Literal) else "", str(m)))
    for (a, b), meetings in sorted(met.items()):
        dates = sorted(d for d, _ in meetings if d)
        attrs = {"kind": "met", "weight": len(meetings), "meetings": " ".join(sorted(m for _, m in meetings))}
        if dates:
            attrs.update(first=dates[0], last=dates[-1])
        net.add_edge(a, b, key="met", **attrs)

    for person in sorted(g.subjects(RDF.type, DIP.Person)):
        for p in posts(g, person):
            for kind, target in (("serves", p.country), ("accredited-to", p.accredited),
                                 ("governs", p.jurisdiction)):
                if target is not None:
                    net.add_edge(add_node(person), add_node(target), key=f"{kind}:{p.role}", kind=kind, role=p.role)
    return net
