"""Mentions → entities: one node per real person, place or organization, with every label.

Inside a report, a person's short forms (Р.Василенко, Э. Жамар) and bare surnames join the
full name they abbreviate, and a one-word organization or place joins the longer name it is the
head of (Сенат → Парламент Сенаты). Across reports they merge in ``kg.merging``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from kg.lang import profile
from kg.lexicon import Lexicon
from kg.model import EPONYM, Entity, JoinRule, Label, Mention, MentionKind
from kg.names import PersonName, is_patronymic, parse, patronymic_key
from kg.org_keys import acronym_of, is_acronym, org_key
from kg.text import fold

CYRILLIC = re.compile(r"[\u0400-\u04ff]")

ENTITY_KINDS = (MentionKind.PERSON, MentionKind.COUNTRY, MentionKind.PLACE, MentionKind.ORGANIZATION)
# The letters a case ending may change at the end of a word of a name of several words (Кемеровская, Кемеровской).
ENDING_LETTERS = 2
# The kinds of place a body's name may open with to say its state (a town's university, a region's port).
SEAT_TYPES = frozenset({"city", "region"})
# Words that join a state's name to a body's (Ministry of Energy of the Republic of Kazakhstan, Kazakhstan's Ministry).
STATE_LINKS = frozenset({"of", "the", "'s", "’s", "s"})


def resolve(mentions: Sequence[Mention], *, language: str, lexicon: Lexicon) -> tuple[
        tuple[Entity, ...], dict[Mention, str]]:
    """Entities of one report and the entity key each name mention points to."""
    key_of: dict[Mention, str] = {}
    labels: dict[str, list[Label]] = defaultdict(list)
    kinds: dict[str, tuple[str, str | None, str | None]] = {}
    owned: dict[str, list[Mention]] = defaultdict(list)
    gazetteer: set[str] = set()  # the keys of places and bodies the gazetteer knows

    joins: dict[str, list[tuple[str, str]]] = defaultdict(list)
    persons = [m for m in mentions if m.kind == MentionKind.PERSON]
    groups, why = _person_groups(persons)
    for key, group in groups.items():
        joins[key].extend((JoinRule.name_part(m.value), why[m.value]) for m in group if m.value in why)
        for m in group:
            key_of[m] = key
            owned[key].append(m)
            if why.get(m.value) != JoinRule.CASE_FORM:  # a case form is no name of the person's
                labels[key].append(Label(m.value, language))
        kinds[key] = (MentionKind.PERSON, person_subtype(m.subtype for m in group), None)

    # the states the report names, and its language's home state
    states = {m.value for m in mentions if m.kind == MentionKind.COUNTRY} | {profile(language).home_country}
    for m in mentions:
        if m.kind == MentionKind.COUNTRY:
            key = f"country:{m.value}"
            kinds[key] = (MentionKind.COUNTRY, "country", m.value)
            labels[key].extend(lexicon.country_labels(m.value))
        elif m.kind in (MentionKind.PLACE, MentionKind.ORGANIZATION):
            value = m.value
            if m.kind == MentionKind.PLACE and not lexicon.entry_labels(value):
                # A place the rules read by its name alone (a tagged one, a head pattern) that the
                # gazetteer knows under that name is the gazetteer's place.
                value = _known_place(value.split("\t")[0], m.subtype, language, lexicon) or value
            known = lexicon.entry_labels(value)
            prefix = "place" if m.kind == MentionKind.PLACE else "org"
            subtype = m.subtype
            if known:
                key = f"{prefix}:{value}"
                gazetteer.add(key)
                labels[key].extend(known)
                country = lexicon.entry_country(value)
                subtype = subtype or lexicon.entry_subtype(value)
                joins[key].append((JoinRule.name_part(m.value), JoinRule.GAZETTEER))
            else:
                names = m.value.split("\t")
                translated = org_key(names[0]) if m.kind == MentionKind.ORGANIZATION else None
                key = f"{prefix}:{translated or fold(names[0])}"
                labels[key].extend(Label(n, language) for n in names)
                # a region named after a known town (Osaka Prefecture, Омбы облысы) lies in the town's state, and a
                # body named by a town or region (Қарағанды техникалық университеті, Актауский порт) is of its state
                namesake = _namesake(names[0], language, lexicon) if m.kind == MentionKind.PLACE else \
                    _seat(names[0], language, lexicon)
                country = lexicon.entry_country(namesake) if namesake else None
                if m.kind == MentionKind.ORGANIZATION and country not in states:
                    country = None  # a town's namesake in a state the report does not name (Valencia's chamber)
            if key not in kinds or kinds[key][1] is None:
                kinds[key] = (m.kind, subtype, country)
        else:
            continue
        key_of[m] = key
        owned[key].append(m)

    shorts = {short: (full, JoinRule.ACRONYM) for short, full in acronyms(kinds, labels).items()}
    shorts.update((short, (full, JoinRule.HEAD)) for short, full in _short_names(kinds, labels, language).items()
                  if short not in shorts and full not in shorts)
    shorts.update((short, (full, JoinRule.STATE_LEFT_OUT)) for short, full in _stateless_names(
        kinds, labels, mentions).items() if short not in shorts and full not in shorts)
    shorts.update((form, (name, JoinRule.CASE_FORM)) for form, name in _case_forms(
        kinds, labels, language, gazetteer).items() if form not in shorts and name not in shorts)
    for short, (full, rule) in shorts.items():
        joins[full].extend((JoinRule.name_part(m.value), rule) for m in owned[short])
        joins[full].extend(joins.pop(short, []))
        forms = labels.pop(short)
        if rule != JoinRule.CASE_FORM:  # a case form is no name of the place's
            labels[full].extend(forms)
        owned[full].extend(owned.pop(short))
        for m in owned[full]:
            key_of[m] = full
        del kinds[short]

    entities = []
    for key, (kind, subtype, country) in kinds.items():
        named = _usual_first(labels[key], owned[key], language) if key in gazetteer else _ordered(
            labels[key], owned[key], language)
        entities.append(Entity(key=key, kind=kind, labels=tuple(named),
                               subtype=subtype, country_code=country, mentions=tuple(owned[key]),
                               joins=tuple(dict.fromkeys(joins[key]))))
    return tuple(sorted(entities, key=lambda e: e.key)), key_of


def _known_place(name: str, subtype: str | None, language: str, lexicon: Lexicon) -> str | None:
    """The gazetteer's place by its name, or by the name without the head noun the text added to it
    (Shaanxi Province, провинция Анкара) when the place is of the head's type."""
    found = lexicon.place_named(name)
    words = name.split()
    if found or len(words) < 2:
        return found
    heads = {fold(h.word) for h in lexicon.heads_for(language) if h.kind == "place"}
    for head, rest in ((words[-1], words[:-1]), (words[0], words[1:])):
        if fold(head) in heads:
            found = lexicon.place_named(" ".join(rest), subtype)
            if found:
                return found
    return None


