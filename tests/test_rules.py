"""The rule extractor on short texts: what it finds, in which dictionary form."""

from datetime import date

import pytest

from kg.lexicon import load_lexicon
from kg.model import Mention, MentionKind
from kg.pipeline import extract
from kg.reports import parse_report
from kg.rules import rule_mentions, tagged_rule_mentions


def mentions(text: str, kind: str, *, published: str | None = None) -> list[tuple[str, str]]:
    header = f" date {published} Тақырып\n" if published else ""
    report = parse_report("t.txt", header + text, month=load_lexicon().month)
    found = rule_mentions(report)
    for m in found:
        assert report.text[m.start:m.end] == m.text
    return [(m.text, m.value) for m in found if m.kind == kind]


@pytest.mark.parametrize(("text", "expected"), [
    ("Елші Э. Жамармен кездесті.", [("Э. Жамармен", "Э. Жамар")]),
    ("Облыс әкімі Асхат Шахаров елшіні қабылдады.", [("Асхат Шахаров", "Асхат Шахаров")]),
    ("Мәжіліс Төрағасы Орал Мұхамеджанов сөйледі.", [("Орал Мұхамеджанов", "Орал Мұхамеджанов")]),
    ("Төтенше және Өкілетті Елшісі Хань Чуньлиньді қабылдады.", [("Хань Чуньлиньді", "Хань Чуньлинь")]),
    ("Елшісі Ким Дэсик келді.", [("Ким Дэсик", "Ким Дэсик")]),
    ("Посол Японии в Казахстане Кэн Танака встретился с акимом.", [("Кэн Танака", "Кэн Танака")]),
    ("The Ambassador of Japan to Kazakhstan, Ken Tanaka, met the akim.", [("Ken Tanaka", "Ken Tanaka")]),
    ("Сапар барысында тараптар пікір алмасты.", []),
    # Honorifics before a name are not part of it.
    ("The Ambassador of Japan, H.E. Mr. Ken Tanaka, met the akim.", [("Ken Tanaka", "Ken Tanaka")]),
    ("Yesterday the Ambassador of Japan, H.E. Ken Tanaka, met the akim.", [("Ken Tanaka", "Ken Tanaka")]),
    ("Посол Японии господин Кэн Танака встретился с акимом.", [("Кэн Танака", "Кэн Танака")]),
    ("Посол Японии г-жа Юко Сато встретилась с акимом.", [("Юко Сато", "Юко Сато")]),
    # Lower-case particles join the words of a name, in every script.
    ("The Ambassador of the Netherlands Nicolaas van der Brugge met the akim.",
     [("Nicolaas van der Brugge", "Nicolaas van der Brugge")]),
    ("Аким встретился с Послом Нидерландов Николаасом ван дер Брюгге.",
     [("Николаасом ван дер Брюгге", "Николаас ван дер Брюгге")]),
    ("Нидерландтың Елшісі Николас ван дер Брюгге келді.", [("Николас ван дер Брюгге", "Николас ван дер Брюгге")]),
    ("The Minister of Commerce Faisal bin Thani Al Thani met the akim.",
     [("Faisal bin Thani Al Thani", "Faisal bin Thani Al Thani")]),
    # A name before "and" and a post with words of its own title is complete.
    ("The Ambassador met Saxon Prime Minister Michael Kretschmer and Bavarian Economy Minister Hubert Aiwanger.",
     [("Michael Kretschmer", "Michael Kretschmer"), ("Hubert Aiwanger", "Hubert Aiwanger")]),
    # an English possessive is no part of the name
    ("Governor Yerzhan Ashikbayev's visit began today.", [("Yerzhan Ashikbayev", "Yerzhan Ashikbayev")]),
    # an initial written as a Latin digraph (Ye. for Е)
    ("Deputy Foreign Minister Ye. Ashikbayev met the Ambassador.", [("Ye. Ashikbayev", "Ye. Ashikbayev")]),
    # the person a body is named after is a person too, written before атындағы
    ("Елші Ш. Уәлиханов атындағы Көкшетау университетінде болды.", [("Ш. Уәлиханов", "Ш. Уәлиханов")]),
    # ... or after имени, in the genitive it asks for, or with an article in lower case
    ("Посол посетил Евразийский национальный университет имени Л. Н. Гумилева.",
     [("Л. Н. Гумилева", "Л. Н. Гумилев")]),
    ("Посол посетил Казахский национальный университет имени аль-Фараби.", [("аль-Фараби", "аль-Фараби")]),
    # ... but not a particle no name word follows, nor a Kazakh word that is a particle elsewhere
    ("Елші Ержан Есенов де Милан мэрімен кездесті.", [("Ержан Есенов", "Ержан Есенов")]),
    # en: capitalised words after a post that end in a sector's word name a company, not a person
    ("The Ambassador met with executives of Siemens Energy and Bosch.", []),
    # en: more capitalised words after a post than a name holds: a body's name, then the person's two words
    ("The Ambassador met the Chairman of Confindustria Lombardia Francesco Buzzella.",
     [("Francesco Buzzella", "Francesco Buzzella")]),
    # an academic title before a name is no part of it
    ("Академик Режеп Мамбетказиев АҚШ-тың Бас консулы Мишель Еркинмен кездесті.",
     [("Режеп Мамбетказиев", "Режеп Мамбетказиев"), ("Мишель Еркинмен", "Мишель Еркин")]),
    # a full name with a patronymic keeps the surname after it
    ("Облыс әкімі Серік Әлиұлы Жұмабеков Италия елшісі Марко Мартинмен кездесті.",
     [("Серік Әлиұлы Жұмабеков", "Серік Әлиұлы Жұмабеков"), ("Марко Мартинмен", "Марко Мартин")]),
    # kk: an honorific follows the name and takes its case ending; it ends the name read before it
    ("Елші Асқар Бекмұратов Анна Новак ханыммен кездесті.",
     [("Асқар Бекмұратов", "Асқар Бекмұратов"), ("Анна Новак", "Анна Новак")]),
    ("Кеше Джон Смит мырза Астанаға келді.", [("Джон Смит", "Джон Смит")]),
    # ... past a name particle between its words (бин)
    ("Елші Асқар Бекмұратов Салех бин Хамад әл-Кувари мырзамен кездесті.",
     [("Асқар Бекмұратов", "Асқар Бекмұратов"), ("Салех бин Хамад әл-Кувари", "Салех бин Хамад әл-Кувари")]),
    # en: the word right after "of" is the post's complement, not the name's first word
    ("The Ambassador met with the President of Confindustria Emanuele Orsini.",
     [("Emanuele Orsini", "Emanuele Orsini")]),
    # ... nor the last words of its complement, where a comma and an honorific set the name apart
    ("The Ambassador met Cabinet Secretary for Agriculture and Livestock Development, Dr. Mary Wanjiku.",
     [("Mary Wanjiku", "Mary Wanjiku")]),
    # a name of four words after a post (two given names and two surnames)
    ("Испания Елшісі Луис Франсиско Мартинес Монтеспен кездесті.",
     [("Луис Франсиско Мартинес Монтеспен", "Луис Франсиско Мартинес Монтес")]),
    # ru: a place's class noun between the post and the name reads on to the name
    ("Посол провел встречу с губернатором префектуры Хирофуми Ёсимурой.",
     [("Хирофуми Ёсимурой", "Хирофуми Ёсимура")]),
    # ru: capitalised common words after a post are a body's name, not a person's
    ("Председатель Сената Парламента РК Маулен Ашимбаев принял посла.",
     [("Маулен Ашимбаев", "Маулен Ашимбаев")]),
    # a family name of one syllable opens the name after a post (Woo Won-shik)
    ("Елші Ұлттық жиналыс Төрағасы У Вон Сикпен кездесті.", [("У Вон Сикпен", "У Вон Сик")]),
    # a given name that is a town's (Медина) opens a name with a patronymic after a post
    ("Посол Мадина Ерлановна Жунусова встретилась с мэром.",
     [("Мадина Ерлановна Жунусова", "Мадина Ерлановна Жунусова")]),
    # no name runs over a blank line: a company's initial, then the next paragraph's first word
    ("Talks\n\nThe ambassador met the head of Tecnopack S.p.A.\n\nThe Ambassador presented opportunities.", []),
    # a headline in title case: common words after a post, in any form, are no name; a name there still is
    ("Kazakh Ambassador Discusses Industrial Cooperation with Lombardy\n\nThe talks went well.", []),
    ("Indian Ambassador Explores Academic Partnerships in Almaty\n\nThe talks went well.", []),
    ("Kazakh Ambassador Meets Governor Attilio Fontanesi in Milan\n\nThe talks went well.",
     [("Attilio Fontanesi", "Attilio Fontanesi")]),
    # ... but only a headline: a sentence's words after a post are read as they are
    ("The Deputy Director Mark Holds met the ambassador.", [("Mark Holds", "Mark Holds")]),
    # a headline's name that opens with a common word is none (Visits: a verb)
    ("Moroccan Ambassador Visits Mangystau, Eyes Fertiliser Trade\n\nThe talks went well.", []),
    # a name whose last word is a common English word, right after "of" or opening with one too, is a body's
    ("He met the Chief Executive Officer of Nordic Food, Lars Berg.", [("Lars Berg", "Lars Berg")]),
    ("He met the Director of Poti Sea Port, Levan Kiria.", [("Levan Kiria", "Levan Kiria")]),
    ("He met the President of the Tangier Free Economic Zone on Monday.", []),
    # words joined to a name before by "&" are the body's, not a person's after the post
    ("He invited representatives of the region to the Astana Mining & Metallurgy Congress.", []),
    # a name whose prefix an apostrophe joins to it
    ("Кездесуге сауда комиссары Джеймс О'Коннор қатысты.", [("Джеймс О'Коннор", "Джеймс О'Коннор")]),
    ("The meeting was attended by Trade Commissioner James O'Connor.", [("James O'Connor", "James O'Connor")]),
    # initials and one word are a whole name: a state after it is none of its words
    ("Өз кезегінде М. Ньороге Кенияның шай өндірушілері туралы айтты.", [("М. Ньороге", "М. Ньороге")]),
    ("М. Эррера Аргентина, Боливия және Чили аумағы туралы айтты.", [("М. Эррера", "М. Эррера")]),
    # an apostrophe's name joined by a hyphen to another, and its repeat
    ("Ambassador Margaret O'Connell-Reid met the akim. Later Ambassador O'Connell-Reid visited the port.",
     [("Margaret O'Connell-Reid", "Margaret O'Connell-Reid"), ("O'Connell-Reid", "O'Connell-Reid")]),
    # the initials of a hyphenated given name, as written
    ("Ж.-П. Дюпон отметил рост торговли.", [("Ж.-П. Дюпон", "Ж.-П. Дюпон")]),
])
def test_persons(text, expected):
    assert mentions(text, MentionKind.PERSON) == expected


