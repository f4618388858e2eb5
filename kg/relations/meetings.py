"""Meetings: sentences that say a meeting took place, the persons in them, visits to a host or at its invitation."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise

from kg.lang import Case
from kg.model import Mention, MentionKind
from kg.relations.leaders import delegation_leaders, led_by
from kg.relations.posts import modifies, role_after, role_before
from kg.relations.state import DIPLOMATS, GOVERNOR_REACH, HEADS, OF, WORD_EDGES, MeetingDraft, PostDraft, State

# Characters read back from a person's post for the word "with" (with the Mayor of X).
WITH_REACH = 12

# A post word right before a name names that person, not an earlier holder of the post.
NAMED_AFTER = 12
# Words at most between a post word and the next post word whose complement it is (Төрағасының бірінші орынбасары).
CHAIN_WORDS = 1
# How many sentences from a meeting a delegation or "the sides" may be named and still be its party.
GROUP_REACH = 3
# Characters read back from a member's post for "the visit of".
POSSESSOR_REACH = 40
# Characters read beside a name for the word next to it (X атынан: on whose behalf; A мен B арасында: between).
WORD_REACH = 16
# Characters read after a word of meeting for the word that makes it one of taking part (принял участие).
PART_REACH = 16
# How many sentences after a bare post word in a sentence of meeting its holder may first be named.
LATER_REACH = 2
# Characters between the word of an invitation and the name of the one who invited (по приглашению губернатора X).
INVITATION_REACH = 30
# Words before a person's post (or name) read for one on whose behalf someone speaks (on behalf of Mazhilis Chairman X).
BEHALF_WORDS = 3
# Words at most before the noun of a meeting that a word puts something after (After the meeting, ...; not: ...,
# following talks between ...).
SEQUEL_OPENING = 3
# Words at most on either side of a word of meeting, within its clause, where a word of one planned makes it a meeting
# ahead, not one held (will also meet, is scheduled to meet, встреча состоится, кездесуі жоспарланған).
PLANNED_WORDS = 3
# The words of meeting, visit, company and presence: one before the agent's word makes a meeting (received by X).
MEETING_WORDS = ("meeting", "visit", "group", "attendance", "hold")


def read_meetings(s: State) -> None:
    role_of: dict[str, str] = {}
    for p in s.posts:
        role_of.setdefault(p.holder, p.role)
    protagonist = _protagonist(s)
    out: list[MeetingDraft] = []
    joint = _joint_sentences(s)
    joining: list[str] = []  # who takes part in all the meetings told after (Во встречах также принял участие X)
    leaders = s.delegations = delegation_leaders(s)
    for idx in sorted(set(_sentences_with(s, "meeting")) | set(joint)):
        cues = [m for m in s.in_sentence(idx, MentionKind.MEETING) if m.value == "meeting"]
        taking_part = [m for m in cues if _taking_part(s, m)]
        ahead = not out and s.several(idx) and bool(taking_part or s.has_word(idx, "attendance"))
        if cues and len(taking_part) == len(cues) and not _meeting_noun_in(s, idx - 1) and not ahead:
            continue  # принял участие в форуме: took part in something else, met no one (but: Встреча прошла ...
            # В ней приняли участие A и B)
        if cues and idx not in joint and all(_planned(s, idx, m) for m in cues):
            continue  # Tamm will also meet the Governor on Wednesday: a meeting ahead is none yet
        if s.opening is not None and idx < s.opening and not s.in_sentence(idx, MentionKind.PERSON):
            continue  # a title that names posts and no one (Астанада АӨСШК Атқарушы директорымен кездесу өтті)
        cue = next((m for m in cues if m not in taking_part), None) or joint.get(idx) or taking_part[0]
        named: list[tuple[int, str]] = []  # (where, person), in the order the sentence names them
        persons: list[Mention] = []
        speech = _speech_of_others(s, idx, cue)
        for m in s.in_sentence(idx, MentionKind.PERSON):
            if _named_in_passing(s, m, role_of) or _aside(s, m) or _reported(s, m, cue) or m.end <= speech \
                    or _on_behalf(s, m) or m in s.eponyms:
                continue
            named.append((m.start, s.key_of[m]))
            persons.append(m)
        met = _named_as_met(s, persons)
        for r in s.in_sentence(idx, MentionKind.ROLE):
            if not _named_after(s, r) and not _apposed(s, r) and not _in_chain(s, r) and r.end > speech:
                earlier = _earlier_holders(s, r)
                named.extend((r.start, h) for h in (earlier or _later_holders(s, r)))
        people = list(dict.fromkeys(key for _, key in sorted(named)))
        spanned = _spanned(s, idx, len(out))
        if ahead and people:
            # Во встречах также принял участие X / Кездесулерге X қатысты / X took part in the meetings, before any
            # is told: X takes part in each told after
            joining.extend(p for p in people if p not in joining)
            continue
        if spanned and people:
            # X took part in both meetings / В обеих встречах принял участие X / Барлық кездесулерге X қатысты
            for d in out[-spanned:]:
                d.participants.extend(p for p in people if p not in d.participants)
                d.sentences.append(idx)
            continue
        told = max(out, key=lambda d: max(d.sentences), default=None)
        if told and people and (_attending(s, idx) or _refers_back(s, idx, persons, told)):
            # На встрече присутствовали A и B / Кездесуге A мен B қатысты / В ходе встречи A рассказал: more
            # participants of the meeting told
            told.participants.extend(p for p in people if p not in told.participants)
            told.sentences.append(idx)
            continue
        if taking_part and people and out and (len(people) == 1 or idx - max(out[-1].sentences) <= 1):
            # Также во встрече принял участие X / В работе совета приняли участие A и B (right after the meeting
            # told): more participants of the meeting told before.
            out[-1].participants.extend(p for p in people if p not in out[-1].participants)
            out[-1].sentences.append(idx)
            continue
        implicit_subject = people and (met == len(people) or _pronoun_subject(s, idx, cue, named))
        party = led_by(s, idx, leaders) if len(people) == 1 else ()
        # the Kazakh delegation was received by X: those of the meeting before, in a meeting of their own
        if not party and len(people) == 1 and out and people[0] not in out[-1].participants \
                and (team := _state_delegation(s, idx, out[-1])):
            out.append(MeetingDraft([*team, *people], [idx], s.evidence(cue)))
            continue
        if party and not set(party) & set(people):
            people[:0] = party  # the delegation led by X ... met Y: X met Y
        elif (len(people) == 1 or implicit_subject) and protagonist and protagonist not in people:
            people.insert(0, protagonist)
        if len(people) < 2 and out and set(people) <= set(out[-1].participants):
            out[-1].sentences.append(idx)
            continue
        if not people or (len(people) == 1 and s.several(idx)):
            continue  # (a series of meetings one person held: each is told on its own, or none is)
        if len(people) > 2 and s.several(idx):
            # провёл встречи с A и B / held meetings with A and B: one meeting with each
            out.extend(MeetingDraft([people[0], other], [idx], s.evidence(cue)) for other in people[1:])
            continue
        # the meeting told again, unless someone it did not have is met "with" here (a second meeting of its sides)
        met_with = {s.key_of[m] for m in persons if with_(s, m, role_before(s, m))}
        # (a telling of one person alone, a summary of the visit, is told on only by the next meeting: held meetings
        # in Jalisco on May 16-17. In Guadalajara he met X; not one after another meeting told)
        # (after the meeting told, the same persons meet again only where no one else is named: After the meeting, A
        # and B visited the university, where its rector C showed them ...)
        fresh = _after_a_meeting(s, idx)
        target = next((d for d in out if set(people) <= set(d.participants) or (
            not fresh and met_with <= set(d.participants) and (
                (set(d.participants) <= set(people) and (len(d.participants) > 1 or d is out[-1]))
                or len(set(people) & set(d.participants)) >= 2))), None)
        if target:
            target.participants.extend(p for p in people if p not in target.participants)
            target.sentences.append(idx)
        else:
            # One named side only: the other may be a delegation or "the sides" named nearby.
            out.append(MeetingDraft(people, [idx], s.evidence(cue)))
    for d in out:
        d.participants.extend(p for p in joining if p not in d.participants)
    s.meetings = out
    _attended(s, role_of)
    _groups(s, role_of)
    s.meetings = [d for d in s.meetings if len(d.participants) >= 2]
    _visits(s, protagonist)
    _visits_to_hosts(s, protagonist)


def _state_delegation(s: State, idx: int, told: MeetingDraft) -> tuple[str, ...]:
    """The persons of a state's delegation named by its adjective and no leader (the Kazakh delegation, казахстанская
    делегация, қазақстандық делегация): those of the meeting told before whose post is that state's."""
    spans = s.word_spans(idx, "delegation")
    states = {m.value for m in s.in_sentence(idx, MentionKind.COUNTRY)
              if any(0 <= start - m.end <= 1 for start, _ in spans)}
    if not states:
        return ()
    return tuple(k for k in told.participants if any(p.holder == k and p.country in states for p in s.posts))


