"""A place's or organization's name as a query is asked it: its forms as written, in lower case, listed as
``|form|form|`` (``kg.names.label_forms`` adds every language's dictionary forms to them).

Apart from ``kg.names``, which makes those forms and a person's keys with regular expressions: a query call binds a
name the store knows by its forms as written (``kg.query.bind``) without importing ``re`` and ``kg.names``, which
took 7.3 ms of a call (20 process starts each way, in turn: 24.4 ms against 31.8, medians).
"""

from __future__ import annotations

# What separates the items of a list a query is given (``|form|form|``, ``|key|key|``).
SEPARATOR = "|"
# The endings of an English possessive (Toyota's), taken off a name's last word.
POSSESSIVE_ENDINGS = ("'s", "’s")
# What a form is stripped of at its ends: spaces and hyphens (the hyphen-minus and the Unicode hyphen).
FORM_ENDS = " -‐"
# The Cyrillic block, whose letters ``kg.letters.clean`` folds where Latin look-alikes stand beside them.
CYRILLIC_FIRST, CYRILLIC_LAST = "\u0400", "\u04ff"


def listed(values: str) -> tuple[str, ...]:
    """The items of a ``|value|value|`` list."""
    return tuple(v for v in values.split(SEPARATOR) if v)


def without_possessive(word: str) -> str:
    """A word without an English possessive ending (Toyota's → Toyota)."""
    return word[:-2] if word.endswith(POSSESSIVE_ENDINGS) else word


def label_words(value: str) -> list[str]:
    """The words of a name asked for: look-alike letters folded (``kg.letters.clean``, loaded only for a name that
    holds both Cyrillic and Latin letters: it changes no other), the list separator read as a space."""
    if any(CYRILLIC_FIRST <= c <= CYRILLIC_LAST for c in value) and any(c.isascii() and c.isalpha() for c in value):
        from kg.letters import clean

        value = clean(value)
    return value.replace(SEPARATOR, " ").split()


def as_written(words: list[str]) -> set[str]:
    """A name's forms as written: the words, and the words without an English possessive on the last."""
    *given, last = words
    return {" ".join(words), " ".join([*given, without_possessive(last)])}


def form_list(forms: set[str]) -> str:
    """``|form|form|``: the forms in lower case, stripped of spaces and hyphens at their ends, sorted, each once."""
    kept = {f.strip(FORM_ENDS).lower() for f in forms}
    kept.discard("")
    return SEPARATOR + SEPARATOR.join(sorted(kept)) + SEPARATOR


def written_forms(value: str) -> str:
    """``kg.names.label_forms`` without the languages' forms: the name's forms as written, listed."""
    words = label_words(value)
    return form_list(as_written(words)) if words else ""
