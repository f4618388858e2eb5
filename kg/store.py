"""The build's persistent store: Oxigraph's on-disk (RocksDB) store in the output folder.

``OUT/store/oxigraph`` holds one named graph per report, one per entity described (``kg.graph``), the
collection's tallies (``kg.summaries``) and the vocabulary, and the default graph holds every triple of them
once, so that queries need no ``GRAPH`` pattern and count each triple once. The evidence of a report's facts
(its evidence nodes and the ``dip:evidence`` links to them, most of its triples) is kept in the default graph
only, where a quad goes into three indexes rather than nine. A report's graph read back from the store
(``report_quads``: the exports, ``store_dataset``) has its evidence again. ``OUT/store/manifest.sqlite``
(``kg.manifest``) says which graphs the store holds and the signature each was written from; a rebuild replaces
only the graphs whose signature changed.

A build never writes into the published store: it backs the store up into its staging folder
(RocksDB's checkpoints hard-link the immutable files), updates the copy (``kg.store_writer``), and ``kg.publish``
swaps the staging folder in. Readers open the store read-only.
"""

from __future__ import annotations

# hashlib is imported where a build needs it, and pathlib and typing not at all: a query opens the store without
# them (``kg.query_call``).
import io
import os

import pyoxigraph as ox

from kg.errors import DipkgError
from kg.manifest import MANIFEST_NAME, OLD_MANIFEST_NAME
from kg.namespaces import GRAPH_PREFIXES, ONTOLOGY, PREFIXES, RESOURCE, XSD_STRING

TYPE_CHECKING = False
if TYPE_CHECKING:  # rdflib is imported where it is used: a query on the store needs none of it
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from rdflib import Dataset
    from rdflib.term import Node

STORE_NAME = "store"
DATABASE_NAME = "oxigraph"
# Bytes of the digest by which the writer knows a default-graph line it has sent (no two lines of a store share one).
DIGEST_BYTES = 16
VOCABULARY_FILES = ("dipkg.ttl", "sectors.ttl", "roles.ttl")
# Subjects stated in one report's graph only: its evidence, its meetings and the report itself.
OWN_SUBJECTS = tuple(f"<{RESOURCE}{kind}/".encode("ascii")
                     for kind in ("evidence", "meeting", "report"))
# Those of them whose IRI holds the report's key (a meeting several reports tell is stated in each one's graph).
ONE_GRAPH_SUBJECTS = tuple(f"<{RESOURCE}{kind}/".encode("ascii")
                           for kind in ("evidence", "report"))
# The lines of a report graph's N-Triples that are its evidence: about an evidence node, or linking a fact's subject
# to one (stated in that report's graph only, like the evidence node). The store keeps them in the default graph only.
EVIDENCE_NODE = f"<{RESOURCE}evidence/".encode("ascii")
EVIDENCE_LINK = f" <{ONTOLOGY}evidence> <{RESOURCE}evidence/".encode("ascii")
_TYPE, _REPORT = ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(PREFIXES["dip"] + "Report")
_IN_REPORT, _EVIDENCE = ox.NamedNode(PREFIXES["dip"] + "inReport"), ox.NamedNode(PREFIXES["dip"] + "evidence")


def ntriples(triples: Iterable[tuple[object, object, object]]) -> bytes:
    """N-Triples of ``triples`` (rdflib or ``kg.nt`` terms), sorted: the same triples always give the same bytes."""
    from kg.nt import Lines

    lines = Lines()
    for triple in triples:
        lines.add(triple)
    return lines.document()


def pieces(ntriples: bytes, most: int) -> Iterator[bytes]:
    """N-Triples in pieces of whole lines, each of at most ``most`` bytes (or one line, where a line is longer):
    the store loads a graph of tens of megabytes (the tallies of a large collection) a batch at a time, where
    one load of it all took as much memory again as the rest of the build."""
    start = 0
    while len(ntriples) - start > most:
        end = ntriples.rfind(b"\n", start, start + most) + 1 or ntriples.find(b"\n", start + most) + 1
        if not end:
            break
        yield ntriples[start:end]
        start = end
    if start < len(ntriples):
        yield ntriples[start:]


