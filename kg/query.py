"""Queries: SPARQL text or a named query from ``kg/queries/``, answered by Oxigraph.

A named query's header comment says what it answers and which parameters it takes::

    # Persons by role and country: ...
    # param: role notation — a role's skos:notation (ambassador, governor, ...)
    # param: person string required — a name of the person

A parameter is bound with Oxigraph's substitutions (SPARQL SEP-0007): the value, typed by the
parameter's kind, is given to the engine as an RDF term and never formatted into the query text.
Substitution binds the variable everywhere in the query, so a named query projects each of its
parameters and binds it outside any OPTIONAL (``BIND(COALESCE(?x, "") AS ?param)`` where the
value may be missing); otherwise binding it would not filter the rows without a value.
A ``name`` parameter also binds ``?<name>Keys`` to the name's spelling-blind keys
(``kg.names.query_keys``), which a query compares with the persons' ``skos:hiddenLabel`` keys,
and ``?<name>Lower`` to the name in lower case, which a query looks up in ``dip:labelKey`` (every
label in lower case) to find a label in any letter case;
Oxigraph binds only projected variables, so the query projects them and the result leaves them out.
A ``label`` parameter (a place's or organization's name) binds only ``?<name>Forms``: the name's
forms in lower case (``kg.names.label_forms``: as written and every language's dictionary form),
which the query compares with the labels and with the node's quotes in the reports; its own
variable is the name the query finds, so it is never bound.
A name as written names the nodes the store knows by it: when one of its keys is a person's key, or
it is a label or a quote (in lower case), the languages' forms are not sought (``bind``); Кошербаевым
or Toyota's, which no node is called, is looked up by its dictionary forms.
"""

from __future__ import annotations

import itertools
import os
from collections import namedtuple

import pyoxigraph as ox

from kg.errors import DipkgError
from kg.files import package_path
from kg.namespaces import ONTOLOGY, RESOURCE, ROLE, SECTOR, WIKIDATA, XSD_STRING
from kg.query_call import FORMATS as FORMATS  # the formats render() writes, read from the options there
from kg.query_text import (
    BLOCKS,
    PAGE,
    QUERY_SUFFIX,
    REACH,
    Param,
    has_directive,
    included,
    is_notation,
    is_sparql,
    param_line,
    read_text,
    rows_each,
    variable_places,
    with_directive,
)
from kg.spreadsheet import safe_cell
from kg.written import listed, written_forms

# Neither typing nor pathlib is imported at run time, nor dataclasses (and inspect): a query call starts in
# the time Python, pyoxigraph and the store take to open (``kg.query_call``).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kg.sparql_limits import Limits

QUERY_DIR = package_path("queries")
# The node of the whole collection, on which the build writes figures a query's reach reads (``#ROWS``: ``_each``).
COLLECTION = f"{RESOURCE}collection"
TABLE_PREFIXES = {
    RESOURCE: "res:",
    ONTOLOGY: "dip:",
    SECTOR: "sector:",
    ROLE: "role:",
    WIKIDATA: "wd:",
}
TABLE_WIDTH = 60
# Items a list of a name's keys or forms may have (``bind``): a query reads at most these (``parts/list-items.rq``).
LIST_ITEMS = 256
# Reports a block of ranks holds (``dip:rankBlock``, ``rank_block``): a query finds the first reports in order by
# looking up the blocks their ranks are in, rather than by sorting the ranks of every report.
RANK_BLOCK = 100
# A table shows a page of this many rows unless told otherwise; csv, tsv and json give every row unless told
# otherwise.
TABLE_ROWS = 100
# A name parameter also binds its keys to this variable, which the query projects and the result leaves out.
KEYS_SUFFIX = "Keys"
# ... and the name in lower case (SPARQL's LCASE) to this one, which a query looks up in dip:labelKey.
LOWER_SUFFIX = "Lower"
# A label parameter binds only its forms, to this variable, which the result leaves out too.
FORMS_SUFFIX = "Forms"

