"""Passes over the rule reader's organization mentions once the names are read.

A short name (an acronym) that a report defines in brackets after a body's name, or whose capitals
spell the initials of one body's name, stands for that body wherever the report uses it; a body
named only as the owner of the press service a report cites is its source and is left out; a class
noun in lower case before a name (the company Aksa Energy) names a body, and so do the capitalised words after a
post that heads a body or the word for its people (CEO of Eni X, representatives of Wizz Air). ``kg.rules`` runs them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.lang import Case, profile
from kg.model import Mention, MentionKind
from kg.org_keys import head_concepts
from kg.rules.state import (
    ACRONYM,
    HYPHEN,
    LATIN_CAPITALISED,
    LATIN_CAPITALISED_ANY,
    LATIN_LINKS,
    MAX_NAME_TOKENS,
    NOT_NAMES,
    ORG_LINKS,
    QUOTES_CLOSE,
    QUOTES_OPEN,
    ROMAN,
)
from kg.text import abbreviations, fold

if TYPE_CHECKING:
    from kg.rules.state import State

# Capitals an acronym needs to stand for a name by its initials alone.
MIN_SPELLED = 3
# Posts that head a body, not a place or a state, and the word that opens their complement: Chief Executive
# Officer of Rolls-Royce SMR Tom Samson.
BODY_POSTS = frozenset({"executive", "rector", "vice-rector", "official"})
BODY_OPENERS = frozenset({"of"})
ARTICLES = frozenset({"the"})
BODY_JOINERS = frozenset({"and"})
# Capitalised common words of a post's title after its word: Chief Executive Officer.
TITLE_TAIL = 2
# Tokens between a press service's word and the body that owns it: the press service of the Akimat.
SOURCE_REACH = 4
# Characters read back from a place for the word before it (the University of Milan).
WORD_BEFORE = 12
# The concept of a university's head noun (``lexicons/org_words.tsv``).
UNIVERSITY = "university"


def short_names(r: State) -> None:
    """``Astana International Financial Centre (AIFC)``: a short name in brackets right after a body's name is
    that body's, and so is every other use of it in the report (AIFC, ҚазҰУ-дың). A short name whose capitals
    spell the initials of one body's name in the report stands for it too (KazNU, Kazakh National University)."""
    defined: dict[str, tuple[str, str | None]] = {}
    texts = r.texts
    for i in range(1, len(texts) - 2):
        short = texts[i + 1]
        if texts[i] != "(" or texts[i + 2] != ")" or not ACRONYM.match(short) \
                or fold(short) in NOT_NAMES or ROMAN.match(short):
            continue
        full = max((m for m in r.out if m.kind == MentionKind.ORGANIZATION and m.end == r.toks[i - 1].end),
                   key=lambda m: m.end - m.start, default=None)
        if full is not None:
            defined[short] = (_value_with(r, full.value, short), full.subtype)
            _name_all(r, full, defined[short][0])
    bodies = {m.value: m for m in r.out if m.kind == MentionKind.ORGANIZATION
              and not r.lex.entry_labels(m.value) and "\t" not in m.value and " " in m.value}
    for k, t in enumerate(texts):
        if not t[:1].isupper():
            continue  # no acronym: it starts with a capital
        short = HYPHEN.split(t, maxsplit=1)[0]
        if short in defined or not ACRONYM.match(short) or fold(short) in NOT_NAMES or r.toks[k].clutter:
            continue
        if r.covered[k] and not any(m.kind == MentionKind.ORGANIZATION and m.value in (t, short)
                                       and m.start == r.toks[k].start for m in r.out):
            continue
        spelled = [v for v in bodies if _spells(short, v)]
        if len(spelled) == 1:
            defined[short] = (_value_with(r, spelled[0], short), bodies[spelled[0]].subtype)
            for body in [b for b in r.out if b.kind == MentionKind.ORGANIZATION and b.value == spelled[0]]:
                _name_all(r, body, defined[short][0])
    for short, (value, subtype) in defined.items():
        hyphened = f"{short}-"
        for k, t in enumerate(texts):
            if t != short and not t.startswith(hyphened):
                continue
            inner = next((m for m in r.out if m.kind == MentionKind.ORGANIZATION
                          and m.start == r.toks[k].start and m.end == r.toks[k].end), None)
            if inner is not None:
                _name_all(r, inner, value)
            elif not r.covered[k]:
                r.emit(MentionKind.ORGANIZATION, k, k, value, subtype)

