"""Meetings across reports: two reports of one meeting give one event.

Each report's meetings come out of ``kg.relations`` with their participants keyed by the report's
own entities. After entity resolution has merged the persons of all reports, two meetings from
different reports are one event when they share at least two participants (by their merged
keys) and their dates agree: written dates within ``WINDOW_DAYS`` of each other, a month or
year that holds the other's day, or, where a report gives no date, its publication date within
the window. A meeting held again a month later stays a second event; two meetings one report
tells apart are never joined.

An event keeps the meeting of its first report (by report key, then order in the report) as its
identity, so that its IRI is the same whichever reports a build reads first, and one date and
one place: the most precise date the reports give (the one most of them give, the earliest on a
tie), and the place most of them name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kg.model import Extraction, PartialDate

# How far apart two reports may date one meeting, in days.
WINDOW_DAYS = 3
# How many participants two meetings must share to be one.
SHARED_PARTICIPANTS = 2

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
    """Every meeting of ``extractions`` mapped to the event it belongs to (most to one of their own)."""
    told = [_Told((x.report.key, n), frozenset(redirect.get(k, k) for k in m.participants), m.date,
                  x.report.published, redirect.get(m.location, m.location) if m.location else None)
            for x in sorted(extractions, key=lambda x: x.report.key) for n, m in enumerate(x.meetings, start=1)]
    parent = list(range(len(told)))
    reports = [{t.ref[0]} for t in told]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = sorted((_distance(a, b), i, j) for i, a in enumerate(told) for j, b in enumerate(told[i + 1:], start=i + 1)
                   if a.ref[0] != b.ref[0] and _same(a, b))
    for _distance_days, i, j in pairs:
        ri, rj = root(i), root(j)
        if ri == rj or reports[ri] & reports[rj]:
            continue  # one report's two meetings stay two
        ri, rj = min(ri, rj), max(ri, rj)
        parent[rj] = ri
        reports[ri] |= reports[rj]
    groups: dict[int, list[_Told]] = {}
    for i, t in enumerate(told):
        groups.setdefault(root(i), []).append(t)
    out: dict[MeetingRef, Event] = {}
    for members in groups.values():
        event = Event(anchor=members[0].ref, members=tuple(t.ref for t in members),
                      participants=tuple(dict.fromkeys(p for t in members for p in sorted(t.participants))),
                      date=_date(members), location=_location(members))
        for t in members:
            out[t.ref] = event
    return out


def _same(a: _Told, b: _Told) -> bool:
    return len(a.participants & b.participants) >= SHARED_PARTICIPANTS and _dates_agree(a, b)


def _dates_agree(a: _Told, b: _Told) -> bool:
    if a.date is not None and b.date is not None:
        return _within(a.date, b.date)
    known = [t.date for t in (a, b) if t.date is not None]
    published = [t.published for t in (a, b) if t.date is None and t.published is not None]
    if known and published:
        return _within(known[0], PartialDate(published[0].year, published[0].month, published[0].day))
    if len(published) == 2:
        return abs((published[0] - published[1]).days) <= WINDOW_DAYS
    return True  # nothing tells the day: the participants decide


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
    dates = [t.date for t in members if t.date is not None]
    if not dates:
        return None
    counts = Counter(dates)
    return min(counts, key=lambda d: (-(d.day is not None) - (d.month is not None), -counts[d], d.iso()))


def _location(members: Sequence[_Told]) -> str | None:
    places = [t.location for t in members if t.location]
    if not places:
        return None
    counts = Counter(places)
    return max(places, key=lambda p: counts[p])  # the first of the most named, in report order
