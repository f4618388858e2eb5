"""Language profiles: what each language's package answers, as (language, word, expected) tables."""

import pytest

from kg.lang import profile


@pytest.mark.parametrize(("language", "word", "before", "expected"), [
    ("kk", "кездесулер", "", True),
    ("kk", "кездесулерінде", "", True),
    ("kk", "кездесуде", "", False),
    ("kk", "кездесті", "", False),
    ("kk", "вице-министрлер", "", True),  # a compound's last part
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
    ("провинциясының", "провинция", True),    # a possessive, then a case
    ("Корольдігіндегі", "Корольдігі", True),
    ("Парламентінің", "Парла", False),  # no name + case + more endings
])
def test_kazakh_place_names_take_endings_after_their_whole_self(token, name, expected):
    assert profile("kk").forms.name_matches(token, name) is expected


@pytest.mark.parametrize(("token", "word", "expected"), [
    # a loanword's Kazakh endings drop its soft sign
    ("Королі", "король", True),
    ("королінің", "король", True),
    ("король", "король", True),
    ("Корольдігі", "король", False),  # a derived word, the kingdom
    ("елшісі", "елші", True),
])
def test_kazakh_words_and_their_forms(token, word, expected):
    forms = profile("kk").forms
    assert forms.whole_form(token, word) is expected
    assert bool(forms.keys(token) & forms.keys(word)) is expected


def test_language_codes_come_from_the_packages_in_label_order():
    from kg.lang import codes, languages

    assert set(codes()) == set(languages())
    assert codes()[0] == "kk"


@pytest.mark.parametrize(("code", "order"), [
    ("kk", ("kk", "ru", "en")),
    ("en", ("en", "ru", "kk")),
    ("xx", ("xx", "kk", "ru", "en")),  # a language with no package: itself, then every known one
])
def test_label_order(code, order):
    from kg.lang import label_order

    assert label_order(code) == order


def test_cli_language_choices_are_the_packages():
    import click

    from kg.cli import main
    from kg.lang import codes

    choices = [p.type.choices for c in main.commands.values() for p in c.params
               if p.name == "lang" and isinstance(p.type, click.Choice)]
    assert choices and all(tuple(ch) == codes() for ch in choices)


@pytest.mark.parametrize(("name", "adjective"), [
    ("Венгрия", "венгриялық"),  # after a vowel: -лық
    ("Иран", "ирандық"),        # after a sonorant: -дық
    ("Египет", "египеттік"),    # after a voiceless consonant, a front vowel: -тік
    ("Ресей", "ресейлік"),
    ("Чили", "чилилік"),
    ("Корея Республикасы", None),  # a name of several words derives none
])
def test_kazakh_derives_a_states_adjective(name, adjective):
    assert profile("kk").adjective_of_country(name) == adjective


def test_a_derived_adjective_names_its_state():
    from kg.lexicon import load_lexicon

    found = {(e.name, e.key) for e in load_lexicon().entries if e.form == "adjective" and e.language == "kk"}
    assert ("мысырлық", "EG") in found and ("қазақстандық", "KZ") in found


@pytest.mark.parametrize(("code", "word", "stem"), [
    ("ru", "губернатором", "губернатор"),
    ("ru", "посольства", "посольств"),
    ("en", "meetings", "meet"),
    ("en", "discussed", "discuss"),
])
def test_snowball_stems_come_from_the_compiled_stemmer(code, word, stem):
    """PyStemmer's compiled Snowball stemmers, which give the pure-Python ones' stems many times faster."""
    forms = profile(code).forms
    assert type(forms._stemmer).__module__ == "Stemmer"
    assert forms.stem(word) == stem


@pytest.mark.parametrize(("language", "token", "noun", "expected"), [
    ("kk", "кездесуде", "кездесу", True),
    ("kk", "кездесті", "кездесу", False),  # a verb that shares the noun's stem
    ("kk", "қабылдады", "қабылдау", False),
    ("kk", "келіссөзге", "келіссөздер", True),  # the singular of a noun written in the plural
    ("ru", "встрече", "встреча", True),
    ("en", "meetings", "meeting", True),
])
def test_noun_forms(language, token, noun, expected):
    assert profile(language).forms.noun_form(token, noun) is expected


@pytest.mark.parametrize(("language", "name", "expected"), [
    ("kk", "Қостанай облысы", "Қостанай облысының"),
    ("kk", "Жетісу өлкесі", "Жетісу өлкесінің"),
    ("kk", "Тараз", None),  # an ending no class noun has: no rule given
    ("ru", "Костанайская область", None),  # no rule
])
def test_genitive_of_a_places_name(language, name, expected):
    assert profile(language).genitive_of(name) == expected
