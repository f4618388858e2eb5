"""Limits checked on a query's text before the engine sees it.

Oxigraph parses and plans a query recursively: a query nested a few thousand brackets deep, or a
chain of thousands of FILTERs, BINDs or operators, overflows its stack and kills the process.
``check`` scans the text once (skipping strings, IRIs and comments, after undoing ``\\u``
escapes as the SPARQL grammar does) and refuses a query that is too long, too deep or has too
many operators, and one that would make the endpoint fetch other addresses (``SERVICE``) or
change anything (``LOAD`` and the other update keywords).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

MAX_CHARS = 100_000
MAX_DEPTH = 64
MAX_OPERATORS = 1_000
ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<long>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\")
      | (?P<string>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<word>[?$]?[\w\u00b7\u0300-\u036f\u203f-\u2040:.-]*[\w:]|[?$]?\w)
      | (?P<open>[({\[])
      | (?P<close>[)}\]])
      | (?P<op>&&|\|\||!=|<=|>=|\^\^|[!=<>+\-*/|^.;,])
      | (?P<space>\s+)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL)
CLAUSES = frozenset({"filter", "union", "optional", "minus", "bind", "graph", "exists", "values", "select",
                     "as", "in"})
UPDATES = frozenset({"load", "insert", "delete", "clear", "drop", "create", "add", "move", "copy"})
SERVICE_IRI = re.compile(r"\s*(?:silent\s+)?<([^>]*)>", re.IGNORECASE)


class QueryRefused(ValueError):
    """A query the endpoint will not run; ``forbidden`` tells a policy refusal from a size limit."""

    def __init__(self, message: str, *, forbidden: bool = False) -> None:
        super().__init__(message)
        self.forbidden = forbidden


# A NamedTuple rather than a frozen dataclass: a query call starts without importing dataclasses (and inspect).
class Limits(NamedTuple):
    max_chars: int = MAX_CHARS
    max_depth: int = MAX_DEPTH
    max_operators: int = MAX_OPERATORS
    allow_service: tuple[str, ...] = ()


def unescape(text: str) -> str:
    """The text with SPARQL's ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes undone (they apply everywhere)."""
    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code < 0x110000 else m.group(0)
    return ESCAPE.sub(char, text)


def check(query: str, limits: Limits | None = None) -> None:
    """Raise ``QueryRefused`` with a one-line reason when the query breaks a limit or a rule."""
    limits = limits or Limits()
    if len(query) > limits.max_chars:
        raise QueryRefused(f"the query is {len(query)} characters long; the limit is {limits.max_chars}")
    text = unescape(query)
    depth = deepest = operators = 0
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("comment", "space", "string", "long", "iri", "other"):
            continue
        if kind == "open":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limits.max_depth:
                    raise QueryRefused(f"the query nests brackets more than {limits.max_depth} deep")
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "op":
            operators += 1
        else:
            word = m.group().lower()
            if word in CLAUSES:
                operators += 1
            elif word in UPDATES:
                raise QueryRefused(f"{m.group().upper()} is an update; the endpoint is read-only")
            elif word == "service":
                _check_service(text[m.end():], limits.allow_service)
                operators += 1
        if operators > limits.max_operators:
            raise QueryRefused(f"the query has more than {limits.max_operators} operators and clauses")


def _check_service(rest: str, allowed: Sequence[str]) -> None:
    m = SERVICE_IRI.match(rest)
    iri = m.group(1) if m else ""
    if not allowed:
        raise QueryRefused("SERVICE is refused: this endpoint does not query other endpoints", forbidden=True)
    if not iri or not any(iri.startswith(prefix) for prefix in allowed):
        raise QueryRefused(f"SERVICE <{iri or '?'}> is refused: not in the allowed list", forbidden=True)