def _namesake(name: str, language: str, lexicon: Lexicon) -> str | None:
    """The known place an unknown one is named after: Osaka of Osaka Prefecture, Омбы of Омбы облысы, Омск of
    Омская область (by the language's relational adjectives)."""
    found = _known_place(name, None, language, lexicon)
    if found:
        return found
    words = name.split()
    return _adjective_place(words[0], language, lexicon) if len(words) == 2 else None


def _adjective_place(word: str, language: str, lexicon: Lexicon) -> str | None:
    """The known place a word is the relational adjective of (Омская: Омск; Кызылординский: Кызылорда)."""
    return next((k for base in profile(language).adjective_bases(word) if (k := lexicon.place_named(base))), None)


def _seat(name: str, language: str, lexicon: Lexicon) -> str | None:
    """The known town or region a body's name opens with, as written or as its relational adjective (Кызылординский
    университет: Кызылорда)."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    found = lexicon.place_named(words[0]) or _adjective_place(words[0], language, lexicon)
    return found if found and lexicon.entry_subtype(found) in SEAT_TYPES else None


def acronyms(kinds: dict[str, tuple[str, str | None, str | None]], labels: dict[str, list[Label]]) -> dict[str, str]:
    """Organization keys named by an acronym only (ҚазҰУ, KazNU) and the one longer organization name of
    the report it abbreviates (Әл-Фараби атындағы Қазақ ұлттық университеті)."""
    orgs = [k for k, (kind, *_rest) in kinds.items() if kind == MentionKind.ORGANIZATION]
    out: dict[str, str] = {}
    for key in orgs:
        acronyms = {label.text for label in labels[key]}
        if not acronyms or not all(is_acronym(a) for a in acronyms):
            continue
        longer = {other for other in orgs if other != key
                  and any(acronym_of(a, label.text) for a in acronyms for label in labels[other]
                          if not is_acronym(label.text))}
        if len(longer) == 1:
            out[key] = longer.pop()
    return out


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
        return set(profile(language).forms.short_forms(last))

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


def _case_forms(kinds: dict[str, tuple[str, str | None, str | None]], labels: dict[str, list[Label]], language: str,
                known: set[str]) -> dict[str, str]:
    """Place keys of no known place named by one word that is another case of one other place's name in the report:
    ``Чиангмая`` and ``Чиангмай`` (the lemmatiser read the genitive as a nominative of its own)."""
    lang = profile(language)
    places = {k: {fold(lb.text) for lb in labels[k]} for k, (kind, _subtype, _country) in kinds.items()
              if kind == MentionKind.PLACE}
    by_name: dict[str, set[str]] = defaultdict(set)
    for key, names in places.items():
        for name in names:
            by_name[name].add(key)
    out: dict[str, str] = {}
    for key, names in places.items():
        if key in known or any(" " in n for n in names):
            continue
        found = {other for lb in labels[key] for lemma in lang.lemmas(lb.text) if lemma not in names
                 for other in by_name.get(lemma, ()) if other != key}
        if len(found) == 1:
            out[key] = found.pop()
    return {form: name for form, name in out.items() if out.get(name) != form}


def _stateless_names(kinds: dict[str, tuple[str, str | None, str | None]], labels: dict[str, list[Label]],
                     mentions: Sequence[Mention]) -> dict[str, str]:
    """Organization keys of no state whose name is the name of one other body of the report without the state's
    name written in it: ``Энергетика министрлігі`` and ``Қазақстан Республикасының Энергетика министрлігі``,
    ``Министерство энергетики`` and ``Министерство энергетики Республики Казахстан``, ``Ministry of Energy`` and
    ``Ministry of Energy of the Republic of Kazakhstan``. A name that fits two bodies (two states' ministries of one
    name) stays apart."""
    states = {fold(m.text) for m in mentions if m.kind == MentionKind.COUNTRY}
    if not states:
        return {}
    orgs = [k for k, (kind, _subtype, _country) in kinds.items() if kind == MentionKind.ORGANIZATION]
    without: dict[str, set[str]] = {}  # a body's names with a state's name taken out
    for key in orgs:
        for label in labels[key]:
            words = fold(label.text).split()
            for state in states:
                cut = state.split()
                for i in range(len(words) - len(cut) + 1):
                    if words[i:i + len(cut)] == cut:
                        rest = [*_trimmed(words[:i], end=True), *_trimmed(words[i + len(cut):], end=False)]
                        if rest:
                            without.setdefault(key, set()).add(" ".join(rest))
    out: dict[str, str] = {}
    for key in orgs:
        if kinds[key][2] is not None:
            continue
        names = {fold(label.text) for label in labels[key]}
        longer = {other for other, rest in without.items() if other != key and names & rest}
        if len(longer) == 1:
            out[key] = longer.pop()
    return out


def _trimmed(words: list[str], *, end: bool) -> list[str]:
    """Words beside a state's name cut out of a body's, without the words that joined it there."""
    if end:
        while words and words[-1] in STATE_LINKS:
            words = words[:-1]
        return words
    while words and words[0] in STATE_LINKS:
        words = words[1:]
    return words


def _label_rank(counts: dict[str, int], language: str | None = None):
    """Full names first, then a given name and patronymic (Almas Zhumabekuly), then those in the report's language,
    then the spelling most mentions use, then the longer; ties by text."""
    def rank(label: Label) -> tuple[int, bool, int, int, str, str]:
        name = parse(label.text)
        return (0 if name.full else 1 if _given_and_patronymic(name) else 2,
                label.language != language if language else False,
                -counts.get(label.text, 0), -len(label.text), label.text, label.language)
    return rank


def ordered_labels(labels: Sequence[Label], mentions: Sequence[Mention] = ()) -> tuple[Label, ...]:
    """An entity's labels without repeats, full names first (see ``_ordered``)."""
    return tuple(_ordered(list(labels), mentions))