def _value_with(r: State, value: str, short: str) -> str:
    """A body's value with its short name among its labels (a lexicon body keeps its key)."""
    return value if r.lex.entry_labels(value) or short in value.split("\t") else f"{value}\t{short}"

def _name_all(r: State, mention: Mention, value: str) -> None:
    """Give an organization mention another value (the full name it stands for)."""
    if mention.value != value:
        r.out[r.out.index(mention)] = replace(mention, value=value)

def drop_sources(r: State) -> None:
    """A body named only as the owner of the press service a report cites is its source, not a fact of it:
    ``әкімдігінің баспасөз қызметі``, ``пресс-служба акимата``, ``the press service of the Akimat``."""
    starts = {t.start: k for k, t in enumerate(r.toks)}
    ends = {t.end: k for k, t in enumerate(r.toks)}
    sources, kept = [], set()
    for m in r.out:
        if m.kind != MentionKind.ORGANIZATION or m.start not in starts or m.end not in ends:
            continue
        first, last = starts[m.start], ends[m.end]
        if _press_service(r, last + 1) or any(
                _press_service(r, k) and all(r.texts[x].islower() and not r.covered[x]
                                               for x in range(k + 1, first))
                for k in range(max(first - SOURCE_REACH, 0), first)):
            sources.append(m)
        else:
            kept.add(m.value)
    for m in sources:
        if m.value not in kept:
            r.out.remove(m)

def university_names(r: State) -> None:
    """A place named inside a university's name (Satbayev University, Сәтбаев университеті, Kazan Federal
    University, Университет Улудаг) names the university, not a place the report speaks of; but not one after "of"
    or in the genitive, whose the university is (the University of Milan, университет Милана)."""
    universities = [m for m in r.out if m.kind == MentionKind.ORGANIZATION
                    and (m.subtype == "university" or UNIVERSITY in head_concepts(m.value))]
    inside = [p for p in r.out if p.kind == MentionKind.PLACE
              and any(u.start <= p.start and p.end <= u.end and u.end - u.start > p.end - p.start
                      for u in universities) and not _whose(r, p)]
    for p in inside:
        r.out.remove(p)


def _whose(r: State, place: Mention) -> bool:
    """Is the place named after "of", or in the genitive: the one a body's name says it is of?"""
    before = r.view[max(0, place.start - WORD_BEFORE):place.start].split()[-1:]
    language = profile(r.language)
    return (bool(before) and fold(before[0]) in BODY_OPENERS) or (
        language.marks_case and language.has_case(place.text.split()[-1], Case.GENITIVE))


def _press_service(r: State, k: int) -> bool:
    return 0 <= k < len(r.texts) and r.lex.is_word(r.texts[k], "press-service", r.language)

def appositions(r: State) -> None:
    """``the company Aksa Energy``, ``компании «Казатомпром»``, ``организации ТЮРКСОЙ``: a class noun in lower
    case before a name in quotation marks, an acronym, or (in a Latin-script language) capitalised words."""
    n = len(r.texts)
    texts, is_word, language = r.texts, r.lex.is_word, r.language
    for i in range(n - 1):
        if not texts[i].islower() or not is_word(texts[i], "apposition", language):
            continue
        j = i + 1
        if texts[j] == "," and j + 1 < n and is_word(texts[j + 1], "such-as", language):
            j += 1  # companies, including A
        if r.covered[j] or r.barrier[j]:
            continue
        if r.texts[j] in QUOTES_OPEN:
            k = next((k for k in range(j + 2, min(j + 8, n)) if r.texts[k] in QUOTES_CLOSE), None)
            if k is not None and r.texts[j + 1][:1].isupper() and not any(
                    r.covered[x] or r.barrier[x] for x in range(j + 1, k)):
                r.emit(MentionKind.ORGANIZATION, j + 1, k - 1, r.span(j + 1, k - 1), "company")
            continue
        if ACRONYM.match(r.texts[j]) and fold(r.texts[j]) not in NOT_NAMES and not ROMAN.match(r.texts[j]):
            r.emit(MentionKind.ORGANIZATION, j, j, r.texts[j])
            continue
        if profile(r.language).script != "latin":
            continue
        listed = False  # companies such as / including A, B and C: each a body
        while j < n and is_word(texts[j], "such-as", language):
            j, listed = j + 1, True
        while j < n and LATIN_CAPITALISED_ANY.match(r.texts[j]) and not r.covered[j] and not r.barrier[j]:
            k = j
            while k + 1 < n and k - j < MAX_NAME_TOKENS and not r.covered[k + 1] and not r.barrier[k + 1]:
                if LATIN_CAPITALISED_ANY.match(r.texts[k + 1]):
                    k += 1
                elif r.texts[k + 1] == "." and r.texts[k] in abbreviations() and k + 2 < n \
                        and LATIN_CAPITALISED_ANY.match(r.texts[k + 2]):
                    k += 2  # Dr. Reddy's Laboratories
                else:
                    break
            if k == j and k + 1 < n and r.texts[k + 1] == "." and r.texts[k] in abbreviations():
                break  # an abbreviation alone names no body
            r.emit(MentionKind.ORGANIZATION, j, k, r.span(j, k), "company")
            if not listed:
                break
            j = k + 1
            while j < n and (texts[j] == "," or is_word(texts[j], "and", language)):
                j += 1


