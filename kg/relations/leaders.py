"""Who a delegation is: the person a word of leading names beside it (Габор Ковач бастаған делегация, делегация во
главе с губернатором X, a delegation led by X), else the persons with a post a sentence of its composition names
(Делегация құрамында A және B бар, В состав делегации вошли A и B, The delegation included A and B). A later meeting
the delegation holds with one named person is theirs."""

from __future__ import annotations

from kg.model import MentionKind
from kg.relations.state import State

# At most this many characters between the word of leading and the leader's name (во главе с вице-губернатором
# провинции Цзянсу X): his post and its complements.
LEADER_REACH = 60
# The side of the word of leading a leader's name stands on (the value of a ``leader`` word in ``words.tsv``).
BEFORE, AFTER = "before", "after"


def delegation_leaders(s: State) -> dict[int, tuple[str, ...]]:
    """For each sentence from the first that names a delegation's leader or members on, the last named up to it."""
    out: dict[int, tuple[str, ...]] = {}
    party: tuple[str, ...] = ()
    for idx in range(len(s.sentences)):
        if s.word_spans(idx, "delegation"):
            leader = _leader_in(s, idx)
            party = (leader,) if leader is not None else _members_in(s, idx) or party
        if party:
            out[idx] = party
    return out


def led_by(s: State, idx: int, leaders: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
    """The leader or members of the delegation sentence ``idx`` names, where it names one and no leader of its own
    stands in it (the delegation of a meeting told with one named person: венгр делегациясы ... ректорымен
    кездесті)."""
    if not s.word_spans(idx, "delegation") or _leader_in(s, idx) is not None:
        return ()
    return leaders.get(idx, ())


def led_members(s: State) -> dict[str, str]:
    """The members of a group a sentence names with its leader, or the sentence right after names as its
    composition (X бастаған іскерлер тобы ... Делегация құрамында A мен B болды): each member's leader, by key."""
    out: dict[str, str] = {}
    for idx in range(len(s.sentences)):
        if (leader := _leader_in(s, idx)) is None:
            continue
        for at in (idx, idx + 1):
            if at < len(s.sentences):
                for member in _members_in(s, at):
                    if member != leader:
                        out.setdefault(member, leader)
    return out


def delegation_origins(s: State) -> dict[str, tuple[str, str | None]]:
    """The state a delegation's leader comes from, and the body, where the sentence names them between the noun of
    the delegation and the word of leading (a delegation from Kazakhstan headed by X; a delegation of the Mazhilis
    ... led by X; делегация Сената во главе с X): the leader's, by his key."""
    out: dict[str, tuple[str, str | None]] = {}
    for idx in range(len(s.sentences)):
        spans = s.word_spans(idx, "delegation")
        if not spans:
            continue
        found = _leading(s, idx)
        if found is None or found[0] in out:
            continue
        leader, lead = found
        for start, end in spans:
            low, high = (end, lead[0]) if end <= lead[0] else (lead[1], start)
            # a state named inside the body's name counts (a delegation of the National Assembly of Hungary)
            between = [m for m in s.in_sentence(idx) if low <= m.start and m.end <= high
                       and (m.kind == MentionKind.COUNTRY or (m.kind == MentionKind.ORGANIZATION and not s.nested(m)))]
            body = next((m for m in between if m.kind == MentionKind.ORGANIZATION), None)
            body_key = s.key_of.get(body) if body is not None else None
            state = s.country_of(body_key) or next((m.value for m in between if m.kind == MentionKind.COUNTRY), None)
            if state is not None:
                out[leader] = (state, body_key)
                break
    return out


def _members_in(s: State, idx: int) -> tuple[str, ...]:
    """The persons with a post sentence ``idx`` names as a delegation's composition (құрамында, в состав, included)."""
    if not s.has_word(idx, "composition"):
        return ()
    holders = {p.holder for p in s.posts}
    return tuple(dict.fromkeys(k for m in s.in_sentence(idx, MentionKind.PERSON) if (k := s.key_of[m]) in holders))


def _leader_in(s: State, idx: int) -> str | None:
    """The person a word of leading in sentence ``idx`` names (``_leading``)."""
    found = _leading(s, idx)
    return found[0] if found is not None else None


def _leading(s: State, idx: int) -> tuple[str, tuple[int, int, str]] | None:
    """The person a word of leading in sentence ``idx`` names, the nearest name on the word's side within
    ``LEADER_REACH`` characters, and that word (its offsets and side)."""
    persons = s.in_sentence(idx, MentionKind.PERSON)
    if not persons:
        return None
    for word in s.word_values(idx, "leader"):
        start, end, side = word
        if side == BEFORE:
            near = [m for m in persons if m.end <= start and start - m.end <= LEADER_REACH]
            found = max(near, key=lambda m: m.end, default=None)
        else:
            near = [m for m in persons if m.start >= end and m.start - end <= LEADER_REACH]
            found = min(near, key=lambda m: m.start, default=None)
        if found is not None:
            return s.key_of[found], word
    return None