@pytest.mark.parametrize(("name", "text", "persons"), [
    # the Cyrillic digraph for a Latin J is an initial: the surname after it a person's, no town's (Henderson, NV)
    ("ru-1.txt", "Посол встретился с Джеймсом Хендерсоном. Дж.Хендерсон отметил рост торговли.",
     ["Джеймс Хендерсон"]),
    ("kk-1.txt", "Елші Джеймс Хендерсонмен кездесті. Дж. Хендерсон Қазақстанды сенімді серіктес деп атады.",
     ["Джеймс Хендерсон"]),
    # the initials of a hyphenated given name, joined by a hyphen, are one: the person met before, not another
    ("kk-1.txt", "Елші Мари-Клер Дюбуамен кездесті. М.-К. Дюбуа әріптестікке мүдделі екенін айтты.",
     ["Мари-Клер Дюбуа"]),
    ("ru-1.txt", "Посол встретился с мэром Жан-Пьером Дюпоном. Ж.-П. Дюпон отметил рост торговли.", ["Жан-Пьер Дюпон"]),
    ("en-1.txt", "The Ambassador met Mayor Jean-Pierre Dupont. J.-P. Dupont noted the growth of trade.",
     ["Jean-Pierre Dupont"]),
])
def test_a_digraph_initial_and_a_surname_are_a_person_met_before(name, text, persons):
    x = extract(parse_report(name, text))
    assert [e.name for e in x.entities if e.kind == MentionKind.PERSON] == persons
    assert not [e for e in x.entities if e.kind == MentionKind.PLACE]


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Льеж провинциясының губернаторы келді.", MentionKind.PLACE, [("Льеж провинциясының", "Льеж провинциясы")]),
    ("Алматы облысының әкімі келді.", MentionKind.PLACE, [("Алматы облысының", "KZ-19")]),
    ("Гимарайнш қаласына барды.", MentionKind.PLACE, [("Гимарайнш қаласына", "Гимарайнш\tГимарайнш қаласы")]),
    ("Пензенской области губернатор.", MentionKind.PLACE, [("Пензенской области", "RU-PNZ")]),
    ("Тарманской области губернатор.", MentionKind.PLACE, [("Тарманской области", "Тарманская область")]),
    # a head noun that reads as a town with a case ending (Палата: Пала+та) names no town
    ("Палата директоры форумға қатысты.", MentionKind.PLACE, []),
    # a sea's or a lake's head noun names a place, over a town of the name before it (Арал, Балқаш)
    ("Елші Каспий теңізі арқылы тасымалдау туралы айтты.", MentionKind.PLACE,
     [("Каспий теңізі", "Каспий теңізі")]),
    ("Арал теңізін сақтау және Балқаш көлі туралы айтты.", MentionKind.PLACE,
     [("Арал теңізін", "Арал теңізі"), ("Балқаш көлі", "Балқаш көлі")]),
    ("Перевозки через Черное море выросли.", MentionKind.PLACE, [("Черное море", "Черное море")]),
    ("Cargo crosses the Caspian Sea by ferry.", MentionKind.PLACE, [("Caspian Sea", "Caspian Sea")]),
    # a district named after a town or a region is neither (Қостанай ауданы, Kostanay district)
    ("Елші Қостанай ауданындағы шаруашылыққа барды.", MentionKind.PLACE,
     [("Қостанай ауданындағы", "Қостанай ауданы")]),
    ("The ambassador visited a farm in Kostanay district.", MentionKind.PLACE,
     [("Kostanay district", "Kostanay District")]),
    ("Елші Қостанай облысына барды.", MentionKind.PLACE, [("Қостанай облысына", "KZ-39")]),
    # a surname before the first of several names before a plural head noun is no word of it
    ("С.Бекетов Ақмола және Павлодар облыстарының әлеуетін таныстырды.", MentionKind.PLACE,
     [("Ақмола", "Ақмола облысы"), ("Павлодар облыстарының", "KZ-55")]),
    # kk: a word of direction or size before a place's name opens a region's name, after a post too, and is no
    # person's name
    ("Елші Оңтүстік Моравия өлкесінің губернаторымен кездесті.", MentionKind.PLACE,
     [("Оңтүстік Моравия өлкесінің", "Оңтүстік Моравия өлкесі")]),
    ("Елші Батыс Явадағы зауытты аралады.", MentionKind.PLACE, [("Батыс Явадағы", "Батыс Ява")]),
    # ... named bare where the report names it with its head noun too: the same region; at a line's start too
    ("Оңтүстік Моравия өлкесімен байланыс.\n\nОңтүстік Моравия кәсіпорындары жоба ұсынды.", MentionKind.PLACE,
     [("Оңтүстік Моравия өлкесімен", "Оңтүстік Моравия өлкесі"), ("Оңтүстік Моравия", "Оңтүстік Моравия өлкесі")]),
    ("Елші Төменгі Силезия басшылығымен кездесті.", MentionKind.PERSON, []),
    ("Елші Орталық Азия елдері туралы айтты.", MentionKind.PLACE, []),
    ("Тараптар Суэц каналы арқылы жүк тасымалдауды талқылады.", MentionKind.PLACE,
     [("Суэц каналы", "Суэц каналы")]),
    ("Стороны обсудили перевозки через Персидский залив.", MentionKind.PLACE,
     [("Персидский залив", "Персидский залив")]),
    # ... and a river's, a reservoir's or a lake's
    ("Делегация Жайық өзенінің жағасында болды.", MentionKind.PLACE, [("Жайық өзенінің", "Жайық өзені")]),
    ("Стороны обсудили очистку реки Тобол.", MentionKind.PLACE, [("реки Тобол", "Тобол\tрека Тобол")]),
    ("Стороны обсудили уровень озера Зайсан.", MentionKind.PLACE, [("озера Зайсан", "Зайсан\tозеро Зайсан")]),
    ("They discussed water from the Ili River and Bukhtarma Reservoir.", MentionKind.PLACE,
     [("Ili River", "Ili River"), ("Bukhtarma Reservoir", "Bukhtarma Reservoir")]),
    # ... but a sea's word inside a longer name is none: the port's town alone
    ("Cargo goes through Aktau International Sea Trade Port.", MentionKind.PLACE, [("Aktau", "geonames:610612")]),
    # a region's head before a town's name names the region (провинции Бурса), not the town
    ("Посол встретился с губернатором провинции Бурса.", MentionKind.PLACE,
     [("провинции Бурса", "Бурса\tпровинция Бурса")]),
    ("Посол посетил префектуру Осака.", MentionKind.PLACE, [("префектуру Осака", "Осака\tпрефектура Осака")]),
    # a state's adjective before a sea's head noun is the sea's name, no state the report names
    ("Жүк Үнді мұхиты арқылы тасымалданады.", MentionKind.PLACE, [("Үнді мұхиты", "Үнді мұхиты")]),
    ("Жүк Үнді мұхиты арқылы тасымалданады.", MentionKind.COUNTRY, []),
    ("Товары идут вдоль побережья Индийского океана.", MentionKind.PLACE,
     [("Индийского океана", "Индийский океан")]),
    ("Trade goes through the Indian Ocean.", MentionKind.COUNTRY, []),
    # a province under a geographical unit of ISO 3166-2 (East Java, under Java) is in the gazetteer
    ("The Ambassador visited the province of East Java.", MentionKind.PLACE, [("East Java", "ID-JI")]),
    # ... but not a name in another case than the place's word before it
    ("Посол провёл встречу с комиссаром провинции Гелдерланд Маартеном ван дер Линденом.", MentionKind.PLACE,
     [("провинции Гелдерланд", "Гелдерланд\tпровинция Гелдерланд")]),
    # a name with initials opens with them: a name before them is another person's, not the namesake's
    ("Сапардың екінші күні Т. Варга А. Байтұрсынұлы атындағы Қостанай өңірлік университетінде болды.",
     MentionKind.PERSON, [("Т. Варга", "Т. Варга"), ("А. Байтұрсынұлы", "А. Байтұрсынұлы")]),
    # ru: a place's name after its class noun in a body's name stays in the nominative
    ("Встреча прошла в Федерации промышленности штата Парана.", MentionKind.ORGANIZATION,
     [("Федерации промышленности штата Парана", "Федерация промышленности штата Парана")]),
    # a word of the lexicon with a case ending opens no name at the start of a sentence
    ("Делегацияны Кёнсан-Пукто провинциясының губернаторы бастады.", MentionKind.PLACE,
     [("Кёнсан-Пукто провинциясының", "Кёнсан-Пукто провинциясы")]),
    ("Көлік министрлігінде өтті.", MentionKind.ORGANIZATION, [("Көлік министрлігінде", "Көлік министрлігі")]),
    # a sector's name inside a body's name is a noun as written, though it ends like a case (сауда: сау+да)
    ("Елші Венгрия сауда-өнеркәсіп палатасының президентімен кездесті.", MentionKind.ORGANIZATION,
     [("Венгрия сауда-өнеркәсіп палатасының", "Венгрия сауда-өнеркәсіп палатасы")]),
    ("Бұл John Cockerill компаниясы еді.", MentionKind.ORGANIZATION,
     [("John Cockerill компаниясы", "John Cockerill")]),
    ("Toyota-мен келісім.", MentionKind.ORGANIZATION, [("Toyota-мен", "Toyota")]),
    # a quoted name with its legal form after it (Kazakh) or before it (Russian)
    ("Іс-шараға «Қазақстан темір жолы» ҰК өкілдері қатысты.", MentionKind.ORGANIZATION,
     [("«Қазақстан темір жолы» ҰК", "Қазақстан темір жолы\tҚазақстан темір жолы ҰК")]),
    # lower-case words of the body's class between the quoted name and its head
    ("Кездесуге «Қазақ Инвест» ұлттық компаниясының өкілдері қатысты.", MentionKind.ORGANIZATION,
     [("«Қазақ Инвест» ұлттық компаниясының", "Қазақ Инвест\tҚазақ Инвест компаниясы")]),
    ("Представители АО «Казахстанские железные дороги» прибыли.", MentionKind.ORGANIZATION,
     [("АО «Казахстанские железные дороги»", "Казахстанские железные дороги\tАО «Казахстанские железные дороги»")]),
    # a quoted name nested in another, the closing quote they share written once: one body
    ("Іс-шараға «Ертіс су жолы» ҰК» АҚ өкілдері қатысты.", MentionKind.ORGANIZATION,
     [("«Ертіс су жолы» ҰК", "Ертіс су жолы\tЕртіс су жолы ҰК")]),
    ("Представители АО «НК «Иртыш су жолы» прибыли.", MentionKind.ORGANIZATION,
     [("АО «НК «Иртыш су жолы»", "Иртыш су жолы\tНК «Иртыш су жолы»")]),
    # ... or the head noun of its class before it, in lower case and any case: a common word in quotes is a name
    ("Посол посетил кампус университета «Синергия».", MentionKind.ORGANIZATION,
     [("университета «Синергия»", "Синергия\tУниверситет «Синергия»")]),
    ("Посол встретился с руководством компании «Тарбиат Ойл».", MentionKind.ORGANIZATION,
     [("компании «Тарбиат Ойл»", "Тарбиат Ойл\tКомпания «Тарбиат Ойл»")]),
    # commissions and secretariats are bodies; the two states a dash joins before the head belong to the name
    ("Елші Еуропа Комиссиясының өкілімен кездесті.", MentionKind.ORGANIZATION,
     [("Еуропа Комиссиясының", "Еуропа Комиссиясы")]),
    ("Тараптар Қазақстан – Венгрия үкіметаралық комиссиясының отырысын өткізді.", MentionKind.ORGANIZATION,
     [("Қазақстан – Венгрия үкіметаралық комиссиясының", "Қазақстан – Венгрия үкіметаралық комиссиясы")]),
    ("He met the head of the Tarbiat Secretariat.", MentionKind.ORGANIZATION,
     [("Tarbiat Secretariat", "Tarbiat Secretariat")]),
    # a town named by an adjective is no place where the adjective agrees with the word after it
    ("Посол посетил Центральную избирательную комиссию Кыргызстана.", MentionKind.PLACE, []),
    ("Посол посетил Центральный район Минска.", MentionKind.PLACE,
     [("Центральный район", "Центральный район"), ("Минска", "geonames:625144")]),
    ("Қазақстанның Бельгия Корольдігіндегі Елшісі.", MentionKind.COUNTRY,
     [("Қазақстанның", "KZ"), ("Бельгия Корольдігіндегі", "BE")]),
    ("Бұл ҚХР-мен ынтымақтастық.", MentionKind.COUNTRY, [("ҚХР-мен", "CN")]),
    ("Ақтөбе облысы қытайлық компаниялармен жұмыс істейді.", MentionKind.COUNTRY, [("қытайлық", "CN")]),
    # a word that is a form of two states' words is the state whose word it holds whole (түрікмен: not түрік+мен)
    ("Елші түрікмен әріптесімен кездесті.", MentionKind.COUNTRY, [("түрікмен", "TM")]),
    ("Түрік компаниялары түрікмендерге келді.", MentionKind.COUNTRY, [("Түрік", "TR"), ("түрікмендерге", "TM")]),
    # a Russian state's case forms that the stemmer cuts apart from its name (Китай: кита, Китая: кит) are found by
    # their dictionary form
    ("Посол Китая прибыл.", MentionKind.COUNTRY, [("Китая", "CN")]),
    ("Делегация Кореи и Египта прибыла.", MentionKind.COUNTRY, [("Кореи", "KR"), ("Египта", "EG")]),
    # ... but not a word whose dictionary form begins otherwise (тех and Того, Togo: forms of тот)
    ("Решения тех лет посол Того поддержал.", MentionKind.COUNTRY, [("Того", "TG")]),
    # each part of a word joining states' names or adjectives names its state; the word of no state joins none
    ("Тараптар қазақстан-венгрия ынтымақтастығын талқылады.", MentionKind.COUNTRY,
     [("қазақстан", "KZ"), ("венгрия", "HU")]),
    ("Стороны обсудили развитие казахстанско-венгерского сотрудничества.", MentionKind.COUNTRY,
     [("казахстанско", "KZ"), ("венгерского", "HU")]),
    ("The sides discussed Kazakh-Hungarian cooperation.", MentionKind.COUNTRY, [("Kazakh", "KZ"), ("Hungarian", "HU")]),
    ("Visitors from Guinea-Bissau came.", MentionKind.COUNTRY, [("Guinea-Bissau", "GW")]),
    ("The sides discussed Kazakh-Tarbiat cooperation.", MentionKind.COUNTRY, []),
    # a town or a region right after a surname is itself, not a word of the name
    ("Бас директор Ғалым Сұлтанбұлы Орал қаласында зауыт салады.", MentionKind.PLACE,
     [("Орал қаласында", "geonames:608668")]),
    ("Елші Нұрлан Оңжанов Бавария жерінің премьер-министрімен кездесті.", MentionKind.PLACE, [("Бавария", "DE-BY")]),
    # states' usual abbreviations
    ("Посол Казахстана в ФРГ и ЮАР прибыл.", MentionKind.COUNTRY,
     [("Казахстана", "KZ"), ("ФРГ", "DE"), ("ЮАР", "ZA")]),
    ("ГФР мен КХДР өкілдері келді.", MentionKind.COUNTRY, [("ГФР", "DE"), ("КХДР", "KP")]),
    ("Envoys of the ROK, the DPRK and the KSA arrived.", MentionKind.COUNTRY,
     [("ROK", "KR"), ("DPRK", "KP"), ("KSA", "SA")]),
    ("Тауар айналымы 5 млн долларов США.", MentionKind.COUNTRY, []),
    # the currency's word after the state's name (US dollars, АҚШ доллары) as before it
    ("Trade reached 40 million US dollars.", MentionKind.COUNTRY, []),
    ("Тауар айналымы 5 млн АҚШ долларын құрады.", MentionKind.COUNTRY, []),
    ("The US delegation spoke of dollars.", MentionKind.COUNTRY, [("US", "US")]),
    # the organizations of the UN system by their names and acronyms, in each language; an acronym in capitals only
    ("He met WHO Director-General Tedros Adhanom. Who attended was not said.", MentionKind.ORGANIZATION,
     [("WHO", "who")]),
    ("The UNHCR and the World Bank took part.", MentionKind.ORGANIZATION,
     [("UNHCR", "unhcr"), ("World Bank", "worldbank")]),
    ("Посол встретился с представителем ПРООН и ВОЗ.", MentionKind.ORGANIZATION, [("ПРООН", "undp"), ("ВОЗ", "who")]),
    ("Министр ДДСҰ-ның өкілімен кездесті.", MentionKind.ORGANIZATION, [("ДДСҰ-ның", "who")]),
    # a state's adjective takes no long form before it: Federation of Indian Chambers is no state
    ("He met the Federation of Indian Chambers of Commerce.", MentionKind.COUNTRY, [("Indian", "IN")]),
    ("He met the President of the Republic of Turkey.", MentionKind.COUNTRY, [("Republic of Turkey", "TR")]),
    # a town's name and a region's head: the region named after the town, in any language
    ("Ташкент облысының хокимі Шухрат Усмонов келді.", MentionKind.PLACE, [("Ташкент облысының", "UZ-TO")]),
    ("Hokim of Tashkent Region Shukhrat Usmonov arrived.", MentionKind.PLACE, [("Tashkent Region", "UZ-TO")]),
    ("Governor of the Omsk Region Andrei Kolesnikov arrived.", MentionKind.PLACE, [("Omsk Region", "RU-OMS")]),
    ("Елші Самарқанд және Бұхара облыстарына барды.", MentionKind.PLACE,
     [("Самарқанд", "UZ-SA"), ("Бұхара облыстарына", "UZ-BU")]),
    ("Елші Ташкентте болды.", MentionKind.PLACE, [("Ташкентте", "geonames:1512569")]),
    # a town's name written with a letter Unicode does not decompose (ł) is the gazetteer's, spelt without it
    ("The Ambassador visited Łódź.", MentionKind.PLACE, [("Łódź", "geonames:3093133")]),
    # a body's name before a place's head is no word of the place's name
    ("«Алтын Жол» компаниясы Алтай ауданындағы кен орнын барлайды.", MentionKind.PLACE,
     [("Алтай ауданындағы", "Алтай ауданы")]),
    # a landmark named after a person is a place, and the person's name in it no person's mention
    ("Делегация Қожа Ахмет Ясауи кесенесіне барды.", MentionKind.PLACE,
     [("Қожа Ахмет Ясауи кесенесіне", "Қожа Ахмет Ясауи кесенесі")]),
    ("Делегация посетила мавзолей Ходжи Ахмеда Ясави.", MentionKind.PLACE,
     [("мавзолей Ходжи Ахмеда Ясави", "мавзолей Ходжи Ахмеда Ясави")]),
    ("The delegation visited the Mausoleum of Khoja Ahmed Yasawi.", MentionKind.PLACE,
     [("Mausoleum of Khoja Ahmed Yasawi", "Mausoleum of Khoja Ahmed Yasawi")]),
    ("The delegation visited the Khoja Ahmed Yasawi Mausoleum.", MentionKind.PLACE,
     [("Khoja Ahmed Yasawi Mausoleum", "Khoja Ahmed Yasawi Mausoleum")]),
    ("Делегация посетила мавзолей Ходжи Ахмеда Ясави.", MentionKind.PERSON, []),
    # ... and so is a park, a palace or a desert, a known place's name before its head or not
    ("Делегация Атакама шөліне барды.", MentionKind.PLACE, [("Атакама шөліне", "Атакама шөлі")]),
    ("Делегация Катонқарағай ұлттық табиғи паркіне барды.", MentionKind.PLACE,
     [("Катонқарағай ұлттық табиғи паркіне", "Катонқарағай ұлттық табиғи паркі")]),
    ("Делегация посетила дворец Планалту.", MentionKind.PLACE, [("дворец Планалту", "дворец Планалту")]),
    ("Делегация Шарын шатқалына барды.", MentionKind.PLACE, [("Шарын шатқалына", "Шарын шатқалы")]),
    ("The delegation toured Charyn Canyon.", MentionKind.PLACE, [("Charyn Canyon", "Charyn Canyon")]),
    ("The delegation visited the Mausoleum of Khoja Ahmed Yasawi.", MentionKind.PERSON, []),
    # ... and a port, named by its town, words in lower case between or none; the port's authority is a body
    ("Делегация Құрық портына барды.", MentionKind.PLACE, [("Құрық портына", "Құрық порты")]),
    ("Елші Ақтау халықаралық теңіз сауда портында болды.", MentionKind.PLACE,
     [("Ақтау халықаралық теңіз сауда портында", "Ақтау халықаралық теңіз сауда порты")]),
    ("Елші Александрия порты басқармасының төрағасымен кездесті.", MentionKind.ORGANIZATION,
     [("Александрия порты басқармасының", "Александрия порты басқармасы")]),
    # ... and an airport, a town's name in its name too
    ("Делегация Бергамо әуежайына келді.", MentionKind.PLACE, [("Бергамо әуежайына", "Бергамо әуежайы")]),
    ("The delegation landed at Batumi International Airport.", MentionKind.PLACE,
     [("Batumi International Airport", "Batumi International Airport"), ("Batumi", "geonames:615532")]),
    ("The delegation landed at Frankfurt Airport.", MentionKind.PLACE,
     [("Frankfurt Airport", "Frankfurt Airport")]),
    # a hub's head after a place in the genitive names its seat, no body (штатының әкімшілік орталығы)
    ("Елші Мату-Гросу штатының әкімшілік орталығы Куяба қаласында болды.", MentionKind.ORGANIZATION, []),
    ("Қала Мысырдың өнеркәсіп орталығы саналады.", MentionKind.ORGANIZATION, []),
    ("Елші Иран Мәдени орталығына барды.", MentionKind.ORGANIZATION,
     [("Иран Мәдени орталығына", "Иран Мәдени орталығы")]),
    # a state's name right before a state body's head is the body's (Japan's parliament, Korea's government)
    ("Елші Жапония Парламентінің депутатымен кездесті.", MentionKind.ORGANIZATION,
     [("Жапония Парламентінің", "Жапония Парламенті")]),
    ("Корея Үкіметі бастаманы қолдайды.", MentionKind.ORGANIZATION, [("Корея Үкіметі", "Корея Үкіметі")]),
    # ... and so is a region's or city's before its administration's (the akimat of Akmola region)
    ("Елші Ақмола облысының әкімдігінде болды.", MentionKind.ORGANIZATION,
     [("Ақмола облысының әкімдігінде", "Ақмола облысының әкімдігі")]),
    ("Елші Шымкент қаласы әкімдігіне барды.", MentionKind.ORGANIZATION,
     [("Шымкент қаласы әкімдігіне", "Шымкент қаласы әкімдігі")]),
    # ... but not before a company's (Қытай компаниясы: a Chinese company)
    ("Елші Қытай компаниясымен кездесті.", MentionKind.ORGANIZATION, []),
    # the adjective of a post's word is none of it: the head of a regional department, no head of the region
    ("The Kazakh side included the head of the regional tourism department Nurzhan Yesenov.", MentionKind.ROLE,
     [("head", "official")]),
    # a place's head word that opens a post's name is the post's (State Minister, State Secretary), no place's
    ("The State Secretary for Economic Development, César Miranda, also took part.", MentionKind.PLACE, []),
    ("He met the Bavarian State Minister for Economic Affairs Hubert Maier.", MentionKind.ROLE,
     [("State Minister", "minister")]),
    # kk: a capitalised post's word inside a sentence right before a body's head noun is a word of its name (the
    # House of Representatives, the House of Councillors); first in a sentence, a post
    ("Елші Египет Өкілдер палатасының төрағасы Ахмед Салехпен кездесті.", MentionKind.ORGANIZATION,
     [("Египет Өкілдер палатасының", "Египет Өкілдер палатасы")]),
    ("Елші Жапония Парламенті Кеңесшілер палатасының депутатымен кездесті.", MentionKind.ORGANIZATION,
     [("Жапония Парламенті Кеңесшілер палатасының", "Жапония Парламенті Кеңесшілер палатасы")]),
    ("Кеңесші Асқар Бекұлы палатаның төрағасымен кездесті.", MentionKind.ROLE,
     [("Кеңесші", "diplomat"), ("төрағасымен", "official")]),
    # a place named inside a university's name names the university (Satbayev University), not a place
    ("Voigt proposed a programme with Satbayev University in Almaty.", MentionKind.PLACE,
     [("Almaty", "geonames:1526384")]),
    ("Фойгт Алматыдағы Сәтбаев университетімен бағдарлама ашуды ұсынды.", MentionKind.PLACE,
     [("Алматыдағы", "geonames:1526384")]),
    # ... but one after "of" is the place the university is of
    ("The Ambassador met Paolo Bianchi, Rector of the University of Milan.", MentionKind.PLACE,
     [("Milan", "geonames:3173435")]),
    # a quoted name with a legal form in capitals right before or after it is a body's, whether the heads list the
    # form or not; not a state's abbreviation (ҚР) or a Roman number
    ("Во встрече участвовал директор ГКП «Атырау Су Арнасы» Марат Жумагалиев.", MentionKind.ORGANIZATION,
     [("ГКП «Атырау Су Арнасы»", "Атырау Су Арнасы\tГКП «Атырау Су Арнасы»")]),
    ("Кездесуге «Атырау Су Арнасы» МКК директоры Марат Жұмағалиев қатысты.", MentionKind.ORGANIZATION,
     [("«Атырау Су Арнасы» МКК", "Атырау Су Арнасы\t«Атырау Су Арнасы» МКК")]),
    ("Тараптар ҚР «Білім туралы» Заңын талқылады.", MentionKind.ORGANIZATION, []),
    ("Делегация посетила станцию «Достык» II.", MentionKind.ORGANIZATION, []),
    # a place's head noun before a body's head is a word of the body's name, no place (the Bavarian State Ministry)
    ("He met officials of the Bavarian State Ministry of Economic Affairs.", MentionKind.PLACE, []),
    ("He met officials of the Bavarian State in Munich.", MentionKind.PLACE,
     [("Bavarian State", "Bavarian State"), ("Munich", "geonames:2867714")]),
])
def test_names(text, kind, expected):
    assert mentions(text, kind) == expected