def _pronoun_subject(s: State, idx: int, cue: Mention, named: list[tuple[int, str]]) -> bool:
    """Is the meeting's subject a pronoun before the word of meeting and before everyone named (on the sidelines he
    met A, на полях он встретился с A, онда ол A және B-мен кездесті)?"""
    sentence = s.sentences[idx]
    first = min([at for at, _ in named] + [cue.start])
    return any(s.lex.is_word(w.strip(WORD_EDGES), "pronoun", s.report.language)
               for w in s.text[sentence.start:first].split())


def _planned(s: State, idx: int, cue: Mention) -> bool:
    """Is the word of meeting one of a meeting ahead: a word of one planned or a verb in the future is it, or stands
    ``PLANNED_WORDS`` words at most before or after it with no punctuation between (will also meet; кездеседі;
    встреча состоится)?"""
    toks = s.sentence_tokens(idx)
    base = s.sentences[idx].start
    at = [k for k, t in enumerate(toks) if cue.start <= base + t.start < cue.end]
    if not at:
        return False
    language = s.report.language

    def planned(k: int) -> bool:
        return s.lex.is_word(toks[k].text, "planned", language) or s.language.is_future(toks[k].text)

    if any(planned(k) for k in at):
        return True
    for step, edge in ((-1, at[0]), (1, at[-1])):
        k, words = edge + step, 0
        while 0 <= k < len(toks) and words < PLANNED_WORDS and toks[k].text[:1].isalnum():
            if planned(k):
                return True
            k, words = k + step, words + 1
    return False


