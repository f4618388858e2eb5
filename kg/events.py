"""Meetings across reports: two reports of one meeting give one event.

Each report's meetings come out of ``kg.relations`` with their participants keyed by the report's
own entities. After entity resolution has merged the persons of all reports, two meetings from
different reports are one event when they have the same participants, at least two (by their
merged keys), and their dates agree: written dates within ``WINDOW_DAYS`` of each other, a month or
year that holds the other's day, or, where a report gives no date, its publication date within
the window. A meeting held again a month later stays a second event; two meetings one report
tells apart are never joined.

An event keeps the meeting of its first report (by report key, then order in the report) as its
identity, so that its IRI is the same whichever reports a build reads first, and one date and
one place: the most precise date the reports give (where two give different days, the month they
share), and the place most of them name.

Inside one event, a participant one report names and the others do not, whose name is another
report's participant's in another case (Султана Раева, Султан Раев) or a short form of it, is that
participant (``resolve_events``).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from kg.entities import ordered_labels
from kg.model import Entity, Extraction, JoinRule, Meeting, MentionKind, PartialDate
from kg.names import parse

# How far apart two reports may date one meeting, in days.
WINDOW_DAYS = 3
# How many participants two meetings must share to be one.
SHARED_PARTICIPANTS = 2

# What no hash is (Python's hashes are never -1): the mark of a meeting of too few participants (``_candidates``).
_FEW = -1

MeetingRef = tuple[str, int]
"""A meeting as (report key, its 1-based number in the report)."""


@dataclass(frozen=True)
class Event:
    """One real meeting and the reports' meetings that tell it."""

    anchor: MeetingRef
    members: tuple[MeetingRef, ...]
    participants: tuple[str, ...]
    date: PartialDate | None = None
    location: str | None = None

    @property
    def reports(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(report for report, _ in self.members))


@dataclass(frozen=True)
class _Told:
    ref: MeetingRef
    participants: frozenset[str]
    date: PartialDate | None
    published: date | None
    location: str | None


def events(extractions: Sequence[Extraction], redirect: Mapping[str, str]) -> dict[MeetingRef, Event]:
    """Every meeting of ``extractions`` mapped to the event it belongs to: those of ``joined_events``, and each other
    meeting's own (``event_of``)."""
    found = joined_events(extractions, redirect)
    return {(x.report.key, n): event_of((x.report.key, n), m, redirect, found)
            for x in extractions for n, m in enumerate(x.meetings, start=1)}


def joined_events(extractions: Sequence[Extraction], redirect: Mapping[str, str]) -> dict[MeetingRef, Event]:
    """The meetings of ``extractions`` that another report's meeting tells too, mapped to the event they tell, the
    events in the order of their first meetings. Every other meeting is an event of its own, which ``event_of`` makes
    from the meeting where it is read: made here, the events of 100,000 generated reports' meetings took about
    35 MB."""
    told = _candidates(sorted(extractions, key=lambda x: x.report.key), redirect)
    # the meetings joined to another (each to its group's first), and the reports of each group's first (a set for
    # every meeting took 216 bytes each)
    parent: dict[int, int] = {}
    reports: dict[int, set[str]] = {}

    def root(i: int) -> int:
        while (up := parent.get(i, i)) != i:
            parent[i] = parent.get(up, up)
            i = parent[i]
        return i

    def of(i: int) -> set[str]:
        return reports.get(i) or {told[i].ref[0]}

    # only meetings of the same participants can be one (``_same``): compare within those groups
    alike: dict[frozenset[str], list[int]] = {}
    for i, t in enumerate(told):  # each of at least ``SHARED_PARTICIPANTS`` (``_candidates``)
        alike.setdefault(t.participants, []).append(i)
    pairs = sorted((_distance(told[i], told[j]), i, j) for group in alike.values() if len(group) > 1
                   for n, i in enumerate(group) for j in group[n + 1:]
                   if told[i].ref[0] != told[j].ref[0] and _same(told[i], told[j]))
    del alike
    for _distance_days, i, j in pairs:
        ri, rj = root(i), root(j)
        if ri == rj or of(ri) & of(rj):
            continue  # one report's two meetings stay two
        ri, rj = min(ri, rj), max(ri, rj)
        parent[rj] = ri
        reports[ri] = of(ri) | of(rj)
    groups: dict[int, list[_Told]] = {}
    for i in sorted(parent.keys() | reports.keys()):
        groups.setdefault(root(i), []).append(told[i])
    out: dict[MeetingRef, Event] = {}
    for members in groups.values():
        event = _event(members)
        for t in members:
            out[t.ref] = event
    return out


