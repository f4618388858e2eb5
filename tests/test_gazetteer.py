"""The gazetteer: regions and cities in kk, ru and en, found in their case forms, one key per place."""

from __future__ import annotations

import pytest

from kg.gazetteer import (
    MIN_BORROWED_LETTERS,
    TARGET,
    Place,
    _Filter,
    cyrillic_names,
    republic_name,
    russian_from_roman,
    russian_spelling,
    state_named,
    state_names,
)
from kg.lang import profile
from kg.lexicon import load_lexicon
from kg.matching import PhraseMatcher
from kg.model import MentionKind
from kg.reports import parse_report
from kg.rules import rule_mentions

OMSK = "geonames:1496153"
ISLAMABAD = "geonames:1176615"
XIAN = "geonames:1790630"
TURKISTAN = "geonames:1517945"
ALMATY = "geonames:1526384"
BERGAMO = "geonames:3182164"
LYON = "geonames:2996944"


def places(language: str, text: str) -> list[tuple[str, str]]:
    report = parse_report(f"{language}-900.txt", "Тест\n\n" + text)
    return [(m.text, m.value) for m in rule_mentions(report) if m.kind == MentionKind.PLACE]


@pytest.mark.parametrize(("language", "text", "quote", "key"), [
    ("kk", "Елші кеше Омскіде болды.", "Омскіде", OMSK),
    ("kk", "Делегация Исламабадқа барды.", "Исламабадқа", ISLAMABAD),
    ("kk", "Кездесу Түркістанда өтті.", "Түркістанда", TURKISTAN),
    ("kk", "Форум Сианьда өтті.", "Сианьда", XIAN),
    ("ru", "Посол побывал в Омске.", "Омске", OMSK),
    ("ru", "Делегация прибыла в Исламабад.", "Исламабад", ISLAMABAD),
    ("ru", "Встреча прошла в Туркестане.", "Туркестане", TURKISTAN),
    ("ru", "Форум открылся в Сиане.", "Сиане", XIAN),
    ("en", "The ambassador was in Omsk.", "Omsk", OMSK),
    ("en", "The delegation flew to Islamabad.", "Islamabad", ISLAMABAD),
    ("en", "The talks took place in Turkestan.", "Turkestan", TURKISTAN),
    ("en", "A forum opened in Xi'an.", "Xi'an", XIAN),
    ("en", "Omsk's governor spoke.", "Omsk", OMSK),
    # a name written without its letters beyond ASCII (Wrocław, Łódź, Diyarbakır)
    ("en", "The ambassador visited Wroclaw.", "Wroclaw", "geonames:3081368"),
    ("en", "The ambassador visited Lodz.", "Lodz", "geonames:3093133"),
    ("en", "The ambassador visited Diyarbakir.", "Diyarbakir", "geonames:316541"),
    # regions by their English exonym, and by a name that is a frequent word too
    ("en", "The ambassador visited Bavaria.", "Bavaria", "DE-BY"),
    ("en", "The ambassador visited Texas.", "Texas", "US-TX"),
    ("ru", "Посол посетил Баварию.", "Баварию", "DE-BY"),
    # a place whose name a larger place elsewhere took is the one of a state the report names, not named before it
    ("kk", "Елші Испанияға сапары барысында Валенсияда болды.", "Валенсияда", "geonames:2509954"),
    ("kk", "Қазақстанның Валенсиядағы консулы Испания туралы айтты.", "Валенсиядағы", "geonames:2509954"),
    ("kk", "Елші Валенсияда болды.", "Валенсияда", "geonames:3625549"),
    # a provincial town of the wider world (some 120,000 inhabitants)
    ("en", "The Mayor of Bergamo Giorgio Gori met the ambassador.", "Bergamo", BERGAMO),
    ("kk", "Елші Бергамода болды.", "Бергамода", BERGAMO),
    # a large city whose Russian name is a man's name as likely (Лион)
    ("en", "The Mayor of Lyon Gregory Doucet met the ambassador.", "Lyon", LYON),
    ("ru", "Посол побывал в Лионе.", "Лионе", LYON),
    # China's region on Kazakhstan's border, by its ISO code, in each language
    ("kk", "Делегация Шыңжаңнан келді.", "Шыңжаңнан", "CN-XJ"),
    ("ru", "Делегация прибыла из Синьцзяна.", "Синьцзяна", "CN-XJ"),
    ("en", "The Governor of Xinjiang Erkin Tuniyaz met the akim.", "Xinjiang", "CN-XJ"),
    # China's provinces by their Russian and Kazakh names, which ISO 3166-2 does not give
    ("ru", "Делегация провинции Цзянсу прибыла в Алматы.", "Цзянсу", "CN-JS"),
    ("kk", "Шаньдун провинциясының делегациясы келді.", "Шаньдун провинциясының", "CN-SD"),
    # a region's English name that is a word of its ISO name (Guangdong Sheng), frequent as it may be
    ("en", "A delegation from Guangdong visited Almaty.", "Guangdong", "CN-GD"),
    # a town the Russian dictionary knows by name keeps an English name of some frequency
    ("en", "The Mayor of Venice Luigi Brugnaro met the ambassador.", "Venice", "geonames:3164603"),
    ("en", "The delegation flew to Bern.", "Bern", "geonames:2661552"),
    # a region whose ISO name is a word of its own country's language only (Veneto: Venetian)
    ("en", "The ambassador met the President of Veneto Luca Zaia.", "Veneto", "IT-34"),
    # a region of a populous state, not a smaller foreign city of the same name (Gujrat, Pakistan)
    ("ru", "Посол посетил штат Гуджарат.", "Гуджарат", "IN-GJ"),
    ("kk", "Елші Гуджаратта болды.", "Гуджаратта", "IN-GJ"),
    ("en", "The ambassador visited Gujarat.", "Gujarat", "IN-GJ"),
    ("ru", "Делегация провинции Онтарио прибыла в Астану.", "Онтарио", "CA-ON"),
    ("ru", "Губернатор Флориды встретился с послом.", "Флориды", "US-FL"),
    # a name of several words written with a space for its hyphen
    ("kk", "Елші Шыңжаң Ұйғыр автономиялық ауданының төрағасымен кездесті.", "Шыңжаң Ұйғыр автономиялық ауданының",
     "CN-XJ"),
    # a name with a particle in lower case (на, де), the first part declined in Russian
    ("ru", "Посол побывал в Ростове-на-Дону.", "Ростове-на-Дону", "geonames:501175"),
    ("ru", "Делегация из Франкфурта-на-Майне прибыла.", "Франкфурта-на-Майне", "geonames:2925533"),
    ("ru", "Форум прошел в Рио-де-Жанейро.", "Рио-де-Жанейро", "geonames:3451190"),
    ("kk", "Елші Рио-де-Жанейрода болды.", "Рио-де-Жанейрода", "geonames:3451190"),
    # but a city of its own name stays the city where the region's people are few beside it (a Jamaican parish)
    ("en", "Talks were held in Manchester.", "Manchester", "geonames:2643123"),
    ("ru", "Переговоры прошли в Ганновере.", "Ганновере", "geonames:2910831"),
    # a name the larger place abroad has is the smaller one's of the state named right before it
    ("kk", "Елші Испанияның Валенсия қаласында болды.", "Валенсия қаласында", "geonames:2509954"),
    ("ru", "Посол побывал в испанской Валенсии.", "Валенсии", "geonames:2509954"),
    ("en", "The ambassador visited Spain's Valencia.", "Valencia", "geonames:2509954"),
    ("kk", "Елші Пәкістанның Хайдарабад қаласында болды.", "Хайдарабад қаласында", "geonames:1176734"),
    ("kk", "Елші Валенсия қаласында болды.", "Валенсия қаласында", "geonames:3625549"),
    ("ru", "Посол побывал в Хайдарабаде.", "Хайдарабаде", "geonames:1269843"),
    # a region of Russia by the Russian name read back from its romanized ISO name; of a neighbour, from iso-codes
    ("ru", "Губернатор Кемеровской области прибыл.", "Кемеровской области", "RU-KEM"),
    ("ru", "Делегация Алтайского края прибыла.", "Алтайского края", "RU-ALT"),
    ("ru", "Аким встретился с хокимом Ташкентской области.", "Ташкентской области", "UZ-TO"),
    # a foreign city by a Russian name other than its label, as Kazakh writes it too
    ("kk", "Бас консул Франкфурттағы көрмеге барды.", "Франкфурттағы", "geonames:2925533"),
    ("kk", "Делегация Орынборға барды.", "Орынборға", "geonames:515003"),
    # a province ISO 3166-2 lists under a geographical unit (East Java, under Java) is a first-level region
    ("en", "The Ambassador met the Governor of East Java.", "East Java", "ID-JI"),
    ("en", "The delegation visited West Java.", "West Java", "ID-JB"),
    # a region's English name, a frequent word, that spells its Russian name: no word (Oklahoma: Оклахома)
    ("en", "The ambassador visited Oklahoma.", "Oklahoma", "US-OK"),
    ("en", "The Governor of Minnesota met the ambassador.", "Minnesota", "US-MN"),
    ("en", "A delegation from Illinois arrived in Astana.", "Illinois", "US-IL"),
    # a region's name that a city of the region has as a shortening of its own (Оклахома-Сити): the region's
    ("ru", "Посол посетил штат Оклахома.", "Оклахома", "US-OK"),
    ("ru", "Посол побывал в Оклахома-Сити.", "Оклахома-Сити", "geonames:4544349"),
    ("kk", "Елші Оклахомаға барды.", "Оклахомаға", "US-OK"),
    # a region of a state of far more people per region, not the smaller state's namesake (Montana, Bulgaria)
    ("ru", "Губернатор штата Монтана встретился с послом.", "Монтана", "US-MT"),
    # a town of a state English writes by Russian names, by its Russian name's spelling too (Gomel: Homyel')
    ("en", "The ambassador arrived in Gomel.", "Gomel", "geonames:627907"),
    ("en", "The delegation visited Grodno.", "Grodno", "geonames:627904"),
    # ... and the region named after it, by its Russian name's adjective (Гомельская область)
    ("en", "The ambassador visited the Gomel region.", "Gomel region", "BY-HO"),
    # a river Kazakhstan shares with its neighbours, named without a head noun
    ("en", "He spoke of shortages of water from the Syr Darya.", "Syr Darya", "kz-syr-darya"),
    ("ru", "Стороны обсудили вододеление на Сырдарье.", "Сырдарье", "kz-syr-darya"),
    ("kk", "Тараптар Ертіс суын бөлуді талқылады.", "Ертіс", "kz-irtysh"),
    # a republic within a state by its name without the word for a republic, and in Kazakh with it after the name
    ("ru", "Делегация Татарстана прибыла в Астану.", "Татарстана", "RU-TA"),
    ("kk", "Елші Башқұртстанға емес, Татарстан Республикасына барды.", "Татарстан Республикасына", "RU-TA"),
    ("kk", "Елші Татарстанға барды.", "Татарстанға", "RU-TA"),
])
def test_a_place_is_found_in_its_case_forms(language: str, text: str, quote: str, key: str) -> None:
    assert (quote, key) in places(language, text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Nice to see the bar open. Reading the report took an hour."),
    ("en", "During the visit the sides agreed."),
    ("en", "The ambassador Tatsuhiko Kasai met the governor."),
    ("kk", "Кездесу барысында Елші жаңа Toyota орталығы ашылғанын айтты."),
    ("ru", "Губернатор Игорь Бабушкин провёл встречу."),
    ("ru", "Игорь Бабушкин поблагодарил консула."),
    ("kk", "Елші Тойота компаниясы туралы айтты."),
    ("kk", "Елші «Атамекен» палатасында болды."),
    ("ru", "Представители компании Тойота приехали."),
    ("ru", "Орёл и решка. Мирный процесс продолжается."),
    ("ru", "Делегация Омской области прибыла."),
    # a short Russian name of a foreign city is no Kazakh name: Ёрк (York) is the stem of Еркін
    ("kk", "Қазақстан-Америка Еркін университеті қонақтарды қабылдады."),
])
def test_no_place_from_a_common_word_a_brand_or_a_name(language: str, text: str) -> None:
    assert not [key for _, key in places(language, text) if key.startswith("geonames:")]


