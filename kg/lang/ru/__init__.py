"""Russian: prepositions mark the parts of a post phrase; reports are Kazakhstani press.

Names come from natasha's news tagger (``ner``) and go to the nominative with pymorphy3 (``morph``).
"""

from pathlib import Path

from kg.lang import Language, read_days, read_particles

PROFILE = Language(
    code="ru",
    label_rank=1,
    label_fallback=("kk", "en"),
    home_country="KZ",
    in_prepositions=frozenset({"в", "во", "при", "на"}),
    place_classes=frozenset({"г.", "г", "город", "городе", "города", "с.", "село", "селе", "пос.", "поселке",
                             "посёлке"}),
    days=read_days(Path(__file__).parent / "days.tsv"),
    name_particles=read_particles(Path(__file__).parent / "particles.tsv"),
    name_prefixes=read_particles(Path(__file__).parent / "particles.tsv", "prefix"),
    lemmatiser="kg.lang.ru.words:lemmas",
    tagger="kg.lang.ru.ner:mentions",
    nominative="kg.lang.ru.morph:nominative",
    common_word="kg.lang.ru.morph:common_word",
    common_words_unnamed=True,
    snowball="russian",
    word_forms="kg.lang.ru.forms:RussianForms",
    plural="kg.lang.ru.morph:plural",
    future="kg.lang.ru.morph:future",
    passive="kg.lang.ru.morph:passive",
    genitive_name="kg.lang.ru.morph:genitive_name",
    name_outside="kg.lang.ru.morph:words_outside_name",
    genitive_post="kg.lang.ru.morph:genitive_only",
    ministry="kg.lang.ru.ministries:ministry",
    body="kg.lang.ru.bodies:body",
    place_adjective="kg.lang.ru.places:adjective_bases",
    derived_cues=True,
    name_words_decline=True,
)
