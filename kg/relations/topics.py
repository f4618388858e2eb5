"""Topics: the sectors named in sentences about the talks, each given to the meeting it follows."""

from __future__ import annotations

from kg.model import MentionKind
from kg.relations.state import State

# Sectors this many sentences before the first meeting (a lead that sums up the talks) still count.
LEAD_SENTENCES = 2
WORD_EDGES = ".,;:«»\"()"


def read_topics(s: State) -> None:
    if not s.meetings:
        return
    first = min(min(d.sentences) for d in s.meetings)
    talk = {i for i in range(len(s.sentences)) if _is_talk(s, i)}
    for m in s.mentions:
        if m.kind != MentionKind.SECTOR:
            continue
        idx = s.sentence_of[m]
        if idx not in talk or idx < first - LEAD_SENTENCES:
            continue
        owner = max((d for d in s.meetings if min(d.sentences) <= idx), key=lambda d: min(d.sentences),
                    default=s.meetings[0])
        owner.topics.setdefault(m.value, s.evidence(m))


def _is_talk(s: State, index: int) -> bool:
    """A sentence about the talks: it says a meeting took place, or uses a word of discussion."""
    if s.in_sentence(index, MentionKind.MEETING):
        return True
    return any(s.lex.is_word(w.strip(WORD_EDGES), "discussion", s.report.language)
               for w in s.sentences[index].text.split())
