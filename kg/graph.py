"""Extractions → RDF: one named graph per report (N-Triples text, ``kg.nt``) and one per entity it names,
with the entity's description (type, names, identifiers: the same whichever report names it), merged into one
graph for export.

Every fact carries evidence: ``?subject dip:evidence ?ev`` where ``?ev`` names the report, the
sentence and its half-open character offsets, and (``dip:supportsProperty`` /
``dip:supportsValue``) which statement of the subject it supports. A report's mentions of an entity have
evidence for each way the report writes the name, in the first sentence that writes it so: a sentence that repeats
a name adds nothing to why the report names the entity, nor to the rule that joined the name to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property, lru_cache, partial
from operator import attrgetter
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import namespaces as ns
from kg import nt, rdf_io
from kg.events import Event, MeetingRef, event_of
from kg.files import ONTOLOGY_DIR
from kg.merging import join_rule, stable_id
from kg.model import Entity, Evidence, Extraction, Label, MentionKind, PartialDate, Post, Report, Span
from kg.names import search_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rdflib import Dataset, Graph, URIRef
    from rdflib.term import Node

# A build writes N-Triples text (``kg.nt``) from the namespaces' IRIs (``kg.namespaces``) and does not load rdflib,
# whose namespaces and terms (``DIP``, ``RES`` ...: ``__getattr__``) are made where a small graph is walked in rdflib.
VOCABULARY_GRAPH_IRI = f"{ns.RESOURCE}graph/vocabulary"
# The classes of an organization's and of a place's kinds (``Entity.subtype``), in the ontology's namespace.
ORG_CLASS_NAMES = {"government": "GovernmentBody", "university": "University", "company": "Company",
                   "international": "InternationalOrganization"}
PLACE_CLASS_NAMES = {"region": "Region", "city": "City", "country": "Country"}
WRITE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
                 "nquads": ox.RdfFormat.N_QUADS, "json-ld": ox.RdfFormat.JSON_LD}
# The names of this module that are rdflib's namespaces and terms (``_rdflib_names``).
RDFLIB_NAMES = frozenset({"DIP", "RES", "SECTOR", "ROLE", "WD", "GEONAMES", "VOCABULARY_GRAPH", "ORG_CLASSES",
                          "PLACE_CLASSES"})


@cache
def _rdflib_names() -> dict[str, Any]:
    """rdflib's namespaces and terms of the graph: ``DIP`` (a namespace that makes each ``DIP.term`` once, where
    rdflib's makes a new IRI at every use), ``RES``, ``SECTOR``, ``ROLE``, ``WD``, ``GEONAMES``, the vocabulary's
    graph and the classes of organizations' and places' kinds."""
    from rdflib import Namespace, URIRef

    class Terms(Namespace):
        def __getattr__(self, name: str) -> URIRef:
            term = super().__getattr__(name)
            self.__dict__[name] = term
            return term

    dip = Terms(ns.ONTOLOGY)
    return {"DIP": dip, "RES": Namespace(ns.RESOURCE), "SECTOR": Namespace(ns.SECTOR), "ROLE": Namespace(ns.ROLE),
            "WD": Namespace(ns.WIKIDATA), "GEONAMES": Namespace(ns.GEONAMES),
            "VOCABULARY_GRAPH": URIRef(VOCABULARY_GRAPH_IRI),
            "ORG_CLASSES": {k: dip[v] for k, v in ORG_CLASS_NAMES.items()},
            "PLACE_CLASSES": {k: dip[v] for k, v in PLACE_CLASS_NAMES.items()}}


def __getattr__(name: str) -> Any:
    if name in RDFLIB_NAMES:
        return _rdflib_names()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The entities whose names a query may ask in the words of the reports (dip:quoteKey).
QUOTED_KINDS = frozenset({MentionKind.PLACE, MentionKind.ORGANIZATION})


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def report_iri(key: str) -> URIRef:
    """A report's IRI, from ``Report.key`` (its path relative to its folder), never the base name alone."""
    return _rdflib_names()["RES"][f"report/{_report_id(key)}"]


def report_term(key: str) -> nt.Term:
    """``report_iri`` as an N-Triples term."""
    return N_RES[f"report/{_report_id(key)}"]


