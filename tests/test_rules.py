"""The rule extractor on short texts: what it finds, in which dictionary form."""

from datetime import date

import pytest

from kg.lexicon import load_lexicon
from kg.model import MentionKind
from kg.pipeline import extract
from kg.reports import parse_report
from kg.rules import rule_mentions


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
])
def test_persons(text, expected):
    assert mentions(text, MentionKind.PERSON) == expected


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Льеж провинциясының губернаторы келді.", MentionKind.PLACE, [("Льеж провинциясының", "Льеж провинциясы")]),
    ("Алматы облысының әкімі келді.", MentionKind.PLACE, [("Алматы облысының", "kz-almaty-region")]),
    ("Гимарайнш қаласына барды.", MentionKind.PLACE, [("Гимарайнш қаласына", "Гимарайнш\tГимарайнш қаласы")]),
    ("Пензенской области губернатор.", MentionKind.PLACE, [("Пензенской области", "Пензенская область")]),
    ("Көлік министрлігінде өтті.", MentionKind.ORGANIZATION, [("Көлік министрлігінде", "Көлік министрлігі")]),
    ("Бұл John Cockerill компаниясы еді.", MentionKind.ORGANIZATION,
     [("John Cockerill компаниясы", "John Cockerill компаниясы")]),
    ("Toyota-мен келісім.", MentionKind.ORGANIZATION, [("Toyota-мен", "Toyota")]),
    ("Қазақстанның Бельгия Корольдігіндегі Елшісі.", MentionKind.COUNTRY,
     [("Қазақстанның", "KZ"), ("Бельгия Корольдігіндегі", "BE")]),
    ("Бұл ҚХР-мен ынтымақтастық.", MentionKind.COUNTRY, [("ҚХР-мен", "CN")]),
    ("Ақтөбе облысы қытайлық компаниялармен жұмыс істейді.", MentionKind.COUNTRY, [("қытайлық", "CN")]),
    ("Тауар айналымы 5 млн долларов США.", MentionKind.COUNTRY, []),
])
def test_names(text, kind, expected):
    assert mentions(text, kind) == expected


@pytest.mark.parametrize(("text", "sectors"), [
    ("Тараптар сауда-экономикалық ынтымақтастықты талқылады.", {"trade", "economy"}),
    ("Логистикалық хабтар мен көлік мәселелері қаралды.", {"logistics", "transport"}),
    ("Денсаулық сақтау мен ауыл шаруашылығына жасанды интеллект енгізу.", {"healthcare", "agriculture", "digital"}),
    ("Сурет: жаңа жобалар.", set()),
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
