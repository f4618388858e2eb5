"""Synthetic graphs of any number of meetings, for the views' benchmark and tests.

Each meeting is one Kazakh-looking report run through the project's own ``GraphBuilder``, so
the graph has exactly the shape of a built one: reports, persons with posts, countries,
regions, cities, organizations, meetings with dates and topics, and evidence nodes whose
quotes are inflected forms (``Жамармен``, ``Астанада``).
"""

from __future__ import annotations

import random
from datetime import date

from rdflib import Graph

from kg.graph import GraphBuilder
from kg.lexicon import load_lexicon
from kg.model import (
    Entity,
    Evidence,
    Extraction,
    Label,
    Meeting,
    Mention,
    MentionKind,
    PartialDate,
    Post,
    Report,
    Span,
    Topic,
)

COUNTRIES = ("KZ", "BE", "JP", "PT", "DE", "FR", "US", "CN", "TR", "KR", "IT", "GB", "IN", "UZ", "KG", "RU",
             "AE", "SA", "PL", "NL", "ES", "CH", "AT", "HU", "CZ", "FI", "SE", "NO", "CA", "BR", "EG", "QA")
GIVEN = ("Роман", "Эрве", "Джун", "Марат", "Жан", "Рикарду", "Айгүл", "Ерлан", "Мария", "Томас", "Анна", "Бауыржан",
         "Ли", "Хана", "Пьер", "Карлос", "Дана", "Серік", "Ольга", "Ахмет")
FAMILY = ("Василенко", "Жамар", "Ямада", "Сұлтанғазиев", "Ғалиев", "Араужу", "Виейра", "Мюллер", "Дюпон", "Смит",
          "Ким", "Танака", "Оспанов", "Рахимова", "Росси", "Гарсия", "Новак", "Йылмаз", "Чжан", "Андерсен")
PLACE_ROOTS = ("Льеж", "Гимарайнш", "Бавария", "Тоскана", "Хоккайдо", "Каталония", "Фландрия", "Прованс", "Саксония",
               "Ломбардия", "Андалусия", "Бургундия", "Тироль", "Моравия", "Силезия", "Лапландия")
ORG_WORDS = ("Альфа", "Гелиос", "Меридиан", "Атлант", "Вектор", "Орион", "Сириус", "Зенит", "Полюс", "Титан")
ROLES = ("ambassador", "governor", "minister", "mayor", "consul-general", "executive", "deputy-minister")
SECTORS = ("trade", "economy", "investment", "industry", "energy", "transport", "logistics", "digital",
           "education", "science", "agriculture", "tourism", "culture", "healthcare", "water", "security")


def synthetic_graph(meetings: int, *, seed: int = 1) -> Graph:
    """A merged graph of ``meetings`` meetings, one report each; the same arguments give the same graph."""
    return _Generator(meetings, seed).graph()


