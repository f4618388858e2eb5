"""Lookups of the word lists (``kg.lexicon``), per language."""

from __future__ import annotations

import pytest

from kg.lexicon import load_lexicon


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
