"""Entities of many reports merged: one node per real person, place or organization, and the rule that
joined each mention."""

import hashlib

import pytest

from kg.merging import join_rule, merge, stable_id
from kg.model import Entity, Label, Mention


def entity(name: str, language: str = "kk", key: str | None = None) -> Entity:
    return Entity(key or f"person:{name.lower()}", "person", (Label(name, language),))

def eponym(name: str, language: str = "kk") -> Entity:
    from kg.model import EPONYM
    from kg.names import parse

    return Entity(f"person:{parse(name).key}", "person", (Label(name, language),), subtype=EPONYM)


def test_merge_across_reports_joins_a_short_form():
    full = entity("Роман Василенко")
    short = entity("Р. Василенко")
    merged, redirect = merge([full, short])
    assert len(merged) == 1
    assert redirect[short.key] == redirect[full.key] == merged[0].key
    assert {lb.text for lb in merged[0].labels} == {"Роман Василенко", "Р. Василенко"}


@pytest.mark.parametrize("key", ["person:<img src=x onerror=alert(1)>", "org:a b/c?d#e", "person:Эрве Жамар"])
def test_stable_ids_are_safe_and_stable(key):
    sid = stable_id(key)
    assert sid == stable_id(key)
    assert all((c.isalnum() and c.isascii()) or c == "-" for c in sid)


@pytest.mark.parametrize(("key", "slug"), [
    ("report:2019-03-14_MFA-press_0000123.txt", "2019-03-14-mfa-press-0000123-txt"),
    ("person:Эрве Жамар", "erve-zhamar"),
    ("person:Yerğali Tülkibayev", "yergali-tulkibayev"),
    ("org:ҚазҰУ", "qazuu"),
    ("place:東京", ""),
])
def test_a_stable_id_is_the_keys_ascii_slug_and_hash(key, slug):
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    assert stable_id(key) == (f"{slug}-{digest}" if slug else digest)


@pytest.mark.parametrize(("cyrillic", "latin", "same"), [
    ("Даниал Ахметов", "Danial Akhmetov", True),
    ("Жеңіс Қасымбек", "Zhenis Kassymbek", True),
    ("Роман Василенко", "Roman Vasilenko", True),
    ("Ерғали Түлкібаев", "Yerğali Tülkibayev", True),
    ("Өмірсерік Шөпенов", "Umirserik Shupenov", True),
    ("Жәнібек Сапиев", "Janibek Sapiyev", True),
    ("Ұлан Хамитов", "Ulan Hamitov", True),
    ("Нышангүл Қаратаева", "Nishankul Karatayeva", True),
    ("Нұрлан Сапиев", "Nurjan Sapiyev", False),
    ("Айгүл Қаратаева", "Aigul Karatayev", False),
    ("Роман Василенко", "Ruslan Vasilenko", False),
    ("Даниал Ахметов", "Serik Akhmetov", False),
])
def test_merge_across_scripts(cyrillic, latin, same):
    a, b = entity(cyrillic, "kk"), entity(latin, "en")
    merged, redirect = merge([a, b])
    assert (len(merged) == 1) is same
    assert (redirect[b.key] == redirect[a.key]) is same


