"""Synthetic news reports of diplomatic meetings in Kazakh, Russian and English, for build benchmarks.

Each report is about 2,000 characters: a header line with its title and date, a meeting sentence (a Kazakh
region's akim and a foreign ambassador, in one of three phrasings, named in the case the sentence needs), the
sectors discussed, and sentences drawn at random, each at most once, from about twenty templates per
language, most of which name someone or something: the akim's deputies and the region's heads of department,
another diplomat of the same state, Kazakhstan's foreign minister, companies and their heads, Kazakh cities and
the partner's capital, an organization of ``kg/lexicons/organizations.tsv``, dates, sums and years. Persons are
named in full, by initial and surname or by surname alone, as news reports name them. Regions and cities come
from ``kg/lexicons/places.tsv``, sectors from the labels of ``ontology/sectors.ttl``, persons and companies
from generated names, each person keeping one post across reports (the officials of each region, the diplomats
of each state, the heads of companies), so that entity resolution has real work. The same seed gives the same
reports.
"""

from __future__ import annotations

import html
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox
from anyascii import anyascii

from kg.files import LEXICON_DIR, ONTOLOGY_DIR, read_tsv

LANGUAGES = ("kk", "kk", "ru", "ru", "en")
# The sources a collection's file names give (``file_name``).
SOURCES = ("mfa-press", "akorda", "kazinform", "astana-times", "regional-akimat", "embassy-news")
# Persons who meet for each region (its akim and deputies, the heads of its departments), for each foreign state
# (its diplomats), and the companies, each with its head, of Kazakhstan and of each foreign state.
HOSTS_PER_REGION = 3
HEADS_PER_REGION = 4
GUESTS_PER_STATE = 40
COMPANIES = 150
COMPANIES_PER_STATE = 8
MINISTERS = 2
# code: Kazakh name, Kazakh genitive, Russian name, Russian genitive, English name; the capital in kk, ru, en
COUNTRIES = {
    "FR": ("Франция", "Францияның", "Франция", "Франции", "France", ("Париж", "Париж", "Paris")),
    "DE": ("Германия", "Германияның", "Германия", "Германии", "Germany", ("Берлин", "Берлин", "Berlin")),
    "JP": ("Жапония", "Жапонияның", "Япония", "Японии", "Japan", ("Токио", "Токио", "Tokyo")),
    "IT": ("Италия", "Италияның", "Италия", "Италии", "Italy", ("Рим", "Рим", "Rome")),
    "TR": ("Түркия", "Түркияның", "Турция", "Турции", "Turkey", ("Анкара", "Анкара", "Ankara")),
    "CN": ("Қытай", "Қытайдың", "Китай", "Китая", "China", ("Бейжің", "Пекин", "Beijing")),
    "PL": ("Польша", "Польшаның", "Польша", "Польши", "Poland", ("Варшава", "Варшава", "Warsaw")),
    "HU": ("Венгрия", "Венгрияның", "Венгрия", "Венгрии", "Hungary", ("Будапешт", "Будапешт", "Budapest")),
    "ES": ("Испания", "Испанияның", "Испания", "Испании", "Spain", ("Мадрид", "Мадрид", "Madrid")),
    "IN": ("Үндістан", "Үндістанның", "Индия", "Индии", "India", ("Нью-Дели", "Нью-Дели", "New Delhi")),
    "UZ": ("Өзбекстан", "Өзбекстанның", "Узбекистан", "Узбекистана", "Uzbekistan", ("Ташкент", "Ташкент", "Tashkent")),
    "BE": ("Бельгия", "Бельгияның", "Бельгия", "Бельгии", "Belgium", ("Брюссель", "Брюссель", "Brussels")),
}
KK_GIVEN = ("Марат", "Ерлан", "Бауыржан", "Серік", "Асқар", "Нұрлан", "Дәурен", "Ғалым", "Жандос", "Талғат", "Айдар",
            "Болат", "Қайрат", "Мұрат", "Тимур", "Дархан", "Ержан", "Бекзат", "Олжас", "Самат", "Әлихан", "Мейрам")
