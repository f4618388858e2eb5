"""States a report leaves implicit: the host of a diplomat, the state of a foreign official, of a delegation's
members, of an official who met a foreign one."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from kg.model import MentionKind
from kg.relations.leaders import delegation_origins, led_members
from kg.relations.meetings import names_joined, with_
from kg.relations.posts import role_before
from kg.relations.state import DIPLOMATS, HEADS, PostDraft, State

# What may stand between the noun of a delegation and the state after it: делегация Азербайджана, a delegation
# from the Netherlands.
DELEGATION_LINKS = ([], ["from"], ["of"], ["of", "the"], ["from", "the"])


def _beside(s: State, first: str, second: str) -> bool:
    """Does a sentence name ``second`` joined to ``first`` right after him, the two together meeting someone named
    after them "with" (A and B met with C; A мен B C-мен кездесті): the same side?"""
    for m in s.mentions_of(first):
        if m.kind != MentionKind.PERSON:
            continue
        persons = s.in_sentence(s.sentence_of[m], MentionKind.PERSON)
        at = persons.index(m)
        if at + 2 >= len(persons) or s.key_of[persons[at + 1]] != second or not names_joined(s, m, persons[at + 1]):
            continue
        if not any(with_(s, p, role_before(s, p)) for p in persons[:at + 2]) and any(
                with_(s, p, role_before(s, p)) for p in persons[at + 2:]):
            return True
    return False


def infer_countries(s: State) -> None:
    origins = delegation_origins(s)
    for p in s.posts:
        if p.holder in origins and p.role not in DIPLOMATS:
            state, body = origins[p.holder]
            # the leader of a delegation from a state, or of one of its bodies: of that state, in that body
            if p.country is None or (p.assumed and p.jurisdiction is None):
                p.country = state
            if p.jurisdiction is None and body is not None:
                p.jurisdiction = body
    counts = Counter(m.value for m in s.mentions if m.kind == MentionKind.COUNTRY and m.subtype != "home")
    foreign = [c for c, _ in counts.most_common() if c != s.home]
    for p in s.posts:
        if p.role not in DIPLOMATS:
            continue
        if p.country is None and p.accredited_to is None:
            mission = _mission(s, p)
            if mission is not None:
                p.country, p.accredited_to = mission
            else:
                _from_counterparts(s, p)
        if p.accredited_to is None:
            p.accredited_to = _host_met(s, p)
        if p.accredited_to is None and s.home is None:
            # No home state to assume: the host is the state the report names most, other than his own.
            p.accredited_to = next((c for c, _ in counts.most_common() if c != p.country), None)
        if p.accredited_to is None:
            p.accredited_to = s.home if p.country and p.country != s.home else (foreign[0] if foreign else None)
        if p.country is None:
            p.country = s.home if p.accredited_to and p.accredited_to != s.home else (foreign[0] if foreign else None)
    by_holder: dict[str, list[PostDraft]] = {}
    for p in s.posts:
        by_holder.setdefault(p.holder, []).append(p)
    for member, leader in led_members(s).items():
        # the members of a delegation a foreigner leads are of his state, not the host's (a group of businessmen
        # led by the Netherlands' honorary consul)
        state = next((q.country for q in by_holder.get(leader, []) if q.country not in (None, s.home)), None)
        for p in by_holder.get(member, []):
            if state is not None and p.country is None and p.role not in DIPLOMATS:
                p.country = state
    for p in s.posts:
        if p.country is not None or p.role in DIPLOMATS:
            continue
        for d in s.meetings:
            if p.holder not in d.participants:
                continue
            # the state the meeting took place in, where it is foreign: an envoy accredited to several states met
            # him in one of them (the ambassador to Ethiopia, also accredited to Kenya, in a county of Kenya)
            held_in = s.country_of(d.location)
            for other in d.participants:
                for q in by_holder.get(other, []):
                    if q.role not in DIPLOMATS or not q.country or not q.accredited_to:
                        continue
                    if _beside(s, other, p.holder):
                        p.country = q.country  # the ambassador of Canada and Trade Commissioner B met with ...
                    else:
                        p.country = held_in if held_in not in (None, s.home, q.country) else q.accredited_to
            if p.country:
                break
    for p in s.posts:
        if p.country is None and p.role not in DIPLOMATS and s.home is not None and _met_foreign_official(s, p):
            # Сыртқы істер министрі X Латвия Сыртқы істер министрі Y-мен сөйлесті: X of no state is the home state's
            p.country, p.assumed = s.home, True
    for p in s.posts:
        if p.assumed:
            p.country = _host_of_envoy(s, p) or p.country
    unknown = [p for p in s.posts if p.country is None]
    states = _delegation_states(s) if unknown else []  # read only where a post's state is still unknown
    for p in unknown:
        if states:
            named = _sentences_naming(s, p.holder)
            p.country = next((state for idx, state in states if idx in named), None)
    for p in unknown:
        if p.country is None and p.role not in DIPLOMATS and s.home is not None and any(
                p.holder in d.participants and s.country_of(d.location) == s.home for d in s.meetings) and not any(
                m.value != s.home for idx in _sentences_naming(s, p.holder)
                for m in s.in_sentence(idx, MentionKind.COUNTRY)):
            # an official of no state told, at a meeting held in the home state, named with no foreign state: the
            # home state's
            p.country = s.home
    _paired_heads(s, counts)


def _paired_heads(s: State, counts: Counter[str]) -> None:
    """Two heads of state or government of no state told, named together (Мемлекет басшылары Қасым-Жомарт Тоқаев
    пен Шавкат Мирзиёев, президентами A и B, Presidents A and B): the heads of two states, not both of the home
    state. The report names its own head first; the second heads the foreign state it names most."""
    foreign = [c for c, _ in counts.most_common() if c != s.home]
    if s.home is None or not foreign:
        return
    assumed = {p.holder: p for p in s.posts if p.role in HEADS and p.assumed and p.jurisdiction is None
               and p.country == s.home}
    for idx in range(len(s.sentences)):
        persons = s.in_sentence(idx, MentionKind.PERSON)
        for a, b in pairwise(persons):
            first, second = assumed.get(s.key_of[a]), assumed.get(s.key_of[b])
            if first is not None and second is not None and first is not second and names_joined(s, a, b):
                second.country = foreign[0]


def _delegation_states(s: State) -> list[tuple[int, str]]:
    """The sentences that name a delegation with its state right beside it (делегацией Азербайджана, Қытай
    делегациясын, a delegation from the Netherlands), each with the state; and the sentence after each that goes
    on about its members (В состав делегации вошли ...)."""
    out: list[tuple[int, str]] = []
    for idx in range(len(s.sentences)):
        countries = s.in_sentence(idx, MentionKind.COUNTRY)
        for start, end in s.word_spans(idx, "delegation"):
            state = next((c.value for c in countries if c.value != s.home and (
                (c.end <= start and not s.text[c.end:start].strip())
                or (c.start >= end and s.text[end:c.start].split() in DELEGATION_LINKS))), None)
            if state is not None:
                out.extend([(idx, state), (idx + 1, state)])
    return out


def _sentences_naming(s: State, key: str) -> set[int]:
    return {s.sentence_of[m] for m in s.mentions if m.kind == MentionKind.PERSON and s.key_of.get(m) == key}


def _met_foreign_official(s: State, p: PostDraft) -> bool:
    """Did the holder of ``p`` meet an official (no diplomat) of a state other than the home state, the two of them
    alone (in a larger meeting he may be of the foreign delegation)?"""
    met = {q for d in s.meetings if p.holder in d.participants and len(d.participants) == 2
           for q in d.participants} - {p.holder}
    return any(q.holder in met and q.role not in DIPLOMATS and q.country not in (None, s.home) for q in s.posts)


def _met_by(s: State, holder: str) -> set[str]:
    """Everyone who took part in a meeting with ``holder``."""
    return {q for d in s.meetings if holder in d.participants for q in d.participants} - {holder}


def _host_of_envoy(s: State, p: PostDraft) -> str | None:
    """The state a head assumed to be the home state's heads where he met a diplomat of the home state abroad:
    in that state (a meeting held there), or receiving the diplomat's credentials (Посол Казахстана в Малайзии
    встретился с Премьер-министром X в Путраджае; presented her credentials to President X)."""
    for d in s.meetings:
        if p.holder not in d.participants:
            continue
        hosts = {q.accredited_to for q in s.posts if q.holder in d.participants and q.role in DIPLOMATS
                 and q.country == s.home and q.accredited_to not in (None, s.home)}
        if len(hosts) != 1:
            continue
        host, there = hosts.pop(), s.country_of(d.location)
        if there == host or (there is None and any(s.has_word(i, "credentials") for i in d.sentences)):
            return host
    return None


def _host_met(s: State, p: PostDraft) -> str | None:
    """The one other state whose officials (no diplomats) a diplomat of a known state met: his host (Japanese
    Ambassador X met the Governor of Almaty Region Y)."""
    met = _met_by(s, p.holder)
    hosts = {q.country for q in s.posts if q.holder in met and q.role not in DIPLOMATS and q.country
             and q.country != p.country}
    return hosts.pop() if len(hosts) == 1 else None


def _mission(s: State, p: PostDraft) -> tuple[str, str] | None:
    """The state and host of the one mission whose diplomats of a named state took part in a meeting with a diplomat
    who names no state: a member of its staff (the embassy's counsellor, a consul, beside the ambassador)."""
    met = _met_by(s, p.holder)
    missions = {(q.country, q.accredited_to) for q in s.posts if q.holder in met and q.role in DIPLOMATS
                and q.country and q.accredited_to}
    return missions.pop() if len(missions) == 1 else None


def _from_counterparts(s: State, p: PostDraft) -> None:
    """A diplomat who names no state of his own: the officials he met tell which side he is on.

    Meeting an official of one state, he is accredited to that state; he serves the state the
    report names most besides it.
    """
    met = _met_by(s, p.holder)
    hosts = Counter(q.country for q in s.posts if q.holder in met and q.role not in DIPLOMATS and q.country)
    if len(hosts) != 1:
        return
    host = next(iter(hosts))
    counts = Counter(m.value for m in s.mentions if m.kind == MentionKind.COUNTRY and m.value != host)
    p.accredited_to = host
    p.country = counts.most_common(1)[0][0] if counts else None