@pytest.mark.parametrize(("text", "kind", "expected"), [
    # a person's whole name after a place's head noun leaves the place unnamed (the province's chairman)
    ("Посол провел переговоры с председателем Народного комитета провинции Чан Ван Хоа.", MentionKind.PLACE, []),
    ("Посол провел переговоры с председателем Народного комитета провинции Чан Ван Хоа.", MentionKind.PERSON,
     [("Чан Ван Хоа", "Чан Ван Хоа")]),
    # en: a legal form that opens a company's name; a head of another language that opens a university's
    ("Executives of PT Sentosa Agro Pangan and JSC Kazakhmys attended.", MentionKind.ORGANIZATION,
     [("PT Sentosa Agro Pangan", "PT Sentosa Agro Pangan"), ("JSC Kazakhmys", "JSC Kazakhmys")]),
    ("He visited the Universidad Católica del Norte and the Politecnico di Torino.", MentionKind.ORGANIZATION,
     [("Universidad Católica del Norte", "Universidad Católica del Norte"),
      ("Politecnico di Torino", "Politecnico di Torino")]),
    # a run of Latin words in Cyrillic text holds the letters of other Latin alphabets (Católica)
    ("Сапардың екінші күні елші университетте (Universidad Católica del Norte) болды.", MentionKind.ORGANIZATION,
     [("Universidad Católica del Norte", "Universidad Católica del Norte")]),
    # a name that opens with initials ends at the one surname after them, before a place's word
    ("Премьер-министр Б.Хофман Бавария компанияларының жоспарын айтты.", MentionKind.PERSON,
     [("Б.Хофман", "Б. Хофман")]),
])
def test_names_with_the_recogniser(text, kind, expected):
    """The names the rules read with the report language's recogniser proposing (the default extractor)."""
    report = parse_report("t.txt", text, month=load_lexicon().month)
    assert [(m.text, m.value) for m in tagged_rule_mentions(report) if m.kind == kind] == expected