def in_graph(graph: str, ntriples: bytes) -> bytes:
    """N-Triples as N-Quads of the named graph ``graph`` (a literal holds no raw line break, so
    every `` .`` before a line break ends a statement)."""
    return ntriples.replace(b" .\n", f" <{graph}> .\n".encode())


def store_dir(path: Path) -> Path | None:
    """The store folder ``path`` names: an output folder holding ``store/``, or the store folder
    itself (or its database); None when ``path`` is not a folder holding a store."""
    from pathlib import Path

    found = _store_folder(path)
    return None if found is None else Path(found)


def _store_folder(path: str | os.PathLike[str]) -> str | None:
    """``store_dir`` of a path as a string, without pathlib (``kg.query_call``)."""
    path = os.path.normpath(path)
    for candidate in (os.path.join(path, STORE_NAME), path, os.path.dirname(path) or os.curdir):
        if (os.path.isdir(os.path.join(candidate, DATABASE_NAME))
                and any(os.path.isfile(os.path.join(candidate, name)) for name in (MANIFEST_NAME, OLD_MANIFEST_NAME))):
            return candidate
    return None


def database(path: Path) -> Path | None:
    """The database folder of the store an output folder (or store folder) holds, else None."""
    found = store_dir(path) if path.is_dir() else None
    return found / DATABASE_NAME if found is not None else None


def open_store(path: str | os.PathLike[str]) -> ox.Store:
    """The store of an output folder, read-only; a one-line error when there is none."""
    found = _store_folder(path) if os.path.isdir(path) else None
    if found is None:
        raise DipkgError(f"{path}: no store here; run 'kg build --out {path}' first")
    try:
        return ox.Store.read_only(os.path.join(found, DATABASE_NAME))
    except OSError as exc:
        raise DipkgError(f"{found}: cannot open the store: {str(exc).splitlines()[0]}") from exc


class FirstLines:
    """The lines of N-Triples that come for the first time: a line about one of the ``own`` subjects (stated in
    one graph only), or holding ``link`` (a link to one of them), always; any other only the first time a call
    gives it. Lines are remembered by a digest of ``DIGEST_BYTES`` (a third of the memory of the lines), at most
    ``most`` of them; past those, a line not remembered is given again and ``forgot`` is set."""

    def __init__(self, own: tuple[bytes, ...], *, link: bytes | None = None, most: int | None = None) -> None:
        from hashlib import blake2b

        self._digest = blake2b
        self._own = own
        self._link = link
        self._most = most
        self._seen: set[bytes] = set()
        self.forgot = False

    def first(self, ntriples: bytes, own: tuple[bytes, ...] = ()) -> list[bytes]:
        """The lines of ``ntriples`` that come for the first time; ``own``: more subjects stated in these
        N-Triples' graph only."""
        return self.first_and_rest(ntriples, own)[0]

    def keyed(self, ntriples: bytes) -> list[tuple[int, bytes]]:
        """The lines of ``ntriples`` that are not always given: each one's number (from 0) and digest. What
        ``dropped_keyed`` reads, which depends on these N-Triples alone, and can be kept."""
        link, own, digest = self._link, self._own, self._digest
        return [(n, digest(line, digest_size=DIGEST_BYTES).digest())
                for n, line in enumerate(ntriples.splitlines(keepends=True))
                if not (line.startswith(own) or (link is not None and link in line))]

    def dropped_keyed(self, keyed: Iterable[tuple[int, bytes]]) -> list[int]:
        """The numbers (from 0) of the lines of the N-Triples whose lines ``keyed`` gives that ``first`` leaves out
        (given before), marked given as ``first`` marks them: the lines it gives are the others."""
        seen, most, out = self._seen, self._most, []
        for n, key in keyed:
            if key in seen:
                out.append(n)
            elif most is None or len(seen) < most:
                seen.add(key)
            else:
                self.forgot = True
        return out

    def first_and_rest(self, ntriples: bytes, own: tuple[bytes, ...] = (), apart: bytes | None = None
                       ) -> tuple[list[bytes], list[bytes]]:
        """``first``'s lines of ``ntriples``, and (where ``apart`` is given) its lines but those that begin with
        ``apart`` or hold the link: a report graph's lines without its evidence, which its named graph holds. One
        pass over the lines gives both."""
        link, out, rest, own, fresh = self._link, [], [], self._own + own, self._fresh
        for line in ntriples.splitlines(keepends=True):
            if line.startswith(own) or (link is not None and link in line):  # given always
                if apart is not None and not line.startswith(apart) and (link is None or link not in line):
                    rest.append(line)
                out.append(line)
                continue
            if apart is not None and not line.startswith(apart):
                rest.append(line)
            if fresh(line):
                out.append(line)
        return out, rest

    def _fresh(self, line: bytes) -> bool:
        """Whether a line that is not always given comes for the first time (remembered while there is room)."""
        key = self._digest(line, digest_size=DIGEST_BYTES).digest()
        if key in self._seen:
            return False
        if self._most is None or len(self._seen) < self._most:
            self._seen.add(key)
        else:
            self.forgot = True
        return True


