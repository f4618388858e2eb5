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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from kg.lang import profile
from kg.lexicon import Lexicon
from kg.model import EPONYM, Entity, Extraction, JoinRule, Label, Mention, MentionKind
from kg.names import PersonName, parse
from kg.org_keys import acronym_of, is_acronym, org_key
from kg.text import fold

CYRILLIC = re.compile(r"[\u0400-\u04ff]")

ENTITY_KINDS = (MentionKind.PERSON, MentionKind.COUNTRY, MentionKind.PLACE, MentionKind.ORGANIZATION)


def resolve(mentions: Sequence[Mention], *, language: str, lexicon: Lexicon) -> tuple[
        tuple[Entity, ...], dict[Mention, str]]:
    """Entities of one report and the entity key each name mention points to."""
    key_of: dict[Mention, str] = {}
    labels: dict[str, list[Label]] = defaultdict(list)
    kinds: dict[str, tuple[str, str | None, str | None]] = {}
    owned: dict[str, list[Mention]] = defaultdict(list)

    joins: dict[str, list[tuple[str, str]]] = defaultdict(list)
    persons = [m for m in mentions if m.kind == MentionKind.PERSON]
    groups, why = _person_groups(persons)
    for key, group in groups.items():
        joins[key].extend((JoinRule.name_part(m.value), why[m.value]) for m in group if m.value in why)
        for m in group:
            key_of[m] = key
            owned[key].append(m)
            labels[key].append(Label(m.value, language))
        kinds[key] = (MentionKind.PERSON, _person_subtype(m.subtype for m in group), None)

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
                labels[key].extend(known)
                country = lexicon.entry_country(value)
                subtype = subtype or lexicon.entry_subtype(value)
                joins[key].append((JoinRule.name_part(m.value), JoinRule.GAZETTEER))
            else:
                names = m.value.split("\t")
                translated = org_key(names[0]) if m.kind == MentionKind.ORGANIZATION else None
                key = f"{prefix}:{translated or fold(names[0])}"
                labels[key].extend(Label(n, language) for n in names)
                country = None
            if key not in kinds or kinds[key][1] is None:
                kinds[key] = (m.kind, subtype, country)
        else:
            continue
        key_of[m] = key
        owned[key].append(m)

    shorts = {short: (full, JoinRule.ACRONYM) for short, full in _acronyms(kinds, labels).items()}
    shorts.update((short, (full, JoinRule.HEAD)) for short, full in _short_names(kinds, labels, language).items()
                  if short not in shorts and full not in shorts)
    for short, (full, rule) in shorts.items():
        joins[full].extend((JoinRule.name_part(m.value), rule) for m in owned[short])
        joins[full].extend(joins.pop(short, []))
        labels[full].extend(labels.pop(short))
        owned[full].extend(owned.pop(short))
        for m in owned[full]:
            key_of[m] = full
        del kinds[short]

    entities = []
    for key, (kind, subtype, country) in kinds.items():
        entities.append(Entity(key=key, kind=kind, labels=tuple(_ordered(labels[key], owned[key], language)),
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


def _acronyms(kinds: dict[str, tuple[str, str | None, str | None]], labels: dict[str, list[Label]]) -> dict[str, str]:
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


def _label_rank(counts: dict[str, int], language: str | None = None):
    """Full names first, then those in the report's language, then the spelling most mentions use,
    then the longer; ties by text."""
    def rank(label: Label) -> tuple[int, bool, int, int, str, str]:
        return (0 if parse(label.text).full else 1, label.language != language if language else False,
                -counts.get(label.text, 0), -len(label.text), label.text, label.language)
    return rank


def ordered_labels(labels: Sequence[Label], mentions: Sequence[Mention] = ()) -> tuple[Label, ...]:
    """An entity's labels without repeats, full names first (see ``_ordered``)."""
    return tuple(_ordered(list(labels), mentions))


def _ordered(labels: list[Label], mentions: Sequence[Mention] = (), language: str | None = None) -> list[Label]:
    """Full names before short forms, so that the first label is the dictionary form; with ``language``,
    a known place's or organization's name in the report's language before its other names."""
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        counts[m.value] += 1
    return sorted(dict.fromkeys(labels), key=_label_rank(counts, language))


def _short_rule(name: PersonName) -> str:
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
    # the key names the patronymic too, so that two reports' persons of one name and two patronymics are two
    final = {k: k + next((f" +{p}" for p in (parse(m.value).patronymic for m in ms) if p), "")
             for k, ms in fulls.items()}
    out: dict[str, list[Mention]] = {f"person:{final[k]}": ms for k, ms in fulls.items()}
    alone: dict[str, list[Mention]] = defaultdict(list)
    for m in short:
        name = parse(m.value)
        # the name a body bears (Абай атындағы) is not the given name of a living Абай Ахметов
        fits = [] if m.subtype == EPONYM else [
            k for k, n in names.items()
            if name.fits(n) or (name.patronymic and len(name.words) == 1 and name.words[0] in n.words)]
        if fits:
            out[f"person:{final[fits[0]]}"].append(m)
            why[m.value] = _short_rule(name)
        else:
            alone[name.key].append(m)
    # without a full name, a bare surname joins the one initial form it can
    for key in [k for k in alone if not parse(alone[k][0].value).initials and not parse(alone[k][0].value).patronymic]:
        surname = parse(alone[key][0].value).surname
        forms = [k for k in alone if k != key and parse(alone[k][0].value).surname == surname]
        if len(forms) == 1:
            why.update((m.value, JoinRule.SURNAME) for m in alone[key])
            alone[forms[0]].extend(alone.pop(key))
    out.update({f"person:{k}": ms for k, ms in alone.items()})
    return out, why


def _group_key(name: PersonName, groups: Mapping[str, list[Mention]]) -> str:
    """The group of a report's full names that ``name`` joins: the first of its key whose names' vowels
    agree with its own, else a new one keyed by its key and the vowels it writes (Марат and Мұрат Тажин
    are two; the key carries the vowels, so that another report's Мұрат Тажин does not share Марат's key,
    and the persons of one key are joined across reports by ``person_clusters``, which weighs them)."""
    for key, ms in groups.items():
        if key.split("~", 1)[0] == name.key and all(_one_spelling(name, parse(m.value)) for m in ms):
            return key
    return name.key + name.vowel_suffix


def _person_subtype(subtypes: Iterable[str | None]) -> str | None:
    """A person named only as the namesake of a body is an eponym; named otherwise once, a person."""
    return EPONYM if all(t == EPONYM for t in subtypes) else None


def _one_spelling(a: PersonName, b: PersonName) -> bool:
    """May two full names of one key be one person by their vowels: in Cyrillic, ``vowels_agree``; both in
    Latin letters, ``rounded_like``."""
    return a.vowels_agree(b) and bool(a.vowels or b.vowels or a.rounded_like(b))


def serving_states(extractions: Iterable[Extraction]) -> dict[str, frozenset[str]]:
    """The states each report's person keys serve in a post, for ``merge``: Ким Чен Хо the ambassador
    of Korea is not Ким Чен Хо the ambassador of Kazakhstan."""
    out: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        for post in x.posts:
            if post.country:
                out[post.holder].add(post.country)
    return {k: frozenset(v) for k, v in out.items()}


def merge(entities: Iterable[Entity], *, serves: Mapping[str, frozenset[str]] | None = None) -> tuple[
        tuple[Entity, ...], dict[str, str]]:
    """Merge the entities of many reports: the same key, the same person's name in any script,
    or a short form that fits one full name; persons whose posts serve different states
    (``serves``, from ``serving_states``) are not joined by a short form or a spelling.

    Returns the merged entities and a map from every original key to its merged key.
    """
    same: dict[str, list[Entity]] = {}
    for e in entities:
        same.setdefault(e.key, []).append(e)
    by_key: dict[str, Entity] = {}
    for key, group in same.items():  # joined at once: a country named in every report would be copied each time
        first = group[0]
        if len(group) == 1:
            by_key[key] = first
            continue
        codes, subtypes = [e.country_code for e in group], [e.subtype for e in group]
        subtype = _person_subtype(subtypes) if first.kind == MentionKind.PERSON \
            else next((t for t in subtypes if t), subtypes[-1])
        by_key[key] = replace(first, labels=tuple(dict.fromkeys(x for e in group for x in e.labels)),
                              mentions=tuple(m for e in group for m in e.mentions),
                              country_code=next((c for c in codes if c), codes[-1]),
                              subtype=subtype,
                              joins=tuple(dict.fromkeys(j for e in group for j in e.joins)))
    redirect = {k: k for k in by_key}
    for short, full in _acronyms({k: (e.kind, e.subtype, e.country_code) for k, e in by_key.items()},
                                 {k: list(e.labels) for k, e in by_key.items()}).items():
        if full in by_key and short in by_key:
            old, e = by_key[full], by_key.pop(short)
            by_key[full] = replace(old, labels=tuple(dict.fromkeys(old.labels + e.labels)),
                                   mentions=old.mentions + e.mentions,
                                   joins=tuple(dict.fromkeys(old.joins + e.joins + ((short, JoinRule.ACRONYM),))))
            redirect[short] = full
    persons = [e for e in by_key.values() if e.kind == MentionKind.PERSON]
    rules: dict[str, str] = {}
    clusters = [[by_key.pop(k) for k in group] for group in person_clusters(persons, rules, serves)]
    for key, members in zip(_canonical_keys(clusters), clusters, strict=True):
        group = [e.key for e in members]
        labels = [label for e in members for label in e.labels]
        mentions = tuple(m for e in members for m in e.mentions)
        joins = tuple(dict.fromkeys([j for e in members for j in e.joins]
                                    + [(k, rules[k]) for k in group if k in rules and len(group) > 1]))
        by_key[key] = replace(members[0], key=key, labels=tuple(_ordered(labels, mentions)), mentions=mentions,
                              joins=joins, subtype=_person_subtype(e.subtype for e in members))
        for k in group:
            redirect[k] = key
    return tuple(sorted(by_key.values(), key=lambda e: e.key)), redirect


def join_rule(merged: Entity, part: Entity, mention: Mention) -> str:
    """Why ``mention`` (of ``part``, one report's entity) belongs to ``merged``: the rule that joined
    its name inside the report, else the one that joined ``part`` across reports, else how its name
    compares with the merged entity's name: the same, the same key in the same script, or in another
    (a transliteration; for an organization, its translated head word and transliterated name)."""
    within = part.rule(JoinRule.name_part(mention.value))
    if within is not None:
        return within
    across = merged.rule(part.key)
    if across is not None:
        return across
    if mention.value == merged.name:
        return JoinRule.SAME_NAME
    if _script(mention.value) != _script(merged.name):
        return JoinRule.ORGANIZATION_KEY if merged.kind == MentionKind.ORGANIZATION else JoinRule.TRANSLITERATION
    return JoinRule.SAME_KEY


def _script(text: str) -> str:
    return "cyrillic" if CYRILLIC.search(text) else "latin"


def person_clusters(persons: Sequence[Entity], rules: dict[str, str] | None = None,
                    serves: Mapping[str, frozenset[str]] | None = None) -> list[list[str]]:
    """The keys of persons that are one person, in clusters (every person in one).

    Full names join when their keys agree (any script, any word order) and no two patronymics
    differ; a full name joins the one longer name that holds all its words; a short form
    (initials and surname, a bare surname, a given name and patronymic) joins the one full name
    it fits. Where a short form fits two persons (Ермек and Қырымбек Көшербаев) it stays apart, and
    so do two whose posts serve different states (``serves``). Two full names of one surname whose
    given names differ only in a voiced or voiceless consonant (Нышангүл, Нышанкуль) join when
    nothing else fits. Two whose Cyrillic full names of one key differ in a vowel (Марат and Мұрат Тажин,
    ``PersonName.vowels_agree``) stay apart, and the namesake of a body (an ``EPONYM``: Абай атындағы) joins
    others by its name alone, not as the short form of a full name. ``rules`` receives the rule that
    joined each key.
    """
    parent = {e.key: e.key for e in persons}
    why = rules if rules is not None else {}
    states = {e.key: set((serves or {}).get(e.key, ())) for e in persons}
    names = {e.key: [parse(label.text) for label in e.labels] for e in sorted(persons, key=lambda e: e.key)}
    # the full names in Cyrillic of each cluster, whose vowels must agree with another's to join it
    spelt = {k: [n for n in parsed if n.full and n.vowels] for k, parsed in names.items()}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str, rule: str, *, same_name: bool = False) -> None:
        ra, rb = sorted((root(a), root(b)))
        if ra == rb or (not same_name and states[ra] and states[rb] and not states[ra] & states[rb]):
            return  # posts for two different states at one time: two persons (unless one full name says so)
        if not all(x.vowels_agree(y) for x in spelt[ra] for y in spelt[rb]):
            return  # Марат and Мұрат Тажин
        parent[rb] = ra
        states[ra] |= states[rb]
        spelt[ra] += spelt[rb]
        why.setdefault(a, rule)
        why.setdefault(b, rule)

    by_full: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for k, parsed in names.items():
        for n in parsed:
            if n.full:
                by_full[n.key][n.patronymic].append(k)
    for key in sorted(by_full):
        patronymics = by_full[key]
        named = [p for p in patronymics if p]
        parts = [patronymics[p] + (patronymics.get("", []) if len(named) == 1 else []) for p in named] \
            if named else [patronymics[""]]
        for part in parts:
            _join_same_key(key, part, names, spelt, root, union)

    def word_sets() -> dict[str, set[frozenset[str]]]:
        out: dict[str, set[frozenset[str]]] = defaultdict(set)
        for k, parsed in names.items():
            out[root(k)].update(frozenset(n.words) for n in parsed if n.full)
        return out

    sets = word_sets()
    having: dict[str, set[str]] = defaultdict(set)  # a word → the persons with a full name holding it
    for other, theirs in sets.items():
        for t in theirs:
            for word in t:
                having[word].add(other)
    for r in sorted(sets):
        longer = {other for mine in sets[r] for other in _holding(having, mine, sets)
                  if other != r and any(mine < t for t in sets[other])}
        if len(longer) == 1:
            union(r, longer.pop(), JoinRule.LONGER_NAME)
    fulls: dict[str, list[PersonName]] = defaultdict(list)
    for k, parsed in names.items():
        fulls[root(k)].extend(n for n in parsed if n.full)
    by_word: dict[str, set[str]] = defaultdict(set)  # a word → the persons with a full name holding it
    for r, ns in fulls.items():
        for n in ns:
            for word in n.words:
                by_word[word].add(r)
    eponyms = {e.key for e in persons if e.subtype == EPONYM}
    for k, parsed in names.items():
        if any(n.full for n in parsed) or not parsed or k in eponyms:
            continue  # an eponym joins by its name alone (Абай атындағы is not Абай Ахметов)
        short = max(parsed, key=lambda n: (bool(n.initials), bool(n.patronymic), n.key))
        # a short form fits a full name holding its surname (``PersonName.fits``)
        fits = [r for r in by_word.get(short.surname, ()) if any(short.fits(n) for n in fulls[r])]
        if len(fits) == 1:
            union(k, fits[0], _short_rule(short))
    loose: dict[str, dict[str, list[PersonName]]] = defaultdict(lambda: defaultdict(list))
    for k, parsed in names.items():
        for n in parsed:
            if n.full:
                loose[n.loose_key][root(k)].append(n)
    for key in sorted(loose):
        if len(loose[key]) == 2:
            (a, mine), (b, theirs) = sorted(loose[key].items())
            if any(m.close_to(t) for m in mine for t in theirs):
                union(a, b, JoinRule.SPELLING)
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in names:
        clusters[root(k)].append(k)
    return [sorted(c) for _, c in sorted(clusters.items())]


def _join_same_key(key: str, part: Sequence[str], names: Mapping[str, list[PersonName]],
                   spelt: Mapping[str, list[PersonName]], root: Callable[[str], str],
                   union: Callable[..., None]) -> None:
    """Join the persons of one full name's key: each one written in Cyrillic with the first whose vowels agree
    (``PersonName.vowels_agree``), then the ones in Latin letters with the one person in Cyrillic, or where
    there are several (Марат and Мұрат Тажин), with the one their vowels spell (Marat), and with each other
    where their a and u agree (``PersonName.rounded_like``: Marat is not Murat)."""
    cyrillic = [k for k in part if spelt[k]]
    for n, k in enumerate(cyrillic):
        for other in dict.fromkeys(root(c) for c in cyrillic[:n]):
            union(other, k, JoinRule.SAME_KEY, same_name=True)
            if root(k) == root(other):
                break
    persons = list(dict.fromkeys(root(c) for c in cyrillic))
    latin = [k for k in part if not spelt[k]]
    for k in latin:
        written = [n for n in names[k] if n.full and n.key == key]
        fit = persons if len(persons) < 2 else [
            r for r in persons if any(w.spelt_like(c) for w in written for c in spelt[root(r)] if c.key == key)]
        if len(fit) == 1:
            union(fit[0], k, JoinRule.SAME_KEY, same_name=True)
    for n, k in enumerate(latin):  # not where they joined two persons in Cyrillic, nor Marat and Murat
        mine = [x for x in names[k] if x.full and x.key == key]
        for other in latin[:n]:
            if all(x.rounded_like(y) for x in mine for y in names[other] if y.full and y.key == key):
                union(other, k, JoinRule.SAME_KEY, same_name=True)
                break


def _holding(having: Mapping[str, set[str]], words: frozenset[str], sets: Mapping[str, object]) -> set[str]:
    """The persons with a full name holding every one of ``words`` (any person when there are none)."""
    if not words:
        return set(sets)
    found = [having.get(w, set()) for w in words]
    return set.intersection(*sorted(found, key=len))


def _canonical_keys(clusters: Sequence[Sequence[Entity]]) -> list[str]:
    """The key of each merged person: its longest full name's, the same whichever report came
    first; persons of one name told apart by their patronymics carry it in the key."""
    def best(members: Sequence[Entity]) -> PersonName:
        names = [parse(label.text) for e in members for label in e.labels]
        return min(names, key=lambda n: (not n.full, -len(n.words), -bool(n.patronymic), -len(n.key), n.key))

    names = [best(members) for members in clusters]
    counts: dict[str, int] = defaultdict(int)
    for n in names:
        counts[n.key] += 1
    keys = [n.key if counts[n.key] == 1 else f"{n.key} +{n.patronymic}" if n.patronymic else n.key + n.vowel_suffix
            for n in names]
    seen: dict[str, int] = defaultdict(int)
    out = []
    for key in keys:
        seen[key] += 1
        out.append(f"person:{key}" + (f" {seen[key]}" if seen[key] > 1 else ""))
    return out


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
