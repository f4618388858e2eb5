"""The rule extractor: lexicon lookups and patterns over tokens, in every language the profiles know.

It finds countries, places and organizations (lexicon names and head-noun patterns), persons
(names after a post, initials with a surname, surname-shaped pairs, and later repeats),
roles, sectors, dates, and the words that say a meeting took place. Relations between them
are the next stage's work (``kg.relations``).

Two extractors share the reader: ``rules`` alone, and ``rules+ner``, where the report language's
recogniser (``kg.lang``; the KazNERD tagger for Kazakh) proposes persons, organizations and places
the lexicons and patterns do not know. The rules keep the last word: a proposal is taken only
where no rule mention lies, after trimming the words a name cannot hold (posts, sentence-initial
common words), and its value is the dictionary form the language's profile gives it.

The reader is ordered passes over one state (``kg.rules.reader``): ``state`` holds the tokens, the
mentions emitted and the word shapes every pass asks about; ``posts``, ``places``, ``heads``,
``bodies``, ``persons``, ``sectors``, ``dates`` and ``proposals`` are the passes.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.lexicon import load_lexicon
from kg.mentions import extractor
from kg.model import Mention, MentionKind, Report
from kg.rules.reader import read

__all__ = ["PROPOSED_KINDS", "rule_mentions", "tagged_rule_mentions"]

# The kinds of mention a tagger may propose to the rules.
PROPOSED_KINDS = frozenset({MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.PLACE})


@extractor("rules")
def rule_mentions(report: Report, *, proposals: Sequence[Mention] = ()) -> list[Mention]:
    """Report in, mentions out: see the module docstring.

    ``proposals`` are another extractor's person, place and organization mentions for the rules
    to check and take where they found nothing.
    """
    return read(report, load_lexicon(), proposals=[m for m in proposals if m.kind in PROPOSED_KINDS])


@extractor("rules+ner")
@extractor("rules+kaznerd")
def tagged_rule_mentions(report: Report) -> list[Mention]:
    """The rules, checking the names the report language's recogniser proposes (the default).

    The recognisers are the languages' (``kg.lang``): KazNERD for Kazakh, natasha for Russian, the
    written one of ``kg.lang.en.ner`` for English. ``rules+kaznerd`` is this extractor's former name.
    """
    from kg.lang import proposals

    return rule_mentions(report, proposals=proposals(report))