Term = ox.NamedNode | ox.BlankNode | ox.Literal
# What a name parameter's keys and a label parameter's forms are compared with, to tell whether the store knows a
# node by the name as written (``_known``): the persons' keys, and every label and quote in lower case.
NAME_KEYS = (ox.NamedNode("http://www.w3.org/2004/02/skos/core#hiddenLabel"),)
LABEL_KEYS = (ox.NamedNode("https://w3id.org/dipkg/ontology#labelKey"),
              ox.NamedNode("https://w3id.org/dipkg/ontology#quoteKey"))


def _code(value: str) -> Term:
    if not (len(value) == 2 and value.isascii() and value.isalpha()):
        raise ValueError("expected an ISO 3166-1 alpha-2 code such as KZ")
    return ox.Literal(value.upper())


def _notation(value: str) -> Term:
    if not is_notation(value.strip().lower()):
        raise ValueError("expected a skos:notation such as logistics or ambassador")
    return ox.Literal(value.strip().lower())


def _integer(value: str) -> Term:
    try:
        return ox.Literal(int(value))
    except ValueError:
        raise ValueError("expected an integer") from None


def _label(value: str) -> Term:
    """A label parameter's forms as written; ``bind`` widens them to the languages' word forms where needed."""
    if not value.strip():
        raise ValueError("expected a name")
    return ox.Literal(written_forms(value))


def _iri(value: str) -> Term:
    if value.startswith("res:"):
        value = RESOURCE + value[4:]
    elif ":" not in value:
        value = RESOURCE + value
    try:
        return ox.NamedNode(value)
    except ValueError:
        raise ValueError("expected an IRI such as https://w3id.org/dipkg/resource/meeting/...") from None


KINDS: dict[str, Callable[[str], Term]] = {
    "string": ox.Literal,
    "name": ox.Literal,
    "label": _label,
    "code": _code,
    "notation": _notation,
    "integer": _integer,
    "iri": _iri,
}


class NamedQuery(namedtuple("NamedQuery", ("name", "path", "description", "params"), defaults=((),))):
    """A query of ``kg/queries/`` (or a ``.rq`` file): its name, file, description and parameters."""

    __slots__ = ()
    name: str
    path: str
    description: str
    params: tuple[Param, ...]

    @property
    def text(self) -> str:
        """The query's SPARQL, with the shared parts it includes."""
        return included(read_text(self.path))


class Result(namedtuple("Result", ("variables", "rows", "offset", "more"), defaults=(0, False))):
    """The rows of a SELECT query; a page of them when ``run`` was given a limit or an offset.

    ``offset`` is the number of rows skipped before the first one here; ``more`` says that rows
    follow the last one here (the page was cut by the limit).
    """

    __slots__ = ()
    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]
    offset: int
    more: bool


def parse_header(name: str, path: str, text: str) -> NamedQuery:
    """The description and parameters of a named query, from its leading comment lines."""
    description: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        param = param_line(line)
        if param is not None:
            if param.kind not in KINDS:
                raise DipkgError(f"{path}: parameter {param.name!r} has unknown kind {param.kind!r} "
                                 f"(known: {', '.join(KINDS)})")
            params.append(param)
        elif line.lstrip("#").strip() and not params:
            description.append(line.lstrip("#").strip())
    return NamedQuery(name, path, " ".join(description), tuple(params))


def named_queries() -> list[NamedQuery]:
    """The named queries of ``kg/queries/``, by name."""
    names = sorted(f[: -len(QUERY_SUFFIX)] for f in os.listdir(QUERY_DIR) if f.endswith(QUERY_SUFFIX))
    return [query for query in map(named_query, names) if query is not None]


def named_query(name: str) -> NamedQuery | None:
    path = os.path.join(QUERY_DIR, name + QUERY_SUFFIX)
    if "/" in name or "\\" in name or not os.path.isfile(path):
        return None
    return parse_header(name, path, read_text(path))