@pytest.mark.parametrize(("names", "persons"), [
    # kk, ru and en spellings of one person, with a short form in each
    ([("Ерғали Түлкібаев", "kk"), ("Ергали Тулкибаев", "ru"), ("Yergali Tulkibayev", "en"),
      ("Е. Түлкібаев", "kk"), ("Tulkibayev", "en")], 1),
    # father and son: one surname, two given names; a bare surname fits both and stays apart
    ([("Бекжан Түлкібаев", "kk"), ("Ерғали Түлкібаев", "kk"), ("Tulkibayev", "en")], 3),
    # an initial joins only the given name it starts
    ([("Бекжан Түлкібаев", "kk"), ("Ерғали Түлкібаев", "kk"), ("Е. Тулкибаев", "ru")], 2),
    ([("Бекжан Түлкібаев", "kk"), ("С. Тулкибаев", "ru")], 2),
    # the surname first, a patronymic, a hyphenated given name
    ([("Түлкібаев Ерғали Асанұлы", "kk"), ("Ергали Тулкибаев", "ru")], 1),
    ([("Ерғали Асанұлы Түлкібаев", "kk"), ("Ерғали Асанұлы", "kk")], 1),
    ([("Ерғали Асанұлы Түлкібаев", "kk"), ("Ерғали Серікұлы Түлкібаев", "kk")], 2),
    ([("Қайрат-Әли Досжанов", "kk"), ("Kairat-Ali Doszhanov", "en"), ("Кайрат-Али Досжанов", "ru")], 1),
    # a name with all the words of one longer name is that name
    ([("Хосе Мануэль Гарсия", "ru"), ("Хосе Гарсия", "kk")], 1),
    # an h that the Cyrillic spelling of a French or Spanish name leaves out
    ([("Эрве Жамар", "ru"), ("Hervé Jamar", "en")], 1),
    ([("Эрве Жамар", "kk"), ("Жамар", "kk"), ("Herve Jamar", "en"), ("H. Jamar", "en")], 1),
    ([("Юго Мартен", "ru"), ("Hugo Martin", "en")], 1),
    # ... but not the h of a name whose Cyrillic spelling writes it, nor one before an a (Хасан)
    ([("Хорхе Гомес", "ru"), ("Орхе Гомес", "ru"), ("Horhe Gomes", "en")], 2),
    ([("Асан Әлиев", "kk"), ("Hasan Aliyev", "en")], 2),
    ([("Эрве Жамар", "ru"), ("Herve Zhamarov", "en")], 2),
    # a surname that reads as a patronymic, in every spelling, and not where the given name's vowels differ
    ([("Бауыржан Момышұлы", "kk"), ("Бауыржан Момышулы", "ru"), ("Bauyrzhan Momyshuly", "en")], 1),
    ([("Мевлют Чавушоглу", "ru"), ("Mevlüt Çavuşoğlu", "en"), ("Mevlut Cavusoglu", "en")], 1),
    ([("Марат Момышұлы", "kk"), ("Мұрат Момышұлы", "kk")], 2),
    ([("Марат Момышұлы", "kk"), ("Murat Momyshuly", "en"), ("Marat Momyshuly", "en")], 2),
    # a Latin c said k
    ([("Виктор Орбан", "ru"), ("Victor Orban", "en"), ("V. Orban", "en")], 1),
    ([("Дэвид Кэмерон", "ru"), ("David Cameron", "en"), ("Кэмерон", "kk")], 1),
    ([("Марко Рубио", "kk"), ("Marco Rubio", "en"), ("Марко Рубио", "ru"), ("Rubio", "en")], 1),
    # an Italian gi, ch, s between vowels and gn, an English or French soft g
    ([("Джузеппе Верди", "ru"), ("Giuseppe Verdi", "en")], 1),
    ([("Луиджи Губитози", "kk"), ("Luigi Gubitosi", "en"), ("Губитози", "ru")], 1),
    ([("Микеле Эмилиано", "ru"), ("Michele Emiliano", "en")], 1),
    ([("Кьяра Ферраньи", "ru"), ("Chiara Ferragni", "en")], 1),
    ([("Джордж Клуни", "ru"), ("George Clooney", "en")], 1),
    ([("Жерар Дюпон", "ru"), ("Gérard Dupont", "en")], 1),
    ([("Франсуа Олланд", "ru"), ("François Hollande", "en")], 1),
    ([("Жан Дюбуа", "kk"), ("Jean Dubois", "en"), ("Дюбуа", "ru")], 1),
    # ... but not where another Cyrillic name keeps the letters as written
    ([("Джорджа Мелони", "ru"), ("Гиоргиа Мелони", "ru"), ("Giorgia Meloni", "en")], 2),
    # ... where no Cyrillic name says the c as the Latin one is written
    ([("Марко Рубио", "ru"), ("Марцо Рубио", "ru"), ("Marco Rubio", "en")], 2),
    ([("Клод Мартен", "ru"), ("Claude Martin", "en")], 1),
    # ... but not a c before e or i, which is said s, ч or ц (Vincent, Francesco)
    ([("Винкент Ломбар", "ru"), ("Vincent Lombard", "en")], 2),
])
def test_merge_persons(names, persons):
    merged, redirect = merge([entity(n, lang) for n, lang in names])
    assert len([e for e in merged if e.kind == "person"]) == persons
    assert set(redirect.values()) == {e.key for e in merged}