def write_turtle(store: ox.Store, path: str) -> None:
    """The default graph (every triple once) as Turtle."""
    store.dump(path, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)


def _named_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """The quads of the named graphs, graph by graph, each report's with its evidence (streamed from the store)."""
    for graph in sorted(store.named_graphs(), key=str):
        yield from report_quads(store, graph)


def report_quads(store: ox.Store, graph: ox.NamedNode | ox.BlankNode) -> Iterator[ox.Quad]:
    """A named graph of the store as it was written: its quads and, for a report's graph, the evidence of its
    facts, which the store keeps in the default graph only (``StoreWriter``)."""
    reports = []
    for quad in store.quads_for_pattern(None, None, None, graph):
        if is_report(quad):
            reports.append(quad.subject)
        yield quad
    for quad in evidence_quads(store, reports):
        yield ox.Quad(quad.subject, quad.predicate, quad.object, graph)


def evidence_quads(store: ox.Store, reports: Iterable[ox.NamedNode | ox.BlankNode]) -> list[ox.Quad]:
    """The default graph's quads about the evidence nodes in ``reports`` (``dip:inReport``) and linking to them."""
    out: list[ox.Quad] = []
    for report in reports:
        for told in store.quads_for_pattern(None, _IN_REPORT, report, ox.DefaultGraph()):
            node = told.subject
            out += store.quads_for_pattern(node, None, None, ox.DefaultGraph())
            out += store.quads_for_pattern(None, _EVIDENCE, node, ox.DefaultGraph())
    return out


def is_report(statement: ox.Triple | ox.Quad) -> bool:
    """Does the statement type its subject a ``dip:Report``?"""
    return statement.predicate == _TYPE and statement.object == _REPORT