def report_graph_name(key: str) -> str:
    """The IRI of a report's named graph."""
    return f"{ns.RESOURCE}graph/{_report_id(key)}"


@lru_cache(maxsize=1 << 17)
def _report_id(key: str) -> str:
    """The id of a report's node, graph and meetings: a build asks for each report's three times or more."""
    return stable_id("report:" + key)


def entity_iri(e: Entity) -> URIRef:
    res = _rdflib_names()["RES"]
    if e.kind == MentionKind.COUNTRY and e.country_code:
        return res[f"country/{e.country_code}"]
    folder = {MentionKind.PERSON: "person", MentionKind.PLACE: "place", MentionKind.ORGANIZATION: "organization"}
    return res[f"{folder.get(e.kind, 'entity')}/{stable_id(e.key)}"]


Triple = tuple["Node", "Node", "Node"]

# How a summary for queries joins the items of a list (dip:roleList, dip:sectorList, dip:topicList, ...).
LIST_SEPARATOR = ", "
# The builder writes terms as N-Triples text (``kg.nt``): a report's graph goes to the store as
# N-Triples, and making rdflib terms first cost most of the time of writing it.
N_DIP, N_RES, N_SECTOR, N_ROLE, N_WD, N_GEONAMES = (nt.Names(iri) for iri in (ns.ONTOLOGY, ns.RESOURCE, ns.SECTOR,
                                                                              ns.ROLE, ns.WIKIDATA, ns.GEONAMES))
N_TYPE, N_LABEL, N_SAME_AS = nt.iri(ns.RDF + "type"), nt.iri(ns.RDFS + "label"), nt.iri(ns.OWL + "sameAs")
N_PREF_LABEL, N_HIDDEN_LABEL = nt.iri(ns.SKOS + "prefLabel"), nt.iri(ns.SKOS + "hiddenLabel")
N_DATE, N_YEAR_MONTH, N_YEAR = (nt.iri(ns.XSD + t) for t in ("date", "gYearMonth", "gYear"))
N_DECIMAL, N_ANY_URI = nt.iri(ns.XSD + "decimal"), nt.iri(ns.XSD + "anyURI")
N_ORG_CLASSES = {k: N_DIP[v] for k, v in ORG_CLASS_NAMES.items()}
N_PLACE_CLASSES = {k: N_DIP[v] for k, v in PLACE_CLASS_NAMES.items()}
# Literals of evidence nodes (offsets, sentences, extractor names) recur: each is made once.
_literal = lru_cache(maxsize=1 << 16, typed=True)(nt.literal)


@lru_cache(maxsize=1 << 16)
def entity_term(kind: MentionKind, country_code: str | None, key: str) -> nt.Term:
    """An entity's node (``kg.nt``) from its kind, country code and key after merging."""
    if kind == MentionKind.COUNTRY and country_code:
        return N_RES[f"country/{country_code}"]
    folder = {MentionKind.PERSON: "person", MentionKind.PLACE: "place", MentionKind.ORGANIZATION: "organization"}
    return N_RES[f"{folder.get(kind, 'entity')}/{stable_id(key)}"]


def country_term(code: str) -> nt.Term:
    return N_RES[f"country/{code}"]


def description_graph(term: nt.Term) -> str:
    """The named graph of an entity's description, beside the node's own path: ``res:graph/person/…`` describes
    ``res:person/…`` (a report's graph, ``res:graph/<id>``, has no slash after ``graph/``)."""
    return f"{ns.RESOURCE}graph/{term[len(ns.RESOURCE) + 1:-1]}"


def meeting_term(anchor: MeetingRef) -> nt.Term:
    """A meeting's node, from the report and number of the meeting that anchors its event (``kg.events``)."""
    return f"{_meetings_of(anchor[0])}{anchor[1]}>"


def meeting_lines(key: str) -> bytes:
    """How the N-Triples lines about the meetings report ``key`` anchors begin."""
    return _meetings_of(key).encode("utf-8")


def _meetings_of(key: str) -> str:
    return f"<{ns.RESOURCE}meeting/{_report_id(key)}-"


def _date_term(d: PartialDate) -> nt.Term:
    return nt.literal(d.iso(), datatype=N_YEAR if d.month is None else N_YEAR_MONTH if d.day is None else N_DATE)


