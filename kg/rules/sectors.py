"""Cue words: the sectors a report speaks of, and the words that say a meeting or a visit took place
(or name the home state)."""

from __future__ import annotations

from bisect import bisect_left

from kg.lang import Case, profile
from kg.model import MentionKind
from kg.rules.state import HYPHEN, MEETING_CATEGORIES, SCOPE_LINKS, SCOPE_PREPOSITIONS, State
from kg.text import fold

# The sectors of a compound's head that stay its own beside the sector of the word before it: trade in what that
# word names (grain exports, астық экспорты), energy of a kind it names (hydrogen energy, сутегі энергетикасы).
BROAD_HEADS = frozenset({"trade", "energy"})
# The cases of a word that a case ending ties to a verb or a postposition, not to the noun after it.
GOVERNED = (Case.LOCATIVE, Case.DATIVE, Case.INSTRUMENTAL)


def read_meeting_words(s: State) -> None:
    """The words of a meeting, a visit or a group, and the word for the home state where no name lies. A
    lower-case compound counts by its last part (онлайн-кездесу, онлайн-встреча, video-conference)."""
    last_parts = [HYPHEN.split(t)[-1] if t.islower() and HYPHEN.search(t) else t for t in s.texts]
    # Only a compound whose last part is such a word of its own can count: most texts have none.
    read_parts = any(m.last == i and m.payload[0] in MEETING_CATEGORIES
                     for i, (part, t) in enumerate(zip(last_parts, s.texts, strict=True)) if part != t
                     for m in s.match.words.match_at(last_parts, i))
    compounds = {m.first: m for m in (s.match.words.find(last_parts) if read_parts else ())
                 if m.first == m.last and last_parts[m.first] != s.texts[m.first]
                 and m.payload[0] in MEETING_CATEGORIES}
    found = [m for m in s.function_words if m.first not in compounds]
    for m in sorted([*found, *compounds.values()], key=lambda m: m.first):
        category, value = m.payload
        if category in MEETING_CATEGORIES:
            s.emit(MentionKind.MEETING, m.first, m.last, category, cover=False)
        elif category == "home" and not s.covered[m.first]:
            s.emit(MentionKind.COUNTRY, m.first, m.last, value, "home")


def read_sectors(s: State) -> None:
    """Cue words of sectors, whole words in the language's inflection; the parts of a hyphenated
    word count too (сауда-экономикалық). A cue inside a name (a person, place or organization
    found so far) is part of that name, not a topic, and so is one in a post's title before its holder's name
    (Minister for Foreign Trade X)."""
    parts: list[tuple[int, str]] = []
    for i, t in enumerate(s.texts):
        parts.append((i, t))
        if HYPHEN.search(t):
            parts.extend((i, p) for p in HYPHEN.split(t) if p)
    texts = [p for _, p in parts]
    named = _named_tokens(s) | _title_tokens(s)
    seen: set[tuple[int, int, str]] = set()
    found = s.match.sectors.find_all(texts)
    ends: dict[int, set[str]] = {}
    for m in found:
        ends.setdefault(parts[m.last][0], set()).add(m.payload)
    for m in found:
        first, last = parts[m.first][0], parts[m.last][0]
        if first == last and first > 0 and _compound_head(ends.get(first - 1, set()) - {m.payload}, m.payload) \
                and s.toks[first].start - s.toks[first - 1].end <= 1 and s.texts[first][:1].islower() \
                and not s.has_case(first - 1, *GOVERNED) and not _modifies_next(s, first):
            continue  # the head of a compound (steel industry): the cue before it names the sector; not one after a
            # word a case ending ties to something else (университетімен медицина бағыттары: with the university ...),
            # nor an adjective of the noun after it (поставки сельскохозяйственной продукции)
        if any(s.toks[k].clutter or k in named for k in range(first, last + 1)):
            continue
        key = (first, last, m.payload)
        if key in seen:
            continue
        seen.add(key)
        s.emit(MentionKind.SECTOR, first, last, m.payload, cover=False)


def _compound_head(before: set[str], sector: str) -> bool:
    """Does a sector named right before a cue make the cue the head of a compound, the field its own (steel
    industry, tourism infrastructure)? Not where the cue names a broad field of the sector's (grain exports,
    hydrogen energy)."""
    return bool(before) and sector not in BROAD_HEADS


def _modifies_next(s: State, i: int) -> bool:
    """Is token ``i`` an adjective that agrees with the word after it (сельскохозяйственной продукции)?"""
    return i + 1 < len(s.texts) and profile(s.language).forms.adjective(s.texts[i], s.texts[i + 1])


def _named_tokens(s: State) -> set[int]:
    """Tokens inside a person, place or organization mention found so far."""
    starts = [t.start for t in s.toks]
    out: set[int] = set()
    for m in s.out:
        if m.kind in (MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORGANIZATION):
            out.update(range(bisect_left(starts, m.start), bisect_left(starts, m.end)))
    return out


def _title_tokens(s: State) -> set[int]:
    """The capitalised common words of a post's complement between the post and its holder's name (Minister for
    Foreign Trade and Development X, Commissioner for Trade X): the post's field, not a topic."""
    starts = {m.start for m in s.out if m.kind == MentionKind.PERSON}
    n = len(s.texts)
    out: set[int] = set()
    for m in s.role_matches:
        j = m.last + 1
        if j >= n or fold(s.texts[j]) not in SCOPE_PREPOSITIONS:
            continue
        k = j + 1
        while k < n and (fold(s.texts[k]) in SCOPE_LINKS or (s.is_capitalised(k) and s.common_word(s.texts[k]))):
            k += 1
        if k < n and k > j + 1 and s.toks[k].start in starts:
            out.update(range(j + 1, k))
    return out
