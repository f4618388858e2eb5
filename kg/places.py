"""Places as lexicon entries: the hand list ``places.tsv`` merged with the derived ``gazetteer.tsv``.

A name several places share names the largest (or a region that outranks a city); the others are
``homonyms.tsv``'s, found where a state's name before them says which is meant.

One place is one key: a hand place that ``place_ids.tsv`` maps to an ISO 3166-2 code, or that shares
a name with a gazetteer place of its country, takes the gazetteer's id (``KZ-19``, ``geonames:1526384``).
The hand list wins: its names come first and are the labels; a gazetteer name that another place
(or a country) already has is not added. The gazetteer's first name of each language is a label
where the hand list has none; its other names are spellings the matcher finds (form ``variant``).
"""

from __future__ import annotations

from collections import defaultdict

from kg.files import LEXICON_DIR
from kg.lexicon import LANGUAGES, Entry, PlaceInfo, _rows, _words

GAZETTEER_COLUMNS = 10


def load_places(entries: list[Entry]) -> tuple[PlaceInfo, ...]:
    """Add every place name to ``entries`` (which already holds the countries); the places' identifiers."""
    hand = _rows(LEXICON_DIR / "places.tsv", 5)
    gazetteer = _rows(LEXICON_DIR / "gazetteer.tsv", GAZETTEER_COLUMNS)
    by_id = {row[0]: row for row in gazetteer}
    by_iso = {row[3]: row[0] for row in gazetteer if row[3]}
    same = {k: by_iso.get(v, v) for k, v in _rows(LEXICON_DIR / "place_ids.tsv", 2)}
    hand_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    hand_rows = {}
    for key, subtype, country, language, name in hand:
        hand_names[key].append((language, name))
        hand_rows[key] = (subtype, country)
    # A hand place is the gazetteer place of its country and type that has one of its names.
    wanted = {(hand_rows[key][1], hand_rows[key][0], _key(n)): key for key in hand_rows
              for _, n in hand_names[key] if key not in same}
    countries = {country for country, _, _ in wanted}
    twins: dict[str, str] = {}
    for row in gazetteer:
        if row[2] in countries:
            for name in "|".join(row[7:]).split("|"):
                hand_key = wanted.get((row[2], row[1], _key(name)))
                if hand_key:
                    twins.setdefault(hand_key, row[0])
    key_of = {}
    for key in hand_rows:
        twin = same.get(key) or twins.get(key)
        key_of[key] = twin if twin in by_id else key

    taken = {_key(e.name): e.key for e in entries}
    for key, (subtype, country) in hand_rows.items():
        for language, name in hand_names[key]:
            entries.append(Entry(key_of[key], "place", subtype, country or None, language, name, _words(name)))
            taken.setdefault(_key(name), key_of[key])
    labelled = {(e.key, e.language) for e in entries if e.kind == "place"}
    info = []
    for row in gazetteer:
        key, subtype, country, iso, geonames, lat, lon = row[:7]
        for language, cell in zip(LANGUAGES, row[7:], strict=True):
            for n, name in enumerate(cell.split("|") if cell else ()):
                if taken.setdefault(_key(name), key) != key:
                    continue
                form = "name" if n == 0 and (key, language) not in labelled else "variant"
                entries.append(Entry(key, "place", subtype, country or None, language, name, _words(name), form,
                                     derived=True))
        info.append(PlaceInfo(key, iso or None, geonames or None, float(lat) if lat else None,
                              float(lon) if lon else None))
    return tuple(info)


def load_homonyms() -> tuple[list[Entry], list[PlaceInfo]]:
    """The places ``homonyms.tsv`` lists, each with the names a larger place took from it: entries the names
    matcher does not find, but a state's name before them picks (``Lexicon.homonym``)."""
    entries, info = [], []
    for row in _rows(LEXICON_DIR / "homonyms.tsv", GAZETTEER_COLUMNS + 1):
        key, subtype, country, _, geonames, lat, lon = row[:7]
        # A true namesake loses its name in English too (Valencia); a Cyrillic name alone lost is an odd alternate
        # of GeoNames that another place has, no label (Калькутта for Kozhikode).
        labels = row[-1].split() if "en" in row[-1].split() else []
        for language, cell in zip(LANGUAGES, row[7:-1], strict=True):
            entries.extend(Entry(key, "place", subtype, country or None, language, name, _words(name),
                                 "name" if n == 0 and language in labels else "homonym", derived=True)
                           for n, name in enumerate(cell.split("|") if cell else ()))
        info.append(PlaceInfo(key, None, geonames or None, float(lat) if lat else None, float(lon) if lon else None))
    return entries, info


def _key(name: str) -> str:
    """A cheap comparison key for names (``fold`` less its regular expressions)."""
    return name.casefold().replace("ё", "е").replace("-", " ")
