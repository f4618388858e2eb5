"""Phrase matching on dictionary forms (``kg.matching.LemmaMatcher``), on invented sentences."""

from __future__ import annotations

import pytest

from kg.lang import profile
from kg.matching import LemmaMatcher

CUES = [("образование", "education"), ("сельское хозяйство", "agriculture"), ("IT", "digital"),
        ("логистика", "logistics")]


def _matcher() -> LemmaMatcher[str]:
    matcher: LemmaMatcher[str] = LemmaMatcher(profile("ru"))
    for text, sector in CUES:
        matcher.add(text.split(), sector, exact=text.isupper())
    return matcher


@pytest.mark.parametrize(("text", "expected"), [
    ("Стороны обсудили образование и логистику .", [(2, 2, "education"), (4, 4, "logistics")]),
    ("развитие сельского хозяйства и логистики", [(1, 2, "agriculture"), (4, 4, "logistics")]),
    # a word derived from a one-word cue stands for it; a phrase's first word alone does not
    ("логистические услуги в сельской местности", [(0, 0, "logistics")]),
    # an exact cue only as written
    ("сотрудничество в сфере IT и it", [(3, 3, "digital")]),
    ("хозяйство сельское", []),
])
def test_phrases_on_dictionary_forms(text: str, expected: list[tuple[int, int, str]]) -> None:
    matcher = _matcher()
    words = text.split()
    found = [(m.first, m.last, m.payload) for m in matcher.find_all(words)]
    assert found == expected
    assert [(m.first, m.last, m.payload) for m in matcher.find_all(words)] == expected  # the same when asked again


def test_a_phrase_added_later_is_found_where_a_token_was_looked_up_before() -> None:
    matcher = _matcher()
    words = ["обсудили", "туризм", "и", "логистику"]
    assert [m.payload for m in matcher.find_all(words)] == ["logistics"]
    matcher.add(["туризм"], "tourism")
    assert [m.payload for m in matcher.find_all(words)] == ["tourism", "logistics"]


KK_CUES = [("электр станциясы", "energy"), ("ауыл шаруашылығы", "agriculture"), ("сауда", "trade")]


@pytest.mark.parametrize(("text", "expected"), [
    # the head of a Kazakh compound, in the possessive in the cue, in its plural and case forms too
    ("электр станцияларын салу", [(0, 1, "energy")]),
    ("электр станциясының қуаты", [(0, 1, "energy")]),
    ("ауыл шаруашылықтары мен сауда", [(0, 1, "agriculture"), (3, 3, "trade")]),
    ("ауыл шаруашылығын дамыту", [(0, 1, "agriculture")]),
    # its first word alone is no match
    ("электр желісі", []),
])
def test_kazakh_compounds_in_every_number(text: str, expected: list[tuple[int, int, str]]) -> None:
    matcher: LemmaMatcher[str] = LemmaMatcher(profile("kk"))
    for cue, sector in KK_CUES:
        matcher.add(cue.split(), sector)
    assert [(m.first, m.last, m.payload) for m in matcher.find_all(text.split())] == expected
