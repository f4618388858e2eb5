"""The per-meeting summaries the named queries join: dip:yearKey and dip:sectorKey always agree with the facts."""

from dataclasses import replace
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
    Post,
    Report,
    Span,
    Topic,
)
from kg.pipeline import to_graph
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
    x = one_extraction(when, sectors)
    builder = GraphBuilder()
    builder.add(x, {e.key: e for e in x.entities}, {})
    graph = builder.merged()
    return graph, next(iter(graph.subjects(DIP.reportedIn, None)))


def one_extraction(when: PartialDate | None, sectors: tuple[str, ...], posts: tuple[Post, ...] = (),
                   name: str = "x.txt") -> Extraction:
    text = "Анна Ким мен Ли Смит кездесті."
    sentence = Span(0, len(text), text)
    people = {k: Entity(k, MentionKind.PERSON, (Label(name, "kk"),))
              for k, name in (("person:a", "Анна Ким"), ("person:b", "Ли Смит"))}
    evidence = Evidence(name, sentence, sentence)
    meeting = Meeting(("person:a", "person:b"), evidence, date=when,
                      topics=tuple(Topic(s, evidence) for s in sectors))
    report = Report(name, text, "kk", date(2024, 1, 2), "Кездесу")
    return Extraction(report, (), tuple(people.values()), tuple(replace(p, evidence=evidence) for p in posts),
                      (meeting,), (sentence,))


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
    # as a build writes it, with its summaries (who-met-whom reads the meeting's dip:sectorList)
    graph, _ = to_graph([one_extraction(None, ())])
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    store = load_store(path)
    assert ask(store, "report-meetings").rows[0][2] is None
    topics = ask(store, "who-met-whom").rows
    assert [row[-1].value for row in topics] == ["", ""]


NO_EVIDENCE = Evidence("", Span(0, 0, ""), Span(0, 0, ""))


@pytest.mark.parametrize(("reports", "expected"), [
    # one report: Анна Ким's two posts, the meeting's sectors sorted; Ли Смит holds none
    ([(("trade", "energy"), (Post("person:a", "governor", NO_EVIDENCE, country="KZ"),
                             Post("person:a", "ambassador", NO_EVIDENCE, country="BE")))],
     [("Анна Ким", "ambassador, governor", "BE", "energy, trade"), ("Ли Смит", "", None, "energy, trade")]),
    # a post told by another report is the person's too, in every report's rows
    ([(("trade",), (Post("person:a", "ambassador", NO_EVIDENCE),)),
      ((), (Post("person:b", "mayor", NO_EVIDENCE, country="JP"),))],
     [("Анна Ким", "ambassador", None, "trade"), ("Ли Смит", "mayor", "JP", "trade"),
      ("Анна Ким", "ambassador", None, ""), ("Ли Смит", "mayor", "JP", "")]),
])
def test_who_met_whom_shows_every_post_s_role_and_the_meeting_s_sectors(tmp_path, reports, expected):
    xs = [one_extraction(PartialDate(2024, n + 1, 1), sectors, posts, name=f"{n}.txt")
          for n, (sectors, posts) in enumerate(reports)]
    graph, _ = to_graph(xs)
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    result = ask(load_store(path), "who-met-whom")
    at = [result.variables.index(v) for v in ("name", "roles", "serves", "topics")]
    assert [tuple(row[n].value if row[n] is not None else None for n in at) for row in result.rows] == expected


@pytest.mark.parametrize(("sectors", "expected"), [
    (("trade", "green-technology", "energy"), "energy, green-technology, trade"),
    ((), ""),
])
def test_report_meetings_lists_the_meeting_s_sectors_sorted(tmp_path, sectors, expected):
    # a sector's key longer than 15 bytes (green-technology) is held apart from the term: the list, not the store's
    # order of keys, gives the order
    graph, _ = to_graph([one_extraction(PartialDate(2024, 1, 1), sectors)])
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    result = ask(load_store(path), "report-meetings")
    assert [row[result.variables.index("topics")].value for row in result.rows] == [expected]
