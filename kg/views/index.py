"""What the views need of a graph, read in one pass over its triples.

rdflib's SPARQL engine is slow on graphs of a million triples; a view needs every meeting,
post, label and evidence node anyway, so one walk over the triples into dictionaries is both
simpler and far faster than a query per view.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import OWL, SKOS
from rdflib.term import Node

from kg.files import no_gc
from kg.graph import DIP
from kg.lang import codes

# The most specific class first: a node typed with several is shown as the first that applies.
CATEGORY_OF_CLASS: dict[URIRef, str] = {
    DIP.Meeting: "meeting",
    DIP.Person: "person",
    DIP.Country: "country",
    DIP.Region: "region",
    DIP.City: "city",
    DIP.GovernmentBody: "government",
    DIP.University: "university",
    DIP.Company: "company",
    DIP.InternationalOrganization: "international",
    DIP.Organization: "organization",
    DIP.Place: "place",
    DIP.Sector: "sector",
}
CATEGORY_CLASS = {category: cls for cls, category in CATEGORY_OF_CLASS.items()}
ORGANIZATIONS = frozenset({"government", "university", "company", "international", "organization"})
PLACES = frozenset({"country", "region", "city", "place"})
LANGUAGES = codes()
_PREDICATES: dict[URIRef, str] = {
    RDF.type: "type", RDFS.label: "label", SKOS.prefLabel: "pref", SKOS.altLabel: "alt", SKOS.hiddenLabel: "alt",
    SKOS.notation: "notation", OWL.sameAs: "sameAs", DIP.country: "country",
    **{DIP[name]: name for name in (
        "countryCode", "inCountry", "holds", "evidence", "reportedIn", "participant", "location",
        "topic", "date", "role", "accreditedTo", "jurisdiction", "sourceFile", "title", "published", "language",
        "inReport", "sentence", "sentenceStart", "sentenceEnd", "quote", "quoteStart", "quoteEnd",
        "supportsProperty", "supportsValue")},
}


def fold(text: str) -> str:
    """The search form of a text: NFC, lower case, ``ё`` as ``е``; the page folds queries alike."""
    return unicodedata.normalize("NFC", text).lower().replace("ё", "е")


@dataclass
class EvidenceRecord:
    report: URIRef | None = None
    sentence: str = ""
    sentence_start: int | None = None
    sentence_end: int | None = None
    quote: str = ""
    quote_start: int | None = None
    quote_end: int | None = None
    prop: URIRef | None = None
    value: URIRef | None = None


@dataclass
class MeetingRecord:
    report: URIRef | None = None
    participants: list[URIRef] = field(default_factory=list)
    locations: list[URIRef] = field(default_factory=list)
    topics: list[URIRef] = field(default_factory=list)
    date: str | None = None
    evidence: list[URIRef] = field(default_factory=list)


@dataclass
class PostRecord:
    holders: list[URIRef] = field(default_factory=list)
    roles: list[URIRef] = field(default_factory=list)
    countries: list[URIRef] = field(default_factory=list)
    accredited: list[URIRef] = field(default_factory=list)
    jurisdictions: list[URIRef] = field(default_factory=list)
    evidence: list[URIRef] = field(default_factory=list)


@dataclass
class ReportRecord:
    source_file: str = ""
    title: str = ""
    published: str = ""
    language: str = ""
    evidence: list[URIRef] = field(default_factory=list)


class GraphIndex:
    """Nodes by category, their labels and search forms, meetings, posts, reports and evidence."""

    def __init__(self, graph: Iterable[tuple[Node, Node, Node | str]]) -> None:
        """The index of ``graph``'s triples: an rdflib graph, or triples whose literals may be their lexical forms
        (``from_store``)."""
        types: dict[URIRef, set[URIRef]] = defaultdict(set)
        self.labels: dict[URIRef, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.alt_labels: dict[URIRef, set[str]] = defaultdict(set)
        self.pref_labels: dict[URIRef, dict[str, str]] = defaultdict(dict)
        self.notation: dict[URIRef, str] = {}
        self.country_code: dict[URIRef, str] = {}
        self.same_as: dict[URIRef, list[str]] = defaultdict(list)
        self.in_country: dict[URIRef, list[URIRef]] = defaultdict(list)
        self.holds: dict[URIRef, list[URIRef]] = defaultdict(list)
        self.meetings: dict[URIRef, MeetingRecord] = defaultdict(MeetingRecord)
        self.posts: dict[URIRef, PostRecord] = defaultdict(PostRecord)
        self.reports: dict[URIRef, ReportRecord] = defaultdict(ReportRecord)
        self.evidence: dict[URIRef, EvidenceRecord] = defaultdict(EvidenceRecord)
        evidence_of: dict[URIRef, list[URIRef]] = defaultdict(list)

        meetings, posts, reports, evidence = self.meetings, self.posts, self.reports, self.evidence
        for s, p, o in graph:
            key = _PREDICATES.get(p)
            if key is None or not isinstance(s, URIRef):
                continue
            if key == "type":
                types[s].add(o)
            elif key in ("label", "pref"):
                if isinstance(o, str) and not isinstance(o, URIRef):  # a literal (``from_store``: a plain one as str)
                    language = (o.language if isinstance(o, Literal) else None) or ""
                    self.labels[s][language].append(str(o))
                    if key == "pref":  # the first in order, where a node has two in one language
                        prefs = self.pref_labels[s]
                        prefs[language] = min(prefs.get(language, str(o)), str(o))
            elif key == "alt":
                self.alt_labels[s].add(str(o))
            elif key == "notation":
                self.notation[s] = str(o)
            elif key == "countryCode":
                self.country_code[s] = str(o)
            elif key == "sameAs":
                self.same_as[s].append(str(o))
            elif key == "inCountry":
                self.in_country[s].append(o)
            elif key == "holds":
                self.holds[s].append(o)
                posts[o].holders.append(s)
            elif key == "evidence":
                evidence_of[s].append(o)
            elif key == "reportedIn":
                meetings[s].report = o
            elif key == "participant":
                meetings[s].participants.append(o)
            elif key == "location":
                meetings[s].locations.append(o)
            elif key == "topic":
                meetings[s].topics.append(o)
            elif key == "date":
                meetings[s].date = str(o)
            elif key == "role":
                posts[s].roles.append(o)
            elif key == "country":
                posts[s].countries.append(o)
            elif key == "accreditedTo":
                posts[s].accredited.append(o)
            elif key == "jurisdiction":
                posts[s].jurisdictions.append(o)
            elif key == "sourceFile":
                reports[s].source_file = str(o)
            elif key == "title":
                reports[s].title = str(o)
            elif key == "published":
                reports[s].published = str(o)
            elif key == "language":
                reports[s].language = str(o)
            elif key == "inReport":
                evidence[s].report = o
            elif key == "sentence":
                evidence[s].sentence = str(o)
            elif key == "sentenceStart":
                evidence[s].sentence_start = _int(o)
            elif key == "sentenceEnd":
                evidence[s].sentence_end = _int(o)
            elif key == "quote":
                evidence[s].quote = str(o)
            elif key == "quoteStart":
                evidence[s].quote_start = _int(o)
            elif key == "quoteEnd":
                evidence[s].quote_end = _int(o)
            elif key == "supportsProperty":
                evidence[s].prop = o
            elif key == "supportsValue":
                evidence[s].value = o

        # in one order whatever the order of the triples (a file parsed, or a store read by predicate)
        for table in (self.labels, self.same_as, self.in_country, self.holds, evidence_of):
            _sort_table(table)
        for table in (self.labels, self.same_as, self.in_country, self.holds, evidence_of, meetings, posts, reports,
                      evidence):
            _sort_keys(table)
        for record in (*meetings.values(), *posts.values()):
            for value in vars(record).values():
                if isinstance(value, list):
                    value.sort(key=_text)

        self.category: dict[URIRef, str] = {}
        for node, classes in types.items():
            for cls, category in CATEGORY_OF_CLASS.items():
                if cls in classes:
                    self.category[node] = category
                    break
        self.meetings = {m: rec for m, rec in self.meetings.items() if self.category.get(m) == "meeting"}
        self.posts = {p: rec for p, rec in self.posts.items() if DIP.Post in types.get(p, ())}
        self.reports = {r: rec for r, rec in self.reports.items() if DIP.Report in types.get(r, ())}
        self.evidence = {e: rec for e, rec in self.evidence.items() if DIP.Evidence in types.get(e, ())}
        for subject, evs in evidence_of.items():
            evs = [e for e in evs if e in self.evidence]
            if subject in self.meetings:
                self.meetings[subject].evidence = evs
            elif subject in self.posts:
                self.posts[subject].evidence = evs
            elif subject in self.reports:
                self.reports[subject].evidence = evs
        # Sectors are nodes of the views only where a meeting discussed them.
        used_sectors = {t for rec in self.meetings.values() for t in rec.topics}
        for node, category in list(self.category.items()):
            if category == "sector" and node not in used_sectors:
                del self.category[node]
        for sector in used_sectors:
            self.category.setdefault(sector, "sector")

        self.mention_evidence: dict[URIRef, list[URIRef]] = defaultdict(list)
        for report in self.reports.values():
            for e in report.evidence:
                rec = self.evidence[e]
                if rec.prop == DIP.mentions and rec.value is not None:
                    self.mention_evidence[rec.value].append(e)
        self.posts_serving: dict[URIRef, list[URIRef]] = defaultdict(list)
        self.posts_accredited: dict[URIRef, list[URIRef]] = defaultdict(list)
        self.posts_governing: dict[URIRef, list[URIRef]] = defaultdict(list)
        for post, rec in self.posts.items():
            for c in rec.countries:
                self.posts_serving[c].append(post)
            for c in rec.accredited:
                self.posts_accredited[c].append(post)
            for j in rec.jurisdictions:
                self.posts_governing[j].append(post)
        self.meetings_of: dict[URIRef, list[URIRef]] = defaultdict(list)
        self.meetings_at: dict[URIRef, list[URIRef]] = defaultdict(list)
        self.meetings_on: dict[URIRef, list[URIRef]] = defaultdict(list)
        for m in sorted(self.meetings, key=self.meeting_sort_key):
            rec = self.meetings[m]
            for p in rec.participants:
                self.meetings_of[p].append(m)
            for place in rec.locations:
                self.meetings_at[place].append(m)
            for t in rec.topics:
                self.meetings_on[t].append(m)
        self.places_in: dict[URIRef, list[URIRef]] = defaultdict(list)
        for place, countries in self.in_country.items():
            for c in countries:
                self.places_in[c].append(place)

    @classmethod
    def from_store(cls, store: ox.Store) -> GraphIndex:
        """The index of a store's default graph, read by the predicates the index keeps (``kg.store.read_values``)."""
        from kg.store import read_values

        with no_gc():
            return cls(read_values(store, _PREDICATES))

    @classmethod
    def from_graphs(cls, graphs: Iterable[tuple[str, bytes]]) -> GraphIndex:
        """The index of the union of graphs given as N-Triples (``kg.store.graph_values``), as ``from_store`` reads
        it from a store that holds them."""
        from kg.store import graph_values

        with no_gc():  # long-lived records and no cycles: the collector would only walk them again and again
            return cls(graph_values(graphs, _PREDICATES))

    def meeting_sort_key(self, meeting: URIRef) -> tuple[str, str]:
        return (self.meetings[meeting].date or "", str(meeting))

    def nodes(self, categories: frozenset[str] | set[str] | None = None) -> list[URIRef]:
        """Nodes of the given categories (all when None), in a stable order."""
        return sorted(n for n, c in self.category.items() if categories is None or c in categories)

    def label(self, node: URIRef, language: str) -> str | None:
        """The display label in ``language`` only: its skos:prefLabel, else the fullest name of a
        person and the shortest of others."""
        pref = self.pref_labels.get(node, {}).get(language)
        if pref is not None:
            return pref
        options = self.labels.get(node, {}).get(language)
        if not options:
            return None
        if self.category.get(node) == "person":
            return sorted(options, key=lambda s: (-len(s), s))[0]
        return sorted(options, key=lambda s: (len(s), s))[0]

    def labels_by_language(self, node: URIRef) -> dict[str, str]:
        """One display label per language the graph has, untagged labels under ``""``."""
        out: dict[str, str] = {}
        for language in (*LANGUAGES, ""):
            text = self.label(node, language)
            if text:
                out[language] = text
        if not out:
            for language in sorted(self.labels.get(node, {})):
                text = self.label(node, language)
                if text:
                    out[""] = text
                    break
        if not out:
            code = self.country_code.get(node) or self.notation.get(node)
            out[""] = code or str(node).rstrip("/").rsplit("/", 1)[-1]
        return out

    def search_forms(self, node: URIRef) -> list[str]:
        """Every form the graph knows for a node, one per folded form: labels in any language,
        alternative labels, codes, and the inflected forms the reports use (its mentions' quotes)."""
        forms = {t for texts in self.labels.get(node, {}).values() for t in texts}
        forms |= self.alt_labels.get(node, set())
        for key in (self.country_code.get(node), self.notation.get(node)):
            if key:
                forms.add(key)
        for e in self.mention_evidence.get(node, ()):
            quote = self.evidence[e].quote
            if quote:
                forms.add(quote)
        by_fold: dict[str, str] = {}
        for f in sorted(f.strip() for f in forms if f.strip()):
            by_fold.setdefault(fold(f), f)
        return sorted(by_fold.values())

    def participant_countries(self, person: URIRef) -> list[URIRef]:
        """The states a person acts for: the states their posts serve, else their jurisdictions' states."""
        served = [c for post in self.holds.get(person, ()) if post in self.posts for c in self.posts[post].countries]
        if served:
            return list(dict.fromkeys(served))
        within = [c for post in self.holds.get(person, ()) if post in self.posts
                  for j in self.posts[post].jurisdictions for c in self.in_country.get(j, ())]
        within += self.in_country.get(person, [])
        return list(dict.fromkeys(within))

    def meeting_countries(self, meeting: URIRef) -> list[URIRef]:
        """The states that met: the participants' states, and the host state when only one is known."""
        rec = self.meetings[meeting]
        found = [c for p in rec.participants for c in self.participant_countries(p)]
        found = list(dict.fromkeys(c for c in found if self.category.get(c) == "country"))
        if len(found) < 2:
            for place in rec.locations:
                hosts = [place] if self.category.get(place) == "country" else self.in_country.get(place, [])
                found += [c for c in hosts if c not in found and self.category.get(c) == "country"]
        return sorted(found)

    def meeting_regions(self, meeting: URIRef) -> list[URIRef]:
        """Regions taking part: a region the meeting was held in, or one a participant governs."""
        rec = self.meetings[meeting]
        found = [place for place in rec.locations if self.category.get(place) == "region"]
        found += [j for p in rec.participants for post in self.holds.get(p, ()) if post in self.posts
                  for j in self.posts[post].jurisdictions if self.category.get(j) == "region"]
        return sorted(set(found))


def _sort_table(table: dict) -> None:
    """Sort each list of a table (of a table of lists, for the labels by language) in place."""
    for value in table.values():
        if isinstance(value, list):
            value.sort(key=_text)
        elif isinstance(value, dict):
            _sort_table(value)


def _sort_keys(table: dict) -> None:
    """Put a table's keys in order, in place (a ``defaultdict`` stays one)."""
    keys = sorted(table, key=_text)
    items = [(k, table[k]) for k in keys]
    table.clear()
    table.update(items)


# The text of an IRI or a literal, by which they are sorted: rdflib's own comparison, in Python, took 2.6 s of a
# view of 10,000 generated reports.
_text = str.__str__


def _int(o: object) -> int | None:
    try:
        return int(str(o))
    except ValueError:
        return None