def _ahead(s: State, idx: int) -> bool:
    """Are the words of meeting of sentence ``idx`` all of meetings ahead (``_planned``), one at least?"""
    cues = [m for m in s.in_sentence(idx, MentionKind.MEETING) if m.value == "meeting"]
    return bool(cues) and all(_planned(s, idx, m) for m in cues)


def _spanned(s: State, idx: int, told: int) -> int:
    """How many of the ``told`` meetings told before the sentence speaks of by the noun of meetings after a word
    that spans them (both meetings: two; all the meetings: all); none where one or none was told."""
    if told < 2:
        return 0
    for m in s.in_sentence(idx, MentionKind.MEETING):
        if m.value != "meeting" or not s.meeting_noun(m):
            continue
        word = (s.word_before(m.start, GOVERNOR_REACH) or "").strip(WORD_EDGES)
        if s.lex.is_word(word, "both", s.report.language):
            return 2
        if s.lex.is_word(word, "every", s.report.language):
            return told
    return 0


def _attended(s: State, role_of: dict[str, str]) -> None:
    """``Кездесу ... өтті. Оған A мен B қатысты`` / ``It was attended by A and B`` / ``A met B. C also attended.``: a
    sentence of attending with no word of meeting, right after one that tells a meeting, names more of its
    participants; one that names none is no part of it (invited companies to take part in projects)."""
    for idx in range(1, len(s.sentences)):
        if not s.has_word(idx, "attendance") or s.in_sentence(idx, MentionKind.MEETING):
            continue
        told = next((d for d in s.meetings if idx - 1 in d.sentences), None)
        if told is None:
            continue
        more = [k for k in dict.fromkeys(_parties(s, idx, role_of)) if k not in told.participants]
        if more or _meeting_noun_in(s, idx - 1):
            told.participants.extend(more)
            told.sentences.append(idx)


def _taking_part(s: State, cue: Mention) -> bool:
    """Is a word of meeting the verb of taking part (принял участие, took part)?"""
    after = s.text[cue.end:cue.end + PART_REACH].split()[:1]
    return bool(after) and s.lex.is_word(after[0].strip(".,;:"), "participation", s.report.language)


def _reported(s: State, m: Mention, cue: Mention) -> bool:
    """Is the person named in reported speech after the word of meeting (the ambassador noted that President X
    ..., посол отметил, что Президент X ...), not as the one met with (noted that the meeting with Mayor X)?"""
    if m.start < cue.end:
        return False
    words = s.text[cue.end:m.start].split()
    return (any(s.lex.is_word(w.strip(WORD_EDGES).lower(), "reported", s.report.language) for w in words)
            and not with_(s, m, role_before(s, m)))


def _speech_of_others(s: State, idx: int, cue: Mention) -> int:
    """Where the reported speech that tells the meeting begins, when it names both sides itself: its speaker took
    no part (Мэр отметил, что Президент A провел переговоры с Президентом B; the mayor noted that President A held
    talks with President B). -1 where no such speech tells it (the speaker's own meeting: посол отметил, что встреча
    с мэром X была полезной)."""
    starts = [start for start, _ in s.word_spans(idx, "reported") if start < cue.start]
    if not starts:
        return -1
    clause = starts[-1]
    return clause if sum(m.start > clause for m in s.in_sentence(idx, MentionKind.PERSON)) >= 2 else -1


def _refers_back(s: State, idx: int, persons: list[Mention], told: MeetingDraft) -> bool:
    """Does the sentence name the meeting told before by its noun alone (Кездесуде, В ходе встречи, During the
    meeting): no verb that holds a meeting, no plural, and no one new met "with" in it?"""
    cues = [m for m in s.in_sentence(idx, MentionKind.MEETING) if m.value == "meeting"]
    if not cues or not all(s.meeting_noun(m) for m in cues):
        return False
    if s.has_word(idx, "hold") or s.several(idx) or _after_a_meeting(s, idx):
        return False
    return not any(s.key_of[m] not in told.participants and with_(s, m, role_before(s, m)) for m in persons)