def test_a_town_s_alternate_name_of_a_sea_names_no_town() -> None:
    # GeoNames gives Aralsk the alternate name Аральское Море: the sea's, not the town's
    assert "geonames:1526265" not in [key for _, key in places("ru", "Стороны обсудили спасение Аральского моря.")]
    assert "geonames:1526265" not in [key for _, key in places("ru", "Делегация посетила Аральское море.")]


def test_one_key_across_the_three_languages() -> None:
    found = {places(lang, text)[0][1] for lang, text in (
        ("kk", "Біз Алматыда кездестік."), ("ru", "Мы встретились в Алматы."), ("en", "We met in Almaty."))}
    assert found == {ALMATY}


@pytest.mark.parametrize(("hand", "iso"), [("kz-almaty-region", "KZ-19"), ("kz-turkistan", "KZ-61")])
def test_a_hand_written_oblast_is_its_iso_subdivision(hand: str, iso: str) -> None:
    lex = load_lexicon()
    assert not lex.entry_labels(hand)
    labels = {(label.language, label.text) for label in lex.entry_labels(iso)}
    assert {lang for lang, _ in labels} == {"kk", "ru", "en"}
    assert lex.place(iso) is not None and lex.place(iso).iso == iso


def test_the_oblast_keeps_its_hand_written_labels_first() -> None:
    labels = load_lexicon().entry_labels("KZ-19")
    assert [label.text for label in labels[:3]] == ["Алматы облысы", "Алматинская область", "Almaty Region"]
    assert (places("ru", "Аким Алматинской области выступил.") or [("", "")])[0][1] == "KZ-19"


