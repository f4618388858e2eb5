"""The text of a named query (``kg/queries/*.rq``): its header's parameter lines, the shared parts it takes in
(``#INCLUDE``) and the lines a page fills (``#PAGE``, ``#REACH``, ``#BLOCKS``; ``kg.query._paged``).

They are read without regular expressions: a ``kg query`` call that imports ``re`` (and ``enum`` with it)
spends 2.5 ms on it, and a query without a name parameter needs nothing else of it.
"""

from __future__ import annotations

import os
from collections import namedtuple

from kg.errors import DipkgError
from kg.files import package_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

# Parts of query text that several named queries share, each taken in at an ``#INCLUDE name`` line (``included``).
PARTS_DIR = package_path("queries", "parts")
QUERY_SUFFIX = ".rq"
# The lines of a named query's text that the library acts on, each a comment line of its own (``directive``):
# where a page's LIMIT and OFFSET go (``_paged``); where the LIMIT goes of an ordered subquery whose rows give the
# page's rows in their order, how many of its rows a page can reach; where a subquery reached through ``#REACH``
# lists the blocks of ranks its rows are in; and where a shared part of ``PARTS_DIR`` goes, at the line's
# indentation, with the variables of the part it renames (``#INCLUDE list-items list=organizationForms``: the
# part's ?list is the query's ?organizationForms); and, anywhere in a query with a ``#REACH``, how many of the page's
# rows each row the reach takes gives as a rule (``#ROWS 2``: a report's meeting has two participants at least), and
# the figure of the collection that says it better where the build wrote one (``#ROWS 2 participantsPerReport``).
PAGE = "#PAGE"
REACH = "#REACH"
BLOCKS = "#BLOCKS"
INCLUDE = "#INCLUDE"
ROWS = "#ROWS"
DIRECTIVES = (PAGE, REACH, BLOCKS, INCLUDE, ROWS)
# The directives that take arguments: an include its part's name and renames, the rows a number.
WITH_ARGUMENTS = (INCLUDE, ROWS)
# The words that make a text a SPARQL query, a header's parameter line, and what parameter values may hold.
QUERY_FORMS = frozenset({"select", "ask", "construct", "describe"})
PARAM_PREFIX = "param:"
REQUIRED = "required"
DASHES = "—–-"
ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
ASCII_LETTERS = ASCII_LOWER | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
NOTATION_CHARACTERS = ASCII_LOWER | frozenset("0123456789-")


class Param(namedtuple("Param", ("name", "kind", "description", "required"), defaults=(False,))):
    """A parameter of a named query, from its header's ``# param:`` line."""

    __slots__ = ()
    name: str
    kind: str
    description: str
    required: bool


def read_text(path: str) -> str:
    """A query file's text."""
    with open(path, encoding="utf-8") as f:
        return f.read()


def included(text: str) -> str:
    """``text`` with each ``#INCLUDE name`` line replaced by ``PARTS_DIR/name.rq`` (its lines indented as the
    line was, its leading comment kept, each ``old=new`` of the line renaming the part's ?old to ?new): one
    text for what several named queries do alike."""
    lines = []
    for line in text.split("\n"):
        found = directive(line)
        if found is None or found[1] != INCLUDE:
            lines.append(line)
            continue
        indent, _, (name, *renames) = found
        path = os.path.join(PARTS_DIR, name + QUERY_SUFFIX)
        if not os.path.isfile(path):
            raise DipkgError(f"{name}: no such part of a query in {PARTS_DIR}")
        body = read_text(path)
        for old, new in (rename.split("=") for rename in renames):
            if not variable_places(body, "?" + old):
                raise DipkgError(f"{name}: the part of a query has no variable ?{old} to rename")
            body = renamed(body, "?" + old, "?" + new)
        lines += [indent + part if part else part for part in body.rstrip("\n").split("\n")]
    return "\n".join(lines)