def _after_a_meeting(s: State, idx: int) -> bool:
    """Does sentence ``idx`` open with what came after a meeting (Кездесуден кейін, После встречи, After the
    meeting): a meeting of its own, not more of the one told?"""
    sequels = s.word_values(idx, "sequel", inflected=False)  # кейін, соң; not соңында (at the end of the meeting)
    start = s.sentences[idx].start
    for m in s.in_sentence(idx, MentionKind.MEETING):
        if not sequels or m.value != "meeting" or not s.meeting_noun(m) \
                or len(s.text[start:m.start].split()) > SEQUEL_OPENING:
            continue
        if any((side == "before" and end <= m.start and all(w.lower() in s.language.determiners
                                                             for w in s.text[end:m.start].split()))
               or (side == "after" and first >= m.end and not s.text[m.end:first].strip())
               for first, end, side in sequels):
            return True
    return False


def _meeting_noun_in(s: State, idx: int) -> bool:
    """Does sentence ``idx`` name a meeting by its noun (Встреча прошла в Милане), or a session both sides attend
    (Сопредседателями заседания выступили A и B)?"""
    return idx >= 0 and any(m.value == "meeting" and (s.meeting_noun(m) or s.lex.is_noun(
        m.text.split()[-1].strip(WORD_EDGES), "meeting", s.report.language)) for m in s.in_sentence(
            idx, MentionKind.MEETING))


def _attending(s: State, idx: int) -> bool:
    """Does the sentence say who attended a meeting (the noun of a meeting and a word of attending: на встрече
    присутствовали, кездесуге қатысты, the meeting was attended by)?"""
    return any(s.meeting_noun(m) for m in s.in_sentence(idx, MentionKind.MEETING)) and s.has_word(idx, "attendance")


def _named_as_met(s: State, persons: list[Mention]) -> int:
    """How many of the persons the sentence names as those met: with a case ending, or after the word "with"
    (с мэром A, with Mayor A). A coordination shares its case: where a language marks case by endings it takes
    one on its last name only (A және B-мен: with A and B); where a preposition marks it, the preposition stands
    before the first (with Mayor A and Rector B). So the names joined to a marked one count too."""
    marked = [s.case_word(m) != m.value.split()[-1] or (not s.language.marks_case and with_(s, m, role_before(s, m)))
              for m in persons]
    joined = [names_joined(s, a, b) for a, b in pairwise(persons)]
    if s.language.marks_case:
        for i in range(len(persons) - 2, -1, -1):
            marked[i] = marked[i] or (marked[i + 1] and joined[i])
    else:
        for i in range(1, len(persons)):
            marked[i] = marked[i] or (marked[i - 1] and joined[i - 1])
    return sum(marked)


def names_joined(s: State, a: Mention, b: Mention) -> bool:
    """Are two names joined by "and" or a comma (A және B, A и B, A, B), B's post perhaps between?"""
    between = s.text[a.end:b.start]
    words = between.replace(",", " ").split()
    conjunction = not words or between.lstrip().startswith(",")
    if words and s.lex.is_word(words[0], "and", s.report.language):
        conjunction, words = True, words[1:]
    role = role_before(s, b)
    return conjunction and (not words or (role is not None and role.start >= a.end))


def _sentences_with(s: State, cue: str) -> list[int]:
    return sorted({s.sentence_of[m] for m in s.mentions if m.kind == MentionKind.MEETING and m.value == cue})


def _joint_sentences(s: State) -> dict[int, Mention]:
    """Sentences where officials of two states, joined by "and" or "with", are the subject of talks.

    ``Ақмола облысының әкімі A пен Иранның Елшісі B ... талқылады`` / ``A и Посол Ирана B обсудили``:
    no word of meeting, but the two sides discussed together; so with ``A Мишальскиймен пікір алмасты`` /
    ``A обменялся мнениями с мэром B`` / ``A exchanged views with Mayor B``, and a visit made together
    (``A Корея елшісі B-мен бірге зауытты аралады``). Each is mapped to the first name.
    """
    country = {p.holder: p.country for p in s.posts if p.country}
    holders = {p.holder for p in s.posts}
    envoys = {p.holder for p in s.posts if p.role in DIPLOMATS}
    accredited = {p.holder: p.accredited_to for p in s.posts if p.role in DIPLOMATS and p.accredited_to}
    out: dict[int, Mention] = {}
    for idx in range(len(s.sentences)):
        persons = s.in_sentence(idx, MentionKind.PERSON)
        if len(persons) < 2 or not (s.has_word(idx, "discussion") or (
                s.has_word(idx, "visit") and s.has_word(idx, "together"))):
            continue
        for a, b in pairwise(persons):
            ca, cb = country.get(s.key_of[a]), country.get(s.key_of[b])
            gap = s.text[a.end:b.start]
            if role_after(s, a) is not None and "," in gap:
                gap = gap[gap.rindex(",") + 1:]  # A, Honorary Consul in Porto, and B: past A's post
            words = gap.replace(",", " ").split()  # A, and B; A, the Akim of X, and B
            role = role_before(s, b)
            sides = _two_sides(s.key_of[a], s.key_of[b], country, envoys, accredited, alone=len(persons) == 2)
            joined = sides and words and s.lex.is_word(words[0], "and", s.report.language) and (
                len(words) == 1 or (role is not None and role.start >= a.end))
            # In company, two holders of posts not known to serve one state.
            accompanied = {s.key_of[a], s.key_of[b]} <= holders and not (ca and ca == cb) and with_(s, b, role)
            if joined or accompanied:
                out[idx] = a
                break
    return out