def test_a_city_carries_its_identifiers() -> None:
    info = load_lexicon().place(ALMATY)
    assert info is not None and info.iso == "KZ-75" and info.geonames == "1526384"
    assert 43 < (info.latitude or 0) < 44 and 76 < (info.longitude or 0) < 78


def test_every_spelling_names_one_place() -> None:
    owners: dict[tuple[str, str], set[str]] = {}
    for e in load_lexicon().entries:
        if e.kind == "place":
            owners.setdefault((e.language, e.name.casefold()), set()).add(e.key)
    assert not {k: v for k, v in owners.items() if len(v) > 1}


def test_the_file_is_small_and_credits_geonames() -> None:
    text = TARGET.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 3_000_000
    assert "GeoNames" in text and "CC BY 4.0" in text and "python -m kg.gazetteer" in text


@pytest.mark.parametrize(("name", "names", "country", "latin", "dropped"), [
    # another state's name (GeoNames gives Albany, New York, Албания) names that state
    ("Албания", ["Албания", "Олбани"], "US", "Albany", True),
    # a town's own state's name, where another of its names spells its Latin one more closely
    ("Бразилия", ["Бразилия", "Бразилиа"], "BR", "Brasilia", True),
    # ... but not where the state's name is the closest (Tunis: Тунис)
    ("Тунис", ["Тунис", "Тунисин Орн"], "TN", "Tunis", False),
    ("Бразилиа", ["Бразилия", "Бразилиа"], "BR", "Brasilia", False),
])
def test_a_town_keeps_no_name_of_a_state(name: str, names: list[str], country: str, latin: str,
                                         dropped: bool) -> None:
    place = Place("geonames:1", "city", country, 100_000)
    place.names["en"] = [latin]
    assert state_named(place, name, names, state_names()["ru"]) is dropped


