"""One node per real person, place and meeting across reports in Kazakh, Russian and English (invented reports)."""

from __future__ import annotations

from datetime import date

import pytest
from build_support import report_folder
from rdflib import RDF, RDFS, Literal, Namespace

from kg import query as q
from kg.events import _candidates, _event, _told, event_of, events, joined_events
from kg.explain import explain
from kg.model import Evidence, Extraction, Meeting, PartialDate, Report, Span

DIP = Namespace("https://w3id.org/dipkg/ontology#")

# One meeting told in three languages (kk-a, ru-a, en-a), held again a month later (kk-b), and
# another governor of the same surname (kk-c).
REPORTS = {
    "kk-a.txt": " date 2025-03-14 Шығыс Қазақстан облысының әкімі Жапония елшісімен кездесті\n"
                "Шығыс Қазақстан облысының әкімі Ермек Көшербаев Жапонияның Қазақстандағы Елшісі Хироси "
                "Сатомен кездесті. Тараптар сауда және туризм салаларындағы ынтымақтастықты талқылады.\n",
    "ru-a.txt": " date 2025-03-14 Аким Восточно-Казахстанской области встретился с послом Японии\n"
                "Аким Восточно-Казахстанской области Ермек Кошербаев встретился с Послом Японии в Казахстане "
                "Хироси Сато. Стороны обсудили сотрудничество в сфере торговли и туризма.\n",
    "en-a.txt": " date 2025-03-14 East Kazakhstan governor meets Japanese ambassador\n"
                "Akim of East Kazakhstan Region Yermek Kosherbayev met with Ambassador of Japan to Kazakhstan "
                "Hiroshi Sato. The sides discussed cooperation in trade and tourism.\n",
    "kk-b.txt": " date 2025-04-18 Шығыс Қазақстан облысының әкімі Жапония елшісімен тағы кездесті\n"
                "Шығыс Қазақстан облысының әкімі Ермек Көшербаев Жапонияның Қазақстандағы Елшісі Хироси "
                "Сатомен кездесті. Тараптар білім беру саласындағы ынтымақтастықты талқылады.\n",
    "kk-c.txt": " date 2025-03-20 Қызылорда облысының әкімі Корея елшісімен кездесті\n"
                "Қызылорда облысының әкімі Қырымбек Көшербаев Корея Республикасының Қазақстандағы Елшісі Ким "
                "Чен Хомен кездесті. Тараптар энергетика саласындағы ынтымақтастықты талқылады.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from kg.pipeline import build

    result = build([report_folder(tmp_path_factory.mktemp("reports"), REPORTS)])
    path = tmp_path_factory.mktemp("graph") / "diplomacy.ttl"
    result.graph.serialize(path, format="turtle")
    return result.graph, q.load_store(path)


def _files(g, meeting) -> set[str]:
    return {str(f) for r in g.objects(meeting, DIP.reportedIn) for f in g.objects(r, DIP.sourceFile)}


def test_one_meeting_told_in_three_languages_is_one_meeting(built):
    g, _ = built
    told = [m for m in g.subjects(RDF.type, DIP.Meeting) if "en-a.txt" in _files(g, m)]
    assert len(told) == 1
    meeting = told[0]
    assert _files(g, meeting) == {"kk-a.txt", "ru-a.txt", "en-a.txt"}
    assert len(set(g.objects(meeting, DIP.participant))) == 2
    assert [str(d) for d in g.objects(meeting, DIP.date)] == ["2025-03-14"]
    # its facts carry evidence from each report
    evidence_reports = {str(f) for ev in g.objects(meeting, DIP.evidence) for r in g.objects(ev, DIP.inReport)
                        for f in g.objects(r, DIP.sourceFile)}
    assert evidence_reports == {"kk-a.txt", "ru-a.txt", "en-a.txt"}


def test_the_same_meeting_a_month_later_is_a_second_meeting(built):
    g, _ = built
    again = [m for m in g.subjects(RDF.type, DIP.Meeting) if _files(g, m) == {"kk-b.txt"}]
    assert len(again) == 1
    assert [str(d) for d in g.objects(again[0], DIP.date)] == ["2025-04-18"]
    assert len(set(g.subjects(RDF.type, DIP.Meeting))) == 3


def test_two_persons_of_one_surname_stay_two(built):
    g, _ = built
    labels = {p: {str(o) for o in g.objects(p, RDFS.label)} for p in g.subjects(RDF.type, DIP.Person)}
    persons = {p for p, ls in labels.items() if any("ербаев" in lb or "erbayev" in lb for lb in ls)}
    assert len(persons) == 2
    yermek = next(p for p in persons if "Yermek Kosherbayev" in labels[p])
    assert {"Ермек Көшербаев", "Ермек Кошербаев", "Yermek Kosherbayev"} <= labels[yermek]
    assert not any("Қырымбек" in lb for lb in labels[yermek])


def test_every_spelling_stays_a_label_with_its_language(built):
    g, _ = built
    label = RDFS.label
    yermek = next(p for p in g.subjects(label, Literal("Yermek Kosherbayev", lang="en")))
    assert {(str(o), o.language) for o in g.objects(yermek, label)} >= {
        ("Ермек Көшербаев", "kk"), ("Ермек Кошербаев", "ru"), ("Yermek Kosherbayev", "en")}


def test_a_region_named_in_three_languages_is_one_node_with_its_iso_code(built):
    g, _ = built
    label = RDFS.label
    regions = {r for r in g.subjects(RDF.type, DIP.Region)
               if {"Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"}
               & {str(o) for o in g.objects(r, label)}}
    assert len(regions) == 1
    (region,) = regions
    assert next(str(c) for c in g.objects(region, DIP.subdivisionCode)).startswith("KZ-")
    assert {o.language for o in g.objects(region, label)} >= {"kk", "ru", "en"}


@pytest.mark.parametrize("name", ["Kosherbayev", "Көшербаевпен", "Ермек Кошербаевым", "yermek kosherbayev"])
def test_person_meetings_finds_one_person_by_any_form(built, name):
    """Depends on the named queries' `name` parameters (kg/query.py: a label or any case form)."""
    _, store = built
    sparql, bound = q.resolve("person-meetings", {"person": name})
    result = q.run(store, sparql, params=bound)
    rows, variables = result.rows, result.variables
    names = {row[variables.index("name")].value for row in rows}
    assert "Yermek Kosherbayev" in names or "Ермек Көшербаев" in names
    meetings = {row[variables.index("meeting")].value for row in rows
                if row[variables.index("name")].value in ("Yermek Kosherbayev", "Ермек Көшербаев")}
    assert len(meetings) == 2  # March (three reports) and April


def test_explain_lists_each_report_and_the_rule(built):
    _, store = built
    result = explain(store, "Yermek Kosherbayev")
    rows = [dict(zip(result.variables, (t.value if t is not None else "" for t in row), strict=True))
            for row in result.rows]
    assert {r["report"] for r in rows} >= {"kk-a.txt", "ru-a.txt", "en-a.txt", "kk-b.txt"}
    assert all(r["rule"] and r["sentence"] for r in rows)
    assert {r["rule"] for r in rows} & {"same name", "transliteration", "same key"}


# events() on its own: two meetings of different reports with the same participants and dates that agree.

def _extraction(key: str, published: date | None, *meetings: tuple[tuple[str, ...], PartialDate | None]) -> Extraction:
    report = Report(key, "x", "kk", published=published)
    ev = Evidence(key, Span(0, 1, "x"), Span(0, 1, "x"))
    return Extraction(report, (), (), meetings=tuple(Meeting(p, ev, date=d) for p, d in meetings))


AB = ("person:a", "person:b")


@pytest.mark.parametrize(("first", "second", "one"), [
    (((AB, PartialDate(2025, 3, 14)),), ((AB, PartialDate(2025, 3, 15)),), True),
    (((AB, PartialDate(2025, 3, 14)),), ((AB, PartialDate(2025, 4, 14)),), False),  # a month later
    (((AB, PartialDate(2025, 3, 14)),), ((AB, None),), True),  # undated, published the next day
    (((AB, PartialDate(2025, 3, 14)),), ((AB, PartialDate(2025, 3)),), True),  # known to the month
    (((AB, PartialDate(2025, 3, 14)),), ((("person:a", "person:c"), PartialDate(2025, 3, 14)),), False),
    # one report names a third person: told differently, kept apart
    ((((*AB, "person:c"), PartialDate(2025, 3, 14)),), ((AB, PartialDate(2025, 3, 14)),), False),
])
def test_events_join_meetings_of_two_reports(first, second, one):
    found = events([_extraction("a.txt", date(2025, 3, 14), *first), _extraction("b.txt", date(2025, 3, 15), *second)],
                   {})
    assert (found[("a.txt", 1)] == found[("b.txt", 1)]) is one


def test_two_meetings_of_one_report_stay_two():
    a = _extraction("a.txt", date(2025, 3, 14), (AB, PartialDate(2025, 3, 14)), (AB, PartialDate(2025, 3, 14)))
    b = _extraction("b.txt", date(2025, 3, 14), (AB, PartialDate(2025, 3, 14)))
    found = events([a, b], {})
    assert found[("a.txt", 1)] != found[("a.txt", 2)]
    assert found[("b.txt", 1)] in (found[("a.txt", 1)], found[("a.txt", 2)])


def test_an_event_keeps_the_most_precise_date_and_the_first_report_as_its_identity():
    a = _extraction("b.txt", date(2025, 3, 15), (AB, PartialDate(2025, 3)))
    b = _extraction("a.txt", date(2025, 3, 16), (AB, PartialDate(2025, 3, 14)))
    event = events([a, b], {"person:a": "person:a2"})[("b.txt", 1)]
    assert event.anchor == ("a.txt", 1)
    assert event.date == PartialDate(2025, 3, 14)
    assert event.reports == ("a.txt", "b.txt")
    assert "person:a2" in event.participants


@pytest.mark.parametrize(("dates", "expected"), [
    ((PartialDate(2025, 3, 14), PartialDate(2025, 3)), PartialDate(2025, 3, 14)),
    ((PartialDate(2025, 3, 14), PartialDate(2025, 3, 15)), PartialDate(2025, 3)),  # no guess between two days
    ((PartialDate(2025, 3, 31), PartialDate(2025, 4, 1)), PartialDate(2025)),
    ((None, None), None),
])
def test_an_event_date_is_what_the_reports_agree_on(dates, expected):
    a = _extraction("a.txt", date(2025, 4, 2), (AB, dates[0]))
    b = _extraction("b.txt", date(2025, 4, 2), (AB, dates[1]))
    event = events([a, b], {})[("a.txt", 1)]
    assert len(event.members) == 2
    assert event.date == expected


def test_a_publication_date_gives_way_to_a_written_date():
    written = _extraction("a.txt", date(2025, 3, 16), (AB, PartialDate(2025, 3, 14)))
    undated = _extraction("b.txt", date(2025, 3, 15), (AB, PartialDate(2025, 3, 15)))  # its publication date
    assert events([written, undated], {})[("a.txt", 1)].date == PartialDate(2025, 3, 14)
    first = _extraction("c.txt", date(2025, 3, 14), (AB, PartialDate(2025, 3, 14)))
    assert events([undated, first], {})[("b.txt", 1)].date == PartialDate(2025, 3)  # two publication days


def test_report_order_does_not_change_events():
    a = _extraction("a.txt", date(2025, 3, 14), (AB, PartialDate(2025, 3, 14)))
    b = _extraction("b.txt", date(2025, 3, 14), (AB, None))
    assert events([a, b], {}) == events([b, a], {})


_A1 = _extraction("a.txt", date(2025, 3, 14), (AB, PartialDate(2025, 3, 14)), (AB, PartialDate(2025, 3, 14)))
_B1 = _extraction("b.txt", date(2025, 3, 14), (AB, PartialDate(2025, 3, 14)))
_C1 = _extraction("c.txt", date(2025, 3, 15), (AB, None), (("person:a", "person:c"), None))
_D1 = _extraction("d.txt", date(2025, 5, 1), (AB, PartialDate(2025, 5, 1)), (("person:a",), None))


@pytest.mark.parametrize(("extractions", "redirect"), [
    ([_A1, _B1], {}),
    ([_A1, _B1, _C1], {}),
    ([_D1, _C1, _B1, _A1], {"person:c": "person:b"}),  # two of c.txt's meetings then one report's, kept two
    ([_D1], {}),
    ([_B1, _C1, _D1], {"person:b": "person:a"}),  # one participant after merging: no meeting of two
])
def test_joined_events_are_the_events_of_several_meetings(extractions, redirect):
    found = events(extractions, redirect)
    joined = joined_events(extractions, redirect)
    assert joined == _several(found)
    anchors = [event.anchor for event in dict.fromkeys(joined.values())]
    assert anchors == sorted(anchors)  # in the order of their first meetings


def _several(found):
    """The meetings of ``found`` whose event other meetings tell too."""
    return {ref: event for ref, event in found.items() if len(event.members) > 1}


@pytest.mark.parametrize(("meeting", "redirect"), [
    (Meeting(("person:b", "person:a"), Evidence("c.txt", Span(0, 1, "x"), Span(0, 1, "x"))), {}),
    # two of its participants one person after merging, and its place another key
    (Meeting(("person:c", "person:a", "person:a-kk"), Evidence("c.txt", Span(0, 1, "x"), Span(0, 1, "x")),
             location="place:almaty-kk", date=PartialDate(2025, 3, 14)),
     {"person:a-kk": "person:a", "place:almaty-kk": "place:almaty"}),
    # dated on its publication day
    (Meeting(AB, Evidence("c.txt", Span(0, 1, "x"), Span(0, 1, "x")), date=PartialDate(2025, 3, 20)), {}),
    # known to the month, at a place no other key stands for
    (Meeting(AB, Evidence("c.txt", Span(0, 1, "x"), Span(0, 1, "x")), date=PartialDate(2025, 5),
             location="place:astana"), {}),
])
def test_a_meeting_no_other_report_tells_is_made_again_as_its_own_event(meeting, redirect):
    alone = Extraction(Report("c.txt", "x", "kk", published=date(2025, 3, 20)), (), (), meetings=(meeting,))
    a = _extraction("a.txt", date(2025, 3, 14), (AB, PartialDate(2025, 3, 14)))
    b = _extraction("b.txt", date(2025, 3, 14), (AB, None))
    found = events([a, b, alone], redirect)
    kept = _several(found)
    assert set(kept) == {("a.txt", 1), ("b.txt", 1)}  # six days after them: its own
    assert event_of(("c.txt", 1), meeting, redirect, kept) == found[("c.txt", 1)]
    # made directly, as ``_event`` makes the event of several meetings
    assert event_of(("c.txt", 1), meeting, redirect, kept) == _event([_told(("c.txt", 1), meeting, None, redirect)])
    assert event_of(("a.txt", 1), a.meetings[0], redirect, kept) is found[("a.txt", 1)]


@pytest.mark.parametrize(("extractions", "redirect", "expected"), [
    ([_A1, _B1], {}, [("a.txt", 1), ("a.txt", 2), ("b.txt", 1)]),
    # c.txt's second meeting is the only one of a and c; d.txt's second has one participant
    ([_C1, _D1], {}, [("c.txt", 1), ("d.txt", 1)]),
    ([_C1, _D1], {"person:c": "person:b"}, [("c.txt", 1), ("c.txt", 2), ("d.txt", 1)]),  # c is b after merging
    ([_D1], {}, []),
])
def test_only_meetings_whose_participants_another_meeting_has_are_compared(extractions, redirect, expected):
    assert [t.ref for t in _candidates(extractions, redirect)] == expected


@pytest.mark.parametrize(("when", "where", "redirect", "place"), [
    (None, None, {}, None),
    (PartialDate(2025, 3), None, {}, None),
    (PartialDate(2025, 3, 14), "place:almaty-kk", {"place:almaty-kk": "place:almaty"}, "place:almaty"),
    (PartialDate(2025), "place:astana", {"person:b": "person:a2"}, "place:astana"),
])
def test_the_event_of_a_meeting_alone_has_its_date_place_and_participants(when, where, redirect, place):
    meeting = Meeting(AB, Evidence("c.txt", Span(0, 1, "x"), Span(0, 1, "x")), date=when, location=where)
    event = event_of(("c.txt", 1), meeting, redirect, {})
    assert (event.anchor, event.members, event.date, event.location) == (("c.txt", 1), (("c.txt", 1),), when, place)
    assert event.participants == tuple(sorted({redirect.get(k, k) for k in AB}))