def resolve(query: str, params: Mapping[str, str] | None = None,
            store: ox.Store | None = None) -> tuple[str, dict[str, Term]]:
    """SPARQL text and typed parameter values for QUERY: a named query, a ``.rq`` file, or SPARQL text.

    A named query accepts only the parameters its header declares, typed by their kind (names and labels
    by what ``store`` holds: ``bind``); SPARQL text and ``.rq`` files bind every parameter as a plain
    string literal.
    """
    _, sparql, bound = _resolved(query, params, store)
    return sparql, bound


def _resolved(query: str, params: Mapping[str, str] | None,
              store: ox.Store | None) -> tuple[bool, str, dict[str, Term]]:
    """``resolve``, and whether QUERY is a named query of the library."""
    params = dict(params or {})
    named = _library(query)
    if named is not None:
        return True, named.text, bind(named, params, store)
    if query.endswith(QUERY_SUFFIX):
        if not os.path.isfile(query):
            raise DipkgError(f"{query}: no such query file")
        try:
            text = read_text(query)
        except (OSError, UnicodeDecodeError) as exc:
            raise DipkgError(f"{query}: cannot read the query file: {exc}") from exc
        header = parse_header(os.path.basename(query)[: -len(QUERY_SUFFIX)], query, text)
        return False, text, bind(header, params, store) if header.params else {
            k: ox.Literal(v) for k, v in params.items()}
    if not is_sparql(query):
        names = ", ".join(q.name for q in named_queries())
        raise DipkgError(f"{query!r}: neither SPARQL nor a named query (known: {names})")
    return False, query, {k: ox.Literal(v) for k, v in params.items()}


def _library(query: str) -> NamedQuery | None:
    """The named query QUERY names, if it names one."""
    return named_query(query.strip()) if "\n" not in query and " " not in query.strip() else None


def bind(query: NamedQuery, params: Mapping[str, str], store: ox.Store | None = None) -> dict[str, Term]:
    """Typed RDF terms for the given parameter values; a one-line error for unknown or bad ones.

    A name or label parameter is bound to its forms as written when ``store`` knows a node by one of them
    (``_known``), and to every language's word forms of it otherwise (or without a store)."""
    declared = {p.name: p for p in query.params}
    for name in params:
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise DipkgError(f"{query.name}: unknown parameter {name!r} (parameters: {known})")
    missing = [p.name for p in query.params if p.required and p.name not in params]
    if missing:
        raise DipkgError(f"{query.name}: needs --param {missing[0]}=VALUE ({declared[missing[0]].description})")
    out: dict[str, Term] = {}
    for name, value in params.items():
        try:
            term = KINDS[declared[name].kind](value)
        except ValueError as exc:
            raise DipkgError(f"{query.name}: --param {name}={value!r}: {exc}") from None
        if declared[name].kind == "label":
            if store is None or not _known(store, LABEL_KEYS, listed(term.value)):
                from kg.names import label_forms

                term = ox.Literal(label_forms(value))
            out[f"{name}{FORMS_SUFFIX}"] = _short_list(query, name, value, term)
            continue
        out[name] = term
        if declared[name].kind == "name":
            from kg.names import query_keys

            keys, lower = query_keys(value, forms=False), value.lower()
            known = store is not None and (_known(store, NAME_KEYS, listed(keys))
                                           or _known(store, LABEL_KEYS[:1], (lower,)))
            if not known:
                keys = query_keys(value)
            out[f"{name}{KEYS_SUFFIX}"] = _short_list(query, name, value, ox.Literal(keys))
            out[f"{name}{LOWER_SUFFIX}"] = ox.Literal(lower)
    return out


def _short_list(query: NamedQuery, name: str, value: str, items: ox.Literal) -> ox.Literal:
    """A list of keys or forms (``|a|b|``) a query reads whole (``LIST_ITEMS``), else a one-line error."""
    if len(listed(items.value)) > LIST_ITEMS:
        raise DipkgError(f"{query.name}: --param {name}={value!r}: more than {LIST_ITEMS} forms to look up")
    return items