@pytest.mark.parametrize(("text", "sectors"), [
    ("Тараптар сауда-экономикалық ынтымақтастықты талқылады.", {"trade", "economy"}),
    ("Логистикалық хабтар мен көлік мәселелері қаралды.", {"logistics", "transport"}),
    ("Денсаулық сақтау мен ауыл шаруашылығына жасанды интеллект енгізу.", {"healthcare", "agriculture", "digital"}),
    ("Сурет: жаңа жобалар.", set()),
    # supplies of goods are trade; an adjective after a cue qualifies the noun after it, it heads no compound
    ("Стороны обсудили поставки сельскохозяйственной продукции.", {"trade", "agriculture"}),
    ("Тараптар жеткізілім көлемін талқылады.", {"trade"}),
    ("They discussed supplies of grain.", {"trade", "agriculture"}),
    # agricultural machinery is machine building's and farming's
    ("Тараптар ауыл шаруашылығы техникасын талқылады.", {"agriculture", "engineering"}),
    ("Стороны обсудили рынок сельскохозяйственной техники.", {"agriculture", "engineering"}),
    ("They discussed agricultural machinery.", {"agriculture", "engineering"}),
    # cargo in each language (жүк, груз, cargo, freight): logistics; its carriage (перевозки) is the cargo's
    ("Стороны обсудили грузовые перевозки.", {"logistics"}),
    ("The sides discussed freight volumes.", {"logistics"}),
])
def test_sectors(text, sectors):
    assert {v for _, v in mentions(text, MentionKind.SECTOR)} == sectors


