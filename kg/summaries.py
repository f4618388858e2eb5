"""Tallies of the meetings of the whole collection, for queries that count them (``kg/queries``).

Counting meetings by pairs of states, years, sectors and places means joining every meeting's
facts at query time: hundreds of milliseconds at 10,000 reports. The build counts them once
instead, from the same facts the report graphs state:

- a ``dip:StatePair`` for each pair of states whose meetings are counted (``dip:pairState``,
  twice): a meeting is between two states when one participant's post serves one and another's
  the other (``dip:countryKey``). Its ``dip:sectorTally`` nodes (``dip:SectorTally``) count the
  pair's meetings on a sector (``dip:tallyTopic``, ``dip:tallySector``); its
  ``dip:yearSectorTally`` nodes (``dip:YearSectorTally``) count them by year and sector
  (``dip:tallyYear``, ``dip:tallySector``: the meetings' ``dip:yearKey`` and ``dip:sectorKey``,
  the empty string where unknown) and list the reports that tell them (``dip:reportList``);
- a ``dip:PlaceTally`` for each region or city of a state (``dip:tallyCountry``: by
  ``dip:inCountry`` or by a post that governs it and serves that state) and each state that
  meets there (``dip:tallyPartner``): the meetings held there (``dip:location``) or with a
  participant whose post governs it (a governor or mayor, or their deputy), and the sectors they
  discussed (``dip:topicList``);
- on each state the reports name, ``dip:reportCount``: how many reports mention it (``dip:mentions``);
- on each meeting, ``dip:sectorList``: the sectors it discussed over every report that tells it, which
  who-met-whom shows rather than grouping each meeting's ``dip:sectorKey`` (a person's roles and the states
  its posts serve are in its description: ``kg.graph.GraphBuilder``); and ``dip:countryKey``: each state a
  post of a participant serves, in any report. A post one report gives a person is a fact of every meeting of
  theirs: stated here, it changes the few lines of the tallies, not the graph of every report that names them;
- on the collection's node (``kg.query.COLLECTION``), ``dip:participantsPerReport``: the lower quartile, over the
  reports, of the pairs of a meeting and a participant each report tells, the rows who-met-whom shows of a report
  as a rule: its page reaches as many reports as its rows need at that many a report (``#ROWS``);
- on each report, ``dip:reportRank``: its place among the collection's reports in the order of their file
  names (``dip:sourceFile``), from 1. Oxigraph compares two long strings by reading both back from the store,
  and sorting thousands of file names took 0.3 s at 10,000 reports; a query sorts by the ranks, integers
  held in the terms themselves, and reads the names of the rows it keeps; and ``dip:rankBlock``, the block of
  ``kg.query.RANK_BLOCK`` ranks its rank is in, by which a query looks up the first reports in order rather than
  sorting the ranks of them all.

Each tally has ``dip:meetingCount``; a meeting several reports tell counts once. A query starts
from the keys it is given (a pair's states, a place's state) and reads a few nodes: its
parameters are bound, and the store looks each one up rather than joining every meeting.

The tallies are written in ``BUCKETS`` graphs (``res:graph/summaries/NN``, a pair's or a place's
tallies in one of them, by a hash of its keys), so that a rebuild that adds a report touches the
few graphs whose tallies changed, not all of them; and no other graph states a triple of theirs, so the
store's writer patches each (``kg.store_writer.StoreWriter.patch``): it takes out and puts in the few
triples that changed (a count, a list), not the whole graph. The ranks, which a new report shifts for
every report after it, are in a graph of their own (``res:graph/summaries/reports``).
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import marshal
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields

from kg import nt, query
from kg.cache import extractor_version
from kg.events import Event, MeetingRef
from kg.graph import LIST_SEPARATOR, N_DIP, N_RES, N_SECTOR, N_TYPE, entity_term, meeting_term, report_term
from kg.model import Entity, Extraction, MentionKind
from kg.namespaces import RESOURCE

SUMMARY_GRAPHS = "graph/summaries/"
# A rebuild that adds a report changes the tallies of about 16 graphs (its states' counts, its meetings, its pairs and
# places), and writes each of them again to compare it line by line with what it held: at 10,000 generated reports,
# 256 graphs of about 700 lines each took the store stage of such a rebuild 0.05-0.21 s less than 64 of about 2,700
# (eight rebuilds each way). All its rows wait in memory for their runs to fill (``_Buckets``): at most
# ``BUCKETS * RUN_ROWS``.
BUCKETS = 256
RANKS = "reports"
# The posts whose holder engages the place they govern in every meeting the holder takes part in.
LOCAL_HEADS = frozenset({"governor", "deputy-governor", "mayor", "deputy-mayor"})
# The kinds of place a place tally counts (``Entity.subtype``): dip:Region and dip:City.
TALLIED_PLACES = frozenset({"region", "city"})
# zlib's level for the rows a graph of tallies holds (``TallyGraph``): the fastest; packed, the rows of 10,000 and
# 100,000 generated reports took a tenth and a seventh of their memory as tuples.
PACK_LEVEL = 1
# Rows of a graph of tallies held and written at a time (``TallyGraph.pieces``): the ranks of 100,000 reports are 37 MB
# of N-Triples, which took 129 MB to write at once (traced), and their rows as tuples about 25 MB.
PIECE_ROWS = 5_000
# Rows of one graph of tallies gathered before they are sorted and packed while the tallies are made (``_Buckets``),
# or fewer where their strings reach ``RUN_CHARS`` (a pair's tally of a year and sector lists its reports).
RUN_ROWS = 500
RUN_CHARS = 1 << 16


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What the collection tells of one meeting, over every report that tells it: the keys its
    tallies count it under (``dip:countryKey``, ``dip:yearKey``, ``dip:sectorKey`` as strings), the
    places it engages (node IRIs in N-Triples form) and the ``dip:sourceFile`` of its reports; each
    sorted, each value once (``of``).

    Tuples, not sets: a build holds the facts of every meeting at once. With five sets a meeting (a set
    takes 216 bytes even for one string) those of 30,000 generated reports took 53 MB, and twice that
    while they were made; as tuples they take 16 MB."""

    countries: tuple[str, ...]
    years: tuple[str, ...]
    sectors: tuple[str, ...]
    places: tuple[str, ...]
    reports: tuple[str, ...]

    @classmethod
    def of(cls, *, countries: Iterable[str] = (), years: Iterable[str] = (), sectors: Iterable[str] = (),
           places: Iterable[str] = (), reports: Iterable[str] = ()) -> MeetingFacts:
        return cls(*(tuple(sorted(set(values))) for values in (countries, years, sectors, places, reports)))

    def union(self, other: MeetingFacts) -> MeetingFacts:
        """The facts of a meeting that two reports tell."""
        return MeetingFacts.of(**{f: (*getattr(self, f), *getattr(other, f)) for f in FACT_FIELDS})