@dataclass(frozen=True)
class Description:
    """The graph of one entity's (or country's) description (``GraphBuilder.descriptions``), written into the
    store as a graph of tallies is (``kg.summaries.TallyGraph``): its signature is a hash of what it is written
    from (the entity, and the version of the code and data that write it), and its N-Triples are written only
    for a graph the store does not hold yet."""

    signature: str
    write: Callable[[], bytes]

    def ntriples(self) -> bytes:
        return self.write()

    def written(self) -> Description:
        """The description with its N-Triples written now."""
        return Description(self.signature, partial(_given, self.write()))


def _given(data: bytes) -> bytes:
    return data


class TripleSet(set):
    """A set of triples with the ``add`` and ``in`` of an rdflib graph."""


class GraphBuilder:
    """Adds extractions to a dataset; entity keys are those after cross-report merging."""

    def __init__(self, *, wikidata: dict[str, str] | None = None,
                 served: Mapping[str, frozenset[str]] | None = None,
                 roles: Mapping[str, frozenset[str]] | None = None) -> None:
        """``served``: the states each merged person's posts serve over the whole corpus (``served_states``);
        ``roles``: the roles of each merged person's posts over the whole corpus (``held_roles``); with both, a
        person's description lists them (``dip:roleList``, ``dip:servesList``), which who-met-whom shows, rather
        than reading every post of a participant. (A meeting's ``dip:countryKey``, the states its participants'
        posts serve in any report, is a tally of the collection's: ``kg.summaries``.)"""
        self.wikidata = wikidata or {}
        self.served = served
        self.roles = roles
        self._described: set[str] = set()  # the description graphs ``add`` has added

    @cached_property
    def ds(self) -> Dataset:
        """The dataset ``add`` fills, with the vocabulary graph; made on first use (``report_triples`` needs none)."""
        from rdflib import Dataset

        ds = Dataset()
        for prefix, iri in ns.GRAPH_PREFIXES.items():
            ds.bind(prefix, iri)
        vocab = ds.graph(_rdflib_names()["VOCABULARY_GRAPH"])
        for name in ("dipkg.ttl", "sectors.ttl", "roles.ttl"):
            vocab.parse(ONTOLOGY_DIR / name, format="turtle")
        return ds

    def add(self, x: Extraction, entities: dict[str, Entity], redirect: dict[str, str],
            events: Mapping[MeetingRef, Event] | None = None) -> None:
        """One report's facts, and the descriptions of the entities it names not yet added; ``events``
        (``kg.events``) makes the meetings several reports tell one node."""
        from rdflib import URIRef

        graph = self.ds.graph(URIRef(report_graph_name(x.report.key)))
        for triple in self.report_triples(x, entities, redirect, events):
            graph.add(triple)
        keys, countries = referenced(x, redirect, events)
        for iri, description in self.descriptions([entities[k] for k in sorted(keys)], countries).items():
            if iri in self._described:
                continue
            self._described.add(iri)
            graph = self.ds.graph(URIRef(iri))
            for triple in _rdflib_triples(description.ntriples()):
                graph.add(triple)

    def report_triples(self, x: Extraction, entities: dict[str, Entity], redirect: dict[str, str],
                       events: Mapping[MeetingRef, Event] | None = None) -> set[Triple]:
        """The triples of one report's graph as rdflib terms, without a dataset."""
        return _rdflib_triples(self.report_ntriples(x, entities, redirect, events))

    def report_ntriples(self, x: Extraction, entities: dict[str, Entity], redirect: dict[str, str],
                        events: Mapping[MeetingRef, Event] | None = None) -> bytes:
        """The triples of one report's graph as sorted N-Triples (for a store written report by report):
        the same triples always give the same bytes."""
        lines = nt.Lines()
        self.describe_report(lines, x, entities, redirect, events)
        return lines.document()

    def describe_report(self, g: nt.Lines, x: Extraction, entities: dict[str, Entity],
                        redirect: dict[str, str], events: Mapping[MeetingRef, Event] | None = None) -> None:
        """Add one report's triples to ``g`` (``kg.nt`` terms)."""
        src = x.report.key
        r = report_term(src)
        g.add((r, N_TYPE, N_DIP.Report))
        g.add((r, N_DIP.sourceFile, nt.literal(x.report.source_file)))
        g.add((r, N_DIP.language, nt.literal(x.report.language)))
        g.add((r, N_DIP.textLength, nt.literal(len(x.report.text))))
        g.add((r, N_DIP.textSha256, nt.literal(hashlib.sha256(x.report.text.encode("utf-8")).hexdigest())))
        if x.report.published:
            g.add((r, N_DIP.published, nt.literal(x.report.published.isoformat(), datatype=N_DATE)))
        if x.report.title:
            g.add((r, N_DIP.title, nt.literal(x.report.title, lang=x.report.language)))
        _provenance(g, r, x.report)

        named: dict[str, nt.Term] = {}  # the nodes of the merged entities; their descriptions are graphs of their own

        def node(key: str) -> nt.Term:
            merged = redirect.get(key, key)
            term = named.get(merged)
            if term is None:
                e = entities[merged]
                term = named[merged] = entity_term(e.kind, e.country_code, e.key)
            return term

        for e in x.entities:
            iri = node(e.key)
            merged = entities[redirect.get(e.key, e.key)]
            g.add((r, N_DIP.mentions, iri))
            if e.kind in QUOTED_KINDS:
                for quote in {m.text.lower() for m in e.mentions}:
                    g.add((iri, N_DIP.quoteKey, _literal(quote)))
            seen: set[str] = set()
            for m in e.mentions:
                if m.text in seen:
                    continue
                seen.add(m.text)
                sentence = x.sentence_at(m.start)
                ev = self._evidence(g, r, src, Evidence(src, sentence, Span(m.start, m.end, m.text)),
                                    N_DIP.mentions, iri, m.extractor)
                g.add((ev, N_DIP.joinRule, _literal(join_rule(merged, e, m))))
                g.add((r, N_DIP.evidence, ev))

        for post in x.posts:
            holder = node(post.holder)
            parts = [redirect.get(post.holder, post.holder), post.role, post.country, post.accredited_to,
                     redirect.get(post.jurisdiction, post.jurisdiction) if post.jurisdiction else None]
            p = N_RES[f"post/{_digest(*parts)}"]
            g.add((p, N_TYPE, N_DIP.Post))
            g.add((holder, N_DIP.holds, p))
            g.add((p, N_DIP.role, N_ROLE[post.role]))
            if post.country:
                g.add((p, N_DIP.country, country_term(post.country)))
            g.add((p, N_DIP.servesKey, nt.literal(post.country or "")))
            if post.accredited_to:
                g.add((p, N_DIP.accreditedTo, country_term(post.accredited_to)))
            if post.jurisdiction:
                g.add((p, N_DIP.jurisdiction, node(post.jurisdiction)))
            g.add((p, N_LABEL, nt.literal(f"{post.role} ({entities[redirect.get(post.holder, post.holder)].name})")))
            g.add((p, N_DIP.evidence, self._evidence(g, r, src, post.evidence, N_DIP.holds, p, "rules")))

        for n, meeting in enumerate(x.meetings, start=1):
            event = event_of((src, n), meeting, redirect, events)
            m = meeting_term(event.anchor)
            g.add((m, N_TYPE, N_DIP.Meeting))
            g.add((m, N_DIP.reportedIn, r))
            for key in meeting.participants:
                g.add((m, N_DIP.participant, node(key)))
            when = event.date
            if event.location:
                g.add((m, N_DIP.location, node(event.location)))
            if when:
                g.add((m, N_DIP.date, _date_term(when)))
            names = " – ".join(entities[redirect.get(k, k)].name for k in event.participants)
            g.add((m, N_LABEL, nt.literal(f"{names}" + (f", {when.iso()}" if when else ""))))
            g.add((m, N_DIP.evidence, self._evidence(g, r, src, meeting.evidence, N_DIP.participant, None, "rules")))
            for t in meeting.topics:
                g.add((m, N_DIP.topic, N_SECTOR[t.sector]))
                g.add((m, N_DIP.evidence, self._evidence(g, r, src, t.evidence, N_DIP.topic, N_SECTOR[t.sector],
                                                         "rules")))
            _grouping_keys(g, m, meeting.date, [t.sector for t in meeting.topics])

    def descriptions(self, entities: Iterable[Entity], countries: Iterable[str] = (), *,
                     version: str = "") -> dict[str, Description]:
        """The description of each merged entity (its type, names and identifiers), and of each country it lies
        in and of ``countries``, by the named graph that holds it (``description_graph``): the same in every
        report that names it, so stated once (``referenced`` tells which a report needs). ``version``: that of
        the code and data that write them (``kg.cache.extractor_version``), for their signatures."""
        out: dict[str, Description] = {}
        codes = set(countries)
        for e in entities:
            if e.kind == MentionKind.COUNTRY:
                codes.add(e.country_code or "")  # described as the country of that code
                continue
            term = entity_term(e.kind, e.country_code, e.key)
            made_from = (version, e.key, e.kind, e.subtype, e.labels, e.country_code, *self._held(e))
            out[description_graph(term)] = Description(_signature(made_from), partial(self._entity_lines, term, e))
            if e.country_code:
                codes.add(e.country_code)
        for code in sorted(codes):
            made_from = (version, code, self.wikidata.get(code))
            out[description_graph(country_term(code))] = Description(_signature(made_from),
                                                                     partial(self._country_lines, code))
        return out

    def _entity_lines(self, term: nt.Term, e: Entity) -> bytes:
        g = nt.Lines()
        self._describe(g, term, e)
        held = self._held(e)
        if held:
            roles, served = held
            g.add((term, N_DIP.roleList, nt.literal(LIST_SEPARATOR.join(roles))))
            g.add((term, N_DIP.servesList, nt.literal(LIST_SEPARATOR.join(served))))
        return g.document()

    def _held(self, e: Entity) -> tuple[tuple[str, ...], tuple[str, ...]] | tuple[()]:
        """A person's roles and the states its posts serve, sorted, where the builder knows those of the whole
        corpus (``roles``); none otherwise, and for what is no person."""
        if e.kind != MentionKind.PERSON or self.roles is None:
            return ()
        return tuple(sorted(self.roles.get(e.key, ()))), tuple(sorted((self.served or {}).get(e.key, ())))

    def _country_lines(self, code: str) -> bytes:
        from kg.lexicon import load_lexicon

        iri = country_term(code)
        g = nt.Lines()
        g.add((iri, N_TYPE, N_DIP.Country))
        g.add((iri, N_DIP.countryCode, nt.literal(code)))
        _labels(g, iri, load_lexicon().country_labels(code))
        if code in self.wikidata:
            g.add((iri, N_SAME_AS, N_WD[self.wikidata[code]]))
        return g.document()

    def _describe(self, g: nt.Lines, iri: nt.Term, e: Entity) -> None:
        if e.kind == MentionKind.PERSON:
            g.add((iri, N_TYPE, N_DIP.Person))
            for key in sorted({k for label in e.labels for k in search_keys(label.text)}):
                g.add((iri, N_HIDDEN_LABEL, nt.literal(key)))
        elif e.kind == MentionKind.PLACE:
            g.add((iri, N_TYPE, N_PLACE_CLASSES.get(e.subtype or "", N_DIP.Place)))
            _place_identifiers(g, iri, e.key)
        else:
            g.add((iri, N_TYPE, N_ORG_CLASSES.get(e.subtype or "", N_DIP.Organization)))
        _labels(g, iri, e.labels, fullest=e.kind == MentionKind.PERSON)
        if e.country_code:
            g.add((iri, N_DIP.inCountry, country_term(e.country_code)))

    @staticmethod
    def _evidence(g: nt.Lines, report: nt.Term, src: str, ev: Evidence, prop: nt.Term, value: nt.Term | None,
                  extractor: str) -> nt.Term:
        iri = N_RES[f"evidence/{_digest(src, ev.quote.start, ev.quote.end, prop[1:-1], value and value[1:-1])}"]
        g.add_about(iri, (
            (N_TYPE, N_DIP.Evidence),
            (N_DIP.inReport, report),
            (N_DIP.sentence, _literal(ev.sentence.text)),
            (N_DIP.sentenceStart, _literal(ev.sentence.start)),
            (N_DIP.sentenceEnd, _literal(ev.sentence.end)),
            (N_DIP.quote, nt.literal(ev.quote.text)),
            (N_DIP.quoteStart, _literal(ev.quote.start)),
            (N_DIP.quoteEnd, _literal(ev.quote.end)),
            (N_DIP.supportsProperty, prop),
        ))
        if value is not None:
            g.add((iri, N_DIP.supportsValue, value))
        if extractor:
            g.add((iri, N_DIP.extractor, _literal(extractor)))
        return iri

    def merged(self) -> Graph:
        """Every named graph and the vocabulary in one graph, for Turtle export and queries."""
        from rdflib import Graph

        g = Graph()
        for prefix, iri in ns.GRAPH_PREFIXES.items():
            g.bind(prefix, iri)
        for ctx in self.ds.graphs():
            for t in ctx:
                g.add(t)
        return g


