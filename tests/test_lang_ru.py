"""Russian: the natasha recogniser, pymorphy3 lemmas and the rules' use of both, on invented sentences."""

from __future__ import annotations

import pytest

from kg.lang import profile
from kg.lang.ru.morph import common_word, name_nominative, phrase_nominative
from kg.lang.ru.ner import mentions, russian
from kg.lexicon import load_lexicon
from kg.model import MentionKind, Report
from kg.rules import tagged_rule_mentions


def _report(text: str) -> Report:
    return Report("test.txt", text, "ru")


def _values(found, kind: str) -> set[str]:
    return {m.value for m in found if m.kind == kind}


@pytest.mark.parametrize(("words", "expected"), [
    ("Алексея Орлова", "Алексей Орлов"),
    ("Игорем Смирновым", "Игорь Смирнов"),
    ("Анной Петровой", "Анна Петрова"),
    ("Анна Орлова", "Анна Орлова"),
    ("Ирине Соколовой", "Ирина Соколова"),
    ("Виталия Хоценко", "Виталий Хоценко"),
    ("А. Орловым", "А. Орлов"),
    ("Ерланом Кариным", "Ерлан Карин"),
    ("Сергею Бабушкину", "Сергей Бабушкин"),
    # words that agree in no case: the given name's gender decides, each word alone
    ("Алексея Орлов", "Алексей Орлов"),
    ("Марко Бьянки", "Марко Бьянки"),
    ("Дархан Сатыбалды", "Дархан Сатыбалды"),
    # ... unless the surname reads as a nominative alone and the given name in none of its genders: a foreign one
    ("Левенте Мадьяр", "Левенте Мадьяр"),
    ("Ивана Мадьяр", "Иван Мадьяр"),
    # ... a surname the dictionary only guesses at in the nominative does not (Куусилайнен)
    ("Юттой Куусилайнен", "Ютта Куусилайнен"),
    # a given name in one oblique case sets the name's: a surname with no reading in it does not decline
    ("Евой Линде", "Ева Линде"),
    # a man's surname in -а the dictionary reads as a woman's name in the nominative is his, after an
    # indeclinable given name (not the genitive of a Кисид)
    ("Фумио Кисида", "Фумио Кисида"),
    # the dictionary's ё only where the text has it
    ("Маркусом Зёдером", "Маркус Зёдер"),
    ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев"),
    # a name particle hyphenated before a name keeps its form (аль-: not the name Али)
    ("аль-Рашида", "аль-Рашид"),
    ("Хасана аль-Махмуда", "Хасан аль-Махмуд"),
    ("Анна-Мария Петрова", "Анна-Мария Петрова"),
    ("Хироси Сато", "Хироси Сато"),
])
def test_name_nominative(words: str, expected: str) -> None:
    assert " ".join(name_nominative(tuple(words.split()))) == expected


