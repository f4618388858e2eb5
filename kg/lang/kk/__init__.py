"""Kazakh: case endings mark the parts of a post phrase; reports are Kazakhstani press."""

import re
from pathlib import Path

from kg.lang import Case, Language, read_days, read_pairs, read_particles

PROFILE = Language(
    code="kk",
    label_rank=0,
    label_fallback=("ru", "en"),
    home_country="KZ",
    case_endings=(
        (Case.LOCATIVE_ATTRIBUTE, re.compile(r"(?:дағы|дегі|тағы|тегі|ндағы|ндегі)$", re.IGNORECASE)),
        (Case.GENITIVE, re.compile(r"(?:ның|нің|дың|дің|тың|тің)$", re.IGNORECASE)),
        (Case.INSTRUMENTAL, re.compile(r"(?:мен|бен|пен)$", re.IGNORECASE)),
        (Case.LOCATIVE, re.compile(r"(?:да|де|та|те|нда|нде)$", re.IGNORECASE)),
        (Case.DATIVE, re.compile(r"(?:ға|ге|қа|ке|на|не)$", re.IGNORECASE)),
        # the first person plural's possessive, a case ending after it or none (Елшіміз, Елшімізбен, Консулымыздың)
        (Case.OURS, re.compile(r"(?:ымыз|іміз|мыз|міз)(?:\w{0,4})$", re.IGNORECASE)),
    ),
    days=read_days(Path(__file__).parent / "days.tsv"),
    name_particles=read_particles(Path(__file__).parent / "particles.tsv"),
    name_prefixes=read_particles(Path(__file__).parent / "particles.tsv", "prefix"),
    name_inner_particles=read_particles(Path(__file__).parent / "particles.tsv", "inner"),
    lemmatiser="kg.lang.kk.words:lemmas",
    cue_bases="kg.lang.kk.words:possessive_bases",
    tagger="kg.ner:kaznerd_proposals",
    word_forms="kg.lang.kk.forms:KazakhForms",
    plural="kg.lang.kk.forms:plural",
    nominative="kg.lang.kk.forms:nominative",
    genitive="kg.lang.kk.forms:genitive",
    common_word="kg.lang.kk.forms:common_word",
    ministry="kg.lang.kk.ministries:ministry",
    honorific_after_name=True,
    borrowed_country_names=("ru",),
    state_name_words=read_pairs(Path(__file__).parent / "state_names.tsv"),
    country_adjective="kg.lang.kk.countries:country_adjective",
)
