"""Entities → one graph's nodes: the entities of many reports merged, one node per real person, place or
organization, and why each mention joined its node.

Entities with the same key merge; a one-word organization joins the longer name it is the acronym of; persons
join by their names' keys in any script, a short form joins the one full name it fits, and two whose posts serve
different states stay apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from kg.entities import CYRILLIC, acronyms, ordered_labels, person_subtype, short_rule
from kg.lang import codes as language_codes
from kg.model import EPONYM, Entity, Extraction, JoinRule, Label, Mention, MentionKind
from kg.names import PersonName, gaps_agree, parse
from kg.said import said_forms

# What an IRI slug leaves out: anything but ASCII letters and digits.
NOT_SLUG = re.compile(r"[^a-z0-9]+")
# What stands between the words of a name: a label that is another with words before it ends after one of these.
NAME_JOINS = frozenset(" -‐")


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
        subtype = person_subtype(subtypes) if first.kind == MentionKind.PERSON \
            else next((t for t in subtypes if t), subtypes[-1])
        by_key[key] = replace(first, labels=labels_by_rank(group),
                              mentions=tuple(m for e in group for m in e.mentions),
                              country_code=next((c for c in codes if c), codes[-1]),
                              subtype=subtype,
                              joins=tuple(dict.fromkeys(j for e in group for j in e.joins)))
    redirect = {k: k for k in by_key}
    for short, full in acronyms({k: (e.kind, e.subtype, e.country_code) for k, e in by_key.items()},
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
        by_key[key] = replace(members[0], key=key, labels=ordered_labels(labels, mentions), mentions=mentions,
                              joins=joins, subtype=person_subtype(e.subtype for e in members))
        for k in group:
            redirect[k] = key
    return tuple(sorted(by_key.values(), key=lambda e: e.key)), redirect


def labels_by_rank(group: Sequence[Entity]) -> tuple[Label, ...]:
    """The labels of the entities of one key, each once, in an order the reports' order does not change: by the rank
    of their language (``kg.lang.codes``), then by their place among the labels each report gives (a known place's or
    body's in the gazetteer's order, its usual name first), then by text. The first is the merged name: taken from
    the first report that named it, a country named in every report was renamed by a report added that sorted
    first, and every report graph, whose evidence compares each mention with that name (``join_rule``), was written
    again. A report added changes the name only with a label that ranks before it."""
    ranks = {code: n for n, code in enumerate(language_codes())}
    place: dict[Label, int] = {}
    # each tuple of labels once: the outlines of a large build share equal ones (a state named in every report)
    for labels in {id(e.labels): e.labels for e in group}.values():
        for n, label in enumerate(labels):
            place[label] = min(n, place.get(label, n))
    fuller = _fuller(place) if group and group[0].kind == MentionKind.ORGANIZATION else set()
    return tuple(sorted(place, key=lambda label: (ranks.get(label.language, len(ranks)), place[label],
                                                   label not in fuller, label.text, label.language)))


def _fuller(place: Mapping[Label, int]) -> set[Label]:
    """The labels that are another label of the same language and place with words before it (Әл-Фараби атындағы
    ... and Фараби атындағы ..., where a report dropped the article; Парламент Сенаты and Сенаты): an
    organization's goes before the shorter one it is tied with. A state's or a place's short name is its usual
    one, so only organizations are asked."""
    tied: dict[tuple[str, int], list[tuple[str, Label]]] = defaultdict(list)
    for label, n in place.items():
        tied[label.language, n].append((label.text.casefold(), label))
    return {label for labels in tied.values() if len(labels) > 1 for text, label in labels
            if any(len(text) > len(other) and text.endswith(other) and text[-len(other) - 1] in NAME_JOINS
                   for other, _ in labels)}


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
    _join_said_forms(persons, names, root, union)
    _join_given_and_patronymic(names, union)

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
            union(k, fits[0], short_rule(short))
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


def _join_said_forms(persons: Sequence[Entity], names: Mapping[str, list[PersonName]], root: Callable[[str], str],
                     union: Callable[..., None]) -> None:
    """Join a full name in Latin letters with the one person whose Cyrillic full name has the key of a form that
    says it as that spelling does (``said_forms``: Hervé Jamar, Эрве Жамар; Victor Orban, Виктор Орбан), where no
    Cyrillic full name has its own key (Хорхе for Horhe: the h is said). ``names``: each person's labels parsed."""
    cyrillic: dict[str, list[str]] = defaultdict(list)  # a full name's key → the persons written so in Cyrillic
    latin: list[tuple[str, str, str]] = []  # (person, full name in Latin letters, its key)
    for e in persons:
        for label, n in zip(e.labels, names[e.key], strict=True):
            if not n.full:
                continue
            if CYRILLIC.search(label.text):
                cyrillic[n.key].append(e.key)
            else:
                latin.append((e.key, label.text, n.key))
    for k, text, key in sorted(latin):
        if key in cyrillic:
            continue
        found = {root(c) for f in said_forms(text) if (n := parse(f)).full for c in cyrillic.get(n.key, ())}
        found.discard(root(k))
        if len(found) == 1:
            union(k, found.pop(), JoinRule.TRANSLITERATION)


def _join_given_and_patronymic(names: Mapping[str, list[PersonName]], union: Callable[..., None]) -> None:
    """Join the persons named by one key of a given name and a patronymic alone (no full name of theirs, which it
    would be the short form of), whose vowels agree: a surname in -ұлы or -oğlu reads as a patronymic (Бауыржан
    Момышұлы, Бауыржан Момышулы, Bauyrzhan Momyshuly; Mevlüt Çavuşoğlu, Мевлют Чавушоглу), and such a name is no
    full name to join by."""
    by_key: dict[str, list[tuple[str, PersonName]]] = defaultdict(list)
    for k, parsed in names.items():
        if any(n.full for n in parsed):
            continue  # Болат Әбдірұлы as the short form of a full name its report gives (Болат Әбдірұлы Ержанин)
        for n in parsed:
            if n.patronymic and len(n.words) == 1 and not n.initials:
                by_key[n.key].append((k, n))
    for key in sorted(by_key):
        named = by_key[key]
        for i, (k, n) in enumerate(named):
            for other, m in named[:i]:
                if _vowels_agree(n, m):
                    union(other, k, JoinRule.SAME_KEY)
                    break


def _vowels_agree(a: PersonName, b: PersonName) -> bool:
    """Do the words of two names of one key write vowels that agree: a Cyrillic spelling's (``PersonName.vowels``)
    with the other's, two Latin spellings in their a and u only (Marat is not Мұрат nor Murat)?"""
    if not a.vowels and not b.vowels:
        return a.rounded_like(b)
    return all(gaps_agree(x, y) for x, y in zip(a.vowels or a.spelt, b.vowels or b.spelt, strict=False))


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
    slug = NOT_SLUG.sub("-", _ascii(key.split(":", 1)[-1]).lower()).strip("-")[:40]
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

    if text.isascii():  # the file names of most reports' keys: nothing to transliterate or decompose
        return text.lower()
    text = text.lower().translate(CYR_TO_LAT)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