@pytest.mark.parametrize(("governor", "words", "expected"), [
    # the instrumental of the post word or of "с" tells the case of a name the dictionary only guesses at
    ("губернатором", "Хирофуми Ёсимурой", "Хирофуми Ёсимура"),
    ("губернатором", "Аттилио Фонтаной", "Аттилио Фонтана"),
    ("вице-губернатором", "Ли Мином", "Ли Мин"),
    ("с", "Ким Чен Ыном", "Ким Чен Ын"),
    ("послом", "Такэси Сато", "Такэси Сато"),
    ("консулом", "Таубалды Умбетбаевым", "Таубалды Умбетбаев"),
    ("с", "Игорем Смирновым", "Игорь Смирнов"),
    # a name's reading of an unknown word wins over a common noun's (Ниндерт, not Ниндерот)
    ("послом", "Ниндертом ван ден Брюгге", "Ниндерт ван ден Брюгге"),
    # other cases are left to the name's words: Kazakh names in -ы, -и are no genitives of names in -а, -я
    ("акима", "Дархана Сатыбалды", "Дархан Сатыбалды"),
    ("", "А. Керимли", "А. Керимли"),
    ("посла", "Алексея Орлова", "Алексей Орлов"),
    # the genitive of a post picks, of the readings every word has, its own case over a woman's nominative
    ("Посла", "Нурлана Жалгасбаева", "Нурлан Жалгасбаев"),
    ("консула", "Ерлана Садыкова", "Ерлан Садыков"),
    # ... also after акима, which the dictionary knows only as a given name's forms (a woman Акима among them)
    ("акима", "Асаина Байханова", "Асаин Байханов"),
    ("акима", "Анны Петровой", "Анна Петрова"),
    ("Посла", "Айгуль Сериковой", "Айгуль Серикова"),
    ("Посла", "Марко Бьянки", "Марко Бьянки"),
    # ... and a man's foreign surname in -а after a consonant, read only as a nominative, is its genitive
    ("Посла", "Сайласа Тангала", "Сайлас Тангал"),
    ("консула", "Мехмета Сами Озтюрка", "Мехмет Сами Озтюрк"),
    ("Чрезвычайного и Полномочного Посла", "Нико Схермерса", "Нико Схермерс"),
    ("Посла", "Анны Ковальской", "Анна Ковальская"),
    ("принял", "Мехмета Озтюрка", "Мехмет Озтюрк"),
    # the object of a transitive verb is in the accusative; a subject after a verb of saying stays as written
    ("принял", "Нурлана Жалгасбаева", "Нурлан Жалгасбаев"),
    ("отметил", "Нурлан Жалгасбаев", "Нурлан Жалгасбаев"),
    ("отметила", "Анна Петрова", "Анна Петрова"),
    # a foreign surname in -и the dictionary does not know is no oblique case of one in -ь (Россини)
    ("посольства", "Анной Россини", "Анна Россини"),
    ("главы", "Анны Петровой", "Анна Петрова"),
    # an accusative in -у, -ю the dictionary reads only as a dative (of Фонтан) is the name in -а, -я; the
    # dative of a post leaves it a dative
    ("губернатора", "Аттилио Фонтану", "Аттилио Фонтана"),
    ("принял", "Франческо Рокку", "Франческо Рокка"),
    ("губернатору", "Аттилио Фонтану", "Аттилио Фонтан"),
    ("принял", "Анну Петрову", "Анна Петрова"),
    ("принял", "Ичиро Ямаду", "Ичиро Ямада"),
    # a genitive in -ы the dictionary reads as no singular noun (Фонтаны: fountains; Маттареллы: a guess) is the
    # name in -а; a name it knows declines as it does
    ("губернатора", "Аттилио Фонтаны", "Аттилио Фонтана"),
    ("Президента", "Серджо Маттареллы", "Серджо Маттарелла"),
    ("посла", "Анны Петровой", "Анна Петрова"),
    ("отметил", "Серджо Маттареллы", "Серджо Маттареллы"),
    ("акима", "Дархана Сатыбалды", "Дархан Сатыбалды"),
    ("акима", "Сатыбалды", "Сатыбалды"),
    ("принял", "Ли Ху", "Ли Ху"),
    # a man's name the dictionary reads in no case, in the instrumental a post or "с" asks for
    ("с", "Жауме Дучем", "Жауме Дуч"),
    # both parts of a hyphenated given name decline
    ("с", "Жаном-Пьером Дюпоном", "Жан-Пьер Дюпон"),
    ("с", "Анной-Марией Шмидт", "Анна-Мария Шмидт"),
    # ... an indeclinable one keeps its first part once (Анн-Мари, not Анн-Анн-мари)
    ("с", "Анн-Мари Дескот", "Анн-Мари Дескот"),
    ("с", "Анн-Мари Дескотом", "Анн-Мари Дескот"),
    # a short name in -й the dictionary cannot read, in the case asked for; as written in another
    ("консула", "Чжан Вэя", "Чжан Вэй"),
    ("послу", "Ли Лэю", "Ли Лэй"),
    ("консул", "Чжан Вэя", "Чжан Вэя"),
    # a surname the dictionary reads as an adjective's (Травников, Травникова)
    ("губернатора", "Андрея Травникова", "Андрей Травников"),
    ("посла", "Анны Травниковой", "Анна Травникова"),
    ("принял", "Анну Травникову", "Анна Травникова"),
    # a short syllable's instrumental (Ён: Ёном)
    ("губернатором", "Ким Дон Ёном", "Ким Дон Ён"),
    # a dative the dictionary only guesses at, whose name reading is an accusative (of a Дастиса)
    ("министру", "Альфонсо Дастису", "Альфонсо Дастис"),
    ("директору", "Альфонсо Дастису", "Альфонсо Дастис"),
    # ... and after a verb asking for the accusative, a name in -а (Ямаду: Ямада)
    ("принял", "Хироси Ямаду", "Хироси Ямада"),
    # a guessed instrumental of a name in -нь puts no vowel into it (Вэнем: Вэнь, not Вэень)
    ("вице-губернатором", "Лин Вэнем", "Лин Вэнь"),
    ("губернатором", "Ли Чанем", "Ли Чань"),
    # an instrumental ending after a consonant is no given name's own, beside an indeclinable surname too
    ("губернатором", "Ваяном Сударто", "Ваян Сударто"),
    ("губернатором", "Хироси Сато", "Хироси Сато"),
])
def test_governed_name_nominative(governor: str, words: str, expected: str) -> None:
    assert profile("ru").name_form(words.split(), MentionKind.PERSON, governor) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Посол Казахстана встретился с губернатором префектуры Осака Хирофуми Ёсимурой.", "Хирофуми Ёсимура"),
    ("Посол Казахстана встретился с президентом региона Ломбардия Аттилио Фонтаной.", "Аттилио Фонтана"),
    # a post of several words whose head comes first (советником посольства) governs by its head
    ("Аким встретился с Послом Японии Кэном Сато и советником посольства Хирофуми Ёсимурой.", "Хирофуми Ёсимура"),
    # a name particle (ван ден) inside the name
    ("Аким области принял Посла Нидерландов Ниндерта ван ден Брюгге.", "Ниндерт ван ден Брюгге"),
])
def test_names_take_the_case_of_their_post(text: str, expected: str) -> None:
    assert expected in _values(tagged_rule_mentions(_report(text)), MentionKind.PERSON)


