"""Mentions → entities: one node per real person, place or organization, with every label.

Inside a report, a person's short forms (Р.Василенко, Э. Жамар) and bare surnames join the
full name they abbreviate, and a one-word organization or place joins the longer name it is the
head of (Сенат → Парламент Сенаты). Across reports, entities with the same key merge, and a person
known only by an initial joins the one full-named person it fits.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from kg.lexicon import Lexicon
from kg.model import Entity, Label, Mention, MentionKind
from kg.morphology import kk_stems
from kg.text import fold

INITIAL = re.compile(r"^\w\.$")
ENTITY_KINDS = (MentionKind.PERSON, MentionKind.COUNTRY, MentionKind.PLACE, MentionKind.ORGANIZATION)


def person_parts(name: str) -> tuple[tuple[str, ...], str]:
    """(given names or initials, surname), folded: ``Р. Василенко`` → (("р",), "василенко")."""
    words = [w for w in re.split(r"[\s.]+", fold(name.replace(".", ". "))) if w]
    if not words:
        return (), ""
    return tuple(words[:-1]), words[-1]


def compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names fit when one side is empty or their first letters agree."""
    if not a or not b:
        return True
    return a[0][0] == b[0][0] and (len(a[0]) == 1 or len(b[0]) == 1 or a[0] == b[0])


def _full(given: tuple[str, ...]) -> bool:
    return bool(given) and len(given[0]) > 1


def resolve(mentions: Sequence[Mention], *, language: str, lexicon: Lexicon) -> tuple[
        tuple[Entity, ...], dict[Mention, str]]:
    """Entities of one report and the entity key each name mention points to."""
    key_of: dict[Mention, str] = {}
    labels: dict[str, list[Label]] = defaultdict(list)
    kinds: dict[str, tuple[str, str | None, str | None]] = {}
    owned: dict[str, list[Mention]] = defaultdict(list)

    persons = [m for m in mentions if m.kind == MentionKind.PERSON]
    for key, group in _person_groups(persons).items():
        for m in group:
            key_of[m] = key
            owned[key].append(m)
            labels[key].append(Label(m.value, language))
        kinds[key] = (MentionKind.PERSON, None, None)

    for m in mentions:
        if m.kind == MentionKind.COUNTRY:
            key = f"country:{m.value}"
            kinds[key] = (MentionKind.COUNTRY, "country", m.value)
            labels[key].extend(lexicon.country_labels(m.value))
        elif m.kind in (MentionKind.PLACE, MentionKind.ORGANIZATION):
            known = lexicon.entry_labels(m.value)
            prefix = "place" if m.kind == MentionKind.PLACE else "org"
            if known:
                key = f"{prefix}:{m.value}"
                labels[key].extend(known)
                country = lexicon.entry_country(m.value)
            else:
                names = m.value.split("\t")
                key = f"{prefix}:{fold(names[0])}"
                labels[key].extend(Label(n, language) for n in names)
                country = None
            kinds[key] = (m.kind, m.subtype, country)
        else:
            continue
        key_of[m] = key
        owned[key].append(m)

    for short, full in _short_names(kinds, labels, language).items():
        labels[full].extend(labels.pop(short))
        owned[full].extend(owned.pop(short))
        for m in owned[full]:
            key_of[m] = full
        del kinds[short]

    entities = []
    for key, (kind, subtype, country) in kinds.items():
        entities.append(Entity(key=key, kind=kind, labels=tuple(dict.fromkeys(_ordered(labels[key]))),
                               subtype=subtype, country_code=country, mentions=tuple(owned[key])))
    return tuple(sorted(entities, key=lambda e: e.key)), key_of


def _short_names(kinds: dict[str, tuple[str, str | None, str | None]], labels: dict[str, list[Label]],
                 language: str) -> dict[str, str]:
    """Organization or place keys whose name is a short form of one longer name of the same kind.

    An organization by the last word of its name, which may carry the possessive of a compound
    (Сенат, Парламент Сенаты); a place of unknown type by its name without the head noun (Льеж,
    Льеж провинциясы).
    A short form that fits two longer names stays apart.
    """
    def short_forms(kind: str, text: str) -> set[str]:
        words = text.split()
        if len(words) < 2:
            return set()
        if kind == MentionKind.PLACE:
            return {fold(" ".join(words[:-1]))}
        last = words[-1]
        return {fold(last)} | ({fold(x) for x in kk_stems(last)} if language == "kk" else set())

    forms = {key: set().union(*(short_forms(kind, label.text) for label in labels[key]))
             for key, (kind, *_rest) in kinds.items() if kind in (MentionKind.ORGANIZATION, MentionKind.PLACE)}
    out: dict[str, str] = {}
    for key in forms:
        names = {fold(label.text) for label in labels[key]}
        kind, subtype, _country = kinds[key]
        if not names or (kind == MentionKind.ORGANIZATION and any(" " in n for n in names)):
            continue
        if kind == MentionKind.PLACE and subtype is not None:
            continue  # a place of known type keeps it: the city of Алматы is not Алматы облысы
        longer = {other for other in forms if other != key and kinds[other][0] == kinds[key][0]
                  and forms[other] & names and not names & {fold(label.text) for label in labels[other]}}
        if len(longer) == 1:
            out[key] = longer.pop()
    return out


def _ordered(labels: list[Label]) -> list[Label]:
    """Full names before short forms, so that the first label is the dictionary form."""
    def rank(label: Label) -> tuple[int, int]:
        given, _ = person_parts(label.text)
        return (0 if _full(given) else 1, -len(label.text))
    return sorted(labels, key=rank) if labels else labels