def test_a_given_name_and_patronymic_that_shortens_a_full_name_joins_no_other_full_name():
    first = Entity("person:a", "person", (Label("Болат Әбдірұлы Ержанин", "kk"), Label("Болат Әбдірұлы", "kk")))
    second = Entity("person:b", "person", (Label("Болат Әбдірұлы Шарипов", "kk"), Label("Болат Әбдірұлы", "kk")))
    alone = [entity("Болат Әбдірұлы"), entity("Болат Абдирулы", "ru")]
    merged, _ = merge([first, second, *alone])
    assert len(merged) == 3


def test_merged_person_keeps_every_spelling_with_its_language():
    names = [("Ерғали Түлкібаев", "kk"), ("Ергали Тулкибаев", "ru"), ("Yergali Tulkibayev", "en")]
    (person,), _ = merge([entity(n, lang) for n, lang in names])
    assert set(person.labels) == {Label(n, lang) for n, lang in names}


def test_merged_key_does_not_depend_on_report_order():
    names = [("Е. Түлкібаев", "kk"), ("Ергали Тулкибаев", "ru"), ("Yergali Tulkibayev", "en")]
    first, _ = merge([entity(n, lang) for n, lang in names])
    second, _ = merge([entity(n, lang) for n, lang in reversed(names)])
    assert [e.key for e in first] == [e.key for e in second]
    assert stable_id(first[0].key) == stable_id(second[0].key)
    assert first[0].labels == second[0].labels


def test_a_short_form_serving_another_state_stays_apart():
    full, short = entity("Ерғали Түлкібаев"), entity("Е. Түлкібаев", "ru")
    merged, _ = merge([full, short], serves={full.key: frozenset({"KZ"}), short.key: frozenset({"KG"})})
    assert len(merged) == 2
    merged, _ = merge([full, short], serves={full.key: frozenset({"KZ"}), short.key: frozenset({"KZ"})})
    assert len(merged) == 1


@pytest.mark.parametrize(("names", "rule"), [
    ([("Ерғали Түлкібаев", "kk"), ("Е. Тулкибаев", "ru")], "initial matches given name"),
    ([("Ерғали Түлкібаев", "kk"), ("Tulkibayev", "en")], "surname of a full name"),
    ([("Хосе Мануэль Гарсия", "ru"), ("Хосе Гарсия", "kk")], "words of a longer name"),
    ([("Нышангүл Қаратаева", "kk"), ("Нышанкуль Каратаева", "ru")], "close spelling"),
])
def test_merge_records_the_rule_that_joined(names, rule):
    first, second = (entity(n, lang) for n, lang in names)
    (person,), _ = merge([first, second])
    assert person.rule(second.key) == rule or person.rule(first.key) == rule


def test_join_rule_of_a_mention():

    kk = Entity("person:ermk ksrbv", "person", (Label("Ермек Көшербаев", "kk"),),
                mentions=(Mention("person", 0, 15, "Ермек Көшербаев", "Ермек Көшербаев"),))
    en = Entity("person:ermk ksrbv", "person", (Label("Yermek Kosherbayev", "en"),),
                mentions=(Mention("person", 0, 18, "Yermek Kosherbayev", "Yermek Kosherbayev"),))
    (person,), _ = merge([kk, en])
    rules = {join_rule(person, kk, kk.mentions[0]), join_rule(person, en, en.mentions[0])}
    assert rules == {"same name", "transliteration"}  # the one written as the node's name, the other


