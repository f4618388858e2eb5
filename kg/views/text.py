"""Words of the page in Kazakh, Russian and English.

Names of node types and of relations are the ``rdfs:label``s of ``ontology/dipkg.ttl``, those
the graph carries first (a graph written by ``kg build`` carries the ontology). The tables
below hold only the words the ontology has no term for: inverse relations and the page's own.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import RDFS, Graph, Literal, URIRef

from kg.files import ONTOLOGY_DIR
from kg.graph import DIP
from kg.views.index import CATEGORY_CLASS, LANGUAGES, GraphIndex

Terms = dict[str, str]
# A count's words by CLDR plural category (one, few, many, other), per language: "21 узел", "25 узлов".
PluralTerms = dict[str, dict[str, str]]

TYPE_CLASSES: dict[str, URIRef] = {c: CATEGORY_CLASS[c] for c in (
    "person", "meeting", "country", "region", "city", "place", "government", "university", "company",
    "international", "organization", "sector")}
RELATION_PROPERTIES: dict[str, URIRef] = {
    "participant": DIP.participant, "location": DIP.location, "topic": DIP.topic, "date": DIP.date,
    "serves": DIP.country, "accreditedTo": DIP.accreditedTo, "jurisdiction": DIP.jurisdiction,
    "inCountry": DIP.inCountry, "holds": DIP.holds, "role": DIP.role, "countryCode": DIP.countryCode,
}
# Relations the ontology does not name: the inverse ones the side panel shows, and derived ones.
RELATION_WORDS: dict[str, Terms] = {
    "participantOf": {"en": "took part in", "kk": "қатысқан кездесуі", "ru": "участвовал во встрече"},
    "locationOf": {"en": "meeting held here", "kk": "осында өткен кездесу", "ru": "встреча здесь"},
    "topicOf": {"en": "discussed at", "kk": "талқыланған кездесу", "ru": "обсуждалось на встрече"},
    "servedBy": {"en": "represented by", "kk": "өкілі", "ru": "представитель"},
    "accreditedHere": {"en": "diplomat accredited here", "kk": "аккредиттелген дипломат",
                       "ru": "аккредитованный дипломат"},
    "governedBy": {"en": "headed by", "kk": "басшысы", "ru": "руководитель"},
    "placesIn": {"en": "place in this country", "kk": "елдегі орын", "ru": "место в стране"},
    "mentionedIn": {"en": "named in report", "kk": "аталған хабар", "ru": "упоминается в сообщении"},
    "sameAs": {"en": "Wikidata", "kk": "Wikidata", "ru": "Wikidata"},
    "notation": {"en": "notation", "kk": "белгіленуі", "ru": "обозначение"},
    "met": {"en": "met", "kk": "кездесті", "ru": "встречались"},
    "discussed": {"en": "discussed", "kk": "талқылады", "ru": "обсуждали"},
}

UI: dict[str, Terms] = {
    "title.network": {"en": "Diplomatic meetings", "kk": "Дипломатиялық кездесулер", "ru": "Дипломатические встречи"},
    "title.countries": {"en": "Countries that met", "kk": "Кездескен елдер", "ru": "Страны, которые встречались"},
    "title.sectors": {"en": "Sectors discussed", "kk": "Талқыланған салалар", "ru": "Обсуждаемые сферы"},
    "title.ego": {"en": "Around {name}", "kk": "{name} айналасы", "ru": "Окружение: {name}"},
    "title.regions": {"en": "Regions of Kazakhstan and the states they met",
                      "kk": "Қазақстан өңірлері және олар кездескен елдер",
                      "ru": "Регионы Казахстана и страны, с которыми они встречались"},
    "title.timeline": {"en": "Meetings over time", "kk": "Кездесулер уақыт бойынша", "ru": "Встречи по времени"},
    "title.timeline-image": {"en": "Meetings per year with foreign states",
                             "kk": "Шет елдермен кездесулер, жыл бойынша",
                             "ru": "Встречи с иностранными государствами по годам"},
    "otherStates": {"en": "other states", "kk": "басқа елдер", "ru": "другие страны"},
    "meetingsAxis": {"en": "Meetings", "kk": "Кездесулер", "ru": "Встречи"},
    "noMeetings": {"en": "No dated meetings", "kk": "Күні белгілі кездесу жоқ", "ru": "Нет встреч с датой"},
    "partnerState": {"en": "Partner state", "kk": "Серіктес ел", "ru": "Страна-партнёр"},
    "region": {"en": "Region", "kk": "Өңір", "ru": "Регион"},
    "sector": {"en": "Sector", "kk": "Сала", "ru": "Сфера"},
    "year": {"en": "Year", "kk": "Жыл", "ru": "Год"},
    "allSectors": {"en": "all sectors", "kk": "барлық сала", "ru": "все сферы"},
    "allYears": {"en": "all years", "kk": "барлық жыл", "ru": "все годы"},
    "groupBy": {"en": "Bars by", "kk": "Бағандар", "ru": "Столбцы по"},
    "period": {"en": "Period", "kk": "Кезең", "ru": "Период"},
    "perYear": {"en": "year", "kk": "жыл", "ru": "год"},
    "perMonth": {"en": "month", "kk": "ай", "ru": "месяц"},
    "fit": {"en": "Fit", "kk": "Толық көрініс", "ru": "Вписать"},
    "reset": {"en": "Reset", "kk": "Қалпына келтіру", "ru": "Сбросить"},
    "edgeLabels": {"en": "Edge labels", "kk": "Сызық атаулары", "ru": "Подписи связей"},
    "sameSentence": {"en": "the same sentence as above", "kk": "жоғарыдағы сөйлем",
                     "ru": "то же предложение, что выше"},
    "pickRegion": {"en": "Click a region or a state to see its partners and meetings.",
                   "kk": "Өңірді не елді басыңыз: серіктестері мен кездесулері көрсетіледі.",
                   "ru": "Нажмите на регион или страну, чтобы увидеть партнёров и встречи."},
    "pickBar": {"en": "Click a bar to see its meetings and the sentences that report them.",
                "kk": "Бағанды басыңыз: оның кездесулері мен оларды айтатын сөйлемдер көрсетіледі.",
                "ru": "Нажмите на столбец, чтобы увидеть его встречи и предложения о них."},
    "search": {"en": "Find by any name or word form", "kk": "Кез келген атау не сөз формасы бойынша іздеу",
               "ru": "Найти по любому имени или словоформе"},
    "noMatch": {"en": "No node has that name", "kk": "Мұндай атаулы түйін жоқ", "ru": "Узлов с таким именем нет"},
    "legend": {"en": "Node types", "kk": "Түйін түрлері", "ru": "Типы узлов"},
    "filterHint": {"en": "Untick a type to hide it.", "kk": "Түрін жасыру үшін белгіні алыңыз.",
                   "ru": "Снимите флажок, чтобы скрыть тип."},
    "edgeWidth": {"en": "Edge width: number of meetings", "kk": "Сызық жуандығы: кездесулер саны",
                  "ru": "Толщина линии: число встреч"},
    "nodeSize": {"en": "Node size: number of meetings", "kk": "Түйін өлшемі: кездесулер саны",
                 "ru": "Размер узла: число встреч"},
    "panelHint": {"en": "Click a node to see its facts and the sentences that state them.",
                  "kk": "Түйінді басыңыз: оның деректері мен оларды айтатын сөйлемдер көрсетіледі.",
                  "ru": "Нажмите на узел, чтобы увидеть его факты и предложения, где они сказаны."},
    "names": {"en": "Names", "kk": "Атаулары", "ru": "Названия"},
    "more": {"en": "… and {n} more", "kk": "… тағы {n}", "ru": "… и ещё {n}"},
    "report": {"en": "Report", "kk": "Хабар", "ru": "Сообщение"},
    "chars": {"en": "characters", "kk": "таңбалар", "ru": "символы"},

    "sectors": {"en": "Sectors", "kk": "Салалар", "ru": "Сферы"},
    "dates": {"en": "Dates", "kk": "Күндері", "ru": "Даты"},
    "language": {"en": "Language", "kk": "Тіл", "ru": "Язык"},
    "loading": {"en": "Laying out the graph…", "kk": "Граф орналастырылуда…", "ru": "Граф раскладывается…"},
    "close": {"en": "Close", "kk": "Жабу", "ru": "Закрыть"},
    "partial": {"en": "Nodes drawn: {n} of {total}", "kk": "Көрсетілген түйін: {n} / {total}",
                "ru": "Нарисовано узлов: {n} из {total}"},
    "partialHint": {"en": "The most important nodes and those that join them. A search or a click draws a node "
                          "with its neighbours.",
                    "kk": "Ең маңызды түйіндер және оларды байланыстыратындар. Іздеу не басу түйінді "
                          "көршілерімен бірге көрсетеді.",
                    "ru": "Самые важные узлы и те, что их связывают. Поиск или щелчок рисует узел вместе с "
                          "соседями."},
    "drawAll": {"en": "Draw all", "kk": "Барлығын көрсету", "ru": "Нарисовать все"},
}


# Counted words: {n} is the number. Kazakh nouns stay singular after a numeral.
PLURALS: dict[str, PluralTerms] = {
    "shown": {"en": {"one": "{n} node shown", "other": "{n} nodes shown"},
              "kk": {"one": "{n} түйін көрсетілген", "other": "{n} түйін көрсетілген"},
              "ru": {"one": "{n} узел показан", "few": "{n} узла показано", "many": "{n} узлов показано",
                     "other": "{n} узла показано"}},
    "meetings": {"en": {"one": "{n} meeting", "other": "{n} meetings"},
                 "kk": {"one": "{n} кездесу", "other": "{n} кездесу"},
                 "ru": {"one": "{n} встреча", "few": "{n} встречи", "many": "{n} встреч", "other": "{n} встречи"}},
}


def plural_category(language: str, n: int) -> str:
    """The CLDR plural category of a whole number (what the page's Intl.PluralRules gives)."""
    if language == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return "few"
        return "many"
    return "one" if n == 1 else "other"


def counted(key: str, language: str, n: int) -> str:
    """``n`` with its counted word: counted("shown", "ru", 21) == "21 узел показан"."""
    forms = PLURALS[key][language]
    return forms.get(plural_category(language, n), forms["other"]).replace("{n}", str(n))


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_DIR / "dipkg.ttl", format="turtle")
    return g


