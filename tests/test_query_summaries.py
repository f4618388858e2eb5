"""The per-meeting summaries the named queries join: dip:yearKey and dip:sectorKey always agree with the facts."""

from datetime import date

import pytest
from rdflib import Literal, URIRef

from kg.graph import DIP, GraphBuilder
from kg.model import (
    Entity,
    Evidence,
    Extraction,
    Label,
    Meeting,
    MentionKind,
    PartialDate,
    Report,
    Span,
    Topic,
)
from kg.query import ask, load_store


def keys(graph, meeting) -> tuple[set, set]:
    return set(graph.objects(meeting, DIP.yearKey)), set(graph.objects(meeting, DIP.sectorKey))


def test_every_seed_meeting_has_its_year_and_sector_keys(seeds_build):
    graph = seeds_build.graph
    meetings = set(graph.subjects(DIP.reportedIn, None))
    assert meetings
    for m in meetings:
        years, sectors = keys(graph, m)
        dates = list(graph.objects(m, DIP.date))
        assert years == ({Literal(int(str(dates[0])[:4]))} if dates else {Literal("")})
        topics = {str(t).rsplit("/", 1)[-1] for t in graph.objects(m, DIP.topic)}
        assert {str(s) for s in sectors} == (topics or {""})


def one_meeting(when: PartialDate | None, sectors: tuple[str, ...]):
    text = "Анна Ким мен Ли Смит кездесті."
    sentence = Span(0, len(text), text)
    people = {k: Entity(k, MentionKind.PERSON, (Label(name, "kk"),))
              for k, name in (("person:a", "Анна Ким"), ("person:b", "Ли Смит"))}
    evidence = Evidence("x.txt", sentence, sentence)
    meeting = Meeting(("person:a", "person:b"), evidence, date=when,
                      topics=tuple(Topic(s, evidence) for s in sectors))
    report = Report("x.txt", text, "kk", date(2024, 1, 2), "Кездесу")
    builder = GraphBuilder()
    builder.add(Extraction(report, (), tuple(people.values()), (), (meeting,), (sentence,)), people, {})
    graph = builder.merged()
    return graph, next(iter(graph.subjects(DIP.reportedIn, None)))


@pytest.mark.parametrize(("when", "sectors", "year", "expected"), [
    (PartialDate(2023, 5, 1), ("trade", "energy"), Literal(2023), {"trade", "energy"}),
    (PartialDate(2021), ("culture",), Literal(2021), {"culture"}),
    (None, (), Literal(""), {""}),
])
def test_keys_of_one_meeting(when, sectors, year, expected):
    graph, meeting = one_meeting(when, sectors)
    assert isinstance(meeting, URIRef)
    years, keys_ = keys(graph, meeting)
    assert years == {year}
    assert {str(k) for k in keys_} == expected


def test_queries_show_an_undated_meeting_without_topics_with_empty_date_and_topics(tmp_path):
    graph, _ = one_meeting(None, ())
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    store = load_store(path)
    assert ask(store, "report-meetings").rows[0][2] is None
    topics = ask(store, "who-met-whom").rows
    assert [row[-1].value for row in topics] == ["", ""]