@pytest.mark.parametrize(("names", "persons"), [
    # one key, vowels a Cyrillic spelling tells apart: two persons, in one report or in two
    ([("Марат Тажин", "kk"), ("Мұрат Тажин", "kk")], 2),
    ([("Марат Тажин", "kk"), ("Мурат Тажин", "ru"), ("Marat Tazhin", "en")], 2),
    ([("Дана Ахметова", "kk"), ("Дина Ахметова", "ru")], 2),
    # one person in Kazakh, Russian and Latin spellings
    ([("Марат Тажин", "kk"), ("Марат Тажин", "ru"), ("Marat Tazhin", "en")], 1),
    ([("Тілеген Әбішев", "kk"), ("Тлеген Абишев", "ru"), ("Tilegen Abishev", "en")], 1),
    ([("Мұхтар Жәкішев", "kk"), ("Мухтар Джакишев", "ru"), ("Mukhtar Dzhakishev", "en")], 1),
])
def test_merge_tells_apart_names_of_one_key_by_their_cyrillic_vowels(names, persons):
    merged, _ = merge([entity(n, lang, key=f"person:{n}") for n, lang in names])
    assert len(merged) == persons


@pytest.mark.parametrize(("names", "persons"), [
    # a Latin spelling joins the person in Cyrillic whose vowels it writes, where two of one key differ
    ([("Мұрат Тажин", "kk"), ("Марат Тажин", "ru"), ("Marat Tazhin", "en")],
     [{"Мұрат Тажин"}, {"Марат Тажин", "Marat Tazhin"}]),
    ([("Marat Tazhin", "en"), ("Мұрат Тажин", "kk"), ("Марат Тажин", "ru"), ("Murat Tazhin", "en")],
     [{"Мұрат Тажин", "Murat Tazhin"}, {"Марат Тажин", "Marat Tazhin"}]),
    # ... and none where it writes neither
    ([("Мұрат Тажин", "kk"), ("Марат Тажин", "ru"), ("Mrat Tazhin", "en")],
     [{"Мұрат Тажин"}, {"Марат Тажин"}, {"Mrat Tazhin"}]),
    # with one person in Cyrillic, Latin vowels do not matter (David, Дэвид)
    ([("David Smith", "en"), ("Дэвид Смит", "ru")], [{"David Smith", "Дэвид Смит"}]),
    # in Latin letters alone, a and u tell two apart, e and i do not
    ([("Marat Tazhin", "en"), ("Murat Tazhin", "en")], [{"Marat Tazhin"}, {"Murat Tazhin"}]),
    ([("Mohammed Salman", "en"), ("Muhammad Salman", "en")], [{"Mohammed Salman", "Muhammad Salman"}]),
    ([("Yerzhan Ashikbayev", "en"), ("Erzhan Ashykbayev", "en")], [{"Yerzhan Ashikbayev", "Erzhan Ashykbayev"}]),
])
def test_a_latin_spelling_joins_the_cyrillic_name_it_writes(names, persons):
    from kg.names import parse

    # each report's key, as ``resolve`` makes it: the name's key and the vowels it writes
    merged, _ = merge([entity(n, lang, key=f"person:{parse(n).key}{parse(n).vowel_suffix}") for n, lang in names])
    found = [{lb.text for lb in e.labels} for e in merged]
    assert sorted(found, key=sorted) == sorted(persons, key=sorted)


@pytest.mark.parametrize("names", [
    [("Әл-Фараби", "kk"), ("Фараби", "kk")],
    [("Әл-Фараби", "kk"), ("аль-Фараби", "ru"), ("al-Farabi", "en")],
    [("Л.Н. Гумилев", "kk"), ("Л. Н. Гумилев", "ru")],
])
def test_an_eponym_is_one_node_by_its_name_alone(names):
    merged, _ = merge([eponym(n, lang) for n, lang in names])
    assert len(merged) == 1