def _terms(index: GraphIndex, iri: URIRef) -> Terms:
    """The term's label per language: the graph's, else the ontology file's."""
    out = {o.language: str(o) for o in _ontology().objects(iri, RDFS.label)
           if isinstance(o, Literal) and o.language}
    for language in LANGUAGES:
        text = index.label(iri, language)
        if text:
            out[language] = text
    return out


def type_terms(index: GraphIndex) -> dict[str, Terms]:
    return {c: _terms(index, cls) for c, cls in TYPE_CLASSES.items()}


def relation_terms(index: GraphIndex) -> dict[str, Terms]:
    return {**{r: _terms(index, iri) for r, iri in RELATION_PROPERTIES.items()},
            **{r: dict(t) for r, t in RELATION_WORDS.items()}}


def ui_terms() -> dict[str, Terms]:
    return {k: dict(v) for k, v in UI.items()}


def plural_terms() -> dict[str, PluralTerms]:
    return {k: {lang: dict(forms) for lang, forms in v.items()} for k, v in PLURALS.items()}


def view_title(kind: str, *, focus: dict[str, str] | None = None) -> dict[str, str]:
    """The page's title per language; the ego view's names its focus in each language."""
    out = {}
    for language, text in UI[f"title.{kind}"].items():
        name = ""
        if focus:
            name = focus.get(language) or focus.get("") or next(iter(focus.values()))
        out[language] = text.replace("{name}", name)
    return out