def _known(store: ox.Store, predicates: tuple[ox.NamedNode, ...], values: tuple[str, ...]) -> bool:
    """Is one of the values an object of one of the predicates in the store? (A few lookups: whether a name
    asked for is a node's name as written, before its word forms are sought.)"""
    return any(next(iter(store.quads_for_pattern(None, p, ox.Literal(v), ox.DefaultGraph())), None) is not None
               for v in values for p in predicates)


def load_store(graph_path: str | os.PathLike[str]) -> ox.Store:
    """An in-memory Oxigraph store holding the graph file, or the store ``kg build`` wrote into an
    output folder (``graph_path`` a folder: opened read-only, nothing is parsed).

    The default graph holds every triple once; a TriG or N-Quads file also keeps its named graphs
    (one per report) for ``GRAPH`` patterns. The default graph is filled explicitly rather than
    queried as a union, which would repeat a triple stated in several graphs.
    """
    if not os.path.exists(graph_path):
        raise DipkgError(f"{graph_path}: no such graph file; run 'kg build' first")
    if os.path.isdir(graph_path):
        from kg.store import open_store

        return open_store(graph_path)
    if not os.path.isfile(graph_path):
        raise DipkgError(f"{graph_path}: not a regular file")
    fmt = rdf_format(graph_path)
    store = ox.Store()
    try:
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            store.bulk_load(path=str(graph_path), format=fmt)
            store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object)
                              for t in ox.parse(path=str(graph_path), format=fmt))
        else:
            store.bulk_load(path=str(graph_path), format=fmt, to_graph=ox.DefaultGraph())
    except (SyntaxError, ValueError, OSError) as exc:
        raise DipkgError(f"{graph_path}: not a readable RDF graph: {str(exc).splitlines()[0]}") from exc
    return store


def triples(store: ox.Store) -> int:
    """The number of triples in the store's default graph (the whole graph, each triple once)."""
    answer = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert isinstance(answer, ox.QuerySolutions)
    return int(next(iter(answer))["n"].value)


def rdf_format(path: str | os.PathLike[str]) -> ox.RdfFormat:
    suffix = os.path.splitext(path)[1].lstrip(".").lower()
    return ox.RdfFormat.from_extension(suffix) or ox.RdfFormat.TURTLE


