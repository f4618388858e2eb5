"""Russian: prepositions mark the parts of a post phrase; reports are Kazakhstani press."""

from kg.lang import Language

PROFILE = Language(
    code="ru",
    home_country="KZ",
    in_prepositions=frozenset({"в", "во", "при", "на"}),
    today=frozenset({"сегодня"}),
    yesterday=frozenset({"вчера"}),
)
