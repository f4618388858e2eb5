"""The whole pipeline: concrete facts of the seed reports and of short texts, asked through SPARQL."""

from pathlib import Path

import pytest
from build_support import report_folder
from rdflib import RDF, RDFS, Literal

from kg import resolution
from kg.graph import DIP
from kg.inputs.collect import InputOptions, UnreadableInputs
from kg.pipeline import build, extract, to_graph
from kg.reports import parse_report

PREFIXES = """
PREFIX dip: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def ask(graph, body: str, **bindings) -> bool:
    return bool(graph.query(PREFIXES + "ASK {" + body + "}",
                            initBindings={k: Literal(v) for k, v in bindings.items()}).askAnswer)


@pytest.mark.parametrize(("ambassador", "counterpart", "place", "sector"), [
    ("Роман Василенко", "Эрве Жамар", "Льеж провинциясы", "logistics"),
    ("Жан Ғалиев", "Рикарду Араужу", "Гимарайнш", "tourism"),
    ("Джун Ямада", "Марат Сұлтанғазиев", "Алматы облысы", "agriculture"),
])
def test_seed_meetings(seeds_build, ambassador, counterpart, place, sector):
    g = seeds_build.graph
    assert ask(g, """?m a dip:Meeting ; dip:participant ?a , ?b ; dip:location ?l ; dip:topic ?s .
                     ?a rdfs:label ?an . ?b rdfs:label ?bn . ?l rdfs:label ?ln . ?s skos:notation ?sector .
                     FILTER(STR(?an) = ?amb && STR(?bn) = ?cp && STR(?ln) = ?place)""",
               amb=ambassador, cp=counterpart, place=place, sector=sector)


@pytest.mark.parametrize(("name", "role", "country", "accredited"), [
    ("Роман Василенко", "ambassador", "KZ", "BE"),
    ("Джун Ямада", "ambassador", "JP", "KZ"),
    ("Жил Виейра", "honorary-consul", "KZ", "PT"),
])
def test_seed_diplomats(seeds_build, name, role, country, accredited):
    assert ask(seeds_build.graph, """?p rdfs:label ?n ; dip:holds ?post . FILTER(STR(?n) = ?name)
        ?post dip:role/skos:notation ?role ; dip:country/dip:countryCode ?c ; dip:accreditedTo/dip:countryCode ?a .""",
               name=name, role=role, c=country, a=accredited)


@pytest.mark.parametrize(("name", "role", "jurisdiction"), [
    ("Эрве Жамар", "governor", "Льеж провинциясы"),
    ("Рикарду Араужу", "mayor", "Гимарайнш муниципалдық палатасы"),
    ("Марат Сұлтанғазиев", "governor", "Алматы облысы"),
])
def test_seed_officials(seeds_build, name, role, jurisdiction):
    assert ask(seeds_build.graph, """?p rdfs:label ?n ; dip:holds ?post . FILTER(STR(?n) = ?name)
        ?post dip:role/skos:notation ?role ; dip:jurisdiction/rdfs:label ?j . FILTER(STR(?j) = ?jur)""",
               name=name, role=role, jur=jurisdiction)


def test_one_node_per_person_and_dictionary_labels(seeds_build):
    g = seeds_build.graph
    rows = list(g.query(PREFIXES + """SELECT ?p (GROUP_CONCAT(STR(?l); separator="|") AS ?ls)
        WHERE { ?p a dip:Person ; rdfs:label ?l . FILTER(CONTAINS(STR(?l), "Василенко")) } GROUP BY ?p"""))
    assert len(rows) == 1
    labels = set(str(rows[0][1]).split("|"))
    assert {"Роман Василенко", "Р. Василенко"} <= labels
    assert not any("Жамармен" in str(o) for o in g.objects(None, RDFS.label))


def test_evidence_reaches_the_sentence_with_offsets(seeds_build):
    g = seeds_build.graph
    rows = list(g.query(PREFIXES + """SELECT ?sentence ?start ?end ?file WHERE {
        ?m a dip:Meeting ; dip:evidence ?ev . ?ev dip:supportsProperty dip:topic ; dip:sentence ?sentence ;
           dip:sentenceStart ?start ; dip:sentenceEnd ?end ; dip:inReport/dip:sourceFile ?file }"""))
    assert rows
    texts = {x.report.source_file: x.report.text for x in seeds_build.extractions}
    for sentence, start, end, file in rows:
        assert texts[str(file)][int(start):int(end)] == str(sentence)


def test_countries_have_iso_codes(seeds_build):
    g = seeds_build.graph
    assert ask(g, """?r dip:sourceFile "000_96af8c5a6d4c3167.txt" ; dip:mentions ?c .
                     ?c a dip:Country ; dip:countryCode "NL" ; rdfs:label ?l . FILTER(LANG(?l) = "kk")""")


@pytest.mark.parametrize(("text", "facts"), [
    ("Ақтөбе облысының әкімі Асан Серікбаев Түркияның Қазақстандағы Елшісі Мехмет Өзтүркпен кездесті. "
     "Тараптар сауда және туризм салаларындағы ынтымақтастықты талқылады.",
     {"persons": {"Асан Серікбаев", "Мехмет Өзтүрк"}, "topics": {"trade", "tourism"}, "countries": {"TR", "KZ"}}),
    ("Қазақстанның Жапониядағы Елшісі Р.Исаев Осака префектурасының губернаторы Кэн Танакамен кездесті. "
     "Кездесуде инвестиция мәселелері қаралды.",
     {"persons": {"Р. Исаев", "Кэн Танака"}, "topics": {"investment"}, "countries": {"JP", "KZ"}}),
])
def test_short_texts(text, facts):
    x = extract(parse_report("t.txt", text))
    persons = {e.name for e in x.entities if e.kind == "person"}
    assert persons == facts["persons"]
    assert {t.sector for m in x.meetings for t in m.topics} == facts["topics"]
    assert {e.country_code for e in x.entities if e.kind == "country"} == facts["countries"]
    assert len(x.meetings) == 1 and len(x.meetings[0].participants) == 2


def test_hostile_text_stays_data(tmp_path: Path):
    hostile = ('Елшісі Иван <img src=x onerror=alert(1)> Петров "Ltd" {x} кездесті. '
               'Губернатор Жан Пьер>Дюбуамен кездесті.')
    x = extract(parse_report("evil <x>.txt", hostile))
    graph, _ = to_graph([x])
    for s, p, _o in graph:
        for term in (s, p):
            assert "<" not in str(term) and " " not in str(term)
    (tmp_path / "r.txt").write_text(hostile, encoding="utf-8")
    result = build([tmp_path], out_dir=tmp_path / "out")
    assert (tmp_path / "out" / "diplomacy.ttl").exists()
    assert result.summary.reports == 1


@pytest.mark.parametrize(("code", "qid"), [("KZ", "Q232"), ("BE", "Q31"), ("JP", "Q17"), ("NL", "Q55")])
def test_countries_link_to_wikidata(seeds_build, code, qid):
    assert ask(seeds_build.graph, """?c dip:countryCode ?code ; <http://www.w3.org/2002/07/owl#sameAs> ?wd .
        FILTER(STR(?wd) = CONCAT("http://www.wikidata.org/entity/", ?q))""", code=code, q=qid)


# One invented meeting told in Kazakh, Russian and English, published a day apart.
ONE_MEETING = {
    "kk.txt": "date 2025-03-14 Елші\n"
              "Қазақстанның Германиядағы Елшісі Ерғали Түлкібаев Бавария губернаторы Маркус Хоффманмен кездесті. "
              "Кездесуде тараптар сауда және туризм салаларындағы ынтымақтастықты талқылады.",
    "ru.txt": "date 2025-03-14 Посол\n"
              "Посол Казахстана в Германии Ергали Тулкибаев провел встречу с губернатором Маркусом Хоффманом. "
              "Е. Тулкибаев отметил значение торговли.",
    "en.txt": "date 2025-03-15 Ambassador\n"
              "Kazakhstan's Ambassador to Germany Yergali Tulkibayev met with Governor Markus Hoffmann. "
              "Ambassador Tulkibayev noted the importance of trade.",
}


@pytest.fixture(scope="module")
def one_meeting(tmp_path_factory):
    folder = report_folder(tmp_path_factory.mktemp("one-meeting"), ONE_MEETING)
    return build([folder], out_dir=folder / "out")


def test_one_meeting_in_three_languages_gives_two_persons(one_meeting):
    g = one_meeting.graph
    rows = list(g.query(PREFIXES + """SELECT ?p (COUNT(DISTINCT ?m) AS ?meetings) WHERE {
        ?m a dip:Meeting ; dip:participant ?p } GROUP BY ?p"""))
    assert len(rows) == 2
    assert {int(r[1]) for r in rows} == {1}  # one meeting, told by three reports
    (meeting,) = set(g.subjects(RDF.type, DIP.Meeting))
    assert len(set(g.objects(meeting, DIP.reportedIn))) == 3
    for name, lang in [("Ерғали Түлкібаев", "kk"), ("Ергали Тулкибаев", "ru"), ("Yergali Tulkibayev", "en"),
                       ("Маркус Хоффман", "kk"), ("Markus Hoffmann", "en")]:
        assert (None, RDFS.label, Literal(name, lang=lang)) in g


@pytest.mark.parametrize("person", ["Tulkibayev", "Түлкібаевпен", "Тулкибаевым", "Ергали Тулкибаев", "Е. Түлкібаев"])
def test_person_meetings_by_any_spelling(one_meeting, person):
    from kg import query as q

    store = q.load_store(one_meeting.written[0])
    sparql, bound = q.resolve("person-meetings", {"person": person})
    result = q.run(store, sparql, params=bound)
    assert len(result.rows) == 1  # the one meeting, with the three reports that tell it
    assert len({row[result.variables.index("name")] for row in result.rows}) == 1
    assert set(result.rows[0][result.variables.index("report")].value.split(", ")) == {"kk.txt", "ru.txt", "en.txt"}
    assert "personKeys" not in result.variables


def test_different_persons_with_one_surname_are_not_asked_for_each_other(one_meeting):
    from kg import query as q

    store = q.load_store(one_meeting.written[0])
    sparql, bound = q.resolve("person-meetings", {"person": "Бекжан Түлкібаев"})
    assert q.run(store, sparql, params=bound).rows == ()


# A foreign name whose Cyrillic spelling says it as the Latin letters do not (a silent h, a c said k).
@pytest.mark.parametrize(("latin", "russian", "kazakh"), [
    ("Hervé Jamar", "Эрве Жамаром", "Эрве Жамармен"),
    ("Victor Costa", "Виктором Костой", "Виктор Костамен"),
])
def test_a_foreign_name_in_three_languages_is_one_person(tmp_path, latin, russian, kazakh):
    folder = report_folder(tmp_path, {
        "en.txt": f"date 2025-03-14 Ambassador\nKazakhstan's Ambassador to Belgium Yergali Tulkibayev met with "
                  f"Governor {latin}. They discussed trade.",
        "ru.txt": f"date 2025-05-20 Посол\nПосол Казахстана в Бельгии Ергали Тулкибаев встретился с губернатором "
                  f"{russian}. Стороны обсудили торговлю.",
        "kk.txt": f"date 2025-07-02 Елші\nҚазақстанның Бельгиядағы Елшісі Ерғали Түлкібаев губернатор {kazakh} "
                  f"кездесті. Тараптар сауда саласын талқылады.",
    })
    g = build([folder], out_dir=folder / "out").graph
    persons = set(g.subjects(RDF.type, DIP.Person))
    assert len(persons) == 2
    assert (None, RDFS.label, Literal(latin, lang="en")) in g


GOOD = "Аким области Асхат Шахаров встретился с Послом Японии Такеши Иваей в Актобе."
FAILING = "Посол Ербол Сарыбай встретился с губернатором Анкары Васипом Шахином."


def _failing_extract(report, **kwargs):
    if "Сарыбай" in report.text:
        raise IndexError("list index out of range")
    return extract(report, **kwargs)


@pytest.mark.parametrize("apart_from", [resolution.APART_FROM, 1])  # resolved in this process, or in one of its own
def test_a_report_the_extractors_fail_on_is_skipped_in_one_line(tmp_path, monkeypatch, apart_from):
    monkeypatch.setattr(resolution, "APART_FROM", apart_from)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_text(FAILING, encoding="utf-8")
    monkeypatch.setattr("kg.pipeline.extract", _failing_extract)
    result = build([tmp_path / "in"], out_dir=tmp_path / "out", jobs=1)
    assert result.summary.reports == 1
    (problem,) = result.skipped
    assert problem.startswith("bad.txt: cannot extract it: IndexError") and "\n" not in problem
    with pytest.raises(UnreadableInputs) as caught:
        build([tmp_path / "in"], out_dir=tmp_path / "strict", jobs=1, inputs=InputOptions(strict=True))
    assert caught.value.problems == (problem,)
    assert not (tmp_path / "strict" / "diplomacy.ttl").exists()
    monkeypatch.undo()  # once the extractors can read it, the next build adds it
    assert build([tmp_path / "in"], out_dir=tmp_path / "out", jobs=1).summary.reports == 2


@pytest.mark.parametrize(("exports", "views"), [(False, False), (True, False), (True, True)])
def test_a_build_does_not_load_rdflib(tmp_path, exports, views):
    """A build writes N-Triples text into its store and its exports from the store, and its views in a process
    of their own: it and the rebuild after it do not import rdflib in their process (about 40 ms of a rebuild
    that adds a report, and the views' package 50 ms more)."""
    import subprocess
    import sys

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    code = ("import sys\nfrom pathlib import Path\nfrom kg.pipeline import build\n"
            + ("from kg.views import write_views\n" if views else "write_views = None\n")
            + f"for _ in range(2):\n    build([Path({str(seeds)!r})], out_dir=Path({str(tmp_path / 'out')!r}), "
            f"exports={exports}, views=write_views)\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] == 'rdflib'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
