import pytest

from kg.entities import resolve
from kg.lexicon import load_lexicon
from kg.model import Mention


def person(value: str, start: int) -> Mention:
    return Mention("person", start, start + len(value), value, value)


def written(text: str, value: str, start: int) -> Mention:
    return Mention("person", start, start + len(text), text, value)


@pytest.mark.parametrize(("names", "groups"), [
    (["Роман Василенко", "Р. Василенко", "Василенко"], 1),
    (["Эрве Жамар", "Э. Жамар"], 1),
    (["Е. Б. Маржықпаев", "Маржықпаев"], 1),
    (["Роман Василенко", "Анна Иванова"], 2),
    (["А. Ғылымхан", "Д. Бауыржан"], 2),
    # a short form whose dictionary form the case of another reading gave (Лебедева, read as Лебедев's genitive)
    # stands for the full name that ends in it as written
    ([("Ирина Лебедева", "Ирина Лебедева"), ("И. Лебедева", "И. Лебедев")], 1),
    ([("Ирина Лебедева", "Ирина Лебедева"), ("Лебедева", "Лебедев")], 1),
    ([("Ирина Лебедева", "Ирина Лебедева"), ("Лебедевой", "Лебедева")], 1),
    ([("Ирина Лебедева", "Ирина Лебедева"), ("Петрова", "Петров")], 2),
    # a full name the dictionary did not know, in the genitive (read as a feminine nominative), is the name the
    # report gives without the ending
    ([("Ли Вэйдуном", "Ли Вэйдун"), ("Ли Вэйдуна", "Ли Вэйдуна")], 1),
    (["Ли Вэйдун", "Анна Иванова"], 2),
    # a given name and a surname of a patronymic's form are the name of that word alone or after the initial
    (["Алмас Жұмабекұлы", "Жұмабекұлы", "А. Жұмабекұлы"], 1),
    (["Almas Zhumabekuly", "Zhumabekuly"], 1),
    (["Almas Zhumabekuly", "B. Zhumabekuly"], 2),
    (["Almas Zhumabekuly", "Serikuly"], 2),
    (["Almas Zhumabekuly", "Berik Zhumabekuly", "Zhumabekuly"], 3),
    # a short form in the genitive read as a feminine nominative (По словам Н.Ахметжанова) is the full name's
    ([("Нурлан Ахметжанов", "Нурлан Ахметжанов"), ("Н.Ахметжанова", "Н. Ахметжанова")], 1),
    ([("Нурлан Ахметжанов", "Нурлан Ахметжанов"), ("А.Ахметжанова", "А. Ахметжанова")], 2),
])
def test_person_groups_within_a_report(names, groups):
    mentions = [person(n, i * 40) if isinstance(n, str) else written(*n, i * 40) for i, n in enumerate(names)]
    entities, key_of = resolve(mentions, language="kk", lexicon=load_lexicon())
    assert len([e for e in entities if e.kind == "person"]) == groups
    assert set(key_of) == set(mentions)


@pytest.mark.parametrize(("names", "name"), [
    # a given name and a patronymic's form is the fuller name, however often the surname alone is written
    (["Zhumabekuly", "Almas Zhumabekuly", "Zhumabekuly"], "Almas Zhumabekuly"),
    (["Ерлан Мұратұлы Серіков", "Е. Серіков", "Серіков"], "Ерлан Мұратұлы Серіков"),
])
def test_a_person_is_named_by_the_fullest_name(names, name):
    mentions = [person(n, i * 40) for i, n in enumerate(names)]
    entities, _ = resolve(mentions, language="kk", lexicon=load_lexicon())
    assert [e.name for e in entities if e.kind == "person"] == [name]


def test_a_case_form_joined_to_its_name_is_no_label_of_it():
    mentions = [written("Ли Вэйдуном", "Ли Вэйдун", 0), written("Ли Вэйдуна", "Ли Вэйдуна", 40)]
    entities, _ = resolve(mentions, language="ru", lexicon=load_lexicon())
    assert [[lb.text for lb in e.labels] for e in entities] == [["Ли Вэйдун"]]