KK_ROOTS = ("Ахмет", "Сейіт", "Жұмаб", "Тоқт", "Нұрп", "Қасым", "Оспан", "Әбдір", "Бекмұх", "Сұлтанб", "Ержан",
            "Қайырб", "Есен", "Ораз", "Сәрсен", "Төлеу", "Мақаш", "Иман", "Жақсыб", "Рахым", "Құдайберг", "Темірх",
            "Смағұл", "Бейсемб", "Шәріп", "Әлімж")
KK_ENDINGS = ("ов", "ев", "ин", "аев", "еков", "ұлы")
FOREIGN_GIVEN = ("Жан", "Пьер", "Ханс", "Марк", "Карлос", "Томас", "Петер", "Ян", "Ахмет", "Кэндзи", "Луиджи", "Анджей",
                 "Франсуа", "Клаус", "Мехмет", "Такэси", "Паоло", "Ласло")
FOREIGN_ROOTS = ("Дюпон", "Мартен", "Мюллер", "Росси", "Гарсия", "Новак", "Йылмаз", "Шмидт", "Бернар", "Ковач",
                 "Ямада", "Ферран", "Ланг", "Бруно", "Фишер", "Лоран", "Вагнер", "Моретти", "Сато", "Демир")
FOREIGN_ENDINGS = ("", "", "ер", "ан", "ель", "от")
# Company names: a place or a word of the steppe and what the company does, written alike in the three languages
# (in Cyrillic; in English transliterated).
COMPANY_ROOTS = ("Алатау", "Каспий", "Сарыарқа", "Ертіс", "Тұран", "Байтерек", "Нұр", "Алтын", "Жібек", "Көкше",
                 "Ұлытау", "Барыс", "Самұрық", "Атамекен", "Медеу", "Хан Тәңірі", "Іле", "Жетісу")
COMPANY_WORDS = ("Логистикс", "Агро", "Энерго", "Металл", "Фарм", "Тех", "Инвест", "Строй", "Трейд", "Мұнай",
                 "Транс", "Азық", "Цемент", "Текстиль")
RU_LETTERS = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноууhиАГКНОУУHИ")
KK_MONTHS = ("қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
             "қыркүйекте", "қазанда", "қарашада", "желтоқсанда")
RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
MEETING = {
    "kk": ("{region_gen} әкімі {host} {country_gen} Қазақстандағы Елшісі {guest_with} кездесті.",
           "{date} {region_gen} әкімі {host} {country_gen} Қазақстандағы Елшісі {guest} бастаған делегацияны "
           "қабылдады.",
           "{country_gen} Қазақстандағы Елшісі {guest} {region_gen} әкімі {host_with} кездесті."),
    "ru": ("Аким {region_gen} {host} встретился с Послом {country_gen} в Казахстане {guest_with}.",
           "{date} аким {region_gen} {host} принял делегацию во главе с Послом {country_gen} в Казахстане "
           "{guest_with}.",
           "Посол {country_gen} в Казахстане {guest} встретился с акимом {region_gen} {host_with}."),
    "en": ("Akim of {region} {host} met with the Ambassador of {country} to Kazakhstan {guest}.",
           "On {date}, Akim of {region} {host} received a delegation led by the Ambassador of {country} to "
           "Kazakhstan {guest}.",
           "Ambassador of {country} to Kazakhstan {guest} held talks with Akim of {region} {host}."),
}
TALKS = {
    "kk": "Кездесу барысында тараптар {sectors} салаларындағы ынтымақтастықты дамыту мәселелерін талқылады.",
    "ru": "В ходе встречи стороны обсудили сотрудничество в сферах: {sectors}.",
    "en": "The sides discussed cooperation in {sectors}.",
}
# The rest of a report: templates drawn at random, each at most once, until the report is long enough, then told
# in the order of their parts (``PARTS``): what the meeting said and who else took part, the background, then what
# came before it (an earlier meeting, a lecture), as a news report tells them; told in any order, a sentence about
# "the meeting" would follow the earlier meeting and read as about it.
BACKGROUND = {
    "kk": ("Келіссөзге облыс әкімінің орынбасары {deputy} және кәсіпкерлік басқармасының басшысы {head} қатысты.",
           "Елші {guest_short} {country_gen} компаниялары {sector} саласындағы жобаларға қызығушылық танытып "
           "отырғанын атап өтті.",
           "«{company}» ЖШС бас директоры {business} {city} қаласында жаңа зауыт салу жобасын таныстырды.",
           "Делегация {city} қаласындағы «{company}» кәсіпорнына барып, өндіріс үдерісімен танысты.",
           "Тараптар Қазақстан – {country} үкіметаралық комиссиясының {m}-отырысын {year} жылы {capital} "
           "қаласында өткізуге келісті.",
           "Бұған дейін, {date}, {guest_short} Қазақстан Республикасының Сыртқы істер министрі {minister_with} "
           "кездесті.",
           "{year} жылы облыста {country_gen} «{foreign_company}» компаниясының филиалы ашылып, онда {n} адам жұмыс "
           "істейді.",
           "{country} {region_gen} ірі инвесторларының бірі: {year} жылдан бері тікелей инвестиция көлемі {n} "
           "миллион доллардан асты.",
           "Сондай-ақ {city} және {capital} қалалары арасында тікелей әуе қатынасын ашу мәселесі талқыланды.",
           "«Біз {sector} саласындағы ынтымақтастықты дамытуға мүдделіміз», – деді {host_initial}.",
           "Кездесуге {org} атынан {m} өкіл де қатысты.",
           "{date} {guest_short} {city} қаласындағы университет студенттеріне дәріс оқыды.",
           "Облыс әкімдігінің мәліметінше, {year} жылы {country_gen} өңірге жеткізген тауарларының көлемі {n} "
           "миллион долларды құрады.",
           "Жиында «{company}» АҚ басқарма төрағасы {business} {sector} саласындағы бірлескен жобалар туралы "
           "баяндады.",
           "{country_gen} Қазақстандағы Елшілігінің кеңесшісі {counsellor} {year} жылға арналған мәдени "
           "іс-шаралар жоспарын ұсынды.",
           "Кездесу қорытындысы бойынша {host_short} және {guest_short} өзара түсіністік туралы меморандумға қол "
           "қойды.",
           "Тараптар {n} студентті қамтитын алмасу бағдарламасын кеңейту мүмкіндігін қарастырды.",
           "Кездесу соңында {sector} саласы бойынша {m} сарапшыдан тұратын бірлескен жұмыс тобын құру туралы "
           "уағдаластыққа қол жеткізілді.",
           "Құны {n} миллион доллар болатын жаңа логистикалық орталық құрылысы {year} жылы аяқталады деп күтілуде.",
           "Өңірде шетел капиталы қатысқан {n} кәсіпорын жұмыс істейді, оның {m} кәсіпорны {sector} саласында.",
           "Былтыр облыстың сыртқы сауда айналымы {n} миллион долларға жетіп, {m} пайызға өсті."),
    "ru": ("В переговорах также приняли участие заместитель акима области {deputy} и руководитель управления "
           "предпринимательства {head}.",
           "Посол {guest_short} отметил, что компании {country_gen} заинтересованы в проектах в сфере {sector}.",
           "Генеральный директор ТОО «{company}» {business} представил проект строительства нового завода в городе "
           "{city}.",
           "Делегация посетила предприятие «{company}» в городе {city} и ознакомилась с производством.",
           "Стороны договорились провести {m}-е заседание Межправительственной комиссии Казахстан – {country} "
           "в {year} году в городе {capital}.",
           "Ранее, {date}, {guest_short} встретился с Министром иностранных дел Республики Казахстан "
           "{minister_with}.",
           "В {year} году в области открылся филиал компании «{foreign_company}» из {country_gen}, где работают {n} "
           "человек.",
           "{country} входит в число крупнейших инвесторов {region_gen}: с {year} года объем прямых инвестиций "
           "превысил {n} миллионов долларов.",
           "Также обсуждался вопрос открытия прямого авиасообщения между городами {city} и {capital}.",
           "«Мы заинтересованы в развитии сотрудничества в сфере {sector}», – сказал {host_initial}.",
           "Во встрече также приняли участие представители организации {org} ({m} человек).",
           "{date} {guest_short} выступил с лекцией перед студентами университета в городе {city}.",
           "По данным акимата области, объем поставок из {country_gen} в регион в {year} году составил {n} "
           "миллионов долларов.",
           "На встрече председатель правления АО «{company}» {business} рассказал о совместных проектах в сфере "
           "{sector}.",
           "Советник Посольства {country_gen} в Казахстане {counsellor} представил план культурных мероприятий на "
           "{year} год.",
           "По итогам встречи {host_short} и {guest_short} подписали меморандум о взаимопонимании.",
           "Стороны рассмотрели возможность расширения программ обмена, охватывающих {n} студентов.",
           "По итогам встречи достигнута договоренность о создании совместной рабочей группы из {m} экспертов в сфере "
           "{sector}.",
           "Строительство нового логистического центра стоимостью {n} миллионов долларов планируется завершить в "
           "{year} году.",
           "В регионе работают {n} предприятий с иностранным капиталом, {m} из них – в сфере {sector}.",
           "В прошлом году внешнеторговый оборот области достиг {n} миллионов долларов, увеличившись на {m} "
           "процентов."),
    "en": ("Deputy Akim of the region {deputy} and head of the regional entrepreneurship department {head} also "
           "took part in the talks.",
           "Ambassador {guest_short} noted that companies from {country} are interested in projects in {sector}.",
           "{business}, General Director of {company} LLP, presented a project to build a new plant in {city}.",
           "The delegation visited the {company} plant in {city} and got acquainted with its production.",
           "The sides agreed to hold session {m} of the Kazakhstan–{country} Intergovernmental Commission in {capital} "
           "in {year}.",
           "Earlier, on {date}, {guest_short} met with Minister of Foreign Affairs of Kazakhstan {minister}.",
           "In {year}, {foreign_company} from {country} opened a branch in the region that employs {n} people.",
           "{country} is among the largest investors in {region}: since {year}, direct investment has exceeded {n} "
           "million dollars.",
           "They also discussed opening direct flights between {city} and {capital}.",
           "\"We are interested in developing cooperation in {sector},\" {host_initial} said.",
           "{m} representatives of {org} also took part in the meeting.",
           "On {date}, {guest_short} gave a lecture to students of a university in {city}.",
           "According to the regional akimat, supplies from {country} to the region reached {n} million dollars in "
           "{year}.",
           "{business}, Chairman of the Board of {company} JSC, spoke about joint projects in {sector}.",
           "Counsellor of the Embassy of {country} in Kazakhstan {counsellor} presented a plan of cultural events "
           "for {year}.",
           "Following the meeting, {host_short} and {guest_short} signed a memorandum of understanding.",
           "The sides considered expanding exchange programmes covering {n} students.",
           "At the end of the meeting they agreed to set up a joint working group of {m} experts on {sector}.",
           "The construction of a new logistics centre worth {n} million dollars is expected to be completed in "
           "{year}.",
           "There are {n} enterprises with foreign capital in the region, {m} of them in {sector}.",
           "Last year the region's foreign trade reached {n} million dollars, up {m} percent."),
}
# The part of a report each template of ``BACKGROUND`` belongs to, in their order: 0 the meeting, 1 the background,
# 2 what came before.
PARTS = (0, 0, 0, 0, 0, 2, 1, 1, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 1, 1, 1)
assert all(len(templates) == len(PARTS) for templates in BACKGROUND.values())
TITLE = {"kk": "{region} әкімі {country_gen} елшісімен кездесті",
         "ru": "Аким {region_gen} встретился с послом {country_gen}",
         "en": "Akim of {region} meets Ambassador of {country}"}
