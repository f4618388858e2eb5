"""The kinds of view: which nodes and edges each shows, before any styling or layout."""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from rdflib import URIRef

from kg.errors import DipkgError
from kg.views.index import GraphIndex, fold
from kg.views.search import name_matches

EGO_CATEGORIES = frozenset({"person", "country", "region", "sector"})
# A name that looks like an IRI: a scheme, a colon and no white space (rdflib warns of any other).
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class ViewNode:
    node: URIRef
    category: str
    value: int = 1


@dataclass(frozen=True)
class ViewEdge:
    """An edge; ``weight`` counts the meetings behind it in the countries and sectors views."""

    source: URIRef
    target: URIRef
    relation: str
    weight: int = 1
    meetings: tuple[URIRef, ...] = ()
    sectors: tuple[tuple[URIRef, int], ...] = ()
    dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as the regions and timeline views filter and count it."""

    meeting: URIRef
    date: str
    sectors: tuple[URIRef, ...]
    regions: tuple[URIRef, ...]  # regions (and cities) of the home state that took part
    partners: tuple[URIRef, ...]  # foreign states that took part


@dataclass(frozen=True)
class View:
    kind: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    focus: URIRef | None = None
    meetings: tuple[MeetingRow, ...] = ()
    # Where each node is drawn, for views whose layout is their meaning (two columns); else None.
    positions: tuple[tuple[URIRef, float, float], ...] | None = None


def make_view(index: GraphIndex, kind: str, *, focus: str | None = None) -> View:
    """The nodes and edges of the registered view ``kind`` (see ``kg.views.registry``)."""
    from kg.views.registry import view_kind

    spec = view_kind(kind)
    if spec.make is None:
        raise DipkgError(f"the {kind} view is a picture, not a page: write it with write_view")
    if spec.needs_focus:
        if not focus:
            raise DipkgError(f"the {kind} view needs --focus NAME: a person, country, region or sector")
        return spec.make(index, find_node(index, focus))
    return spec.make(index, None)


def network_view(index: GraphIndex) -> View:
    """Persons, organizations, places, countries, sectors and meetings, with an edge per relation."""
    nodes = index.nodes()
    present = set(nodes)
    edges: dict[tuple[URIRef, URIRef, str], ViewEdge] = {}

    def link(source: URIRef, target: URIRef, relation: str) -> None:
        if source in present and target in present and source != target:
            edges.setdefault((source, target, relation), ViewEdge(source, target, relation))

    for m, rec in index.meetings.items():
        for p in rec.participants:
            link(m, p, "participant")
        for place in rec.locations:
            link(m, place, "location")
        for t in rec.topics:
            link(m, t, "topic")
    for post in index.posts.values():
        for holder in post.holders:
            for c in post.countries:
                link(holder, c, "serves")
            for c in post.accredited:
                link(holder, c, "accreditedTo")
            for j in post.jurisdictions:
                link(holder, j, "jurisdiction")
    for place, countries in index.in_country.items():
        for c in countries:
            link(place, c, "inCountry")
    ordered = sorted(edges.values(), key=lambda e: (str(e.source), str(e.target), e.relation))
    degree = Counter(n for e in ordered for n in (e.source, e.target))
    return View("network", tuple(ViewNode(n, index.category[n], 1 + degree[n]) for n in nodes), tuple(ordered))


def countries_view(index: GraphIndex) -> View:
    """One node per country; an edge per pair of countries that met, weighted by their meetings."""
    pair_meetings: dict[tuple[URIRef, URIRef], list[URIRef]] = defaultdict(list)
    per_country: Counter[URIRef] = Counter()
    for m in sorted(index.meetings, key=index.meeting_sort_key):
        countries = index.meeting_countries(m)
        per_country.update(countries)
        for a, b in combinations(countries, 2):
            pair_meetings[(a, b)].append(m)
    edges = tuple(_weighted(index, a, b, "met", ms) for (a, b), ms in sorted(pair_meetings.items()))
    met = {c for e in edges for c in (e.source, e.target)}
    nodes = tuple(ViewNode(c, "country", 1 + per_country[c]) for c in index.nodes(frozenset({"country"})) if c in met)
    return View("countries", nodes, edges)


def sectors_view(index: GraphIndex) -> View:
    """Countries and regions linked to the sectors their meetings discussed, sized by how often."""
    pair_meetings: dict[tuple[URIRef, URIRef], list[URIRef]] = defaultdict(list)
    actor_meetings: dict[URIRef, set[URIRef]] = defaultdict(set)
    for m in sorted(index.meetings, key=index.meeting_sort_key):
        rec = index.meetings[m]
        if not rec.topics:
            continue
        for actor in [*index.meeting_countries(m), *index.meeting_regions(m)]:
            actor_meetings[actor].add(m)
            for sector in dict.fromkeys(rec.topics):
                pair_meetings[(actor, sector)].append(m)
    edges = tuple(_weighted(index, a, s, "discussed", ms) for (a, s), ms in sorted(pair_meetings.items()))
    nodes = [ViewNode(a, index.category[a], 1 + len(ms)) for a, ms in sorted(actor_meetings.items())]
    sectors = sorted({s for _, s in pair_meetings})
    nodes += [ViewNode(s, "sector", 1 + len(index.meetings_on.get(s, ()))) for s in sectors]
    return View("sectors", tuple(nodes), edges)


def home_states(index: GraphIndex) -> set[URIRef]:
    """The states the languages' reports are presumed to come from (``Language.home_country``)."""
    from kg.lang import languages

    codes = {p.home_country for p in languages().values() if p.home_country}
    return {c for c, code in index.country_code.items() if code in codes and index.category.get(c) == "country"}