@pytest.mark.parametrize(("text", "published", "meeting_date"), [
    ("Облыс әкімі Асан Серікбаев 16 желтоқсанда Жапония Елшісі Кэн Танакамен кездесті.", "2026-01-10", "2025-12-16"),
    ("Облыс әкімі Асан Серікбаев шілденің 13-інде Жапония Елшісі Кэн Танакамен кездесті.", "2009-07-15", "2009-07-13"),
    ("Ақпанның 8-і Облыс әкімі Асан Серікбаев Жапония Елшісі Кэн Танакамен кездесті.", "2021-02-09", "2021-02-08"),
    ("Облыс әкімі Асан Серікбаев 6-8 қарашада Жапония Елшісі Кэн Танакамен кездесті.", "2019-11-12", "2019-11-06"),
    ("Облыс әкімі Асан Серікбаев Жапония Елшісі Кэн Танакамен кездесті.", "2024-03-01", "2024-03-01"),
    ("Облыс әкімі Асан Серікбаев 16 желтоқсанда Жапония Елшісі Кэн Танакамен кездесті.", None, None),
])
def test_meeting_dates_relative_to_publication(text, published, meeting_date):
    header = f" date {published} Тақырып\n" if published else ""
    x = extract(parse_report("t.txt", header + text, month=load_lexicon().month))
    assert len(x.meetings) == 1
    got = x.meetings[0].date
    assert (got.iso() if got else None) == meeting_date
    if published:
        assert x.report.published == date.fromisoformat(published)