AND = {"kk": "және", "ru": "и", "en": "and"}
TARGET_LENGTH = 2000
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

Name = tuple[str, str]


def _kk_with(surname: str) -> str:
    last = surname[-1].lower()
    if last in "аәеиоөұүуыіэюяйлр":
        return surname + "мен"
    return surname + ("бен" if last in "мнңжз" else "пен")


def _ru_with(word: str) -> str:
    if word.endswith(("ов", "ев", "ин")):
        return word + "ым"
    if word[-1].lower() in "аеиоуыэюяь" or word.endswith("й"):
        return word
    return word + "ом"


def _regions() -> list[dict[str, str]]:
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv(LEXICON_DIR / "places.tsv"):
        if len(row) >= 5 and row[1] == "region" and row[2] == "KZ":
            names[row[0]].setdefault(row[3], row[4])
    return [n for n in names.values() if {"kk", "ru", "en"} <= set(n) and n["ru"].endswith("ская область")
            and n["kk"].endswith(" облысы")]


def _cities() -> list[dict[str, str]]:
    """Kazakhstan's cities of ``kg/lexicons/places.tsv``, by the first (dictionary) name of each language."""
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv(LEXICON_DIR / "places.tsv"):
        if len(row) >= 5 and row[1] == "city" and row[2] == "KZ":
            names[row[0]].setdefault(row[3], row[4])
    return [n for n in names.values() if {"kk", "ru", "en"} <= set(n)]


