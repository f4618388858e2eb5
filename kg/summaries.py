"""Tallies of the meetings of the whole collection, for queries that count them (``kg/queries``).

Counting meetings by pairs of states, years, sectors and places means joining every meeting's
facts at query time: hundreds of milliseconds at 10,000 reports. The build counts them once
instead, from the same facts the report graphs state, into a graph of its own
(``SUMMARY_GRAPH``), rewritten whenever a report graph changes:

- ``dip:SectorTally``: the meetings of a state (``dip:tallyCountry``) with another
  (``dip:tallyPartner``) on a sector (``dip:tallyTopic``): a meeting is between two states when one
  participant's post serves one and another's the other (``dip:countryKey``);
- ``dip:YearSectorTally``: the same by year and sector (``dip:tallyYear``, ``dip:tallySector``: the
  meetings' ``dip:yearKey`` and ``dip:sectorKey``, the empty string where unknown), with the reports
  that tell them (``dip:reportList``);
- ``dip:PlaceTally``: the meetings that engage a place (``dip:tallyPlace``) with a state: held
  there, or with a participant whose post governs it (a governor or mayor, or their deputy),
  with the sectors they discussed (``dip:topicList``).

Each tally has ``dip:meetingCount``; a meeting several reports tell counts once.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kg import nt
from kg.events import Event, MeetingRef
from kg.graph import N_DIP, N_RES, N_SECTOR, N_TYPE, RES, entity_term, meeting_term
from kg.model import Entity, Extraction

SUMMARY_GRAPH = RES["graph/summaries"]
# The posts whose holder engages the place they govern in every meeting the holder takes part in.
LOCAL_HEADS = frozenset({"governor", "deputy-governor", "mayor", "deputy-mayor"})
LIST_SEPARATOR = ", "


@dataclass(frozen=True)
class MeetingFacts:
    """What the report graphs state of one meeting, over every report that tells it: the keys its
    tallies count it under (``dip:countryKey``, ``dip:yearKey``, ``dip:sectorKey`` as strings), the
    places it engages (node IRIs in N-Triples form) and the ``dip:sourceFile`` of its reports."""

    countries: frozenset[str]
    years: frozenset[str]
    sectors: frozenset[str]
    places: frozenset[str]
    reports: frozenset[str]


def tallies(extractions: Iterable[Extraction], entities: Mapping[str, Entity], redirect: Mapping[str, str],
            events: Mapping[MeetingRef, Event], served: Mapping[str, frozenset[str]]) -> bytes:
    """The summary graph of the collection as sorted N-Triples (``extractions`` may be outlines)."""
    return tally_triples(meeting_facts(extractions, entities, redirect, events, served))


def tally_triples(meetings: Mapping[str, MeetingFacts]) -> bytes:
    """The tallies of ``meetings`` (meeting node → its facts) as sorted N-Triples."""
    by_sector: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    by_year: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    reports_of: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    by_place: dict[tuple[str, str], set[str]] = defaultdict(set)
    topics_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m, seen in meetings.items():
        pairs = [(c, p) for c in seen.countries for p in seen.countries if c != p]
        for c, p in pairs:
            for s in seen.sectors - {""}:
                by_sector[c, p, s].add(m)
            for y in seen.years:
                for s in seen.sectors:
                    by_year[c, p, y, s].add(m)
                    reports_of[c, p, y, s] |= seen.reports
        for place in seen.places:
            for p in seen.countries:
                by_place[place, p].add(m)
                topics_of[place, p] |= seen.sectors - {""}
    g = nt.Lines()
    for (c, p, s), found in by_sector.items():
        t = _tally(g, N_DIP.SectorTally, c, p, len(found), s)
        g.add((t, N_DIP.tallyTopic, N_SECTOR[s]))
    for (c, p, y, s), found in by_year.items():
        t = _tally(g, N_DIP.YearSectorTally, c, p, len(found), y, s)
        g.add((t, N_DIP.tallyYear, nt.literal(int(y)) if y else nt.literal("")))
        g.add((t, N_DIP.tallySector, nt.literal(s)))
        g.add((t, N_DIP.reportList, nt.literal(LIST_SEPARATOR.join(sorted(reports_of[c, p, y, s])))))
    for (place, p), found in by_place.items():
        t = _tally(g, N_DIP.PlaceTally, "", p, len(found), place)
        g.add((t, N_DIP.tallyPlace, place))
        g.add((t, N_DIP.topicList, nt.literal(LIST_SEPARATOR.join(sorted(topics_of[place, p])))))
    return g.document()


def _tally(g: nt.Lines, kind: nt.Term, country: str, partner: str, count: int, *dims: str) -> nt.Term:
    t = N_RES[f"tally/{hashlib.sha1(repr((kind, country, partner, dims)).encode('utf-8')).hexdigest()[:16]}"]
    g.add((t, N_TYPE, kind))
    if country:
        g.add((t, N_DIP.tallyCountry, nt.literal(country)))
    g.add((t, N_DIP.tallyPartner, nt.literal(partner)))
    g.add((t, N_DIP.meetingCount, nt.literal(count)))
    return t


def meeting_facts(extractions: Iterable[Extraction], entities: Mapping[str, Entity], redirect: Mapping[str, str],
                  events: Mapping[MeetingRef, Event], served: Mapping[str, frozenset[str]]) -> dict[str, MeetingFacts]:
    """Each meeting node's facts as the report graphs state them (``kg.graph.GraphBuilder``): the
    union over the reports that tell it."""
    extractions = list(extractions)
    governs: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        for post in x.posts:
            if post.role in LOCAL_HEADS and post.jurisdiction:
                governs[redirect.get(post.holder, post.holder)].add(_node(post.jurisdiction, entities, redirect))
    out: dict[str, _Facts] = {}
    for x in extractions:
        src = x.report.key
        for n, meeting in enumerate(x.meetings, start=1):
            event = events.get((src, n))
            m = meeting_term(event.anchor if event is not None else (src, n))
            seen = out.setdefault(m, _Facts())
            who = [redirect.get(k, k) for k in meeting.participants]
            seen.countries.update(c for k in who for c in served.get(k, ()))
            seen.years.add(str(meeting.date.year) if meeting.date else "")
            seen.sectors.update([t.sector for t in meeting.topics] or [""])
            location = event.location if event is not None else meeting.location
            if location:
                seen.places.add(_node(location, entities, redirect))
            seen.places.update(place for k in who for place in governs.get(k, ()))
            seen.reports.add(x.report.source_file)
    return {m: MeetingFacts(*(frozenset(getattr(seen, f)) for f in _FIELDS)) for m, seen in out.items()}


_FIELDS = ("countries", "years", "sectors", "places", "reports")


@dataclass
class _Facts:
    """``MeetingFacts`` while the reports that tell a meeting are read."""

    countries: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    sectors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    reports: set[str] = field(default_factory=set)


def _node(key: str, entities: Mapping[str, Entity], redirect: Mapping[str, str]) -> str:
    e = entities[redirect.get(key, key)]
    return entity_term(e.kind, e.country_code, e.key)