@pytest.mark.parametrize(("words", "expected"), [
    ("Омске", "Омск"),
    ("Астане", "Астана"),
    ("Алматы", "Алматы"),
    ("Карагандинской области", "Карагандинская область"),
    ("Омскую область", "Омская область"),
    ("Северо-Казахстанской области", "Северо-Казахстанская область"),
    ("Министерства иностранных дел", "Министерство иностранных дел"),
    ("Республики Казахстан", "Республика Казахстан"),
    ("Европейского союза", "Европейский союз"),
    ("ООН", "ООН"),
    # a foreign name in -у the dictionary does not know is no guessed dative; a known one is
    ("Бейоглу", "Бейоглу"),
    ("Ганьсу", "Ганьсу"),
    ("Москву", "Москва"),
    # so is one in -и or -й; a known one in -и is the genitive of its name in -ь
    ("Шэньси", "Шэньси"),
    ("Хэбэй", "Хэбэй"),
    ("Тюмени", "Тюмень"),
    # a place's name read as a vocative or a plural of a person's name is none (Алтынколь, not Алтынколя)
    ("Алтынколь", "Алтынколь"),
    ("Денпасаре", "Денпасар"),
])
def test_phrase_nominative(words: str, expected: str) -> None:
    assert " ".join(phrase_nominative(tuple(words.split()))) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("господином", "господин"), ("г-ном", "г-н"), ("госпожой", "госпожа"), ("встречи", "встреча"),
    # a full participle is an adjective, in its own masculine nominative; a verb form stays as written
    ("возобновляемой", "возобновляемый"), ("возобновляемая", "возобновляемый"), ("обрабатывающую", "обрабатывающий"),
    ("стали", "стали"),
])
def test_lemma(word: str, expected: str) -> None:
    assert profile("ru").lemmas(word)[0] == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("Вчера", True), ("Посольство", True), ("Омск", False), ("Анна", False), ("Орлов", False), ("UNESCO", False),
])
def test_common_word(word: str, expected: bool) -> None:
    assert common_word(word) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Вчера Алексей Орлов посетил выставку.", True),
    ("Елші Астанада кездесу өткізді.", False),
    ("The Ambassador met Mr. Orlov in Astana.", False),
])
def test_russian_sentences(text: str, expected: bool) -> None:
    assert russian(text) is expected


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Вчера Алексей Орлов и Анна Петрова посетили выставку.", MentionKind.PERSON, {"Алексей Орлов", "Анна Петрова"}),
    ("Делегация встретилась с Игорем Смирновым.", MentionKind.PERSON, {"Игорь Смирнов"}),
    ("Форум прошел в Омске и Новосибирске.", MentionKind.PLACE, {"Омск", "Новосибирск"}),
    ("Стороны подписали документ в Карагандинской области.", MentionKind.PLACE, {"Карагандинская область"}),
    ("Делегация посетила штаб-квартиру ООН в Нью-Йорке.", MentionKind.ORGANIZATION, {"ООН"}),
    ("Елші Астанада Алексей Орловпен кездесті.", MentionKind.PERSON, set()),
])
def test_recogniser(text: str, kind: str, expected: set[str]) -> None:
    found = mentions(_report(text))
    assert _values(found, kind) == expected
    assert all(text[m.start:m.end] == m.text and m.extractor == "natasha" for m in found)