def meeting_rows(index: GraphIndex) -> list[MeetingRow]:
    """Every meeting with its sectors, the home state's regions that took part and the foreign states.

    A region takes part when the meeting was held there or a participant governs it; a city
    only when a participant governs it (a capital hosts many meetings that are not its own).
    """
    home = home_states(index)

    def at_home(place: URIRef) -> bool:
        return any(c in home for c in index.in_country.get(place, ()))

    rows = []
    for m in sorted(index.meetings, key=index.meeting_sort_key):
        rec = index.meetings[m]
        governed = [j for p in rec.participants for post in index.holds.get(p, ()) if post in index.posts
                    for j in index.posts[post].jurisdictions if index.category.get(j) == "city"]
        regions = [r for r in [*index.meeting_regions(m), *governed] if at_home(r)]
        partners = [c for c in index.meeting_countries(m) if c not in home]
        rows.append(MeetingRow(m, rec.date or "", tuple(dict.fromkeys(rec.topics)), tuple(dict.fromkeys(regions)),
                               tuple(partners)))
    return rows


REGION_X, PARTNER_X, ROW_GAP = 0.0, 400.0, 40.0


def regions_view(index: GraphIndex) -> View:
    """Regions of the home state (left) and the foreign states their meetings had (right), in two columns;
    an edge per region and state, as wide as their meetings. The page filters by sector and year."""
    rows = [r for r in meeting_rows(index) if r.regions and r.partners]
    pair_meetings: dict[tuple[URIRef, URIRef], list[URIRef]] = defaultdict(list)
    count: Counter[URIRef] = Counter()
    for row in rows:
        count.update(row.regions)
        count.update(row.partners)
        for region in row.regions:
            for partner in row.partners:
                pair_meetings[(region, partner)].append(row.meeting)
    edges = tuple(_weighted(index, a, b, "met", ms) for (a, b), ms in sorted(pair_meetings.items()))
    regions = sorted({r for row in rows for r in row.regions}, key=lambda n: (-count[n], str(n)))
    rank = {r: i for i, r in enumerate(regions)}
    partners_of: dict[URIRef, list[int]] = defaultdict(list)
    for a, b in pair_meetings:
        partners_of[b].append(rank[a])
    # Each state beside the regions it met (the mean of their rows), so that few edges cross.
    partners = sorted(partners_of, key=lambda n: (sum(partners_of[n]) / len(partners_of[n]), -count[n], str(n)))
    height = ROW_GAP * max(len(regions), len(partners), 2)
    positions = [(n, REGION_X, _spread(i, len(regions), height)) for i, n in enumerate(regions)]
    positions += [(n, PARTNER_X, _spread(i, len(partners), height)) for i, n in enumerate(partners)]
    nodes = tuple(ViewNode(n, index.category[n], 1 + count[n]) for n, _, _ in positions)
    return View("regions", nodes, edges, meetings=tuple(rows), positions=tuple(positions))