def tagged(text: str, proposals: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The rules run with ``proposals`` (kind, words of the text) as another extractor's mentions."""
    report = parse_report("t.txt", text, month=load_lexicon().month)
    given = []
    for kind, words in proposals:
        start = text.index(words)
        given.append(Mention(kind, start, start + len(words), words, words, extractor="test"))
    found = rule_mentions(report, proposals=given)
    for m in found:
        assert report.text[m.start:m.end] == m.text
    kinds = {MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORGANIZATION, MentionKind.COUNTRY}
    return [(m.kind, m.text, m.value) for m in found if m.kind in kinds]


P, PL, ORG = MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORGANIZATION


@pytest.mark.parametrize(("text", "proposals", "expected"), [
    # Taken in dictionary form where the rules found nothing.
    ("Кездесуге Мишель Дюпон қатысты.", [(P, "Мишель Дюпон")], [(P, "Мишель Дюпон", "Мишель Дюпон")]),
    ("Ол Карлос Мартинеспен кездесті.", [(P, "Карлос Мартинеспен")], [(P, "Карлос Мартинеспен", "Карлос Мартинес")]),
    ("Елші Кицбюэльде болды.", [(PL, "Кицбюэльде")], [(PL, "Кицбюэльде", "Кицбюэль")]),
    ("Тараптар Курултайдың жұмысын талқылады.", [(ORG, "Курултайдың")], [(ORG, "Курултайдың", "Курултай")]),
    # Trimmed: a post is not part of a name; a lone surname is not a person.
    ("Кездесуге Ернар Жаркешов Елшіге сөз берді.", [(P, "Ернар Жаркешов Елшіге")],
     [(P, "Ернар Жаркешов", "Ернар Жаркешов")]),
    ("Кездесуде Тохаева Елші сөйледі.", [(P, "Тохаева Елші")], []),
    # ... and a town in a case of place after a surname is the place the name stood in, not a word of it
    ("Елші Ерлан Сапаров Анкарада болды.", [(P, "Ерлан Сапаров Анкарада")],
     [(P, "Ерлан Сапаров", "Ерлан Сапаров"), (PL, "Анкарада", "geonames:323786")]),
    # ... and so is a state after a surname (Өзбекстанның: Uzbekistan's ministry, though no post follows it closely)
    ("Министр Ерлан Сапаров Өзбекстанның Инвестициялар, өнеркәсіп және сауда министрімен кездесті.",
     [(P, "Ерлан Сапаров Өзбекстанның Инвестициялар")],
     [(P, "Ерлан Сапаров", "Ерлан Сапаров"), (MentionKind.COUNTRY, "Өзбекстанның", "UZ"),
      (ORG, "Инвестициялар, өнеркәсіп және сауда", "Өзбекстан Инвестициялар, өнеркәсіп және сауда министрлігі")]),
    # ... and a word after initials and a surname, which make a whole name (a town the gazetteer lacks, in its case)
    ("Сол күні Т. Исабеков Жиддада банк басшысымен кездесті.", [(P, "Исабеков Жиддада")],
     [(P, "Т. Исабеков", "Т. Исабеков")]),
    # ... and the surname of a name read before in full, then a word of something else: the surname again
    ("Министр Клаудия Хофман кездесті. Министр Хофман Фрайберг тау-кен академиясы туралы айтты.",
     [(P, "Клаудия Хофман"), (P, "Хофман Фрайберг")],
     [(P, "Клаудия Хофман", "Клаудия Хофман"), (P, "Хофман", "Хофман")]),
    # ... but not the surname before that name's given name
    ("Министр Клаудия Хофман кездесті. Кейін Хофман Клаудия сөз сөйледі.",
     [(P, "Клаудия Хофман"), (P, "Хофман Клаудия")],
     [(P, "Клаудия Хофман", "Клаудия Хофман"), (P, "Хофман Клаудия", "Хофман Клаудия")]),
    # ... but a given name that only ends as a surname does (Ян: -ян): the state's name after it is the surname
    ("Советник посольства Ян Росси представил план.", [(P, "Ян Росси")], [(P, "Ян Росси", "Ян Росси")]),
    # A capital vowel alone ends a name as its word of one syllable (Wang Yi), but not before a full stop (an initial).
    ("Министр провел переговоры с Ван И в Пекине.", [(P, "Ван И")],
     [(P, "Ван И", "Ван И"), (PL, "Пекине", "geonames:1816670")]),
    ("Министр встретился с Ван И.", [(P, "Ван И")], []),
    # ... or opens it before two capitalised words (Woo Won-shik)
    ("Посол встретился с председателем собрания У Вон Сиком в Сеуле.", [(P, "У Вон Сиком")],
     [(P, "У Вон Сиком", "У Вон Сик"), (PL, "Сеуле", "geonames:1835848")]),
    # A genitive ends a place name.
    ("Қала Еуропаның Жасыл астанасы атанды.", [(PL, "Еуропаның Жасыл")], [(PL, "Еуропаның", "Еуропа")]),
    # Common words and plurals are not names; the rules' own mentions win.
    ("Мәтін тек Қазақша берілген.", [(PL, "Қазақша")], []),
    ("Екі елдің Парламенттері келісті.", [(ORG, "Парламенттері")], []),
    ("ЮНЕСКО Әлемдік мұра тізімі.", [(ORG, "ЮНЕСКО Әлемдік")], [(ORG, "ЮНЕСКО", "unesco")]),
    ("Льеж провинциясының губернаторы келді.", [(PL, "Льеж")], [(PL, "Льеж провинциясының", "Льеж провинциясы")]),
    # A tagged organization extends the rules' one that ends where it does.
    ("Кездесуге Еуропалық Қайта Құру және Даму Банкінің өкілдері қатысты.",
     [(ORG, "Еуропалық Қайта Құру және Даму Банкінің")],
     [(ORG, "Еуропалық Қайта Құру және Даму Банкінің", "Еуропалық Қайта Құру және Даму Банкі")]),
    ("Қазақстан Даму Банкінің өкілдері келді.", [(ORG, "Қазақстан Даму Банкінің")],
     [(MentionKind.COUNTRY, "Қазақстан", "KZ"), (ORG, "Даму Банкінің", "Даму Банкі")]),
    # A capitalised common word at the start of a sentence is not part of a name.
    ("Кездесуге Халықаралық Мақта Қоры қатысты.", [], [(ORG, "Халықаралық Мақта Қоры", "Халықаралық Мақта Қоры")]),
    ("Кездесуде Тохаева сөйледі.", [], []),
    # Two states joined by a hyphen qualify a relation: no place, each part its state.
    ("Тараптар Қазақстан-Ресей ынтымақтастығын талқылады.", [(PL, "Қазақстан-Ресей")],
     [(MentionKind.COUNTRY, "Қазақстан", "KZ"), (MentionKind.COUNTRY, "Ресей", "RU")]),
    # ... but a body's name may open with them, its head after them
    ("The Austrian-Kazakh Friendship Group met.", [(ORG, "Austrian-Kazakh Friendship Group")],
     [(ORG, "Austrian-Kazakh Friendship Group", "Austrian-Kazakh Friendship Group"),
      (MentionKind.COUNTRY, "Austrian", "AT"), (MentionKind.COUNTRY, "Kazakh", "KZ")]),
    ("The sides praised the Austrian-Kazakh partnership.", [(ORG, "Austrian-Kazakh")],
     [(MentionKind.COUNTRY, "Austrian", "AT"), (MentionKind.COUNTRY, "Kazakh", "KZ")]),
    # A proposed place that is a state's name, in a form the names missed, is the state; a state after the
    # word for a currency is neither.
    ("Посол Египта прибыл.", [(PL, "Египта")], [(MentionKind.COUNTRY, "Египта", "EG")]),
    ("Товарооборот составил 52 миллиона долларов США.", [(PL, "США")], []),
    # Initials and a proposed name's last word are a whole name: a town after them is none of its words.
    ("Губернатор Хидэки Накамура келді. Х. Накамура Осаканың әлеуеті туралы айтты.", [(P, "Хидэки Накамура")],
     [(P, "Хидэки Накамура", "Хидэки Накамура"), (P, "Х. Накамура", "Х. Накамура"),
      (PL, "Осаканың", "geonames:1853909")]),
])
def test_proposals_are_checked_by_the_rules(text, proposals, expected):
    assert tagged(text, proposals) == expected


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("Көрмеге Мишель Дюпон мен Анна Шмидт қатысты.", P, "Анна Шмидт"),
    ("Елші Кицбюэльде өткен көрмеге қатысты.", PL, "Кицбюэльде"),
])
def test_the_tagger_finds_what_the_rules_miss(text, kind, words):
    report = parse_report("t.txt", text, month=load_lexicon().month)
    assert (kind, words) not in {(m.kind, m.text) for m in rule_mentions(report)}
    assert (kind, words) in {(m.kind, m.text) for m in tagged_rule_mentions(report)}


