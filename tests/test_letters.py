"""Look-alike letters: a Cyrillic word typed with Latin letters that look like Cyrillic ones is read in Cyrillic;
anything else stays as written, and every offset with it."""

import pytest

from kg.letters import clean, fold_homoglyphs

# Latin letters spelled out, so that the table says which letters are Latin.
LA, LI, LO, LE = "a", "i", "o", "e"


@pytest.mark.parametrize(("text", "expected"), [
    (f"Қ{LA}з{LA}қст{LA}н", "Қазақстан"),                 # Latin a's in a Kazakh word
    (f"Ресейд{LI}ң", "Ресейдің"),                        # a Latin i for the Kazakh і
    (f"М{LO}сква", "Москва"),
    (f"Елш{LI} Қ{LA}з{LA}қст{LA}н", "Елші Қазақстан"),   # word by word
    ("ICTтің", "ICTтің"),                               # a Latin name with a Cyrillic case ending
    ("Siemensтің", "Siemensтің"),
    (f"Жапони{LE}sq", f"Жапони{LE}sq"),                    # a Latin letter that looks like no Cyrillic one: as written
    ("Toyota and Астана", "Toyota and Астана"),         # one script in each word: as written
    ("", ""),
])
def test_clean(text, expected):
    cleaned = clean(text)
    assert cleaned == expected and len(cleaned) == len(text)


@pytest.mark.parametrize(("word", "expected"), [
    (f"Қ{LA}з{LA}қ", "Қазақ"),
    ("Paris", "Paris"),
    ("Париж", "Париж"),
])
def test_fold_homoglyphs(word, expected):
    assert fold_homoglyphs(word) == expected
