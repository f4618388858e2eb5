"""Entities and mentions → relations: posts, meetings, their places, dates and topics.

Ordered passes over one ``State``: posts first (who holds which post for which state or body),
then meetings (who met whom), their place and date, their topics, and last the states a report
leaves implicit. Each pass is a module of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.lexicon import Lexicon
from kg.model import Entity, Meeting, Mention, Post, Report, Span, Topic
from kg.relations.countries import infer_countries
from kg.relations.meetings import read_meetings
from kg.relations.place_date import read_places_and_dates
from kg.relations.posts import read_posts
from kg.relations.state import State
from kg.relations.topics import read_topics

PASSES: tuple[Callable[[State], None], ...] = (
    read_posts, read_meetings, read_places_and_dates, read_topics, infer_countries)


def relate(report: Report, mentions: Sequence[Mention], entities: Sequence[Entity], key_of: dict[Mention, str],
           lexicon: Lexicon, *, sentences: Sequence[Span] | None = None
           ) -> tuple[tuple[Post, ...], tuple[Meeting, ...]]:
    """Posts and meetings of one report."""
    state = State(report, mentions, entities, key_of, lexicon, spans=sentences)
    for run in PASSES:
        run(state)
    posts = tuple(Post(holder=d.holder, role=d.role, evidence=d.evidence, country=d.country,
                       accredited_to=d.accredited_to, jurisdiction=d.jurisdiction) for d in state.posts)
    meetings = tuple(Meeting(participants=tuple(d.participants), evidence=d.evidence, location=d.location,
                             date=d.date, topics=tuple(Topic(s, ev) for s, ev in d.topics.items()))
                     for d in state.meetings)
    return posts, meetings