def _organizations() -> list[dict[str, str]]:
    """The organizations of ``kg/lexicons/organizations.tsv`` named in all three languages, by the first name of
    each."""
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv(LEXICON_DIR / "organizations.tsv"):
        if len(row) >= 5 and row[0] != "id":
            names[row[0]].setdefault(row[3], row[4])
    return [n for n in names.values() if {"kk", "ru", "en"} <= set(n)]


def _sectors() -> list[dict[str, str]]:
    """The sectors of ``ontology/sectors.ttl`` (its concepts, not their scheme) by their preferred labels."""
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    concepts = set()
    pref, concept = SKOS + "prefLabel", ox.NamedNode(SKOS + "Concept")
    for t in ox.parse(path=str(ONTOLOGY_DIR / "sectors.ttl"), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == pref and isinstance(t.object, ox.Literal) and t.object.language:
            labels[t.subject.value][t.object.language] = t.object.value
        elif t.predicate.value == RDF_TYPE and t.object == concept:
            concepts.add(t.subject.value)
    return [v for k, v in labels.items() if {"kk", "ru", "en"} <= set(v) and k in concepts]


def _written(language: str, text: str) -> str:
    """A Kazakh word or name as a report in ``language`` writes it: Russian without Kazakh letters, English in
    Latin letters."""
    if language == "ru":
        return text.translate(RU_LETTERS)
    return anyascii(text) if language == "en" else text


def _in(language: str, name: Name) -> Name:
    """A Kazakh person's name (``name``) as a report in ``language`` writes it."""
    return _written(language, name[0]), _written(language, name[1])


def _with(language: str, name: Name) -> str:
    """A name in the instrumental case (kk, ru; en as it is)."""
    if language == "kk":
        return f"{name[0]} {_kk_with(name[1])}"
    if language == "ru":
        return f"{_ru_with(name[0])} {_ru_with(name[1])}"
    return " ".join(name)


class ReportMaker:
    def __init__(self, seed: int = 1, start: int = 0) -> None:
        """The persons are the seed's; the reports numbered from ``start`` draw from them in their own order."""
        rng = random.Random(seed)
        self.regions = _regions()
        self.cities = _cities()
        self.sectors = _sectors()
        self.organizations = _organizations()

        def kazakh() -> Name:
            return rng.choice(KK_GIVEN), rng.choice(KK_ROOTS) + rng.choice(KK_ENDINGS)

        def foreign() -> Name:
            return rng.choice(FOREIGN_GIVEN), rng.choice(FOREIGN_ROOTS) + rng.choice(FOREIGN_ENDINGS)

        # A person keeps his post across reports, as in a real collection: the officials of a region (an akim
        # and his deputies, the heads of its departments) meet for it, the diplomats of a state for that state,
        # a company's head for his company. Drawn from a person pool at random, one person would serve a dozen
        # states and most meetings would be between every pair of them.
        self.hosts = {r["en"]: [kazakh() for _ in range(HOSTS_PER_REGION)] for r in self.regions}
        self.heads = {r["en"]: [kazakh() for _ in range(HEADS_PER_REGION)] for r in self.regions}
        self.guests = {code: [foreign() for _ in range(GUESTS_PER_STATE)] for code in COUNTRIES}
        self.ministers = [kazakh() for _ in range(MINISTERS)]
        self.companies = [(f"{rng.choice(COMPANY_ROOTS)} {rng.choice(COMPANY_WORDS)}", kazakh())
                          for _ in range(COMPANIES)]
        self.foreign_companies = {code: [f"{rng.choice(FOREIGN_ROOTS)} {rng.choice(COMPANY_WORDS)}"
                                         for _ in range(COMPANIES_PER_STATE)] for code in COUNTRIES}
        self.rng = random.Random(seed + start)

    def report(self, n: int) -> str:
        rng = self.rng
        language = LANGUAGES[n % len(LANGUAGES)]
        region = rng.choice(self.regions)
        code = rng.choice(list(COUNTRIES))
        kk_name, kk_gen, ru_name, ru_gen, en_name, capitals = COUNTRIES[code]
        akim, *deputies = self.hosts[region["en"]]
        host = _in(language, akim)
        guest, counsellor = rng.sample(self.guests[code], 2)
        if language == "en":
            guest, counsellor = _in("en", guest), _in("en", counsellor)
        minister = _in(language, self.ministers[(n // 1000) % MINISTERS])
        company, business = rng.choice(self.companies)
        sectors = [s[language].lower() for s in rng.sample(self.sectors, 3)]
        published = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
        day = published - timedelta(days=rng.randrange(1, 4))
        earlier = published - timedelta(days=rng.randrange(5, 60))
        capital = capitals[("kk", "ru", "en").index(language)]
        if language == "kk":
            region_gen = region["kk"].removesuffix("облысы") + "облысының"
            country, country_gen = kk_name, kk_gen
            dates = [f"{d.day} {KK_MONTHS[d.month - 1]}" for d in (day, earlier)]
        elif language == "ru":
            region_gen = region["ru"].removesuffix("ская область") + "ской области"
            country, country_gen = ru_name, ru_gen
            dates = [f"{d.day} {RU_MONTHS[d.month - 1]}" for d in (day, earlier)]
        else:
            region_gen = region["en"]
            country = country_gen = en_name
            dates = [f"{d.day} {EN_MONTHS[d.month - 1]}" for d in (day, earlier)]
        slots = {
            "region": region[language], "region_gen": region_gen, "country": country, "country_gen": country_gen,
            "host": " ".join(host), "host_with": _with(language, host), "guest": " ".join(guest),
            "guest_with": _with(language, guest), "date": dates[0],
            "host_short": host[1], "host_initial": f"{host[0][0]}. {host[1]}",
            "guest_short": rng.choice((" ".join(guest), guest[1])),
            "deputy": " ".join(_in(language, rng.choice(deputies))),
            "head": " ".join(_in(language, rng.choice(self.heads[region["en"]]))),
            "business": " ".join(_in(language, business)), "company": _written(language, company),
            "foreign_company": _written(language, rng.choice(self.foreign_companies[code])),
            "city": rng.choice(self.cities)[language], "capital": capital,
            "minister": " ".join(minister), "minister_with": _with(language, minister),
            "counsellor": " ".join(counsellor), "org": rng.choice(self.organizations)[language],
        }
        meeting = rng.choice(MEETING[language]).format(**slots)
        sectors_text = f"{', '.join(sectors[:-1])} {AND[language]} {sectors[-1]}"
        sentences = [meeting[0].upper() + meeting[1:], TALKS[language].format(sectors=sectors_text)]
        drawn = list(range(len(PARTS)))
        rng.shuffle(drawn)
        told: list[tuple[int, str]] = []
        length = len(" ".join(sentences))
        for n in drawn:
            if length >= TARGET_LENGTH:
                break
            slots.update(n=rng.randrange(3, 900), m=rng.randrange(2, 60), year=published.year + rng.choice((-1, 0, 1)),
                         sector=rng.choice(sectors), date=dates[1])
            sentence = BACKGROUND[language][n].format(**slots)
            told.append((PARTS[n], sentence[0].upper() + sentence[1:]))
            length += len(sentence) + 1
        sentences += [sentence for _, sentence in sorted(told, key=lambda part_sentence: part_sentence[0])]
        lines, k = [], 0
        while k < len(sentences):
            step = rng.randrange(2, 5)
            lines.append(" ".join(sentences[k:k + step]))
            k += step
        title = TITLE[language].format(**slots)
        return f" date {published.isoformat()} {title}\n" + "\n\n".join(lines) + "\n"


def as_page(report: str, n: int) -> str:
    """A report as a news site's saved page: its title and date in the page's metadata, its paragraphs in the
    article, and around it what a site adds (a script, a menu, teasers of other news, a footer): about 30 KB."""
    header, _, body = report.partition("\n")
    _, _, day, title = header.split(" ", 3)
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.split("\n\n") if line.strip())
    menu = "".join(f'<li><a href="/section/{k}">{html.escape(title)} {k}</a></li>' for k in range(40))
    teasers = "".join(f'<div class="teaser"><a href="/news/{n - k}"><h3>{html.escape(title)} {n - k}</h3></a>'
                      f"<p>{k} {html.escape(body[:120])}</p></div>" for k in range(1, 21))
    script = "<script>" + "window.dataLayer.push({event: 'view', section: 'news'});" * 200 + "</script>"
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)} | News</title>'
            f'<meta property="article:published_time" content="{day}T10:00:00+05:00">'
            f'<link rel="canonical" href="https://news.example.org/{n}">{script}</head><body>'
            f"<header><nav><ul>{menu}</ul></nav></header><main><article><h1>{html.escape(title)}</h1>{paragraphs}"
            f"</article></main><aside>{teasers}</aside><footer><p>© {day[:4]} News</p></footer>{script}</body></html>")


def file_name(report: str, n: int, *, pages: bool = False) -> str:
    """The file name of report ``n`` as a collection names its saved reports: the day, the source and a number
    (``2019-03-14_mfa-press_0000123.txt``), longer than the 15 characters Oxigraph holds in a term itself, so that
    the store reads the names back as it does a real collection's."""
    day = report.split("\n", 1)[0].split(" ", 3)[2]
    return f"{day}_{SOURCES[n % len(SOURCES)]}_{n:07d}.{'html' if pages else 'txt'}"


def write_reports(folder: Path, count: int, *, start: int = 0, seed: int = 1, pages: bool = False) -> list[Path]:
    """``count`` reports (``file_name``) in ``folder`` (numbered from ``start``); with ``pages``, as saved HTML
    pages (``as_page``)."""
    folder.mkdir(parents=True, exist_ok=True)
    maker = ReportMaker(seed, start)
    paths = []
    for n in range(start, start + count):
        report = maker.report(n)
        path = folder / file_name(report, n, pages=pages)
        path.write_text(as_page(report, n) if pages else report, encoding="utf-8")
        paths.append(path)
    return paths