def _person_groups(persons: Sequence[Mention]) -> dict[str, list[Mention]]:
    """Group a report's person mentions by surname, short forms joining the full name."""
    by_surname: dict[str, list[Mention]] = defaultdict(list)
    for m in persons:
        _, surname = person_parts(m.value)
        by_surname[surname].append(m)
    out: dict[str, list[Mention]] = {}
    for group in by_surname.values():
        fulls: dict[tuple[str, ...], list[Mention]] = {}
        rest: list[Mention] = []
        for m in group:
            given, _ = person_parts(m.value)
            if _full(given):
                fulls.setdefault(given[:1], []).append(m)
            else:
                rest.append(m)
        if not fulls:
            initials: dict[str, list[Mention]] = defaultdict(list)
            for m in rest:
                given, _ = person_parts(m.value)
                initials[given[0][0] if given else ""].append(m)
            # a bare surname joins the one initial form it can
            bare = initials.pop("", [])
            if len(initials) == 1 or not initials:
                only = next(iter(initials), "")
                initials[only].extend(bare)
            else:
                initials[""] = bare
            for ms in initials.values():
                if ms:
                    out[_person_key(ms)] = ms
            continue
        for ms in fulls.values():
            out.setdefault(_person_key(ms), []).extend(ms)
        for m in rest:
            given, _ = person_parts(m.value)
            fits = [g for g in fulls if compatible(given, g)]
            target = fits[0] if fits else next(iter(fulls))
            out[_person_key(fulls[target])].append(m)
    return out


def _person_key(ms: Sequence[Mention]) -> str:
    best = sorted(ms, key=lambda m: (not _full(person_parts(m.value)[0]), -len(m.value)))[0]
    given, surname = person_parts(best.value)
    return "person:" + " ".join((*given[:1], surname))


def merge(entities: Iterable[Entity]) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Merge the entities of many reports: same key, or a short-form person fitting one full name.

    Returns the merged entities and a map from every original key to its merged key.
    """
    by_key: dict[str, Entity] = {}
    for e in entities:
        if e.key in by_key:
            old = by_key[e.key]
            by_key[e.key] = replace(old, labels=tuple(dict.fromkeys(old.labels + e.labels)),
                                    mentions=old.mentions + e.mentions,
                                    country_code=old.country_code or e.country_code,
                                    subtype=old.subtype or e.subtype)
        else:
            by_key[e.key] = e
    redirect = {k: k for k in by_key}
    persons = [e for e in by_key.values() if e.kind == MentionKind.PERSON]
    full_by_surname: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for e in persons:
        given, surname = person_parts(e.key.removeprefix("person:"))
        if _full(given):
            full_by_surname[surname].append((given, e.key))
    _merge_across_scripts(by_key, redirect)
    persons = [e for e in by_key.values() if e.kind == MentionKind.PERSON]
    for e in persons:
        given, surname = person_parts(e.key.removeprefix("person:"))
        if _full(given):
            continue
        fits = [k for g, k in full_by_surname.get(surname, []) if compatible(given, g)]
        if len(fits) == 1:
            target = by_key[fits[0]]
            by_key[fits[0]] = replace(target, labels=tuple(dict.fromkeys(target.labels + e.labels)),
                                      mentions=target.mentions + e.mentions)
            redirect[e.key] = fits[0]
            del by_key[e.key]
    return tuple(sorted(by_key.values(), key=lambda e: e.key)), redirect


SKELETON_PAIRS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("q", "k"),
                  ("w", "v"), ("x", "ks"), ("ph", "f"))
CYRILLIC_LETTER = re.compile(r"[\u0400-\u04FF]")


def skeleton(name: str) -> str:
    """A spelling-blind key of a name: transliterated, digraphs folded, vowels and doubles dropped.

    ``Даниал Ахметов`` and ``Danial Akhmetov`` share it; so do ``Жеңіс`` and ``Zhenis``.
    """
    text = _ascii(name)
    for a, b in SKELETON_PAIRS:
        text = text.replace(a, b)
    words = []
    for w in re.findall(r"[a-z]+", text):
        core = w[0] + re.sub(r"[aeiouyh]", "", w[1:])
        words.append(re.sub(r"(.)\1+", r"\1", core))
    return " ".join(words)


def _merge_across_scripts(by_key: dict[str, Entity], redirect: dict[str, str]) -> None:
    """A person written in Cyrillic in one report and in Latin letters in another is one person."""
    persons = [e for e in by_key.values() if e.kind == MentionKind.PERSON]
    latin: dict[str, list[Entity]] = defaultdict(list)
    for e in persons:
        if not CYRILLIC_LETTER.search(e.name) and _full(person_parts(e.name)[0]):
            latin[skeleton(e.name)].append(e)
    for e in persons:
        if not CYRILLIC_LETTER.search(e.name) or not _full(person_parts(e.name)[0]) or e.key not in by_key:
            continue
        matches = [m for m in latin.get(skeleton(e.name), []) if m.key in by_key]
        if len(matches) != 1:
            continue
        other = matches[0]
        by_key[e.key] = replace(e, labels=tuple(dict.fromkeys(e.labels + other.labels)),
                                mentions=e.mentions + other.mentions)
        del by_key[other.key]
        for k, v in redirect.items():
            if v == other.key:
                redirect[k] = e.key


def stable_id(key: str) -> str:
    """A short, stable, IRI-safe id for an entity key: an ASCII slug and a hash of the key."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(key.split(":", 1)[-1]).lower()).strip("-")[:40]
    return f"{slug}-{digest}" if slug else digest


CYR_TO_LAT = str.maketrans({
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
})


def _ascii(text: str) -> str:
    import unicodedata

    text = text.lower().translate(CYR_TO_LAT)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