@pytest.mark.parametrize(("text", "proposed", "expected"), [
    # where every word of a name declines, the name read after the post outruns a recogniser's shorter one
    ("Посол встретился с сенатором Марией Элизабеттой Казеллати.", "Марией Элизабеттой",
     "Марией Элизабеттой Казеллати"),
    # in Kazakh only the name's last word takes the ending: the recogniser's own end stands
    ("Облыс әкімі Серік Жұмабеков Бәйтерек холдингінде болды.", "Серік Жұмабеков", "Серік Жұмабеков"),
    # ... but the post tells where the name starts, the recogniser where it ends: one name of four words
    ("Испания Елшісі Луис Франсиско Мартинес Монтеспен кездесті.", "Франсиско Мартинес Монтеспен",
     "Луис Франсиско Мартинес Монтеспен"),
    # ... and a name particle carries the name on past the recogniser's end
    ("Нидерланд Елшісі Ниек Ян ван Бредамен кездесті.", "Ниек Ян", "Ниек Ян ван Бредамен"),
])
def test_a_longer_name_after_a_post(text, proposed, expected):
    report = parse_report("t.txt", "Тест\n\n" + text)
    start = report.text.index(proposed)
    proposal = Mention(MentionKind.PERSON, start, start + len(proposed), proposed, proposed, None, "test")
    found = [m.text for m in rule_mentions(report, proposals=[proposal]) if m.kind == MentionKind.PERSON]
    assert found == [expected]


