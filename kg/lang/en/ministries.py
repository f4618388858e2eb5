"""English: ``Minister of Agriculture`` names the Ministry of Agriculture, and so does ``Agriculture Minister``: the
ministry by the name it is usually written in (the Ministry of Energy, not the Energy Ministry)."""

from __future__ import annotations

from functools import cache

from kg.lang import TokenView, profile
from kg.lang.en.frequency import zipf
from kg.lang.en.ner import given_names

LINKS = frozenset({"and", "&"})
# The words that open a minister's field after the post: Minister of Agriculture, Minister for Economic Affairs.
FIELD_OPENERS = frozenset({"of", "for"})
# At most this many words and commas in a list of fields before its "and".
FIELD_LIST_WORDS = 8
# A ministry's field is an English word of some frequency (Ecology, Fisheries); a name after it is not
# (Minister of Commerce Faisal bin Thani): Zipf frequency in wordfreq's English lists.
FIELD_ZIPF = 3.3
# The word that makes "Minister of ..." a junior minister's title, no field (Minister of State for External Affairs,
# Minister of State at the Foreign Office): it names no ministry.
STATE_TITLE = "State"
# At most this many words name the state after the field (of the Republic of Korea).
STATE_WORDS = 5
# The words of a state's long form in lower case (of the Republic of Korea).
STATE_LINKS = frozenset({"of", "the"})


@cache
def _field_word(word: str) -> bool:
    return zipf(word.casefold()) >= FIELD_ZIPF


def ministry(view: TokenView, i: int) -> tuple[int, int, str] | None:
    """The ministry a ``Minister of ...`` or a ``... Minister`` at token ``i`` names: (first, last token, name)."""
    texts = view.texts
    if texts[i].lower() != "minister":
        return None
    if i + 1 >= len(texts) or texts[i + 1] not in FIELD_OPENERS:
        return _field_before(view, i)
    opener = texts[i + 1]
    if opener == "of" and texts[i + 2:i + 3] == [STATE_TITLE]:
        return None
    j = i + 2
    words: list[str] = []
    while j < len(texts) and not view.covered[j] and (
            (view.is_name_word(j) and _field_word(texts[j])) or (texts[j] in LINKS and words)
            or (texts[j] == "," and words and _listed(view, j + 1))):
        if words and ((texts[j].casefold() in given_names() and j + 1 < len(texts) and texts[j + 1][:1].isupper())
                      or j in view.proposed_name_starts):
            break  # Foreign Affairs Peter Szijjarto: a name's first word (Peter) is frequent too; Trade Ivan Petrov
        if words and j + 2 < len(texts) and texts[j + 1] in profile("en").name_particles and texts[j + 2][:1].isupper():
            break  # Agriculture Hans de Vries: a word before a name's particle is the name's
        words.append(texts[j])
        j += 1
    while words and words[-1] in LINKS:
        words.pop()
        j -= 1
    field = " ".join(words).replace(" ,", ",")
    return (i + 2, j - 1, f"Ministry {opener} {field}{_other_state(view, j)}") if words else None


def _listed(view: TokenView, k: int) -> bool:
    """Do capitalised field words from ``k`` on, joined by commas, end in ``and`` and one more (Economic Affairs,
    Labour and Transport)?"""
    texts = view.texts
    start = k
    while k < len(texts) and k - start <= FIELD_LIST_WORDS:
        if texts[k] in LINKS:
            return k > start and k + 1 < len(texts) and view.is_name_word(k + 1)
        if not ((view.is_name_word(k) and _field_word(texts[k])) or (texts[k] == "," and k > start)):
            return False
        k += 1
    return False


def _other_state(view: TokenView, j: int) -> str:
    """`` of Hungary``, ``of the Republic of Korea``: the state other than the home state named by ``of`` at token
    ``j`` after a ministry's field, as written and after a space; else nothing."""
    from kg.lang.en import PROFILE

    if view.texts[j:j + 1] != ["of"]:
        return ""
    end = PROFILE.other_state_after(view, j + 1, STATE_WORDS, STATE_LINKS)
    return f" {' '.join(view.texts[j:end])}" if end else ""


def _field_before(view: TokenView, i: int) -> tuple[int, int, str] | None:
    """``Agriculture Minister``, ``Trade and Industry Minister``: the capitalised words of sectors right before the
    minister's word, which nothing else read, name its ministry (not a title's words: Former, Acting, State
    Minister; nor Foreign, no sector)."""
    texts = view.texts
    first = i
    while first > 0 and not view.covered[first - 1] and not view.barrier[first - 1] and (
            (view.is_name_word(first - 1) and view.is_sector_word(first - 1))
            or (texts[first - 1] in LINKS and first < i)):
        first -= 1
    while first < i and texts[first] in LINKS:
        first += 1
    return (first, i - 1, f"Ministry of {view.span(first, i - 1)}") if first < i else None