def named_keys(x: Extraction, events: Mapping[MeetingRef, Event] | None = None) -> set[str]:
    """The keys (the report's own, before merging) of the entities a report's graph has nodes for: those it
    mentions, the holders of its posts and what they govern, its meetings' participants and places (an
    event's place where the meeting is one of an event's)."""
    keys = {e.key for e in x.entities}
    for post in x.posts:
        keys.add(post.holder)
        if post.jurisdiction:
            keys.add(post.jurisdiction)
    for n, meeting in enumerate(x.meetings, start=1):
        keys.update(meeting.participants)
        event = (events or {}).get((x.report.key, n))
        location = event.location if event is not None else meeting.location
        if location:
            keys.add(location)
    return keys


def referenced(x: Extraction, redirect: Mapping[str, str],
               events: Mapping[MeetingRef, Event] | None = None) -> tuple[set[str], set[str]]:
    """The merged entities a report's graph names and the countries its posts serve or are accredited to:
    the descriptions its nodes have elsewhere (``GraphBuilder.descriptions``)."""
    countries = {c for post in x.posts for c in (post.country, post.accredited_to) if c}
    return {redirect.get(k, k) for k in named_keys(x, events)}, countries


def _signature(made_from: tuple) -> str:
    return hashlib.sha256(repr(made_from).encode("utf-8")).hexdigest()


