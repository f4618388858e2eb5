"""Language profiles: what each language's package answers, as (language, word, expected) tables."""

import pytest

from kg.lang import profile


@pytest.mark.parametrize(("language", "word", "before", "expected"), [
    ("kk", "кездесулер", "", True),
    ("kk", "кездесулерінде", "", True),
    ("kk", "кездесуде", "", False),
    ("kk", "кездесті", "", False),
    ("ru", "встречи", "провел", True),   # after a verb: the accusative plural
    ("ru", "встречи", "ходе", False),    # в ходе встречи: the genitive singular
    ("ru", "встреч", "ряд", True),
    ("ru", "встречах", "на", True),
    ("ru", "встреча", "", False),
    ("en", "meetings", "held", True),
    ("en", "meeting", "a", False),
    ("de", "Treffen", "", False),        # a language without a package cannot tell
])
def test_plural_nouns(language, word, before, expected):
    assert profile(language).is_plural(word, before) is expected


@pytest.mark.parametrize(("token", "name", "expected"), [
    ("Елбасанда", "Елбасан", True),
    ("Алматыда", "Алматы", True),
    ("Италияның", "Италия", True),
    ("Елбасы", "Елбасан", False),   # a shorter word is no form of the name
    ("Алматылық", "Алматы", False),  # a derived word is not the place
])
def test_kazakh_place_names_take_endings_after_their_whole_self(token, name, expected):
    assert profile("kk").forms.name_matches(token, name) is expected