def test_a_tagged_place_the_gazetteer_knows_is_its_node():
    from kg.pipeline import extract
    from kg.reports import parse_report

    # the town beside an unknown name is left to the tagger, whose place must still be the gazetteer's
    x = extract(parse_report("t.txt", "Губернатор Астрахани Игорь Петров встретился с консулом Казахстана. "
                                      "Переговоры прошли в Астрахани."))
    keys = {e.key for e in x.entities if e.kind == "place" and any(lb.text == "Астрахань" for lb in e.labels)}
    assert len(keys) == 1


def test_a_report_tells_apart_two_names_of_one_key_by_their_vowels():
    from kg.pipeline import extract
    from kg.reports import parse_report

    x = extract(parse_report("kk-1.txt", "Облыс әкімі Ержан Ашықбаев Марат Тажинмен кездесті. "
                                         "Кейін ол Мұрат Тажинмен де сөйлесті."))
    persons = {tuple(sorted(lb.text for lb in e.labels)) for e in x.entities if e.kind == "person"}
    assert ("Марат Тажин",) in persons and ("Мұрат Тажин",) in persons
    x = extract(parse_report("en-1.txt", "Governor Marat Tazhin met Ambassador Murat Tazhin in Astana."))
    persons = {tuple(sorted(lb.text for lb in e.labels)) for e in x.entities if e.kind == "person"}
    assert ("Marat Tazhin",) in persons and ("Murat Tazhin",) in persons


def test_a_report_keeps_an_eponym_apart_from_a_namesake():
    from kg.pipeline import extract
    from kg.reports import parse_report

    x = extract(parse_report("kk-1.txt", "Облыс әкімі Абай Тасқараев елшімен кездесті. Кездесу Абай атындағы "
                                         "Қазақ ұлттық педагогикалық университетінде өтті."))
    persons = {tuple(sorted(lb.text for lb in e.labels)) for e in x.entities if e.kind == "person"}
    assert persons == {("Абай",), ("Абай Тасқараев",)}




@pytest.mark.parametrize(("text", "expected"), [
    # a quoted company is named by its own name, alone and with its head noun; two companies of one report stay two
    ("Елші «Леонардо» компаниясының директоры Роберто Чинголанимен кездесті. Кездесуге Fincantieri компаниясының "
     "өкілі де қатысты.", {("Леонардо", "Леонардо компаниясы"), ("Fincantieri",)}),
    ("Елші «Леонардо» компаниясының директоры Роберто Чинголанимен кездесті. Сондай-ақ «Эни» компаниясымен "
     "ынтымақтастық талқыланды.", {("Леонардо", "Леонардо компаниясы"), ("Эни", "Эни компаниясы")}),
])
def test_organizations_of_a_report(text, expected):
    from kg.pipeline import extract
    from kg.reports import parse_report

    x = extract(parse_report("kk-1.txt", text))
    assert {tuple(sorted(lb.text for lb in e.labels)) for e in x.entities if e.kind == "organization"} == expected


@pytest.mark.parametrize(("name", "text", "expected"), [
    # a known place is named by the gazetteer's usual name in the report's language, not its longest
    ("ru-1.txt", "В Астане прошла встреча заместителя министра Романа Василенко с Послом Японии Такеши Иваей.",
     "Астана"),
    ("kk-1.txt", "Астанада облыс әкімі Асхат Шахаров Жапония Елшісі Такеши Иваямен кездесті.", "Астана"),
    ("en-1.txt", "In Astana, Deputy Minister Roman Vassilenko met Japanese Ambassador Takeshi Iwaya.", "Astana"),
    # ... by the name the report writes, in whatever case, all its words (a region, not the town it is named after)
    ("ru-1.txt", "Аким встретился с губернатором Ташкентской области Иваном Петровым.", "Ташкентская область"),
])
def test_a_known_place_is_named_by_its_usual_name(name, text, expected):
    from kg.pipeline import extract
    from kg.reports import parse_report

    x = extract(parse_report(name, text))
    assert [e.name for e in x.entities if e.kind == "place"] == [expected]


