"""Dates: the written forms the rules read, and a meeting's date from day words and the publication date."""

from datetime import date

import pytest

from kg.lang import profile
from kg.lexicon import load_lexicon
from kg.model import MentionKind
from kg.pipeline import extract
from kg.relations.place_date import day_word_date
from kg.reports import parse_report
from kg.rules import rule_mentions
from kg.text import tokens


def dates(text: str) -> list[tuple[str, str]]:
    report = parse_report("t.txt", text, month=load_lexicon().month)
    return [(m.text, m.value) for m in rule_mentions(report) if m.kind == MentionKind.DATE]


@pytest.mark.parametrize(("text", "expected"), [
    # kk
    ("Елші 2025 жылғы 15 қазанда әкіммен кездесті.", [("2025 жылғы 15 қазанда", "2025-10-15")]),
    ("Елші 15 қазанда әкіммен кездесті.", [("15 қазанда", "--10-15")]),
    ("Елші 15-қазанда әкіммен кездесті.", [("15-қазанда", "--10-15")]),
    ("Елші 2025 ж. 15 қазан күні әкіммен кездесті.", [("2025 ж. 15 қазан", "2025-10-15")]),
    ("Елші 20-21 қыркүйекте әкіммен кездесті.", [("20-21 қыркүйекте", "--09-20")]),
    ("Елші қазанда әкіммен кездесті, 15 адам қатысты.", [("қазанда", "--10")]),
    # the month's name in the genitive, with the word for a month or without, then the day's ordinal
    ("Елші қазанның 15-і күні әкіммен кездесті.", [("қазанның 15-і", "--10-15")]),
    ("Елші мамыр айының 15-і күні әкіммен кездесті.", [("мамыр айының 15-і", "--05-15")]),
    ("2025 жылғы мамыр айының 15-інде кездесу өтті.", [("2025 жылғы мамыр айының 15-інде", "2025-05-15")]),
    # ru
    ("Посол встретился с акимом 15 октября 2025 года.", [("15 октября 2025", "2025-10-15")]),
    ("Встреча посла и акима прошла 15.10.2025 в столице.", [("15.10.2025", "2025-10-15")]),
    ("Встреча посла и акима прошла 31.02.2025 в столице.", []),
    ("Посол встретился с акимом 20–21 сентября в столице.", [("20–21 сентября", "--09-20")]),
    ("Посол встретился 15-го октября с акимом.", [("15-го октября", "--10-15")]),
    # май and мая share no third letter; дек. is December
    ("Посол встретился с акимом 14 мая 2025 года.", [("14 мая 2025", "2025-05-14")]),
    ("Встреча состоялась 12-13 мая.", [("12-13 мая", "--05-12")]),
    ("Визит продлился с 12 по 13 мая.", [("12 по 13 мая", "--05-12")]),
    ("Встреча состоялась 3 дек 2025 г.", [("3 дек 2025", "2025-12-03")]),
    # en
    ("The ambassador met the governor on 15 October 2025 in the capital.", [("15 October 2025", "2025-10-15")]),
    ("The ambassador met the governor on October 15, 2025 in the capital.", [("October 15, 2025", "2025-10-15")]),
    ("The ambassador met the governor on Oct 15 2025 in the capital.", [("Oct 15 2025", "2025-10-15")]),
    ("The ambassador met the governor on Oct. 15 in the capital.", [("Oct. 15", "--10-15")]),
    ("The ambassador met the governor on 20 – 21 September 2024.", [("20 – 21 September 2024", "2024-09-20")]),
    ("The ambassador met the governor on 2025-10-15 in the capital.", [("2025-10-15", "2025-10-15")]),
    ("The visit lasted from 12 to 13 May 2025.", [("12 to 13 May 2025", "2025-05-12")]),
    ("The ambassador met the governor in October with 15 officials.", [("October", "--10")]),
    # a month alone after a preposition of time or in the locative, with its year if written
    ("The ambassador met the governor in March 2025.", [("March 2025", "2025-03")]),
    ("В марте посол встретился с акимом.", [("марте", "--03")]),
    ("Посол встретился с акимом в марте 2024 года.", [("марте 2024", "2024-03")]),
    ("Елші наурыз айында әкіммен кездесті.", [("наурыз айында", "--03")]),
    # not a month's name used otherwise, nor a time to come (на март, to March)
    ("Посол встретился с акимом, март был холодным.", []),
    ("Посол встретился с акимом, визит перенесли на март.", []),
    ("The ambassador met the akim; the visit was postponed to March.", []),
    ("The ambassador met the governor on Mar 3.", [("Mar 3", "--03-03")]),
    # a word that starts like a month is none: the Mayor
    ("The Ambassador met Mayor 15 minutes later.", []),
    ("The ambassador met the governor on the 15th of October.", [("15th of October", "--10-15")]),
    ("The ambassador met the governor on the 20th and 21st of September 2024.",
     [("20th and 21st of September 2024", "2024-09-20")]),
    # the year of a date that ends a sentence is none of the next one's
    ("Визит прошёл 3-7 июня 2024 года. 4 июня посол встретился с акимом.",
     [("3-7 июня 2024", "2024-06-03"), ("4 июня", "--06-04")]),
    ("Посол встретился с акимом 2025 г. 15 октября.", [("2025 г. 15 октября", "2025-10-15")]),
    # ... nor is a line's year the next line's
    ("Встреча посла\n\n12 февраля 2025 г.\n\n11 февраля посол встретился с акимом.",
     [("12 февраля 2025", "2025-02-12"), ("11 февраля", "--02-11")]),
])
def test_written_dates(text, expected):
    assert dates(text) == expected


