"""English: prepositions mark the parts of a post phrase; reports come from anywhere.

The named-entity recogniser (``ner``) and its word lists live here too."""

from pathlib import Path

from kg.lang import Language, read_days, read_particles

PROFILE = Language(
    code="en",
    label_rank=2,
    label_fallback=("ru", "kk"),
    in_prepositions=frozenset({"to", "in", "at"}),
    determiners=frozenset({"the", "a", "an"}),
    place_classes=frozenset({"city", "town", "village"}),
    day_after_month=True,
    days=read_days(Path(__file__).parent / "days.tsv"),
    name_particles=read_particles(Path(__file__).parent / "particles.tsv"),
    name_prefixes=read_particles(Path(__file__).parent / "particles.tsv", "prefix"),
    lemmatiser="kg.lang.en.words:lemmas",
    tagger="kg.lang.en.ner:mentions",
    common_word="kg.lang.en.ner:common_word",
    common_words_unnamed=True,
    snowball="english",
    word_forms="kg.lang.en.forms:EnglishForms",
    nominative="kg.lang.en.forms:nominative",
    plural="kg.lang.en.forms:plural",
    ministry="kg.lang.en.ministries:ministry",
    country_adjective="kg.lang.en.countries:country_adjective",
    script="latin",
    title_case_heads=True,
    possessive_endings=frozenset({"'s", "’s"}),
)
