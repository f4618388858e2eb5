"""Extractions → RDF: one named graph per report, merged into one graph for export.

Every fact carries evidence: ``?subject dip:evidence ?ev`` where ``?ev`` names the report, the
sentence and its half-open character offsets, and (``dip:supportsProperty`` /
``dip:supportsValue``) which statement of the subject it supports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS
from rdflib.term import Node

from kg import rdf_io
from kg.events import Event, MeetingRef
from kg.files import ONTOLOGY_DIR
from kg.merging import join_rule, stable_id
from kg.model import Entity, Evidence, Extraction, Label, MentionKind, PartialDate, Report, Span
from kg.names import search_keys


class Terms(Namespace):
    """A namespace that makes each ``NS.term`` once (rdflib's makes a new IRI at every use)."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


DIP = Terms("https://w3id.org/dipkg/ontology#")
RES = Namespace("https://w3id.org/dipkg/resource/")
SECTOR = Namespace("https://w3id.org/dipkg/sector/")
ROLE = Namespace("https://w3id.org/dipkg/role/")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = Namespace("https://sws.geonames.org/")
VOCABULARY_GRAPH = RES["graph/vocabulary"]
PREFIXES = {"dip": DIP, "res": RES, "sector": SECTOR, "role": ROLE, "skos": SKOS, "owl": OWL, "wd": WD}
ORG_CLASSES = {"government": DIP.GovernmentBody, "university": DIP.University, "company": DIP.Company,
               "international": DIP.InternationalOrganization}
WRITE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
                 "nquads": ox.RdfFormat.N_QUADS, "json-ld": ox.RdfFormat.JSON_LD}
PLACE_CLASSES = {"region": DIP.Region, "city": DIP.City, "country": DIP.Country}


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def report_iri(key: str) -> URIRef:
    """A report's IRI, from ``Report.key`` (its path relative to its folder), never the base name alone."""
    return RES[f"report/{stable_id('report:' + key)}"]


def report_graph_iri(key: str) -> URIRef:
    return RES[f"graph/{stable_id('report:' + key)}"]


def entity_iri(e: Entity) -> URIRef:
    if e.kind == MentionKind.COUNTRY and e.country_code:
        return RES[f"country/{e.country_code}"]
    folder = {MentionKind.PERSON: "person", MentionKind.PLACE: "place", MentionKind.ORGANIZATION: "organization"}
    return RES[f"{folder.get(e.kind, 'entity')}/{stable_id(e.key)}"]


def date_literal(d: PartialDate) -> Literal:
    if d.month is None:
        return Literal(d.iso(), datatype=XSD.gYear)
    if d.day is None:
        return Literal(d.iso(), datatype=XSD.gYearMonth)
    return Literal(d.iso(), datatype=XSD.date)


Triple = tuple[Node, Node, Node]
# Literals of evidence nodes (offsets, sentences, extractor names) recur: each is made once.
_literal = lru_cache(maxsize=1 << 16, typed=True)(Literal)


class TripleSet(set):
    """A set of triples with the ``add`` and ``in`` of an rdflib graph, which is all the builder needs."""


