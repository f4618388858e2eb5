"""Topics: the sectors named in sentences about the talks, each given to the meeting it follows."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from kg.model import MentionKind
from kg.relations.state import State

# Sectors this many sentences before the first meeting (a lead that sums up the talks) still count.
LEAD_SENTENCES = 2
WORD_EDGES = ".,;:«»\"()"


def read_topics(s: State) -> None:
    if not s.meetings:
        return
    starts = sorted((min(d.sentences), n) for n, d in enumerate(s.meetings))
    first = starts[0][0]
    talk = {i for i in range(len(s.sentences)) if _is_talk(s, i)}
    for m in s.mentions:
        if m.kind != MentionKind.SECTOR:
            continue
        idx = s.sentence_of[m]
        if idx not in talk or idx < first - LEAD_SENTENCES:
            continue
        # The meeting that starts last at or before the sentence (the first listed on a tie).
        pos = bisect_right(starts, (idx, len(starts))) - 1
        owner = s.meetings[starts[bisect_left(starts, (starts[pos][0], -1))][1]] if pos >= 0 else s.meetings[0]
        owner.topics.setdefault(m.value, s.evidence(m))


def _is_talk(s: State, index: int) -> bool:
    """A sentence about the talks: it says a meeting took place, or uses a word of discussion."""
    if s.in_sentence(index, MentionKind.MEETING):
        return True
    return any(s.lex.is_word(w.strip(WORD_EDGES), "discussion", s.report.language)
               for w in s.sentences[index].text.split())