def write_trig(store: ox.Store, path: str | io.BytesIO) -> None:
    """The named graphs (``kg.store``) as TriG; the default graph is their union."""
    if isinstance(path, io.BytesIO):
        ox.serialize(_named_quads(store), path, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        return
    with open(path, "wb") as fh:
        ox.serialize(_named_quads(store), fh, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def write_jsonld(store: ox.Store, path: str) -> None:
    """The named graphs as JSON-LD, as the ``jsonld`` export writes a TriG file's graphs."""
    with open(path, "wb") as fh:
        ox.serialize(_named_quads(store), fh, format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES)


def write_ntriples(store: ox.Store, path: str) -> None:
    store.dump(path, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


STORE_FORMATS = {"turtle": write_turtle, "trig": write_trig, "nt": write_ntriples, "jsonld": write_jsonld}


def export_store(path: Path, fmt: str, out: Path) -> Path:
    """Write the store of an output folder as Turtle, TriG, N-Triples or JSON-LD, straight from the store."""
    from kg.files import write_atomic
    from kg.publish import fs_error

    store = open_store(path)
    if not out.parent.is_dir():
        raise DipkgError(f"{out.parent}: no such folder")
    try:
        return write_atomic(out, lambda f: STORE_FORMATS[fmt](store, f))
    except OSError as exc:
        raise fs_error(out, exc) from exc


def triples(store: ox.Store) -> int:
    answer = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert isinstance(answer, ox.QuerySolutions)
    return int(next(iter(answer))["n"].value)


SECTORS = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?m <{ONTOLOGY}topic> ?s }}"


# The classes ``counts`` counts the nodes of, and the count each adds to.
COUNTED_CLASSES = {"Report": "reports", "Meeting": "meetings", "Person": "persons", "Place": "places",
                   "Region": "places", "City": "places", "Country": "places", "Organization": "organizations",
                   "Company": "organizations", "University": "organizations", "GovernmentBody": "organizations",
                   "InternationalOrganization": "organizations"}


def counts(store: ox.Store, known_triples: int | None = None) -> dict[str, int]:
    """Reports, meetings, persons, places, organizations, sectors and triples of the store's graph
    (``known_triples``: the triples the manifest counted, not counted again).

    A node typed with two place (or organization) classes counts once per class, as
    ``kg.pipeline.summarise`` counts an rdflib graph. The default graph holds each ``?x a ?class``
    once, so the nodes of a class are its triples, counted class by class (one count over every
    typed node would walk the evidence nodes too, most of them)."""
    out = dict.fromkeys(("reports", "meetings", "persons", "places", "organizations"), 0)
    for name, key in COUNTED_CLASSES.items():
        answer = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?x a <{PREFIXES['dip']}{name}> }}")
        assert isinstance(answer, ox.QuerySolutions)
        out[key] += int(next(iter(answer))["n"].value)
    out["sectors"] = int(next(iter(store.query(SECTORS)))["n"].value)
    out["triples"] = triples(store) if known_triples is None else known_triples
    return out


def store_trig(store: ox.Store) -> bytes:
    buffer = io.BytesIO()
    write_trig(store, buffer)
    return buffer.getvalue()


def store_dataset(store: ox.Store) -> Dataset:
    """The store's named graphs (``kg.store``) as an rdflib dataset; its
    default graph, their union, is left out, as in a TriG file (read whole: for small graphs)."""
    from rdflib import Dataset

    from kg.rdf_io import to_rdflib

    ds = Dataset()
    for prefix, iri in GRAPH_PREFIXES.items():
        ds.bind(prefix, iri)
    for name in sorted(store.named_graphs(), key=str):
        graph = ds.graph(to_rdflib(name))
        for quad in report_quads(store, name):
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return ds


def vocabulary() -> tuple[bytes, str]:
    """The ontology files as N-Triples (``ntriples``), and their signature."""
    import hashlib

    from kg.files import ONTOLOGY_DIR

    digest = hashlib.sha256()
    lines: set[str] = set()
    for name in VOCABULARY_FILES:
        data = (ONTOLOGY_DIR / name).read_bytes()
        digest.update(data)
        lines.update(f"{q.subject} {q.predicate} {q.object} .\n" for q in ox.parse(data, format=ox.RdfFormat.TURTLE))
    return "".join(sorted(lines)).encode("utf-8"), digest.hexdigest()