class _Generator:
    def __init__(self, meetings: int, seed: int) -> None:
        self.n = meetings
        self.rng = random.Random(seed)
        self.lexicon = load_lexicon()
        self.entities: dict[str, Entity] = {}
        persons = max(6, int(meetings * 0.6))
        self.persons = [f"person:{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}-{i}" for i in range(persons)]
        self.person_name = {k: k.split(":", 1)[1].rsplit("-", 1)[0] + _suffix(i) for i, k in enumerate(self.persons)}
        self.person_country = {k: self._country() for k in self.persons}
        self.person_role = {k: self.rng.choice(ROLES) for k in self.persons}
        regions = max(3, meetings // 8)
        self.regions = [f"region:{PLACE_ROOTS[i % len(PLACE_ROOTS)]}{_suffix(i)} провинциясы" for i in range(regions)]
        self.region_country = {k: self._country() for k in self.regions}
        cities = max(3, meetings // 10)
        self.cities = [f"city:{PLACE_ROOTS[(i * 7) % len(PLACE_ROOTS)]}{_suffix(i)}бург" for i in range(cities)]
        self.city_country = {k: self._country() for k in self.cities}
        orgs = max(2, meetings // 12)
        self.orgs = [f"organization:{ORG_WORDS[i % len(ORG_WORDS)]}{_suffix(i)} компаниясы" for i in range(orgs)]
        self.person_jurisdiction = {k: self.rng.choice(self.regions if self.person_role[k] == "governor" else
                                                       self.cities if self.person_role[k] == "mayor" else self.orgs)
                                    for k in self.persons if self.person_role[k] in ("governor", "mayor", "executive")}
        for k in self.persons:
            self.entities[k] = Entity(k, MentionKind.PERSON, (Label(self.person_name[k], "kk"),))
        for keys, kind, subtype, country in ((self.regions, MentionKind.PLACE, "region", self.region_country),
                                             (self.cities, MentionKind.PLACE, "city", self.city_country)):
            for k in keys:
                self.entities[k] = Entity(k, kind, (Label(k.split(":", 1)[1], "kk"),), subtype, country[k])
        for k in self.orgs:
            self.entities[k] = Entity(k, MentionKind.ORGANIZATION, (Label(k.split(":", 1)[1], "kk"),), "company")
        for code in COUNTRIES:
            self.entities[f"country:{code}"] = Entity(f"country:{code}", MentionKind.COUNTRY, (), "country", code)

    def _country(self) -> str:
        # Kazakhstan takes part in most meetings, as in the corpus; the others by a long tail.
        return "KZ" if self.rng.random() < 0.4 else COUNTRIES[min(int(self.rng.expovariate(0.15)) + 1, 31)]

    def graph(self) -> Graph:
        builder = GraphBuilder()
        for i in range(self.n):
            builder.add(self._report(i), self.entities, {})
        return builder.merged()

    def _report(self, i: int) -> Extraction:
        rng = self.rng
        a, b = rng.sample(self.persons, 2)
        place = rng.choice(self.regions + self.cities)
        day = date(2020 + i % 6, 1 + (i // 6) % 12, 1 + (i // 72) % 28)
        sectors = rng.sample(SECTORS, rng.randint(1, 4))
        source = f"syn_{i:05d}.txt"
        text = _Text()
        name_a, name_b = self.person_name[a], self.person_name[b]
        place_name = self.entities[place].labels[0].text
        s1 = text.sentence([(name_a, a), " ", (place_name + "да", place), " ", (name_b + "мен", b), " кездесті."])
        posts = []
        for person, sentence_text in ((a, name_a), (b, name_b)):
            role = self.lexicon.role(self.person_role[person]).labels
            role_kk = next(lb.text for lb in role if lb.language == "kk")
            country = self.person_country[person]
            country_kk = self.lexicon.country_labels(country)
            country_name = next((lb.text for lb in country_kk if lb.language == "kk"), country)
            s = text.sentence([(sentence_text, person), " — ", (country_name, f"country:{country}"), " ",
                               role_kk.lower(), "."])
            accredited = None
            if self.person_role[person] in ("ambassador", "consul-general"):
                accredited = self.person_country[b if person == a else a]
                accredited = "BE" if accredited == country else accredited
            posts.append(Post(person, self.person_role[person], Evidence(source, s, Span(s.start, s.end, s.text)),
                              country=country, accredited_to=accredited,
                              jurisdiction=self.person_jurisdiction.get(person)))
        words = [next(lb.text for lb in self.lexicon.sector(t).labels if lb.language == "kk").lower() for t in sectors]
        parts: list[str | tuple[str, str]] = ["Тараптар "]
        spans: list[int] = []
        for n, word in enumerate(words):
            if n:
                parts.append(", ")
            spans.append(len(parts))
            parts.append((word, ""))
        parts.append(" салаларындағы ынтымақтастықты талқылады.")
        s2 = text.sentence(parts)
        report = Report(source, text.text(), "kk", day, f"Кездесу №{i + 1}")
        topic_spans = [text.spans[s2.start][k] for k in spans]
        topics = tuple(Topic(t, Evidence(source, s2, q)) for t, q in zip(sectors, topic_spans, strict=True))
        meeting = Meeting((a, b), Evidence(source, s1, Span(s1.start, s1.end, s1.text)), location=place,
                          date=PartialDate(day.year, day.month, day.day), topics=topics)
        entities = []
        for key, mentions in text.mentions.items():
            e = self.entities[key]
            entities.append(Entity(key, e.kind, e.labels, e.subtype, e.country_code, tuple(mentions)))
        return Extraction(report, (), tuple(entities), tuple(posts), (meeting,), tuple(text.sentences))


class _Text:
    """Sentences assembled from pieces, remembering the span of each named piece."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[Span] = []
        self.spans: dict[int, dict[int, Span]] = {}
        self.mentions: dict[str, list[Mention]] = {}

    def sentence(self, pieces: list[str | tuple[str, str]]) -> Span:
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        spans: dict[int, Span] = {}
        for n, piece in enumerate(pieces):
            if isinstance(piece, tuple):
                words, key = piece
                spans[n] = Span(self.length, self.length + len(words), words)
                if key:
                    self.mentions.setdefault(key, []).append(
                        Mention(key.split(":", 1)[0], self.length, self.length + len(words), words, key,
                                extractor="synthetic"))
                piece = words
            self.parts.append(piece)
            self.length += len(piece)
        span = Span(start, self.length, "".join(self.parts)[start:])
        self.sentences.append(span)
        self.spans[start] = spans
        return span

    def text(self) -> str:
        return "".join(self.parts)


def _suffix(i: int) -> str:
    """A distinct, name-like ending per index (Cyrillic letters, no digits)."""
    letters = "абвгдежзиклмнопрстуфхш"
    out = ""
    while i:
        i, r = divmod(i, len(letters))
        out += letters[r]
    return out
