"""kg.graph: a report's graph states what the report tells; each entity it names is described once, in a graph of
its own beside the node's path (``res:graph/person/…`` for ``res:person/…``)."""

from dataclasses import replace
from datetime import date

import pytest
from rdflib import RDF, RDFS, URIRef

from kg.events import Event
from kg.graph import (
    DIP,
    RES,
    GraphBuilder,
    description_graph,
    entity_term,
    held_roles,
    referenced,
    report_graph_name,
    served_states,
)
from kg.model import (
    Entity,
    Evidence,
    Extraction,
    Label,
    Meeting,
    Mention,
    MentionKind,
    PartialDate,
    Post,
    Report,
    Span,
)

TEXT = "Анна Ким Астанада Ли Смитпен кездесті."
SENTENCE = Span(0, len(TEXT), TEXT)
EVIDENCE = Evidence("a.txt", SENTENCE, SENTENCE)
ENTITIES = {
    "person:a": Entity("person:a", MentionKind.PERSON, (Label("Анна Ким", "kk"),)),
    "person:b": Entity("person:b", MentionKind.PERSON, (Label("Ли Смит", "kk"),)),
    "person:c": Entity("person:c", MentionKind.PERSON, (Label("Ли Смитпен", "kk"),)),
    "place:astana": Entity("place:astana", MentionKind.PLACE, (Label("Астана", "kk"),), "city", "KZ"),
    "place:almaty": Entity("place:almaty", MentionKind.PLACE, (Label("Алматы", "kk"),), "city", "KZ"),
    "org:u": Entity("org:u", MentionKind.ORGANIZATION, (Label("Университет", "kk"),), "university"),
    "country:JP": Entity("country:JP", MentionKind.COUNTRY, (Label("Жапония", "kk"),), "country", "JP"),
}


def extraction(named: tuple[str, ...], posts: tuple[Post, ...] = (), meetings: tuple[Meeting, ...] = (),
               name: str = "a.txt") -> Extraction:
    return Extraction(Report(name, TEXT, "kk", date(2024, 1, 2)), (), tuple(ENTITIES[k] for k in named), posts,
                      meetings, (SENTENCE,))


POST = Post("person:a", "ambassador", EVIDENCE, country="KZ", accredited_to="BE", jurisdiction="org:u")
MEETING = Meeting(("person:a", "person:b"), EVIDENCE, location="place:astana")


@pytest.mark.parametrize(("x", "redirect", "events", "keys", "countries"), [
    (extraction(("person:a",)), {}, {}, {"person:a"}, set()),
    # a post names its holder and what it governs, and the states it serves and is accredited to
    (extraction((), (POST,)), {}, {}, {"person:a", "org:u"}, {"KZ", "BE"}),
    # a meeting names its participants and its place
    (extraction((), meetings=(MEETING,)), {}, {}, {"person:a", "person:b", "place:astana"}, set()),
    # the place of the event the meeting belongs to, not its own
    (extraction((), meetings=(MEETING,)), {},
     {("a.txt", 1): Event(("b.txt", 1), (("a.txt", 1), ("b.txt", 1)), ("person:a", "person:b"), PartialDate(2024),
                          "place:almaty")},
     {"person:a", "person:b", "place:almaty"}, set()),
    # merged keys: a spelling joined to another is that other entity
    (extraction(("person:c", "person:b")), {"person:c": "person:b"}, {}, {"person:b"}, set()),
])
def test_referenced(x, redirect, events, keys, countries):
    assert referenced(x, redirect, events) == (keys, countries)


@pytest.mark.parametrize(("key", "graph"), [
    ("person:a", "graph/person/"),
    ("place:astana", "graph/place/"),
    ("org:u", "graph/organization/"),
    ("country:JP", "graph/country/JP"),
])
def test_a_description_graph_is_beside_the_node(key, graph):
    e = ENTITIES[key]
    term = entity_term(e.kind, e.country_code, e.key)
    iri = description_graph(term)
    assert iri.startswith(str(RES) + graph)
    assert iri.replace("/graph/", "/", 1) == term[1:-1]


def test_a_report_graph_names_its_entities_and_their_graphs_describe_them():
    builder = GraphBuilder()
    builder.add(extraction(("person:a", "person:b", "place:astana"), (POST,), (MEETING,)), ENTITIES, {})
    builder.add(extraction(("person:a",), name="b.txt"), ENTITIES, {})
    graphs = {str(g.identifier): g for g in builder.ds.graphs() if len(g)}
    for name in ("a.txt", "b.txt"):
        told = graphs.pop(report_graph_name(name))
        nodes = {URIRef(t[1:-1]) for t in _terms(*ENTITIES)}
        assert set(told.objects(None, DIP.mentions)) <= nodes
        # of the entities, only what this report tells: a post held, the words it called a place by
        assert {p for s, p, o in told if s in nodes} <= {DIP.holds, DIP.quoteKey}
        assert not {o for s, p, o in told if s in nodes and p == RDFS.label}
    a, astana = (URIRef(t[1:-1]) for t in _terms("person:a", "place:astana"))
    # one graph for each entity named, and for each country a post or a place names
    described = {k: v for k, v in graphs.items() if "/graph/vocabulary" not in k}
    assert {k.removeprefix(str(RES) + "graph/").split("/")[0] for k in described} == {
        "person", "place", "organization", "country"}
    assert {k.removeprefix(str(RES) + "graph/country/") for k in described if "/country/" in k} == {"KZ", "BE"}
    assert set(described[description_graph(_terms("person:a")[0])].subjects()) == {a}
    place = described[description_graph(_terms("place:astana")[0])]
    assert (astana, RDF.type, DIP.City) in place
    assert (astana, DIP.inCountry, RES["country/KZ"]) in place
    assert (RES["country/KZ"], DIP.countryCode, None) in described[str(RES["graph/country/KZ"])]


