"""Russian relational adjectives of places: a region named after its town (Омская область, Алтайский край)."""

from __future__ import annotations

import re

# A relational adjective in -ск- in the nominative: Омская, Оренбургский, Гомельское.
PLACE_ADJECTIVE = re.compile(r"^(\w{2,}?)(ск)(?:ая|ий|ое)$", re.IGNORECASE)


def adjective_bases(word: str) -> tuple[str, ...]:
    """The names the place may bear: the adjective's stem with its -ск (Омск, Красноярск), without it
    (Оренбург, Алтай, Киев), and with the ending the adjective dropped (Астрахань, Самара)."""
    m = PLACE_ADJECTIVE.match(word)
    if not m:
        return ()
    stem = m.group(1)
    return (stem + m.group(2), stem, stem + "ь", stem + "а")
