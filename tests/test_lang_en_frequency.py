"""kg.lang.en.frequency: wordfreq's English Zipf frequencies, read from the file derived from it."""

import pytest

from kg.lang.en import frequency
from kg.lang.en.frequency import FREQUENT_ZIPF, zipf
from kg.lang.en.ministries import FIELD_ZIPF
from kg.lang.en.ner import COMMON_ZIPF, common_word


@pytest.mark.parametrize(("word", "expected"), [
    ("the", True),
    ("regional", True),
    ("fisheries", True),
    ("szijjarto", False),  # a name: below the table's least frequency
    ("kazakhstan's", False),  # not a word of letters only
    ("2016", False),
])
def test_the_table_holds_the_frequent_words_of_letters(word, expected):
    assert (zipf(word) >= FREQUENT_ZIPF) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("Regional", True),
    ("Members", True),
    ("Grace", False),  # a given name, though a common word
    ("Tokayev", False),
    ("Al-Farabi", False),  # wordfreq reads such a word as common pieces
])
def test_common_words_are_frequent_and_not_given_names(word, expected):
    assert common_word(word) == expected


def test_every_threshold_asked_for_is_in_the_table():
    assert min(COMMON_ZIPF, FIELD_ZIPF) >= FREQUENT_ZIPF


def test_the_table_is_what_wordfreq_gives(tmp_path):
    wordfreq = pytest.importorskip("wordfreq")
    written = frequency.write_frequent_words(tmp_path / "frequent_words.tsv")
    assert written.read_bytes() == frequency.DATA_FILE.read_bytes()
    for word in ("the", "regional", "fisheries", "ecology", "agriculture", "ambassador", "faisal", "thani"):
        expected = wordfreq.zipf_frequency(word, "en")
        assert zipf(word) == (expected if expected >= FREQUENT_ZIPF else 0.0)


def test_an_english_report_is_read_without_wordfreq():
    import subprocess
    import sys

    code = ("import sys\n"
            "from kg.pipeline import extract\n"
            "from kg.reports import parse_report\n"
            "extract(parse_report('t.txt', 'The Minister of Ecology Mr. John Smith met Ambassador Ruslan Bekov in "
            "Astana. They discussed regional trade.'))\n"
            "print('wordfreq' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
