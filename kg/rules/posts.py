"""Posts: the words of a post bar names from running over them, and become role mentions.

The first pass marks every post's words as a barrier before any name is read; a later pass emits
the posts no name has covered, a post in the genitive with the word for a deputy after it as the
deputy's post.
"""

from __future__ import annotations

from kg.lang import Case, profile
from kg.matching import Match
from kg.model import MentionKind
from kg.rules.state import TITLE_LINKS, State
from kg.text import fold

# Capitalised words of a post's field that may stand between the word for a deputy and the post (Vice Foreign
# Minister, Deputy Trade Minister).
DEPUTY_FIELD_WORDS = 2
# The link between a body's head noun and its members' word (the House of Representatives; a determiner of the
# language may follow it: the Office of the President).
MEMBERS_LINKS = frozenset({"of"})
# The role of a deputy right before a post whose deputy the roles do not name (Deputy Director-General, Deputy Head):
# any other named post.
OTHER_DEPUTY = "official"


def _with_hyphenated(s: State, matches: list[Match[str]], skip: list[bool] | None = None) -> list[Match[str]]:
    """The roles' ``matches``, and a word for a deputy joined by a hyphen to a post the roles know as a word of its
    own, where they know not the whole (Vice-Marshal, Vice-Chairman): the deputy's post, or any other post where they
    name no deputy of it."""
    out = list(matches)
    taken = {k for m in matches for k in range(m.first, m.last + 1)}
    for k, t in enumerate(s.texts):
        if "-" not in t or k in taken or (skip is not None and skip[k]):
            continue
        head, _, tail = t.partition("-")
        if not tail or not s.lex.is_word(head, "deputy", s.language):
            continue
        post = next((m.payload for m in s.match.roles.find([tail]) if m.first == m.last == 0), None)
        if post is not None:
            out.append(Match(k, k, s.lex.deputy_role(post) or OTHER_DEPUTY))
    return sorted(out, key=lambda m: m.first) if len(out) > len(matches) else out


def mark_posts(s: State) -> None:
    """A post's words are a barrier no name runs over."""
    found = s.match.roles.find(s.texts)
    matches = s.post_matches = _with_hyphenated(s, found)
    s.openings = _proposed_openings(s) | _names_like_posts(s, found) | _in_body_names(s, matches) \
        | _members_of_bodies(s, matches)
    for m in matches:
        if m.first in s.openings:
            continue
        for k in range(m.first, m.last + 1):
            s.barrier[k] = True


def read_posts(s: State) -> None:
    """The posts that no name covers, as role mentions; the persons pass reads the names after them."""
    found = _with_hyphenated(s, s.match.roles.find(s.texts, skip=s.covered), skip=s.covered)
    s.role_matches = _deputies(s, [m for m in found if m.first not in s.openings])
    for m in s.role_matches:
        s.emit(MentionKind.ROLE, m.first, m.last, m.payload)


def _deputies(s: State, matches: list[Match[str]]) -> list[Match[str]]:
    """``губернаторының (бірінші) орынбасары``: a post in the genitive and the word for a deputy after it are one
    post, the deputy's (deputy-governor), where the roles know one."""
    out: list[Match[str]] = []
    for m in matches:
        before = out[-1] if out else None
        deputy = (s.lex.deputy_role(before.payload) or "") if before else ""
        # an ordinal may stand between: әкімінің бірінші орынбасары (first deputy)
        gap = range(before.last + 1, m.first) if before else range(0)
        if before and len(gap) <= 1 and all(s.lex.is_word(s.texts[k], "ordinal", s.language) for k in gap) \
                and m.first == m.last and deputy \
                and s.lex.is_word(s.texts[m.first], "deputy", s.language) \
                and profile(s.language).has_case(s.texts[before.last], Case.GENITIVE):
            out[-1] = Match(before.first, m.last, deputy)
            continue
        m = _deputy_before(s, m)
        while out and out[-1].first >= m.first:
            out.pop()  # the word for a deputy read as a post of its own (Deputy: a member of parliament)
        out.append(m)
    return out


