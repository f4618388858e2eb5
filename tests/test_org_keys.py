"""One organization across languages: keys from translated head words and transliterated names, acronyms."""

from __future__ import annotations

import pytest

from kg.entities import resolve
from kg.lexicon import load_lexicon
from kg.merging import merge
from kg.model import JoinRule, Mention, MentionKind
from kg.org_keys import acronym_of, is_acronym, org_key


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Әл-Фараби атындағы Қазақ ұлттық университеті", "Казахский национальный университет имени аль-Фараби", True),
    ("Казахский национальный университет имени аль-Фараби", "Al-Farabi Kazakh National University", True),
    ("Л.Н. Гумилев атындағы Еуразия ұлттық университеті", "Евразийский национальный университет имени Л.Н. Гумилева",
     True),
    ("Marubeni компаниясы", "Marubeni Company", True),
    ("Kawasaki", "Kawasaki Heavy Industries", False),
    ("ТЮРКСОЙ", "TURKSOY", True),
    ("Қазақстан Сыртқы істер министрлігі", "Ministry of Foreign Affairs of Kazakhstan", True),
    ("Әл-Фараби атындағы Қазақ ұлттық университеті", "Қазақ ұлттық аграрлық университеті", False),
    ("Al-Farabi Kazakh National University", "Al-Farabi Kazakh State University", False),
])
def test_one_key_for_one_organization_in_any_language(a, b, same):
    assert (org_key(a) == org_key(b)) is same


@pytest.mark.parametrize("name", ["Министерство культуры", "Ministry of Culture", "The University",
                                  "Мәдениет министрлігі"])
def test_a_name_of_common_words_only_has_no_key(name):
    """Any country has a ministry of culture: such a name is not joined across reports by its words."""
    assert org_key(name) is None


@pytest.mark.parametrize(("acronym", "name", "expected"), [
    ("ҚазҰУ", "Әл-Фараби атындағы Қазақ ұлттық университеті", True),
    ("КазНУ", "Казахский национальный университет имени аль-Фараби", True),
    ("KazNU", "Al-Farabi Kazakh National University", True),
    ("ООН", "Организация Объединённых Наций", True),
    ("KazNU", "Kazakh National Agrarian University", False),
    ("QS", "Қазақстан Республикасы Сыртқы істер министрлігі", False),  # two letters, and no head noun
    ("ҚРС", "Қазақстан Республикасы Сыртқы істер министрлігі", False),  # stops before the head noun
])
def test_acronym_of(acronym, name, expected):
    assert is_acronym(acronym)
    assert acronym_of(acronym, name) is expected


@pytest.mark.parametrize("word", ["Университет", "Kawasaki", "A", "Ли"])
def test_not_an_acronym(word):
    assert not is_acronym(word)


def _org_mentions(*names: str) -> list[Mention]:
    out, at = [], 0
    for name in names:
        out.append(Mention(MentionKind.ORGANIZATION, at, at + len(name), name, name, "university"))
        at += len(name) + 10
    return out


REPORTS = [
    ("kk", ("Әл-Фараби атындағы Қазақ ұлттық университеті", "ҚазҰУ")),
    ("ru", ("Казахский национальный университет имени аль-Фараби", "КазНУ")),
    ("en", ("KazNU",)),
]


def test_university_in_three_languages_with_acronyms_is_one_node():
    lex = load_lexicon()
    entities = []
    for language, names in REPORTS:
        found, _ = resolve(_org_mentions(*names), language=language, lexicon=lex)
        entities.extend(found)
    merged, _ = merge(entities)
    orgs = [e for e in merged if e.kind == MentionKind.ORGANIZATION]
    assert len(orgs) == 1
    (org,) = orgs
    assert {(label.text, label.language) for label in org.labels} >= {
        ("ҚазҰУ", "kk"), ("КазНУ", "ru"), ("KazNU", "en"),
        ("Казахский национальный университет имени аль-Фараби", "ru")}
    assert JoinRule.ACRONYM in {rule for _part, rule in org.joins}


def test_an_acronym_that_fits_two_names_stays_apart():
    found, _ = resolve(_org_mentions("Қазақ ұлттық университеті", "Қарағанды ұлттық университеті", "ҚҰУ"),
                       language="kk", lexicon=load_lexicon())
    assert len([e for e in found if e.kind == MentionKind.ORGANIZATION]) == 3