@pytest.mark.parametrize(("language", "text", "quote"), [
    # the form of a state's name is the state's, not a town's a stem of it may be (Бразилиа)
    ("ru", "Посол Казахстана в Бразилии встретился с губернатором.", "Бразилии"),
    ("kk", "Қазақстанның Бразилиядағы Елшісі келді.", "Бразилиядағы"),
])
def test_a_state_s_name_is_no_town_s(language: str, text: str, quote: str) -> None:
    assert quote not in [q for q, _ in places(language, text)]


@pytest.mark.parametrize(("alternates", "latin", "home", "kk", "ru"), [
    (["Омск", "Омбы", "Омськ", "Омьскъ"], "Omsk", False, "Омск", "Омск"),
    (["Уральск", "Орал", "Уральськ"], "Oral", True, "Орал", "Уральск"),
    (["Әәдрхн", "Әстерхан", "Астрахань"], "Astrakhan", False, "Әстерхан", "Астрахань"),
    (["Франкфурт-на-Майне", "Франкфурт", "Ёрк"], "Frankfurt am Main", False, "Франкфурт-на-Майне",
     "Франкфурт-на-Майне"),
])
def test_cyrillic_names_are_told_apart(alternates: list[str], latin: str, home: bool, kk: str, ru: str) -> None:
    names_kk, names_ru = cyrillic_names(alternates, [latin], home=home, filt=_Filter())
    assert (names_kk[0], names_ru[0]) == (kk, ru)
    assert "Әәдрхн" not in names_kk
    if not home:  # a foreign city's Russian names are Kazakh too, its label and the longer others
        assert [n for n in names_kk if n in names_ru] == [ru, *(n for n in names_ru[1:]
                                                               if len(n) >= MIN_BORROWED_LETTERS)]