def test_descriptions_are_the_same_lines_for_the_same_entity():
    one, two = GraphBuilder(), GraphBuilder()
    a, b = one.descriptions([ENTITIES["person:a"]], ["JP"]), two.descriptions([ENTITIES["person:a"]], ["JP"])
    assert a.keys() == b.keys()
    assert [(d.signature, d.ntriples()) for d in a.values()] == [(d.signature, d.ntriples()) for d in b.values()]
    assert len(one.descriptions(ENTITIES.values())) == 8  # seven entities, and Kazakhstan where two places lie


def test_descriptions_written_now_are_the_same_and_read_no_lexicon_later(monkeypatch):
    import pickle

    from kg import lexicon

    lazy = GraphBuilder().descriptions(ENTITIES.values(), ["JP"])
    now = {graph: d.written() for graph, d in GraphBuilder().descriptions(ENTITIES.values(), ["JP"]).items()}
    handed = pickle.loads(pickle.dumps(now))  # as a process of their own hands them over
    monkeypatch.setattr(lexicon, "load_lexicon", lambda: pytest.fail("the lexicon read again"))
    assert [(g, d.signature, d.ntriples()) for g, d in handed.items()] == [
        (g, d.signature, d.ntriples()) for g, d in now.items()]
    monkeypatch.undo()
    assert [(g, d.signature, d.ntriples()) for g, d in lazy.items()] == [
        (g, d.signature, d.ntriples()) for g, d in now.items()]


ASTANA = ENTITIES["place:astana"]


@pytest.mark.parametrize(("entity", "version", "changes"), [
    (ASTANA, "1", False),
    (replace(ASTANA, mentions=()), "1", False),
    (replace(ASTANA, labels=(*ASTANA.labels, Label("Astana", "en"))), "1", True),
    (replace(ASTANA, subtype="region"), "1", True),
    (ASTANA, "2", True),  # the code or the data that write descriptions changed
])
def test_a_description_is_signed_by_what_it_is_written_from(entity, version, changes):
    before = GraphBuilder().descriptions([ASTANA], version="1")
    after = GraphBuilder().descriptions([entity], version=version)
    assert before.keys() == after.keys()
    graph = description_graph(_terms("place:astana")[0])
    assert (before[graph].signature != after[graph].signature) == changes
    assert (before[graph].ntriples() != after[graph].ntriples()) == (changes and version == "1")


def _terms(*keys: str) -> list[str]:
    return [entity_term(ENTITIES[k].kind, ENTITIES[k].country_code, k) for k in keys]


GOVERNOR = Post("person:a", "governor", EVIDENCE, country="JP")
ADVISER = Post("person:a", "adviser", EVIDENCE)


@pytest.mark.parametrize(("posts", "redirect", "roles", "served"), [
    ((POST,), {}, "ambassador", "KZ"),
    # every post of the person, over every report, each role and state once, sorted
    ((POST, GOVERNOR, POST), {}, "ambassador, governor", "JP, KZ"),
    # a post that serves no state lists its role only
    ((ADVISER,), {}, "adviser", ""),
    # the posts of a spelling joined to the person are the person's
    ((replace(POST, holder="person:c"),), {"person:c": "person:a"}, "ambassador", "KZ"),
    ((), {}, "", ""),
])
def test_a_person_s_description_lists_the_roles_and_states_of_their_posts(posts, redirect, roles, served):
    xs = [extraction((), posts=posts[:1]), extraction((), posts=posts[1:], name="b.txt")]
    builder = GraphBuilder(served=served_states(xs, redirect), roles=held_roles(xs, redirect))
    text = builder.descriptions([ENTITIES["person:a"]])[description_graph(_terms("person:a")[0])].ntriples().decode()
    assert f'<{DIP}roleList> "{roles}" .' in text and f'<{DIP}servesList> "{served}" .' in text


def test_without_the_roles_of_the_whole_corpus_a_description_lists_none():
    # a description written from one report would depend on which report named the person first
    text = GraphBuilder().descriptions([ENTITIES["person:a"]])[description_graph(_terms("person:a")[0])].ntriples()
    assert b"roleList" not in text and b"servesList" not in text


