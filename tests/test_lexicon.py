"""Lookups of the word lists (``kg.lexicon``), per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.lexicon import load_lexicon, post_spellings
from kg.morphology import word_matches


@pytest.mark.parametrize(("role", "deputy"), [
    ("governor", "deputy-governor"),
    ("minister", "deputy-minister"),
    ("rector", "vice-rector"),  # the roles' skos:related, not a name made of the role's
    ("ambassador", None),
])
def test_deputy_roles_come_from_the_ontology(role: str, deputy: str | None) -> None:
    assert load_lexicon().deputy_role(role) == deputy


@pytest.mark.parametrize(("word", "language", "expected"), [
    ("господин", "ru", True),
    ("господином", "ru", True),  # an inflected form, by its lemma
    ("Госпожой", "ru", True),
    ("г-жа", "ru", True),
    ("ханым", "kk", True),
    ("Mr", "en", True),
    ("губернатор", "ru", False),
    ("министр", "kk", False),
    ("Smith", "en", False),
])
def test_honorifics(word: str, language: str, expected: bool) -> None:
    lexicon = load_lexicon()
    assert lexicon.is_honorific(word, language) is expected
    assert lexicon.is_honorific(word, language) is expected  # answered again from the memo


@pytest.mark.parametrize(("token", "language", "expected"), [
    ("Sept", "en", 9),
    ("Jan", "en", 1),
    ("Sept", "ru", None),  # a short form of one language only
    ("September", "en", None),  # the full name is ``Lexicon.month``'s
])
def test_short_month_names(token: str, language: str, expected: int | None) -> None:
    assert load_lexicon().short_month(token, language) == expected


@pytest.mark.parametrize(("token", "expected"), [
    ("наурыз", 3),
    ("наурызда", 3),  # a case form
    ("желтоқсанның", 12),
    ("марта", 3),
    ("декабре", 12),
    ("мая", 5),  # май and мая share two letters
    ("September", 9),
    ("Sept.", 9),
    ("Mayor", None),  # no month's stem
    ("Астана", None),
])
def test_month_names_alone_answer_as_the_whole_lexicon(token: str, expected: int | None) -> None:
    from kg.lexicon import load_months

    assert load_months()(token) == expected
    assert load_lexicon().month(token) == expected


@pytest.mark.parametrize(("lines", "expected"), [
    (["бүгін O", "Бүгін O", "бүгін O", "бүгін O", "Астана B-LOCATION"], ["бүгін"]),  # lower case three times
    (["кеше O", "кеше O", "Астана B-LOCATION"], []),  # twice is too few
    (["2024 O", "2024 O", "2024 O", "-docstart- O"], []),  # not words
])
def test_common_words_file_is_written_from_a_conll_corpus(tmp_path, lines: list[str], expected: list[str]) -> None:
    from kg.files import read_words
    from kg.lexicon import write_common_words

    corpus = tmp_path / "IOB2_valid.txt"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written = write_common_words(corpus, tmp_path / "common.tsv")
    assert written.read_text(encoding="utf-8").startswith("# Kazakh words that KazNERD")
    assert read_words(written) == frozenset(expected)


def test_common_words_file_rebuilt_from_kaznerd_is_the_one_shipped(tmp_path) -> None:
    from kg.files import LEXICON_DIR
    from kg.lexicon import write_common_words

    corpus = Path(__file__).resolve().parents[2] / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"
    if not corpus.exists():
        pytest.skip("KazNERD is not beside the project")
    written = write_common_words(corpus, tmp_path / "common_kk.tsv")
    assert written.read_text(encoding="utf-8") == (LEXICON_DIR / "common_kk.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("word", "language", "expected"), [
    ("Облысы", "kk", True),  # a head noun of the language, case-folded
    ("облысы", "ru", False),  # another language's
    ("область", "ru", True),
    ("Ақорда", "kk", False),  # an organization's last word, not a head noun
])
def test_folded_heads(word: str, language: str, expected: bool) -> None:
    assert (word.casefold() in load_lexicon().folded_heads(language)) is expected


@pytest.mark.parametrize(("word", "expected"), [("ақорда", True), ("Ақорда", False), ("облысы", False)])
def test_organization_last_words(word: str, expected: bool) -> None:
    assert (word in load_lexicon().organization_last_words()) is expected


@pytest.mark.parametrize(("token", "category", "language", "expected"), [
    ("кездесіп", "meeting", "kk", True),  # a verb cue's converb
    ("кездесуі", "meeting", "kk", True),
    ("сурет", "meeting", "kk", False),
    ("қол қойды", "discussion", "kk", True),  # a phrase of two words
    ("талқылап", "discussion", "kk", True),
    ("встретился", "meeting", "ru", True),
    ("обсудили", "discussion", "ru", True),
    ("Discussing", "discussion", "en", True),
    ("met", "meeting", "en", True),
    ("meter", "meeting", "en", False),
])
def test_is_word_answers_as_every_word_of_the_category_would(token: str, category: str, language: str,
                                                            expected: bool) -> None:
    lex = load_lexicon()
    assert lex.is_word(token, category, language) is expected
    assert any(word_matches(token, w.word, language) for w in lex.words_of(category, language)) is expected


@pytest.mark.parametrize(("words", "expected"), [
    (("vice-governor",), (("vice-governor",), ("vice", "governor"), ("vicegovernor",))),
    (("обер-бургомистр",), (("обер-бургомистр",), ("обер", "бургомистр"), ("обербургомистр",))),
    (("director", "general"), (("director", "general"), ("director-general",))),
    (("ambassador",), (("ambassador",),)),
])
def test_post_spellings(words: tuple[str, ...], expected: tuple[tuple[str, ...], ...]) -> None:
    assert post_spellings(words) == expected


@pytest.mark.parametrize(("town", "region"), [
    ("Ташкент", "UZ-TO"),  # Ташкентская область
    ("Бухара", "UZ-BU"),  # Бухарская область: the town's final vowel dropped
    ("Омск", "RU-OMS"),  # Омская область: the adjective's -ск- is the town's
    ("Астрахань", "RU-AST"),  # Астраханская область: the soft sign dropped
    ("Париж", None),  # no region of France is named by an adjective of Paris
])
def test_regions_named_after_towns(town: str, region: str | None) -> None:
    lexicon = load_lexicon()
    key = lexicon.place_named(town, "city")
    assert key is not None
    assert lexicon.region_named_after(key) == region


@pytest.mark.parametrize(("name", "code"), [
    # a state's official Kazakh name in the words the press writes for the translation's (Корольдігі, және)
    ("Ұлыбритания мен Солтүстік Ирландия Біріккен Патшалығы", "GB"),
    ("Ұлыбритания және Солтүстік Ирландия Құрама Корольдігі", "GB"),
    ("Испания Корольдігі", "ES"),
])
def test_states_by_the_words_their_names_are_written_in(name: str, code: str | None) -> None:
    assert load_lexicon().country_named(name) == code


def test_the_other_words_of_a_states_name_are_no_labels_of_it() -> None:
    labels = {label.text for label in load_lexicon().country_labels("GB")}
    assert "Ұлыбритания мен Солтүстік Ирландия Біріккен Патшалығы" in labels
    assert "Ұлыбритания және Солтүстік Ирландия Құрама Корольдігі" not in labels