FACT_FIELDS = tuple(f.name for f in fields(MeetingFacts))


def summary_graph(bucket: int | str) -> str:
    """The IRI of one graph of tallies (a bucket's, or ``RANKS``)."""
    return RESOURCE + (f"{SUMMARY_GRAPHS}{bucket:02d}" if isinstance(bucket, int) else f"{SUMMARY_GRAPHS}{bucket}")


@dataclass(frozen=True)
class TallyGraph:
    """One graph of tallies: its signature, a hash of what it counts (its rows: tuples of strings and counts,
    sorted) and of the code that writes them (``version``), and the rows themselves, held compressed
    (``of``); its N-Triples are written only for a graph the store does not hold yet.

    A build holds every graph of tallies through the store stage, and their rows grow with the collection
    (a rank for each report, each meeting's sectors, the reports of each pair, year and sector): as tuples
    those of 100,000 generated reports took 116 MB."""

    signature: str
    packed: tuple[bytes, ...]
    """The rows in runs of at most ``PIECE_ROWS``, each compressed on its own (``pieces``)."""
    streamed: bool = False
    """Written and kept a piece at a time (``pieces``): the ranks, a graph as large as the collection, whose rows each
    state triples of a report of their own, so that its pieces joined are its N-Triples. Another graph of tallies is
    written whole (``ntriples``): a pair's triples come in each of its pieces that holds a tally of the pair."""

    @classmethod
    def of(cls, rows: Iterable[tuple[str | int, ...]], version: str = "", *, streamed: bool = False) -> TallyGraph:
        """The graph of ``rows`` (sorted), taken a run of ``PIECE_ROWS`` at a time: signed by the hash of
        ``repr((version, rows))``, made as they come, so that the rows are never held whole a second time."""
        digest = hashlib.sha256(f"({version!r}, (".encode())
        rows, packed, count = iter(rows), [], 0
        while run := tuple(itertools.islice(rows, PIECE_ROWS)):
            digest.update(f"{', ' if count else ''}{', '.join(map(repr, run))}".encode())
            count += len(run)
            packed.append(zlib.compress(marshal.dumps(run), PACK_LEVEL))
        digest.update(b",))" if count == 1 else b"))")
        return cls(digest.hexdigest(), tuple(packed), streamed)

    @property
    def rows(self) -> tuple[tuple[str | int, ...], ...]:
        return tuple(row for run in self._runs() for row in run)

    def ntriples(self) -> bytes:
        """The tallies as sorted N-Triples."""
        return _document(self.rows)

    def pieces(self) -> Iterator[bytes]:
        """``ntriples`` in pieces of whole lines: of each run of rows for a ``streamed`` graph (the ranks, whose rows,
        sorted, each state a report of its own), else one piece."""
        return map(_document, self._runs()) if self.streamed else iter((self.ntriples(),))

    def _runs(self) -> Iterator[tuple[tuple[str | int, ...], ...]]:
        return (marshal.loads(zlib.decompress(run)) for run in self.packed)