def test_the_recogniser_tags_on_one_blas_thread_and_gives_the_others_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from threadpoolctl import ThreadpoolController

    from kg.lang.ru import ner

    model = ner.tagger()
    seen: list[set[int]] = []
    tag = model.map

    def counting(texts):  # the BLAS threads while the model runs
        seen.append({lib["num_threads"] for lib in ThreadpoolController().info() if lib["user_api"] == "blas"})
        return tag(texts)

    monkeypatch.setattr(model, "map", counting)
    before = ThreadpoolController().info()
    for _ in range(2):
        assert _values(mentions(_report("Вчера Алексей Орлов посетил Омск.")), MentionKind.PERSON) == {"Алексей Орлов"}
    assert seen == [{1}, {1}]
    assert ThreadpoolController().info() == before


def test_the_embeddings_are_natashas_as_far_as_the_tagger_reads_them() -> None:
    import numpy as np
    from natasha import NewsEmbedding, NewsNERTagger

    from kg.lang.ru import ner

    lean, whole = ner.embedding(), NewsEmbedding()
    assert lean.meta.id == whole.meta.id
    assert np.array_equal(lean.pq.indexes, whole.pq.indexes) and np.array_equal(lean.pq.codes, whole.pq.codes)
    assert np.array_equal(lean.pq[123], whole.pq[123])  # a vector's lookup
    assert not hasattr(lean.pq, "norm") and lean.vocab is None  # what only similarities and word lookups need
    texts = ["Вчера Алексей Орлов посетил Омск и встретился с главой ООН.", "Форум прошел в Новосибирске."]
    assert [m.spans for m in ner.tagger().map(texts)] == [m.spans for m in NewsNERTagger(whole).map(texts)]


def test_recogniser_is_the_russian_profile() -> None:
    assert profile("ru").recogniser() is mentions
    assert profile("ru").name_form(["Омске"], MentionKind.PLACE) == "Омск"


