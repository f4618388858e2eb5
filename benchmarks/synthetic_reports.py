"""Synthetic news reports of diplomatic meetings in Kazakh, Russian and English, for build benchmarks.

Each report is about 2,000 characters: a header line, a meeting sentence (a Kazakh akim or
minister and a foreign ambassador, named in the case the sentence needs), the sectors discussed,
and paragraphs of background in varied order, one of which may name an organization of
``kg/lexicons/organizations.tsv``. Regions come from ``kg/lexicons/places.tsv``,
sectors from the labels of ``ontology/sectors.ttl``, persons from generated names, each keeping
one post across reports (three officials of each region, forty diplomats of each state) and
named in each language's forms, so that entity resolution has real work. The same seed gives the same reports.
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
# Persons who meet for each region (its akim and deputies) and for each foreign state (its diplomats).
HOSTS_PER_REGION = 3
GUESTS_PER_STATE = 40
# code: Kazakh name, Kazakh genitive, Russian genitive, English name
COUNTRIES = {
    "FR": ("Франция", "Францияның", "Франции", "France"), "DE": ("Германия", "Германияның", "Германии", "Germany"),
    "JP": ("Жапония", "Жапонияның", "Японии", "Japan"), "IT": ("Италия", "Италияның", "Италии", "Italy"),
    "TR": ("Түркия", "Түркияның", "Турции", "Turkey"), "CN": ("Қытай", "Қытайдың", "Китая", "China"),
    "PL": ("Польша", "Польшаның", "Польши", "Poland"), "HU": ("Венгрия", "Венгрияның", "Венгрии", "Hungary"),
    "ES": ("Испания", "Испанияның", "Испании", "Spain"), "IN": ("Үндістан", "Үндістанның", "Индии", "India"),
    "UZ": ("Өзбекстан", "Өзбекстанның", "Узбекистана", "Uzbekistan"), "BE": ("Бельгия", "Бельгияның", "Бельгии",
                                                                              "Belgium"),
}
KK_GIVEN = ("Марат", "Ерлан", "Бауыржан", "Серік", "Асқар", "Нұрлан", "Дәурен", "Ғалым", "Жандос", "Талғат", "Айдар",
            "Болат", "Қайрат", "Мұрат", "Тимур", "Дархан")
KK_ROOTS = ("Ахмет", "Сейіт", "Жұмаб", "Тоқт", "Нұрп", "Қасым", "Оспан", "Әбдір", "Бекмұх", "Сұлтанб", "Ержан",
            "Қайырб", "Есен", "Ораз", "Сәрсен", "Төлеу", "Мақаш", "Иман", "Жақсыб", "Рахым")
KK_ENDINGS = ("ов", "ев", "ин", "аев", "еков", "ұлы")
FOREIGN_GIVEN = ("Жан", "Пьер", "Ханс", "Марк", "Карлос", "Томас", "Петер", "Ян", "Ахмет", "Кэндзи", "Луиджи", "Анджей")
FOREIGN_ROOTS = ("Дюпон", "Мартен", "Мюллер", "Росси", "Гарсия", "Новак", "Йылмаз", "Шмидт", "Бернар", "Ковач",
                 "Ямада", "Ферран", "Ланг", "Бруно", "Фишер", "Лоран")
FOREIGN_ENDINGS = ("", "", "ер", "ан", "ель", "от")
RU_LETTERS = str.maketrans("әғқңөұүһі", "агкноууhи")
BACKGROUND = {
    "kk": ("{country} компаниялары өңірде {n} инвестициялық жобаны іске асыруда.",
           "Былтыр екі ел арасындағы тауар айналымы {n} миллион долларды құрады.",
           "Әкім облыстың {sector} саласындағы әлеуеті туралы айтып берді.",
           "Елші {year} жылы өтетін бизнес-форумға облыс делегациясын шақырды.",
           "Тараптар университеттер арасындағы студент алмасу бағдарламасын кеңейту мүмкіндігін қарастырды.",
           "Кездесу соңында бірлескен жұмыс тобын құру туралы уағдаластыққа қол жеткізілді.",
           "Өңірде {country} капиталы қатысқан {n} кәсіпорын жұмыс істейді.",
           "Жаңа логистикалық орталық құрылысы {year} жылы аяқталады деп күтілуде.",
           "Кездесуге {org} өкілдері де қатысты."),
    "ru": ("Компании {country} реализуют в регионе {n} инвестиционных проектов.",
           "В прошлом году товарооборот между странами составил {n} миллионов долларов.",
           "Аким рассказал о потенциале области в сфере {sector}.",
           "Посол пригласил делегацию области на бизнес-форум, который пройдет в {year} году.",
           "Стороны рассмотрели возможность расширения программ студенческого обмена между университетами.",
           "По итогам встречи достигнута договоренность о создании совместной рабочей группы.",
           "В регионе работают {n} предприятий с участием капитала {country}.",
           "Строительство нового логистического центра планируется завершить в {year} году.",
           "Свою поддержку проектам региона выразила и организация {org}."),
    "en": ("Companies from {country} are carrying out {n} investment projects in the region.",
           "Last year trade between the two countries reached {n} million dollars.",
           "The akim spoke about the region's potential in {sector}.",
           "The ambassador invited a delegation of the region to a business forum to be held in {year}.",
           "The sides considered expanding student exchange programmes between universities.",
           "At the end of the meeting they agreed to set up a joint working group.",
           "There are {n} enterprises with capital from {country} operating in the region.",
           "The construction of a new logistics centre is expected to be completed in {year}.",
           "Representatives of {org} also took part in the meeting."),
}
MEETING = {
    "kk": "{region_gen} әкімі {host} {country_gen} Қазақстандағы Елшісі {guest_with} кездесті.",
    "ru": "Аким {region_gen} {host} встретился с Послом {country_gen} в Казахстане {guest_with}.",
    "en": "Akim of {region} {host} met with the Ambassador of {country} to Kazakhstan {guest}.",
}
TALKS = {
    "kk": "Кездесу барысында тараптар {sectors} салаларындағы ынтымақтастықты дамыту мәселелерін талқылады.",
    "ru": "В ходе встречи стороны обсудили сотрудничество в сферах: {sectors}.",
    "en": "The sides discussed cooperation in {sectors}.",
}
TITLE = {"kk": "Әкім елшімен кездесті", "ru": "Аким встретился с послом", "en": "Akim meets ambassador"}
AND = {"kk": "және", "ru": "и", "en": "and"}
TARGET_LENGTH = 2000


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


def _organizations() -> list[dict[str, str]]:
    """The organizations of ``kg/lexicons/organizations.tsv`` named in all three languages, by the first name of
    each."""
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv(LEXICON_DIR / "organizations.tsv"):
        if len(row) >= 5 and row[0] != "id":
            names[row[0]].setdefault(row[3], row[4])
    return [n for n in names.values() if {"kk", "ru", "en"} <= set(n)]


def _sectors() -> list[dict[str, str]]:
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    pref = "http://www.w3.org/2004/02/skos/core#prefLabel"
    for t in ox.parse(path=str(ONTOLOGY_DIR / "sectors.ttl"), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == pref and isinstance(t.object, ox.Literal) and t.object.language:
            labels[t.subject.value][t.object.language] = t.object.value
    return [v for k, v in labels.items() if {"kk", "ru", "en"} <= set(v) and not k.endswith("#")]


class ReportMaker:
    def __init__(self, seed: int = 1, start: int = 0) -> None:
        """The persons are the seed's; the reports numbered from ``start`` draw from them in their own order."""
        rng = random.Random(seed)
        self.regions = _regions()
        self.sectors = _sectors()
        self.organizations = _organizations()
        # A person keeps his post across reports, as in a real collection: the officials of a region (an akim
        # and his deputies) meet for it, the diplomats of a state for that state. Drawn from a person pool at
        # random, one person would serve a dozen states and most meetings would be between every pair of them.
        self.hosts = {r["en"]: [(rng.choice(KK_GIVEN), rng.choice(KK_ROOTS) + rng.choice(KK_ENDINGS))
                                for _ in range(HOSTS_PER_REGION)] for r in self.regions}
        self.guests = {code: [(rng.choice(FOREIGN_GIVEN), rng.choice(FOREIGN_ROOTS) + rng.choice(FOREIGN_ENDINGS))
                              for _ in range(GUESTS_PER_STATE)] for code in COUNTRIES}
        self.rng = random.Random(seed + start)

    def report(self, n: int) -> str:
        rng = self.rng
        language = LANGUAGES[n % len(LANGUAGES)]
        region = rng.choice(self.regions)
        code = rng.choice(list(COUNTRIES))
        _, kk_gen, ru_gen, en_name = COUNTRIES[code]
        host = rng.choice(self.hosts[region["en"]])
        guest = rng.choice(self.guests[code])
        sectors = [s[language] for s in rng.sample(self.sectors, 3)]
        organization = rng.choice(self.organizations)[language]
        published = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
        if language == "kk":
            meeting = MEETING["kk"].format(region_gen=region["kk"].removesuffix("облысы") + "облысының",
                                           host=" ".join(host), country_gen=kk_gen,
                                           guest_with=f"{guest[0]} {_kk_with(guest[1])}")
            country = kk_gen
            sector_words = [s.lower() for s in sectors]
        elif language == "ru":
            ru_host = tuple(w.translate(RU_LETTERS) for w in host)
            region_gen = region["ru"].removesuffix("ская область") + "ской области"
            meeting = MEETING["ru"].format(region_gen=region_gen, host=" ".join(ru_host), country_gen=ru_gen,
                                           guest_with=f"{_ru_with(guest[0])} {_ru_with(guest[1])}")
            country = ru_gen
            sector_words = [s.lower() for s in sectors]
        else:
            meeting = MEETING["en"].format(region=region["en"], host=anyascii(" ".join(host)), country=en_name,
                                           guest=anyascii(" ".join(guest)))
            country = en_name
            sector_words = [s.lower() for s in sectors]
        sectors_text = f"{', '.join(sector_words[:-1])} {AND[language]} {sector_words[-1]}"
        paragraphs = [meeting, TALKS[language].format(sectors=sectors_text)]
        templates = list(BACKGROUND[language])
        rng.shuffle(templates)
        body = " ".join(paragraphs)
        while len(body) < TARGET_LENGTH:
            template = templates[len(paragraphs) % len(templates)]
            paragraphs.append(template.format(country=country, n=rng.randrange(3, 900), year=published.year + 1,
                                              sector=rng.choice(sector_words), org=organization))
            body = " ".join(paragraphs)
        lines = [" ".join(paragraphs[i:i + 3]) for i in range(0, len(paragraphs), 3)]
        return f" date {published.isoformat()} {TITLE[language]}\n" + "\n\n".join(lines) + "\n"


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