@pytest.mark.parametrize(("text", "bodies", "roles"), [
    # a post's word after a body's head noun and "of" names its members or its head, a word of its name
    ("The Ambassador met members of the Chamber of Deputies.", ["Chamber of Deputies"], ["ambassador", "official"]),
    ("The Ambassador met Kenji Ishibashi, member of the House of Councillors.", ["House of Councillors"],
     ["ambassador", "official"]),
    ("The Ambassador met the Minister of Energy Taro Kono.", ["Ministry of Energy"], ["ambassador", "minister"]),
])
def test_members_of_a_body_are_words_of_its_name(text, bodies, roles):
    found = tagged_rule_mentions(parse_report("t.txt", text, month=load_lexicon().month))
    assert [m.value for m in found if m.kind == MentionKind.ORGANIZATION] == bodies
    assert [m.value for m in found if m.kind == MentionKind.ROLE] == roles


@pytest.mark.parametrize(("text", "expected"), [
    # a short first line with the publication date names its source and section, no place or body of the report
    ("Sep 25, 2024 / The Astana Times\nAmbassador visits Pavlodar\nThe Ambassador of China Zhang Wei visited Pavlodar.",
     ["Pavlodar", "Pavlodar"]),
    ("18.05.2023 | 09:47 | Astana\nЕлші Павлодарға барды\nҚытай елшісі Чжан Вэй Павлодарға барды.",
     ["Павлодарға", "Павлодарға"]),
    # ... but one that opens with a place and a comma is the dateline where the report was filed
    ("Бишкек, 24 января 2025 г. — Кабар\nПосол встретился с мэром\nПосол Казахстана встретился с мэром города.",
     ["Бишкек"]),
])
def test_the_line_of_the_publication_date_names_no_place(text, expected):
    assert [name for name, _ in mentions(text, MentionKind.PLACE)] == expected