def _document(rows: Iterable[tuple[str | int, ...]]) -> bytes:
    g = nt.Lines()
    for row in rows:
        _WRITERS[str(row[0])](g, *row[1:])
    return g.document()


def tallies(extractions: Iterable[Extraction], entities: Mapping[str, Entity], redirect: Mapping[str, str],
            events: Mapping[MeetingRef, Event], served: Mapping[str, frozenset[str]], *,
            ranked: bool = True) -> dict[str, TallyGraph]:
    """The graphs of tallies of the collection by IRI (``extractions`` may be outlines); with ``ranked``, the graph
    of the reports' ranks too (``rank_graph``, which reads the reports' names only)."""
    extractions = list(extractions)
    graphs = tally_graphs(meeting_facts(extractions, entities, redirect, events, served),
                          place_states(extractions, entities, redirect), version=extractor_version(),
                          countries=country_reports(extractions, entities, redirect),
                          participants=participants_per_report(extractions, redirect, events))
    return {**graphs, **rank_graph(extractions)} if ranked else graphs


def rank_graph(extractions: Iterable[Extraction]) -> dict[str, TallyGraph]:
    """The graph of the reports' ranks (``report_ranks``) by its IRI; none without reports."""
    return _rank_graph(report_ranks(extractions), extractor_version())