@pytest.mark.parametrize(("name", "language", "population", "kept"), [
    ("Of", "en", 20_000, False),
    ("Bar", "en", 20_000, False),
    ("Nice", "en", 340_000, False),
    ("Ницца", "ru", 340_000, True),
    ("Omsk", "en", 1_100_000, True),
    ("Орёл", "ru", 300_000, False),
    ("Омск", "ru", 1_100_000, True),
])
def test_common_words_are_not_names(name: str, language: str, population: int, kept: bool) -> None:
    assert _Filter().keeps(name, language, population) is kept


@pytest.mark.parametrize(("name", "region", "kept"), [
    # a Russian region's name holds its class noun in lower case; a phrase, a city's name of its region, do not
    ("Кемеровская область", True, True),
    ("Кемеровская область", False, False),
    ("Жібек жолы", True, False),
])
def test_a_russian_region_name_keeps_its_class_noun(name: str, region: bool, kept: bool) -> None:
    assert _Filter().keeps(name, "ru", 0, region=region) is kept


@pytest.mark.parametrize(("russian", "english", "short"), [
    (["Республика Татарстан"], ["Tatarstan", "Republic of Tatarstan"], ["Татарстан"]),
    (["Республика Марий Эл"], ["Mari El"], ["Марий Эл"]),
    # an adjective alone, or a word no English name spells, is no name of the republic
    (["Республика Сербская"], ["Republika Srpska"], []),
    (["Республика Алтай"], ["Gorno-Altai"], []),
    (["Кемеровская область"], ["Kemerovskaya oblast"], []),
])
def test_a_republic_is_named_without_the_word_for_a_republic(russian: list[str], english: list[str],
                                                               short: list[str]) -> None:
    assert republic_name(russian, english) == short


@pytest.mark.parametrize(("roman", "russian"), [
    ("Kemerovskaya oblast'", "Кемеровская область"),
    ("Altayskiy kray", "Алтайский край"),
    ("Khanty-Mansiyskiy avtonomnyy okrug", "Ханты-Мансийский автономный округ"),
    ("Yevreyskaya avtonomnaya oblast'", "Еврейская автономная область"),
    # ts is ц or тс, as the dictionary knows the word
    ("Lipetskaya oblast'", "Липецкая область"),
    ("Irkutskaya oblast'", "Иркутская область"),
    # a reading the dictionary does not know is none
    ("Xyzskaya oblast'", None),
])
def test_a_russian_name_is_read_back_from_its_romanization(roman: str, russian: str | None) -> None:
    import pymorphy3

    assert russian_from_roman(roman, pymorphy3.MorphAnalyzer().word_is_known) == russian


@pytest.mark.parametrize(("name", "population", "known", "kept"), [
    # a famous city's English name is frequent for the city's fame, not as a word
    ("Edinburgh", 510_000, True, True),
    ("Glasgow", 620_000, True, True),
    ("Nice", 340_000, True, False),
    # a smaller town, or one the Russian dictionary does not know by name, keeps the lower threshold
    ("Edinburgh", 150_000, True, False),
    ("Edinburgh", 510_000, False, False),
])
def test_known_cities_keep_english_names(name: str, population: int, known: bool, kept: bool) -> None:
    assert _Filter().keeps(name, "en", population, official=known) is kept


@pytest.mark.parametrize(("text", "quote"), [
    ("The ambassador met the mayor in Edinburgh.", "Edinburgh"),
    ("Talks were held in Manchester.", "Manchester"),
])
def test_famous_cities_are_found_in_english(text: str, quote: str) -> None:
    assert quote in [q for q, _ in places("en", text)]