class GraphBuilder:
    """Adds extractions to a dataset; entity keys are those after cross-report merging."""

    def __init__(self, *, wikidata: dict[str, str] | None = None,
                 served: Mapping[str, frozenset[str]] | None = None) -> None:
        """``served``: the states each merged person's posts serve over the whole corpus (``served_states``),
        for the meetings' ``dip:countryKey``; without it, those of the posts of the report being added."""
        self.wikidata = wikidata or {}
        self.served = served

    @cached_property
    def ds(self) -> Dataset:
        """The dataset ``add`` fills, with the vocabulary graph; made on first use (``report_triples`` needs none)."""
        ds = Dataset()
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        vocab = ds.graph(VOCABULARY_GRAPH)
        for name in ("dipkg.ttl", "sectors.ttl", "roles.ttl"):
            vocab.parse(ONTOLOGY_DIR / name, format="turtle")
        return ds

    def add(self, x: Extraction, entities: dict[str, Entity], redirect: dict[str, str],
            events: Mapping[MeetingRef, Event] | None = None) -> None:
        """One report's facts; ``events`` (``kg.events``) makes the meetings several reports tell one node."""
        self.describe_report(self.ds.graph(report_graph_iri(x.report.key)), x, entities, redirect, events)

    def report_triples(self, x: Extraction, entities: dict[str, Entity], redirect: dict[str, str],
                       events: Mapping[MeetingRef, Event] | None = None) -> set[Triple]:
        """The triples of one report's graph, without a dataset (for a store written report by report)."""
        triples = TripleSet()
        self.describe_report(triples, x, entities, redirect, events)
        return triples

    def describe_report(self, g: Graph | TripleSet, x: Extraction, entities: dict[str, Entity],
                        redirect: dict[str, str], events: Mapping[MeetingRef, Event] | None = None) -> None:
        """Add one report's triples to ``g``: anything with ``add`` and ``in`` over triples."""
        src = x.report.key
        r = report_iri(src)
        g.add((r, RDF.type, DIP.Report))
        g.add((r, DIP.sourceFile, Literal(x.report.source_file)))
        g.add((r, DIP.language, Literal(x.report.language)))
        g.add((r, DIP.textLength, Literal(len(x.report.text))))
        g.add((r, DIP.textSha256, Literal(hashlib.sha256(x.report.text.encode("utf-8")).hexdigest())))
        if x.report.published:
            g.add((r, DIP.published, Literal(x.report.published.isoformat(), datatype=XSD.date)))
        if x.report.title:
            g.add((r, DIP.title, Literal(x.report.title, lang=x.report.language)))
        _provenance(g, r, x.report)

        def node(key: str) -> URIRef:
            e = entities[redirect.get(key, key)]
            iri = entity_iri(e)
            self._describe(g, iri, e)
            return iri

        for e in x.entities:
            iri = node(e.key)
            merged = entities[redirect.get(e.key, e.key)]
            g.add((r, DIP.mentions, iri))
            seen: set[int] = set()
            for m in e.mentions:
                sentence = x.sentence_at(m.start)
                if sentence.start in seen:
                    continue
                seen.add(sentence.start)
                ev = self._evidence(g, r, src, Evidence(src, sentence, Span(m.start, m.end, m.text)),
                                    DIP.mentions, iri, m.extractor)
                g.add((ev, DIP.joinRule, Literal(join_rule(merged, e, m))))
                g.add((r, DIP.evidence, ev))

        for post in x.posts:
            holder = node(post.holder)
            parts = [redirect.get(post.holder, post.holder), post.role, post.country, post.accredited_to,
                     redirect.get(post.jurisdiction, post.jurisdiction) if post.jurisdiction else None]
            p = RES[f"post/{_digest(*parts)}"]
            g.add((p, RDF.type, DIP.Post))
            g.add((holder, DIP.holds, p))
            g.add((p, DIP.role, ROLE[post.role]))
            if post.country:
                g.add((p, DIP.country, self._country(g, post.country)))
            g.add((p, DIP.servesKey, Literal(post.country or "")))
            if post.accredited_to:
                g.add((p, DIP.accreditedTo, self._country(g, post.accredited_to)))
            if post.jurisdiction:
                g.add((p, DIP.jurisdiction, node(post.jurisdiction)))
            g.add((p, RDFS.label, Literal(f"{post.role} ({entities[redirect.get(post.holder, post.holder)].name})")))
            g.add((p, DIP.evidence, self._evidence(g, r, src, post.evidence, DIP.holds, p, "rules")))

        served = self.served if self.served is not None else served_states([x], redirect)
        for n, meeting in enumerate(x.meetings, start=1):
            event = (events or {}).get((src, n))
            anchor = event.anchor if event is not None else (src, n)
            m = RES[f"meeting/{stable_id('report:' + anchor[0])}-{anchor[1]}"]
            g.add((m, RDF.type, DIP.Meeting))
            g.add((m, DIP.reportedIn, r))
            for key in meeting.participants:
                g.add((m, DIP.participant, node(key)))
            location = event.location if event is not None else meeting.location
            when = event.date if event is not None else meeting.date
            if location:
                g.add((m, DIP.location, node(location)))
            if when:
                g.add((m, DIP.date, date_literal(when)))
            who = event.participants if event is not None else meeting.participants
            names = " – ".join(entities[redirect.get(k, k)].name for k in who)
            g.add((m, RDFS.label, Literal(f"{names}" + (f", {when.iso()}" if when else ""))))
            g.add((m, DIP.evidence, self._evidence(g, r, src, meeting.evidence, DIP.participant, None, "rules")))
            for t in meeting.topics:
                g.add((m, DIP.topic, SECTOR[t.sector]))
                g.add((m, DIP.evidence, self._evidence(g, r, src, t.evidence, DIP.topic, SECTOR[t.sector], "rules")))
            _grouping_keys(g, m, meeting.date, [t.sector for t in meeting.topics])
            for code in sorted({c for k in meeting.participants for c in served.get(redirect.get(k, k), ())}):
                g.add((m, DIP.countryKey, Literal(code)))

    def _describe(self, g: Graph | TripleSet, iri: URIRef, e: Entity) -> None:
        if e.kind == MentionKind.PERSON:
            g.add((iri, RDF.type, DIP.Person))
            for key in sorted({k for label in e.labels for k in search_keys(label.text)}):
                g.add((iri, SKOS.hiddenLabel, Literal(key)))
        elif e.kind == MentionKind.COUNTRY:
            self._country(g, e.country_code or "")
        elif e.kind == MentionKind.PLACE:
            g.add((iri, RDF.type, PLACE_CLASSES.get(e.subtype or "", DIP.Place)))
            _place_identifiers(g, iri, e.key)
        else:
            g.add((iri, RDF.type, ORG_CLASSES.get(e.subtype or "", DIP.Organization)))
        if e.kind != MentionKind.COUNTRY:
            _labels(g, iri, e.labels)
            if e.country_code:
                g.add((iri, DIP.inCountry, self._country(g, e.country_code)))

    def _country(self, g: Graph | TripleSet, code: str) -> URIRef:
        from kg.lexicon import load_lexicon

        iri = RES[f"country/{code}"]
        if (iri, RDF.type, DIP.Country) not in g:
            g.add((iri, RDF.type, DIP.Country))
            g.add((iri, DIP.countryCode, Literal(code)))
            _labels(g, iri, load_lexicon().country_labels(code))
            if code in self.wikidata:
                g.add((iri, OWL.sameAs, WD[self.wikidata[code]]))
        return iri

    @staticmethod
    def _evidence(g: Graph | TripleSet, report: URIRef, src: str, ev: Evidence, prop: URIRef, value: URIRef | None,
                  extractor: str) -> URIRef:
        iri = RES[f"evidence/{_digest(src, ev.quote.start, ev.quote.end, prop, value)}"]
        g.add((iri, RDF.type, DIP.Evidence))
        g.add((iri, DIP.inReport, report))
        g.add((iri, DIP.sentence, _literal(ev.sentence.text)))
        g.add((iri, DIP.sentenceStart, _literal(ev.sentence.start)))
        g.add((iri, DIP.sentenceEnd, _literal(ev.sentence.end)))
        g.add((iri, DIP.quote, Literal(ev.quote.text)))
        g.add((iri, DIP.quoteStart, _literal(ev.quote.start)))
        g.add((iri, DIP.quoteEnd, _literal(ev.quote.end)))
        g.add((iri, DIP.supportsProperty, prop))
        if value is not None:
            g.add((iri, DIP.supportsValue, value))
        if extractor:
            g.add((iri, DIP.extractor, _literal(extractor)))
        return iri

    def merged(self) -> Graph:
        """Every named graph and the vocabulary in one graph, for Turtle export and queries."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for ctx in self.ds.graphs():
            for t in ctx:
                g.add(t)
        return g


def served_states(extractions: Iterable[Extraction], redirect: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """The ISO codes of the states each merged person's posts serve, over every given report: what a
    meeting's ``dip:countryKey`` summarises (``dip:participant/dip:holds/dip:country/dip:countryCode``)."""
    out: dict[str, set[str]] = {}
    for x in extractions:
        for post in x.posts:
            if post.country:
                out.setdefault(redirect.get(post.holder, post.holder), set()).add(post.country)
    return {k: frozenset(v) for k, v in out.items()}