@pytest.mark.parametrize(("text", "expected"), [
    ("Вчера Алексей Орлов и Анна Петрова посетили завод.", {"Алексей Орлов", "Анна Петрова"}),
    ("Делегация встретилась с Игорем Смирновым и Анной Петровой.", {"Игорь Смирнов", "Анна Петрова"}),
    ("Делегация встретилась с господином Игорем Смирновым.", {"Игорь Смирнов"}),
    ("Делегация встретилась с г-ном Игорем Смирновым.", {"Игорь Смирнов"}),
    ("Переговоры провела г-жа Анна Петрова.", {"Анна Петрова"}),
    # One name word without a post or an initial is not a person.
    ("Делегация встретилась со Смирновым.", set()),
])
def test_rules_take_russian_persons(text: str, expected: set[str]) -> None:
    found = tagged_rule_mentions(_report(text))
    assert _values(found, MentionKind.PERSON) == expected


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Форум прошел в Омске.", MentionKind.PLACE, {"Омск"}),
    ("Делегация посетила Новосибирск и Барнаул.", MentionKind.PLACE, {"Новосибирск", "Барнаул"}),
    ("Встреча прошла в Тамбовской области.", MentionKind.PLACE, {"Тамбовская область"}),
    ("Посольство провело прием.", MentionKind.PLACE, set()),
    # a given name and a surname in one oblique case after a town's head noun are a person's, no town's ...
    ("Посол встретился с главой Исполнительной власти города Эльманом Рзаевым.", MentionKind.PLACE, set()),
    ("Посол встретился с главой Исполнительной власти города Эльманом Рзаевым.", MentionKind.PERSON,
     {"Эльман Рзаев"}),
    # ... but one word the dictionary reads in no nominative is the place the recogniser proposes
    ("Посол посетил провинцию Куангнам.", MentionKind.PLACE, {"Куангнам\tпровинция Куангнам"}),
])
def test_rules_take_russian_places(text: str, kind: str, expected: set[str]) -> None:
    found = tagged_rule_mentions(_report(text))
    lex = load_lexicon()
    # A place the gazetteer knows is its key; its Russian label is the dictionary form.
    names = {next((lb.text for lb in lex.entry_labels(v) if lb.language == "ru"), v) for v in _values(found, kind)}
    assert names == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Делегация встретилась с руководством Евразийского горного банка.", {"Евразийский горный банк"}),
    # A head noun first in the name is not a sentence-initial common word to trim.
    ("Министерство энергетики Казахстана провело встречу.", {"Министерство энергетики Казахстана"}),
])
def test_rules_take_russian_organizations(text: str, expected: set[str]) -> None:
    found = tagged_rule_mentions(_report(text))
    assert _values(found, MentionKind.ORGANIZATION) == expected


@pytest.mark.parametrize(("text", "organization", "person"), [
    ("Посол встретился с ректором Миланского университета Паоло Бьянки.", "Миланский университет", "Паоло Бьянки"),
    ("Посол встретился с президентом Ломбардской ассоциации промышленников Марко Росси.",
     "Ломбардская ассоциация промышленников", "Марко Росси"),
    # the person a body is named after, in the genitive, all the words of his name
    ("Посол посетил Евразийский национальный университет имени Льва Гумилева.",
     "Евразийский национальный университет имени Льва Гумилева", "Лев Гумилев"),
    ("Посол посетил Международный казахско-турецкий университет имени Ходжи Ахмеда Ясави.",
     "Международный казахско-турецкий университет имени Ходжи Ахмеда Ясави", "Ходжа Ахмед Ясави"),
    # a state's name its form ends (Российской Федерации) takes no name after it; one its form opens does
    ("Посол встретился с председателем Совета Федерального Собрания Российской Федерации Ириной Ковальчук.",
     "Совет Федерального Собрания Российской Федерации", "Ирина Ковальчук"),
    ("Посол встретился с председателем Палаты Республики Молдова Ионом Русу.", "Палата Республики Молдова",
     "Ион Русу"),
    # ... nor a person's name the recogniser reads after the state's form word
    ("Аким встретился с заместителем председателя Совета Республики Анатолием Кравцовым.", "Совет Республики",
     "Анатолий Кравцов"),
])
def test_a_body_ends_before_the_person_named_after_it(text: str, organization: str, person: str) -> None:
    found = tagged_rule_mentions(_report(text))
    assert organization in _values(found, MentionKind.ORGANIZATION)
    assert person in _values(found, MentionKind.PERSON)