def directive(line: str) -> tuple[str, str, list[str]] | None:
    """The indentation, directive and arguments of a line that is one of ``DIRECTIVES`` (``#PAGE``, ``#REACH`` and
    ``#BLOCKS`` alone on their line; ``#INCLUDE`` with a part's name and its ``old=new`` renames; ``#ROWS`` with a
    number from 1, and the name of a figure of the collection or none), else None."""
    body = line.lstrip(" \t")
    if not body.startswith("#"):
        return None
    name, *arguments = body.split() or [""]
    if name not in DIRECTIVES or line.rstrip(" \t") != line.rstrip() or (name not in WITH_ARGUMENTS) == bool(arguments):
        return None
    if name == INCLUDE and not (is_notation(arguments[0]) and all(_is_rename(a) for a in arguments[1:])):
        return None
    if name == ROWS and not (len(arguments) <= 2 and arguments[0].isascii() and arguments[0].isdigit()
                             and int(arguments[0]) > 0 and all(_is_variable_name(a) for a in arguments[1:])):
        return None
    return line[: len(line) - len(body)], name, arguments


def rows_each(text: str) -> tuple[int, str | None]:
    """The rows each row a query's reach takes gives as a rule, as its first ``#ROWS`` line says (1 without one),
    and the figure of the collection that tells them better where that line names one (a local name of the
    ontology's namespace: ``participantsPerReport``), else None."""
    arguments = directive_arguments(text, ROWS) or ["1"]
    return int(arguments[0]), arguments[1] if len(arguments) > 1 else None


def _is_rename(argument: str) -> bool:
    old, equals, new = argument.partition("=")
    return bool(equals) and _is_variable_name(old) and _is_variable_name(new)


def _is_variable_name(name: str) -> bool:
    return name[:1] in ASCII_LETTERS and all(_word_character(c) for c in name)


def _word_character(c: str) -> bool:
    return c.isalnum() or c == "_"


def is_notation(value: str) -> bool:
    """A lower-case ASCII letter, then lower-case ASCII letters, digits and hyphens: a sector's or role's
    ``skos:notation``, and a part's name."""
    return value[:1] in ASCII_LOWER and all(c in NOTATION_CHARACTERS for c in value)


def directive_arguments(text: str, name: str) -> list[str] | None:
    """The arguments of the first line of ``text`` that is the directive ``name``, None where no line is."""
    if name in text:
        for line in text.split("\n"):
            found = directive(line)
            if found is not None and found[1] == name:
                return found[2]
    return None


def has_directive(text: str, name: str) -> bool:
    """Whether a line of ``text`` is the directive ``name``."""
    return directive_arguments(text, name) is not None


def with_directive(text: str, name: str, make: Callable[[str], str], *, count: int | None = None) -> str:
    """``text`` with each line that is the directive ``name`` (the first ``count`` of them) made ``make(indent)``."""
    if name not in text:
        return text
    lines, done = [], 0
    for line in text.split("\n"):
        found = directive(line)
        if found is not None and found[1] == name and (count is None or done < count):
            line, done = make(found[0]), done + 1
        lines.append(line)
    return "\n".join(lines)


def variable_places(text: str, variable: str) -> list[int]:
    """Where ``variable`` (``?name`` or ``$name``) stands in ``text``, not followed by more of a name."""
    places, start = [], 0
    while (at := text.find(variable, start)) >= 0:
        start = at + len(variable)
        if start >= len(text) or not _word_character(text[start]):
            places.append(at)
    return places


def renamed(text: str, old: str, new: str) -> str:
    """``text`` with the variable ``old`` written ``new``."""
    parts, start = [], 0
    for at in variable_places(text, old):
        parts += [text[start:at], new]
        start = at + len(old)
    return "".join(parts) + text[start:]


def is_sparql(text: str) -> bool:
    """Whether one of ``QUERY_FORMS`` stands in ``text`` as a word of its own, in any letter case."""
    words = "".join(c if _word_character(c) else " " for c in text.lower()).split()
    return not QUERY_FORMS.isdisjoint(words)


def param_line(line: str) -> Param | None:
    """The parameter a header line declares (``# param: name kind [required] — description``), else None."""
    rest = line[1:].lstrip() if line.startswith("#") else ""
    if not rest.startswith(PARAM_PREFIX):
        return None
    rest = rest[len(PARAM_PREFIX):]
    cut = min((at for at in map(rest.find, DASHES) if at >= 0), default=-1)
    if cut < 0:
        return None
    head, description = rest[:cut].split(), rest[cut:].lstrip(DASHES).strip()
    if len(head) not in (2, 3) or (len(head) == 3 and head[2] != REQUIRED):
        return None
    name, kind = head[0], head[1]
    if not ((name[:1] in ASCII_LETTERS or name[:1] == "_") and all(_word_character(c) for c in name)
            and all(_word_character(c) for c in kind)):
        return None
    return Param(name, kind, description, len(head) == 3)
