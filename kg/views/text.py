"""Words of the page in Kazakh, Russian and English.

Names of node types and of relations come from the ontology's own ``rdfs:label``s where the
graph carries them (a graph written by ``kg build`` does); the tables below cover the rest.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.graph import DIP
from kg.views.index import CATEGORY_CLASS, GraphIndex

Terms = dict[str, str]

TYPE_CLASSES: dict[str, URIRef] = {c: CATEGORY_CLASS[c] for c in (
    "person", "meeting", "country", "region", "city", "place", "government", "university", "company",
    "international", "organization", "sector")}
TYPE_FALLBACK: dict[str, Terms] = {
    "person": {"en": "Person", "kk": "Тұлға", "ru": "Лицо"},
    "meeting": {"en": "Meeting", "kk": "Кездесу", "ru": "Встреча"},
    "country": {"en": "Country", "kk": "Ел", "ru": "Страна"},
    "region": {"en": "Region", "kk": "Өңір", "ru": "Регион"},
    "city": {"en": "City", "kk": "Қала", "ru": "Город"},
    "place": {"en": "Place", "kk": "Орын", "ru": "Место"},
    "government": {"en": "Government body", "kk": "Мемлекеттік орган", "ru": "Государственный орган"},
    "university": {"en": "University", "kk": "Университет", "ru": "Университет"},
    "company": {"en": "Company", "kk": "Компания", "ru": "Компания"},
    "international": {"en": "International organization", "kk": "Халықаралық ұйым",
                      "ru": "Международная организация"},
    "organization": {"en": "Organization", "kk": "Ұйым", "ru": "Организация"},
    "sector": {"en": "Cooperation sector", "kk": "Ынтымақтастық саласы", "ru": "Сфера сотрудничества"},
}

RELATION_PROPERTIES: dict[str, URIRef] = {
    "participant": DIP.participant, "location": DIP.location, "topic": DIP.topic, "date": DIP.date,
    "serves": DIP.country, "accreditedTo": DIP.accreditedTo, "jurisdiction": DIP.jurisdiction,
    "inCountry": DIP.inCountry, "holds": DIP.holds, "role": DIP.role, "countryCode": DIP.countryCode,
}
RELATION_FALLBACK: dict[str, Terms] = {
    "participant": {"en": "participant", "kk": "қатысушы", "ru": "участник"},
    "location": {"en": "location", "kk": "өткен жері", "ru": "место"},
    "topic": {"en": "topic", "kk": "талқыланған сала", "ru": "тема"},
    "date": {"en": "date", "kk": "күні", "ru": "дата"},
    "serves": {"en": "serves", "kk": "қызмет ететін елі", "ru": "служит стране"},
    "accreditedTo": {"en": "accredited to", "kk": "аккредиттелген елі", "ru": "аккредитован в"},
    "jurisdiction": {"en": "jurisdiction", "kk": "басқаратыны", "ru": "юрисдикция"},
    "inCountry": {"en": "in country", "kk": "елде орналасқан", "ru": "в стране"},
    "holds": {"en": "holds", "kk": "лауазымы", "ru": "занимает"},
    "role": {"en": "role", "kk": "рөлі", "ru": "роль"},
    "countryCode": {"en": "ISO 3166-1 alpha-2 code", "kk": "ISO 3166-1 коды", "ru": "код ISO 3166-1"},
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
    "meetings": {"en": "meetings", "kk": "кездесу", "ru": "встреч"},
    "sectors": {"en": "Sectors", "kk": "Салалар", "ru": "Сферы"},
    "dates": {"en": "Dates", "kk": "Күндері", "ru": "Даты"},
    "shown": {"en": "nodes shown", "kk": "түйін көрсетілген", "ru": "узлов показано"},
    "language": {"en": "Language", "kk": "Тіл", "ru": "Язык"},
    "loading": {"en": "Laying out the graph…", "kk": "Граф орналастырылуда…", "ru": "Граф раскладывается…"},
    "close": {"en": "Close", "kk": "Жабу", "ru": "Закрыть"},
}


def _terms(index: GraphIndex, iri: URIRef, fallback: Terms) -> Terms:
    out = dict(fallback)
    for language in ("kk", "ru", "en"):
        text = index.label(iri, language)
        if text:
            out[language] = text
    return out


def type_terms(index: GraphIndex) -> dict[str, Terms]:
    return {c: _terms(index, cls, TYPE_FALLBACK[c]) for c, cls in TYPE_CLASSES.items()}


def relation_terms(index: GraphIndex) -> dict[str, Terms]:
    return {r: _terms(index, RELATION_PROPERTIES[r], t) if r in RELATION_PROPERTIES else dict(t)
            for r, t in RELATION_FALLBACK.items()}


def ui_terms() -> dict[str, Terms]:
    return {k: dict(v) for k, v in UI.items()}


def view_title(kind: str, *, focus: dict[str, str] | None = None) -> dict[str, str]:
    """The page's title per language; the ego view's names its focus in each language."""
    out = {}
    for language, text in UI[f"title.{kind}"].items():
        name = ""
        if focus:
            name = focus.get(language) or focus.get("") or next(iter(focus.values()))
        out[language] = text.replace("{name}", name)
    return out
