"""Tokens and sentences of short invented texts."""

import pytest

from kg.text import sentences


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
])
def test_sentences(text, expected):
    found = sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start:s.end] == s.text for s in found)