@pytest.mark.parametrize(("alternates", "russian", "spelling"), [
    (["Homyel'", "Gomel", "Gomel'", "Homel", "GME"], "Гомель", ["Gomel"]),
    (["Kharkiv", "Charkov", "Kharkov", "Khar'kov"], "Харьков", ["Kharkov"]),
    # none close enough: none
    (["Hrodna", "Horodnia"], "Гродно", []),
])
def test_a_town_is_spelt_as_its_russian_name(alternates: list[str], russian: str, spelling: list[str]) -> None:
    assert russian_spelling(alternates, russian) == spelling


@pytest.mark.parametrize(("name", "russian", "spelt"), [
    ("Oklahoma", ["Оклахома"], True),
    ("Grand-Est", ["Гранд-Эст"], True),
    # a translation of the name spells none of its Russian names
    ("Great East", ["Гранд-Эст"], False),
    # a word too frequent in English to be read as a name, however close (Valley: Валье)
    ("Valley", ["Валье"], False),
    # a Russian name the dictionary reads as a word or a person's name is no spelling's warrant
    ("Savannah", ["Саванна"], False),
])
def test_a_region_s_english_name_spells_its_russian_one(name: str, russian: list[str], spelt: bool) -> None:
    assert _Filter().spells(name, russian) is spelt


@pytest.mark.parametrize(("name", "kept"), [
    ("Veneto", True),  # a word in Italian only
    ("Nord", False),  # a word in French, Italian and German
    ("Gulf", False),  # an English word
    ("Centre-Est", False),
])
def test_a_nameless_region_keeps_a_name_of_one_language(name: str, kept: bool) -> None:
    assert _Filter().word_of_one_language(name) is kept


@pytest.mark.parametrize(("token", "name", "fits"), [
    ("Омске", "Омск", True), ("Омском", "Омск", True), ("Омской", "Омск", False),
    ("Москве", "Москва", True), ("Твери", "Тверь", True), ("Туркестане", "Туркестан", True),
])
def test_russian_case_forms_of_a_place_noun(token: str, name: str, fits: bool) -> None:
    assert profile("ru").forms.name_matches(token, name) is fits


@pytest.mark.parametrize(("token", "name", "fits"), [("Omsk's", "Omsk", True), ("During", "Dure", False)])
def test_english_place_names_take_a_possessive_only(token: str, name: str, fits: bool) -> None:
    assert profile("en").forms.name_matches(token, name) is fits


def test_prefix_phrases_need_no_stemmer() -> None:
    m: PhraseMatcher[str] = PhraseMatcher("ru")
    m.add(("Омск",), "omsk", prefix=True)
    assert [x.payload for x in m.find(["в", "Омске"])] == ["omsk"]
    assert m.find(["в", "Омской"]) == []


def test_the_graph_carries_a_place_s_identifiers() -> None:
    from kg.graph import N_DIP, N_SAME_AS, _place_identifiers
    from kg.nt import Lines, iri, literal

    g = Lines()
    place = iri("https://w3id.org/dipkg/resource/place/almaty")
    _place_identifiers(g, place, f"place:{ALMATY}")
    assert (place, N_DIP.subdivisionCode, literal("KZ-75")) in g
    assert (place, N_DIP.geonamesId, literal("1526384")) in g
    assert (place, N_SAME_AS, iri("https://sws.geonames.org/1526384/")) in g
    assert {line.split(" ", 2)[1] for line in g} >= {N_DIP.latitude, N_DIP.longitude}
    _place_identifiers(g, place, "place:Гимарайнш")
    assert len(g) == 5