def _spells(short: str, name: str) -> bool:
    """Do the capitals of ``short`` (three at least) spell the initials of the first or last words of ``name``?"""
    capitals = [c.casefold() for c in short if c.isupper()]
    initials = [w[0].casefold() for w in name.split() if fold(w) not in ORG_LINKS | LATIN_LINKS | {"the"}]
    n = len(capitals)
    return n >= MIN_SPELLED and n <= len(initials) and capitals in (initials[:n], initials[-n:])


def post_complements(r: State) -> None:
    """``Chief Executive Officer of Rolls-Royce SMR Tom Samson``: the capitalised words between a post that heads a
    body and the name of its holder, which nothing else read, name that body, where one of them at least is no
    common word (Director of Cultural Affairs and Trade is a department's title). Capitalised common words of the
    post's title go before it (Officer; the Board of)."""
    starts = {m.start for m in r.out if m.kind == MentionKind.PERSON}
    n = len(r.texts)
    for m in r.role_matches:
        j = m.last + 1
        while j < n and j - m.last <= TITLE_TAIL and r.is_capitalised(j) and r.common_word(r.texts[j]):
            j += 1  # Chief Executive Officer
        if m.payload in BODY_POSTS:
            _body_after(r, j, lambda k: k < n and r.toks[k].start in starts)


def member_bodies(r: State) -> None:
    """``representatives of Siemens Energy``, ``the management of Wizz Air``: the capitalised words after the word
    for the people of a body, which nothing else read (a state, a place, a person), name that body."""
    n = len(r.texts)
    for m in r.function_words:
        if m.payload[0] == "members" and r.texts[m.last].islower():
            _body_after(r, m.last + 1, lambda k: k >= n or not r.texts[k][:1].isupper())


def _body_after(r: State, j: int, ends: Callable[[int], bool]) -> None:
    """A body's name after the word that opens a complement at ``j`` (of), past a title's words (the Board of), up
    to a token where ``ends`` holds; emitted where one word of it at least is no common word."""
    n = len(r.texts)
    if j >= n or fold(r.texts[j]) not in BODY_OPENERS:
        return
    j += 1
    k = j
    while k < n and not r.covered[k] and not r.barrier[k] and (
            LATIN_CAPITALISED.match(r.texts[k]) or (r.texts[k].lower() in LATIN_LINKS | ARTICLES and k > j)
            or (r.texts[k].lower() in ARTICLES and k == j)):
        k += 1
    words = [fold(t) for t in r.texts[j:k]]
    while opener := next((x for x, w in enumerate(words[:-1]) if w in BODY_OPENERS), None):
        if not all(w in ARTICLES or r.common_word(r.texts[j + x]) for x, w in enumerate(words[:opener])):
            break
        j, words = j + opener + 1, words[opener + 1:]  # the Board of
    while k > j and r.texts[k - 1].lower() in LATIN_LINKS | ARTICLES:
        k -= 1  # Siemens Energy and the [Business Council, read before]
    if k == j or not ends(k):
        return
    # several bodies joined by "and" (not by "&": Ernst & Young), each past its article
    first = j
    for x in [*(x for x in range(j, k) if fold(r.texts[x]) in BODY_JOINERS), k]:
        while first < x and fold(r.texts[first]) in ARTICLES:
            first += 1
        if first < x and not all(r.common_word(t) for t in r.texts[first:x]):
            r.emit(MentionKind.ORGANIZATION, first, x - 1, r.span(first, x - 1))
        first = x + 1