def _candidates(extractions: Sequence[Extraction], redirect: Mapping[str, str]) -> list[_Told]:
    """The meetings of ``extractions`` (in their order) whose participants, at least ``SHARED_PARTICIPANTS``, another
    meeting has too: only those can be one (``_same``). The others are told apart by the hashes of their
    participants (``_participants``) rather than made: a ``_Told`` of every meeting of 100,000 generated reports
    took about 45 MB at once."""
    # each meeting's hash, in order (``_FEW`` where it has too few participants)
    hashes = array("q", (hash(p) if len(p := _participants(m, redirect)) >= SHARED_PARTICIPANTS else _FEW
                         for x in extractions for m in x.meetings))
    repeated = {a for a, b in pairwise(sorted(h for h in hashes if h != _FEW)) if a == b}
    meetings = ((x, n, m) for x in extractions for n, m in enumerate(x.meetings, start=1))
    return [_told((x.report.key, n), m, x.report.published, redirect)
            for (x, n, m), h in zip(meetings, hashes, strict=True) if h in repeated]


def _participants(meeting: Meeting, redirect: Mapping[str, str]) -> frozenset[str]:
    return frozenset(redirect.get(k, k) for k in meeting.participants)


def _told(ref: MeetingRef, meeting: Meeting, published: date | None, redirect: Mapping[str, str]) -> _Told:
    return _Told(ref, _participants(meeting, redirect), meeting.date, published,
                 redirect.get(meeting.location, meeting.location) if meeting.location else None)


def _event(members: Sequence[_Told]) -> Event:
    """The event the meetings ``members`` tell (the first its anchor)."""
    return Event(anchor=members[0].ref, members=tuple(t.ref for t in members),
                 participants=tuple(dict.fromkeys(p for t in members for p in sorted(t.participants))),
                 date=_date(members), location=_location(members))


def event_of(ref: MeetingRef, meeting: Meeting, redirect: Mapping[str, str],
             found: Mapping[MeetingRef, Event] | None) -> Event:
    """The event meeting ``ref`` belongs to: in ``found`` (``joined_events``), else the event of that meeting
    alone."""
    event = found.get(ref) if found is not None else None
    if event is not None:
        return event
    # ``_event`` of the meeting alone (its publication date counts only against another report's date), made at once:
    # a rebuild asks for the event of every meeting of the collection
    location = redirect.get(meeting.location, meeting.location) if meeting.location else None
    return Event(ref, (ref,), tuple(sorted({redirect.get(k, k) for k in meeting.participants})), meeting.date,
                 location or None)


def _same(a: _Told, b: _Told) -> bool:
    """The same persons (at least two) at dates that agree: a meeting one report tells with a person more
    is told differently, and is kept apart (a false join is worse than a split)."""
    return len(a.participants) >= SHARED_PARTICIPANTS and a.participants == b.participants and _dates_agree(a, b)


def _dates_agree(a: _Told, b: _Told) -> bool:
    if a.date is not None and b.date is not None:
        return _within(a.date, b.date)
    known = [t.date for t in (a, b) if t.date is not None]
    published = [t.published for t in (a, b) if t.date is None and t.published is not None]
    if known and published:
        return _within(known[0], PartialDate(published[0].year, published[0].month, published[0].day))
    if len(published) == 2:
        return abs((published[0] - published[1]).days) <= WINDOW_DAYS
    return False  # nothing tells the day: the same persons may have met twice


def _within(a: PartialDate, b: PartialDate) -> bool:
    """Do two dates, either known only to the month or year, leave room for one day within the window?"""
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    return lo_a - timedelta(days=WINDOW_DAYS) <= hi_b and lo_b - timedelta(days=WINDOW_DAYS) <= hi_a


