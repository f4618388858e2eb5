"""Topics: the sectors named in sentences about the talks, each given to the meeting it belongs to (and
education, where they name a university).

Topics live on meetings only: a report with no meeting has none. A talk sentence belongs to the
meeting before it in its paragraph, else to a meeting later in the same paragraph (a lead that
names the subjects before the sentence saying who met), else to the meeting before it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate

from kg.model import Mention, MentionKind
from kg.relations.state import MeetingDraft, State

# Sectors this many sentences before the first meeting (a lead that sums up the talks) still count.
LEAD_SENTENCES = 2
# The sector of the talks that name a university.
UNIVERSITY, EDUCATION = "university", "education"
NAMES = (MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORGANIZATION)


def read_topics(s: State) -> None:
    if not s.meetings:
        return
    paragraph = s.paragraphs
    participants = {p for d in s.meetings for p in d.participants}
    talk = _talk_sentences(s, paragraph, participants)
    inside_name = _covered_by(m for m in s.mentions if m.kind in NAMES)
    starts = sorted((min(d.sentences), n) for n, d in enumerate(s.meetings))
    for m in s.mentions:
        sector = _sector(m, inside_name)
        if sector is None or not talk(s.sentence_of[m]):
            continue
        owner = _owner(s, s.sentence_of[m], paragraph, starts)
        if owner is not None:
            owner.topics.setdefault(sector, s.evidence(m))


def _sector(m: Mention, inside_name: Callable[[Mention], bool]) -> str | None:
    """The sector a mention names: a cue word's, not inside a name; education for a university (a memorandum between
    two universities)."""
    if m.kind == MentionKind.SECTOR:
        return None if inside_name(m) else m.value
    return EDUCATION if m.kind == MentionKind.ORGANIZATION and m.subtype == UNIVERSITY else None


def _owner(s: State, idx: int, paragraph: list[int], starts: list[tuple[int, int]]) -> MeetingDraft | None:
    """``starts``: (first sentence, index) of every meeting, sorted; found by bisection, as a long
    report has many meetings. The meeting starting last at or before the sentence, or first after it
    (the one listed first on a tie)."""
    def start(d: MeetingDraft) -> int:
        return min(d.sentences)

    pos = bisect_right(starts, (idx, len(starts))) - 1
    before = s.meetings[starts[bisect_left(starts, (starts[pos][0], -1))][1]] if pos >= 0 else None
    after = s.meetings[starts[pos + 1][1]] if pos + 1 < len(starts) else None
    if before is not None and paragraph[start(before)] == paragraph[idx]:
        return before
    if after is not None and paragraph[start(after)] == paragraph[idx] and not (
            before is not None and s.has_word(idx, "group") and not _meets(s, idx)):
        return after  # but "the sides discussed" with no one named goes back to the meeting told before
    if before is not None:
        return before
    return after if after is not None and start(after) - idx <= LEAD_SENTENCES else None


def _talk_sentences(s: State, paragraph: list[int], participants: set[str]) -> Callable[[int], bool]:
    """A test of whether a sentence is about the talks: it is a talk sentence (``_is_talk``), or it goes on in the
    paragraph of one. Each sentence is read when first asked of, as only those naming a sector are."""
    known: dict[int, bool] = {}

    def talk(index: int) -> bool:
        if not 0 <= index < len(s.sentences):
            return False
        chain: list[int] = []  # the sentences back to the answer, which is theirs too
        k = index
        while True:
            if k in known:
                found = known[k]
                break
            if _is_talk(s, k, participants):
                found = known[k] = True
                break
            chain.append(k)
            if k == 0 or paragraph[k - 1] != paragraph[k]:
                found = False
                break
            k -= 1
        for c in chain:
            known[c] = found
        return found

    return talk


def _covered_by(names: Iterable[Mention]) -> Callable[[Mention], bool]:
    """A test of whether a mention lies inside one of ``names``: the farthest end of the names
    starting at or before it, by bisection over the names sorted by start."""
    ordered = sorted((n.start, n.end) for n in names)
    firsts = [start for start, _ in ordered]
    farthest = list(accumulate((end for _, end in ordered), max))

    def inside(m: Mention) -> bool:
        k = bisect_right(firsts, m.start) - 1
        return k >= 0 and farthest[k] >= m.end

    return inside


def _is_talk(s: State, index: int, participants: set[str]) -> bool:
    """A sentence about the talks: it says a meeting took place, uses a word of discussion, names one who took part
    in a meeting, or a post (Глава региона поблагодарил ..., the Ambassador noted ...: a side's words)."""
    if s.in_sentence(index, MentionKind.MEETING) or s.has_word(index, "discussion") \
            or s.in_sentence(index, MentionKind.ROLE):
        return True
    return any(s.key_of.get(m) in participants for m in s.in_sentence(index, MentionKind.PERSON))


def _meets(s: State, idx: int) -> bool:
    """Does the sentence name anyone (then its "sides" are those it names)?"""
    return bool(s.in_sentence(idx, MentionKind.PERSON))