def _usual_first(labels: list[Label], mentions: Sequence[Mention], language: str) -> list[Label]:
    """A known place's or body's names, those in the report's language first; of them, one the report writes (in
    any case form: Уральске, Uralsk) before the others, and else the gazetteer's order, its usual name first
    (Астана, not Нур-Султан, the longer name of a few years)."""
    written = [fold(m.text).split() for m in mentions]

    def used(label: Label) -> bool:
        """Does a mention write the label's words, each in some case form (Уральске; Кемеровской области, not
        Кемерово): a word's stem without its last letter, or in a name of several words the last two (-ая, -ой)?"""
        words = fold(label.text).split()
        cut = ENDING_LETTERS if len(words) > 1 else 1
        stems = [w[:-cut] if len(w) > cut + 1 else w[:-1] for w in words]
        return all(len(s) >= 2 for s in stems) and any(
            len(mention) == len(stems) and all(w.startswith(s) for w, s in zip(mention, stems, strict=True))
            for mention in written)

    return sorted(dict.fromkeys(labels), key=lambda label: (label.language != language, not used(label)))


def _ordered(labels: list[Label], mentions: Sequence[Mention] = (), language: str | None = None) -> list[Label]:
    """Full names before short forms, so that the first label is the dictionary form; with ``language``,
    a known place's or organization's name in the report's language before its other names."""
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        counts[m.value] += 1
    return sorted(dict.fromkeys(labels), key=_label_rank(counts, language))