def run(store: ox.Store, sparql: str, *, params: Mapping[str, Term | str] | None = None,
        limits: Limits | None = None, limit: int | None = None, offset: int = 0, library: bool = False) -> Result:
    """Run a SELECT query; ``params`` bind variables (``country`` → ``?country``), strings as literals.

    The text is checked against ``limits`` first (``kg.sparql_limits``): a query the engine could
    not survive, or one that would reach other endpoints, is a one-line error; a ``library`` text (a
    named query of ``kg/queries/``) is not checked. ``limit`` and
    ``offset`` page the rows: the rows before ``offset`` are skipped without being built, at most
    ``limit`` rows are kept, and ``Result.more`` says whether others follow. A query with a ``#REACH``
    line whose page comes up short is run again with a longer reach, and last without one (``_reaches``).
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise DipkgError(f"query: limit and offset must not be negative (limit {limit}, offset {offset})")
    # A name's lower-case form is bound only where the query uses it: a query written before it
    # existed does not project it, and Oxigraph refuses to bind a variable the query does not project.
    subs = {ox.Variable(k): ox.Literal(v) if isinstance(v, str) else v for k, v in (params or {}).items()
            if not k.endswith(LOWER_SUFFIX) or variable_places(sparql, f"?{k}") or variable_places(sparql, f"${k}")}
    if not library:
        from kg.sparql_limits import QueryRefused, check

        try:
            check(sparql, limits)
        except QueryRefused as exc:
            raise DipkgError(f"query refused: {exc}") from exc
    for reach in _reaches(sparql, limit, offset, store):
        variables, rows = _page(store, sparql, subs, limit, offset, reach=reach)
        # Fewer rows than a full page and one: the page is the last one, or the reach was short (rows of the
        # reached subquery that gave fewer rows than they do as a rule, or none); a longer reach tells, and last
        # the query without one.
        if reach is None or (limit is not None and len(rows) > limit):
            break
    more = limit is not None and len(rows) > limit
    if more:
        rows = rows[:limit]
    given = set(params or {})
    derived = {f"{name}{suffix}" for name in given for suffix in (KEYS_SUFFIX, LOWER_SUFFIX)} & given | {
        v for v in variables if v.endswith(FORMS_SUFFIX) and v[: -len(FORMS_SUFFIX)] in variables}
    if derived:
        keep = [n for n, v in enumerate(variables) if v not in derived]
        variables, rows = tuple(variables[n] for n in keep), tuple(tuple(row[n] for n in keep) for row in rows)
    return Result(variables, rows, offset, more)


def _reaches(sparql: str, limit: int | None, offset: int, store: ox.Store | None = None) -> list[int | None]:
    """The reaches a page is tried with, in turn (``_paged``): with a limit and a ``#REACH`` line, the rows of
    the reached subquery that give the page and the row after it where each gives ``#ROWS`` rows (``_each``),
    then where each gives one, then every row (None)."""
    if limit is None or not has_directive(sparql, REACH):
        return [None]
    needed = offset + limit + 1
    each = _each(sparql, store)
    return ([-(-needed // each)] if each > 1 else []) + [needed, None]


def _each(sparql: str, store: ox.Store | None) -> int:
    """The rows each row of a query's reach gives as a rule: the figure its ``#ROWS`` line names, as the store's
    collection node holds it (at least 1), else the number that line gives, else 1 (``rows_each``)."""
    each, figure = rows_each(sparql)
    if figure is not None and store is not None:
        for quad in store.quads_for_pattern(ox.NamedNode(COLLECTION), ox.NamedNode(ONTOLOGY + figure), None,
                                            ox.DefaultGraph()):
            value = quad.object.value if isinstance(quad.object, ox.Literal) else ""
            if value.isascii() and value.isdigit():
                return max(1, int(value))
    return each


def _page(store: ox.Store, sparql: str, subs: Mapping[ox.Variable, Term], limit: int | None, offset: int, *,
          reach: int | None) -> tuple[tuple[str, ...], tuple[tuple[Term | None, ...], ...]]:
    """The variables and the rows of one page, and one more row if there is one (``_paged``)."""
    sparql, skip = _paged(sparql, limit, offset, reach=reach)
    try:
        answer = store.query(sparql, substitutions=subs)
    except (SyntaxError, RuntimeError, ValueError) as exc:
        raise DipkgError(f"query: {str(exc).splitlines()[0]}") from exc
    if not isinstance(answer, ox.QuerySolutions):
        raise DipkgError("query: only SELECT queries print as a table")
    variables = tuple(v.value for v in answer.variables)
    page = itertools.islice(answer, skip, None if limit is None else skip + limit + 1)
    return variables, tuple(tuple(sol[v] for v in variables) for sol in page)


def rank_block(rank: int) -> int:
    """The block of a report's rank (from 1): ranks 1 to ``RANK_BLOCK`` are block 0, and so on."""
    return (rank - 1) // RANK_BLOCK