def timeline_view(index: GraphIndex) -> View:
    """The dated meetings with a foreign state or a home region, and those states and regions; the page
    counts them per year or month."""
    rows = tuple(r for r in meeting_rows(index) if r.date and (r.partners or r.regions))
    count: Counter[URIRef] = Counter(n for r in rows for n in (*r.partners, *r.regions))
    nodes = tuple(ViewNode(n, index.category[n], 1 + c) for n, c in sorted(count.items(), key=lambda kv: str(kv[0])))
    return View("timeline", nodes, (), meetings=rows)


def _spread(i: int, n: int, height: float) -> float:
    return round(height / 2 if n == 1 else i * height / (n - 1), 1)


def ego_view(index: GraphIndex, focus: URIRef, *, radius: int = 2) -> View:
    """A node and everything within ``radius`` steps of it in the network view."""
    whole = network_view(index)
    neighbours: dict[URIRef, set[URIRef]] = defaultdict(set)
    for e in whole.edges:
        neighbours[e.source].add(e.target)
        neighbours[e.target].add(e.source)
    depth = {focus: 0}
    queue = deque([focus])
    while queue:
        node = queue.popleft()
        if depth[node] == radius:
            continue
        for other in sorted(neighbours[node]):
            if other not in depth:
                depth[other] = depth[node] + 1
                queue.append(other)
    nodes = tuple(n for n in whole.nodes if n.node in depth)
    edges = tuple(e for e in whole.edges if e.source in depth and e.target in depth)
    return View("ego", nodes, edges, focus=focus)


def find_node(index: GraphIndex, name: str) -> URIRef:
    """The node ``name`` names: its IRI, one of its labels or codes, or a form the reports use.

    Exact labels win over the forms the reports use, those over any case form of a label (its words
    reduced to dictionary forms by the languages' morphology), and those over parts of names; persons, countries,
    regions and sectors over other nodes. A name that stays ambiguous is an error that lists
    the candidates, so that the user can pass one of their IRIs.
    """
    if IRI.match(name.strip()) and URIRef(name.strip()) in index.category:
        return URIRef(name.strip())
    wanted = fold(name.strip())
    nodes = index.nodes()

    def names(node: URIRef) -> set[str]:
        out = {fold(t) for texts in index.labels.get(node, {}).values() for t in texts}
        out |= {fold(t) for t in (index.country_code.get(node), index.notation.get(node)) if t}
        return out

    def forms(node: URIRef) -> list[str]:
        return [fold(f) for f in index.search_forms(node)]

    def words(node: URIRef) -> set[str]:
        return {w for f in forms(node) for w in (f, *f.split())}

    tiers: list[Iterable[URIRef]] = [
        (n for n in nodes if wanted in names(n)),
        (n for n in nodes if wanted in words(n)),
        (n for n in nodes if any(name_matches(wanted, label) for texts in index.labels.get(n, {}).values()
                                 for label in texts)),
        (n for n in nodes if any(wanted in f for f in forms(n))),
    ]
    for tier in tiers:
        found = list(tier)
        preferred = [n for n in found if index.category[n] in EGO_CATEGORIES] or found
        if len(preferred) == 1:
            return preferred[0]
        if preferred:
            listed = "; ".join(f"{_any_label(index, n)} <{n}>" for n in preferred[:6])
            raise DipkgError(f"--focus {name!r} names {len(preferred)} nodes: {listed}; pass one IRI")
    raise DipkgError(f"--focus {name!r}: no node of the graph has that name")


def _any_label(index: GraphIndex, node: URIRef) -> str:
    return next(iter(index.labels_by_language(node).values()))


def _weighted(index: GraphIndex, source: URIRef, target: URIRef, relation: str, meetings: list[URIRef]) -> ViewEdge:
    sectors = Counter(t for m in meetings for t in dict.fromkeys(index.meetings[m].topics))
    dates = sorted({d for m in meetings if (d := index.meetings[m].date)})
    ranked = tuple(sorted(sectors.items(), key=lambda kv: (-kv[1], str(kv[0]))))
    return ViewEdge(source, target, relation, len(meetings), tuple(meetings), ranked, tuple(dates))