def short_rule(name: PersonName) -> str:
    if name.initials:
        return JoinRule.INITIAL
    return JoinRule.PATRONYMIC if name.patronymic else JoinRule.SURNAME


def _person_groups(persons: Sequence[Mention]) -> tuple[dict[str, list[Mention]], dict[str, str]]:
    """Group a report's person mentions: one group per full name (in any script or word order),
    short forms joining the full name they fit (the first, where several do). Also the rule that
    joined each name written otherwise than its group's full name."""
    why: dict[str, str] = {}
    fulls: dict[str, list[Mention]] = {}
    short: list[Mention] = []
    for m in persons:
        name = parse(m.value)
        if name.full:
            fulls.setdefault(_group_key(name, fulls), []).append(m)
        elif name.words:
            short.append(m)
    names = {key: parse(ms[0].value) for key, ms in fulls.items()}
    # a full name whose words are all in one longer name is that name (Маджид Сабер)
    for key, name in list(names.items()):
        longer = [k for k, n in names.items() if k != key and set(name.words) < set(n.words)]
        if len(longer) == 1:
            why.update((m.value, JoinRule.LONGER_NAME) for m in fulls[key])
            fulls[longer[0]].extend(fulls.pop(key))
            del names[key]
    # a name in the genitive, read as a feminine nominative (По словам Ли Вэйдуна), is the name the report gives
    # without the ending (Ли Вэйдун), where it gives one such name
    for key, name in list(names.items()):
        base = [k for k, n in names.items()
                if k != key and n.caseless == name.caseless and n.a_endings < name.a_endings]
        if len(base) == 1:
            why.update((m.value, JoinRule.CASE_FORM) for m in fulls[key])
            fulls[base[0]].extend(fulls.pop(key))
            del names[key]
    # the key names the patronymic too, so that two reports' persons of one name and two patronymics are two
    final = {k: k + next((f" +{p}" for p in (parse(m.value).patronymic for m in ms) if p), "")
             for k, ms in fulls.items()}
    out: dict[str, list[Mention]] = {f"person:{final[k]}": ms for k, ms in fulls.items()}
    alone: dict[str, list[Mention]] = defaultdict(list)
    for m in short:
        name = parse(m.value)
        # the name a body bears (Абай атындағы) is not the given name of a living Абай Ахметов
        # ... as its dictionary form, or as written: a bare surname the dictionary read as another's case form
        # (Лебедева, the genitive of Лебедев) stands for a full name that ends in it (Ирина Лебедева)
        written = parse(m.text)
        fits = [] if m.subtype == EPONYM else [
            k for k, n in names.items()
            if name.fits(n) or (name.patronymic and len(name.words) == 1 and name.words[0] in n.words)
            or (len(written.words) == 1 and not written.full and written.fits(n)) or _genitive_of(name, n)]
        if fits:
            out[f"person:{final[fits[0]]}"].append(m)
            why[m.value] = short_rule(name)
        else:
            alone[name.key].append(m)
    # without a full name, a bare surname joins the one initial form it can
    for key in [k for k in alone if not parse(alone[k][0].value).initials and not parse(alone[k][0].value).patronymic]:
        surname = parse(alone[key][0].value).surname
        forms = [k for k in alone if k != key and parse(alone[k][0].value).surname == surname]
        if len(forms) == 1:
            why.update((m.value, JoinRule.SURNAME) for m in alone[key])
            alone[forms[0]].extend(alone.pop(key))
    # a given name and a surname read as a patronymic (Almas Zhumabekuly, Алмас Жұмабекұлы) are the full name of that
    # word alone or after the given name's initial (Zhumabekuly, А. Жұмабекұлы), where it is the one such name
    givens = {k: name for k, ms in alone.items() if _given_and_patronymic(name := parse(ms[0].value))}
    for key in [k for k in alone if k not in givens]:
        fitting = [k for k, given in givens.items() if _patronymic_alone(alone[key][0].value, given)]
        if len(fitting) == 1:
            why.update((m.value, JoinRule.SURNAME) for m in alone[key])
            alone[fitting[0]].extend(alone.pop(key))
    out.update({f"person:{k}": ms for k, ms in alone.items()})
    return out, why