def test_a_person_s_new_role_changes_the_signature_of_their_description():
    def signed(posts: tuple[Post, ...]) -> str:
        xs = [extraction((), posts=posts)]
        builder = GraphBuilder(served=served_states(xs, {}), roles=held_roles(xs, {}))
        return builder.descriptions([ENTITIES["person:a"]])[description_graph(_terms("person:a")[0])].signature

    assert signed((POST,)) == signed((POST, POST)) != signed((POST, GOVERNOR))


@pytest.mark.parametrize(("key", "other"), [("a.txt", "b.txt"), ("kk/r1.txt", "kk/r10.txt")])
def test_the_lines_of_a_reports_meetings_begin_alike_and_no_other_reports_do(key, other):
    from kg.graph import meeting_lines, meeting_term

    for n in (1, 2, 12):
        assert f"{meeting_term((key, n))} <p> <o> .".encode().startswith(meeting_lines(key))
        assert not f"{meeting_term((other, n))} <p> <o> .".encode().startswith(meeting_lines(key))


TOLD = "Анна Ким Астанаға келді. Анна Ким Ли Смитпен кездесті. Ким сөз сөйледі."
TOLD_SENTENCES = (Span(0, 24, TOLD[:24]), Span(25, 54, TOLD[25:54]), Span(55, len(TOLD), TOLD[55:]))


def _mention(start: int, text: str) -> Mention:
    assert TOLD[start:start + len(text)] == text
    return Mention(MentionKind.PERSON, start, start + len(text), text, "Анна Ким")


@pytest.mark.parametrize(("mentions", "evidence"), [
    # the first sentence of each way the report writes the name
    (((0, "Анна Ким"), (25, "Анна Ким")), {("Анна Ким", 0)}),
    (((0, "Анна Ким"), (25, "Анна Ким"), (55, "Ким")), {("Анна Ким", 0), ("Ким", 55)}),
    (((25, "Анна Ким"), (55, "Ким"), (59, "сөз")), {("Анна Ким", 25), ("Ким", 55), ("сөз", 55)}),
])
def test_a_mention_s_evidence_is_the_first_sentence_of_each_form(mentions, evidence):
    person = replace(ENTITIES["person:a"], mentions=tuple(_mention(s, t) for s, t in mentions))
    x = Extraction(Report("a.txt", TOLD, "kk", date(2024, 1, 2)), person.mentions, (person,), (), (), TOLD_SENTENCES)
    builder = GraphBuilder()
    builder.add(x, {"person:a": person}, {})
    found = set()
    for g in builder.ds.graphs():
        for ev in g.subjects(DIP.supportsProperty, DIP.mentions):
            quote, start = g.value(ev, DIP.quote), g.value(ev, DIP.sentenceStart)
            assert g.value(ev, DIP.joinRule) is not None and g.value(ev, DIP.inReport) is not None
            found.add((str(quote), start.toPython()))
    assert found == evidence


def _display_labels(entity: Entity) -> set[str]:
    lines = GraphBuilder().descriptions([entity])[description_graph(entity_term(entity.kind, entity.country_code,
                                                                                entity.key))].ntriples()
    line = lines.decode() if isinstance(lines, bytes) else lines
    return {t.split('"')[1] for t in line.splitlines() if str(DIP.displayLabel) in t}


@pytest.mark.parametrize(("kind", "labels", "shown"), [
    # a place's usual name, not the longer name it had for a few years
    (MentionKind.PLACE, (("Алматы", "kk"), ("Алматы", "ru"), ("Алма-Ата", "ru"), ("Almaty", "en")), "Алматы"),
    (MentionKind.PLACE, (("Астана", "kk"), ("Нұр-Сұлтан", "kk"), ("Astana", "en"), ("Nur-Sultan", "en")), "Астана"),
    # an organization's first name in each language, the longest of them
    (MentionKind.ORGANIZATION, (("Сенат", "ru"), ("Сенат Парламента Республики Казахстан", "ru"),
                                ("Senate of Kazakhstan", "en")), "Senate of Kazakhstan"),
    # a person's fullest name, whichever language gives it
    (MentionKind.PERSON, (("Фараби", "kk"), ("Әл-Фараби", "kk")), "Әл-Фараби"),
    (MentionKind.PERSON, (("Ермек Көшербаев", "kk"), ("Көшербаев", "kk"), ("Yermek Kosherbayev", "en")),
     "Yermek Kosherbayev"),
])
def test_a_node_shows_its_usual_name(kind, labels, shown):
    entity = Entity("x:1", kind, tuple(Label(text, language) for text, language in labels), None, "KZ")
    assert _display_labels(entity) == {shown}


def test_a_country_shows_its_usual_name_not_its_official_one():
    lines = GraphBuilder().descriptions([], ["FR"])[str(RES["graph/country/FR"])].ntriples()
    line = lines.decode() if isinstance(lines, bytes) else lines
    assert {t.split('"')[1] for t in line.splitlines() if str(DIP.displayLabel) in t} == {"Франция"}