def _rdflib_triples(data: bytes) -> TripleSet:
    return TripleSet((rdf_io.to_rdflib(t.subject), rdf_io.to_rdflib(t.predicate), rdf_io.to_rdflib(t.object))
                     for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def served_states(extractions: Iterable[Extraction], redirect: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """The ISO codes of the states each merged person's posts serve, over every given report: what a
    meeting's ``dip:countryKey`` summarises (``dip:participant/dip:holds/dip:country/dip:countryCode``)."""
    return _of_holders(extractions, redirect, attrgetter("country"))


def held_roles(extractions: Iterable[Extraction], redirect: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """The roles (``skos:notation``) of each merged person's posts, over every given report: what a person's
    ``dip:roleList`` lists."""
    return _of_holders(extractions, redirect, attrgetter("role"))


def _of_holders(extractions: Iterable[Extraction], redirect: Mapping[str, str],
                value: Callable[[Post], str | None]) -> dict[str, frozenset[str]]:
    """One value of each post (none where it is empty), gathered by the merged person who holds it."""
    out: dict[str, set[str]] = {}
    for x in extractions:
        for post in x.posts:
            found = value(post)
            if found:
                out.setdefault(redirect.get(post.holder, post.holder), set()).add(found)
    return {k: frozenset(v) for k, v in out.items()}


def _provenance(g: nt.Lines, r: nt.Term, report: Report) -> None:
    """Where the report came from, beyond its file's base name: the file's path relative to the
    folder it was found in, the record's number in a file of many, the page's address."""
    if report.source_path:
        g.add((r, N_DIP.sourcePath, nt.literal(report.source_path)))
    if report.source_record is not None:
        g.add((r, N_DIP.sourceRecord, nt.literal(report.source_record)))
    if report.source_url:
        g.add((r, N_DIP.sourceUrl, nt.literal(report.source_url, datatype=N_ANY_URI)))


def _grouping_keys(g: nt.Lines, meeting: nt.Term, date: PartialDate | None, sectors: list[str]) -> None:
    """A meeting's year and sectors as plain keys that are always there (``""`` when unknown), so that a query
    groups or filters by them with a join instead of an OPTIONAL over every meeting of the graph."""
    g.add((meeting, N_DIP.yearKey, nt.literal(date.year) if date else nt.literal("")))
    for sector in sectors or [""]:
        g.add((meeting, N_DIP.sectorKey, nt.literal(sector)))


def _place_identifiers(g: nt.Lines, iri: nt.Term, key: str) -> None:
    """ISO 3166-2 code, GeoNames id (and owl:sameAs its GeoNames IRI) and coordinates of a known place."""
    from kg.lexicon import load_lexicon

    info = load_lexicon().place(key.removeprefix("place:"))
    if info is None:
        return
    if info.iso:
        g.add((iri, N_DIP.subdivisionCode, nt.literal(info.iso)))
    if info.geonames:
        g.add((iri, N_DIP.geonamesId, nt.literal(info.geonames)))
        g.add((iri, N_SAME_AS, N_GEONAMES[f"{info.geonames}/"]))
    if info.latitude is not None and info.longitude is not None:
        g.add((iri, N_DIP.latitude, nt.literal(_decimal(info.latitude), datatype=N_DECIMAL)))
        g.add((iri, N_DIP.longitude, nt.literal(_decimal(info.longitude), datatype=N_DECIMAL)))


def _decimal(value: float) -> str:
    """A coordinate to four places, as rdflib writes ``Decimal(f"{value:.4f}")``."""
    return format(Decimal(f"{value:.4f}"), "f")


def _labels(g: nt.Lines, iri: nt.Term, labels: Iterable[Label], *, fullest: bool = False) -> None:
    """Every label as rdfs:label, and in lower case as dip:labelKey; the first of each language, the dictionary
    form, also as skos:prefLabel; the first of the longest of those (``fullest``: of all, a person's fullest name)
    also as dip:displayLabel, the one name queries show (a name spelt alike in two languages, or as long, is still
    one row of a table). A place's or country's other names (Алма-Ата, Нур-Султан, Французская Республика) are no
    display label: its usual names come first in each language."""
    labels = tuple(labels)
    preferred: dict[str, Label] = {}
    for label in labels:
        preferred.setdefault(label.language, label)
    firsts = labels if fullest else tuple(preferred.values())
    longest = max((len(label.text) for label in firsts), default=0)
    shown = next((label for label in firsts if len(label.text) == longest), None)
    for label in labels:
        text = nt.literal(label.text, lang=label.language)
        g.add((iri, N_LABEL, text))
        g.add((iri, N_DIP.labelKey, nt.literal(label.text.lower())))
        if label is shown:
            g.add((iri, N_DIP.displayLabel, text))
        if preferred[label.language] is label:
            g.add((iri, N_PREF_LABEL, text))


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
    from rdflib import Dataset

    ds = Dataset()
    for prefix, iri in ns.GRAPH_PREFIXES.items():
        ds.bind(prefix, iri)
    try:
        return rdf_io.read_into(ds, path)
    except (SyntaxError, ValueError, OSError) as exc:
        raise DipkgError(f"{path}: not a readable RDF graph: {str(exc).splitlines()[0]}") from exc


def write_dataset(ds: Dataset, path: str | Path, fmt: str) -> None:
    """Write the dataset in ``fmt`` (turtle, trig, nt, nquads, json-ld) with the graph's prefixes
    (through pyoxigraph: ``kg.rdf_io``)."""
    rdf_io.write_dataset(ds, path, WRITE_FORMATS[fmt], ns.PREFIXES)


def union(ds: Dataset) -> Graph:
    """Every triple of every graph of the dataset, once."""
    from rdflib import Graph

    g = Graph()
    for prefix, iri in ds.namespaces():
        g.bind(prefix, iri)
    for s, p, o, _ctx in ds.quads():
        g.add((s, p, o))
    return g


def load_graph(path: Path) -> Graph:
    """A graph file written by ``kg build`` (or any RDF file rdflib reads) as one graph: the named
    graphs of a TriG or N-Quads file merged."""
    return union(load_dataset(path))