def _provenance(g: Graph | TripleSet, r: URIRef, report: Report) -> None:
    """Where the report came from, beyond its file's base name: the file's path relative to the
    folder it was found in, the record's number in a file of many, the page's address."""
    if report.source_path:
        g.add((r, DIP.sourcePath, Literal(report.source_path)))
    if report.source_record is not None:
        g.add((r, DIP.sourceRecord, Literal(report.source_record)))
    if report.source_url:
        g.add((r, DIP.sourceUrl, Literal(report.source_url, datatype=XSD.anyURI)))


def _grouping_keys(g: Graph | TripleSet, meeting: URIRef, date: PartialDate | None, sectors: list[str]) -> None:
    """A meeting's year and sectors as plain keys that are always there (``""`` when unknown), so that a query
    groups or filters by them with a join instead of an OPTIONAL over every meeting of the graph."""
    g.add((meeting, DIP.yearKey, Literal(date.year) if date else Literal("")))
    for sector in sectors or [""]:
        g.add((meeting, DIP.sectorKey, Literal(sector)))


def _place_identifiers(g: Graph | TripleSet, iri: URIRef, key: str) -> None:
    """ISO 3166-2 code, GeoNames id (and owl:sameAs its GeoNames IRI) and coordinates of a known place."""
    from kg.lexicon import load_lexicon

    info = load_lexicon().place(key.removeprefix("place:"))
    if info is None:
        return
    if info.iso:
        g.add((iri, DIP.subdivisionCode, Literal(info.iso)))
    if info.geonames:
        g.add((iri, DIP.geonamesId, Literal(info.geonames)))
        g.add((iri, OWL.sameAs, GEONAMES[f"{info.geonames}/"]))
    if info.latitude is not None and info.longitude is not None:
        g.add((iri, DIP.latitude, Literal(Decimal(f"{info.latitude:.4f}"), datatype=XSD.decimal)))
        g.add((iri, DIP.longitude, Literal(Decimal(f"{info.longitude:.4f}"), datatype=XSD.decimal)))