@pytest.mark.parametrize(("name", "text", "body", "country"), [
    # a body named by a known town or region, as written or by its adjective, is of that place's state
    ("en-1.txt", "The Ambassador of France to Kazakhstan Jean Dupont visited Karaganda Technical University.",
     "Karaganda Technical University", "KZ"),
    ("ru-1.txt", "Посол Франции Жан Дюпон посетил Актауский морской торговый порт.", "Актауский морской торговый порт",
     "KZ"),
    ("kk-1.txt", "Франция Елшісі Жан Дюпон Қарағанды техникалық университетінде болды.",
     "Қарағанды техникалық университеті", "KZ"),
    # ... where the report names that state: a namesake town elsewhere gives none
    ("en-1.txt", "The Ambassador of Kazakhstan to Spain met the Valencia Chamber of Commerce.",
     "Valencia Chamber of Commerce", None),
])
def test_a_body_named_by_a_place_is_of_its_state(name, text, body, country):
    from kg.pipeline import extract
    from kg.reports import parse_report

    x = extract(parse_report(name, text))
    found = {e.name: e.country_code for e in x.entities if e.kind == "organization"}
    assert found[body] == country


@pytest.mark.parametrize(("name", "text", "expected"), [
    # a body named without the state its other name writes is that body
    ("en-1.txt", "Minister of Energy of the Republic of Kazakhstan Arman Sadykov received Ambassador of Oman Said "
     "Al Harthy. The Ministry of Energy will support the project.",
     {("Ministry of Energy", "Ministry of Energy of the Republic of Kazakhstan")}),
    ("ru-1.txt", "Министр энергетики Арман Садыков принял Посла Омана Саида Аль-Хартхи. Министерство энергетики "
     "Республики Казахстан окажет поддержку проекту.",
     {("Министерство энергетики", "Министерство энергетики Республики Казахстан")}),
    ("kk-1.txt", "Қазақстан Республикасының Энергетика министрлігі мен Оман Елшісі Саид Әл-Хартхи кездесті. "
     "Энергетика министрлігі жобаны қолдайды.",
     {("Энергетика министрлігі", "Қазақстан Республикасының Энергетика министрлігі")}),
    # ... where one body alone fits: two states' ministries of one name keep the bare name apart
    ("en-1.txt", "The Ministry of Energy of Kazakhstan and the Ministry of Energy of Oman signed a memorandum. "
     "The Ministry of Energy will host the next round.",
     {("Ministry of Energy",), ("Ministry of Energy of Kazakhstan",), ("Ministry of Energy of Oman",)}),
    # ... and a longer name of other words is another body
    ("en-1.txt", "The Ministry of Trade and Integration of Kazakhstan met investors. The Ministry of Trade will "
     "host them.", {("Ministry of Trade",), ("Ministry of Trade and Integration of Kazakhstan",)}),
])
def test_a_body_named_without_its_state_is_the_one_that_names_it(name, text, expected):
    from kg.pipeline import extract
    from kg.reports import parse_report

    x = extract(parse_report(name, text))
    assert {tuple(sorted(lb.text for lb in e.labels)) for e in x.entities if e.kind == "organization"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a place the lemmatiser read in another case of its own is the place of the report it is a case of
    ("Посол предложил продвигать Чиангмай как направление туризма. Делегация представит потенциал Чиангмая в "
     "Алматы.", {("Чиангмай",), ("Алматы",)}),
])
def test_a_case_form_of_a_place_is_that_place(text, expected):
    from kg.pipeline import extract
    from kg.reports import parse_report

    x = extract(parse_report("ru-1.txt", text))
    assert {(e.name,) for e in x.entities if e.kind == "place"} == expected
