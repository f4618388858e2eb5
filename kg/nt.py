"""RDF terms and triples as N-Triples text, for writing a large graph without rdflib's term objects.

A term is a ``str`` holding its N-Triples form: ``<https://…>`` for an IRI, ``"text"``,
``"text"@kk`` or ``"5"^^<…#integer>`` for a literal: the N-Triples of the equal rdflib term, written
one way only (a plain literal without ``^^xsd:string``; a backslash, a quote and the two line breaks
escaped, nothing else), so that equal graphs give equal bytes. ``Lines`` gathers triples as the
lines of an N-Triples document, each once; it also takes rdflib terms, which it writes the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kg.namespaces import XSD, XSD_STRING

INTEGER = f"<{XSD}integer>"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_SPECIAL = ("\\", '"', "\n", "\r")
# An escape of N-Triples text (any writer's: ``\t``, ``\u00e9`` as well as the four this module writes).
ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}

Term = str
Triple = tuple[Term, Term, Term]


class Names:
    """A namespace whose terms are N-Triples IRIs: ``DIP.Report`` is ``<https://w3id.org/dipkg/ontology#Report>``."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __getattr__(self, name: str) -> Term:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.__dict__[name] = f"<{self.base}{name}>"
        return term

    def __getitem__(self, name: str) -> Term:
        return f"<{self.base}{name}>"


def iri(value: str) -> Term:
    return f"<{value}>"


def _quoted(value: str) -> str:
    for c in _SPECIAL:
        if c in value:
            return f'"{value.translate(_ESCAPES)}"'
    return f'"{value}"'


def literal(value: str | int, *, lang: str | None = None, datatype: Term | None = None) -> Term:
    """A literal as rdflib's ``Literal(value, lang=…, datatype=…)`` is written: an ``int`` is an
    xsd:integer (a ``bool`` is not one: say ``datatype``), a ``str`` its lexical form as given."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f'"{value}"^^{datatype or INTEGER}'
    text = _quoted(str(value))
    if lang:
        return f"{text}@{lang}"
    if datatype is not None and datatype != f"<{XSD_STRING}>":
        return f"{text}^^{datatype}"
    return text


def unescape(text: str) -> str:
    """The text an N-Triples string's body stands for (its escapes read)."""
    if "\\" not in text:
        return text
    return ESCAPE.sub(_unescaped, text)


def _unescaped(match: re.Match[str]) -> str:
    short, long, char = match.groups()
    if char is not None:
        return _ESCAPED.get(char, char)
    return chr(int(short or long, 16))


def from_rdflib(term: object) -> Term:
    """An rdflib term's N-Triples form."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = _quoted(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return f"{text}^^<{term.datatype}>"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


class Lines:
    """Triples as the lines of an N-Triples document, each once; ``add`` and ``in`` as an rdflib graph
    has them, for terms of this module (and rdflib terms, written as ``from_rdflib`` writes them)."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        self.lines: set[str] = set()

    def add(self, triple: tuple[object, object, object]) -> None:
        self.lines.add(_line(triple))

    def add_about(self, subject: Term, statements: Iterable[tuple[Term, Term]]) -> None:
        """``add`` of each (predicate, object) of one subject, all terms of this module: a node of many
        triples (an evidence node) written at once."""
        self.lines.update(_plain_line(subject, p, o) for p, o in statements)

    def update(self, lines: Iterable[str]) -> None:
        self.lines.update(lines)

    def __contains__(self, triple: tuple[object, object, object]) -> bool:
        return _line(triple) in self.lines

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines)

    def document(self) -> bytes:
        """The lines sorted, as UTF-8: the same triples always give the same bytes. (Sorted once encoded: UTF-8
        keeps the order of the characters, and bytes compare faster than text that mixes alphabets.)"""
        return b"".join(sorted([line.encode("utf-8") for line in self.lines]))


def _line(triple: tuple[object, object, object]) -> str:
    s, p, o = triple
    if type(s) is not str or type(p) is not str or type(o) is not str:  # an rdflib term is a str subclass
        s, p, o = (t if type(t) is str else from_rdflib(t) for t in triple)
    return _plain_line(s, p, o)


def _plain_line(s: Term, p: Term, o: Term) -> str:
    """The line of a triple of this module's terms."""
    return f"{s} {p} {o} .\n"