def _labels(g: Graph | TripleSet, iri: URIRef, labels: Iterable[Label]) -> None:
    """Every label as rdfs:label, and in lower case as dip:labelKey; the first of each language, the dictionary
    form, also as skos:prefLabel; the longest (each one of that length) also as dip:displayLabel, the one name
    queries show."""
    seen: set[str] = set()
    labels = tuple(labels)
    longest = max((len(label.text) for label in labels), default=0)
    for label in labels:
        g.add((iri, RDFS.label, Literal(label.text, lang=label.language)))
        g.add((iri, DIP.labelKey, Literal(label.text.lower())))
        if len(label.text) == longest:
            g.add((iri, DIP.displayLabel, Literal(label.text, lang=label.language)))
        if label.language not in seen:
            seen.add(label.language)
            g.add((iri, SKOS.prefLabel, Literal(label.text, lang=label.language)))


def load_dataset(path: Path) -> Dataset:
    """A graph file as an rdflib dataset: a TriG or N-Quads file keeps its named graphs, any other
    format fills the default graph. The format follows the file's suffix (Turtle otherwise). A
    folder is the store ``kg build`` wrote there (``kg.store``), read whole: for small graphs."""
    from kg.errors import DipkgError

    if path.is_dir():
        from kg.store import open_store, store_dataset

        return store_dataset(open_store(path))
    if not path.is_file():
        raise DipkgError(f"{path}: no such graph file; run 'kg build' first")
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    try:
        return rdf_io.read_into(ds, path)
    except (SyntaxError, ValueError, OSError) as exc:
        raise DipkgError(f"{path}: not a readable RDF graph: {str(exc).splitlines()[0]}") from exc


def write_dataset(ds: Dataset, path: str | Path, fmt: str) -> None:
    """Write the dataset in ``fmt`` (turtle, trig, nt, nquads, json-ld) with the graph's prefixes
    (through pyoxigraph: ``kg.rdf_io``)."""
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    prefixes.update(rdf=str(RDF), rdfs=str(RDFS), xsd=str(XSD))
    rdf_io.write_dataset(ds, path, WRITE_FORMATS[fmt], prefixes)


def union(ds: Dataset) -> Graph:
    """Every triple of every graph of the dataset, once."""
    g = Graph()
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns)
    for s, p, o, _ctx in ds.quads():
        g.add((s, p, o))
    return g


def load_graph(path: Path) -> Graph:
    """A graph file written by ``kg build`` (or any RDF file rdflib reads) as one graph: the named
    graphs of a TriG or N-Quads file merged."""
    return union(load_dataset(path))