def _genitive_of(short: PersonName, full: PersonName) -> bool:
    """Is a short form whose surname ends in an -a the genitive of a full name's without it (По словам
    Н.Ахметжанова, read as a feminine nominative: Нурлан Ахметжанов)?"""
    return short.a_endings > full.a_endings and short._replace(words=short.caseless).fits(full)


def _given_and_patronymic(name: PersonName) -> bool:
    return len(name.words) == 1 and bool(name.patronymic) and not name.initials


def _patronymic_alone(text: str, given: PersonName) -> bool:
    """Is ``text`` one word of a patronymic's form, after an initial at most, that ``given`` (a given name and a
    patronymic) ends in: Zhumabekuly, А. Жұмабекұлы for Алмас Жұмабекұлы?"""
    name = parse(text)
    *_, last = text.split()
    return not name.patronymic and len(name.words) == 1 and is_patronymic(last, 2) \
        and patronymic_key(last) == given.patronymic \
        and (not name.initials or name.initial_fits(given.words[0]))


def _group_key(name: PersonName, groups: Mapping[str, list[Mention]]) -> str:
    """The group of a report's full names that ``name`` joins: the first of its key whose names' vowels
    agree with its own, else a new one keyed by its key and the vowels it writes (Марат and Мұрат Тажин
    are two; the key carries the vowels, so that another report's Мұрат Тажин does not share Марат's key,
    and the persons of one key are joined across reports by ``person_clusters``, which weighs them)."""
    for key, ms in groups.items():
        if key.split("~", 1)[0] == name.key and all(_one_spelling(name, parse(m.value)) for m in ms):
            return key
    return name.key + name.vowel_suffix


def person_subtype(subtypes: Iterable[str | None]) -> str | None:
    """A person named only as the namesake of a body is an eponym; named otherwise once, a person."""
    return EPONYM if all(t == EPONYM for t in subtypes) else None


def _one_spelling(a: PersonName, b: PersonName) -> bool:
    """May two full names of one key be one person by their vowels: in Cyrillic, ``vowels_agree``; both in
    Latin letters, ``rounded_like``."""
    return a.vowels_agree(b) and bool(a.vowels or b.vowels or a.rounded_like(b))
