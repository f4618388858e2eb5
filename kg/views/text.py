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
from kg.views.index import CATEGORY_CLASS, GraphIndex

Terms = dict[str, str]

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


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY_DIR / "dipkg.ttl", format="turtle")
    return g


def _terms(index: GraphIndex, iri: URIRef) -> Terms:
    """The term's label per language: the graph's, else the ontology file's."""
    out = {o.language: str(o) for o in _ontology().objects(iri, RDFS.label)
           if isinstance(o, Literal) and o.language}
    for language in ("kk", "ru", "en"):
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


def view_title(kind: str, *, focus: dict[str, str] | None = None) -> dict[str, str]:
    """The page's title per language; the ego view's names its focus in each language."""
    out = {}
    for language, text in UI[f"title.{kind}"].items():
        name = ""
        if focus:
            name = focus.get(language) or focus.get("") or next(iter(focus.values()))
        out[language] = text.replace("{name}", name)
    return out