@pytest.mark.parametrize(("language", "text", "expected"), [
    # names joined before a head noun in the plural: one place each, with the head in the singular
    ("ru", "Посол посетил предприятия в Кызылординской и Жамбылской областях.",
     [("Кызылординской", "Кызылординская область"), ("Жамбылской областях", "Жамбылская область")]),
    ("ru", "Граница с Северо-Казахстанской и Павлодарской областями важна.",
     [("Северо-Казахстанской", "Северо-Казахстанская область"), ("Павлодарской областями", "Павлодарская область")]),
    ("kk", "Елші Қызылорда және Жамбыл облыстарында болды.",
     [("Қызылорда", "Қызылорда облысы"), ("Жамбыл облыстарында", "Жамбыл облысы")]),
    # names joined by commas, one of them holding a state's name; a state's name alone is no place's
    ("kk", "Тараптар Қостанай, Ақтөбе және Батыс Қазақстан облыстарының кәсіпорындарымен байланысты ұсынды.",
     # (Костанайская область is named after the town: its region; Актюбинская область by no adjective of Ақтөбе)
     [("Қостанай", "KZ-39"), ("Ақтөбе", "Ақтөбе облысы"),
      ("Батыс Қазақстан облыстарының", "Батыс Қазақстан облысы")]),
    ("kk", "Тараптар Қазақстан мен Ресей облыстарының ынтымақтастығын талқылады.", []),
    # the last name and the head read as one known place: the names before it are places of that head too
    ("ru", "Посол посетил Костанайскую, Актюбинскую и Западно-Казахстанскую области.",
     [("Костанайскую", "Костанайская область"), ("Актюбинскую", "Актюбинская область"),
      ("Западно-Казахстанскую области", "KZ-27")]),
    ("en", "The ambassador visited Kyzylorda and Zhambyl regions.",
     [("Kyzylorda", "Kyzylorda Region"), ("Zhambyl regions", "KZ-31")]),
    # ... but a singular head, as the case of the name before it tells, is that one place's alone
    ("ru", "Акимы Туркестана и Жамбылской области встретились.",
     [("Туркестана", "geonames:1517945"), ("Жамбылской области", "KZ-31")]),
    # a plural head after no name names no place
    ("ru", "Посол посетил предприятия в соседних областях.", []),
])
def test_names_joined_before_a_plural_head_are_one_place_each(language: str, text: str,
                                                              expected: list[tuple[str, str]]) -> None:
    assert places(language, text) == expected


@pytest.mark.parametrize(("text", "expected_places", "expected_persons"), [
    # a name the lexicon does not know, kept in the nominative after its head noun; the holder's name after it
    ("Посол встретился с губернатором провинции Гелдерланд Маартеном ван дер Линденом.",
     [("провинции Гелдерланд", "Гелдерланд\tпровинция Гелдерланд")], ["Маартен ван дер Линден"]),
    ("Консул посетил кантон Во и провёл переговоры.", [("кантон Во", "Во\tкантон Во")], []),
    # an adjective in the nominative and the word it qualifies
    ("Посол встретился с губернатором провинции Восточная Марка Анной Питерс.",
     [("провинции Восточная Марка", "Восточная Марка\tпровинция Восточная Марка")], ["Анна Питерс"]),
    # a given name sharing the surname's oblique case is the person's, not the city's
    ("Он встретился с акимом города Едилем Жанбыршиным.", [], ["Едиль Жанбыршин"]),
    # a name the dictionary knows as a person's alone opens the holder's name
    ("Посол встретился с мэром города Дэвидом Смитом.", [], ["Дэвид Смит"]),
    # the region's official name opens with its head noun
    ("Аким области Абай Бериккали Сеитов принял посла.", [("области Абай", "KZ-10")], ["Бериккали Сеитов"]),
])
def test_a_name_after_its_head_noun_is_a_place(text: str, expected_places: list[tuple[str, str]],
                                               expected_persons: list[str]) -> None:
    report = parse_report("ru-900.txt", "Тест\n\n" + text)
    mentions = rule_mentions(report)
    assert [(m.text, m.value) for m in mentions if m.kind == MentionKind.PLACE] == expected_places
    assert [m.value for m in mentions if m.kind == MentionKind.PERSON] == expected_persons


@pytest.mark.parametrize(("text", "expected"), [
    # a town's name that a person's name of the report ends in is that surname again (Morioka: a city too)
    ("Talks\n\nThe Ambassador met Governor Kenji Morioka in Kanazawa.\n\nGovernor Morioka noted the interest.",
     ["Kanazawa"]),
    # ... but after a preposition of place it is the town
    ("Talks\n\nThe Ambassador met Governor Kenji Morioka in Kanazawa. He then flew to Morioka.",
     ["Kanazawa", "Morioka"]),
])
def test_a_surname_repeated_is_no_town(text: str, expected: list[str]) -> None:
    from kg.lang import proposals

    report = parse_report("en-900.txt", text)
    found = rule_mentions(report, proposals=proposals(report))
    assert [m.text for m in found if m.kind == MentionKind.PLACE] == expected
