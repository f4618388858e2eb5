"""The rule passes in order, over one ``State``.

Posts first mark their words, so that no name runs over them; then the names the lexicon knows and
the bodies head nouns name, the posts and the persons after them, sectors, meeting words and
dates, and last the recogniser's proposals the rules have not read. ``kg.organizations`` adds its
passes over the organizations found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from kg.lexicon import Lexicon
from kg.model import Mention, Report
from kg.rules.bodies import camel_case_organizations, eponym_acronyms, latin_organizations, ministries
from kg.rules.dates import mark_days, read_dates
from kg.rules.heads import head_patterns, names_after_heads, quoted_organizations
from kg.rules.local_bodies import local_bodies
from kg.rules.persons import read_persons
from kg.rules.places import joined_states, mark_areas, qualified_places, read_names
from kg.rules.posts import mark_posts, read_posts
from kg.rules.proposals import read_proposals
from kg.rules.sectors import read_meeting_words, read_sectors
from kg.rules.state import State

Pass = Callable[[State], None]


@cache
def passes() -> tuple[Pass, ...]:
    """The passes, in the order they run."""
    from kg import organizations  # its passes read this package's word shapes

    return (mark_posts, mark_days, quoted_organizations, read_names, joined_states, qualified_places, head_patterns,
            names_after_heads, local_bodies, eponym_acronyms,
            latin_organizations, camel_case_organizations, ministries, organizations.appositions, mark_areas,
            read_posts, read_persons, organizations.post_complements, organizations.member_bodies, read_sectors,
            read_meeting_words, read_dates, read_proposals, organizations.short_names, organizations.drop_sources,
            organizations.university_names)


def read(report: Report, lexicon: Lexicon, *, proposals: Sequence[Mention] = ()) -> list[Mention]:
    """The rule mentions of one report, sorted by offset."""
    state = State(report, lexicon, proposals=proposals)
    for run in passes():
        run(state)
    return sorted(state.out, key=lambda m: (m.start, -m.end, m.kind))