def graph_ntriples(store: ox.Store, graph: str) -> bytes:
    """One named graph of the store, with its evidence (``report_quads``), as sorted N-Triples (``ntriples``)."""
    data = ox.serialize((q.triple for q in report_quads(store, ox.NamedNode(graph))),
                        format=ox.RdfFormat.N_TRIPLES) or b""
    return b"".join(sorted(data.splitlines(keepends=True)))


def rdflib_triples(store: ox.Store) -> Iterator[tuple[Node, Node, Node]]:
    """The default graph's triples as rdflib terms, one at a time (for code that walks triples)."""
    from rdflib import BNode, Literal

    iris = _Iris()

    def term(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        if isinstance(t, ox.NamedNode):
            return iris[t.value]
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        datatype = t.datatype.value
        return Literal(t.value, datatype=None if datatype == XSD_STRING else iris[datatype])

    for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        yield term(q.subject), term(q.predicate), term(q.object)


def read_values(store: ox.Store, predicates: Iterable[Node]) -> Iterator[tuple[Node, Node, Node | str]]:
    """The default graph's triples of ``predicates`` (rdflib IRIs), for code that reads their values rather than
    their terms (``kg.views.index.GraphIndex``): subjects that are IRIs only, IRIs as rdflib's (one object for
    each), a literal with a language as rdflib's, and any other literal as its lexical form, a ``str``.

    The store looks each predicate up. Read whole as rdflib terms (``rdflib_triples``), the 3.5 million triples of
    10,000 generated reports took 114 of the 166 s a view took; most are literals (the evidence's sentences,
    quotes and offsets), and making each an rdflib ``Literal`` took most of that time."""
    from rdflib import Literal

    iris = _Iris()
    for predicate in predicates:
        for q in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, ox.DefaultGraph()):
            s, o = q.subject, q.object
            if not isinstance(s, ox.NamedNode):
                continue
            if isinstance(o, ox.NamedNode):
                yield iris[s.value], predicate, iris[o.value]
            elif isinstance(o, ox.Literal):
                yield iris[s.value], predicate, Literal(o.value, lang=o.language) if o.language else o.value


def graph_values(graphs: Iterable[tuple[str, bytes]], predicates: Iterable[Node]
                 ) -> Iterator[tuple[Node, Node, Node | str]]:
    """``read_values`` of the union of ``graphs`` (each a graph's N-Triples, with its evidence, as
    ``StoreStage.chunks`` gives them): the triples the default graph of a store holding those graphs has, each once,
    read from the N-Triples rather than from the store. At 10,000 generated reports the store took about half a
    minute to give a view its predicates; the build has their N-Triples at hand, compressed in its graph cache."""
    from rdflib import Literal

    from kg.nt import unescape

    wanted = {f"<{p}>".encode(): p for p in predicates}
    lines, iris = FirstLines(ONE_GRAPH_SUBJECTS, link=EVIDENCE_LINK), _Iris()
    for _, ntriples in graphs:
        for line in lines.first(ntriples):
            if not line.startswith(b"<"):
                continue  # a blank node, which a view does not show
            after_subject = line.index(b"> ") + 2
            after_predicate = line.index(b"> ", after_subject) + 2
            predicate = wanted.get(line[after_subject:after_predicate - 1])
            if predicate is None:
                continue
            subject = iris[line[1:after_subject - 2].decode("utf-8")]
            o = line[after_predicate:].rstrip(b" .\r\n")
            if o.startswith(b"<"):
                yield subject, predicate, iris[o[1:-1].decode("utf-8")]
            elif o.startswith(b'"'):
                end = o.rindex(b'"')
                text = unescape(o[1:end].decode("utf-8"))
                language = o[end + 1:]
                yield subject, predicate, Literal(text, lang=language[1:].decode("ascii")) \
                    if language.startswith(b"@") else text


class _Iris(dict):
    """rdflib's IRI of each string, one object for each (made as they are asked for)."""

    def __missing__(self, value: str) -> Node:
        from rdflib import URIRef

        found = self[value] = URIRef(value)
        return found