def _two_sides(a: str, b: str, country: dict[str, str], envoys: set[str], accredited: dict[str, str], *,
               alone: bool) -> bool:
    """Are two persons sides of talks: two states' officials; an envoy whose state is not said and another
    state's official; or, the two alone in their sentence (not a list of a delegation), an envoy accredited to a
    state and an official whose state is not said (its host's)?"""
    ca, cb = country.get(a), country.get(b)
    if ca and cb:
        return ca != cb
    if (ca is None) == (cb is None) or len({a, b} & envoys) != 1:
        return False
    envoy, other = (a, b) if a in envoys else (b, a)
    return country.get(envoy) is None or (alone and envoy in accredited and country.get(other) is None)


def with_(s: State, person: Mention, role: Mention | None) -> bool:
    """Is the person (with the post before the name) in company: ``с Послом ... X``, ``with the Mayor X``,
    ``X-мен`` (the instrumental case, which Kazakh uses for "with")?"""
    if s.language.marks_case:
        return s.language.has_case(s.case_word(person), Case.INSTRUMENTAL)
    start = role.start if role is not None and role.end <= person.start else person.start
    # past the post's state: with the Korean Ambassador X
    start = next((c.start for c in s.in_sentence(s.sentence_of[person], MentionKind.COUNTRY)
                  if c.end <= start and not s.text[c.end:start].strip()), start)
    before = s.word_before(start, WITH_REACH)
    return before is not None and s.lex.is_word(before, "with", s.report.language)


def _parties(s: State, idx: int, role_of: dict[str, str], *, posts: bool = True) -> list[str]:
    """The persons with a post (or any, without ``posts``) that sentence ``idx`` names as parties: not those named in
    passing, aside, in a quotation, as a possessor or as one on whose behalf others speak."""
    return [s.key_of[m] for m in s.in_sentence(idx, MentionKind.PERSON) if (s.key_of[m] in role_of or not posts)
            and not (_named_in_passing(s, m, role_of) or _aside(s, m) or _quoted(s, m) or _possessor(s, m)
                     or _on_behalf(s, m))]


def _groups(s: State, role_of: dict[str, str]) -> None:
    """A delegation, its members or "the sides" named near a meeting took part in it.

    ``В состав делегации вошли A, B и C`` / ``The delegation was composed of A and B`` /
    ``Тараптар ... A ... B``: every person with a post that such a sentence names, but those named in
    passing or in a quotation, joins the nearest meeting within ``GROUP_REACH`` sentences, the later
    one on a tie. A person with no post there is a subject of the talks (a poet's jubilee), not a party.
    """
    if not s.meetings:
        return
    at = sorted((i, n) for n, d in enumerate(s.meetings) for i in d.sentences)
    first = [min(d.sentences) for d in s.meetings]
    for idx in _sentences_with(s, "group"):
        if _ahead(s, idx):
            continue  # the delegation will meet X: a meeting ahead, none of the one told
        # (В состав делегации вошли профессор X и директор Y: the members of a delegation's composition, with a post
        # or none)
        composition = s.has_word(idx, "composition")
        members = [k for k in _parties(s, idx, role_of, posts=not composition) if role_of.get(k) not in HEADS]
        if not members:
            continue
        near = at[bisect_left(at, (idx - GROUP_REACH, -1)):bisect_right(at, (idx + GROUP_REACH, len(s.meetings)))]
        if not near:
            continue
        distance: dict[int, int] = {}
        for i, n in near:
            distance[n] = min(distance.get(n, abs(i - idx)), abs(i - idx))
        # a meeting told in the sentence's paragraph first (Өз кезегінде М.Йылдыз палата мүшелерінің ...: the
        # chamber's head goes on about the meeting his paragraph tells, not the next one)
        here = {n for i, n in near if s.paragraphs[i] == s.paragraphs[idx]}
        _, _, _, target = min((n not in here, d, -first[n], n) for n, d in distance.items())
        draft = s.meetings[target]
        draft.participants.extend(k for k in dict.fromkeys(members) if k not in draft.participants)


