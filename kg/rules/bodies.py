"""Organizations named without a head noun the heads pass reads: runs of capitalised Latin words in a
Cyrillic text (company and university names), Cyrillic words with capitals inside (КазМунайГаз), and the
ministries and bodies a language's phrase readers find around a post or a head noun (Minister of Agriculture
names the Ministry of Agriculture)."""

from __future__ import annotations

import re

from kg.lang import profile
from kg.model import MentionKind
from kg.rules.state import (
    ACRONYM,
    DOMAIN,
    HYPHEN,
    LATIN_CAPITALISED,
    LATIN_CAPITALISED_ANY,
    LATIN_LINKS,
    MAX_NAME_TOKENS,
    NOT_NAMES,
    ROMAN,
    State,
)
from kg.text import fold

# A Cyrillic word with capitals inside (КазМунайГаз, ҚазМұнайГаздың): a company's name, never a person's.
CYRILLIC_CAMEL_CASE = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)+$")
# A Latin name with a Cyrillic case ending hyphenated on: Astana Hub-тың.
LATIN_WITH_ENDING = re.compile(r"^([A-Za-z0-9&]+(?:[-‐][A-Za-z0-9&]+)*)[-‐][\u0400-\u04FF]+$")
# Letters from which a Cyrillic part hyphenated to a Latin one may be a word of its own rather than a case ending.
WORD_AFTER_HYPHEN = 5
# The posts that head a ministry.
MINISTERS = frozenset({"minister", "deputy-minister"})


def latin_organizations(s: State) -> None:
    """Runs of capitalised Latin words inside Cyrillic text: company and university names; but in Kazakh two or
    three right after a post are its holder's name (президенті Attilio Fontana-мен)."""
    if profile(s.language).script == "latin":
        return
    # Where case endings mark the post phrase, a body comes before the post (Pirelli компаниясының директоры), so
    # the words right after it are its holder's.
    holder_follows = profile(s.language).marks_case
    i = 0
    n = len(s.texts)
    while i < n:
        # a name starts with a Latin capital (its base keeps the word's first letter): most tokens do not
        if s.covered[i] or not "A" <= s.texts[i][:1] <= "Z":
            i += 1
            continue
        t = _latin_base(s, i)
        near = s.view[s.toks[i].start:s.toks[i].end + 4]
        if not LATIN_CAPITALISED.match(t) or fold(t) in NOT_NAMES or DOMAIN.search(near) or ROMAN.match(t):
            i += 1
            continue
        j = i
        while j + 1 < n and not s.covered[j + 1] and (
                LATIN_CAPITALISED_ANY.match(_latin_base(s, j + 1)) or (
                s.texts[j + 1] in LATIN_LINKS and j + 2 < n and LATIN_CAPITALISED_ANY.match(s.texts[j + 2]))) \
                and s.toks[j + 1].start - s.toks[j].end <= 1 and _latin_base(s, j) == s.texts[j]:
            j += 1
        if holder_follows and s.holder_name_end(i, n) is not None:
            i = j + 1  # the President Attilio Fontana-мен: a person's name, which the persons pass reads
            continue
        words = [_latin_base(s, k) for k in range(i, j + 1)]
        subtype = "university" if any(w.lower().startswith("univers") for w in words) else "company"
        s.emit(MentionKind.ORGANIZATION, i, j, " ".join(words), subtype)
        i = j + 1


def eponym_acronyms(s: State) -> None:
    """A short name beside the word for "named after" is a body's name, and the name on its other side its
    namesake's: ``Л.Н. Гумилев атындағы ЕҰУ-да``, ``КазНУ имени аль-Фараби``."""
    # the word is looked up once per report, not at each place it stands
    named_after = {t for t in set(s.texts) if s.lex.is_word(t, "named-after", s.language)}
    for k, t in enumerate(s.texts):
        if t not in named_after:
            continue
        before, after = _name_words(s, k, -1), _name_words(s, k, 1)
        for short, name in ((k + 1, before), (k - 1, after)):
            if name is None or not 0 <= short < len(s.texts) or s.covered[short]:
                continue
            base = HYPHEN.split(_latin_base(s, short))[0]
            if ACRONYM.match(base) and fold(base) not in NOT_NAMES:
                s.emit(MentionKind.ORGANIZATION, short, short, base, "organization")
                if name < k:
                    s.eponym(name, k - 1, cover=True)
                else:
                    s.eponym(k + 1, name, t, cover=True)
                break


def _name_words(s: State, k: int, step: int) -> int | None:
    """The far end of the name beside token ``k`` on the side ``step``: capitalised words and initials."""
    end, j = None, k + step
    while 0 <= j < len(s.texts) and abs(j - k) <= MAX_NAME_TOKENS + 4 and not s.covered[j]:
        t = s.texts[j]
        initial = t == "." and j >= 1 and len(s.texts[j - 1]) == 1 and s.texts[j - 1].isupper()
        if not (initial or s.is_capitalised(j) or (len(t) == 1 and t.isupper())):
            break
        end, j = j, j + step
    return end


def camel_case_organizations(s: State) -> None:
    """Cyrillic words with capitals inside name companies: компании КазМунайГаз, ҚазМұнайГаздың."""
    for i, t in enumerate(s.texts):
        if not s.covered[i] and CYRILLIC_CAMEL_CASE.match(t):
            name = s.dictionary_form([t])
            # the case ending off, the capitals as written (КазМунайГаза: КазМунайГаз)
            s.emit(MentionKind.ORGANIZATION, i, i, t[:len(name)] if t.lower().startswith(name.lower()) else name,
                   "company")


def _latin_base(s: State, i: int) -> str:
    """A Latin name without the case ending hyphenated on (Hub-тың: Hub); a word hyphenated on is no ending, and the
    Latin part then no name of its own (IT-мамандар, IT-компаниялардың: IT specialists, IT companies)."""
    t = s.texts[i]
    m = LATIN_WITH_ENDING.match(t)
    if m is None:
        return t
    after = t[len(m.group(1)) + 1:]
    return t if len(after) >= WORD_AFTER_HYPHEN and s.common_word(after) else m.group(1)


def ministries(s: State) -> None:
    """``Minister of Agriculture`` / ``Министр сельского хозяйства``: the post names its ministry."""
    lang = profile(s.language)
    # a post of which the minister's word is only a part heads no ministry (Chief Minister of Gujarat)
    other_posts = {k for m in s.post_matches if m.payload not in MINISTERS for k in range(m.first, m.last + 1)}
    for i in range(len(s.texts) - 1):
        found = lang.ministry_at(s, i) if i not in other_posts else None
        if found:
            first, last, name = found
            # a ministry whose name the lexicon lists is that organization (Ministry of Foreign Affairs of Kazakhstan)
            known = s.lex.organization_named(name.partition("\t")[0])
            s.emit(MentionKind.ORGANIZATION, first, last, known or name, "government")
        body = lang.body_at(s, i)
        if body:
            first, last, name, subtype = body
            s.emit(MentionKind.ORGANIZATION, first, last, name, subtype)
            s.name_eponym(first, last)


