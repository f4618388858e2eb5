import pytest

from kg.lang import profile
from kg.morphology import dictionary_form_kk, word_matches


@pytest.mark.parametrize(("word", "person", "expected"), [
    ("Жамармен", True, "Жамар"),
    # a name made of a past verb keeps its -ды, -ді; its own case endings still go
    ("Сатыбалды", True, "Сатыбалды"),
    ("Құдайберді", True, "Құдайберді"),
    ("Сатыбалдымен", True, "Сатыбалды"),
    ("Розенблюмды", True, "Розенблюм"),
    ("Саберді", True, "Сабер"),  # too short a stem before берді for a name made of a verb
    ("Сұлтанғазиевпен", True, "Сұлтанғазиев"),
    ("Тоқаевтың", True, "Тоқаев"),
    ("Чуньлиньді", True, "Чуньлинь"),
    ("Гиогені", True, "Гиоге"),
    ("Гиоге", True, "Гиоге"),
    ("Бакрадзеге", True, "Бакрадзе"),
    ("Ямада", True, "Ямада"),
    ("Чжаомен", True, "Чжао"),
    ("Василенко", True, "Василенко"),
    # a surname's -ов lets the ending follow the root before it
    ("Есеновті", True, "Есенов"),
    ("Есеновтің", True, "Есенов"),
    ("Ахметовты", True, "Ахметов"),
    # a foreign name's final soft sign takes any form of an ending (Надьпен, Игорьді)
    ("Надьпен", True, "Надь"),
    ("Игорьді", True, "Игорь"),
    ("Гогольге", True, "Гоголь"),
    # a final и or у takes a sonorant's endings (Әлидің), not a vowel's
    ("Әл-Саниді", True, "Әл-Сани"),
    ("Шойгудың", True, "Шойгу"),
    ("Қабулдан", True, "Қабул"),
    ("Кимураны", True, "Кимура"),
    # a person takes no ending that follows a possessive only: Арын is no Ары+н
    ("Арын", True, "Арын"),
    ("Арынмен", True, "Арын"),
    # a capital vowel may be a name's word of one syllable (Ван И, Wang Yi), as a person's only
    ("Имен", True, "И"),
    ("Иге", True, "И"),
    ("Имен", False, "Имен"),
    ("Ана", True, "Ана"),
    ("Қазақстанның", False, "Қазақстан"),
    ("Португалиядағы", False, "Португалия"),
    ("Көкшетауда", False, "Көкшетау"),
    ("Toyota-мен", False, "Toyota"),
])
def test_dictionary_form(word, person, expected):
    assert dictionary_form_kk(word, person=person) == expected


WORD_MATCHES = [
    ("логистикалық", "логистика", "kk", True, True),
    ("сумен", "су", "kk", True, True),
    ("сурет", "су", "kk", True, False),
    ("газет", "газ", "kk", True, False),
    ("Елшісі", "елші", "kk", False, True),
    ("губернаторы", "губернатор", "kk", False, True),
    ("әкімдігінің", "әкім", "kk", False, False),
    ("аймағы", "аймақ", "kk", False, True),
    # қ, к are written ғ, г before a vowel ending only: a word that ends in г with none is no form of one in к
    ("гректерімен", "грек", "kk", False, True),
    ("грегі", "грек", "kk", False, True),
    ("Грег", "грек", "kk", False, False),
    ("Грегпен", "грек", "kk", False, False),
    ("торгово", "торговля", "ru", True, True),
    ("торгово", "торговля", "ru", False, False),
    ("George", "Georgia", "en", False, False),
    ("directions", "director", "en", True, False),
    ("губернатором", "губернатор", "ru", False, True),
    ("reforms", "reform", "en", False, True),
    # a verb cue in the past tense matches its converb and participle, not its negation or a noun of its stem
    ("кездесіп", "кездесті", "kk", False, True),
    ("кездескеннен", "кездесті", "kk", False, True),
    ("қабылдап", "қабылдады", "kk", False, True),
    ("жолығып", "жолықты", "kk", False, True),
    ("қабылдамады", "қабылдады", "kk", False, False),
    ("жолы", "жолықты", "kk", False, False),
    ("болып", "болды", "kk", False, False),
    # a verbal noun cue matches the verb's forms, not its negation
    ("қарастырды", "қарастыру", "kk", False, True),
    ("талқылап", "талқылау", "kk", False, True),
    ("дамытқан", "дамыту", "kk", False, True),
    ("қарастырмады", "қарастыру", "kk", False, False),
    ("сусыз", "су", "kk", False, False),
    ("встретились", "встретиться", "ru", False, True),
    ("Китая", "Китай", "ru", False, True),
    ("Discussed", "discuss", "en", False, True),
]


@pytest.mark.parametrize(("token", "cue", "language", "derivation", "expected"), WORD_MATCHES)
def test_word_matches(token, cue, language, derivation, expected):
    assert word_matches(token, cue, language, derivation=derivation) is expected


@pytest.mark.parametrize(("token", "cue", "language", "expected"),
                         [(t, c, lang, e) for t, c, lang, d, e in WORD_MATCHES if not d])
def test_a_token_shares_a_key_with_each_cue_it_matches(token, cue, language, expected):
    forms = profile(language).forms
    assert bool(forms.token_keys(token) & forms.cue_keys(cue)) or not expected