def _possessor(s: State, m: Mention) -> bool:
    """Whose visit the sides discussed, not who took part: a name in the genitive (визиту министра Александра
    Рогожника, министрі Рогожниктің сапары) or a post after "of" (the visit of the Minister ...), but not
    after a word of the group (composed of)."""
    return s.language.is_genitive_name(m.text) or _after_of(s, m)


def _after_of(s: State, m: Mention) -> bool:
    """Is the person's post (or his name) the complement of a noun by "of" (the visit of the Minister ...), not of a
    word of the group (composed of)?"""
    words = _words_before_post(s, m)
    return len(words) >= 2 and words[-1] == OF and not s.lex.is_word(words[-2], "group", s.report.language)


def _words_before_post(s: State, m: Mention) -> list[str]:
    """The words of the ``POSSESSOR_REACH`` characters before the person's post, or his name where no post
    precedes it."""
    role = role_before(s, m)
    return s.words_before(role.start if role is not None and role.end <= m.start else m.start, POSSESSOR_REACH)


def _on_behalf(s: State, m: Mention) -> bool:
    """Is the person one on whose behalf another speaks, absent himself (greetings on behalf of Chairman X, от имени
    председателя X, Төраға X атынан): a word of it among the last ``BEHALF_WORDS`` words before his post or name, or
    right after his name?"""
    words = _words_before_post(s, m)[-BEHALF_WORDS:] + s.text[m.end:m.end + WORD_REACH].split()[:1]
    return any(s.lex.is_word(w.strip(WORD_EDGES), "behalf", s.report.language) for w in words)


def _named_in_passing(s: State, m: Mention, role_of: dict[str, str]) -> bool:
    """A head of state in the genitive (Президенттің бастамалары, President X's talks, the state visit of President X)
    or the agent of what is no meeting (reforms launched by President X): whose initiatives, not who met."""
    return role_of.get(s.key_of[m]) in HEADS and (_genitive(s, m) or _genitive(s, _joined_next(s, m))
                                                  or _after_of(s, m) or _agent(s, m) or _between(s, m))


def _genitive(s: State, m: Mention | None) -> bool:
    """Is the name in the genitive, or followed by a possessive ending (the President's)?"""
    return m is not None and (s.language.is_genitive_name(m.text) or any(
        m.text.endswith(ending) or s.text.startswith(ending, m.end) for ending in s.language.possessive_endings))


def _joined_next(s: State, m: Mention) -> Mention | None:
    """The person joined to ``m`` by "and" right after it, whose case ending the two share (Қасым-Жомарт Тоқаев пен
    Шавкат Мирзиёевтің уағдаластықтары: both leaders' agreements)."""
    after = next((p for p in s.in_sentence(s.sentence_of[m], MentionKind.PERSON) if p.start >= m.end), None)
    if after is None:
        return None
    between = s.text[m.end:after.start].split()
    return after if len(between) == 1 and s.lex.is_word(between[0], "and", s.report.language) else None


def _agent(s: State, m: Mention) -> bool:
    """Is the person (with his post) the agent of a passive whose verb is no meeting's (launched by President X;
    договорённостей, достигнутых президентами X и Y: a participle that opens its clause right before his post)?"""
    words = _words_before_post(s, m)
    if len(words) >= 2 and words[-2].endswith(",") and s.language.is_passive(words[-1]) \
            and not _meeting_word(s, words[-1]):
        return True
    return len(words) >= 2 and s.lex.is_word(words[-1], "agent", s.report.language) and not _meeting_word(s, words[-2])


def _between(s: State, m: Mention) -> bool:
    """Is the person one of those between whom something other than a meeting was reached (договорённости,
    достигнутые между Президентами X и Y; Тоқаев пен Лукашенко арасында қол жеткізілген уағдаластықтар)? The word
    for "between" stands before his post or name, after a word that is no meeting's (not: talks between), or right
    after his name or the name joined to it, before one that is no meeting's (not: арасындағы кездесу)."""
    language = s.report.language
    words = _words_before_post(s, m)
    if len(words) >= 2 and s.lex.is_word(words[-1], "between", language) and not _meeting_word(s, words[-2]):
        return True
    last = _joined_next(s, m) or m
    after = [w.strip(WORD_EDGES) for w in s.text[last.end:last.end + WORD_REACH * 2].split()[:2]]
    return bool(after) and s.lex.is_word(after[0], "between", language) and not (
        len(after) > 1 and _meeting_word(s, after[1]))


def _meeting_word(s: State, word: str) -> bool:
    """Is the word one of meeting (or of the other words that make a meeting: a visit, presence)?"""
    return any(s.lex.is_word(word.strip(WORD_EDGES), category, s.report.language) for category in MEETING_WORDS)


