"""A view and its graph → the data the page embeds: nodes, edges, names, facts and evidence.

Everything the page shows is in this payload, as data: the page builds its text with
``textContent`` and the payload is embedded as JSON with ``<``, ``>`` and ``&`` escaped.

Shapes of the payload (lists rather than objects where there are many, to keep pages small):

- ``catalog[i] = {"c": category, "l": {lang: label}, "k": [search forms], "m": [stems], "f": [facts]}``;
  the nodes of the view and every node their facts or edges name; ``k`` and ``m`` (the stems of
  the label words, which a query word may extend by an ending) only for nodes of the view, ``f``
  only for them and the meetings behind its edges and rows.
- a fact: ``{"p": relation, "v": [segment, ...], "x": [[relation, [segment, ...]], ...], "e": [evidence]}``
  where a segment is a catalog index (a node), a string (literal text) or ``{"t": i}``, a term
  with labels such as a role, ``terms[i] = {lang: text}`` (each term once: a large view names
  the same few roles tens of thousands of times); ``{"p": relation, "more": n}`` says n facts were left out.
- ``nodes[j] = [catalog index, value]`` or ``[catalog index, value, x, y]`` with a precomputed layout.
- ``first``: the catalog indexes of the nodes drawn when the page opens, or null for all
  (``kg.views.subset``); ``weights``: the label weight of each node type, by which the page ranks labels.
- ``edges[j] = [source node, target node, relation, weight, [meetings], [[sector, count]], [dates]]``.
- ``evidence[k] = [sentence, report, sentence start, sentence end, quote from, quote to]``: indexes into
  ``sentences`` and ``reports``; offsets into the report in characters; the quote as UTF-16
  offsets into the sentence (as JavaScript counts), -1 when unknown.
- ``reports[r] = [source file, title, published, language]``.
- ``meetings[j] = [meeting, date, [sectors], [home regions], [partner states]]`` (catalog indexes) in
  the regions and timeline views, which the page filters and counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rdflib import URIRef

from kg.graph import DIP
from kg.lang import label_order
from kg.views.index import LANGUAGES, ORGANIZATIONS, PLACES, GraphIndex
from kg.views.kinds import View
from kg.views.search import label_stems
from kg.views.subset import LABEL_WEIGHT
from kg.views.text import TYPE_CLASSES, plural_terms, relation_terms, type_terms, ui_terms

MAX_FACTS = 200  # facts of one relation shown per node; the panel says how many more there are
MAX_EDGE_MEETINGS = 200


class _Builder:
    def __init__(self, index: GraphIndex) -> None:
        self.index = index
        self.catalog: list[dict[str, Any]] = []
        self.ref_of: dict[URIRef, int] = {}
        self.evidence: list[list[int]] = []
        self.evidence_ref: dict[URIRef, int] = {}
        self.sentences: list[str] = []
        self.sentence_ref: dict[str, int] = {}
        self.reports: list[list[str]] = []
        self.report_ref: dict[URIRef, int] = {}
        self.terms: list[dict[str, str]] = []
        self.term_ref: dict[URIRef, int] = {}

    def ref(self, node: URIRef) -> int:
        if node not in self.ref_of:
            self.ref_of[node] = len(self.catalog)
            entry: dict[str, Any] = {"c": self.index.category.get(node, "other"), "l": self.labels(node)}
            self.catalog.append(entry)
        return self.ref_of[node]

    def labels(self, node: URIRef) -> dict[str, str]:
        if self.index.category.get(node) != "meeting":
            return self.index.labels_by_language(node)
        rec = self.index.meetings[node]
        out = {}
        for language in LANGUAGES:
            names = [_pick(self.index.labels_by_language(p), language) for p in rec.participants]
            text = " – ".join(sorted(names)) or _pick(self.index.labels_by_language(node), language)
            out[language] = f"{text}, {rec.date}" if rec.date and rec.participants else text
        return out

    def report(self, report: URIRef | None) -> int:
        if report is None:
            return -1
        if report not in self.report_ref:
            rec = self.index.reports.get(report)
            self.report_ref[report] = len(self.reports)
            self.reports.append([rec.source_file, rec.title, rec.published, rec.language] if rec else
                                [str(report), "", "", ""])
        return self.report_ref[report]

    def ev(self, evidence: Iterable[URIRef]) -> list[int]:
        out = []
        for e in evidence:
            if e not in self.evidence_ref:
                rec = self.index.evidence[e]
                if rec.sentence not in self.sentence_ref:
                    self.sentence_ref[rec.sentence] = len(self.sentences)
                    self.sentences.append(rec.sentence)
                q_from, q_to = _quote_in_sentence(rec.sentence, rec.quote, rec.sentence_start, rec.quote_start)
                self.evidence_ref[e] = len(self.evidence)
                self.evidence.append([self.sentence_ref[rec.sentence], self.report(rec.report),
                                      _or(rec.sentence_start), _or(rec.sentence_end), q_from, q_to])
            out.append(self.evidence_ref[e])
        return out

    def meeting_evidence(self, meeting: URIRef, prop: URIRef, value: URIRef | None = None) -> list[URIRef]:
        return [e for e in self.index.meetings[meeting].evidence
                if self.index.evidence[e].prop == prop and (value is None or self.index.evidence[e].value == value)]

    def facts(self, node: URIRef) -> list[dict[str, Any]]:
        ix = self.index
        category = ix.category.get(node)
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        told: dict[str, int] = defaultdict(int)  # the facts of each relation, shown or not

        def room(relation: str) -> bool:
            """Whether the panel shows one more fact of ``relation``; if not, the fact is only counted. A fact left
            out names no node, evidence or report in the payload: a state met in thousands of meetings would
            otherwise bring every one of their sentences into the page, to show 200."""
            told[relation] += 1
            return told[relation] <= MAX_FACTS

        def add(relation: str, value: list[Any], evidence: Iterable[URIRef] = (),
                extra: list[list[Any]] | None = None) -> None:
            fact: dict[str, Any] = {"p": relation, "v": value}
            if extra:
                fact["x"] = extra
            evs = self.ev(evidence)
            if evs:
                fact["e"] = evs
            groups[relation].append(fact)

        if category == "meeting":
            rec = ix.meetings[node]
            said = self.meeting_evidence(node, DIP.participant)
            if rec.date:
                add("date", [rec.date])
            for p in rec.participants:
                if room("participant"):
                    add("participant", [self.ref(p)], said, self.post_parts(p, with_role=True))
            for place in rec.locations:
                if room("location"):
                    add("location", [self.ref(place)], said)
            for t in rec.topics:
                if room("topic"):
                    add("topic", [self.ref(t)], self.meeting_evidence(node, DIP.topic, t))
        if category == "person":
            for post in ix.holds.get(node, ()):
                if post in ix.posts and room("holds"):
                    rec = ix.posts[post]
                    add("holds", [self.term(r) for r in rec.roles], rec.evidence, self.post_parts(node, post=post))
            for m in ix.meetings_of.get(node, ()):
                if room("participantOf"):
                    add("participantOf", [self.ref(m)], self.meeting_evidence(m, DIP.participant))
        if category in PLACES or category in ORGANIZATIONS:
            if node in ix.country_code:
                add("countryCode", [ix.country_code[node]])
            for same in ix.same_as.get(node, ()):
                if room("sameAs"):
                    add("sameAs", [same.rsplit("/", 1)[-1]])
            for c in ix.in_country.get(node, ()):
                if room("inCountry"):
                    add("inCountry", [self.ref(c)])
            for relation, posts in (("servedBy", ix.posts_serving), ("accreditedHere", ix.posts_accredited),
                                    ("governedBy", ix.posts_governing)):
                for post in posts.get(node, ()):
                    rec = ix.posts[post]
                    for holder in rec.holders:
                        if room(relation):
                            add(relation, [self.ref(holder)], rec.evidence,
                                [["role", [self.term(r) for r in rec.roles]]])
            for m in reversed(ix.meetings_at.get(node, ())):
                if room("locationOf"):
                    add("locationOf", [self.ref(m)], self.meeting_evidence(m, DIP.participant))
            for place in ix.places_in.get(node, ()):
                if room("placesIn"):
                    add("placesIn", [self.ref(place)])
        if category == "sector":
            if node in ix.notation:
                add("notation", [ix.notation[node]])
            for m in reversed(ix.meetings_on.get(node, ())):
                if room("topicOf"):
                    add("topicOf", [self.ref(m)], self.meeting_evidence(m, DIP.topic, node))
        if category != "meeting":
            by_report: dict[URIRef | None, list[URIRef]] = defaultdict(list)
            for e in ix.mention_evidence.get(node, ()):
                by_report[ix.evidence[e].report].append(e)
            for report, evs in sorted(by_report.items(), key=lambda kv: self.report_key(kv[0]), reverse=True):
                if room("mentionedIn"):
                    add("mentionedIn", [self.report_name(report)], sorted(evs, key=self.evidence_key))
        out: list[dict[str, Any]] = []
        for relation, facts in groups.items():
            out.extend(facts)
            if told[relation] > len(facts):
                out.append({"p": relation, "more": told[relation] - len(facts)})
        return out

    def post_parts(self, person: URIRef, *, post: URIRef | None = None, with_role: bool = False) -> list[list[Any]]:
        """Qualifiers of a person's post(s): the role, whom it serves, where, what it governs."""
        ix = self.index
        posts = [post] if post else [p for p in ix.holds.get(person, ()) if p in ix.posts]
        parts: list[list[Any]] = []
        for p in posts:
            rec = ix.posts[p]
            if with_role and rec.roles:
                parts.append(["role", [self.term(r) for r in rec.roles]])
            parts += [["serves", [self.ref(c)]] for c in rec.countries]
            parts += [["accreditedTo", [self.ref(c)]] for c in rec.accredited]
            parts += [["jurisdiction", [self.ref(j)]] for j in rec.jurisdictions]
        return parts

    def term(self, concept: URIRef) -> dict[str, int]:
        if concept not in self.term_ref:
            self.term_ref[concept] = len(self.terms)
            self.terms.append(self.index.labels_by_language(concept))
        return {"t": self.term_ref[concept]}

    def report_key(self, report: URIRef | None) -> tuple[str, str]:
        rec = self.index.reports.get(report) if report is not None else None
        return (rec.published, rec.source_file) if rec else ("", str(report))

    def report_name(self, report: URIRef | None) -> str:
        rec = self.index.reports.get(report) if report is not None else None
        return rec.source_file if rec else str(report)

    def evidence_key(self, e: URIRef) -> int:
        return self.index.evidence[e].sentence_start or 0