def _bounds(d: PartialDate) -> tuple[date, date]:
    if d.month is None:
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if d.day is None:
        last = (date(d.year + d.month // 12, d.month % 12 + 1, 1) - timedelta(days=1)).day
        return date(d.year, d.month, 1), date(d.year, d.month, last)
    return date(d.year, d.month, d.day), date(d.year, d.month, d.day)


def _distance(a: _Told, b: _Told) -> int:
    """Days between two meetings' dates (their publication dates where undated), for joining the closest first."""
    da = _bounds(a.date)[0] if a.date else a.published
    db = _bounds(b.date)[0] if b.date else b.published
    return abs((da - db).days) if da and db else WINDOW_DAYS


def _date(members: Sequence[_Told]) -> PartialDate | None:
    """The most precise date the reports give, cut to the month or year they share where two of them
    differ (the 13th and the 14th of a month: that month), since a graph gives no date rather than a guess.

    A report's publication date (which a meeting it does not date takes) counts only where no report
    writes another date.
    """
    if len(members) == 1:  # (a rebuild asks for the event of every meeting no other report tells: ``event_of``)
        return members[0].date
    given = {t.date for t in members if t.date is not None}
    written = {d for t in members if (d := t.date) is not None and d != _day(t.published)}
    dates = sorted(written or given, key=lambda d: (-len(d.iso()), d.iso()))
    if not dates:
        return None
    best: PartialDate | None = dates[0]
    for other in dates[1:]:
        if best is not None and not best.iso().startswith(other.iso()):
            best = _shared(best, other)
    return best


def _day(when: date | None) -> PartialDate | None:
    return PartialDate(when.year, when.month, when.day) if when is not None else None


def _shared(a: PartialDate, b: PartialDate) -> PartialDate | None:
    if a.year != b.year:
        return None  # the 31st of December and the 1st of January share nothing
    if a.month != b.month or a.month is None:
        return PartialDate(a.year)
    return PartialDate(a.year, a.month)


def _location(members: Sequence[_Told]) -> str | None:
    if len(members) == 1:
        return members[0].location or None
    places = [t.location for t in members if t.location]
    if not places:
        return None
    counts = Counter(places)
    return max(places, key=lambda p: counts[p])  # the first of the most named, in report order


def resolve_events(extractions: Sequence[Extraction], entities: Sequence[Entity], redirect: Mapping[str, str]
                   ) -> tuple[tuple[Entity, ...], dict[str, str], dict[MeetingRef, Event]]:
    """The meetings of ``extractions`` that other reports tell too, mapped to their events (``joined_events``),
    and the entities and key map after joining the participants an event shows to be one person
    (``JoinRule.SAME_MEETING``)."""
    by_key = {e.key: e for e in entities}
    found = joined_events(extractions, redirect)
    same = _same_participants(extractions, found, redirect, by_key)
    if not same:
        return tuple(entities), dict(redirect), found
    for key, into in same.items():
        gone, kept = by_key.pop(key), by_key[into]
        parts = tuple((k, JoinRule.SAME_MEETING) for k, v in redirect.items() if v == key)
        by_key[into] = replace(kept, labels=ordered_labels(kept.labels + gone.labels, kept.mentions + gone.mentions),
                               mentions=kept.mentions + gone.mentions,
                               joins=tuple(dict.fromkeys(kept.joins + gone.joins + parts)))
    new_redirect = {k: same.get(v, v) for k, v in redirect.items()}
    return tuple(sorted(by_key.values(), key=lambda e: e.key)), new_redirect, joined_events(extractions, new_redirect)


def _same_participants(extractions: Sequence[Extraction], found: Mapping[MeetingRef, Event],
                       redirect: Mapping[str, str], by_key: Mapping[str, Entity]) -> dict[str, str]:
    """Person keys that one event shows to be another participant: named by one report only, and alike
    (``_alike``) to exactly one participant that only other reports name (``found``: the meetings of events that
    several meetings tell)."""
    meetings = {(x.report.key, n): m for x in extractions for n, m in enumerate(x.meetings, start=1)
                if (x.report.key, n) in found}
    out: dict[str, str] = {}
    for event in {e.anchor: e for e in found.values()}.values():
        per_report: dict[str, set[str]] = {}
        for ref in event.members:
            keys = (redirect.get(k, k) for k in meetings[ref].participants)
            per_report.setdefault(ref[0], set()).update(
                k for k in keys if k in by_key and by_key[k].kind == MentionKind.PERSON)
        everyone = sorted(set().union(*per_report.values()))
        for p in everyone:  # one name in two cases, in any of the reports
            fits = [q for q in everyone if q != p and _caseless_alike(by_key[p], by_key[q])]
            if len(fits) == 1 and len(by_key[fits[0]].mentions) >= len(by_key[p].mentions):
                _join(out, p, fits[0])
        for report, mine in sorted(per_report.items()):  # a short form one report gives alone
            others = set().union(*(ps for r, ps in per_report.items() if r != report))
            for p in sorted(mine - others):
                fits = [q for q in sorted(others - mine) if _alike(by_key[p], by_key[q])]
                if len(fits) == 1:
                    _join(out, p, fits[0])
    return out


def _join(out: dict[str, str], key: str, into: str) -> None:
    if key not in out and into not in out and key not in out.values():
        out[key] = into


def _caseless_alike(a: Entity, b: Entity) -> bool:
    return any(x.caseless == y.caseless for x in map(parse, (lb.text for lb in a.labels)) if x.full
               for y in map(parse, (lb.text for lb in b.labels)) if y.full)


def _alike(a: Entity, b: Entity) -> bool:
    """One name in another case, or a short form of the other (a masculine genitive read as a feminine
    nominative: Султана Раева, Султан Раев)."""
    names_a = [parse(label.text) for label in a.labels]
    names_b = [parse(label.text) for label in b.labels]
    return any(x.caseless == y.caseless or x.fits(y) or y.fits(x)
               for x in names_a for y in names_b if x.words and y.words)

