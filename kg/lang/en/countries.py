"""English adjectives of states, where the language forms them by rule: a name in -ia takes -n (Latvia → Latvian,
Croatia → Croatian, Saudi Arabia's Arabia aside: one word only). The irregular ones (Finnish, Dutch, Swiss) are
listed in ``lexicons/countries.tsv``."""

from __future__ import annotations

import re

# A one-word name in -ia: Latvia, Bulgaria, Malaysia.
IA_NAME = re.compile(r"^[A-Z][a-z]+ia$")


def country_adjective(name: str) -> str | None:
    """The adjective of a state named by one word in -ia (Latvian); None for any other name."""
    return f"{name}n" if IA_NAME.match(name) else None