def build_payload(index: GraphIndex, view: View, *, lang: str, title: dict[str, str],
                  positions: dict[URIRef, tuple[float, float]] | None = None,
                  first: list[URIRef] | None = None) -> dict[str, Any]:
    b = _Builder(index)
    nodes: list[list[Any]] = []
    node_refs = set()
    for n in view.nodes:
        ref = b.ref(n.node)
        node_refs.add(ref)
        row: list[Any] = [ref, n.value]
        if positions is not None:
            row += list(positions[n.node])
        nodes.append(row)
    edges = []
    fact_refs = set(node_refs)
    for e in view.edges:
        meetings = [b.ref(m) for m in e.meetings[:MAX_EDGE_MEETINGS]]
        fact_refs.update(meetings)
        edges.append([b.ref_of[e.source], b.ref_of[e.target], e.relation, e.weight, meetings,
                      [[b.ref(s), count] for s, count in e.sectors], list(e.dates)])
    rows = []
    for r in view.meetings:
        ref = b.ref(r.meeting)
        fact_refs.add(ref)
        rows.append([ref, r.date, [b.ref(s) for s in r.sectors], [b.ref(x) for x in r.regions],
                     [b.ref(x) for x in r.partners]])
    for n in view.nodes:
        entry = b.catalog[b.ref_of[n.node]]
        entry["k"] = index.search_forms(n.node)
        entry["m"] = label_stems([t for texts in index.labels.get(n.node, {}).values() for t in texts])
    for node, ref in list(b.ref_of.items()):
        if ref in fact_refs:
            b.catalog[ref]["f"] = b.facts(node)
    categories = sorted({b.catalog[row[0]]["c"] for row in nodes}, key=list(TYPE_CLASSES).index)
    return {
        "kind": view.kind,
        "lang": lang,
        "title": title,
        "focus": b.ref_of.get(view.focus) if view.focus is not None else None,
        "layout": "precomputed" if positions is not None else "physics",
        "first": [b.ref_of[n] for n in first] if first is not None else None,
        "weights": dict(LABEL_WEIGHT),
        "categories": categories,
        "types": type_terms(index),
        "relations": relation_terms(index),
        "ui": ui_terms(),
        "plurals": plural_terms(),
        "nodes": nodes,
        "edges": edges,
        "meetings": rows,
        "catalog": b.catalog,
        "evidence": b.evidence,
        "sentences": b.sentences,
        "reports": b.reports,
        "terms": b.terms,
    }


def _pick(labels: dict[str, str], language: str) -> str:
    for lang in (*label_order(language), ""):
        if labels.get(lang):
            return labels[lang]
    return next(iter(labels.values()), "")


def _or(value: int | None) -> int:
    return -1 if value is None else value


def _quote_in_sentence(sentence: str, quote: str, sentence_start: int | None,
                       quote_start: int | None) -> tuple[int, int]:
    """Where the quote lies in the sentence, in UTF-16 code units, or (-1, -1)."""
    if not quote:
        return -1, -1
    at = -1
    if sentence_start is not None and quote_start is not None:
        rel = quote_start - sentence_start
        if rel >= 0 and sentence[rel:rel + len(quote)] == quote:
            at = rel
    if at < 0:
        at = sentence.find(quote)
    if at < 0:
        return -1, -1

    def units(text: str) -> int:
        return len(text.encode("utf-16-le")) // 2

    start = units(sentence[:at])
    return start, start + units(quote)


__all__ = ["MAX_FACTS", "build_payload"]