def _quoted(s: State, m: Mention) -> bool:
    """Inside a quotation that opens earlier on the same line."""
    line = s.text[s.text.rfind("\n", 0, m.start) + 1:m.start]
    return (line.count("«") > line.count("»") or line.count("“") > line.count("”")
            or line.count('"') % 2 == 1)


def _protagonist(s: State) -> str | None:
    """The report's main actor: its first diplomat, or else the first person with a post."""
    protagonist = next((p.holder for p in s.posts if p.role in DIPLOMATS), None)
    if protagonist is None and s.posts:
        protagonist = s.posts[0].holder
    return protagonist


def _visits(s: State, protagonist: str | None) -> None:
    """A visit to a body followed by words of its head is a meeting with that head."""
    if protagonist is None:
        return
    met = {p for d in s.meetings for p in d.participants}
    for idx, cue in _visit_cues(s):
        if _ahead(s, idx):
            continue  # during the visit the delegation is to meet the head of X: a meeting ahead
        places = {s.key_of[m] for m in s.in_sentence(idx) if m in s.key_of
                  and m.kind in (MentionKind.ORGANIZATION, MentionKind.PLACE)}
        for p in s.posts:
            if p.holder in met or p.holder == protagonist or p.jurisdiction not in places or p.role in DIPLOMATS:
                continue
            said = [m for m in s.mentions if s.key_of.get(m) == p.holder and idx <= s.sentence_of[m] <= idx + 1]
            # the minister's own visit (визит министра X, X посетил Италию) is none to him
            if said and not _possessor(s, said[0]) and not (s.sentence_of[said[0]] == idx and said[0].end <= cue.start):
                s.meetings.append(MeetingDraft([protagonist, p.holder], [idx, s.sentence_of[said[0]]],
                                               s.evidence(cue, end=said[0].end)))
                met.add(p.holder)


def _visits_to_hosts(s: State, protagonist: str | None) -> None:
    """A visit whose host the sentence names is a meeting of the visitor with the host: at the host's invitation
    (Әкім X-тың шақыруымен, по приглашению губернатора X, at the invitation of Governor X), or to the host, named
    in the dative where case endings mark it (әкім X-қа сапармен барды; elsewhere a preposition says it, and the
    sentence's words of meeting read it: paid a visit to X)."""
    met = {frozenset(d.participants) for d in s.meetings}
    for idx, cue in _visit_cues(s):
        if _ahead(s, idx):
            continue  # В ходе визита делегация планирует встретиться с X: a meeting ahead
        persons = s.in_sentence(idx, MentionKind.PERSON)
        host = _inviter(s, idx, persons) or _visited(s, cue, persons)
        if host is None:
            continue
        visitor = next((s.key_of[m] for m in persons if s.key_of[m] != host), protagonist)
        if visitor and visitor != host and not any({visitor, host} <= pair for pair in met):
            s.meetings.append(MeetingDraft([visitor, host], [idx], s.evidence(cue)))
            met.add(frozenset({visitor, host}))


def _visit_cues(s: State) -> list[tuple[int, Mention]]:
    """The sentences that tell a visit, each with its first word of visit."""
    out: dict[int, Mention] = {}
    for m in s.mentions:
        if m.kind == MentionKind.MEETING and m.value == "visit":
            out.setdefault(s.sentence_of[m], m)
    return sorted(out.items())


def _inviter(s: State, idx: int, persons: list[Mention]) -> str | None:
    """The person named nearest the word of an invitation, within ``INVITATION_REACH`` characters, he or the post
    before his name (at the invitation of the Governor of Tochigi Prefecture X). The word counts in the form the
    lexicon gives only, as its other forms name the one invited (передал приглашение премьер-министру X), and so
    does a word after it (an invitation to Prime Minister X)."""
    written = {w.word for w in s.lex.words_of("invitation", s.report.language)}
    at = next((span for span in s.word_spans(idx, "invitation") if s.text[span[0]:span[1]].lower() in written), None)
    if at is None:
        return None
    after = s.text[at[1]:at[1] + INVITATION_REACH].split(maxsplit=1)
    if after and s.lex.is_word(after[0], "invited", s.report.language):
        persons = [m for m in persons if m.end <= at[0]]  # an invitation to X: X is invited

    def gap(m: Mention) -> int:
        post = role_before(s, m)
        return min(_gap(m, *at), _gap(post, *at)) if post is not None and post.start >= at[1] else _gap(m, *at)

    near = [(g, m) for m in persons if 0 <= (g := gap(m)) <= INVITATION_REACH]
    return s.key_of[min(near, key=lambda g: g[0])[1]] if near else None


def _visited(s: State, cue: Mention, persons: list[Mention]) -> str | None:
    """The person named in the dative before the word of visit, where case endings mark it."""
    if not s.language.marks_case:
        return None
    hosts = [m for m in persons if m.end <= cue.start and s.language.has_case(s.case_word(m), Case.DATIVE)]
    return s.key_of[hosts[-1]] if hosts else None