@pytest.mark.parametrize(("name", "person"), [
    ("Абай", "Абай Тасқараев"),       # a namesake's given name
    ("Сәтбаев", "Дәурен Сәтбаев"),    # or surname
])
def test_an_eponym_does_not_join_a_living_namesake(name, person):
    merged, _ = merge([eponym(name), entity(person, "ru")])
    assert len(merged) == 2
    merged, _ = merge([entity(name), entity(person, "ru")])  # a bare surname of a person in a report does
    assert len(merged) == 1


def test_the_namesake_of_one_university_in_kazakh_and_russian_reports_is_one_node():
    from kg.pipeline import extract
    from kg.reports import parse_report

    reports = [("kk-1.txt", "Елші Әл-Фараби атындағы Қазақ ұлттық университетінде студенттермен кездесті."),
               ("ru-1.txt", "Посол посетил Казахский национальный университет имени аль-Фараби.")]
    persons = [e for name, text in reports for e in extract(parse_report(name, text)).entities if e.kind == "person"]
    merged, _ = merge(persons)
    assert [{lb.text for lb in e.labels} for e in merged] == [{"Әл-Фараби", "аль-Фараби"}]


def test_one_name_with_two_patronymics_in_two_reports_is_two_persons():
    from kg.pipeline import extract
    from kg.reports import parse_report

    reports = [("ru-1.txt", "Аким области Ержан Кемелович Ашикбаев встретился с послом. Аким Ержан Ашикбаев "
                            "выступил."),
               ("ru-2.txt", "Аким области Ержан Серикович Ашикбаев встретился с послом."),
               ("ru-3.txt", "Посол встретился с акимом области Ержаном Кемеловичем Ашикбаевым.")]
    persons = [e for name, text in reports for e in extract(parse_report(name, text)).entities if e.kind == "person"]
    merged, _ = merge(persons)
    assert sorted(len(e.labels) for e in merged) == [1, 2]  # the sons of Кемел and of Серік


def _country(*labels: tuple[str, str]) -> Entity:
    return Entity("country:KZ", "country", tuple(Label(text, language) for text, language in labels), country_code="KZ")


KAZAKH = ("Қазақстан Республикасы", "kk")
RUSSIAN = ("Республика Казахстан", "ru")
ENGLISH = ("Republic of Kazakhstan", "en")


@pytest.mark.parametrize(("reports", "name"), [
    # each report's entity names the state in its own language first; the languages rank kk, ru, en
    ([(ENGLISH, KAZAKH), (KAZAKH, ENGLISH), (ENGLISH,)], KAZAKH),
    ([(ENGLISH,), (RUSSIAN, ENGLISH), (ENGLISH,)], RUSSIAN),
    ([(ENGLISH,), (("Kazakhstan", "en"), ENGLISH)], ("Kazakhstan", "en")),  # both first in a report: by text
])
def test_a_merged_name_does_not_depend_on_the_order_of_the_reports(reports, name):
    import itertools

    names = set()
    for order in itertools.permutations(reports):
        (merged,), _ = merge([_country(*labels) for labels in order])
        names.add(merged.name)
        assert {(lb.text, lb.language) for lb in merged.labels} == {lb for labels in reports for lb in labels}
    assert names == {name[0]}


@pytest.mark.parametrize(("reports", "name"), [
    # both first in a report, one the other with words before it: an organization's fuller name
    (["Фараби атындағы университет", "Әл-Фараби атындағы университет"], "Әл-Фараби атындағы университет"),
    (["Сенаты", "Парламент Сенаты"], "Парламент Сенаты"),
    (["Банк", "Ебанк"], "Банк"),  # a longer word is no fuller name: by text
    (["Сенат", "Ассамблея"], "Ассамблея"),
])
def test_an_organization_is_named_by_its_fuller_name_in_every_order(reports, name):
    import itertools

    for order in itertools.permutations(reports):
        (merged,), _ = merge([Entity("org:senate", "organization", (Label(text, "kk"),)) for text in order])
        assert merged.name == name
