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
