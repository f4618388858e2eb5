import pytest

from kg.entities import compatible, merge, person_parts, resolve, stable_id
from kg.lexicon import load_lexicon
from kg.model import Entity, Label, Mention


def person(value: str, start: int) -> Mention:
    return Mention("person", start, start + len(value), value, value)


@pytest.mark.parametrize(("names", "groups"), [
    (["Роман Василенко", "Р. Василенко", "Василенко"], 1),
    (["Эрве Жамар", "Э. Жамар"], 1),
    (["Е. Б. Маржықпаев", "Маржықпаев"], 1),
    (["Роман Василенко", "Анна Иванова"], 2),
    (["А. Ғылымхан", "Д. Бауыржан"], 2),
])
def test_person_groups_within_a_report(names, groups):
    mentions = [person(n, i * 40) for i, n in enumerate(names)]
    entities, key_of = resolve(mentions, language="kk", lexicon=load_lexicon())
    assert len([e for e in entities if e.kind == "person"]) == groups
    assert set(key_of) == set(mentions)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Р. Василенко", "Роман Василенко", True),
    ("Р. Василенко", "Эрве Василенко", False),
    ("Василенко", "Роман Василенко", True),
])
def test_compatible_given_names(a, b, expected):
    assert compatible(person_parts(a)[0], person_parts(b)[0]) is expected


def test_merge_across_reports_joins_a_short_form():
    full = Entity("person:роман василенко", "person", (Label("Роман Василенко", "kk"),))
    short = Entity("person:р василенко", "person", (Label("Р. Василенко", "kk"),))
    merged, redirect = merge([full, short])
    assert len(merged) == 1
    assert redirect["person:р василенко"] == "person:роман василенко"
    assert {lb.text for lb in merged[0].labels} == {"Роман Василенко", "Р. Василенко"}


@pytest.mark.parametrize("key", ["person:<img src=x onerror=alert(1)>", "org:a b/c?d#e", "person:Эрве Жамар"])
def test_stable_ids_are_safe_and_stable(key):
    sid = stable_id(key)
    assert sid == stable_id(key)
    assert all((c.isalnum() and c.isascii()) or c == "-" for c in sid)


@pytest.mark.parametrize(("cyrillic", "latin", "same"), [
    ("Даниал Ахметов", "Danial Akhmetov", True),
    ("Жеңіс Қасымбек", "Zhenis Kassymbek", True),
    ("Роман Василенко", "Roman Vasilenko", True),
    ("Роман Василенко", "Ruslan Vasilenko", False),
    ("Даниал Ахметов", "Serik Akhmetov", False),
])
def test_merge_across_scripts(cyrillic, latin, same):
    a = Entity(f"person:{cyrillic.lower()}", "person", (Label(cyrillic, "kk"),))
    b = Entity(f"person:{latin.lower()}", "person", (Label(latin, "en"),))
    merged, redirect = merge([a, b])
    assert (len(merged) == 1) is same
    assert (redirect[b.key] == a.key) is same
