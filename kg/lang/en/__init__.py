"""English: prepositions mark the parts of a post phrase; reports come from anywhere."""

from kg.lang import Language

PROFILE = Language(
    code="en",
    in_prepositions=frozenset({"to", "in", "at"}),
    determiners=frozenset({"the", "a", "an"}),
    today=frozenset({"today"}),
    yesterday=frozenset({"yesterday"}),
)