def _paged(sparql: str, limit: int | None, offset: int, *, reach: int | None = None) -> tuple[str, int]:
    """The query with its ``#PAGE`` line (if any) made the page's ``LIMIT``/``OFFSET``, and the rows
    still to skip from its answer.

    A query whose result rows are, one for one and in the same order, the rows of one ordered subquery
    puts a line ``#PAGE`` after that subquery's ``ORDER BY``: a page then selects only its rows there,
    and the rest of the query (what each row shows) is evaluated for those rows only. Without a limit
    and an offset the line stays a comment.

    A line ``#REACH`` after the ``ORDER BY`` of a subquery whose rows each give the rows of the page's
    subquery (or of the result) that sort first among those not yet given, becomes ``LIMIT reach``
    (``_reaches``: ``offset + limit + 1``, or that divided by the ``#ROWS`` each gives as a rule): the rows
    of a page and the one after it are among those its first rows give when each gives that many, and the rest
    is not evaluated. ``run`` runs the query again with a longer reach, and last without one, when the page
    comes up short. Without a limit the line stays a comment.
    Every ``#REACH`` line gets the same limit: a query may repeat its reached subquery to join it twice.
    A line ``#BLOCKS`` in a subquery of ranks (``dip:rankBlock ?block``) becomes, with the reach, the
    ``VALUES`` of the blocks (``rank_block``) of the ranks the reach takes: those reports are looked up,
    not every report sorted. Without the reach it stays a comment, and every block is read."""
    if reach is not None and limit is not None and has_directive(sparql, REACH):
        sparql = with_directive(sparql, REACH, lambda _: f"LIMIT {reach}")
        blocks = " ".join(str(b) for b in range(rank_block(reach) + 1))
        sparql = with_directive(sparql, BLOCKS, lambda indent: f"{indent}VALUES ?block {{ {blocks} }}")
    if not has_directive(sparql, PAGE) or (limit is None and not offset):
        return sparql, offset
    clause = (f"LIMIT {limit + 1} " if limit is not None else "") + (f"OFFSET {offset}" if offset else "")
    return with_directive(sparql, PAGE, lambda _: clause, count=1), 0


def ask(store: ox.Store, query: str, params: Mapping[str, str] | None = None, *, limit: int | None = None,
        offset: int = 0, limits: Limits | None = None) -> Result:
    """Resolve QUERY (a named query, a ``.rq`` file or SPARQL text) with its parameters and run it,
    one page of rows when ``limit``/``offset`` are given."""
    library, sparql, bound = _resolved(query, params, store)
    return run(store, sparql, params=bound, limits=limits, limit=limit, offset=offset, library=library)


def _plain(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode):
        return term.value
    return str(term)


def _short(term: object) -> str:
    text = _plain(term)
    if isinstance(term, ox.NamedNode):
        for namespace, prefix in TABLE_PREFIXES.items():
            if text.startswith(namespace):
                return prefix + text[len(namespace):]
    return " ".join(text.split())


def render(result: Result, fmt: str) -> str:
    """``table`` for reading (IRIs as prefixed names), ``csv``/``tsv`` with plain values for spreadsheets,
    ``json`` in the SPARQL 1.1 Query Results JSON format. A csv/tsv cell that a spreadsheet would take
    for a formula starts with ``'`` (``kg.spreadsheet``)."""
    if fmt == "json":
        import json

        return json.dumps(_json(result), ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        import io

        try:  # csv's writer itself: the csv module around it imports ``re`` (for its Sniffer), 3 ms of a call
            from _csv import writer
        except ImportError:  # a Python without the C module
            from csv import writer

        buf = io.StringIO()
        w = writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([safe_cell(_plain(t)) for t in row])
        return buf.getvalue()
    cells = [list(result.variables)] + [[_short(t) for t in row] for row in result.rows]
    widths = [min(TABLE_WIDTH, max(len(r[i]) for r in cells)) for i in range(len(result.variables))]
    lines = []
    for n, r in enumerate(cells):
        lines.append("  ".join(_cut(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(_count_line(result))
    return "\n".join(lines)


def _count_line(result: Result) -> str:
    """``(10 rows)``, or for a page which rows it holds and where the next page starts."""
    n = len(result.rows)
    if not result.more and not result.offset:
        return f"({n} rows)"
    span = f"rows {result.offset + 1}–{result.offset + n}" if n else f"no rows after row {result.offset}"
    if result.more:
        return f"({n} rows shown, {span}; more rows follow: --offset {result.offset + n})"
    return f"({n} rows shown, {span}; no more rows)"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _json(result: Result) -> dict:
    return {"head": {"vars": list(result.variables)},
            "results": {"bindings": [{v: _json_term(t) for v, t in zip(result.variables, row, strict=True)
                                      if t is not None} for row in result.rows]}}


def _json_term(t: object) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    assert isinstance(t, ox.Literal)
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != XSD_STRING:
        out["datatype"] = t.datatype.value
    return out