def _deputy_before(s: State, m: Match[str]) -> Match[str]:
    """``Vice Foreign Minister``: where titles capitalise their words, the word for a deputy before a post, right
    before it in any case (Deputy Khokim, deputy chairman) or past the capitalised words of its field (which may name
    its ministry: Deputy Trade Minister), makes it the deputy's post, where the roles know one; right before a post
    whose deputy they do not know, any other named post."""
    deputy = s.lex.deputy_role(m.payload)
    if not profile(s.language).title_case_heads:
        return m
    k = m.first - 1
    # right before the post, in any case: Deputy Khokim, deputy chairman
    adjacent = k >= 0 and _deputy_word(s, k) and s.toks[m.first].start - s.toks[k].end <= 1
    if deputy is None:
        # Deputy Director-General: the word for a deputy right before a post is no post of its own
        return Match(k, m.last, OTHER_DEPUTY) if adjacent else m
    if adjacent:
        return Match(k, m.last, deputy)
    for k in range(m.first - 2, max(-1, m.first - 2 - DEPUTY_FIELD_WORDS), -1):
        gap = range(k + 1, m.first)
        if not all(s.is_capitalised(j) and not s.barrier[j] and (not s.covered[j] or _in_body(s, j)) for j in gap):
            break
        if s.is_capitalised(k) and _deputy_word(s, k):
            return Match(k, m.last, deputy)
    return m


def _deputy_word(s: State, k: int) -> bool:
    return s.lex.is_word(s.texts[k], "deputy", s.language)


def _in_body(s: State, j: int) -> bool:
    """Is token ``j`` inside an organization read so far (a ministry a field names: Trade of Deputy Trade Minister)?"""
    start = s.toks[j].start
    return any(o.kind == MentionKind.ORGANIZATION and o.start <= start < o.end for o in s.out)


def _names_like_posts(s: State, matches: list[Match[str]]) -> frozenset[int]:
    """Capitalised words inside a sentence that only share a stem with a post's word (Елбанмен and Елбасы): names."""
    out = set()
    forms = profile(s.language).forms
    for m in matches:
        if m.first == m.last and s.is_capitalised(m.first) and not s.sentence_initial(m.first) and not any(
                forms.whole_form(s.texts[m.first], words[0]) for words, role, _ in s.lex.post_cues(s.language)
                if role == m.payload and len(words) == 1):
            out.add(m.first)
    return frozenset(out)


def _in_body_names(s: State, matches: list[Match[str]]) -> frozenset[int]:
    """A capitalised post's word right before a head noun of a body, capitalised where titles capitalise their words,
    is a word of the body's name: the Vitebsk Regional Executive Committee, the Executive Board, Өкілдер палатасы,
    Кеңесшілер палатасының."""
    lower_heads = not profile(s.language).title_case_heads
    return frozenset(m.first for m in matches if s.is_capitalised(m.last) and m.last + 1 < len(s.texts)
                     and ((lower_heads and not s.sentence_initial(m.first)) or s.is_capitalised(m.last + 1))
                     and s.is_head(m.last + 1, kind="organization"))


def _members_of_bodies(s: State, matches: list[Match[str]]) -> frozenset[int]:
    """A capitalised post's word right after a body's head noun and its link (of, of the) names the body's members or
    its head, a word of its name: the House of Representatives, the Council of Ministers, the Office of the
    President."""
    out = set()
    # (or the recogniser's body of that form: the House of Councillors)
    proposed = {first for kind, first, last in s.proposals if kind == MentionKind.ORGANIZATION}
    determiners = profile(s.language).determiners
    for m in matches:
        k = m.first - 1
        if k >= 0 and fold(s.texts[k]) in determiners:
            k -= 1
        if k >= 1 and fold(s.texts[k]) in MEMBERS_LINKS and s.is_capitalised(m.first) and s.is_capitalised(k - 1) \
                and (s.is_head(k - 1, kind="organization") or (k - 1) in proposed):
            out.add(m.first)
    return frozenset(out)


def _proposed_openings(s: State) -> frozenset[int]:
    """First words of proposed organizations of the form ``X of Y`` (Governorate of Ankara): not posts."""
    return frozenset(first for kind, first, last in s.proposals if kind == MentionKind.ORGANIZATION
                     and last > first + 1 and fold(s.texts[first + 1]) in TITLE_LINKS)
