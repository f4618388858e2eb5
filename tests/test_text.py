"""Tokens and sentences of short invented texts."""

import pytest

from kg.text import fold, sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("The delegation included Mr. John Smith and Prof. Anna Berg. They met the mayor.",
     ["The delegation included Mr. John Smith and Prof. Anna Berg.", "They met the mayor."]),
    ("H. E. Mr. Arman Sadykov arrived. Talks followed.", ["H. E. Mr. Arman Sadykov arrived.", "Talks followed."]),
    ("Елші Р. Василенко келді. Кездесу өтті.", ["Елші Р. Василенко келді.", "Кездесу өтті."]),
    ("Встреча прошла в 2025 году. Стороны обсудили торговлю.",
     ["Встреча прошла в 2025 году.", "Стороны обсудили торговлю."]),
    ("First line\nSecond line", ["First line", "Second line"]),
    # the words for a town and a year, abbreviated, end no sentence
    ("18 мая 2025 г. в г. Уральске прошла встреча. Стороны обсудили торговлю.",
     ["18 мая 2025 г. в г. Уральске прошла встреча.", "Стороны обсудили торговлю."]),
    # a Latin digraph for one Cyrillic letter is an initial too
    ("Deputy Minister Ye. Ashikbayev met Zh. Adilbaev. Talks followed.",
     ["Deputy Minister Ye. Ashikbayev met Zh. Adilbaev.", "Talks followed."]),
    # ... as is the Cyrillic one for a Latin J
    ("Посол встретился с Дж. Хендерсоном. Стороны обсудили торговлю.",
     ["Посол встретился с Дж. Хендерсоном.", "Стороны обсудили торговлю."]),
    # nor does the abbreviated Malay title Haji
    ("The minister met Dr. Hj. Sufian Sidek. Talks followed.", ["The minister met Dr. Hj. Sufian Sidek.",
                                                               "Talks followed."]),
])
def test_sentences(text, expected):
    found = sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start:s.end] == s.text for s in found)


@pytest.mark.parametrize(("text", "start", "expected"), [
    ("Title line\nThe delegation arrived. Talks followed.", 11, ["The delegation arrived.", "Talks followed."]),
    ("Title line\nThe delegation arrived. Talks followed.", 0,
     ["Title line", "The delegation arrived.", "Talks followed."]),
    ("Header. Елші келді.\nКездесу өтті.", 8, ["Елші келді.", "Кездесу өтті."]),
    ("Header. Елші келді.\nКездесу өтті.", 8, ["Елші келді.", "Кездесу өтті."]),  # asked again
])
def test_sentences_after_a_start(text, start, expected):
    found = sentences(text, start=start)
    assert [s.text for s in found] == expected
    assert all(text[s.start:s.end] == s.text and s.start >= start for s in found)
    found.clear()  # a caller's list is its own: the next call gets every sentence again
    assert [s.text for s in sentences(text, start=start)] == expected


@pytest.mark.parametrize(("text", "key"), [
    # Latin letters lose their diacritics; Cyrillic ones keep theirs, but ё is е
    ("Pécs", "pecs"),
    ("Mehmet Öztürk", "mehmet ozturk"),
    ("Nişangül Karatayeva", "nisangul karatayeva"),
    # ... their strokes too, and the dot Turkish leaves off i (no decomposition carries these)
    ("Łódź", "lodz"),
    ("Wrocław", "wroclaw"),
    ("Kılıç", "kilic"),
    ("Søren Đorđević", "soren dordevic"),
    ("Йошкар-Ола", "йошкар ола"),
    ("Алёна Сәтбаева", "алена сәтбаева"),
])
def test_fold(text, key):
    assert fold(text) == key