def participants_per_report(extractions: Iterable[Extraction], redirect: Mapping[str, str],
                            events: Mapping[MeetingRef, Event]) -> int | None:
    """The lower quartile, over the reports (None without any), of the pairs of a meeting node and a participant's
    node that each report's graph states (``kg.graph.GraphBuilder``): who-met-whom's rows of the report."""
    counts: list[int] = []
    for x in extractions:
        src = x.report.key
        pairs: set[tuple[MeetingRef, str]] = set()
        for n, meeting in enumerate(x.meetings, start=1):
            event = events.get((src, n))
            anchor = event.anchor if event is not None else (src, n)
            pairs.update((anchor, redirect.get(k, k)) for k in meeting.participants)
        counts.append(len(pairs))
    return sorted(counts)[len(counts) // 4] if counts else None


def report_ranks(extractions: Iterable[Extraction]) -> dict[str, int]:
    """Each report's place among the reports in the order of their file names, from 1 (its node → rank); two
    reports of one file name (in two folders) in the order of ``Report.key``."""
    order = sorted((x.report.source_file, x.report.key) for x in extractions)
    return {report_term(key): rank for rank, (_, key) in enumerate(order, start=1)}


def tally_graphs(meetings: Mapping[str, MeetingFacts] | Iterable[tuple[str, MeetingFacts]],
                 states: Mapping[str, frozenset[str]], *, version: str = "", countries: Mapping[str, int] | None = None,
                 ranks: Mapping[str, int] | None = None, participants: int | None = None) -> dict[str, TallyGraph]:
    """The tallies of ``meetings`` (meeting node → its facts, or pairs of them as they come, each node once) as
    graphs by IRI, each meeting's facts let go once counted; ``states``: the states of each
    region and city (node → ISO codes), the only places tallied; ``version``: that of the code (for the
    signatures); ``countries``: how many reports mention each state (node → count); ``ranks``: each report's
    rank (node → rank, ``report_ranks``), in a graph of their own; ``participants``: the collection's
    ``dip:participantsPerReport`` (``participants_per_report``)."""
    by_sector: Counter[tuple[str, str, str]] = Counter()
    # the reports of each pair's meetings of a year and sector: each meeting's (``MeetingFacts.reports``, a tuple
    # other keys of the meeting share), as often as it tells one (a set of each would take four times the memory),
    # so that their number is the count of those meetings; a list is let go once written
    reports_of: dict[tuple[str, str, str, str], list[tuple[str, ...]]] = defaultdict(list)
    pair_buckets: dict[tuple[str, str], int] = {}  # a pair's bucket, for each of its rows
    by_place: Counter[tuple[str, str]] = Counter()
    topics_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = _Buckets()
    for meeting, seen in meetings.items() if isinstance(meetings, Mapping) else meetings:
        # each meeting once: a count of keys is a count of meetings
        sectors = [s for s in seen.sectors if s]
        rows.add(_bucket("meeting", meeting), ("meeting", meeting, LIST_SEPARATOR.join(sectors),  # sorted (``of``)
                                               LIST_SEPARATOR.join(seen.countries)))
        if len(seen.countries) > 1:
            pairs = tuple(itertools.combinations(seen.countries, 2))  # each in order, as they are sorted (``of``)
            by_sector.update([(c, p, s) for c, p in pairs for s in sectors])
            for key in [(c, p, y, s) for c, p in pairs for y in seen.years for s in seen.sectors]:
                reports_of[key].append(seen.reports)
        for place in seen.places:
            if place in states:
                for p in seen.countries:
                    by_place[place, p] += 1
                    topics_of[place, p].update(sectors)
    for country, count in (countries or {}).items():
        rows.add(_bucket("country", country), ("country", country, count))
    if participants is not None:
        rows.add(_bucket("collection"), ("collection", "participantsPerReport", participants))
    for (c, p, s), count in by_sector.items():
        rows.add(_pair_bucket(pair_buckets, c, p), ("sector", c, p, s, count))
    for c, p, y, s in list(reports_of):
        told = reports_of.pop((c, p, y, s))
        reports = LIST_SEPARATOR.join(sorted(set(itertools.chain.from_iterable(told))))
        rows.add(_pair_bucket(pair_buckets, c, p), ("year", c, p, y, s, len(told), reports))
    for (place, p), count in by_place.items():
        for c in sorted(states[place]):
            rows.add(_bucket("place", place), ("place", place, c, p, count,
                                               LIST_SEPARATOR.join(sorted(topics_of[place, p]))))
    graphs = {summary_graph(b): TallyGraph.of(r, version) for b, r in rows.sorted()}
    return {**graphs, **_rank_graph(ranks or {}, version)}


def _rank_graph(ranks: Mapping[str, int], version: str) -> dict[str, TallyGraph]:
    if not ranks:
        return {}
    return {summary_graph(RANKS): TallyGraph.of(sorted(("rank", r, n) for r, n in ranks.items()), version,
                                                streamed=True)}


class _Buckets:
    """Rows of tallies by bucket, each bucket's packed in sorted runs of ``RUN_ROWS`` or ``RUN_CHARS`` as they come
    (as ``TallyGraph`` packs them): held as tuples until all were made, the rows of 100,000 generated reports took
    46 MB more at their peak (traced)."""

    def __init__(self) -> None:
        self._open: dict[int, list[tuple[str | int, ...]]] = defaultdict(list)
        self._chars: Counter[int] = Counter()
        self._runs: dict[int, list[bytes]] = defaultdict(list)

    def add(self, bucket: int, row: tuple[str | int, ...]) -> None:
        rows = self._open[bucket]
        rows.append(row)
        self._chars[bucket] += sum(len(value) for value in row if isinstance(value, str))
        if len(rows) >= RUN_ROWS or self._chars[bucket] >= RUN_CHARS:
            self._runs[bucket].append(zlib.compress(marshal.dumps(sorted(rows)), PACK_LEVEL))
            rows.clear()
            self._chars[bucket] = 0

    def sorted(self) -> Iterator[tuple[int, Iterator[tuple[str | int, ...]]]]:
        """Each bucket and its rows, sorted, in the order of the buckets (a bucket's rows let go as it is given)."""
        for bucket in sorted(self._open):
            runs = [marshal.loads(zlib.decompress(run)) for run in self._runs.pop(bucket, ())]
            yield bucket, heapq.merge(*runs, sorted(self._open.pop(bucket)))


def _pair(g: nt.Lines, c: str, p: str) -> nt.Term:
    node = _node_of("pair", c, p)
    g.add((node, N_TYPE, N_DIP.StatePair))
    g.add((node, N_DIP.pairState, nt.literal(c)))
    g.add((node, N_DIP.pairState, nt.literal(p)))
    return node


def _sector_tally(g: nt.Lines, c: str, p: str, s: str, count: int) -> None:
    t = _node_of("sector", c, p, s)
    g.add((_pair(g, c, p), N_DIP.sectorTally, t))
    g.add((t, N_TYPE, N_DIP.SectorTally))
    g.add((t, N_DIP.tallyTopic, N_SECTOR[s]))
    g.add((t, N_DIP.tallySector, nt.literal(s)))
    g.add((t, N_DIP.meetingCount, nt.literal(count)))


def _year_tally(g: nt.Lines, c: str, p: str, y: str, s: str, count: int, reports: str) -> None:
    t = _node_of("year", c, p, y, s)
    g.add((_pair(g, c, p), N_DIP.yearSectorTally, t))
    g.add((t, N_TYPE, N_DIP.YearSectorTally))
    g.add((t, N_DIP.tallyYear, nt.literal(int(y)) if y else nt.literal("")))
    g.add((t, N_DIP.tallySector, nt.literal(s)))
    g.add((t, N_DIP.meetingCount, nt.literal(count)))
    g.add((t, N_DIP.reportList, nt.literal(reports)))


def _place_tally(g: nt.Lines, place: str, c: str, p: str, count: int, topics: str) -> None:
    t = _node_of("place", place, c, p)
    g.add((t, N_TYPE, N_DIP.PlaceTally))
    g.add((t, N_DIP.tallyPlace, place))
    g.add((t, N_DIP.tallyCountry, nt.literal(c)))
    g.add((t, N_DIP.tallyPartner, nt.literal(p)))
    g.add((t, N_DIP.meetingCount, nt.literal(count)))
    g.add((t, N_DIP.topicList, nt.literal(topics)))


def _meeting_keys(g: nt.Lines, meeting: str, sectors: str, countries: str) -> None:
    g.add((meeting, N_DIP.sectorList, nt.literal(sectors)))
    for code in countries.split(LIST_SEPARATOR) if countries else ():
        g.add((meeting, N_DIP.countryKey, nt.literal(code)))


def _country_count(g: nt.Lines, country: str, count: int) -> None:
    g.add((country, N_DIP.reportCount, nt.literal(count)))


def _collection_figure(g: nt.Lines, name: str, value: int) -> None:
    g.add((nt.iri(query.COLLECTION), N_DIP[name], nt.literal(value)))


def _report_rank(g: nt.Lines, report: str, rank: int) -> None:
    g.add((report, N_DIP.reportRank, nt.literal(rank)))
    g.add((report, N_DIP.rankBlock, nt.literal(query.rank_block(rank))))


_WRITERS = {"sector": _sector_tally, "year": _year_tally, "place": _place_tally, "country": _country_count,
            "meeting": _meeting_keys, "rank": _report_rank, "collection": _collection_figure}


def _digest(*keys: str) -> str:
    return hashlib.sha1("\x1f".join(keys).encode("utf-8")).hexdigest()


def _node_of(kind: str, *keys: str) -> nt.Term:
    return N_RES[f"tally/{kind}/{_digest(kind, *keys)[:16]}"]


def _bucket(kind: str, *keys: str) -> int:
    return int(_digest(kind, *keys)[:8], 16) % BUCKETS


def _pair_bucket(known: dict[tuple[str, str], int], c: str, p: str) -> int:
    found = known.get((c, p))
    if found is None:
        found = known[c, p] = _bucket("pair", c, p)
    return found


def place_states(extractions: Iterable[Extraction], entities: Mapping[str, Entity],
                 redirect: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """The states of each region and city the collection names (its node → ISO codes): the one it lies in
    (``dip:inCountry``) and those a post that governs it serves."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in entities.values():
        if e.kind == MentionKind.PLACE and e.subtype in TALLIED_PLACES and e.country_code:
            out[_node(e.key, entities, redirect)].add(e.country_code)
    for x in extractions:
        for post in x.posts:
            if post.jurisdiction and post.country:
                place = entities[redirect.get(post.jurisdiction, post.jurisdiction)]
                if place.kind == MentionKind.PLACE and place.subtype in TALLIED_PLACES:
                    out[_node(place.key, entities, redirect)].add(post.country)
    return {k: frozenset(v) for k, v in out.items()}


def country_reports(extractions: Iterable[Extraction], entities: Mapping[str, Entity],
                    redirect: Mapping[str, str]) -> dict[str, int]:
    """How many reports mention each state (its node → count), as the report graphs state it: a report
    mentions (``dip:mentions``) the node of each entity it names."""
    out: Counter[str] = Counter()
    for x in extractions:
        named = (entities[redirect.get(e.key, e.key)] for e in x.entities)
        out.update({entity_term(s.kind, s.country_code, s.key) for s in named
                    if s.kind == MentionKind.COUNTRY and s.country_code})
    return dict(out)


def meeting_facts(extractions: Iterable[Extraction], entities: Mapping[str, Entity], redirect: Mapping[str, str],
                  events: Mapping[MeetingRef, Event],
                  served: Mapping[str, frozenset[str]]) -> Iterator[tuple[str, MeetingFacts]]:
    """Each meeting node and its facts as the report graphs state them (``kg.graph.GraphBuilder``), and the states
    its participants' posts serve in any report (``served``): the union over the reports that tell it. A meeting
    no other report tells (most of them: ``events`` holds those that join several) is given as it is read; the
    others once every report was read. Held for every meeting until they were counted, the facts of 100,000
    generated reports took about 70 MB."""
    extractions = list(extractions)
    nodes: dict[str, str] = {}  # one string for each entity's node

    def node(key: str) -> str:
        found = nodes.get(key)
        if found is None:
            found = nodes[key] = _node(key, entities, redirect)
        return found

    governs: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        for post in x.posts:
            if post.role in LOCAL_HEADS and post.jurisdiction:
                governs[redirect.get(post.holder, post.holder)].add(node(post.jurisdiction))
    joined: dict[str, MeetingFacts] = {}
    years: dict[int | None, str] = {}  # one string for each year
    for x in extractions:
        src = x.report.key
        for n, meeting in enumerate(x.meetings, start=1):
            event = events.get((src, n))
            m = meeting_term(event.anchor if event is not None else (src, n))
            who = [redirect.get(k, k) for k in meeting.participants]
            year = meeting.date.year if meeting.date else None
            location = event.location if event is not None else meeting.location
            told = MeetingFacts.of(
                countries=(c for k in who for c in served.get(k, ())),
                years=(years.setdefault(year, str(year) if year is not None else ""),),
                sectors=[t.sector for t in meeting.topics] or [""],
                places=[*([node(location)] if location else []), *(place for k in who for place in governs.get(k, ()))],
                reports=(x.report.source_file,))
            if event is None:
                yield m, told
            else:
                seen = joined.get(m)
                joined[m] = told if seen is None else seen.union(told)
    yield from joined.items()


def _node(key: str, entities: Mapping[str, Entity], redirect: Mapping[str, str]) -> str:
    e = entities[redirect.get(key, key)]
    return entity_term(e.kind, e.country_code, e.key)
