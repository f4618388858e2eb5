"""Organizations on short texts, per language: head nouns, coordinated names, what is not a body."""

import pytest

from kg.lexicon import load_lexicon
from kg.model import MentionKind
from kg.morphology import kk_possessive_form
from kg.reports import parse_report
from kg.rules import tagged_rule_mentions


def organizations(text: str) -> list[tuple[str, str]]:
    report = parse_report("t.txt", text, month=load_lexicon().month)
    found = tagged_rule_mentions(report)
    for m in found:
        assert report.text[m.start:m.end] == m.text
    return [(m.text, m.value) for m in found if m.kind == MentionKind.ORGANIZATION]


@pytest.mark.parametrize(("text", "expected"), [
    # Two names before a plural head: two bodies; one adjective before it: a class of bodies.
    ("Students of Lithuanian universities came to the talks yesterday.", []),
    ("Representatives of Kawasaki and Marubeni companies attended the talks.",
     [("Kawasaki", "Kawasaki Company"), ("Marubeni companies", "Marubeni Company")]),
    # A Roman numeral is an ordinal, not a body.
    ("The ambassador was awarded the Order of Friendship, II degree, on Monday.", []),
])
def test_english(text, expected):
    assert organizations(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The ministry a minister's post names is read over genitive words only, never a preposition.
    ("Посол поблагодарил Министра за поддержку проекта.", []),
    ("Посол встретился с Министром культуры Казахстана.", [("культуры", "Министерство культуры")]),
    ("Гостю вручили орден «Дружба» II степени.", []),
])
def test_russian(text, expected):
    assert organizations(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A word that only begins like a head noun (қорытындысы, not қоры) heads nothing.
    ("Кездесулердің қорытындысы бойынша тараптар келісімге қол қойды.", []),
    ("Елші Көлік министрлігінде болды.", [("Көлік министрлігінде", "Көлік министрлігі")]),
    ("Абай және Сәтбаев университеттерінің ректорлары кездесті.",
     [("Абай", "Абай университеті"), ("Сәтбаев университеттерінің", "Сәтбаев университеті")]),
    ("Шетелдік университеттердің ректорлары келді.", []),
])
def test_kazakh(text, expected):
    assert organizations(text) == expected


@pytest.mark.parametrize(("token", "head", "expected"), [
    ("қорының", "қоры", True),
    ("қорытындысы", "қоры", False),
    ("Министрлігінде", "министрлігі", True),
    ("КММ-нің", "КММ", True),
])
def test_kk_possessive_form(token, head, expected):
    assert kk_possessive_form(token, head) is expected