def _gap(m: Mention, start: int, end: int) -> int:
    """Characters between a mention and the word at ``start``..``end``, on whichever side it stands."""
    return m.start - end if m.start >= end else start - m.end


def _aside(s: State, m: Mention) -> bool:
    """A credit in slashes or brackets, or a name an institution bears (Уәлиханов атындағы)."""
    before = s.text[max(0, m.start - 2):m.start]
    after = s.text[m.end:m.end + 12].lower()
    return "/" in before or "(" in before or after.lstrip().startswith(("атындағы", "имени", "/", ")"))


def _earlier_holders(s: State, role: Mention) -> list[str]:
    """The person a bare post word (Елші, Губернатор) refers back to: one named before it, of the state an
    adjective before the word names, if any (the Hungarian minister, венгерский министр); a word in the plural,
    every one named before with that post (қазақстандық депутаттар, the deputies)."""
    state = next((m.value for m in s.in_sentence(s.sentence_of[role], MentionKind.COUNTRY)
                  if m.end <= role.start and modifies(s, m, role)), None)
    plural = s.language.is_plural(s.last_word(role), "")
    found: list[str] = []
    for p in s.posts:
        if not _refers_to(role, p) or (state and p.country != state) or p.holder in found:
            continue
        if any(m.start < role.start for m in s.mentions_of(p.holder)):
            if not plural:
                return [p.holder]
            found.append(p.holder)
    return found


def _refers_to(role: Mention, post: PostDraft) -> bool:
    """Can a bare post word name the holder of the post: the same post, or the word "diplomat" for any diplomat's
    (the Polish diplomat: the ambassador named before)?"""
    return role.value in (post.role, post.cue) or (role.value == "diplomat" and post.role in DIPLOMATS)


def _later_holders(s: State, role: Mention) -> list[str]:
    """The persons a bare post word in a sentence of meeting refers to when the next sentences name them by that
    post (met the akim of the region. Akim X presented ...): the first named there with a post of the word's; a
    word in the plural, all those of that sentence (met members of the council. Members X and Y spoke ...)."""
    idx = s.sentence_of[role]
    plural = s.language.is_plural(s.last_word(role), "")
    found: list[str] = []
    at: int | None = None
    for p in s.posts:
        if role.value not in (p.role, p.cue):
            continue
        first = min((s.sentence_of[m] for m in s.mentions_of(p.holder)), default=None)
        if first is None or not idx < first <= idx + LATER_REACH or (at is not None and first != at):
            continue
        if not plural:
            return [p.holder]
        at = first
        found.append(p.holder)
    return found


def _apposed(s: State, role: Mention) -> bool:
    """Does the post word stand in apposition to the name before it (Thomas Whitaker, a member of the committee):
    his post, not one who held it before?"""
    before = [m for m in s.in_sentence(s.sentence_of[role], MentionKind.PERSON) if m.end <= role.start]
    if not before:
        return False
    gap = s.text[before[-1].end:role.start].strip()
    return gap.startswith(",") and all(w.lower() in s.language.determiners for w in gap[1:].split())


def _in_chain(s: State, role: Mention) -> bool:
    """Is the post word, in the genitive, a complement of the next post's, which a name follows (Төрағасының бірінші
    орынбасары X: the Chairman's first deputy; the chairman is no one the report names), or one of two post words in
    a row that a name follows (заместитель председателя комитета X: the deputy of a chairman named apart)?"""
    roles = s.in_sentence(s.sentence_of[role], MentionKind.ROLE)
    before = [m for m in roles if m.end <= role.start]
    after = [m for m in roles if m.start >= role.end]
    # two post words in a row where case endings do not mark the complement (заместитель председателя X): one holder,
    # named after them
    if before and not s.text[before[-1].end:role.start].strip() and _named_after(s, before[-1]):
        return True
    if after and not s.language.marks_case and not s.text[role.end:after[0].start].strip() \
            and _named_after(s, after[0]):
        return True
    # two titles joined by "and" that a name follows (President and CEO X): the titles of one holder
    gap = s.text[role.end:after[0].start].strip() if after else ""
    if gap and s.lex.is_word(gap, "and", s.report.language) and _named_after(s, after[0]):
        return True
    if not s.language.has_case(s.last_word(role), Case.GENITIVE):
        return False
    return bool(after) and len(s.text[role.end:after[0].start].split()) <= CHAIN_WORDS and _named_after(s, after[0])


def _named_after(s: State, role: Mention) -> bool:
    """Does a name follow the post word, right after it or after its complements (акимом города Уральска X)?"""
    return any(m.kind == MentionKind.PERSON and (0 <= m.start - role.end <= NAMED_AFTER or role_before(s, m) == role)
               for m in s.in_sentence(s.sentence_of[role]))