PUBLISHED = date(2025, 10, 16)  # a Thursday


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("kk", "Әкім кеше елшімен кездесті.", date(2025, 10, 15)),
    ("kk", "Әкім бүгін елшімен кездесті.", date(2025, 10, 16)),
    ("kk", "Әкім дүйсенбі күні елшімен кездесті.", date(2025, 10, 13)),
    ("kk", "Әкім бейсенбіде елшімен кездесті.", date(2025, 10, 16)),
    ("kk", "Әкім елшімен кездесті.", None),
    ("ru", "Аким вчера встретился с послом.", date(2025, 10, 15)),
    ("ru", "Аким позавчера встретился с послом.", date(2025, 10, 14)),
    ("ru", "В пятницу аким встретился с послом.", date(2025, 10, 10)),
    ("ru", "Аким встретился с послом в среду.", date(2025, 10, 15)),
    ("ru", "В минувшую пятницу аким встретился с послом.", date(2025, 10, 10)),
    ("ru", "Аким обсудил с послом инвестиционную среду.", None),
    ("ru", "Аким стал послом.", None),
    ("en", "The governor met the ambassador yesterday.", date(2025, 10, 15)),
    ("en", "The governor met the ambassador the day before yesterday.", date(2025, 10, 14)),
    ("en", "On Monday the governor met the ambassador.", date(2025, 10, 13)),
    ("en", "The governor met the ambassador on Sunday.", date(2025, 10, 12)),
    ("en", "The governor met the ambassador.", None),
])
def test_day_words(language, text, expected):
    words = [t.text for t in tokens(text)]
    assert day_word_date(profile(language), words, PUBLISHED) == expected


@pytest.mark.parametrize(("text", "meeting_date"), [
    # a day word anywhere in the meeting's sentence, not only at its start
    (" date 2025-10-16 Т\nОблыс әкімі Асан Серікбаев дүйсенбі күні Жапония Елшісі Кэн Танакамен кездесті.",
     "2025-10-13"),
    (" date 2025-10-16 Т\nОблыс әкімі Асан Серікбаев кеше Жапония Елшісі Кэн Танакамен кездесті.", "2025-10-15"),
    # a written date comes before a day word
    (" date 2025-10-16 Т\nОблыс әкімі Асан Серікбаев кеше, 14 қазанда, Жапония Елшісі Кэн Танакамен кездесті.",
     "2025-10-14"),
    (" date 2025-10-16 Т\nThe Ambassador of Kazakhstan to Turkey Arman Sadykov met with the Governor of Ankara "
     "Mehmet Ozturk on Tuesday.", "2025-10-14"),
    (" date 2025-10-16 Т\nГубернатор Омской области Виктор Ларин вчера встретился с Генеральным консулом "
     "Казахстана в Омске Бериком Сагиевым.", "2025-10-15"),
    # the publication date from a dateline with the month first, or the year first
    ("MOSCOW, October 16, 2025. On Monday, the Ambassador of Kazakhstan Arman Sadykov met with the Governor of "
     "Ankara Mehmet Ozturk.", "2025-10-13"),
    ("АСТАНА, 2025 жылғы 16 қазан. Облыс әкімі Асан Серікбаев кеше Жапония Елшісі Кэн Танакамен кездесті.",
     "2025-10-15"),
    # a dateline's day, not that of a line of publication before it
    ("Опубликовано: 16.10.2025\n\nЛюблин, 14 октября 2025 г. Маршал воеводства Ярослав Новак принял Посла "
     "Казахстана Ерлана Сапарова.", "2025-10-14"),
])
def test_meeting_date_from_day_words(text, meeting_date):
    x = extract(parse_report("t.txt", text, month=load_lexicon().month))
    assert len(x.meetings) == 1
    assert x.meetings[0].date.iso() == meeting_date


@pytest.mark.parametrize(("language", "text", "day", "name"), [
    # a word for a day is no word of a name, at the start of a sentence or after a body's name
    ("kk", "Сәрсенбіде Кристьян Тамм облыс әкімі Ермағанбет Бөлекпаевпен кездесті.", "Сәрсенбіде", "Кристьян Тамм"),
    ("en", "Bektenov spoke at the Council of Heads of Government on Wednesday, 16 October.", "Wednesday", None),
    ("ru", "Вчера Иван Петров встретился с Анной Ковальской.", "Вчера", "Иван Петров"),
    # ... but a capitalised one before another capitalised word inside a sentence may be a given name
    ("kk", "Елші мектеп директоры Жұма Әбдіровпен кездесті.", None, "Жұма Әбдіров"),
])
def test_day_words_are_no_words_of_names(language, text, day, name):
    report = parse_report(f"{language}-t.txt", "Title\n" + text, month=load_lexicon().month)
    names = {e.name for e in extract(report).entities}
    assert day is None or not any(day in n for n in names)
    assert name is None or name in names
