"""One node per real person across reports, languages and scripts: a build of invented reports that
spell their persons differently (Kazakh letters, Russian cases, Latin transliterations, initials, a
patronymic, the surname first) and name a university's namesake."""

from __future__ import annotations

import pytest
from build_support import report_folder
from rdflib import RDF, RDFS, Namespace

DIP = Namespace("https://w3id.org/dipkg/ontology#")

REPORTS = {
    "kk-a.txt": " date 2024-04-03 Павлодар облысының әкімі Өзбекстан елшісімен кездесті\n"
                "Павлодар облысының әкімі Бақытжан Сағынтаев Өзбекстан Республикасының Қазақстандағы Елшісі "
                "Жамшид Қодировпен кездесті. Кездесуге облыс әкімінің орынбасары Марат Әбілқасымов қатысты. "
                "Тараптар ауыл шаруашылығы мен сауда саласындағы ынтымақтастықты талқылады. Кейін Елші "
                "Әл-Фараби атындағы Қазақ ұлттық университетіне барды.\n",
    "ru-a.txt": " date 2024-04-03 Аким Павлодарской области встретился с послом Узбекистана\n"
                "Аким Павлодарской области Бахытжан Сагинтаев встретился с Послом Республики Узбекистан в "
                "Казахстане Жамшидом Кодировым. Во встрече принял участие заместитель акима области Марат "
                "Абилкасымов. Стороны обсудили сотрудничество в сфере сельского хозяйства и торговли. Посол "
                "посетил Казахский национальный университет имени аль-Фараби.\n",
    "en-a.txt": " date 2024-04-03 Pavlodar region governor meets Uzbek Ambassador\n"
                "Governor of Pavlodar region Bakhytzhan Sagintayev met with Ambassador of Uzbekistan to "
                "Kazakhstan Jamshid Kodirov. Deputy Governor Marat Abilkassymov attended the meeting. The sides "
                "discussed cooperation in agriculture and trade. B. Sagintayev presented the region.\n",
    # another deputy of one consonant skeleton, another vowel: another person
    "kk-b.txt": " date 2024-05-10 Облыс әкімінің орынбасары кәсіпкерлермен кездесті\n"
                "Облыс әкімінің орынбасары Мұрат Әбілқасымов Жапонияның Қазақстандағы Елшісі Хироси Сатомен "
                "кездесті. Тараптар туризм саласындағы ынтымақтастықты талқылады.\n",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    from kg.pipeline import build

    return build([report_folder(tmp_path_factory.mktemp("reports"), REPORTS)]).graph


def _persons(g) -> list[set[str]]:
    return [{str(o) for o in g.objects(p, RDFS.label)} for p in g.subjects(RDF.type, DIP.Person)]


@pytest.mark.parametrize("names", [
    {"Бақытжан Сағынтаев", "Бахытжан Сагинтаев", "Bakhytzhan Sagintayev", "B. Sagintayev"},
    {"Жамшид Қодиров", "Жамшид Кодиров", "Jamshid Kodirov"},
    {"Марат Әбілқасымов", "Марат Абилкасымов", "Marat Abilkassymov"},
    {"Әл-Фараби", "аль-Фараби"},
])
def test_one_person_is_one_node_in_every_spelling(graph, names):
    holding = [labels for labels in _persons(graph) if labels & names]
    assert len(holding) == 1 and names <= holding[0]


def test_another_vowel_is_another_person(graph):
    murat = [labels for labels in _persons(graph) if "Мұрат Әбілқасымов" in labels]
    assert murat == [{"Мұрат Әбілқасымов"}]


def test_the_meeting_told_in_three_languages_is_one_meeting(graph):
    files = [{str(f) for r in graph.objects(m, DIP.reportedIn) for f in graph.objects(r, DIP.sourceFile)}
             for m in graph.subjects(RDF.type, DIP.Meeting)]
    assert {"kk-a.txt", "ru-a.txt", "en-a.txt"} in files