@pytest.mark.parametrize(("text", "organization"), [
    # a state's adjective opens the body's name; the state is named too
    ("В мероприятии приняли участие представители Японского агентства международного сотрудничества.",
     "Японское агентство международного сотрудничества"),
    ("Стороны обсудили сотрудничество с Конфедерацией индийской промышленности.",
     "Конфедерация индийской промышленности"),
    # a region's or a town's administration by the place's name alone, in lower case
    ("Посол посетил акимат Мангистауской области.", "Акимат Мангистауской области"),
    ("Делегация встретилась с представителями правительства Омской области.", "Правительство Омской области"),
])
def test_bodies_by_their_head_noun(text: str, organization: str) -> None:
    found = tagged_rule_mentions(_report(text))
    assert any(v.split("\t")[0] == organization for v in _values(found, MentionKind.ORGANIZATION))


@pytest.mark.parametrize("text", [
    # ... but no other body by its place alone: a department's or a ministry's name says its field
    "Делегация посетила управление Мангистауской области.",
    "Министр посетил министерство Казахстана.",
])
def test_no_body_by_its_place_alone(text: str) -> None:
    assert not _values(tagged_rule_mentions(_report(text)), MentionKind.ORGANIZATION)


@pytest.mark.parametrize(("name", "expected"), [
    ("Касым-Жомарта Токаева", True),
    ("Ильхама Алиева", True),
    ("Касым-Жомарт Токаев", False),
    ("Анна Токаева", False),          # a woman's surname in the nominative
    ("Алексеем Богдановым", False),   # the instrumental
])
def test_names_in_the_genitive(name: str, expected: bool) -> None:
    assert profile("ru").is_genitive_name(name) is expected


@pytest.mark.parametrize(("word", "base"), [
    ("Омская", "Омск"),
    ("Оренбургская", "Оренбург"),
    ("Астраханская", "Астрахань"),
    ("Самарская", "Самара"),
    ("Алтайский", "Алтай"),
])
def test_a_places_adjective_names_the_place(word, base):
    assert base in profile("ru").adjective_bases(word)


@pytest.mark.parametrize("word", ["Павлодар", "Новая", "Казахстан"])
def test_other_words_are_no_places_adjectives(word):
    assert profile("ru").adjective_bases(word) == ()


@pytest.mark.parametrize(("words", "governor", "outside"), [
    # under a post that governs the instrumental, a first word in -а without it is no word of the name
    (("Сапиенца", "Антонеллой", "Полимени"), "ректором", 1),
    (("Сапиенца", "Антонелла", "Полимени"), "ректор", 0),
    (("Хирофуми", "Ёсимурой"), "губернатором", 0),
    (("Мухаммедом", "бин", "Салманом"), "принцем", 0),
    # ... nor one in its genitive -и, -ы (a town's: Гааги)
    (("Гааги", "Яном", "ван", "Зейненом"), "бургомистром", 1),
    (("Марселем", "Дюпоном", "и"), "послом", 0),
])
def test_words_outside_a_name(words, governor, outside):
    assert profile("ru").words_outside_name(words, governor) == outside


@pytest.mark.parametrize(("word", "future"), [
    ("встретится", True), ("проведут", True), ("состоится", True), ("будет", True),
    # the past, the noun, and a form one of whose readings is no verb (примет: also of примета)
    ("встретился", False), ("встреча", False), ("переговоры", False), ("примет", False), ("Astana", False),
])
def test_verbs_in_the_future(word, future):
    assert profile("ru").is_future(word) is future


@pytest.mark.parametrize(("word", "passive"), [
    ("достигнутых", True), ("подписанного", True), ("принятый", True),
    # the past tense, a present participle used as a word of address, a noun, a Latin word
    ("достигли", False), ("уважаемым", False), ("договоренностей", False), ("Astana", False),
])
def test_past_passive_participles(word, passive):
    assert profile("ru").is_passive(word) is passive
    assert profile("en").is_passive(word) is False
